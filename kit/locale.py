"""Dates, numbers and typography in the current language (issue 13).

English stays as the kit always wrote it (« 17 May 2024 », « 100,000 », « 42% »). French dates and numbers take
babel's month names and separators, kept in the kit's tables (:data:`kit.content.dates.MONTH_NAMES`,
:data:`SEPARATORS`; tests tie them to babel): « 17 mai 2024 », « mai 2024 », « 100 000 », « 42 % ». A language the
tables lack asks babel itself (installed with JupyterLab; imported only then, so ``import kit`` stays cheap).
:func:`typo` applies French typography to text the kit writes itself (a non-breaking space before ; : ! ? and inside
« »); it is never applied to quotations, to titles of works or to HTML: a view applies it to plain text, then
escapes (issue 25: « Page d'&#x27; ;origine » came from the other order). :func:`colon` and :func:`quoted` are the
one place a label's colon and a quotation's marks are made.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from .content.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, PartialDate, babel_locale
from .content.language import current, speaking

__all__ = ["colon", "date_text", "in_language", "lang", "month_text", "number", "one_line", "percent", "quoted",
           "separators", "series", "typo"]

NBSP = "\u00a0"  # before : and inside « »
NNBSP = "\u202f"  # narrow no-break space before ; ! ? (and as the thousands separator babel uses in French)
MINUS = "\u2212"  # a negative number's sign in French typesetting


#: Everything inside ``with in_language(code):`` speaks ``code`` (kit results writes in the language of the answers).
in_language = speaking


def lang() -> str:
    return current()


def date_text(year: int, month: int | None = None, day: int | None = None, language: str | None = None) -> str:
    """A date known to the day, the month or the year, in words: 17 mai 2024, mai 2024, 2024."""
    return PartialDate(year, month, day).human(language or lang())


def month_text(month: int, language: str | None = None, short: bool = False) -> str:
    """The name of a month (``short``: abbreviated), for axes."""
    code = language or lang()
    if code == "en":
        return (calendar.month_abbr if short else calendar.month_name)[month]
    table = (MONTH_ABBREVIATIONS if short else MONTH_NAMES).get(code)
    if table:  # the kit's own table, which a test ties to babel's
        return table[month - 1]
    from babel.dates import get_month_names

    return get_month_names("abbreviated" if short else "wide", context="stand-alone", locale=babel_locale(code))[month]


def number(value: float, digits: int | None = None, language: str | None = None) -> str:
    """A number with the language's separators: 100,000 / 100 000; 99.97 / 99,97. ``digits``: decimals to keep."""
    code = language or lang()
    if code == "en":
        if digits is not None:
            return f"{value:,.{digits}f}"
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    decimal, group = separators(code)
    # written as in English, then the language's separators put in (a character no number holds stands for the
    # English comma meanwhile)
    text = number(value, digits, "en").replace(",", "\0").replace(".", decimal).replace("\0", group)
    return text.replace("-", MINUS)  # i25: the minus sign, not a hyphen (« −20 à −8 points »)


#: The decimal sign and the thousands separator of each language the kit has, as babel gives them (a test checks
#: they still are): a French number is then written without babel, whose locale data took 30 ms to load and whose
#: formatting 0.1 ms a number, in a notebook that writes a few hundred (issue 26, `make bench`).
SEPARATORS = {"en": (".", ","), "fr": (",", NNBSP)}


def separators(code: str) -> tuple[str, str]:
    """(decimal sign, thousands separator) in language ``code``: the kit's table, else babel's."""
    if code in SEPARATORS:
        return SEPARATORS[code]
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(babel_locale(code)), get_group_symbol(babel_locale(code))


def percent(value: float, digits: int | None = None, language: str | None = None) -> str:
    """A percentage given in percent (42 → « 42% » / « 42 % »)."""
    code = language or lang()
    text = number(value, digits, code)
    return f"{text}%" if code == "en" else f"{text}{NBSP}%"


_BEFORE = re.compile(r"[ \u00a0\u202f]*([;!?])(?!\w)")  # not inside a word: "Tl;dr", "ToS;DR"
_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
#: What typography never touches: addresses, HTML character references (the ';' of '&#x27;' is not punctuation) and
#: a UI string's {placeholders} (t() applies typography to the template, before the values go in).
_KEEP = re.compile(r"https?://\S+|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|\{[^{}\s]*\}")


def typo(text: str, language: str | None = None) -> str:
    """French typography for plain text the kit writes: no-break spaces before ; : ! ? and inside « ».

    Never give it HTML, a quotation or the title of a work: escape after, not before.
    """
    code = language or lang()
    if code != "fr" or not text:
        return text
    return _french_typo(text)


@lru_cache(maxsize=4096)
def _french_typo(text: str) -> str:
    """:func:`typo` in French; remembered, as the same UI strings are asked for again and again (every question's
    Check button, every heading): a French notebook asks for about a thousand."""
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    out = _KEEP.sub(keep, text)
    out = _BEFORE.sub(lambda m: NNBSP + m.group(1), out)
    out = _COLON.sub(NBSP + ":", out)
    out = _OPEN.sub("«" + NBSP, out)
    out = _CLOSE.sub(NBSP + "»", out)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], out)


def one_line(text: str | None) -> str:
    """A text on one line: line breaks and runs of spaces made one space, no-break spaces kept (French typography
    puts them before « : » and inside « »; ``str.split()`` would break them)."""
    return re.sub(r"[ \t\r\n]+", " ", text or "").strip()


def colon(label: str, value: str = "", language: str | None = None) -> str:
    """« label : value » in French (a no-break space before the colon), "label: value" in English.

    Plain text in, plain text out: ``label`` gets the language's typography, ``value`` (a title, a quotation, a
    name) is left exactly as it is.
    """
    code = language or lang()
    head = f"{typo(label.rstrip(), code)}{NBSP if code == 'fr' else ''}:"
    return f"{head} {value}" if value else head


def quoted(text: str, language: str | None = None) -> str:
    """A quotation between the marks of the language it is written in: « … » (no-break spaces) in French, “…”
    otherwise. The text itself is left exactly as it is."""
    return f"«{NBSP}{text}{NBSP}»" if (language or lang()) == "fr" else f"“{text}”"


def series(items, language: str | None = None) -> str:
    """Items that may hold commas and colons themselves, one after another: « a ; b » in French, "a; b" in English."""
    code = language or lang()
    return (f"{NNBSP}; " if code == "fr" else "; ").join(str(i) for i in items)
