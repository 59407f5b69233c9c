"""The version comparer: pick a document and two of its versions; see the word-level diff inline or side by side.

Insertions and deletions are marked four ways: colour, underline or strike-through, visible brackets
("[+ … +]", "[− … −]") and words for screen readers ("inserted:", "deleted:").
"""

from __future__ import annotations

from ..content.case import Case, Document, Version
from ..content.errors import BadArgument
from ..diff import diff, new_side, old_side, set_apart_form, split_form, summarize
from ..i18n import t, t_else
from ..locale import colon
from ..text import sentences, split_id
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["CompareView", "ops_html", "sentence_ids_html", "sentence_label", "sr_only"]

INS_STYLE = ("background:rgba(46,160,67,0.22);text-decoration:underline;text-decoration-thickness:2px;"
             "color:inherit")
DEL_STYLE = "background:rgba(220,60,60,0.2);text-decoration:line-through;color:inherit"
_SR = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);"
       "white-space:nowrap;border:0")
FORM_STYLE = "text-decoration:underline dotted;text-decoration-thickness:1px;color:inherit"
TEXT_STYLE = "white-space:pre-wrap;line-height:1.6;margin:0.3em 0"


def sr_only(text: str) -> str:
    """Text only a screen reader reads."""
    return f"<span class='kit-sr-only' style='{_SR}'>{h.esc(text)}</span>"


def _markers() -> dict[str, tuple[str, str]]:
    """The opening and closing HTML of an insertion and a deletion (UI strings looked up once per render)."""
    out = {}
    for kind, tag, style in (("insert", "ins", INS_STYLE), ("delete", "del", DEL_STYLE)):
        key = tag
        out[kind] = (f"<{tag} class='kit-{tag}' style='{style}'>{sr_only(t(f'compare.sr_{key}'))}"
                     f"<strong aria-hidden='true'>{h.esc(t(f'compare.{key}_open'))}</strong>",
                     f"<strong aria-hidden='true'>{h.esc(t(f'compare.{key}_close'))}</strong>"
                     f"{sr_only(t('compare.sr_end'))}</{tag}>")
    return out


def ops_html(ops) -> str:
    """The runs of a diff as HTML, every piece of text escaped."""
    marks = _markers()
    parts = []
    for op in ops:
        if op.kind == "equal":
            parts.append(h.esc(op.text))
        elif op.kind == "form":
            parts.append(f"<span class='kit-form' style='{FORM_STYLE}'>{sr_only(t('compare.sr_form'))}"
                         f"{h.esc(op.text)}</span>")
        else:
            opening, closing = marks[op.kind]
            parts.append(opening + h.esc(op.text) + closing)
    # i13: the wording is a quotation (kit-quote), whatever the language of the page
    return f"<div class='kit-quote'><div class='kit-diff' style='{TEXT_STYLE}'>{''.join(parts)}</div></div>"


def _version_head(v: Version) -> str:
    note = (f"<div class='kit-version-note' style='color:{h.MUTED};font-size:0.9em;margin:0 0 0.3em 1em'>"
            f"<strong>{h.esc(colon(t('compare.note')))}</strong> {h.esc(v.note)}</div>") if v.note else ""
    return (f"<div style='color:{h.MUTED}'>{h.esc(t('compare.version_line', label=v.label, date=v.date.human()))}"
            f" {h.status_badge(v.status)}</div>{note}")


def sentence_label(sentence_id: str) -> str:
    """A sentence id as the reader's language names it (``sentence.label``): "after.p2.s1" in English,
    « version réécrite, § 2, phrase 1 » in French (issue 25), the version named by ``sentence.version.<id>`` or else
    by its id. What is saved and compared stays the id; a text that is not an id is shown as it is."""
    try:
        version, paragraph, number = split_id(sentence_id)
    except BadArgument:
        return str(sentence_id)
    return t("sentence.label", version=t_else(f"sentence.version.{version}", version), paragraph=paragraph,
             sentence=number)


def sentence_ids_html(version: Version) -> str:
    """A version's sentences, each with the label the claim checker names it by, in a fold-out block."""
    items = "".join(f"<li><code>{h.esc(sentence_label(s.id))}</code> "
                    f"<span class='kit-quote'>{h.esc(s.text)}</span></li>"  # i13: the sentences are quotations
                    for s in sentences(version.text, version.id))
    return (f"<details><summary>{h.esc(colon(t('compare.ids_heading'), version.label))}</summary>"
            f"<ul style='margin:0.2em 0;padding-left:1.4em;list-style:none'>{items}</ul></details>")


def summary_text(old: str, new: str, ops, set_apart: bool = False) -> str:
    s = summarize(old, new, ops)
    if s.identical and old == new:
        return t("compare.identical")
    if not set_apart:
        return t("compare.summary", changed=s.sentences_changed, added=s.words_added, removed=s.words_removed)
    apart = set_apart_form(ops)
    form = sum(1 for op in apart if op.kind == "form")
    added = sum(len(op.words) for op in apart if op.kind == "insert")
    removed = sum(len(op.words) for op in apart if op.kind == "delete")
    return t("compare.summary_form", changed=split_form(old, new).wording, added=added, removed=removed, form=form)


