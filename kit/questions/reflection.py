"""A reflection: free text, not graded; after submitting, a model answer and points for discussion."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.facilitation import Facilitation, facilitation_doc
from ..content.schema import ParseContext, Text, doc
from .base import MAX_TEXT, QuestionType, TypeField

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["Reflection"]


class Reflection(QuestionType):
    name = "reflection"
    summary = "write a few sentences (not graded)"
    graded = False
    view = "reflection.ReflectionInput"
    fields = {
        "model_answer": TypeField(Text | None, doc("a model answer shown after a reflection is submitted", None,
                                                   answer_key=True, model_answer=True, translate=True),
                                  "only a reflection question has a model answer: put it in 'explanation'"),
        "discussion": TypeField(tuple[Text, ...], doc("points for discussion, shown after a reflection is submitted",
                                                      (), answer_key=True, model_answer=True, translate=True),
                                "only a reflection question has discussion points"),
        "facilitation": TypeField(Facilitation | None, facilitation_doc("the reflection"),
                                  "only a reflection question has facilitation notes: a quiz's go on the quiz"),
    }

    def check(self, ctx: ParseContext, question: Question, withheld: bool = False) -> None:
        if question.model_answer is None and not withheld:
            ctx.at(question, "model_answer", "missing: every reflection question needs a model answer")

    def is_answered(self, question: Question, response: Any) -> bool:
        return isinstance(response, str) and bool(response.strip())

    def unusable(self, question: Question, response: Any) -> str | None:
        return None if isinstance(response, str) and len(response) <= MAX_TEXT else "expected text"

    def right_response(self, question: Question) -> Any:
        return question.model_answer

    def answer_words(self, question: Question):
        return None  # the model answer is shown as such
