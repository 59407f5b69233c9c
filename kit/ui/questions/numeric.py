"""Input of a numeric question: a text box (a decimal comma or a percent sign is read), the unit beside it."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from ...questions.base import typed_number
from .. import html as h
from .. import widgets as w
from .base import InputView

__all__ = ["NumericInput"]


class NumericInput(InputView):
    def make(self) -> w.Widget:
        # continuous_update=False: the number reaches the kernel whole, when the student leaves the box (for Check) or
        # presses Enter. Sent at each keystroke, "45" went as "4" then "45"; ipywidgets holds a control's next update
        # back until the kernel has answered the one before, but not a button's click, so Check pressed within that
        # time was checked against "4" while the box showed 45.
        self.number = w.Text(value="", description=t("quiz.number"), placeholder=t("quiz.number_tooltip"),
                             continuous_update=False)
        self.number.tooltip = t("quiz.number_tooltip")
        unit = w.HTML(h.esc(self.question.unit) if self.question.unit else "")
        return w.HBox([self.number, unit])

    def response(self) -> Any:
        return typed_number(self.number.value)

    def set_response(self, value: Any) -> None:
        self.number.value = f"{value:g}" if isinstance(value, (int, float)) else str(value)

    def reset(self) -> None:
        self.number.value = ""

    def problem_text(self, problem: str, response: Any) -> str:
        if problem == "not_a_number":
            return t("quiz.not_a_number", text=self.number.value.strip())
        return super().problem_text(problem, response)
