"""Questions answered by choosing: one option (single), every option that applies (multiple), true or false."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.schema import ParseContext, shown
from .base import AnswerWords, QuestionType, expected_option_ids, ids_of, option_text, yes_no

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["Multiple", "OptionList", "Single", "TrueFalse", "check_option_ids"]


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
