"""Translations of the kit's own words: ``data/translations/<lang>/`` mirrors the English files (issue 13).

Facts exist once, in the English files. A translation file mirrors an English file's path
(``data/cases/slack-2024/timeline.yaml`` -> ``data/translations/fr/cases/slack-2024/timeline.yaml``) and maps the
**path** of each text (``events.slack-ai-launch.what``) to ``{text: …, source: <fingerprint>}``, where the
fingerprint is of the English text that was translated. The schema says which fields are the kit's own words
(``doc(..., translate=True)``) and which are exact quotations (``doc(..., quote=True)``): only those paths exist.

* :func:`overlay` puts a language's texts onto the English YAML before it is parsed, so every loader gets French
  records with the facts (ids, dates, URLs, statuses, quotations) untouched; a missing translation falls back to
  English and a stale one still shows. The cache keeps each language apart (:func:`cache_variant`).
* :func:`kit_translation` gives the kit's own rendering of a quotation (``<path>.kit_translation``), which a view
  shows beneath the original, labelled as the kit's translation, never as a quotation.
* :func:`check_translations` is what ``kit check`` reports per language: unknown paths (with did-you-mean),
  missing and stale translations (file, line, id and field) and malformed entries.
* :func:`skeleton` is what ``kit translate LANG`` lists or appends for an instructor to fill in.

Hook points: :func:`kit.content.base.load_file` calls :func:`overlay_current`; :func:`kit.content.base.load_checked`
adds the translation files to what a cached value depends on (:func:`with_translations`) and
:func:`kit.content.cache.cached` keys each language apart; the ``translations`` kind in the registry
(:mod:`kit.content.translated`) runs :func:`check_translations`. Which files are translated, and as which record
class, comes from the registered kinds (``ContentKind.translated``; :func:`schema_for`).
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import hashlib
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .cache import cached
from .errors import ContentError, Problem, display_path
from .language import DEFAULT, current
from .root import data_root
from .schema import ScalarKind, optional_type, type_hints, where
from .yamlio import LineDict, LineList, load_yaml

__all__ = [
    "KIT_TRANSLATION",
    "TEntry",
    "TranslationReport",
    "Translatable",
    "check_translations",
    "english_files",
    "fingerprint",
    "kit_translation",
    "kit_translation_for",
    "languages",
    "overlay",
    "overlay_current",
    "register_kinds",
    "schema_for",
    "skeleton",
    "translatables",
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


# ------------------------------------------------------------------------------------------- which files, which class
def _root() -> Path:
    return data_root()


#: The translated files of every registered kind: (pattern under data/, record class), filled by the registry.
_PATTERNS: list[tuple[str, type]] = []
#: The record class each content file was last read as (filled by :func:`overlay_current`), for quotations' paths.
_READ_AS: dict[str, type] = {}


def register_kinds(kinds: Iterable[Any]) -> None:
    """Take which files are translated, and as which class, from the content kinds (``ContentKind.translated``).

    :mod:`kit.content.registry` calls it once with its ``KINDS``; a kind added there is translated with no list to
    update here.
    """
    _PATTERNS[:] = [pair for k in kinds for pair in k.translated]


def schema_for(rel: str) -> type | None:
    """The record class of an English content file, by its path relative to the content folder (None: not content
    a language translates). The mapping comes from the registered kinds (:func:`register_kinds`)."""
    parts = Path(rel).parts
    if not parts or not parts[-1].endswith(".yaml") or parts[-1].startswith(("_", ".")):
        return None
    rel = Path(rel).as_posix()
    for pattern, cls in _PATTERNS:
        if fnmatch.fnmatchcase(rel, pattern) and rel.count("/") == pattern.count("/"):
            return cls
    return None


def english_files(root: Path) -> list[tuple[str, Path, type]]:
    """Every English content file that can have translations: (relative path, path, record class)."""
    out = []
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith((f"{DIR}/", "ui/")) or any(p.startswith(("_", ".")) for p in Path(rel).parts):
            continue
        cls = schema_for(rel)
        if cls is not None:
            out.append((rel, path, cls))
    return out


def _relative(path: Path) -> tuple[Path, str] | None:
    """(content root, path relative to it) for a content file or folder, or None when it is not content."""
    path = Path(path).resolve()
    root = _root().resolve()
    try:
        return root, path.relative_to(root).as_posix()
    except ValueError:
        pass
    # A content folder other than KIT_DATA's (a test's copy, `kit check --data DIR`): find it by its layout.
    for i, parent in enumerate(path.parents):
        if parent.name in ("cases", "law", "quizzes", "research"):
            return parent.parent, path.relative_to(parent.parent).as_posix()
        if i > 3:
            break
    if path.name in ("checklist.yaml", "vocabulary.yaml"):
        return path.parent, path.name
    if path.parent.name and (path.is_dir() or path.parent.is_dir()):
        # A case folder loaded by path (tests/fixtures/mini-case): translations as if it were under data/cases.
        folder = path if path.is_dir() else path.parent
        rel_in_case = "" if path.is_dir() else f"/{path.name}"
        if (folder / "case.yaml").exists():
            return root, f"cases/{folder.name}{rel_in_case}"
    return None


def translation_path(english: Path, lang: str) -> Path | None:
    """Where the translation of an English file (or folder) into ``lang`` lives, or None if it is not content."""
    found = _relative(english)
    if found is None:
        return None
    root, rel = found
    if rel.startswith(f"{DIR}/") or rel.startswith("ui/"):
        return None
    return root / DIR / lang / rel


def languages(root: Path | None = None) -> list[str]:
    """The languages with translations (a folder under data/translations) or UI strings (data/ui/<lang>.yaml)."""
    root = Path(root) if root else _root()
    langs = {p.name for p in (root / DIR).iterdir() if p.is_dir()} if (root / DIR).is_dir() else set()
    if (root / "ui").is_dir():
        langs |= {p.stem for p in (root / "ui").glob("*.yaml")}
    langs.discard("en")
    return sorted(langs)


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
    optional: bool = False  # i25: a name or title (translate="name"): translated only where the kit wrote it


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


def translatables(cls: type, data: Any, prefix: str = "", entry: str | None = None) -> Iterator[Translatable]:
    """Every translatable text (and quotation) of English YAML data read as ``cls``, with its spec path."""
    if not isinstance(data, dict):
        return
    key_lines = getattr(data, "key_lines", {})
    hints = type_hints(cls)
    noun = getattr(cls, "entry_name", None) or cls.__name__.lower()
    raw_id = data.get("id")
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and any(
            f.name == "id" for f in dataclasses.fields(cls)):
        entry = f"{noun} '{raw_id}'" if entry is None or not prefix else f"{entry}, {noun} '{raw_id}'"
    for f in dataclasses.fields(cls):
        if f.name not in data or data[f.name] is None:
            continue
        value, tp = data[f.name], hints[f.name]
        path = f"{prefix}{f.name}"
        line = key_lines.get(f.name, getattr(data, "line", None))
        how = f.metadata.get("translate")
        if how == "list":
            if isinstance(value, list) and value and all(_textual(v) for v in value):
                yield Translatable(path, tuple(str(v) for v in value), line, entry, f.name, "list")
            continue
        if how:
            item_tp = _tuple_item(tp)
            if item_tp is not None:
                if isinstance(value, list):
                    lines = getattr(value, "item_lines", None) or [line] * len(value)
                    for i, item in enumerate(value, 1):
                        if _textual(item):
                            yield Translatable(f"{path}[{i}]", str(item), lines[i - 1], entry, f"{f.name}[{i}]",
                                               "text", _is_one_line(item_tp), optional=how == "name")
            elif _textual(value):
                yield Translatable(path, str(value), line, entry, f.name, "text", _is_one_line(tp),
                                   optional=how == "name")
            continue
        if f.metadata.get("quote"):
            if _textual(value):
                others = data.get("translations") if isinstance(data.get("translations"), list) else []
                official = tuple(str(o.get("language")) for o in others if isinstance(o, dict))
                yield Translatable(f"{path}.{KIT_TRANSLATION}", str(value), line, entry, f.name, "quote",
                                   official=official)
            continue
        sub = _record_class(tp)
        if sub is not None:
            yield from translatables(sub, value, f"{path}.", entry)
            continue
        item_tp = _tuple_item(tp)
        sub = _record_class(item_tp) if item_tp is not None else None
        if sub is not None and isinstance(value, list):
            for i, item in enumerate(value, 1):
                if not isinstance(item, dict):
                    continue
                item_id = item.get("id")
                step = f".{item_id}" if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) else f"[{i}]"
                yield from translatables(sub, item, f"{path}{step}.", entry)


# ------------------------------------------------------------------------------------------- translation files
@dataclass(frozen=True)
class TEntry:
    """One entry of a translation file."""

    path: str
    text: str | tuple[str, ...]
    source: str
    line: int | None


@dataclass
class _Parsed:
    entries: dict[str, TEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _parse_translation_file(path: Path) -> _Parsed:
    out = _Parsed()
    shown = display_path(path)
    try:
        data = load_yaml(path)
    except ContentError as e:
        out.problems.extend(e.problems)
        return out
    if data is None:
        return out
    if not isinstance(data, dict):
        out.problems.append(Problem(shown, getattr(data, "line", 1), None, None,
                                    "expected a mapping of paths to {text, source} entries"))
        return out
    for key, value in data.items():
        line = data.key_lines.get(key) if isinstance(data, LineDict) else None

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
            text = tuple(str(t) for t in text)
        elif not _textual(text):
            bad("malformed entry: 'text' is missing or empty: write the translation")
            continue
        else:
            text = str(text)
        if isinstance(source, int) and not isinstance(source, bool):
            source = str(source)  # YAML reads an all-digit fingerprint as a number
        if not isinstance(source, str) or not _FP_RE.match(source):
            bad(f"malformed entry: 'source' must be the 8-character fingerprint of the English text in quotes, got "
                f"{source!r} (run 'python -m kit translate LANG' to see it)")
            continue
        out.entries[str(key)] = TEntry(str(key), text, source, line)
    return out


def _translation_file(path: Path) -> _Parsed:
    return cached(f"tr:{path.resolve()}", [path], lambda: _parse_translation_file(path))


# ------------------------------------------------------------------------------------------------ overlay
def _current_language() -> str:
    return current()


def with_translations(paths: Iterable[Path] | Callable[[], Iterable[Path]]
                      ) -> Iterable[Path] | Callable[[], Iterable[Path]]:
    """What a cached content value depends on: its English files and, in another language, their translations."""
    lang = _current_language()
    if lang == DEFAULT:
        return paths

    def both() -> list[Path]:
        english = list(paths() if callable(paths) else paths)
        extra = [tp for p in english if (tp := translation_path(Path(p), lang)) is not None]
        return [*english, *extra]

    return both


def _set(node: Any, path_steps: list, value: Any) -> None:
    for step in path_steps[:-1]:
        node = node[step]
    node[path_steps[-1]] = value


def _locate(cls: type, data: Any, prefix: str = "", steps: tuple = ()) -> Iterator[tuple[str, tuple]]:
    """(path, steps to reach the value) for every translatable value, mirroring :func:`translatables`."""
    if not isinstance(data, dict):
        return
    hints = type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name not in data or data[f.name] is None:
            continue
        value, tp = data[f.name], hints[f.name]
        path, here = f"{prefix}{f.name}", (*steps, f.name)
        how = f.metadata.get("translate")
        if how == "list":
            yield path, here
            continue
        if how:
            if _tuple_item(tp) is not None:
                if isinstance(value, list):
                    for i in range(len(value)):
                        yield f"{path}[{i + 1}]", (*here, i)
            else:
                yield path, here
            continue
        if f.metadata.get("quote"):
            continue
        sub = _record_class(tp)
        if sub is not None:
            yield from _locate(sub, value, f"{path}.", here)
            continue
        item_tp = _tuple_item(tp)
        sub = _record_class(item_tp) if item_tp is not None else None
        if sub is not None and isinstance(value, list):
            for i, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                item_id = item.get("id")
                step = f".{item_id}" if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) \
                    else f"[{i + 1}]"
                yield from _locate(sub, item, f"{path}{step}.", (*here, i))


def overlay(cls: type, data: Any, entries: dict[str, TEntry]) -> Any:
    """Put translated texts onto English YAML data (in place; returned). Untranslated paths keep the English."""
    if not entries or not isinstance(data, dict):
        return data
    one_line = {t.path: t.one_line for t in translatables(cls, data)}
    for path, steps in _locate(cls, data):
        e = entries.get(path)
        if e is None:
            continue
        text = e.text
        if isinstance(text, str) and one_line.get(path):
            # a one-line field stays one line whatever the translator typed; its no-break spaces stay (i25)
            text = re.sub(r"[ \t\r\n]+", " ", text).strip()
        if isinstance(text, tuple):
            text = LineList(text)
        _set(data, list(steps), text)
    return data


def overlay_current(path: Path, cls: type, data: Any) -> Any:
    """The current language's texts on a freshly read English file (:func:`kit.content.base.load_file` calls it)."""
    _READ_AS[str(Path(path).resolve())] = cls
    lang = _current_language()
    if lang == "en" or data is None:
        return data
    tpath = translation_path(Path(path), lang)
    if tpath is None or not tpath.is_file():
        return data
    return overlay(cls, data, _translation_file(tpath).entries)


