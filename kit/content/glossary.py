"""The glossary (``data/glossary.yaml``): the words of data protection the kit uses, each defined in the kit's own
words, shown by ``kit.show_glossary()``.

A term writes its ``definition``, or takes it from the consent vocabulary (``vocabulary: <term id>`` in
``data/vocabulary.yaml``), so a definition is written once. ``law`` names the legal texts of ``data/law`` that
define the term (their exact words, status and source are shown from those records); ``sources`` other pages, as a
quiz question's; ``related`` other terms of the glossary. Translated like every other content file
(``data/translations/<lang>/glossary.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .base import ContentKind, check_by_loading, check_duplicates, check_refs, data_root, load_file, load_one_file
from .errors import ContentError, display_path
from .law import load_law
from .quiz import QuizSource
from .schema import Id, Line, ParseContext, Record, Text, doc
from .vocabulary import load_vocabulary_file, vocabulary_path

__all__ = ["GLOSSARY", "GlossaryFile", "GlossaryTerm", "check_glossary", "glossary_path", "load_glossary"]


@dataclass(frozen=True, kw_only=True)
class GlossaryTerm(Record):
    entry_name = "term"
    id: Id = doc("a short id, like 'legitimate-interest'")
    term: Line = doc("the word or phrase as students read it", translate=True)
    definition: Text | None = doc("what it means, in the kit's own words (or give 'vocabulary')", None,
                                  translate=True)
    vocabulary: Id | None = doc("the consent-vocabulary term (data/vocabulary.yaml) whose definition this term takes, "
                                "instead of writing it again", None)
    law: tuple[Id, ...] = doc("ids of the legal texts (data/law) that define it", ())
    sources: tuple[QuizSource, ...] = doc("other pages that define it (the original page, and the copy read)", ())
    related: tuple[Id, ...] = doc("ids of related terms of this glossary", ())


@dataclass(frozen=True, kw_only=True)
class GlossaryFile(Record):
    entry_name = "glossary"
    terms: tuple[GlossaryTerm, ...] = doc("the terms", nonempty=True)


def glossary_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "glossary.yaml"


def _parse(root: Path, ctx: ParseContext) -> GlossaryFile | None:
    parsed = load_file(glossary_path(root), GlossaryFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.terms, "term")
    ids = [t.id for t in parsed.terms]
    try:
        vocabulary = [t.id for t in load_vocabulary_file(root).terms]
    except ContentError:
        vocabulary = None  # the consent vocabulary's own check reports it
    try:
        law = list(load_law(root))
    except ContentError:
        law = None  # the legal texts' own check reports it
    for t in parsed.terms:
        if t.definition is not None and t.vocabulary is not None:
            ctx.at(t, "definition", "give either a definition in the kit's own words or the 'vocabulary' term whose "
                                    "definition it takes, not both")
        elif t.definition is None and t.vocabulary is None:
            ctx.at(t, "definition", "missing: write a definition, or give the 'vocabulary' term whose definition it "
                                    "takes")
        if t.vocabulary is not None and vocabulary is not None:
            check_refs(ctx, t, "vocabulary", t.vocabulary, vocabulary, "consent-vocabulary term",
                       display_path(vocabulary_path(root)))
        if law is not None:
            check_refs(ctx, t, "law", t.law, law, "legal text", display_path(Path(root) / "law"), required=False)
        check_refs(ctx, t, "related", t.related, [i for i in ids if i != t.id], "other term", "this glossary",
                   required=False)
    return parsed


def load_glossary(root: Path | None = None) -> GlossaryFile:
    """The glossary, checked (cached until it, the vocabulary or the legal texts change)."""
    root = Path(root) if root else data_root()
    return load_one_file(glossary_path(root), "the glossary kit.show_glossary() shows", lambda ctx: _parse(root, ctx),
                         also=[vocabulary_path(root), root / "law"])


def check_glossary(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the glossary (number of terms)."""
    if not glossary_path(root).exists():
        return 0
    return check_by_loading(ctx, lambda: load_glossary(root), lambda g: len(g.terms))


GLOSSARY = ContentKind("glossary", "glossary terms", "glossary.yaml", (GlossaryFile,), check_glossary, load_glossary,
                       translated=(("glossary.yaml", GlossaryFile),), after=("law", "vocabulary"))
