"""What a French reader sees in a view, and whether English leaked into it (issue 13).

:func:`visible_texts` walks a widget tree (children, HTML values, labels, descriptions, tooltips, option labels,
alt text and aria labels), strips the HTML and leaves out what is marked as a quotation (``class='kit-quote'``):
quotations stay in their original language by design. :func:`english_leaks` then names every text in which English
words show: two or more common English function words, an English month in a date, or a whole English UI string.
English the content shows on purpose (proper names, titles of English works, terms) is declared in the content,
``data/terminology/<lang>.yaml`` (:func:`declared_english`), and taken out before the check.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

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
        # a quotation, and a style sheet (no reader sees it), are not the kit's words on the page
        quote = self.quoting or "kit-quote" in (a.get("class") or "").split() or tag in ("style", "script")
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


def _spaces(text: str, exact: bool) -> str:
    """Runs of white space as one space; ``exact`` keeps the no-break spaces typography put (U+00A0, U+202F)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip() if exact else " ".join(text.split())


def html_texts(html: str, exact: bool = False) -> list[str]:
    p = _Text()
    p.feed(html)
    p.close()
    return [_spaces(x, exact) for x in p.parts if x.strip()]


def visible_texts(widget, exact: bool = False) -> list[str]:
    """Every text a person sees or a screen reader reads in a widget tree (quotations left out); ``exact`` keeps
    the no-break spaces, for the typography test."""
    import ipywidgets as w

    out: list[str] = []

    def walk(x) -> None:
        if isinstance(x, (w.HTML, w.HTMLMath)):
            out.extend(html_texts(x.value, exact))
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
    return [_spaces(t, exact) for t in out if t and t.strip()]


def declared_english(root: Path, lang: str = "fr") -> list[str]:
    """The English a reader of ``lang`` may see, as the content declares it (issue 25): the terminology file's
    ``english`` entries (proper names, titles of English works, terms such as opt-out) and the texts of the places it
    lists as ``pending`` (other work is changing them). Nothing is declared here, in the test."""
    from kit.content.errors import ContentError
    from kit.content.terminology import load_terminology

    try:
        terminology = load_terminology(lang, root)
    except ContentError:
        return []
    found = [" ".join(k.split()) for k in terminology.kept()]

    def strings(node) -> list[str]:
        if isinstance(node, dict):
            return [x for v in node.values() for x in strings(v)]
        if isinstance(node, list):
            return [x for v in node for x in strings(v)]
        # as a view shows it with its no-break spaces kept, and with them made ordinary (see visible_texts)
        return [_spaces(node, True), _spaces(node, False)] if isinstance(node, str) else []

    for path in sorted(Path(root).rglob("*.yaml")):
        place = "data/" + path.relative_to(root).as_posix()
        if terminology.is_pending(place):
            try:
                found += strings(yaml.safe_load(path.read_text(encoding="utf-8")))
            except yaml.YAMLError:
                continue
    return sorted({f for f in found if len(f) > 2}, key=len, reverse=True)


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


def _quoted_part(part: str, quotes: list[str]) -> bool:
    bare = " ".join(part.strip().rstrip("…").split())
    return len(bare) > 12 and any(bare in q for q in quotes)


def english_leaks(texts: list[str], declared: list[str], english_ui: set[str], french_ui: set[str],
                  quotes: list[str] = ()) -> list[str]:
    """The texts that show English: the reason and the text, one line each. Text in « » or “ ” is a quotation inside
    the kit's words; a part of an option label (parts are separated by ' — ') that is a quotation is left out too;
    ``declared`` is the English the content declares (:func:`declared_english`). The detector is the kit's own
    (:func:`kit.content.english.english_in`), the one ``kit check`` uses on the content."""
    from kit.content.english import english_in

    leaks = []
    own_en = {s for s in english_ui - french_ui if len(s) > 3 and "{" not in s}
    for text in texts:
        if text in own_en:
            leaks.append(f"English UI string: {text!r}")
            continue
        cleaned = " — ".join(p for p in text.split(" — ") if not _quoted_part(p, list(quotes)))
        why = english_in(cleaned, declared)
        if why:
            leaks.append(f"{why}: {text!r}")
    return leaks