def kit_translation(english_file: str | Path, path: str, lang: str | None = None) -> str | None:
    """The kit's own rendering of the quotation at ``path`` of ``english_file`` in ``lang`` (default: current).

    Returned for display beneath the original, labelled as the kit's translation; None when there is none.
    """
    lang = lang or _current_language()
    if lang == "en":
        return None
    tpath = translation_path(Path(english_file), lang)
    if tpath is None or not tpath.is_file():
        return None
    e = _translation_file(tpath).entries.get(f"{path}.{KIT_TRANSLATION}")
    return e.text if e is not None and isinstance(e.text, str) else None


def _quote_paths(english: Path) -> dict[tuple[str | None, str], str]:
    """(entry, field) -> path of every quotation in an English file (cached until the file changes)."""

    def build() -> dict[tuple[str | None, str], str]:
        cls = _READ_AS.get(str(english.resolve()))
        if cls is None:
            found = _relative(english)
            cls = schema_for(found[1]) if found else None
        data = _english_data(english) if cls else None
        if data is None:
            return {}
        return {(t.entry, t.field): t.path.removesuffix(f".{KIT_TRANSLATION}")
                for t in translatables(cls, data) if t.kind == "quote"}

    return cached(f"tr:quotes:{english.resolve()}", [english], build)


