"""A question answered with a number, right within a tolerance, in a unit."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..content.schema import Line, ParseContext, doc, shown
from ..i18n import t
from ..locale import number as in_words
from ..locale import percent
from .base import AnswerWords, Grade, QuestionType, TypeField, number, typed_number

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["Numeric"]


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _with_unit(value: float, unit: str | None) -> str:
    """A number in the current language, with its unit: « 70 % » in French, "70%" in English."""
    if unit == "%":
        return percent(value)
    return in_words(value) + (f" {unit}" if unit else "")


class Numeric(QuestionType):
    """1 if within ``tolerance`` of the answer (inclusive), else 0. A typed "12,5" or "40 %" is read as a number.

    The feedback says whether the number is within the tolerance: right, "within 1 of the expected 70 %"; wrong,
    whether it is too low or too high (a self-check that points the way without giving the answer away)."""

    name = "numeric"
    summary = "give a number"
    answer_doc = "a number"
    view = "numeric.NumericInput"
    fields = {
        "tolerance": TypeField(float | None, doc("how far from the answer a numeric answer may be and still count",
                                                 None),
                               "only a numeric question has a tolerance; this one is {type}"),
        "unit": TypeField(Line | None, doc("the unit of a numeric answer, like '%'", None, translate=True),
                          "only a numeric question has a unit; this one is {type}"),
    }

    def check(self, ctx: ParseContext, question: Question, withheld: bool = False) -> None:
        if question.tolerance is not None and question.tolerance < 0:
            ctx.at(question, "tolerance", f"expected a number of 0 or more, got {question.tolerance:g}")

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        if not _is_number(question.answer):
            ctx.at(question, "answer", f"expected a number, got {shown(question.answer)}")

    def number_answer(self, question: Question) -> float | None:
        return float(question.answer) if _is_number(question.answer) else None

    def is_answered(self, question: Question, response: Any) -> bool:
        return number(response) is not None

    def problem(self, question: Question, response: Any) -> str | None:
        if isinstance(response, str) and response.strip() and number(response) is None:
            return "not_a_number"
        return super().problem(question, response)

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        ok = abs(number(response) - float(question.answer)) <= (question.tolerance or 0.0) + 1e-9
        return (1.0 if ok else 0.0), ok

    def grade(self, question: Question, response: Any) -> Grade:
        g = super().grade(question, response)
        x = number(response)
        if g.score is None or not g.answered or x is None:
            return g
        answer, tolerance = float(question.answer), question.tolerance or 0.0
        if g.correct:
            line = t("quiz.numeric_within" if tolerance else "quiz.numeric_exact", value=in_words(x),
                     tolerance=in_words(tolerance), answer=_with_unit(answer, question.unit))
        else:
            line = t("quiz.numeric_low" if x < answer else "quiz.numeric_high", value=in_words(x))
        return replace(g, feedback=(line,))

    def unusable(self, question: Question, response: Any) -> str | None:
        if isinstance(response, str) and len(response) <= 100:
            usable = not response.strip() or number(typed_number(response)) is not None
        else:
            usable = number(response) is not None
        return None if usable else "expected a number"

    def answer_words(self, question: Question) -> AnswerWords | None:
        if not _is_number(question.answer):
            return None
        words = f"{question.answer:g}" + (f" {question.unit}" if question.unit else "")
        if question.tolerance:
            words += " " + t("static.tolerance", tolerance=f"{question.tolerance:g}")
        return AnswerWords((words,))