class CompareView(Static, w.VBox):
    """Dropdowns for the document and the two versions, an inline / side-by-side switch, the summary and the diff."""

    def __init__(self, case: Case, document: str | None = None):
        docs = [d for d in case.documents if d.versions]
        if not docs:
            raise BadArgument(f"the case '{case.id}' has no policy documents to compare")
        self.case = case
        chosen = case.document(document) if document else docs[0]
        # One-choice lists, not drop-downs: a version's label is long ("Before the change: the wording as the press
        # quoted it (16 May 2024)") and a drop-down cut it at 800 px (issue 27 item 8); a list wraps it.
        self.document = w.one_choice([(d.title, d.id) for d in docs], value=chosen.id,
                                     description=t("compare.document"))
        self.document.tooltip = t("compare.document_tooltip")
        self.old = w.one_choice([], description=t("compare.old"))
        self.old.tooltip = t("compare.old_tooltip")
        self.new = w.one_choice([], description=t("compare.new"))
        self.new.tooltip = t("compare.new_tooltip")
        self.mode = w.ToggleButtons(options=[(t("compare.inline"), "inline"), (t("compare.side"), "side")],
                                    value="inline", description=t("compare.mode"),
                                    tooltips=[t("compare.inline_tooltip"), t("compare.side_tooltip")],
                                    style={"button_width": "auto"})
        self.set_apart = w.Checkbox(value=True, description=t("compare.set_apart"), indent=False)
        self.set_apart.tooltip = t("compare.set_apart_tooltip")
        self.summary = w.HTML()
        self.summary.add_class("kit-diff-summary")
        self.body = w.HTML()
        self.body.add_class("kit-diff-body")
        self._busy = False
        self._set_versions(chosen)
        self.document.observe(self._document_changed, names="value")
        for control in (self.old, self.new, self.mode, self.set_apart):
            control.observe(lambda _c: self.render(), names="value")
        super().__init__([w.HTML(h.heading(t("compare.title", title=case.title), level=3)), self.document,
                          w.HBox([self.old, self.new], layout={"flex_flow": "row wrap"}), self.mode,
                          self.set_apart, self.summary, self.body])
        self.add_class("kit-compare")
        self.render()

    @property
    def current_document(self) -> Document:
        return self.case.document(self.document.value)

    def _set_versions(self, doc: Document) -> None:
        options = [(f"{v.label} ({v.date.human()})", v.id) for v in doc.versions]
        self._busy = True
        try:
            w.set_choices(self.old, options, doc.versions[0].id)
            w.set_choices(self.new, options, doc.versions[-1].id)
        finally:
            self._busy = False

    def _document_changed(self, change) -> None:
        self._set_versions(self.case.document(change["new"]))
        self.render()

    def static_html(self) -> str:
        """The chosen pair's diff, inline, with the same marks as the live view."""
        doc = self.current_document
        old, new = doc.version(self.old.value), doc.version(self.new.value)
        ops = diff(old.text, new.text)
        return (h.heading(t("compare.title", title=self.case.title), level=3) + self.summary.value
                + h.card(_version_head(old) + _version_head(new) + ops_html(ops), label=doc.title))

    def static_text(self) -> str:
        doc = self.current_document
        old, new = doc.version(self.old.value), doc.version(self.new.value)
        return t("static.compare", title=t("compare.title", title=self.case.title),
                 summary=summary_text(old.text, new.text, diff(old.text, new.text)))

    def render(self) -> None:
        if self._busy or self.old.value is None or self.new.value is None:
            return
        doc = self.current_document
        old, new = doc.version(self.old.value), doc.version(self.new.value)
        ops = diff(old.text, new.text)
        apart = self.set_apart.value
        self.summary.value = (f"<p style='font-size:1.1em;margin:0.3em 0'><strong>"
                              f"{h.esc(summary_text(old.text, new.text, ops, apart))}</strong></p>"
                              f"<p style='color:{h.MUTED};margin:0.2em 0'>{h.esc(t('compare.key'))}</p>")
        if self.mode.value == "inline":
            body = _version_head(old) + _version_head(new) + ops_html(set_apart_form(ops) if apart else ops)
        else:
            column = "flex:1 1 20em;min-width:0;padding:0 0.5em;border-left:1px solid " + h.BORDER
            body = (f"<div style='display:flex;flex-wrap:wrap;gap:0.5em'>"
                    f"<div style='{column}'>{_version_head(old)}{ops_html(old_side(ops))}</div>"
                    f"<div style='{column}'>{_version_head(new)}{ops_html(new_side(ops))}</div></div>")
        ids = sentence_ids_html(old) + (sentence_ids_html(new) if new.id != old.id else "")
        self.body.value = h.card(body + ids, label=doc.title)
