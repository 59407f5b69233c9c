"""Small HTML builders the views share. Every piece of content text passes through :func:`esc`.

Colours come from JupyterLab's theme variables (with fallbacks for other front ends), so text stays readable on
light and dark themes; meaning is always carried by words and symbols, never by colour alone.
"""

from __future__ import annotations

import html

from ..content.case import Case
from ..content.translations import kit_translation_for
from ..i18n import t, t_or
from ..locale import colon, lang, quoted

__all__ = ["bullets", "card", "esc", "para", "read_in_copy", "scroll_box", "side_by_side", "sources_html",
           "status_badge", "status_line"]

FG = "var(--jp-content-font-color1, inherit)"
MUTED = "var(--jp-content-font-color2, inherit)"
BORDER = "var(--jp-border-color1, #888)"
SURFACE = "var(--jp-layout-color2, transparent)"


def esc(text: object) -> str:
    """Text as HTML that shows exactly these characters (``<script>`` shows as text)."""
    return html.escape(str(text), quote=True)


def para(text: str) -> str:
    """Plain text with blank-line paragraphs as HTML paragraphs."""
    parts = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return "".join(f"<p style='margin:0.3em 0'>{esc(p)}</p>" for p in parts)


def status_badge(status: str) -> str:
    label = t(f"status.{status}")
    return (
        f"<span class='kit-status kit-status-{esc(status)}' style='border:1px solid {BORDER};border-radius:3px;"
        f"padding:0 0.35em;white-space:nowrap' title='{esc(t('status.heading'))}'>{esc(label)}</span>"
    )


def status_line(status: str) -> str:
    """"How sure we are: ✔ Seen on the original page", as every view shows it under a record."""
    return labelled(t("status.heading"), status_badge(status))


def provenance(case: Case, record) -> str:
    """Under a record of a case: how sure we are, its note if any, and its sources."""
    parts = [status_line(record.status)]
    if record.note:
        parts.append(labelled(t("common.note"), esc(record.note)))
    parts.append(labelled(t("common.sources"), sources_html(case, record.sources)))
    return "".join(parts)


def bullets(items_html) -> str:
    """A compact bulleted list of items that are already HTML (escape text items with :func:`esc` first)."""
    return f"<ul style='margin:0.2em 0;padding-left:1.4em'>{''.join(f'<li>{i}</li>' for i in items_html)}</ul>"


def link(url: str, text: str) -> str:
    return f"<a href='{esc(url)}' target='_blank' rel='noopener noreferrer'>{esc(text)}</a>"


def read_in_copy(read_at: str | None, original: str | None = "") -> str:
    """" (read in a copy)" when a copy was read: said in words, never as a link students would follow."""
    return f" ({esc(t('common.read_at'))})" if read_at or original is None else ""


def sources_html(case: Case, ids) -> str:
    """A case's sources: each links its original page (never a copy) and says in words when a copy was read."""
    items = []
    for s in (case.source(i) for i in ids):
        line = f"{link(s.url, s.title) if s.url else esc(s.title)} — {esc(s.publisher)}"
        if s.date:
            line += f", {esc(s.date.human())}"
        line += read_in_copy(s.read_at, s.url)
        items.append(line)
    return bullets(items)


def card(body: str, label: str | None = None) -> str:
    """A bordered block; ``label`` becomes its accessible name."""
    aria = f" role='region' aria-label='{esc(label)}'" if label else ""
    return (
        f"<div class='kit-card'{aria} style='border-left:4px solid {BORDER};padding:0.4em 0.8em;"
        f"color:{FG};line-height:1.45'>{body}</div>"
    )


def heading(text: str, level: int = 4) -> str:
    return f"<h{level} style='margin:0.2em 0 0.3em 0'>{esc(text)}</h{level}>"


def quote(text: str, lang: str | None = None) -> str:
    """An exact quotation (class ``kit-quote``: the French-edition test knows it is not the kit's words), between the
    quotation marks of its own language ``lang`` (« » for an official French text, “ ” for English words)."""
    attr = f" lang='{esc(lang)}'" if lang else ""
    return (
        f"<blockquote class='kit-quote'{attr} style='margin:0.4em 0;padding:0.2em 0.8em;border-left:3px solid {BORDER};"
        f"background:{SURFACE}'>{esc(quoted(text, lang or 'en'))}</blockquote>"
    )


def kit_rendering(text: str) -> str:
    """i13: the kit's own translation of a quotation, shown beneath it, labelled as such and never as a quotation."""
    return (f"<div class='kit-translation' style='margin:0 0 0.4em 1.1em;color:{MUTED}'>"
            f"<em>{esc(t('common.kit_translation'))}</em> {esc(text)}</div>")


def quote_of(record, field: str) -> str:
    """i13: a record's quotation, with the kit's rendering beneath it when the language has one."""
    text = getattr(record, field)
    rendering = kit_translation_for(record, field)
    # The content's quotations are in English: said in the markup when the page speaks another language (i25).
    english = rendering or lang() != "en"
    return quote(text, "en" if english else None) + (kit_rendering(rendering) if rendering else "")


def side_by_side(left_heading: str, left_html: str, right_heading: str, right_html: str,
                 classes: tuple[str, str] = ("kit-compare-mine", "kit-compare-model"), level: int = 5) -> str:
    """Two named columns, each at least 18em wide, so they stack on a narrow page: a student's work beside a model
    answer or a worked example."""
    column = "flex:1 1 18em;min-width:0;margin:0"
    left = (f"<section class='{classes[0]}' style='{column}' aria-label='{esc(left_heading)}'>"
            f"{heading(left_heading, level)}{left_html}</section>")
    right = (f"<section class='{classes[1]}' style='{column}' aria-label='{esc(right_heading)}'>"
             f"{heading(right_heading, level)}{right_html}</section>")
    return f"<div class='kit-compare' style='display:flex;flex-wrap:wrap;gap:0.6em 1.5em'>{left}{right}</div>"

def labelled(label: str, value_html: str) -> str:
    """A label and its value, the label's colon in the language's typography (:func:`kit.locale.colon`)."""
    return f"<div style='margin:0.25em 0'><strong>{esc(colon(label))}</strong> {value_html}</div>"


def error_html(message: str) -> str:
    """A content or input problem, shown as readable text instead of a traceback."""
    return card(f"<strong>{esc(t_or('common.error', message=message))}</strong>", label="error")


def scroll_box(inner: str, label: str) -> str:
    """A wide table in a box that scrolls sideways when the output area is narrow (its cells break only between
    words): a named region a keyboard reaches with Tab and scrolls with the arrow keys."""
    return (f"<div class='kit-scroll' role='region' tabindex='0' aria-label='{esc(label)}' "
            f"data-lm-suppress-shortcuts='true'>{inner}</div>")
