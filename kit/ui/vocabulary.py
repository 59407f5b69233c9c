"""The vocabulary highlighter: pick terms (or a group); see them marked in the policy versions and the public
statements, with counts per text and definitions on demand. Marks are coloured, bold and underlined, and a screen
reader hears which term each is."""

from __future__ import annotations

from ..content.case import Case
from ..i18n import t
from ..vocabulary import Vocabulary
from . import html as h
from . import widgets as w
from .diff import TEXT_STYLE, sr_only
from .static import Static

__all__ = ["VocabView", "counts_html", "highlight_html"]

MARK_STYLE = ("background:rgba(255,200,0,0.35);color:inherit;font-weight:bold;text-decoration:underline dotted;"
              "padding:0 0.1em")


def highlight_html(text: str, vocabulary: Vocabulary, term_ids) -> str:
    """``text`` escaped, with every occurrence of the chosen terms in a <mark> naming its term."""
    out, pos = [], 0
    for hit in vocabulary.find(text, term_ids):
        term = vocabulary.term(hit.term)
        out.append(h.esc(text[pos:hit.start]))
        out.append(f"<mark class='kit-term' data-term='{h.esc(term.id)}' title='{h.esc(term.label)}' "
                   f"style='{MARK_STYLE}'>{h.esc(hit.text)}{sr_only(t('vocab.sr_term', term=term.label))}</mark>")
        pos = hit.end
    out.append(h.esc(text[pos:]))
    return f"<div class='kit-quote' style='{TEXT_STYLE}'>{''.join(out)}</div>"  # i13: a quotation, marked


def counts_html(vocabulary: Vocabulary, term_ids, texts: dict[str, str]) -> str:
    """A table: one row per term, one column per text, and totals."""
    counts = vocabulary.counts(texts, term_ids)
    cell = f"style='border:1px solid {h.BORDER};padding:0.15em 0.5em'"
    head = "".join(f"<th scope='col' {cell}>{h.esc(name)}</th>" for name in texts)
    rows = []
    for tid in term_ids:
        values = [counts[name][tid] for name in texts]
        rows.append(f"<tr><th scope='row' {cell}>{h.esc(vocabulary.term(tid).label)}</th>"
                    + "".join(f"<td {cell} style='text-align:right'>{n}</td>" for n in values)
                    + f"<td {cell}><strong>{sum(values)}</strong></td></tr>")
    return h.scroll_box(
        f"<table class='kit-counts' style='border-collapse:collapse;margin:0.3em 0'>"
        f"<caption style='text-align:left'>{h.esc(t('vocab.counts_heading'))}</caption>"
        f"<thead><tr><th scope='col' {cell}>{h.esc(t('vocab.terms'))}</th>{head}"
        f"<th scope='col' {cell}>{h.esc(t('vocab.total'))}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>", t("vocab.counts_heading"))


