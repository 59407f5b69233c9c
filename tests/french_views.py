"""What a French reader sees in a view, and whether English leaked into it (issue 13).

:func:`visible_texts` walks a widget tree (children, HTML values, labels, descriptions, tooltips, option labels,
alt text and aria labels), strips the HTML and leaves out what is marked as a quotation (``class='kit-quote'``):
quotations stay in their original language by design. :func:`english_leaks` then names every text in which English
words show: two or more common English function words, an English month in a date, or a whole English UI string.
Proper names and source titles are facts, not the kit's words: :func:`fact_strings` collects them from the content
so they are taken out before the check.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

_WORDS = """
the and of to is are was were with for this that which what how from by has have not it its their they you your
our we can could would should there been be will who when where these those than into about only each does did
because no yes any all but if so after before said says data users choose show next previous
"""
ENGLISH_WORDS = frozenset(_WORDS.split())
MONTHS = ("January|February|March|April|June|July|August|September|October|November|December|May")
_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b|\b(?:{MONTHS}) \d{{4}}\b")
_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|org|fr|eu|net|io)\b\S*")
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []  # per open element: is it (inside) a quotation?

    @property
    def quoting(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        quote = self.quoting or "kit-quote" in (a.get("class") or "").split()
        if not quote:
            for name in ("alt", "title", "aria-label", "placeholder"):
                if a.get(name):
                    self.parts.append(a[name])
        if tag not in _VOID:
            self.stack.append(quote)

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        if not self.quoting:
            for name in ("alt", "title", "aria-label"):
                if a.get(name):
                    self.parts.append(a[name])

    def handle_endtag(self, tag):
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.quoting and data.strip():
            self.parts.append(data)


def html_texts(html: str) -> list[str]:
    p = _Text()
    p.feed(html)
    p.close()
    return [" ".join(x.split()) for x in p.parts if x.strip()]


def visible_texts(widget) -> list[str]:
    """Every text a person sees or a screen reader reads in a widget tree (quotations left out)."""
    import ipywidgets as w

    out: list[str] = []

    def walk(x) -> None:
        if isinstance(x, (w.HTML, w.HTMLMath)):
            out.extend(html_texts(x.value))
        elif isinstance(x, w.Label):
            out.append(x.value)
        for attr in ("description", "tooltip", "placeholder", "button_style_description"):
            value = getattr(x, attr, None)
            if isinstance(value, str) and value.strip():
                out.append(value)
        labels = getattr(x, "_options_labels", None)
        if labels:
            out.extend(str(label) for label in labels)
        tips = getattr(x, "tooltips", None)
        if tips:
            out.extend(str(tip) for tip in tips)
        for child in getattr(x, "children", ()) or ():
            walk(child)

    walk(widget)
    return [" ".join(t.split()) for t in out if t and t.strip()]


def fact_strings(root: Path) -> list[str]:
    """Proper names, source titles and publishers: facts that stay as they are in every language."""
    keys = {"company", "title", "publisher", "author", "owner", "speaker", "who", "instrument", "reference",
            "authors", "venue", "name"}
    found: set[str] = set()

    def walk(node, parent_key=None, in_sources=False) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, str) and (k in keys and (in_sources or k not in ("title", "name"))):
                    found.add(" ".join(v.split()))
                walk(v, k, in_sources or k in ("sources", "documents", "studies"))
        elif isinstance(node, list):
            for item in node:
                walk(item, parent_key, in_sources)

    for path in root.rglob("*.yaml"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("translations/", "ui/")):
            continue
        try:
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        except yaml.YAMLError:
            continue
    return sorted((f for f in found if len(f) > 2), key=len, reverse=True)


def ui_strings(path: Path) -> set[str]:
    out: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, str):
            out.add(" ".join(node.split()))

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def quotations(root: Path) -> list[str]:
    """Every exact quotation in the content (statements, policy wording, quotes, legal texts), whitespace-normalised:
    a widget option cannot carry the kit-quote class, so a quoted sentence in a dropdown is recognised by its text."""
    from kit.content.registry import translated_files as english_files
    from kit.content.translations import translatables
    from kit.content.yamlio import load_yaml

    out = []
    for _, path, cls in english_files(root):
        out += [" ".join(str(t.english).split()) for t in translatables(cls, load_yaml(path)) if t.kind == "quote"]
    return out


_GUILLEMETS = re.compile(r"«[^»]*»")


def _quoted_part(part: str, quotes: list[str]) -> bool:
    bare = " ".join(part.strip().rstrip("…").split())
    return len(bare) > 12 and any(bare in q for q in quotes)


def english_leaks(texts: list[str], facts: list[str], english_ui: set[str], french_ui: set[str],
                  quotes: list[str] = ()) -> list[str]:
    """The texts that show English: the reason and the text, one line each. Text in « » is a quotation inside the
    kit's words; a part of an option label (parts are separated by ' — ') that is a quotation is left out too."""
    leaks = []
    own_en = {s for s in english_ui - french_ui if len(s) > 3 and "{" not in s}
    for text in texts:
        if text in own_en:
            leaks.append(f"English UI string: {text!r}")
            continue
        cleaned = " — ".join(p for p in text.split(" — ") if not _quoted_part(p, list(quotes)))
        cleaned = _GUILLEMETS.sub(" ", _URL.sub(" ", cleaned))
        for fact in facts:
            if fact in cleaned:
                cleaned = cleaned.replace(fact, " ")
        if _DATE.search(cleaned):
            leaks.append(f"English date: {text!r}")
            continue
        words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", cleaned)
        english = [x for x in words if x.lower() in ENGLISH_WORDS]
        if len(english) >= 2 and len(english) * 5 >= len(words):
            leaks.append(f"English words {sorted(set(e.lower() for e in english))}: {text!r}")
    return leaks
