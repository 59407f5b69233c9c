"""Inputs of the choice questions: a one-choice list for one option or true/false (one Tab stop, arrow keys choose,
Tab goes on to Check: :func:`kit.ui.widgets.one_choice`), a checkbox per option for several."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from .. import html as h
from .. import widgets as w
from .base import WIDE, InputView

__all__ = ["MultipleInput", "SingleInput", "TrueFalseInput"]


class SingleInput(InputView):
    layout = WIDE  # room for an option's text

    def choices(self) -> list[tuple[str, Any]]:
        return [(o.text, o.id) for o in self.options]

    def make(self) -> w.Widget:
        self.radio = w.one_choice(self.choices(), description=t("quiz.answer"), layout=self.layout)
        self.radio.tooltip = t("quiz.pick_one")
        return self.radio

    def response(self) -> Any:
        return self.radio.value

    def set_response(self, value: Any) -> None:
        self.radio.value = value if value in {v for _label, v in self.radio.options} else None

    def reset(self) -> None:
        self.radio.value = None

    def static_html(self) -> str:
        return self.listed("quiz.pick_one")


class TrueFalseInput(SingleInput):
    layout: dict = {}

    def choices(self) -> list[tuple[str, Any]]:
        return [(t("quiz.answer_true"), True), (t("quiz.answer_false"), False)]

    def static_html(self) -> str:
        return h.bullets([h.esc(t("quiz.answer_true")), h.esc(t("quiz.answer_false"))])


class MultipleInput(InputView):
    def make(self) -> w.Widget:
        self.boxes = [w.Checkbox(value=False, description=o.text, indent=False, layout=WIDE) for o in self.options]
        for b in self.boxes:
            b.tooltip = t("quiz.pick_many")
        return w.VBox([w.HTML(f"<em>{h.esc(t('quiz.pick_many'))}</em>"), *self.boxes])

    def response(self) -> Any:
        return [o.id for o, b in zip(self.options, self.boxes, strict=True) if b.value]

    def set_response(self, value: Any) -> None:
        for o, b in zip(self.options, self.boxes, strict=True):
            b.value = o.id in value

    def reset(self) -> None:
        for b in self.boxes:
            b.value = False

    def static_html(self) -> str:
        return self.listed("quiz.pick_many")
