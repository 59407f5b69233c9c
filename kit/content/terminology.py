"""A language edition's words (issue 25): ``data/terminology/<lang>.yaml``, one file per language.

The file says, for the edition's readers,

* ``terms``: the term to use for each notion, the variants to refuse and the legal or editorial reason, and where
  a refused variant is nevertheless right (``allowed``: a phrase it is part of, like « droit d'opposition », or a
  place, like the GDPR Art. 21 texts);
* ``english``: the English a reader of the language may see on purpose (proper names, titles of English works,
  terms the edition keeps such as *opt-out*); quotations (« … », “ … ”, the kit's quotation fields) need no entry;
* ``scope``: where the edition's notebooks and instructor guide are, beside the content folder;
* ``pending``: places whose texts another piece of work is changing, left out of these rules until it lands (each
  with its reason; remove the entry when it has landed).

``kit check`` then reads every text of the edition (:mod:`kit.content.prose`: content translations, UI strings,
notebook markdown, the guide) and reports, each naming file, line or cell, entry and field:

* a refused variant: the variant found, the term to use and why (a problem);
* French typography broken in the kit's own French texts: an ordinary space before ; : ! ? » or after « (a problem);
* English where the reader expects their language, in a translation, a UI string or an English fact shown as it is
  (a source's title, an actor's name): listed per language like missing translations (:func:`english_report`),
  to translate or to declare under ``english``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_duplicates, check_stray_files, data_root, load_checked, load_file
from .english import english_in
from .errors import ContentError, Problem, display_path
from .prose import (
    Passage,
    fact_passages,
    guide_passages,
    notebook_passages,
    place_matches,
    translation_passages,
    ui_passages,
)
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["TERMINOLOGY", "EnglishReport", "Terminology", "check_terminology", "edition_passages", "english_report",
           "load_terminology", "term_problems", "terminology_languages", "typography_problems"]

FOLDER = "terminology"


@dataclass(frozen=True, kw_only=True)
class Allowed(Record):
    entry_name = "allowance"
    phrase: Line | None = doc("a phrase the variant is right inside, like « droit d'opposition »", None)
    where: Line | None = doc(
        "a place the variant is right in: a path under the repository, * for any characters, then optionally # and "
        "a place in the file (a translation's path, a UI key, a notebook cell id), like "
        "'data/translations/fr/cases/meta-2024/*' or 'data/ui/fr.yaml#cases.col_*'", None)
    why: Text = doc("why the variant is right there")


@dataclass(frozen=True, kw_only=True)
class Term(Record):
    entry_name = "term"
    id: Id = doc("a short id for the notion, like 'opt-out'")
    use: Line = doc("the term to use, as the reader should read it")
    refuse: tuple[Line, ...] = doc(
        "the variants to refuse: a word or phrase matched whole and in any case; * ends a word any way "
        "('désinscri*'), and … between two words stands for up to three words ('céd* … sous licence')",
        nonempty=True)
    why: Text = doc("the legal or editorial reason, which every message gives")
    allowed: tuple[Allowed, ...] = doc("where a refused variant is right after all", ())

    @cached_property
    def patterns(self) -> tuple[tuple[str, re.Pattern], ...]:
        """The refused variants as patterns, longest first: « se désinscrire » is named whole, not « désinscrire »."""
        return tuple((v, _variant(v)) for v in sorted(self.refuse, key=len, reverse=True))

    @cached_property
    def needles(self) -> re.Pattern:
        """The longest word of each variant, as written in lower case: a lower-cased text none of them is in holds no
        variant, and most texts are done with in one search of plain words instead of one search per variant."""
        words = {max((w.replace("’", "'").replace("*", "").lower() for w in v.split() if w != "…"), key=len)
                 for v in self.refuse}
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@dataclass(frozen=True, kw_only=True)
class Kept(Record):
    entry_name = "English kept"
    text: Line = doc("the English exactly as the reader sees it, like 'Do Defaults Save Lives?'")
    kind: Literal["name", "title", "term"] = doc(
        "name (a proper name), title (the title of an English work, shown as published) or term (an English term "
        "the edition uses, like opt-out)")
    why: Text | None = doc("why it stays in English, when that is not obvious", None)


@dataclass(frozen=True, kw_only=True)
class Scope(Record):
    entry_name = "scope"
    notebooks: Line | None = doc("the edition's notebooks, a folder under the repository, like 'notebooks/fr'",
                                 None)
    guide: Line | None = doc("the edition's instructor guide, a file under the repository, like "
                             "'docs/guide_enseignant.md'", None)
    documents: tuple[Line, ...] = doc("the edition's other documents for instructors, read as the guide is, like "
                                      "'docs/exploitation.md'", ())


@dataclass(frozen=True, kw_only=True)
class Pending(Record):
    entry_name = "pending place"
    where: Line = doc("the places left out of the rules for now, as an allowance's 'where'")
    why: Text = doc("what is changing them, and when this entry goes")


@dataclass(frozen=True, kw_only=True)
class Terminology(Record):
    entry_name = "terminology file"
    scope: Scope = doc("where the edition's notebooks and guide are", Scope())
    terms: tuple[Term, ...] = doc("the notions and their words", nonempty=True)
    english: tuple[Kept, ...] = doc("the English a reader of the language may see on purpose", ())
    pending: tuple[Pending, ...] = doc("places left out of the rules while other work changes them", ())

    def kept(self) -> tuple[str, ...]:
        return tuple(k.text for k in self.english)

    def is_pending(self, place: str) -> bool:
        return any(place_matches(place, p.where) for p in self.pending)


# ------------------------------------------------------------------------------------------------ loading
@lru_cache(maxsize=1024)
def _variant(text: str) -> re.Pattern:
    """A refused variant as a pattern: whole words, any case, ’ read as ', any spaces between words."""
    parts = []
    for word in text.split():
        if word == "…":
            parts.append(r"(?:\S+\s+){0,3}?")
            continue
        body = re.escape(word.replace("’", "'")).replace(r"\*", r"[\w-]*")
        parts.append(body + r"\s+")
    regex = "".join(parts)
    regex = regex[: -len(r"\s+")] if regex.endswith(r"\s+") else regex
    return re.compile(rf"(?<![\w-]){regex}(?![\w-])", re.IGNORECASE)