def kit_translation_for(record: Any, field_name: str, lang: str | None = None) -> str | None:
    """The kit's own rendering of a parsed record's quotation field (``statement.text``, ``event.quote`` …)."""
    loc = where(record)
    if loc is None or (lang or _current_language()) == "en":
        return None
    english = Path(loc.file)
    path = _quote_paths(english).get((loc.entry, field_name))
    return kit_translation(english, path, lang) if path else None


# ------------------------------------------------------------------------------------------------ checking
@dataclass
class TranslationReport:
    """What ``kit check`` says about one language."""

    lang: str
    translated: int = 0
    missing: list[Problem] = field(default_factory=list)
    stale: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # unknown paths and malformed entries: errors

    def summary(self) -> str:
        return (f"{self.lang}: {self.translated} translated, {len(self.missing)} missing, {len(self.stale)} stale"
                + (f", {len(self.problems)} problem(s)" if self.problems else ""))


def _english_data(path: Path):
    try:
        return load_yaml(path)
    except ContentError:
        return None  # the content checks report it


def _written_in(root: Path, rel: str, data: Any) -> str:
    """The language an English-tree file is actually written in (a case or a quiz may say ``language: fr``)."""
    parts = Path(rel).parts
    if parts[0] == "cases" and len(parts) == 3:
        meta = data if parts[2] == "case.yaml" else _english_data(root / "cases" / parts[1] / "case.yaml")
        data = meta
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) else "en"


