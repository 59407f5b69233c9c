"""The glossary view (``kit.show_glossary()``): every term with its definition, where the law defines it, its
sources and related terms. Static HTML: the same in JupyterLab, a preview and the reading edition."""

from __future__ import annotations

from ..glossary import Entry
from ..i18n import t
from . import html as h
from .static import StaticHTML

__all__ = ["entry_html", "glossary_view"]


def entry_html(e: Entry) -> str:
    parts = [f"<dt style='margin-top:0.6em'><strong>{h.esc(e.term)}</strong></dt>",
             f"<dd style='margin:0.1em 0 0 1.5em'>{h.para(e.definition)}"]
    if e.law:
        parts.append(h.labelled(t("glossary.law"), ", ".join(
            f"{h.link(x.url, x.title)}{h.read_in_copy(x.read_at)} {h.status_badge(x.status)}" for x in e.law)))
    if e.sources:
        parts.append(h.labelled(t("glossary.sources"), ", ".join(
            f"{h.link(s.url, s.title or s.url)}{h.read_in_copy(s.read_at)} {h.status_badge(s.status)}"
            for s in e.sources)))
    if e.related:
        parts.append(h.labelled(t("glossary.related"), h.esc(", ".join(e.related))))
    return "".join(parts) + "</dd>"


def glossary_view(entries: list[Entry]) -> StaticHTML:
    """The glossary, one definition per term, in alphabetical order."""
    body = h.heading(t("glossary.title"), 3) + h.para(t("glossary.intro"))
    body += "<dl class='kit-glossary'>" + "".join(entry_html(e) for e in entries) + "</dl>"
    return StaticHTML(body, summary=t("glossary.summary", title=t("glossary.title"), n=len(entries)))
