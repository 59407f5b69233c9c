"""Input of a reflection: a text box of a few lines."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from .. import widgets as w
from .base import InputView

__all__ = ["ReflectionInput"]


class ReflectionInput(InputView):
    def make(self) -> w.Widget:
        # continuous_update=False, as the number box (numeric.py): Submit pressed right after typing must not get
        # the text as it was a few keystrokes earlier.
        self.text = w.Textarea(value="", description=t("quiz.reflection"), placeholder=t("quiz.reflection_tooltip"),
                               continuous_update=False,
                               style={"description_width": "initial"},
                               layout={"width": "min(100%, 46em)", "height": "7em"})
        self.text.tooltip = t("quiz.reflection_tooltip")
        return self.text

    def response(self) -> Any:
        return self.text.value

    def set_response(self, value: Any) -> None:
        self.text.value = str(value)

    def reset(self) -> None:
        self.text.value = ""
