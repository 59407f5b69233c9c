"""A match-pairs question: match each option (the items on the left) with one of the ``matches`` (on the right).

In a quiz file::

    type: match-pairs
    options:                 # the items to match
      - {id: opt-in, text: opt-in}
    matches:                 # what they are matched with (more than the options: the rest are distractors)
      - {id: says-yes, text: Nothing happens until the person says yes.}
    answer: {opt-in: says-yes}   # each option's match

A response is a mapping of option ids to match ids (None: not chosen yet). Partial credit: the share of options
matched right; correct when every one is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content.base import check_duplicates
from ..content.schema import Id, ParseContext, Record, Text, doc, shown
from .base import AnswerWords, QuestionType, TypeField, option_text

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["Match", "MatchPairs"]


@dataclass(frozen=True, kw_only=True)
class Match(Record):
    entry_name = "match"
    id: Id = doc("a short id for what an option is matched with, like 'says-yes'")
    text: Text = doc("what students read in the list beside each option", translate=True)


def _match_text(question: Question, match_id: Any) -> str:
    return next((m.text for m in question.matches if m.id == match_id), str(match_id))


class MatchPairs(QuestionType):
    name = "match-pairs"
    summary = "match each option with one of the matches"
    answer_doc = "each option id with the id of its match, as 'option: match' lines"
    has_options = True
    view = "match_pairs.MatchPairsInput"
    fields = {
        "matches": TypeField(tuple[Match, ...], doc("what the options are matched with (match-pairs questions)", ()),
                             "only a match-pairs question has matches; this one is {type}"),
    }

    def check(self, ctx: ParseContext, question: Question, withheld: bool = False) -> None:
        if len(question.matches) < 2:
            ctx.at(question, "matches", "a match-pairs question needs at least two matches")
        check_duplicates(ctx, question.matches, "match")

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        pairs = question.answer
        if not (isinstance(pairs, tuple) and all(isinstance(p, tuple) for p in pairs)):
            ctx.at(question, "answer", f"expected each option id with the id of its match ('option: match' lines), "
                                       f"got {shown(pairs)}")
            return
        options = [o.id for o in question.options]
        matches = {m.id for m in question.matches}
        for left, right in pairs:
            if left not in options:
                ctx.at(question, "answer", f"'{left}' is not among the options: expected ids from "
                                           f"{', '.join(options)}")
            if right not in matches:
                ctx.at(question, "answer", f"'{right}' is not among the matches: expected ids from "
                                           f"{', '.join(sorted(matches))}")
        missing = [o for o in options if o not in dict(pairs)]
        if missing:
            ctx.at(question, "answer", f"every option needs its match; missing: {', '.join(missing)}")

    def is_answered(self, question: Question, response: Any) -> bool:
        return isinstance(response, dict) and any(v is not None for v in response.values())

    def problem(self, question: Question, response: Any) -> str | None:
        if self.is_answered(question, response) and any(response.get(o.id) is None for o in question.options):
            return "incomplete"
        return super().problem(question, response)

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        key = dict(question.answer)
        right = sum(1 for left, match in key.items() if response.get(left) == match)
        return right / len(key), right == len(key)

    def unusable(self, question: Question, response: Any) -> str | None:
        ok = (isinstance(response, dict) and len(response) <= max(len(question.options), 1) * 4
              and all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in response.items()))
        return None if ok else "expected each option id with the id of its match"

    def right_response(self, question: Question) -> Any:
        return None if question.answer is None else dict(question.answer)

    def response_words(self, question: Question, response: Any) -> str:
        if not isinstance(response, dict):
            return super().response_words(question, response)
        return "; ".join(f"{option_text(question, left)} → {_match_text(question, right)}"
                         for left, right in response.items())

    def answer_words(self, question: Question) -> AnswerWords | None:
        if question.answer is None:
            return None
        return AnswerWords(tuple(f"{option_text(question, left)} → {_match_text(question, right)}"
                                 for left, right in question.answer))
