"""The translation overlay the kit reads: ``data/translations/<lang>/`` mirrors the English files (issue 13).

Facts exist once, in the English files. A translation file mirrors an English file's path
(``data/cases/slack-2024/timeline.yaml`` -> ``data/translations/fr/cases/slack-2024/timeline.yaml``) and maps the
**path** of each text (``events.slack-ai-launch.what``) to ``{text: …, source: <fingerprint>}``, where the
fingerprint is of the English text that was translated. The schema says which fields are the kit's own words
(``doc(..., translate=True)``) and which are exact quotations (``doc(..., quote=True)``): only those paths exist.

* :func:`translatables` walks one English file's data once: every text a language translates, with its path and
  where it is in the data;
* :func:`overlay_current` puts the current language's texts onto an English file before it is parsed
  (:func:`load_current`, which :func:`kit.content.base.load_file` calls, keeps the result in the parse cache), so
  every loader gets records in that language with the facts (ids, dates, URLs, statuses, quotations) untouched; a
  missing translation falls back to English and a stale one still shows. :func:`with_translations` adds the
  translation files to what a cached value depends on;
* :func:`kit_translation_for` gives the kit's own rendering of a quotation (``<path>.kit_translation``), which a view
  shows beneath the original, labelled as the kit's translation, never as a quotation;
* :func:`compare_language` compares a language's translation files with the English files the registry lists, in
  one walk: unknown paths and malformed entries (problems ``kit check`` reports), missing and stale texts (the
  per-language report and the skeletons of :mod:`kit.instructor.translations`).

A translation file is found from the English file's own place: the content folder is the nearest folder above it
that holds ``translations/`` or ``ui/en.yaml``, whatever kind the file is and wherever the folder is (``KIT_DATA``,
a copy given by path, ``kit check --data DIR``). Which files a language translates, and as which record class, is
the registry's (:func:`kit.content.registry.translated_files`).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import cached
from .errors import ContentError, Problem, display_path, safe_resolve
from .language import DEFAULT, current
from .schema import ScalarKind, entry_name, optional_type, type_hints, where
from .yamlio import LineList, derived_tree, load_mapping, load_yaml, parses, read_text, written

__all__ = [
    "DIR",
    "KIT_TRANSLATION",
    "LanguageReport",
    "TEntry",
    "Translatable",
    "compare_language",
    "fingerprint",
    "kit_translation",
    "kit_translation_for",
    "load_current",
    "overlay",
    "overlay_current",
    "translatables",
    "translation_file",
    "translation_path",
    "with_translations",
]

DIR = "translations"
KIT_TRANSLATION = "kit_translation"
_FP_RE = re.compile(r"^[0-9a-f]{8}$")


# ------------------------------------------------------------------------------------------------ fingerprint
def _norm(text: str) -> str:
    return " ".join(str(text).split())


def fingerprint(english: str | list | tuple) -> str:
    """The spec's fingerprint: sha1 of the whitespace-normalised text (a list: items joined with newlines), 8 hex."""
    joined = "\n".join(_norm(i) for i in english) if isinstance(english, (list, tuple)) else _norm(english)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:8]


# ------------------------------------------------------------------------------------------- where a translation is
#: Where each file asked about was found: its path (with the working folder, for a relative one) -> (content folder,
#: path relative to it). Every load asks again for every file it read (a few hundred times in a Run All), and
#: resolving a path and climbing its folders is a dozen system calls; a remembered place costs one, which checks the
#: folder is still a content folder.
_PLACES: dict[tuple[str, str], tuple[Path, str]] = {}


def _is_content_folder(folder: Path) -> bool:
    return (folder / DIR).is_dir() or (folder / "ui" / f"{DEFAULT}.yaml").is_file()


def _place(path: Path) -> tuple[Path, str] | None:
    """(content folder, the path relative to it, POSIX) of a file or folder, or None outside any content folder. The
    content folder is the nearest folder above it holding ``translations/`` or ``ui/en.yaml``."""
    name = os.fspath(path)
    key = (name, "" if os.path.isabs(name) else os.getcwd())
    hit = _PLACES.get(key)
    if hit is not None and _is_content_folder(hit[0]):
        return hit
    resolved = safe_resolve(path)
    for parent in resolved.parents:
        if _is_content_folder(parent):
            if len(_PLACES) >= 4096:
                _PLACES.clear()
            _PLACES[key] = found = (parent, resolved.relative_to(parent).as_posix())
            return found
    return None


