"""Input of a match-pairs question: each option with a dropdown of the matches beside it (keyboard: Tab to a list,
arrow keys to choose)."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from .. import html as h
from .. import widgets as w
from .base import WIDE, InputView

__all__ = ["MatchPairsInput"]


class MatchPairsInput(InputView):
    def matches(self) -> list:
        """The matches in the order of their text, so the file's order (often the answer's) gives nothing away."""
        return sorted(self.question.matches, key=lambda m: m.text.casefold())

    def make(self) -> w.Widget:
        choices = [(m.text, m.id) for m in self.matches()]
        self.lists = []
        rows: list[w.Widget] = [w.HTML(f"<em>{h.esc(t('match.help'))}</em>")]
        for i, o in enumerate(self.options, 1):
            d = w.Dropdown(options=choices, value=None, description=t("match.item", n=i), layout=WIDE)
            d.tooltip = t("match.tooltip", item=o.text)
            self.lists.append(d)
            rows += [w.HTML(f"<strong>{i}.</strong> {h.esc(o.text)}"), d]
        return w.VBox(rows)

    def response(self) -> Any:
        return {o.id: d.value for o, d in zip(self.options, self.lists, strict=True)}

    def set_response(self, value: Any) -> None:
        for o, d in zip(self.options, self.lists, strict=True):
            if value.get(o.id) in {i for _label, i in d.options}:
                d.value = value[o.id]

    def reset(self) -> None:
        for d in self.lists:
            d.value = None

    def static_html(self) -> str:
        items = "".join(f"<li>{h.esc(o.text)}</li>" for o in self.options)
        return (f"<p><em>{h.esc(t('match.help'))}</em></p><ol>{items}</ol>"
                + h.labelled(t("match.choices"), h.bullets(h.esc(m.text) for m in self.matches())))

    def problem_text(self, problem: str, response: Any) -> str:
        if problem == "incomplete":
            return t("match.incomplete")
        return super().problem_text(problem, response)
