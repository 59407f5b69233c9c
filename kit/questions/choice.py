"""Questions answered by choosing: one option (single), every option that applies (multiple), true or false."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.schema import ParseContext, shown
from .base import AnswerWords, QuestionType, expected_option_ids, ids_of, option_text, yes_no

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["GIVEAWAY_MORE", "GIVEAWAY_RATIO", "Multiple", "OptionList", "Single", "TrueFalse", "check_giveaway",
           "check_option_ids", "giveaway", "giveaway_message"]

#: A right option this many times as long as the longest wrong one, and at least :data:`GIVEAWAY_MORE` characters
#: longer, gives itself away by its length (issue 27 item 8): a student who cannot answer picks the longest option.
#: The four options the walkthrough named were 1.9 to 2.2 times the longest wrong one; in the rebuilt bank the right
#: option is at most 1.26 times the longest wrong one (the median 1.1): 1.3 leaves room for the few words a precise
#: right answer needs, and the 20 characters (three or four words) keep short options ("Opt-in", "Step 2: necessity")
#: from tripping the rule over a word.
GIVEAWAY_RATIO = 1.3
GIVEAWAY_MORE = 20


def check_option_ids(ctx: ParseContext, question: Question) -> tuple[str, ...] | None:
    """An answer that lists option ids: each among the options, none twice, at least one. The ids, or None when
    the answer is not a list of ids at all."""
    a = question.answer
    values = ids_of(a) if isinstance(a, (str, tuple)) else None
    if values is None or not all(isinstance(v, str) for v in values):
        ctx.at(question, "answer", f"expected a list of option ids, got {shown(a)}")
        return None
    if not values:
        ctx.at(question, "answer", "is empty: a graded question needs at least one correct option")
    ids = {o.id for o in question.options}
    for v in values:
        if v not in ids:
            ctx.at(question, "answer", f"'{v}' is not among the options: expected ids from "
                                       f"{expected_option_ids(question)}")
    if len(set(values)) != len(values):
        ctx.at(question, "answer", "lists an option twice")
    return values


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def giveaway(question: Question) -> tuple[Any, Any] | None:
    """(the right option, the longest wrong one) when a right option is much longer than every wrong option; None
    when the lengths give nothing away (or the question has no wrong option or no key)."""
    if question.type not in ("single", "multiple") or not isinstance(question.answer, (str, tuple)):
        return None
    right = set(ids_of(question.answer))
    if not right <= {o.id for o in question.options}:
        return None  # an answer naming an option that does not exist: kit check reports that instead
    wrong = [o for o in question.options if o.id not in right]
    keyed = [o for o in question.options if o.id in right]
    if not wrong or not keyed:
        return None
    longest_wrong = max(wrong, key=lambda o: _length(o.text))
    longest_right = max(keyed, key=lambda o: _length(o.text))
    n, m = _length(longest_right.text), _length(longest_wrong.text)
    if n > GIVEAWAY_RATIO * m and n - m >= GIVEAWAY_MORE:
        return longest_right, longest_wrong
    return None


def giveaway_message(right: Any, wrong: Any) -> str:
    """What ``kit check`` says about a right option much longer than the longest wrong one."""
    n, m = _length(right.text), _length(wrong.text)
    return (f"the right option '{right.id}' is {n} characters long, {n / m:.2f} times the longest wrong one "
            f"('{wrong.id}', {m}): a student can pick it by its length alone; make the options about as long (the "
            f"right one at most {GIVEAWAY_RATIO:g} times the longest wrong one, or fewer than {GIVEAWAY_MORE} "
            "characters longer)")


def check_giveaway(ctx: ParseContext, question: Question) -> None:
    """``kit check``: a right option much longer than the others. A check of how the quiz is written, not of its
    shape: ``kit check`` reports it, and the quiz still opens."""
    found = giveaway(question)
    if found is not None:
        ctx.at(question, "options", giveaway_message(*found))


class Single(QuestionType):
    name = "single"
    summary = "pick one option"
    answer_doc = "the id of the right option"
    has_options = True
    view = "choice.SingleInput"

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        a = question.answer
        if not isinstance(a, str):
            ctx.at(question, "answer", f"expected the id of one option ({expected_option_ids(question)}), "
                                       f"got {shown(a)}")
        elif a not in {o.id for o in question.options}:
            ctx.at(question, "answer", f"'{a}' is not among the options: expected one of "
                                       f"{expected_option_ids(question)}")

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        ok = response == question.answer
        return (1.0 if ok else 0.0), ok

    def picked(self, question: Question, response: Any) -> tuple[Any, ...]:
        return (response,)


class OptionList(QuestionType):
    """A type answered with a list of option ids (several options, or all of them in order)."""

    has_options = True
    joiner = " + "  # between the options of an answer, in words
    ordered = False  # whether the answer in words is an ordered list

    def is_answered(self, question: Question, response: Any) -> bool:
        return isinstance(response, (list, tuple, set, frozenset)) and len(response) > 0

    def unusable(self, question: Question, response: Any) -> str | None:
        ok = (isinstance(response, list) and len(response) <= max(len(question.options), 1) * 4
              and all(isinstance(r, str) for r in response))
        return None if ok else "expected a list of option ids"

    def right_response(self, question: Question) -> Any:
        return None if question.answer is None else list(ids_of(question.answer))

    def response_words(self, question: Question, response: Any) -> str:
        if not isinstance(response, (list, tuple)):
            return super().response_words(question, response)
        return self.joiner.join(option_text(question, r) for r in response)

    def answer_words(self, question: Question) -> AnswerWords | None:
        if question.answer is None:
            return None
        return AnswerWords(tuple(option_text(question, i) for i in ids_of(question.answer)), self.ordered)


class Multiple(OptionList):
    """Partial credit: with k right options, each right option picked earns 1/k and each wrong option picked costs
    1/k; the total is floored at 0. Only the exact set of right options counts as correct."""

    name = "multiple"
    summary = "pick every option that applies"
    answer_doc = "a list of the ids of the right options"
    view = "choice.MultipleInput"

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        check_option_ids(ctx, question)

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        right = set(ids_of(question.answer))
        picked = list(dict.fromkeys(response))  # in order, without repeats
        hits = sum(1 for p in picked if p in right)
        misses = len(picked) - hits
        return (max(0.0, (hits - misses) / len(right)) if right else 0.0), set(picked) == right

    def picked(self, question: Question, response: Any) -> list[Any]:
        return list(dict.fromkeys(response))

    def restored(self, question: Question, response: Any) -> Any:
        return [r for r in response if isinstance(r, str)] if isinstance(response, list) else response


class TrueFalse(QuestionType):
    name = "true-false"
    summary = "say whether a statement is true or false"
    answer_doc = "true or false"
    view = "choice.TrueFalseInput"

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        if not isinstance(question.answer, bool):
            ctx.at(question, "answer", f"expected true or false, got {shown(question.answer)}")

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        ok = isinstance(response, bool) and response is question.answer
        return (1.0 if ok else 0.0), ok

    def unusable(self, question: Question, response: Any) -> str | None:
        return None if isinstance(response, bool) else "expected true or false"

    def response_words(self, question: Question, response: Any) -> str:
        return yes_no(response) if isinstance(response, bool) else str(response)
