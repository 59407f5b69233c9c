"""A small schema engine: frozen dataclasses with type hints describe content files; ``parse`` checks and builds them.

Content records are plain frozen dataclasses. Their type hints are the schema:

* ``Text`` (non-blank text), ``Line`` (non-blank, one line), ``Id`` (lower-case slug), ``Url`` (http/https),
  ``When`` (a date to the year, month or day), ``Email``;
* ``int``, ``float``, ``bool``, ``Literal[...]`` (one of fixed words), ``X | None`` (may be left out),
  ``tuple[X, ...]`` (a YAML list), another record dataclass (a YAML mapping).

A field with a default may be left out; one without is required. A field's ``metadata["doc"]`` says in plain words
what it holds: it appears in "missing field" messages and in the files ``kit new-case`` writes.

Every problem found is recorded with the file, the line, the entry (``event 'slack-ai-launch'``) and the field;
parsing carries on past a problem so one run reports them all. Records that parsed remember where they came from
(:func:`where`), so cross-checks made later (unknown ids, duplicates) can name the line too.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args, get_origin

from .dates import DATE_EXPECTED, PartialDate
from .errors import ContentError, Invalid, Problem
from .language import languages
from .yamlio import LineDict, LineList, written

__all__ = [
    "ID_RE",
    "answer_key_fields",
    "Email",
    "Id",
    "Invalid",
    "Language",
    "Line",
    "Loc",
    "ParseContext",
    "PartialDate",
    "Record",
    "ScalarKind",
    "Text",
    "Url",
    "When",
    "describe",
    "doc",
    "entry_name",
    "internal",
    "is_blank",
    "is_internal",
    "optional_type",
    "parse_document",
    "record_fields",
    "shown",
    "type_hints",
    "where",
    "WITHHELD",
    "withheld_fields",
    "LEVELS",
    "Level",
]


#: Bloom's levels, from recalling to creating: what an item (a quiz question, a writing prompt) asks a student to do,
#: and what a learning objective aims at.
LEVELS: tuple[str, ...] = ("remember", "understand", "apply", "analyse", "evaluate", "create")
Level = Literal["remember", "understand", "apply", "analyse", "evaluate", "create"]


# ----------------------------------------------------------------------------------------------------- kinds
class ScalarKind:
    """A named check on a scalar, used inside ``Annotated``: ``convert`` returns the value or raises Invalid."""

    name = "value"
    expected = "a value"

    def convert(self, value: Any) -> Any:  # returns the converted value or raises Invalid
        raise NotImplementedError


def shown(value: Any) -> str:
    """A value as an error message shows it: short, and saying what YAML made of it."""
    if isinstance(value, (LineDict, dict)):
        return "a mapping (key: value lines)"
    if isinstance(value, (LineList, list)):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as true or false; put it in quotes)"
    text = repr(value) if isinstance(value, str) else written(value)
    return text if len(text) <= 60 else text[:57] + "…"


# Characters that show nothing although Unicode calls them letters or symbols (fillers, the blank braille cell).
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
_BLANK_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"))


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: only spaces, zero-width characters, joiners, marks or fillers."""
    return all(c in _INVISIBLE or unicodedata.category(c) in _BLANK_CATEGORIES for c in text)


class _TextKind(ScalarKind):
    name, expected = "text", "some text"

    def convert(self, value):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise Invalid(f"expected {self.expected}, got {shown(value)}")
        if isinstance(value, (int, float)):
            value = written(value)  # as the file wrote it: an option '12.50' stays 12.50
        if is_blank(value):
            raise Invalid("is empty: write the text, or remove the field if it is optional")
        return value


