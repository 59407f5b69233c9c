"""UI strings (button labels, headings, feedback words) from ``data/ui/<language>.yaml``.

Code never holds words a student reads: it asks for them by key, ``t("timeline.next")``. A French edition is a
file ``data/ui/fr.yaml`` with the same keys, chosen with ``kit.set_language("fr")`` or the ``KIT_LANG`` variable.
The files are a kind of content like the others (:mod:`kit.content.strings`), loaded through the same cache.
"""

from __future__ import annotations

from .content.errors import ContentError, NotFound, Problem
from .content.language import STATE, current, use
from .content.strings import DEFAULT, check_strings, load_strings
from .locale import typo

__all__ = ["DEFAULT", "FALLBACK", "check_strings", "language", "set_language", "t", "t_else", "t_or"]

#: The words the error path shows, built in: showing an error never needs the content that failed (issue 11).
FALLBACK = {
    "common.error": "⚠ {message}",
}

_state = STATE  # the one language setting, in kit.content.language (the content layer reads it too)


def language() -> str:
    return current()


def set_language(lang: str) -> None:
    """Switch the language of every view created from now on (``data/ui/<lang>.yaml`` must exist)."""
    load_strings(lang)
    use(lang)


def t(key: str, **values) -> str:
    """The UI string ``key`` in the current language (English when that language lacks it), filled with values."""
    text = load_strings(language()).get(key)
    if text is None and language() != DEFAULT:
        text = load_strings(DEFAULT).get(key)
    if text is None:
        raise NotFound(f"no UI string '{key}' in data/ui/{DEFAULT}.yaml")
    if language() != DEFAULT:
        # i13, i25: French typography on the string itself, before the values go in: a value may be escaped HTML
        # (d&#x27;origine), a title or a quotation, which typography must never touch.
        text = typo(text)
    if values:
        try:
            text = text.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
            strings = load_strings(language())
            file = getattr(strings, "file", f"data/ui/{language()}.yaml")
            line = getattr(strings, "lines", {}).get(key)
            given = ", ".join(sorted(values))
            raise ContentError([Problem(file, line, None, key, f"the placeholder {e} cannot be filled: this string "
                                                               f"is given {given}")]) from None
    return text


def t_else(key: str, default: str, **values) -> str:
    """:func:`t`, or ``default`` when neither the language's strings nor the English ones have ``key``: for a name
    the strings may give for an id the content defines (a version of a case's document: ``sentence.version.after``),
    the id itself otherwise."""
    try:
        return t(key, **values)
    except NotFound:
        return default


def t_or(key: str, **values) -> str:
    """:func:`t`, or the built-in English words of :data:`FALLBACK` when the UI strings cannot give them: for the
    error path, which must work when the UI strings themselves are what is broken (missing, empty, unreadable)."""
    try:
        return t(key, **values)
    except Exception:  # noqa: BLE001 - whatever is wrong with the strings, the error must still be shown
        text = FALLBACK[key]
        return text.format(**values) if values else text