class VocabView(Static, w.VBox):
    """A group picker, a term list, a definitions switch, then counts and the marked texts."""

    def __init__(self, case: Case, vocabulary: Vocabulary):
        self.case, self.vocabulary = case, vocabulary
        first = vocabulary.groups[0].id if vocabulary.groups else None
        chosen = vocabulary.group_terms(first) if first else ()
        self.group = w.Dropdown(options=[(t("vocab.group_none"), ""), (t("vocab.all"), "*")]
                                + [(g.label, g.id) for g in vocabulary.groups] + [(t("vocab.group_own"), "+")],
                                value=vocabulary.group_of(chosen), description=t("vocab.group"),
                                layout={"width": "min(100%, 30em)"})
        self.group.tooltip = t("vocab.group_tooltip")
        self.terms = w.SelectMultiple(options=[(term.label, term.id) for term in vocabulary.terms],
                                      value=chosen, rows=min(8, len(vocabulary.terms)), description=t("vocab.terms"),
                                      layout={"width": "min(100%, 30em)"})
        self.terms.tooltip = t("vocab.terms_tooltip")
        self.definitions = w.Checkbox(value=False, description=t("vocab.definitions"), indent=False)
        self.definitions.tooltip = t("vocab.definitions_tooltip")
        self.defs = w.HTML()
        self.counts = w.HTML()
        self.counts.add_class("kit-vocab-counts")
        self.texts = w.HTML()
        self.texts.add_class("kit-vocab-texts")
        self.group.observe(self._group_picked, names="value")
        self.terms.observe(self._terms_picked, names="value")
        self.definitions.observe(lambda _c: self._render_definitions(), names="value")
        super().__init__([w.HTML(h.heading(t("vocab.title"), level=3)), self.group, self.terms, self.definitions,
                          self.defs, self.counts, self.texts])
        self.add_class("kit-vocab")
        self.render()

    def _group_picked(self, change) -> None:
        if change["new"] == "*":
            self.terms.value = tuple(term.id for term in self.vocabulary.terms)
        elif change["new"] == "":
            self.terms.value = ()
        elif change["new"] == "+":  # "your own choice" keeps the terms, and the picker names them as they are
            self.group.value = self.vocabulary.group_of(self.terms.value)
        else:
            self.terms.value = self.vocabulary.group_terms(change["new"])

    def _terms_picked(self, _change) -> None:
        """The group picker follows the terms: a group's name while exactly its terms are chosen."""
        self.group.value = self.vocabulary.group_of(self.terms.value)
        self.render()

    def _named_texts(self) -> dict[str, str]:
        texts = {f"{d.title} · {v.label}": v.text for d in self.case.documents for v in d.versions}
        if self.case.statements:
            texts[t("vocab.statements_row")] = "\n\n".join(s.text for s in self.case.statements)
        return texts

    def _render_definitions(self) -> None:
        if not self.definitions.value or not self.terms.value:
            self.defs.value = ""
            return
        items = "".join(f"<dt style='font-weight:bold'>{h.esc(self.vocabulary.term(i).label)}</dt>"
                        f"<dd style='margin:0 0 0.4em 1.2em'>{h.esc(self.vocabulary.term(i).definition)}</dd>"
                        for i in self.terms.value)
        self.defs.value = h.card(h.heading(t("vocab.definitions_heading"), 5) + f"<dl>{items}</dl>",
                                 label=t("vocab.definitions_heading"))

    def static_html(self) -> str:
        """The chosen terms' counts and the marked texts, as the live view shows them now."""
        return h.heading(t("vocab.title"), level=3) + self.counts.value + self.texts.value

    def static_text(self) -> str:
        ids = tuple(self.terms.value)
        marks = sum(sum(c.values()) for c in self.vocabulary.counts(self._named_texts(), ids).values()) if ids else 0
        return t("static.vocab", title=t("vocab.title"), n=len(ids), marks=marks)

    def render(self) -> None:
        ids = tuple(self.terms.value)
        self._render_definitions()
        if not ids:
            self.counts.value = f"<p>{h.esc(t('vocab.none_selected'))}</p>"
            self.texts.value = ""
            return
        self.counts.value = counts_html(self.vocabulary, ids, self._named_texts())
        parts = []
        for d in self.case.documents:
            versions = "".join(
                h.heading(f"{v.label} ({v.date.human()})", 5) + highlight_html(v.text, self.vocabulary, ids)
                for v in d.versions)
            parts.append(h.card(h.heading(t("vocab.policy_heading", title=d.title)) + versions, label=d.title))
        if self.case.statements:
            items = "".join(
                f"<li style='margin:0.4em 0'><em>{h.esc(s.speaker)} · {h.esc(s.channel)} · {h.esc(s.date.human())}"
                f"</em>{highlight_html(s.text, self.vocabulary, ids)}</li>" for s in self.case.statements)
            heading = h.heading(t("vocab.statements_heading"))
            parts.append(h.card(heading + f"<ul style='padding-left:1.2em'>{items}</ul>",
                                label=t("vocab.statements_heading")))
        self.texts.value = "".join(parts)
