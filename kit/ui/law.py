"""The legal texts, and the consent checklist view: per condition a verdict and a reason, a Compare button,
feedback in words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import writing
from ..content.case import Case
from ..content.law import VERDICTS, Checklist
from ..i18n import language, t
from ..law import Comparison, compare
from ..locale import colon, series
from . import html as h
from . import widgets as w
from .static import Static, StaticHTML, show_answer

__all__ = ["ChecklistView", "condition_html", "law_html", "law_view"]


def _more(summary: str, body: str) -> str:
    """Detail on demand: a fold-out block whose keys never reach the notebook's shortcuts."""
    return (f"<details data-lm-suppress-shortcuts='true' style='margin:0.25em 0'><summary>{h.esc(summary)}</summary>"
            f"<div style='margin:0.2em 0 0.4em 1em'>{body}</div></details>")


SETTLED = ("law", "case-law")  # a statute's or a court's words: certain in themselves, however the kit read them


def _sureness(record, kind: str) -> str:
    """How sure we are of the wording. For a law or a judgment checked against copies of the official text, say so in
    words: the law is not uncertain, only the page the kit read was a copy (issue 23)."""
    n = getattr(record, "copies_checked", None)
    if kind in SETTLED and n and record.status == "seen-secondary":
        return h.labelled(t("law.wording"), h.esc(t("law.copies_checked_one" if n == 1 else "law.copies_checked",
                                                     n=n)))
    return h.status_line(record.status)


def law_html(text) -> str:
    """One legal text: heading, plain-language reading first; exact words, translations and sources on demand."""
    parts = [h.heading(text.title), f"<div style='color:{h.MUTED}'>{h.esc(text.instrument)} · {h.esc(text.reference)}"
             + (f" · {h.esc(text.date.human())}" if text.date else "") + "</div>"]
    parts.append(h.labelled(t("law.explanation"), h.para(text.explanation)))
    # i13: in another language, its official wording (with its own source and status), then the original.
    own = [tr for tr in text.translations if tr.language == language()]
    for tr in own:
        official = [h.quote(tr.text, tr.language),
                    h.labelled(t("law.read_at"), h.link(tr.url, tr.url) + h.read_in_copy(tr.read_at)),
                    _sureness(tr, text.kind)]
        if tr.note:
            official.append(h.labelled(t("common.note"), h.esc(tr.note)))
        parts.append(_more(t("law.official"), "".join(official)))
    if text.text:
        exact = h.quote(text.text, "en") if own else h.quote_of(text, "text")
        parts.append(_more(t("law.original") if own else t("law.exact"), exact))
    elif not own and not text.translations:  # a French law has its words only in French: shown just below
        parts.append(f"<p><em>{h.esc(t('law.no_quote'))}</em></p>")
    for tr in text.translations:
        if tr not in own:
            parts.append(_more(t("law.french"), h.quote(tr.text, tr.language) + h.link(tr.url, tr.url)
                               + h.read_in_copy(tr.read_at)))
    # the original page, and in words whether a copy was read; the copies and the working notes ('checked') are
    # for instructors, in the data
    source = [h.labelled(t("law.read_at"), h.link(text.url, text.url) + h.read_in_copy(text.read_at))]
    if text.note:
        source.append(h.labelled(t("common.note"), h.esc(text.note)))
    parts.append(_sureness(text, text.kind))
    parts.append(_more(t("law.source"), "".join(source)))
    return h.card("".join(parts), label=text.title)


def law_view(texts: Iterable) -> w.HTML:
    """The legal texts given, one card each, under the section's heading."""
    texts = list(texts)
    return StaticHTML(h.heading(t("law.title"), 3) + "".join(law_html(x) for x in texts),
                      summary=colon(t("law.title"), series(x.title for x in texts)))


def condition_html(condition, checklist: Checklist) -> str:
    """A condition as a checklist shows it: its name, its question, and the legal texts it rests on."""
    law = series(checklist.law[i].title for i in condition.law)  # i25: titles hold commas and colons
    return (f"<strong>{h.esc(colon(condition.name))}</strong> {h.esc(condition.question)}"
            f"<div style='color:{h.MUTED};font-size:0.9em'>{h.esc(colon(t('checklist.rests_on'), law))}</div>")


class _ConditionRow(w.VBox):
    def __init__(self, condition, checklist: Checklist, on_change):
        self.condition = condition
        self.header = w.HTML(condition_html(condition, checklist))
        self.verdict = w.RadioButtons(options=[(t(f"checklist.verdict_{v}"), v) for v in VERDICTS], value=None,
                                      description=t("checklist.verdict_label"))
        self.verdict.tooltip = t("checklist.verdict_description", name=condition.name)
        # A few sentences, not a line: taken (and saved) when the student leaves the box.
        self.reason = w.Textarea(description=t("checklist.reason_label"),
                                 placeholder=t("checklist.reason_placeholder"), continuous_update=False,
                                 layout={"width": "min(100%, 40em)", "height": "5em"})
        self.reason.tooltip = t("checklist.reason_description", name=condition.name)
        self._feedback: w.HTML | None = None
        self.verdict.observe(lambda _c: on_change(self), names="value")
        self.reason.observe(lambda _c: on_change(self), names="value")
        super().__init__([self.header, self.verdict, self.reason],
                         layout={"border_bottom": "1px solid var(--jp-border-color2, #ccc)", "padding": "0.3em 0"})

    @property
    def feedback(self) -> w.HTML:
        """Where the comparison with the reference is shown, made at the first Compare: one control fewer per row
        for the page to build until then (issue 26)."""
        if self._feedback is None:
            self._feedback = w.HTML()
            w.put_in(self, [*self.children, self._feedback])
        return self._feedback

    @property
    def answer(self) -> dict:
        """The verdict and reason as they are handed in."""
        return {"verdict": self.verdict.value, "reason": self.reason.value.strip()}

    def fill(self, saved) -> None:
        saved = saved if isinstance(saved, dict) else {}
        verdict = saved.get("verdict")
        self.verdict.value = verdict if verdict in VERDICTS else None
        self.reason.value = saved.get("reason") if isinstance(saved.get("reason"), str) else ""


