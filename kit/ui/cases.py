"""The cross-case view: filters (Dropdown and SelectMultiple), the table as escaped HTML, and plots that follow."""

from __future__ import annotations

from ..cases import Draft, filter_rows
from ..i18n import t
from ..plots import cases as plots
from ..plots import figure_html
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["CasesView", "table_html"]

#: What the table shows in columns (it fits 800 px); the rest of a case opens under its name, on demand.
_SUMMARY = ("company", "year", "default", "individual_can_act", "steps", "permission")
_DETAIL = ("title", "mechanism", "region", "outcome", "permission_reason", "status")
_HEAD = {"company": "col_company", "title": "col_title", "year": "col_year", "default": "col_default",
         "mechanism": "col_mechanism", "individual_can_act": "col_who", "steps": "col_steps", "region": "col_region",
         "outcome": "col_outcome", "status": "col_status", "permission": "col_permission",
         "permission_reason": "col_permission_reason"}


def _cell(column: str, value) -> str:
    if column == "default":
        return h.esc(t(f"cases.default_{value}"))
    if column == "mechanism":
        return h.esc(t(f"cases.mechanism_{value}"))
    if column == "individual_can_act":
        word = "answer_unknown" if value is None else ("answer_yes" if value else "answer_no")
        return h.esc(("✔ " if value else "✘ " if value is False else "? ") + t(f"cases.{word}"))
    if column == "steps":
        return "—" if value is None or str(value) == "<NA>" else h.esc(int(value))
    if column == "status":
        return h.status_badge(value) if value else ""
    if column == "permission":
        return h.esc(t(f"cases.permission_{value}") if value else t("cases.answer_unknown"))
    return h.esc(value)


def table_html(df: list[dict]) -> str:
    """The rows (:func:`kit.cases.case_rows`) as an HTML table; every cell's text is escaped."""
    if not len(df):
        return f"<p>{h.esc(t('cases.none'))}</p>"
    head = "".join(f"<th scope='col' style='text-align:left;padding:0.2em 0.4em'>{h.esc(t('cases.' + _HEAD[c]))}</th>"
                   for c in _SUMMARY)
    td = f"<td style='vertical-align:top;padding:0.2em 0.4em;border-top:1px solid {h.BORDER}'>"
    rows = []
    for rec in df:
        detail = "".join(h.labelled(t("cases." + _HEAD[c]), _cell(c, rec[c])) for c in _DETAIL[1:])
        first = (f"<details><summary><strong>{_cell('company', rec['company'])}</strong>: "
                 f"{_cell('title', rec['title'])}</summary>{detail}</details>")
        cells = td + first + "</td>" + "".join(f"{td}{_cell(c, rec[c])}</td>" for c in _SUMMARY[1:])
        rows.append(f"<tr>{cells}</tr>")
    return h.scroll_box(f"<table class='kit-cases' style='border-collapse:collapse;font-size:0.9em;width:100%'>"
                        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>", t("cases.title"))


def drafts_html(left_out: list[Draft]) -> str:
    """One line naming the cases left out because they are not complete yet (nothing when there are none)."""
    if not left_out:
        return ""
    words = t("drafts.left_out", ids=", ".join(d.id for d in left_out))
    return f"<p class='kit-drafts'><em>{h.esc(words)}</em></p>"


class CasesView(Static, w.VBox):
    """Filter the cases; the table (and, with ``plots=True``, the figures) follow the filters. ``drafts``: the cases
    left out because they are not complete yet (:func:`kit.cases.drafts`), named in one line."""

    def __init__(self, df: list[dict], plots: bool = False, drafts: list[Draft] = ()):
        self.df = df  # rows as dicts: the view needs no pandas (kit.cases.case_rows)
        anyone = (t("cases.any"), "")
        self.year = w.SelectMultiple(options=[(str(y), int(y)) for y in sorted({r["year"] for r in df})], value=(),
                                     description=t("cases.year"), rows=3)
        self.year.tooltip = t("cases.year_description")
        self.default = w.Dropdown(options=[anyone] + [(t(f"cases.default_{d}"), d) for d in
                                                      sorted({r["default"] for r in df})],
                                  value="", description=t("cases.default"))
        self.default.tooltip = t("cases.default_description")
        self.mechanism = w.Dropdown(options=[anyone] + [(t(f"cases.mechanism_{m}"), m) for m in
                                                        sorted({r["mechanism"] for r in df})],
                                    value="", description=t("cases.mechanism"))
        self.mechanism.tooltip = t("cases.mechanism_description")
        self.region = w.Dropdown(options=[anyone] + [(t(f"cases.region_{r}"), r) for r in
                                                     sorted({r["region_group"] for r in df} - {""})],
                                 value="", description=t("cases.region"))
        self.region.tooltip = t("cases.region_description")
        self.permission = w.Dropdown(options=[anyone] + [(t(f"cases.permission_{p}"), p) for p in
                                                         sorted({r["permission"] for r in df} - {""})],
                                     value="", description=t("cases.permission"),
                                     style={"description_width": "initial"})  # its label is longer than the others
        self.permission.tooltip = t("cases.permission_description")
        self.count = w.HTML()
        self.drafts = drafts_html(list(drafts))
        self.table = w.HTML()
        self.figures = w.VBox() if plots else None
        for control in (self.year, self.default, self.mechanism, self.region, self.permission):
            control.observe(lambda _c: self.update(), names="value")
        parts = [w.HTML(h.heading(t("cases.title"), level=3)),
                 w.HBox([self.year, w.VBox([self.default, self.mechanism, self.region, self.permission])],
                        layout={"flex_flow": "row wrap"}),
                 self.count]
        parts.append(self.figures if plots else self.table)
        super().__init__(parts)
        self.add_class("kit-cases-view")
        self.update()

    @property
    def filtered(self):
        return filter_rows(self.df, year=list(self.year.value), default=self.default.value or None,
                           mechanism=self.mechanism.value or None, region=self.region.value or None,
                           permission=self.permission.value or None)

    def static_html(self) -> str:
        """The table (or the figures) for the current filters."""
        shown = self.table.value if self.figures is None else "".join(c.value for c in self.figures.children)
        return h.heading(t("cases.title"), level=3) + self.count.value + shown

    def static_text(self) -> str:
        return t("static.cases", title=t("cases.title"), n=len(self.filtered))

    def update(self) -> None:
        df = self.filtered
        self.count.value = f"<p role='status'>{h.esc(t('cases.count', n=len(df), total=len(self.df)))}</p>"
        if self.figures is None:
            self.table.value = table_html(df) + self.drafts
            return
        if not len(df):
            self.figures.children = [w.HTML(f"<p>{h.esc(t('cases.none'))}</p>" + self.drafts)]
            return
        notice = [w.HTML(self.drafts)] if self.drafts else []
        self.figures.children = [*notice,
            w.HTML(figure_html(plots.timeline_figure(df), plots.timeline_alt(df), t("cases.timeline_caption"))),
            w.HTML(figure_html(plots.by_year_figure(df), plots.by_year_alt(df), t("cases.by_year_caption"))),
            w.HTML(figure_html(plots.steps_figure(df), plots.steps_alt(df), t("cases.steps_caption"))),
        ]