def translation_path(english: Path, lang: str) -> Path | None:
    """Where the translation of an English file (or folder) into ``lang`` lives, or None when it is not content a
    language translates (a translation or a UI string file itself, or a file outside any content folder)."""
    place = _place(english)
    if place is None:
        return None
    root, rel = place
    if rel.startswith((f"{DIR}/", "ui/")):
        return None
    return root / DIR / lang / rel


# -------------------------------------------------------------------------------------------- the walk
@dataclass(frozen=True)
class Translatable:
    """One text of an English file that a language translates."""

    path: str
    english: str | tuple[str, ...]
    line: int | None
    entry: str | None  # "event 'slack-ai-launch'"
    field: str  # the field's name, like 'what'
    kind: str  # "text" (a text in the kit's words), "list" (translated as one list) or "quote" (kit_translation)
    one_line: bool = False
    official: tuple[str, ...] = ()  # for a quote: the languages with an official text (a law's `translations`)
    steps: tuple = ()  # the keys and indexes that reach the value in the file's data (the overlay writes there)
    optional: bool = False  # a name or title (translate="name"): translated only where the kit wrote it


def _record_class(tp: Any) -> type | None:
    _, tp = optional_type(tp)
    return tp if dataclasses.is_dataclass(tp) else None


def _tuple_item(tp: Any) -> Any | None:
    _, tp = optional_type(tp)
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0]
    return None


def _is_one_line(tp: Any) -> bool:
    _, tp = optional_type(tp)
    if typing.get_origin(tp) is typing.Annotated:
        kind = typing.get_args(tp)[1]
        return isinstance(kind, ScalarKind) and kind.name == "line"
    return False


