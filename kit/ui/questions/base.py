"""The input of one question type: :class:`InputView`, and :func:`input_view`, which finds a question's.

A question view (:class:`kit.ui.quiz.QuestionView`) holds the question's text, Check and Hint and the feedback; what a
student answers with is its type's input view: the controls, reading, setting and clearing the response, and the
question's options as a reader without widgets sees them. Each question type names its input view
(``QuestionType.view``, ``"<module>.<Class>"`` under this package); the rules stay in :mod:`kit.questions`.
"""

from __future__ import annotations

import importlib
from typing import Any

from ...content.quiz import Option, Question
from ...i18n import t
from ...questions import question_type
from .. import html as h
from .. import widgets as w

__all__ = ["WIDE", "InputView", "input_view", "view_class"]

#: The width of a control that holds an option's text.
WIDE = {"width": "min(100%, 46em)"}


class InputView:
    """The controls of one question type. Not a widget itself (one model fewer for the page): ``widget`` is.

    A subclass makes its controls in :meth:`make` and says how to read (:meth:`response`), put back
    (:meth:`set_response`, given a response as :meth:`kit.questions.QuestionType.restored` returns it) and clear
    (:meth:`reset`) the response; :meth:`static_html` is the question's options as text, and :meth:`problem_text`
    the words for a response that cannot be checked yet (:meth:`kit.questions.QuestionType.problem`).
    """

    def __init__(self, question: Question, options: tuple[Option, ...]):
        self.question = question
        self.options = options  # in the order shown (seeded shuffle)
        self.widget = self.make()

    def make(self) -> w.Widget:  # pragma: no cover - every input view makes its own
        raise NotImplementedError

    def response(self) -> Any:  # pragma: no cover - every input view reads its own
        raise NotImplementedError

    def set_response(self, value: Any) -> None:  # pragma: no cover - every input view sets its own
        raise NotImplementedError

    def reset(self) -> None:  # pragma: no cover - every input view clears its own
        raise NotImplementedError

    def static_html(self) -> str:
        """The options as a reader without widgets sees them (nothing for a type without options)."""
        return ""

    def problem_text(self, problem: str, response: Any) -> str:
        """Why the response cannot be checked yet, in words: "Give an answer first" unless the type says more."""
        return t("quiz.blank")

    def listed(self, help_key: str) -> str:
        """The options as a list, under the words that say what to do with them."""
        return f"<p><em>{h.esc(t(help_key))}</em></p>" + h.bullets(h.esc(o.text) for o in self.options)


def view_class(question: Question | str) -> type[InputView]:
    """The input view class a question's type (or the type called so) names (``QuestionType.view``)."""
    module, _, name = question_type(question).view.rpartition(".")
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


def input_view(question: Question, options: tuple[Option, ...]) -> InputView:
    """The input of ``question``, its options in the order given."""
    return view_class(question)(question, options)