def terminology_path(lang: str, root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / FOLDER / f"{lang}.yaml"


def terminology_languages(root: Path | None = None) -> list[str]:
    folder = (Path(root) if root else data_root()) / FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith(("_", "."))) \
        if folder.is_dir() else []


def _parse(path: Path, ctx: ParseContext) -> Terminology | None:
    parsed = load_file(path, Terminology, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.terms, "term")
    for term in parsed.terms:
        for i, a in enumerate(term.allowed, 1):
            if (a.phrase is None) == (a.where is None):
                ctx.at(term, f"allowed[{i}]", "an allowance gives either a 'phrase' or a 'where', not both or none")
    return parsed


def load_terminology(lang: str, root: Path | None = None) -> Terminology:
    """The terminology of ``lang``, checked (cached until the file changes). Raises ContentError."""
    path = terminology_path(lang, root)
    if not path.is_file():
        raise ContentError.at_file(path, f"no terminology for the language '{lang}'")
    return load_checked(f"terminology:{path.resolve()}", [path], lambda ctx: _parse(path, ctx))


# ------------------------------------------------------------------------------------------------ the texts
def edition_passages(root: Path, lang: str, terminology: Terminology) -> Iterator[Passage]:
    """Every text in ``lang`` a reader of the edition reads: translations, UI strings, notebooks, the guide."""
    root = Path(root)
    repo = root.parent
    yield from translation_passages(root, lang)
    yield from ui_passages(root, lang)
    if terminology.scope.notebooks:
        yield from notebook_passages(repo, terminology.scope.notebooks)
    for guide in (terminology.scope.guide, *terminology.scope.documents):
        if guide and (repo / guide).exists():
            yield from guide_passages(repo, guide)


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def _blank_quotations(text: str) -> str:
    """Quotations and mentions (« … », “ … ”) blanked out, keeping offsets: a rule is about the kit's own words."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text.replace("’", "'"))


def term_problems(passages: Iterable[Passage], terminology: Terminology) -> list[Problem]:
    """Every refused variant in ``passages``, outside quotations, allowed phrases and allowed places."""
    out = []
    for p in passages:
        if terminology.is_pending(p.place):
            continue
        text = _blank_quotations(p.text)
        lower = text.lower()
        for term in terminology.terms:
            if not term.needles.search(lower):
                continue
            hits = [m for _variant_text, pattern in term.patterns for m in pattern.finditer(text)]
            if not hits:  # most passages use none of a term's variants: nothing more to work out
                continue
            allowed_here = [a for a in term.allowed if a.where and place_matches(p.place, a.where)]
            if allowed_here:
                continue
            phrases = [(m.start(), m.end()) for a in term.allowed if a.phrase
                       for m in _variant(a.phrase).finditer(text)]
            use = term.use if "«" in term.use else f"« {term.use} »"
            found: list[tuple[int, int]] = []  # one message per place, whichever variant saw it first
            for m in hits:  # in the order of the term's variants, as before
                if any(s < m.end() and m.start() < e for s, e in found) \
                        or any(s <= m.start() and m.end() <= e for s, e in phrases):
                    continue
                found.append((m.start(), m.end()))
                line, entry = p.at_offset(m.start())
                out.append(Problem(p.file, line, entry, p.field,
                                   f"« {m.group(0)} »: the edition says {use} (terminology '{term.id}': "
                                   f"{' '.join(term.why.split())})"))
    return out


_SPACING = re.compile(r"(?<=\S) (?=[;:!?»])|(?<=«) ")
_SECTION = re.compile(r"§§? (?=\d)")  # « § 3 », « §§ 3110-3111 »: the number stays with its sign
_NAMES = {":": "« : »", ";": "« ; »", "!": "« ! »", "?": "« ? »", "»": "« » »"}


def _spacing_problem(p: Passage, m: re.Match, why: str) -> Problem:
    """A typography problem at ``m`` in passage ``p``: ``why``, then the words around it."""
    line, entry = p.at_offset(m.start())
    return Problem(p.file, line, entry, p.field, f"{why}: …{p.text[max(0, m.start() - 25):m.end() + 10].strip()}…")


def typography_problems(passages: Iterable[Passage], terminology: Terminology) -> list[Problem]:
    """French typography in the kit's own French texts (translations and UI strings; the notebooks and the guide are
    checked by tests/test_editions.py): an ordinary space where a no-break space belongs."""
    out = []
    for p in passages:
        if p.origin not in ("translation", "ui") or terminology.is_pending(p.place):
            continue
        text = re.sub(r"“[^”]*”", lambda m: " " * len(m.group(0)), p.text)  # English quoted as it was written
        text = re.sub(r"https?://\S+", lambda m: " " * len(m.group(0)), text)
        for m in _SPACING.finditer(text):
            after = text[m.end():m.end() + 1]
            what = "after « « »" if text[m.start() - 1:m.start()] == "«" else f"before {_NAMES.get(after, after)}"
            out.append(_spacing_problem(p, m, f"an ordinary space {what} (French typography: a no-break space U+00A0 "
                                              f"before « : » and inside « », a narrow one U+202F before ; ! ?, so the "
                                              f"line never breaks there)"))
        for m in _SECTION.finditer(text):
            out.append(_spacing_problem(p, m, "an ordinary space after « § » (French typography: a no-break space "
                                              "U+00A0 after « § », so the number never goes to the next line without "
                                              "it)"))
    return out


# ------------------------------------------------------------------------------------------------ English
@dataclass
class EnglishReport:
    """English a reader of ``lang`` would see: listed by ``kit check``, like a missing translation."""

    lang: str
    checked: int = 0
    english: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.lang}: {self.checked} texts read, {len(self.english)} in English (not declared)"


def english_report(root: Path, lang: str, files: Iterable[tuple[str, Path, type]]) -> EnglishReport:
    """The content's texts a reader of ``lang`` sees (translations, UI strings, English facts shown as they are)
    that show English, outside quotations and the English the terminology keeps. ``files``: the English files a
    language translates (:func:`kit.content.registry.english_reports` gives them)."""
    root = Path(root)
    report = EnglishReport(lang)
    try:
        terminology = load_terminology(lang, root)
    except ContentError:
        return report  # the terminology kind reports the file
    kept = terminology.kept()
    for p in [*translation_passages(root, lang), *ui_passages(root, lang), *fact_passages(root, lang, files)]:
        if terminology.is_pending(p.place):
            continue
        report.checked += 1
        why = english_in(p.text, kept, english=p.origin == "fact")
        if why is None:
            continue
        if p.origin == "fact":
            todo = (f"translate it ('{p.place.split('#', 1)[1]}' in data/translations/{lang}/"
                    f"{p.place.split('#', 1)[0].removeprefix('data/')}) or, if it is a proper name or the title "
                    f"of an English work, declare it under 'english' in data/{FOLDER}/{lang}.yaml")
        else:
            todo = f"write it in the language, or declare the English it keeps in data/{FOLDER}/{lang}.yaml"
        shown = " ".join(p.text.split())
        report.english.append(Problem(p.file, p.line, p.entry, p.field,
                                      f"English on a {lang} screen, {why}: {shown[:90]!r}: {todo}"))
    return report


# ------------------------------------------------------------------------------------------------ the kind
def check_terminology(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: each language's terminology file, then its rules over the edition's texts (number of
    terms)."""
    root = Path(root)
    folder = root / FOLDER
    if folder.is_dir():
        check_stray_files(folder, ctx)
    count = 0
    for lang in terminology_languages(root):
        try:
            terminology = load_terminology(lang, root)
        except ContentError as e:
            ctx.problems.extend(e.problems)
            continue
        count += len(terminology.terms)
        passages = list(edition_passages(root, lang, terminology))
        ctx.problems.extend(term_problems(passages, terminology))
        ctx.problems.extend(typography_problems(passages, terminology))
        for p in terminology.scope.notebooks, terminology.scope.guide, *terminology.scope.documents:
            if p and not (root.parent / p).exists() and (root.parent / "notebooks").is_dir():
                ctx.add(display_path(terminology_path(lang, root)), None, "scope", None,
                        f"no {p} beside the content folder")
    return count


TERMINOLOGY = ContentKind("terminology", "terms of the language editions", f"{FOLDER}/<language>.yaml",
                          (Terminology,), check_terminology, load_terminology)
