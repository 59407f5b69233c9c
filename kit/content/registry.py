"""Every kind of content, listed once: what ``kit check`` checks, which files a language translates, which files hold
answer keys. Translations, ``kit check``, release and the reading edition ask this module; nothing else lists kinds.

**Adding a kind** is one module and one line: write ``kit/content/<kind>.py`` with its record classes (frozen
dataclasses deriving ``Record``, fields described with ``doc(...)``), a ``check(root, ctx)`` that parses and
cross-checks with the helpers of :mod:`kit.content.base`, a cached ``load_...()``, and a
:class:`~kit.content.base.ContentKind` naming them; then add it to :data:`KINDS` below. ``kit check`` then validates
it; with ``translated=(("<pattern under data/>", RecordClass), …)`` and fields marked ``doc(..., translate=True)``,
each language's translation files are read for it and checked, and ``kit translate`` lists what they lack; a field
marked ``doc(..., answer_key=True)`` is left out of a student copy made with ``kit release --without-answer-keys``.

**The check order** is the order of :data:`KINDS`: a kind comes after every kind it names in ``after`` (whose files
its own checks read), so a problem is reported by the kind whose file has it, once. :func:`check_all` refuses an
order that breaks this. The translations are checked last, against every kind's files.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audit import AUDIT
from .base import ContentKind, data_root
from .cases import CASES
from .consistency import CONSISTENCY
from .errors import NotFound, Problem
from .glossary import GLOSSARY
from .hosts import HOSTS
from .law import LAW
from .lessons import LESSONS
from .plans import PLANS
from .quiz import QUIZZES
from .regimes import REGIMES
from .research import RESEARCH
from .schema import WITHHELD, ParseContext, answer_key_fields, withheld_fields
from .strings import STRINGS, languages
from .terminology import TERMINOLOGY, EnglishReport, english_report, terminology_languages
from .translations import DIR, LanguageReport, compare_language
from .twins import TWINS
from .vocabulary import VOCABULARY
from .writing import WRITING

__all__ = ["KINDS", "TRANSLATIONS", "TranslatedFile", "answer_keys", "check_all", "english_reports", "kind", "withheld",
           "language_reports", "schema_for", "translated_files"]


def check_translation_files(root: Path, ctx: ParseContext) -> int:
    """Every language's translation files against the English files of every kind: unknown paths and malformed
    entries are problems; missing and stale texts are listed per language (:func:`language_reports`), not
    problems (a missing text falls back to English and a stale one still shows). Returns the texts translated."""
    reports = language_reports(root)
    for r in reports:
        ctx.problems.extend(r.problems)
    return sum(r.translated for r in reports)


#: The translation files of every kind (checked last: it reads every kind's English files).
TRANSLATIONS = ContentKind("translations", "translated texts", "translations/<language>/**/*.yaml", (),
                           check_translation_files, None, after=("cases", "law", "quizzes", "research",
                                                                 "vocabulary", "strings", "writing", "regimes",
                                                                 "glossary", "audit", "lessons", "plans"))

#: Every kind, in the order ``kit check`` checks and reports them.
KINDS: tuple[ContentKind, ...] = (
    CASES,
    LAW,
    WRITING,
    QUIZZES,
    RESEARCH,
    VOCABULARY,
    STRINGS,
    REGIMES,
    GLOSSARY,
    AUDIT,
    LESSONS,
    PLANS,
    HOSTS,
    CONSISTENCY,
    TRANSLATIONS,
    TERMINOLOGY,
    TWINS,
)


def kind(name: str) -> ContentKind:
    """The registered kind called ``name`` (KeyError naming the known kinds otherwise)."""
    for k in KINDS:
        if k.name == name:
            return k
    raise NotFound(f"no kind of content '{name}' (there are: {', '.join(k.name for k in KINDS)})")


def _check_order(kinds: tuple[ContentKind, ...]) -> None:
    seen: set[str] = set()
    checked = {k.name for k in kinds}
    for k in kinds:
        late = [a for a in k.after if a in checked and a not in seen]
        if late:
            raise ValueError(f"the kind '{k.name}' is checked before {', '.join(late)}, whose files it reads: list it "
                             "after them in KINDS")
        seen.add(k.name)


def check_all(root: Path | None = None, kinds: tuple[ContentKind, ...] | None = None
              ) -> tuple[dict[str, int], list[Problem]]:
    """Validate every kind of content under ``root``; returns counts per kind (by label) and every problem found."""
    root = Path(root) if root else data_root()
    kinds = KINDS if kinds is None else kinds
    _check_order(kinds)
    ctx = ParseContext()
    counts: dict[str, int] = {}
    for k in kinds:
        counts[k.label] = k.check(root, ctx)
    return counts, ctx.problems


# ------------------------------------------------------------------------------------------------ translated files
@dataclass(frozen=True)
class TranslatedFile:
    """An English content file a language translates: where it is, and which kind reads it as which class."""

    rel: str  # under the content folder, like 'cases/slack-2024/timeline.yaml'
    path: Path
    cls: type
    kind: ContentKind

    def __iter__(self):  # (rel, path, cls), as compare_language takes them
        return iter((self.rel, self.path, self.cls))


def _match(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(rel, pattern) and rel.count("/") == pattern.count("/")


def schema_for(rel: str) -> tuple[ContentKind, type] | None:
    """The kind and record class of an English content file, by its path under the content folder (None: not a file
    a language translates). First match wins, in the order of :data:`KINDS` and their patterns."""
    parts = Path(rel).parts
    if not parts or not parts[-1].endswith(".yaml") or any(p.startswith(("_", ".")) for p in parts):
        return None
    for k in KINDS:
        for pattern, cls in k.translated:
            if _match(Path(rel).as_posix(), pattern):
                return k, cls
    return None


def translated_files(root: Path | None = None) -> list[TranslatedFile]:
    """Every English content file under ``root`` that a language translates, in one walk of the folder."""
    root = Path(root) if root else data_root()
    out = []
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith((f"{DIR}/", "ui/")):
            continue
        found = schema_for(rel)
        if found is not None:
            out.append(TranslatedFile(rel, path, found[1], found[0]))
    return out


def language_reports(root: Path | None = None) -> list[LanguageReport]:
    """One report per language other than English (its UI strings, or a translation folder): translated, missing,
    stale and malformed texts, each language's files compared in one walk."""
    root = Path(root) if root else data_root()
    files = translated_files(root)
    by_rel = {f.rel: f for f in files}

    def written_in(rel: str, data: Any) -> str:
        return by_rel[rel].kind.written_in(root, rel, data)

    others = set(languages(root)) | ({p.name for p in (root / DIR).iterdir() if p.is_dir()}
                                     if (root / DIR).is_dir() else set())
    others.discard("en")
    return [compare_language(root, lang, files, written_in) for lang in sorted(others)]


def answer_keys(rel: str) -> tuple[type, tuple[str, ...]] | None:
    """The record class of the content file at ``rel`` (under the content folder) and its answer-key fields, when it
    holds any: what ``kit release --without-answer-keys`` removes. None for a file without answer keys."""
    found = schema_for(rel)
    if found is None:
        return None
    fields = answer_key_fields(found[1])
    return (found[1], fields) if fields else None


def withheld(rel: str, flags: tuple[str, ...] = WITHHELD) -> tuple[type, tuple[str, ...]] | None:
    """The record class of the content file at ``rel`` and its fields marked with any of ``flags`` (``answer_key``,
    ``model_answer``): what ``kit release --without-answer-keys`` / ``--without-model-answers`` removes. None for a
    file without any."""
    found = schema_for(rel)
    if found is None:
        return None
    fields = withheld_fields(found[1], flags)
    return (found[1], fields) if fields else None


def english_reports(root: Path | None = None) -> list[EnglishReport]:
    """Per language with a terminology file: the English its readers would see outside what the file declares
    (issue 25), over every English file a language translates."""
    root = Path(root) if root else data_root()
    files = translated_files(root)
    return [english_report(root, lang, files) for lang in terminology_languages(root)]
