"""The consent vocabulary (``data/vocabulary.yaml``): terms with their variants, groups and definitions.

Checked like all content: every mistake is a ContentError naming the file, line, entry and field. Loading is
cached on the file's modification time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .base import ContentKind, check_duplicates, check_refs, data_root, load_checked, load_file
from .errors import ContentError, display_path, safe_resolve
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["VOCABULARY", "Term", "TermGroup", "VocabularyFile", "check_vocabulary", "load_vocabulary_file",
           "parse_vocabulary_file", "vocabulary_path"]


@dataclass(frozen=True, kw_only=True)
class TermGroup(Record):
    entry_name = "group"
    id: Id = doc("a short id, like 'choice'")
    label: Line = doc("the group's name as students see it", translate=True)
    description: Text | None = doc("what the group's words have in common", None, translate=True)


@dataclass(frozen=True, kw_only=True)
class Term(Record):
    entry_name = "term"
    id: Id = doc("a short id, like 'opt-out'")
    label: Line = doc("the term as students see it", translate=True)
    variants: tuple[Line, ...] = doc("the words or phrases to find, like [opt-out, opted out]", translate="list")
    groups: tuple[Id, ...] = doc("ids of the groups the term belongs to")
    definition: Text = doc("a short plain-language definition, in the kit's own words", translate=True)
    inflect: bool = doc("also match -s, -es, -ed and -ing forms of the last word", True)


@dataclass(frozen=True, kw_only=True)
class VocabularyFile(Record):
    entry_name = "vocabulary file"
    language: Line = doc("the language of the terms, like 'en'", "en")
    groups: tuple[TermGroup, ...] = doc("the groups of terms", nonempty=True)
    terms: tuple[Term, ...] = doc("the terms", nonempty=True)
    stopwords: tuple[Line, ...] = doc("common words the evidence ranking ignores", ())


def vocabulary_path(root: Path | None = None) -> Path:
    """``data/vocabulary.yaml`` (or ``root/vocabulary.yaml``)."""
    return (Path(root) if root else data_root()) / "vocabulary.yaml"


def parse_vocabulary_file(path: Path, ctx: ParseContext) -> VocabularyFile | None:
    """Parse and cross-check the vocabulary file; problems go to ``ctx``."""
    parsed = load_file(path, VocabularyFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.groups, "group")
    check_duplicates(ctx, parsed.terms, "term")
    group_ids = [g.id for g in parsed.groups]
    seen: dict[str, str] = {}
    for term in parsed.terms:
        check_refs(ctx, term, "groups", term.groups, group_ids, "group", f"the groups of {display_path(path)}")
        if not term.variants:
            ctx.at(term, "variants", "needs at least one word or phrase to find")
        for i, variant in enumerate(term.variants, 1):
            key = " ".join(variant.lower().replace("-", " ").split())
            if key in seen and seen[key] != term.id:
                ctx.at(term, f"variants[{i}]", f"'{variant}' is already a variant of the term '{seen[key]}'")
            seen.setdefault(key, term.id)
    return parsed


def check_vocabulary(root: Path, ctx: ParseContext) -> int:
    path = vocabulary_path(root)
    if not path.exists() and not path.is_symlink():
        ctx.add(display_path(path), None, None, None, "file missing: the consent vocabulary notebook 02 marks")
        return 0
    parsed = parse_vocabulary_file(path, ctx)
    return len(parsed.terms) if parsed else 0


def load_vocabulary_file(root: Path | None = None) -> VocabularyFile:
    """The vocabulary file, checked (cached until it changes); a ContentError if it is missing or wrong."""
    path = vocabulary_path(root)
    if not path.exists():
        raise ContentError.at_file(path, "file missing: the consent vocabulary")
    return load_checked(f"vocabulary:{safe_resolve(path)}", [path], lambda ctx: parse_vocabulary_file(path, ctx))


VOCABULARY = ContentKind("vocabulary", "consent vocabulary terms", "vocabulary.yaml", (VocabularyFile,),
                         check_vocabulary, load_vocabulary_file, translated=(("vocabulary.yaml", VocabularyFile),))
