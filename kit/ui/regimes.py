"""Three regimes, one dataset: pick a kind of content, see it under each regime side by side (``kit.show_regimes``).

Thin: :mod:`kit.regimes` builds the comparison and words the defaults; this module lays them out as a table (a row per
question, a column per regime, each answer with the legal texts it rests on, linked to their official pages), with
the three defaults above it in words. The static form shows every kind of content, one table each.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..content.law import LawText
from ..content.regimes import RegimesFile
from ..i18n import t
from ..regimes import MARKS, Comparison, comparison, contrast, outcome, short_title
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["RegimesView", "comparison_html"]


def _unbroken(title: str) -> str:
    """``title`` escaped, a legal reference with parentheses ("6(1)(a)", "53(1)(c)") kept whole: a browser may break
    a line between ")" and "(", so a word joiner (U+2060, not shown or read) goes there (issue 27 item 4: no word
    broken in a table cell). Not a nowrap span: the reading edition lets those wrap on a phone."""
    return h.esc(title).replace(")(", ")\u2060(")


def _laws(texts: tuple[LawText, ...]) -> str:
    links = ", ".join(f"<a href='{h.esc(x.url)}' target='_blank' rel='noopener noreferrer' title='{h.esc(x.title)}'>"
                      f"{_unbroken(short_title(x))}</a>" for x in texts)
    style = f"color:{h.MUTED};font-size:0.9em;margin-top:0.3em"
    return f"<div style='{style}'>{h.labelled(t('regimes.rests_on'), links)}</div>"


def outcomes_html(comp: Comparison) -> str:
    """The three defaults in words, then the sentence that contrasts them: what a screen reader hears first."""
    items = h.bullets(f"<span aria-hidden='true'>{MARKS[c.default]}</span> {h.esc(outcome(c))}" for c in comp.columns)
    return (f"<div class='kit-regimes-outcomes' role='status'>{items}"
            f"<p style='margin:0.3em 0'><strong>{h.esc(contrast(comp))}</strong></p></div>")


def _style(border: str, first: bool = False) -> str:
    """A cell's style: top-aligned, a border above or below; the first column (the questions) keeps its words whole."""
    extra = "min-width:7em;overflow-wrap:normal;" if first else ""
    return f"style='text-align:left;vertical-align:top;padding:0.3em 0.5em;{extra}{border}'"


def table_html(comp: Comparison) -> str:
    """The comparison as a table: a header per regime (name, field of law, default), a row per question."""
    below, above = f"border-bottom:2px solid {h.BORDER}", f"border-top:1px solid {h.BORDER}"
    head = [f"<th scope='col' {_style(below, first=True)}>{h.esc(t('regimes.question'))}</th>"]
    for c in comp.columns:
        mark = f"<span aria-hidden='true'>{MARKS[c.default]}</span>"
        head.append(f"<th scope='col' {_style(below)}>{h.esc(c.regime.name)}"
                    f"<div style='font-weight:normal;color:{h.MUTED};font-size:0.9em'>"
                    f"{h.esc(t('regimes.field_' + c.regime.field))} · {mark} "
                    f"{h.esc(t('regimes.default_' + c.default))}</div></th>")
    rows = []
    for i, (_q, label) in enumerate(comp.questions):
        cells = "".join(f"<td {_style(above)}>{h.esc(c.cells[i].text)}{_laws(c.cells[i].law)}</td>"
                        for c in comp.columns)
        rows.append(f"<tr><th scope='row' {_style(above, first=True)}>{h.esc(label)}</th>{cells}</tr>")
    caption = t("regimes.caption", content=comp.content.name)
    return h.scroll_box(f"<table class='kit-regimes' style='border-collapse:collapse;font-size:0.92em;width:100%'>"
                        f"<caption style='text-align:left;font-weight:bold;padding:0.2em 0'>{h.esc(caption)}</caption>"
                        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>", caption)


def examples_html(comp: Comparison, case_titles: Mapping[str, str]) -> str:
    """Where the regimes were tested for this kind of content: a case of the kit, or the pages read."""
    if not comp.examples:
        return ""
    items = []
    for e in comp.examples:
        text = e.text + (" " + t("regimes.see_case", title=case_titles.get(e.case, e.case)) if e.case else "")
        line = h.labelled(e.title + (f" ({e.date.human()})" if e.date else ""), h.esc(text))
        if e.sources:
            line += h.bullets(f"{h.link(s.url, s.about)} — {h.esc(s.publisher)}"
                              + (f", {h.esc(s.date.human())}" if s.date else "") + " · " + h.status_badge(s.status)
                              for s in e.sources)
        items.append(line)
    return h.heading(t("regimes.examples"), level=5) + h.bullets(items)


def comparison_html(comp: Comparison, regimes: RegimesFile, case_titles: Mapping[str, str]) -> str:
    """Everything shown for one kind of content: what it is, the defaults, the table, the examples, the caveat."""
    note = f"<p style='color:{h.MUTED}'><em>{h.esc(regimes.note)}</em></p>" if regimes.note else ""
    return (h.para(comp.content.description) + outcomes_html(comp) + table_html(comp)
            + examples_html(comp, case_titles) + note)


class RegimesView(Static, w.VBox):
    """Pick a kind of content (public posts, workplace messages, a photographer's images); the three regimes follow."""

    def __init__(self, regimes: RegimesFile, law: Mapping[str, LawText], case_titles: Mapping[str, str],
                 content_id: str | None = None):
        self.regimes, self.law, self.case_titles = regimes, law, case_titles
        contents = regimes.contents
        self.picker = w.ToggleButtons(
            options=[(c.name, c.id) for c in contents],
            value=content_id or contents[0].id,
            description=t("regimes.pick"),
            tooltips=[c.description for c in contents],
            style={"button_width": "auto"},
        )
        self.picker.tooltip = t("regimes.pick_description")
        self.body = w.HTML()
        self.picker.observe(lambda _c: self._render(), names="value")
        super().__init__([w.HTML(h.heading(regimes.title, level=3) + h.para(regimes.intro)), self.picker, self.body])
        self.add_class("kit-regimes-view")
        self._render()

    @property
    def comparison(self) -> Comparison:
        return comparison(self.regimes, self.law, self.picker.value)

    def _render(self) -> None:
        self.body.value = comparison_html(self.comparison, self.regimes, self.case_titles)

    def static_html(self) -> str:
        """Every kind of content, one after the other: a reader without a kernel cannot pick."""
        parts = [h.heading(self.regimes.title, level=3), h.para(self.regimes.intro)]
        for c in self.regimes.contents:
            parts += [h.heading(c.name, level=4),
                      comparison_html(comparison(self.regimes, self.law, c.id), self.regimes, self.case_titles)]
        return "".join(parts)

    def static_text(self) -> str:
        return t("regimes.static", title=self.regimes.title, n=len(self.regimes.contents),
                 regimes=len(self.regimes.regimes))
