"""Notebook 05's task (``kit.show_coding``): code a case on named dimensions, then compare with the kit's coding.

Thin: the dimensions, the kit's coding (read from each case's data) and the comparison are :mod:`kit.coding`; the
words are the UI strings ``coding.*``. What a student codes is handed in as it is chosen (:mod:`kit.writing`,
``coding:<case>:<dimension>``), so the notebook's one "Keep your answers" box saves it, and it comes back after a
restart or a loaded file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import writing
from ..coding import DIMENSIONS, NOT_IN_DATA, Coded, compare, key, kit_coding
from ..content.case import Case
from ..i18n import t
from ..locale import typo
from . import html as h
from . import widgets as w
from .static import Static, show_answer

__all__ = ["CodingView", "coding_table_html"]


def _value(dimension: str, value: str | None) -> str:
    if value is None:
        return t("coding.not_given")
    return t("coding.not_in_data") if value == NOT_IN_DATA else t(f"coding.{dimension}_{value}")


def _kit_cell(c: Coded) -> str:
    kit_value = f"<strong>{h.esc(_value(c.dimension, c.kit))}</strong>"
    said = h.esc(t("coding.not_coded")) if c.kit is None else kit_value
    if c.field:
        said += f"<br><small>{h.esc(t('coding.from_field', field=c.field))}</small>"
    if c.evidence:
        label = "coding.could_act" if c.dimension == "who" else "coding.data_says"
        said += f"<br><small>{h.esc(t(label, text=c.evidence))}</small>"
    return said


def _verdict(c: Coded) -> str:
    if c.kit is None:
        return t("coding.not_coded_mark")
    if c.student is None:
        return t("coding.not_given")
    return t("coding.same") if c.agree else t("coding.differs")


def coding_table_html(case: Case, coded: Sequence[Coded], with_student: bool = True) -> str:
    """The dimensions of one case: the student's coding (when ``with_student``), the kit's with the field it is read
    from, and whether they agree, in words and a symbol."""
    cell = f"style='vertical-align:top;padding:0.2em 0.4em;border-top:1px solid {h.BORDER}'"
    cols = ["col_dimension", *(("col_yours",) if with_student else ()), "col_kit",
            *(("col_verdict",) if with_student else ())]
    head = "".join(f"<th scope='col' style='text-align:left;padding:0.2em 0.4em'>{h.esc(t('coding.' + c))}</th>"
                   for c in cols)
    rows = []
    for c in coded:
        cells = [f"<th scope='row' {cell} style='text-align:left'>{h.esc(t('coding.' + c.dimension))}</th>"]
        if with_student:
            cells.append(f"<td {cell}>{h.esc(_value(c.dimension, c.student))}</td>")
        cells.append(f"<td {cell}>{_kit_cell(c)}</td>")
        if with_student:
            cells.append(f"<td {cell}>{h.esc(_verdict(c))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = t("coding.table_caption", case=f"{case.meta.company} ({case.meta.period.start.year})")
    return h.scroll_box(f"<table class='kit-coding' style='border-collapse:collapse;font-size:0.9em;width:100%'>"
                        f"<caption style='text-align:left'>{h.esc(caption)}</caption><thead><tr>{head}</tr></thead>"
                        f"<tbody>{''.join(rows)}</tbody></table>", caption)


class CodingView(Static, w.VBox):
    """A case picker, one list per dimension, "Compare with the kit's coding" and the comparison."""

    def __init__(self, rows: Sequence[Mapping], cases: Mapping[str, Case]):
        self.rows = {r["id"]: r for r in rows}
        self.cases = cases
        # Every case in view, whole (a drop-down cut "Meta (Facebook, Instagram, WhatsApp, Meta AI) (2024)"), Slack
        # chosen first: the task starts with it.
        ids = [r["id"] for r in rows]
        self.case = w.one_choice([(f"{r['company']} ({r['year']})", r["id"]) for r in rows], t("coding.case"),
                                 value="slack-2024" if "slack-2024" in ids else ids[0])
        self.case.tooltip = t("coding.case_tooltip")
        self.lists: dict[str, w.Select] = {}
        parts: list[w.Widget] = [w.HTML(h.heading(t("coding.title"), level=3) + h.para(t("coding.intro"))),
                                 self.case]
        for d in DIMENSIONS:
            box = w.one_choice([(_value(d.id, v), v) for v in d.values], description=t(f"coding.{d.id}"),
                               style={"description_width": "initial"})
            box.tooltip = t(f"coding.{d.id}_question")
            box.observe(lambda c, d=d.id: self._chosen(d, c["new"]), names="value")
            self.lists[d.id] = box
            parts += [w.HTML(f"<p style='margin:0.6em 0 0.1em 0'><strong>{h.esc(t(f'coding.{d.id}_question'))}"
                             "</strong></p>"), box]
        self.compare_button = w.Button(description=t("coding.compare"), tooltip=t("coding.compare_tooltip"),
                                       button_style="primary")
        self.compare_button.on_click(lambda _b: self.compare())
        self.result = w.HTML()
        self.result.add_class("kit-coding-result")
        parts += [self.compare_button, self.result]
        self._filling = False
        self.case.observe(lambda _c: self._fill(), names="value")
        super().__init__(parts)
        self.add_class("kit-coding")
        self._fill()
        writing.subscribe("coding", on_restore=self._fill)

    # ------------------------------------------------------------------------------------------- state
    def coded(self) -> dict[str, str | None]:
        """What the student chose for the current case, by dimension."""
        return {d: box.value for d, box in self.lists.items()}

    def _chosen(self, dimension: str, value) -> None:
        if self._filling:
            return
        writing.put(key(self.case.value, dimension), value)
        self.result.value = ""  # a comparison made before no longer fits

    def _fill(self) -> None:
        """The current case's coding as handed in (a case not coded yet: nothing chosen)."""
        self._filling = True
        try:
            for d, box in self.lists.items():
                saved = writing.get(key(self.case.value, d))
                box.value = saved if saved in {v for _label, v in box.options} else None
            self.result.value = ""
        finally:
            self._filling = False

    def compare(self) -> list[Coded] | None:
        chosen = self.coded()
        if not any(chosen.values()):
            self.result.value = f"<p role='status'><strong>{h.esc(t('coding.nothing_yet'))}</strong></p>"
            return None
        case = self.cases[self.case.value]
        result = compare(self.rows[self.case.value], case, chosen)
        agree = sum(1 for c in result if c.agree)
        coded = sum(1 for c in result if c.agree is not None)
        said = t("coding.summary", agree=agree, coded=coded)
        self.result.value = h.card(f"<p role='status'><strong>{h.esc(said)}</strong></p>"
                                   + coding_table_html(case, result) + h.para(t("coding.after_compare")),
                                   label=t("coding.compare"))
        return result

    # ------------------------------------------------------------------------------------------- static form
    def static_html(self) -> str:
        """The task, its dimensions with their values, and each case's coding by the kit behind "Show the answer"."""
        dims = h.bullets(f"<strong>{h.esc(t(f'coding.{d.id}_question'))}</strong> "
                         + h.esc(" · ".join(_value(d.id, v) for v in d.values)) for d in DIMENSIONS)
        cases = "".join(
            h.heading(typo(f"{r['company']} ({r['year']}): {r['title']}"), 5)
            + show_answer(coding_table_html(self.cases[cid], list(kit_coding(r, self.cases[cid]).values()),
                                            with_student=False))
            for cid, r in self.rows.items())
        return h.heading(t("coding.title"), level=3) + h.para(t("coding.intro")) + dims + cases

    def static_text(self) -> str:
        return t("static.coding", title=t("coding.title"), n=len(DIMENSIONS), cases=len(self.rows))