def check_language(root: Path, lang: str) -> TranslationReport:
    """Compare ``data/translations/<lang>/`` with the English files: unknown, missing, stale, malformed."""
    root = Path(root)
    report = TranslationReport(lang)
    base = root / DIR / lang
    known_rel: set[str] = set()
    for rel, path, cls in english_files(root):
        known_rel.add(rel)
        data = _english_data(path)
        if data is not None and _written_in(root, rel, data) == lang:
            data = None  # written in this language already: nothing to translate
        items = list(translatables(cls, data)) if data is not None else []
        tpath = base / rel
        parsed = _translation_file(tpath) if tpath.is_file() else _Parsed()
        report.problems.extend(parsed.problems)
        shown_t = display_path(tpath)
        by_path = {t.path: t for t in items}
        for t in items:
            e = parsed.entries.get(t.path)
            where = f"{t.entry + ', ' if t.entry else ''}field '{t.field}'"
            if e is None:
                if t.optional:  # i25: a name or title stays as published where nobody translated it
                    continue
                if t.kind != "quote" or lang not in t.official:  # an official text makes the kit's needless
                    report.missing.append(Problem(shown_t, None, t.entry, t.path,
                                                  f"missing: no {lang} translation (English at {display_path(path)}, "
                                                  f"line {t.line}, {where})"))
                continue
            if isinstance(e.text, tuple) != (t.kind == "list"):
                report.problems.append(Problem(shown_t, e.line, t.entry, t.path,
                                               "malformed entry: 'text' must be a list here" if t.kind == "list"
                                               else "malformed entry: 'text' must be one text, not a list"))
                continue
            report.translated += 1
            if e.source != fingerprint(t.english):
                report.stale.append(Problem(shown_t, e.line, t.entry, t.path,
                                            f"stale: the English text changed since it was translated (English at "
                                            f"{display_path(path)}, line {t.line}, {where}; fingerprint now "
                                            f"{fingerprint(t.english)}, translated from {e.source})"))
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


