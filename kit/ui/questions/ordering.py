"""Input of an ordering question: one dropdown per position, each starting empty."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from ...questions.ordering import duplicates
from .. import html as h
from .. import widgets as w
from .base import WIDE, InputView

__all__ = ["OrderingInput"]


class OrderingInput(InputView):
    def make(self) -> w.Widget:
        items = [(o.text, o.id) for o in self.options]
        self.slots = []
        for i, _o in enumerate(self.options, 1):  # every position starts empty: nothing is chosen for them
            d = w.Dropdown(options=items, value=None, description=t("quiz.position", n=i), layout=WIDE)
            d.tooltip = t("quiz.position_tooltip", n=i)
            self.slots.append(d)
        return w.VBox([w.HTML(f"<em>{h.esc(t('quiz.order_help'))}</em>"), *self.slots])

    def response(self) -> Any:
        return [d.value for d in self.slots]

    def set_response(self, value: Any) -> None:
        for d, v in zip(self.slots, value, strict=False):
            if v in {i for _label, i in d.options}:
                d.value = v

    def reset(self) -> None:
        for d in self.slots:
            d.value = None

    def static_html(self) -> str:
        return self.listed("quiz.order_help")

    def problem_text(self, problem: str, response: Any) -> str:
        if problem == "duplicate":
            texts = {o.id: o.text for o in self.options}
            return t("quiz.order_duplicate", items="; ".join(texts.get(d, str(d)) for d in duplicates(response)))
        if problem == "incomplete":
            return t("quiz.order_incomplete")
        return super().problem_text(problem, response)