def _textual(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip() != ""


#: What :func:`translatables` needs to know of each field of a record class, worked out once per class (the walk runs
#: over every record of every file a notebook reads, and asking the type hints each time was most of it).
_PLANS: dict[type, tuple[bool, str, tuple[tuple, ...]]] = {}


def _plan(cls: type) -> tuple[bool, str, tuple[tuple, ...]]:
    """(whether ``cls`` has an ``id`` field, its entry noun, and per field: name, how it is translated, whether it is
    a quotation, whether its text is one line, whether it is a tuple, whether its items' text is one line, its record
    class, its items' record class)."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = type_hints(cls)
        fields = []
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            item_tp = _tuple_item(tp)
            fields.append((f.name, f.metadata.get("translate"), bool(f.metadata.get("quote")), _is_one_line(tp),
                           item_tp is not None, item_tp is not None and _is_one_line(item_tp), _record_class(tp),
                           _record_class(item_tp) if item_tp is not None else None))
        has_id = any(f.name == "id" for f in dataclasses.fields(cls))
        plan = _PLANS[cls] = (has_id, entry_name(cls), tuple(fields))
    return plan


def translatables(cls: type, data: Any, prefix: str = "", entry: str | None = None,
                  steps: tuple = ()) -> Iterator[Translatable]:
    """Every translatable text (and quotation) of English YAML data read as ``cls``, with its spec path."""
    if not isinstance(data, dict):
        return
    key_lines = getattr(data, "key_lines", {})
    has_id, noun, fields = _plan(cls)
    raw_id = data.get("id")
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and has_id:
        entry = f"{noun} '{raw_id}'" if entry is None or not prefix else f"{entry}, {noun} '{raw_id}'"
    for name, how, quote, one_line, is_tuple, item_one_line, record, item_record in fields:
        value = data.get(name)
        if value is None:
            continue
        path, here = f"{prefix}{name}", (*steps, name)
        line = key_lines.get(name, getattr(data, "line", None))
        if how == "list":
            if isinstance(value, list) and value and all(_textual(v) for v in value):
                yield Translatable(path, tuple(written(v) for v in value), line, entry, name, "list", steps=here)
            continue
        if how:
            if is_tuple:
                if isinstance(value, list):
                    lines = getattr(value, "item_lines", None) or [line] * len(value)
                    for i, item in enumerate(value, 1):
                        if _textual(item):
                            yield Translatable(f"{path}[{i}]", written(item), lines[i - 1], entry, f"{name}[{i}]",
                                               "text", item_one_line, steps=(*here, i - 1), optional=how == "name")
            elif _textual(value):
                yield Translatable(path, written(value), line, entry, name, "text", one_line, steps=here,
                                   optional=how == "name")
            continue
        if quote:
            if _textual(value):
                others = data.get("translations") if isinstance(data.get("translations"), list) else []
                official = tuple(str(o.get("language")) for o in others if isinstance(o, dict))
                yield Translatable(f"{path}.{KIT_TRANSLATION}", written(value), line, entry, name, "quote",
                                   official=official, steps=here)
            continue
        if record is not None:
            yield from translatables(record, value, f"{path}.", entry, here)
            continue
        if item_record is not None and isinstance(value, list):
            for i, item in enumerate(value, 1):
                if not isinstance(item, dict):
                    continue
                item_id = item.get("id")
                step = f".{item_id}" if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) else f"[{i}]"
                yield from translatables(item_record, item, f"{path}{step}.", entry, (*here, i - 1))


# ------------------------------------------------------------------------------------------- translation files
@dataclass(frozen=True)
class TEntry:
    """One entry of a translation file."""

    path: str
    text: str | tuple[str, ...]
    source: str
    line: int | None


@dataclass
class TranslationFile:
    """A translation file as read: its entries by path, and what is wrong with it."""

    entries: dict[str, TEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = True  # False: the file is not YAML that can be read (its problem says why)


def _parse_translation_file(path: Path) -> TranslationFile:
    out = TranslationFile()
    shown = display_path(path)
    data, out.problems[:], out.parsed = load_mapping(path, "a mapping of paths to {text, source} entries")
    if data is None:
        return out
    for key, value in data.items():
        line = data.key_lines.get(key)

        def bad(message: str, line=line, key=key) -> None:
            out.problems.append(Problem(shown, line, None, key, message))

        if not isinstance(value, dict):
            bad("malformed entry: expected a mapping with 'text' (the translation) and 'source' (the fingerprint "
                "of the English text)")
            continue
        unknown = sorted(set(value) - {"text", "source"})
        if unknown:
            bad(f"malformed entry: unknown key(s) {', '.join(unknown)}: an entry has only 'text' and 'source'")
            continue
        text, source = value.get("text"), value.get("source")
        if isinstance(text, list):
            if not text or not all(_textual(t) for t in text):
                bad("malformed entry: 'text' is a list with an empty or non-text item")
                continue
            text = tuple(written(t) for t in text)
        elif not _textual(text):
            bad("malformed entry: 'text' is missing or empty: write the translation")
            continue
        else:
            text = written(text)
        if isinstance(source, int) and not isinstance(source, bool):
            source = str(source)  # YAML reads an all-digit fingerprint as a number
        if not isinstance(source, str) or not _FP_RE.match(source):
            bad(f"malformed entry: 'source' must be the 8-character fingerprint of the English text in quotes, got "
                f"{source!r} (run 'python -m kit translate LANG' to see it)")
            continue
        out.entries[str(key)] = TEntry(str(key), text, source, line)
    return out


def translation_file(path: Path) -> TranslationFile:
    """A translation file read and checked (cached until it changes); an absent file has no entries."""
    if not path.is_file():
        return TranslationFile()
    return cached(f"tr:{path.resolve()}", [path], lambda: _parse_translation_file(path))


# ------------------------------------------------------------------------------------------------ overlay
def with_translations(paths: Iterable[Path] | Callable[[], Iterable[Path]]
                      ) -> Iterable[Path] | Callable[[], Iterable[Path]]:
    """What a cached content value depends on: its English files and, in another language, their translations."""
    lang = current()
    if lang == DEFAULT:
        return paths

    def both() -> list[Path]:
        english = list(paths() if callable(paths) else paths)
        extra = [tp for p in english if (tp := translation_path(Path(p), lang)) is not None]
        return [*english, *extra]

    return both


def _set(node: Any, steps: tuple, value: Any) -> None:
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value


def overlay(cls: type, data: Any, entries: dict[str, TEntry]) -> Any:
    """Put translated texts onto English YAML data (in place; returned). Untranslated paths keep the English."""
    if not entries or not isinstance(data, dict):
        return data
    for item in list(translatables(cls, data)):
        e = entries.get(item.path)
        if e is None or item.kind == "quote":
            continue
        text = e.text
        if isinstance(text, str) and item.one_line:
            # a one-line field stays one line whatever the translator typed; its no-break spaces stay (issue 25)
            text = re.sub(r"[ \t\r\n]+", " ", text).strip()
        if isinstance(text, tuple):
            text = LineList(text)
        _set(data, item.steps, text)
    return data


#: The record class each content file was last read as (filled by :func:`overlay_current`), for quotations' paths.
_READ_AS: dict[str, type] = {}


def overlay_current(path: Path, cls: type, data: Any) -> Any:
    """The current language's texts on a freshly read English file (:func:`load_current` calls it)."""
    _READ_AS[str(safe_resolve(path))] = cls
    lang = current()
    if lang == DEFAULT or data is None:
        return data
    tpath = translation_path(Path(path), lang)
    if tpath is None:
        return data
    return overlay(cls, data, translation_file(tpath).entries)


#: What decides the overlay besides the two texts, per record class: this module's code and the class's plan (which
#: fields are translated, how, and the classes they hold), made once per class (see :func:`load_current`).
_SCHEMA_KEYS: dict[type, str] = {}
_CODE: list[str] = []


def _schema_key(cls: type) -> str:
    key = _SCHEMA_KEYS.get(cls)
    if key is None:
        if not _CODE:
            _CODE.append(hashlib.sha256(Path(__file__).read_bytes()).hexdigest())
        parts, todo, seen = [_CODE[0]], [cls], set()
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            has_id, noun, fields = _plan(c)
            parts.append(f"{c.__module__}.{c.__qualname__} {has_id} {noun}")
            for *flags, record, item_record in fields:
                parts.append(repr((*flags, getattr(record, "__qualname__", None),
                                   getattr(item_record, "__qualname__", None))))
                todo += [r for r in (record, item_record) if r is not None]
        key = _SCHEMA_KEYS[cls] = "\n".join(parts)
    return key


def load_current(path: Path, cls: type):
    """An English content file read as ``cls``, with the current language's texts on it (:func:`overlay_current`):
    what :func:`kit.content.base.load_file` parses. Raises the ContentError of an English file that cannot be read.

    In another language the overlaid tree is kept in the parse cache (:func:`kit.content.yamlio.derived_tree`), named
    by the English text, the translation's text, the language and what decides the overlay (this module's code, the
    class's schema): reading the translation's YAML, checking its entries and walking the English data are done once
    per machine, not in every French notebook's kernel.
    """
    lang = current()
    tpath = translation_path(Path(path), lang) if lang != DEFAULT else None
    if tpath is None or not tpath.is_file():
        return overlay_current(path, cls, load_yaml(path))
    _READ_AS[str(safe_resolve(path))] = cls
    try:
        translated = read_text(tpath)
    except ContentError:  # as translation_file: a translation that cannot be read leaves the English
        return overlay_current(path, cls, load_yaml(path))
    return derived_tree(read_text(path), display_path(path), f"overlay {lang}\n{_schema_key(cls)}\n{translated}",
                        lambda tree: overlay(cls, tree, translation_file(tpath).entries))


def kit_translation(english_file: str | Path, path: str, lang: str | None = None) -> str | None:
    """The kit's own rendering of the quotation at ``path`` of ``english_file`` in ``lang`` (default: current).

    Returned for display beneath the original, labelled as the kit's translation; None when there is none.
    """
    lang = lang or current()
    if lang == DEFAULT:
        return None
    tpath = translation_path(Path(english_file), lang)
    if tpath is None:
        return None
    e = translation_file(tpath).entries.get(f"{path}.{KIT_TRANSLATION}")
    return e.text if e is not None and isinstance(e.text, str) else None


def _english_data(path: Path):
    try:
        return load_yaml(path)
    except ContentError:
        return None  # the content checks report it


def _quote_paths(english: Path) -> dict[tuple[str | None, str], str]:
    """(entry, field) -> path of every quotation in an English file read by a loader (cached until it changes)."""

    def build() -> dict[tuple[str | None, str], str]:
        cls = _READ_AS.get(str(safe_resolve(english)))
        data = _english_data(english) if cls else None
        if data is None:
            return {}
        return {(t.entry, t.field): t.path.removesuffix(f".{KIT_TRANSLATION}")
                for t in translatables(cls, data) if t.kind == "quote"}

    return cached(f"tr:quotes:{english.resolve()}", [english], build)


def kit_translation_for(record: Any, field_name: str, lang: str | None = None) -> str | None:
    """The kit's own rendering of a parsed record's quotation field (``statement.text``, ``event.quote`` …)."""
    loc = where(record)
    if loc is None or (lang or current()) == DEFAULT:
        return None
    english = Path(loc.file)
    path = _quote_paths(english).get((loc.entry, field_name))
    return kit_translation(english, path, lang) if path else None


# ------------------------------------------------------------------------------------------------ comparing
@dataclass
class LanguageReport:
    """One language's translation files against the English files, from one walk."""

    lang: str
    translated: int = 0
    missing: list[Problem] = field(default_factory=list)
    stale: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # unknown paths and files, malformed entries: errors
    #: What a translator has to do, per translation file: each missing text (None) or stale one (its old text).
    todo: dict[Path, list[tuple[Translatable, str | tuple | None]]] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{self.lang}: {self.translated} translated, {len(self.missing)} missing, {len(self.stale)} stale"
                + (f", {len(self.problems)} problem(s)" if self.problems else ""))