def check_translations(root: Path) -> list[TranslationReport]:
    """One report per language found under ``data/translations`` or ``data/ui`` (English excepted)."""
    return [check_language(Path(root), lang) for lang in languages(root)]


# ------------------------------------------------------------------------------------------------ skeletons
def skeleton(root: Path, lang: str) -> dict[Path, list[tuple[Translatable, str | None]]]:
    """What a translator has to do: per translation file, each missing or stale text (with the old translation)."""
    root = Path(root)
    todo: dict[Path, list[tuple[Translatable, str | None]]] = {}
    for rel, path, cls in english_files(root):
        data = _english_data(path)
        if data is None or _written_in(root, rel, data) == lang:
            continue
        tpath = root / DIR / lang / rel
        parsed = _translation_file(tpath) if tpath.is_file() else _Parsed()
        for t in translatables(cls, data):
            e = parsed.entries.get(t.path)
            if e is None:
                if (t.kind != "quote" or lang not in t.official) and not t.optional:  # i25: names stay as they are
                    todo.setdefault(tpath, []).append((t, None))
            elif e.source != fingerprint(t.english):
                todo.setdefault(tpath, []).append((t, e.text))
    return todo


def _yaml_scalar(text: str, indent: int) -> str:
    dumped = yaml.safe_dump(text, allow_unicode=True, width=100, default_style=None).rstrip("\n")
    if dumped.endswith("\n..."):
        dumped = dumped[:-4]
    if "\n" in dumped:
        pad = " " * indent
        return "|-\n" + "\n".join(pad + line for line in text.splitlines())
    return dumped


def skeleton_text(items: list[tuple[Translatable, str | None]], lang: str) -> str:
    """YAML to append to a translation file.

    A missing text becomes an entry holding the English text (to replace) and the current fingerprint. A stale one
    already has an entry (a second one would be a duplicate key), so it is appended as a comment: the English text
    as it is now and the fingerprint to put in that entry's ``source`` once its ``text`` is brought up to date.
    """
    out = []
    for t, old in items:
        where = f"{t.entry + ', ' if t.entry else ''}field '{t.field}'"
        if old is not None:
            out.append(f"# stale ({where}): update the entry '{t.path}' above to this English text, then set its")
            out.append(f"# source to {fingerprint(t.english)}. The English now reads:")
            english = "\n".join(t.english) if isinstance(t.english, tuple) else t.english
            out += [f"#   {line}" for line in english.splitlines()]
            continue
        out.append(f"# missing ({where}): replace the English text with the translation")
        out.append(f"{t.path}:")
        if t.kind == "list":
            out.append("  text:")
            out += [f"    - {_yaml_scalar(v, 6)}" for v in t.english]
        else:
            out.append(f"  text: {_yaml_scalar(t.english, 4)}")
        out.append(f'  source: "{fingerprint(t.english)}"')
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------ releases
def _segments(path: str) -> list[str]:
    return [re.sub(r"\[\d+\]$", "", part) for part in path.split(".")]


def strip_translated(root: Path, fields: tuple[str, ...]) -> list[Path]:
    """Remove from every quiz translation under ``root/translations`` the entries of the given fields (answer keys,
    feedback, explanations …), as ``kit release --without-answer-keys`` removes them from the English quizzes."""
    changed = []
    for path in sorted((Path(root) / DIR).glob("*/quizzes/*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        if not isinstance(data, dict):
            continue
        kept = {k: v for k, v in data.items() if not set(_segments(str(k))) & set(fields)}
        if len(kept) != len(data):
            header = "# Answer keys removed by 'python -m kit release --without-answer-keys'.\n"
            path.write_text(header + yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=110),
                            encoding="utf-8")
            changed.append(path)
    return changed