class ChecklistView(Static, w.VBox):
    """Pick a mechanism; give a verdict and a reason per condition; Compare shows the model's verdicts and reasons.

    Each verdict and reason is handed in (:mod:`kit.writing`) as it is entered, so the notebook's "Keep your answers"
    saves it at once; when a saved file is read, the rows are filled again.
    """

    def __init__(self, checklist: Checklist, cases: Mapping[str, Case], assessment_id: str = "slack-2024"):
        self.checklist = checklist
        self.cases = cases
        self.picker = w.Dropdown(
            options=[(t("checklist.option", title=cases[a.case].meta.title,
                        basis=t("checklist.basis_short_" + a.basis)), a.id) for a in checklist.assessments],
            value=checklist.assessment(assessment_id).id,
            description=t("checklist.pick"),
            layout={"width": "min(100%, 46em)"},
        )
        self.picker.tooltip = t("checklist.pick_description")
        self.title = w.HTML()
        self.mechanism = w.HTML()
        self.rows_box = w.VBox()
        self.compare_button = w.Button(description=t("checklist.compare"), tooltip=t("checklist.compare_tooltip"),
                                       icon="check", button_style="primary",
                                       layout={"width": "auto", "max_width": "100%"})  # never "Compare with …"
        self.summary = w.HTML()
        self.rows: list[_ConditionRow] = []
        self._filling = False
        self.picker.observe(lambda _c: self._build(), names="value")
        self.compare_button.on_click(lambda _b: self.compare())
        super().__init__([self.title, self.picker, self.mechanism, self.rows_box, self.compare_button, self.summary])
        self.add_class("kit-checklist")
        self._build()
        writing.subscribe(f"checklist:{self.picker.value}", on_restore=self._fill)

    def _key(self, row: _ConditionRow) -> str:
        return f"checklist:{self.picker.value}:{row.condition.id}"

    def _build(self) -> None:
        a = self.checklist.assessment(self.picker.value)
        case = self.cases[a.case]
        self.title.value = h.heading(t("checklist.title_" + a.basis, company=case.company), level=3)
        note = h.labelled(t("common.note"), h.esc(a.note)) if a.note else ""
        self.mechanism.value = h.card(h.labelled(t("checklist.mechanism"), h.esc(a.mechanism))
                                      + h.labelled(t("checklist.relationship"), h.esc(a.relationship))
                                      + f"<p>{h.esc(t('checklist.basis_' + a.basis))}</p>" + note,
                                      label=t("checklist.mechanism"))
        self.rows = [_ConditionRow(c, self.checklist, self._entered) for c in self.checklist.conditions_for(a.basis)]
        self.rows_box.children = self.rows
        self.summary.value = ""
        self._fill()

    def _fill(self) -> None:
        """Show what was handed in for this mechanism (entered earlier, or read from a saved file)."""
        self._filling = True
        try:
            for row in self.rows:
                row.fill(writing.get(self._key(row)))
        finally:
            self._filling = False

    def _entered(self, row: _ConditionRow) -> None:
        if not self._filling:
            writing.put(self._key(row), row.answer)

    def static_html(self) -> str:
        """The mechanism, then each condition with the legal texts it rests on and, collapsed, the model's verdict."""
        a = self.checklist.assessment(self.picker.value)
        items = []
        for row in self.rows:
            model = a.verdict(row.condition.id)
            answer = (h.labelled(t("claims.verdict"), h.esc(t(f"checklist.verdict_{model.verdict}")))
                      + h.para(t("checklist.model_reason", reason=model.reason)))
            items.append(f"<li style='margin:0.5em 0'>{row.header.value}{show_answer(answer)}</li>")
        return self.title.value + self.mechanism.value + f"<ol>{''.join(items)}</ol>"

    def static_text(self) -> str:
        a = self.checklist.assessment(self.picker.value)
        return t("static.checklist", title=t("checklist.title_" + a.basis, company=self.cases[a.case].company),
                 n=len(self.rows))

    def answers(self) -> dict[str, tuple[str | None, str]]:
        return {r.condition.id: (r.verdict.value, r.reason.value) for r in self.rows}

    def compare(self) -> Comparison:
        result = compare(self.checklist, self.picker.value, self.answers())
        for row, r in zip(self.rows, result.rows, strict=True):
            row.feedback.value = f"<div role='status'>{h.esc(r.explanation())}</div>"
        self.summary.value = h.card(f"<strong>{h.esc(result.summary())}</strong>", label=t("checklist.compare"))
        return result