class _LineKind(_TextKind):
    name, expected = "line", "a short text on one line"

    def convert(self, value):
        value = super().convert(value)
        if "\n" in value.strip():
            raise Invalid(f"expected {self.expected}, got several lines")
        return value.strip()


ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class _IdKind(ScalarKind):
    name, expected = "id", "an id of lower-case letters, digits and hyphens, like 'slack-ai-launch'"

    def convert(self, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise Invalid(f"expected {self.expected}, got {shown(value)}")
        value = written(value)
        if not ID_RE.match(value):
            raise Invalid(f"expected {self.expected}, got {value!r}")
        return value


class _PatternKind(ScalarKind):
    """Text that must match a pattern once stripped (a web address, an email address)."""

    def __init__(self, name: str, expected: str, pattern: str):
        self.name, self.expected, self.pattern = name, expected, re.compile(pattern)

    def convert(self, value):
        if not isinstance(value, str) or not self.pattern.match(value.strip()):
            raise Invalid(f"expected {self.expected}, got {shown(value)}")
        return value.strip()


class _LanguageKind(ScalarKind):
    name, expected = "language", "a language the kit has (one with UI strings in data/ui/<language>.yaml)"

    def convert(self, value):
        known = languages()
        if value not in known:
            raise Invalid(f"expected one of {', '.join(map(repr, known))} (the languages with UI strings in "
                          f"data/ui), got {shown(value)}")
        return value


class _WhenKind(ScalarKind):
    name = "date"
    expected = DATE_EXPECTED

    def convert(self, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise Invalid(f"expected {self.expected}, got {shown(value)}")
        return PartialDate.parse(value)


Text = Annotated[str, _TextKind()]
Line = Annotated[str, _LineKind()]
Id = Annotated[str, _IdKind()]
Url = Annotated[str, _PatternKind("url", "a web address starting with http:// or https://",
                                  r"^https?://[^\s/$.?#][^\s]*$")]
Email = Annotated[str, _PatternKind("email", "an email address", r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
When = Annotated[PartialDate, _WhenKind()]
Language = Annotated[str, _LanguageKind()]


def doc(text: str, default: Any = dataclasses.MISSING, *, answer_key: bool = False, model_answer: bool = False,
        translate: bool | str = False, quote: bool = False, nonempty: bool = False,
        bounds: tuple[float, float] | None = None, **kw) -> Any:
    """A dataclass field with a plain-language description (and a default if it may be left out).

    ``answer_key=True`` marks a field that gives an answer away: a student copy made with ``kit release
    --without-answer-keys`` leaves it out (:func:`answer_key_fields`). ``model_answer=True`` marks a model answer, its
    discussion points or notes for instructors: ``kit release --without-model-answers`` leaves it out
    (:func:`withheld_fields`).

    ``translate=True`` marks a text in the kit's own words: each language gives it in a translation file under
    ``data/translations/<lang>/`` (a list of texts is translated item by item; ``translate="list"`` translates the
    whole list as one value, as for vocabulary variants; ``translate="name"`` marks a name or title that stays as
    published unless the kit wrote it: a translation is given only where one is needed and none is reported missing,
    "Slack (owned by Salesforce)" is translated, "TechCrunch" is not). ``quote=True`` marks an exact quotation: never
    translated, but a language may add the kit's own rendering of it (``<path>.kit_translation``). See
    kit/content/translations.py.

    A kind declares what its views need here, and the parser checks it for every file: ``nonempty=True`` (a list a
    view needs at least one item of) and ``bounds=(low, high)`` (a number the logic can compute with, inclusive).
    """
    metadata: dict[str, Any] = {"doc": text, "answer_key": answer_key, "model_answer": model_answer,
                                "nonempty": nonempty, "bounds": bounds}
    if translate:
        metadata["translate"] = translate
    if quote:
        metadata["quote"] = True
    if default is dataclasses.MISSING and "default_factory" not in kw:
        return dataclasses.field(metadata=metadata, **kw)
    return dataclasses.field(default=default, metadata=metadata, **kw)


# ------------------------------------------------------------------------------------------------- locations
@dataclass(frozen=True)
class Loc:
    """Where a record came from: the file, its line, the entry it belongs to and the line of each key."""

    file: str
    line: int | None
    entry: str | None
    prefix: str
    key_lines: dict[str, int]

    def line_of(self, key: str | None) -> int | None:
        if key is None:
            return self.line
        return self.key_lines.get(key.split(".")[0].split("[")[0], self.line)


def internal(default: Any = None) -> Any:
    """A field the kit fills in itself, never read from YAML (the parser and ``kit new-case`` skip it)."""
    return dataclasses.field(default=default, repr=False, compare=False, kw_only=True, metadata={"internal": True})


def is_internal(f: dataclasses.Field) -> bool:
    return bool(f.metadata.get("internal"))


def answer_key_fields(cls: type) -> tuple[str, ...]:
    """The names of the fields marked ``answer_key`` in ``cls`` and every record class nested in it, in order."""
    return withheld_fields(cls, ("answer_key",))


#: What ``kit release`` can withhold from a student copy: the metadata flag of :func:`doc` that marks each.
WITHHELD = ("answer_key", "model_answer")


def withheld_fields(cls: type, flags: tuple[str, ...] = WITHHELD) -> tuple[str, ...]:
    """The names of the fields marked with any of ``flags`` (``answer_key``, ``model_answer``) in ``cls`` and every
    record class nested in it, in order."""
    out: list[str] = []

    def walk(tp: Any, seen: set) -> None:
        _, tp = optional_type(tp)
        if get_origin(tp) is tuple:
            walk(get_args(tp)[0], seen)
        elif dataclasses.is_dataclass(tp) and tp not in seen:
            seen.add(tp)
            hints = type_hints(tp)
            for f in record_fields(tp):
                if any(f.metadata.get(flag) for flag in flags) and f.name not in out:
                    out.append(f.name)
                walk(hints[f.name], seen)

    walk(cls, set())
    return tuple(out)


def record_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    """The fields of a record class that a YAML file holds (the kit's own, like ``loc``, left out)."""
    return tuple(f for f in dataclasses.fields(cls) if f.init and not is_internal(f))


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every content record: ``entry_name`` names one entry in messages, ``loc`` is where it was read.

    ``loc`` is filled in by the parser (None for a record built in code) and takes no part in comparisons.
    """

    entry_name: typing.ClassVar[str]
    loc: Loc | None = internal(None)


def where(record: Any) -> Loc | None:
    """The location a parsed record was read from (None for records built in code)."""
    return getattr(record, "loc", None)


class ParseContext:
    """Collects problems while one or more files are parsed and cross-checked."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, line: int | None, entry: str | None, field: str | None, message: str) -> None:
        self.problems.append(Problem(file, line, entry, field, message))

    def at(self, record: Any, field: str | None, message: str) -> None:
        """Record a problem with a parsed record's field (used by cross-checks after parsing)."""
        loc = where(record)
        if loc is None:  # pragma: no cover - records built in code have no file
            self.add("<code>", None, None, field, message)
            return
        shown = f"{loc.prefix}{field}" if field else (loc.prefix.rstrip(".") or None)
        self.add(loc.file, loc.line_of(field), loc.entry, shown, message)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


# ----------------------------------------------------------------------------------------------------- parse
_HINTS: dict[type, dict[str, Any]] = {}


def type_hints(cls: type) -> dict[str, Any]:
    """A record class's field types (with ``Annotated`` kept), computed once per class."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, include_extras=True)
    return _HINTS[cls]


def entry_name(cls: type) -> str:
    """What one entry of a record class is called in messages (its ``entry_name``, like ``"event"``)."""
    return getattr(cls, "entry_name", None) or cls.__name__.lower()


def optional_type(tp: Any) -> tuple[bool, Any]:
    """``(True, X)`` for ``X | None``, else ``(False, tp)``."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return True, args[0]
    return False, tp


def describe(tp: Any) -> str:
    """What a type expects, in words."""
    optional, tp = optional_type(tp)
    if get_origin(tp) is Annotated:
        return get_args(tp)[1].expected
    if get_origin(tp) is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(tp))
    if get_origin(tp) is tuple:
        return "a list, each item " + describe(get_args(tp)[0])
    if dataclasses.is_dataclass(tp):
        return f"a mapping describing a {entry_name(tp)}"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "some text"}.get(tp, str(tp))


#: What the parser asks of each type and record class, worked out once (a file of a few hundred records asks it
#: thousands of times): per type object, (the type, whether it may be None, the type without None, its origin, its
#: arguments, whether it is a record class); per record class, its field types and its fields by name.
_SHAPES: dict[int, tuple] = {}
_READING: dict[type, tuple[dict[str, Any], dict[str, dataclasses.Field]]] = {}


def _shape(tp: Any) -> tuple:
    hit = _SHAPES.get(id(tp))
    if hit is None or hit[0] is not tp:  # the type itself is kept in the entry: its id cannot be reused meanwhile
        optional, inner = optional_type(tp)
        hit = _SHAPES[id(tp)] = (tp, optional, inner, get_origin(inner), get_args(inner),
                                 dataclasses.is_dataclass(inner))
    return hit


def _reading(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    hit = _READING.get(cls)
    if hit is None:
        hit = _READING[cls] = (type_hints(cls), {f.name: f for f in record_fields(cls)})
    return hit


class _Parser:
    def __init__(self, ctx: ParseContext, file: str):
        self.ctx, self.file = ctx, file
        self.failed = False

    def problem(self, line, entry, field, message):
        self.failed = True
        self.ctx.add(self.file, line, entry, field or None, message)

    def value(self, tp: Any, value: Any, line: int | None, entry: str | None, field: str) -> Any:
        _, optional, tp, origin, args, is_record = _shape(tp)
        if value is None:
            if optional:
                return None
            self.problem(line, entry, field, f"is empty: expected {describe(tp)}")
            return None
        if origin is Annotated:
            try:
                return args[1].convert(value)
            except Invalid as e:
                self.problem(line, entry, field, str(e))
                return None
        if origin is Literal:
            choices = args
            if value not in choices:
                close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(
                    line, entry, field, f"expected one of {', '.join(map(repr, choices))}; got {shown(value)}{hint}"
                )
                return None
            return value
        if origin is tuple:
            (item_tp, *_rest) = args
            if not isinstance(value, list):
                self.problem(
                    line, entry, field, f"expected {describe(tp)} (lines starting with '- '), got {shown(value)}"
                )
                return None
            lines = getattr(value, "item_lines", None) or [line] * len(value)
            out = []
            for i, item in enumerate(value):
                out.append(self.value(item_tp, item, lines[i], entry, f"{field}[{i + 1}]"))
            return tuple(out)
        if is_record:
            return self.record(tp, value, line, entry, field)
        if tp is bool:
            if not isinstance(value, bool):
                self.problem(line, entry, field, f"expected true or false, got {shown(value)}")
                return None
            return value
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(line, entry, field, f"expected a whole number, got {shown(value)}")
                return None
            return value
        if tp is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.problem(line, entry, field, f"expected a number, got {shown(value)}")
                return None
            if isinstance(value, int) and abs(value) > 1e300 or not math.isfinite(value):
                self.problem(line, entry, field, f"expected a finite number, got {shown(value)} (no student or chart "
                                                 "can use it)")
                return None
            return float(value)
        if tp is str:
            return (
                _TextKind().convert(value)
                if isinstance(value, str) and not is_blank(value)
                else self._bad_str(value, line, entry, field)
            )
        raise TypeError(f"schema type not supported: {tp!r}")  # pragma: no cover - a programming error

    def _declared(self, f: dataclasses.Field, value: Any, line, entry, field) -> None:
        """What the field's kind declared it needs (:func:`doc`): at least one item, a number within bounds."""
        if value is None:
            return
        if f.metadata.get("nonempty") and isinstance(value, tuple) and not value:
            what = f.metadata.get("doc") or "items"
            self.problem(line, entry, field, f"is empty: the view needs at least one ({what})")
        bounds = f.metadata.get("bounds")
        if bounds and isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = bounds
            if not low <= value <= high:
                self.problem(line, entry, field, f"must be between {low:,} and {high:,}, got {value:,}")

    def _bad_str(self, value, line, entry, field):
        self.problem(
            line, entry, field, "is empty" if isinstance(value, str) else f"expected some text, got {shown(value)}"
        )

    def record(self, cls: type, value: Any, line: int | None, entry: str | None, field: str) -> Any:
        noun = entry_name(cls)
        if not isinstance(value, dict):
            self.problem(
                line, entry, field, f"expected a mapping describing a {noun} (key: value lines), got {shown(value)}"
            )
            return None
        key_lines = getattr(value, "key_lines", {})
        rec_line = getattr(value, "line", None) or line
        hints, fields = _reading(cls)
        # An entry with an id is named by it; nested entries without one keep their parent's name.
        prefix = f"{field}." if field else ""
        own_entry = entry
        raw_id = value.get("id") if "id" in fields else None
        if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
            own_entry = f"{noun} '{raw_id}'" if entry is None or not field else f"{entry}, {noun} '{raw_id}'"
            prefix = ""
        elif field and field.endswith("]") and entry is None:
            own_entry = f"{noun} {field[field.rfind('[') + 1 : -1]}"
            prefix = ""
        failed_before = self.failed
        self.failed = False
        for key in value:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.problem(
                    key_lines.get(key, rec_line),
                    own_entry,
                    f"{prefix}{key}",
                    f"unknown field: {hint}A {noun} has the fields: {', '.join(fields)}",
                )
        kwargs = {}
        for name, f in fields.items():
            if name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    what = f.metadata.get("doc") or describe(hints[name])
                    self.problem(rec_line, own_entry, f"{prefix}{name}", f"missing: every {noun} needs it ({what})")
                continue
            kwargs[name] = self.value(
                hints[name], value[name], key_lines.get(name, rec_line), own_entry, f"{prefix}{name}"
            )
            self._declared(f, kwargs[name], key_lines.get(name, rec_line), own_entry, f"{prefix}{name}")
        for name, f in fields.items():  # a list the views need, left out altogether
            if name not in value and f.metadata.get("nonempty") and f.default == ():
                self._declared(f, (), rec_line, own_entry, f"{prefix}{name}")
        failed_here = self.failed
        self.failed = failed_before or failed_here
        if failed_here:
            return None
        return cls(**kwargs, loc=Loc(self.file, rec_line, own_entry, prefix, dict(key_lines)))


def parse_document(cls: type, data: Any, file: str, ctx: ParseContext | None = None) -> Any:
    """Check ``data`` (from :func:`load_yaml`) against the record class ``cls``.

    With a ``ctx`` the problems are added to it and ``None`` is returned on failure; without one a ContentError is
    raised naming every problem.
    """
    own = ctx is None
    ctx = ctx or ParseContext()
    if data is None:
        ctx.add(file, None, None, None, f"the file is empty: expected {describe(cls)}")
        result = None
    else:
        result = _Parser(ctx, file).record(cls, data, 1, None, "")
    if own:
        ctx.raise_if_any()
    return result
