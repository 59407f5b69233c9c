"""Dates in content: :class:`PartialDate`, a date known to the year, the month or the day, read from ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY`` and shown as "17 May 2024", "May 2024" or "2024".

Its own module so that an edition in another language can show dates its own way without touching the schema.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache, total_ordering

from .errors import Invalid
from .language import current

__all__ = ["DATE_EXPECTED", "MONTHS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "PartialDate", "babel_locale"]

#: What a date in a content file must look like, as error messages say it.
DATE_EXPECTED = "a date written YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-05-17)"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day. Orders by its earliest possible day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self, language: str | None = None) -> str:
        """17 May 2024, May 2024 or 2024; in another language (default: the current one) babel's words, like
        17 mai 2024, 1er mai 2024, mai 2024 (issue 13)."""
        code = language or current()
        if code != "en":
            return _date_words(self, code)
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def as_float_year(self) -> float:
        """Position on a time axis, in years (the middle of the month or year when the day is not known)."""
        if self.day:
            d = dt.date(self.year, self.month, self.day)
            start = dt.date(self.year, 1, 1)
            return self.year + (d - start).days / 365.25
        if self.month:
            return self.year + (self.month - 0.5) / 12
        return self.year + 0.5

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def parse(cls, value: str | int) -> PartialDate:
        """``2024-05-17``, ``2024-05`` or ``2024`` (or the year as a number); :class:`Invalid` otherwise."""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise Invalid(f"expected {DATE_EXPECTED}, got {value!r}")
        value = str(value)
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            raise Invalid(f"expected {DATE_EXPECTED}, got {value!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as e:
            raise Invalid(f"{value!r} is not a real date ({e})") from None
        return cls(year, month, day)


@lru_cache(maxsize=8)
def babel_locale(code: str):
    """babel's locale for ``code`` (babel is imported only when a view in another language than English asks)."""
    from babel import Locale

    return Locale.parse(code)


#: The months' names in the kit's languages other than English, as babel writes them in a date (a test checks they
#: still are): a French date is then written without babel, whose locale data took 30 ms to load in each notebook's
#: kernel (issue 26, `make bench`). Another language's dates come from babel.
MONTH_NAMES = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}
#: Their abbreviations, as babel writes them on their own (a timeline's axis: « mai 2024 », « 17 mai »).
MONTH_ABBREVIATIONS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}


def _date_words(date: PartialDate, code: str) -> str:
    """``date`` in words in language ``code``: French from :data:`MONTH_NAMES`, another language from babel."""
    if code == "fr":  # « 17 mai 2024 », « 1er mai 2024 », « mai 2024 »
        name = MONTH_NAMES[code][date.month - 1] if date.month else ""
        if date.day:
            return f"{'1er' if date.day == 1 else date.day} {name} {date.year}"
        return f"{name} {date.year}" if date.month else str(date.year)
    from babel.dates import format_date

    loc = babel_locale(code)
    if date.day:
        text = format_date(dt.date(date.year, date.month, date.day), "long", locale=loc)
        if code == "fr" and date.day == 1 and text.startswith("1 "):
            text = text.replace("1 ", "1er ", 1)
        return text
    if date.month:
        return format_date(dt.date(date.year, date.month, 1), "LLLL y", locale=loc)
    return str(date.year)