def compare_language(root: Path, lang: str, files: Iterable[tuple[str, Path, type]],
                     written_in: Callable[[str, Any], str]) -> LanguageReport:
    """Compare ``root/translations/<lang>/`` with the English ``files`` ((path under root, path, record class), from
    the registry): unknown, missing, stale, malformed. ``written_in(rel, data)`` is the language an English file is
    written in (a case or a quiz may be written in French already: nothing to translate)."""
    root = Path(root)
    report = LanguageReport(lang)
    base = root / DIR / lang
    known_rel: set[str] = set()
    for rel, path, cls in files:
        known_rel.add(rel)
        tpath = base / rel
        parsed = translation_file(tpath)
        report.problems.extend(parsed.problems)
        if not parsed.parsed or not parses(path):
            continue  # one of the two files is not YAML that can be read: its problem is reported, once
        data = _english_data(path)
        if data is not None and written_in(rel, data) == lang:
            data = None  # written in this language already: nothing to translate
        items = list(translatables(cls, data)) if data is not None else []
        shown_t = display_path(tpath)
        by_path = {t.path: t for t in items}
        for t in items:
            e = parsed.entries.get(t.path)
            where_ = f"{t.entry + ', ' if t.entry else ''}field '{t.field}'"
            english_at = f"English at {display_path(path)}, line {t.line}, {where_}"
            if e is None:
                if t.optional:  # a name or title stays as published where nobody translated it (issue 25)
                    continue
                if t.kind != "quote" or lang not in t.official:  # an official text makes the kit's needless
                    report.missing.append(Problem(shown_t, None, t.entry, t.path,
                                                  f"missing: no {lang} translation ({english_at})"))
                    report.todo.setdefault(tpath, []).append((t, None))
                continue
            if isinstance(e.text, tuple) != (t.kind == "list"):
                report.problems.append(Problem(shown_t, e.line, t.entry, t.path,
                                               "malformed entry: 'text' must be a list here" if t.kind == "list"
                                               else "malformed entry: 'text' must be one text, not a list"))
                continue
            report.translated += 1
            if e.source != fingerprint(t.english):
                report.stale.append(Problem(shown_t, e.line, t.entry, t.path,
                                            f"stale: the English text changed since it was translated ({english_at}; "
                                            f"fingerprint now {fingerprint(t.english)}, translated from {e.source})"))
                report.todo.setdefault(tpath, []).append((t, e.text))
        for key, e in parsed.entries.items():
            if key not in by_path:
                close = difflib.get_close_matches(key, list(by_path), n=1, cutoff=0.6)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                report.problems.append(Problem(shown_t, e.line, None, key,
                                               f"unknown path: {display_path(path)} has no translatable text "
                                               f"there.{hint}"))
    if base.is_dir():
        for tpath in sorted(base.rglob("*.yaml")):
            rel = tpath.relative_to(base).as_posix()
            if rel not in known_rel:
                close = difflib.get_close_matches(rel, sorted(known_rel), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                report.problems.append(Problem(display_path(tpath), None, None, None,
                                               f"unknown file: no English file data/{rel} to translate.{hint}"))
    return report
