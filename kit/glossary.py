"""The glossary, without widgets: each term with its definition (written in the glossary or taken from the consent
vocabulary), the legal texts that define it, its other sources and its related terms, in alphabetical order."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .content.glossary import GlossaryFile
from .content.law import LawText
from .content.quiz import QuizSource
from .content.vocabulary import VocabularyFile

__all__ = ["Entry", "entries"]


@dataclass(frozen=True)
class Entry:
    """One term as the glossary shows it."""

    id: str
    term: str
    definition: str
    law: tuple[LawText, ...] = ()
    sources: tuple[QuizSource, ...] = ()
    related: tuple[str, ...] = ()  # the related terms' words


def _sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents (« économie » between « droit » and « frais »)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def entries(glossary: GlossaryFile, vocabulary: VocabularyFile, law: Mapping[str, LawText]) -> list[Entry]:
    """The glossary's terms in alphabetical order (in the language they were loaded in)."""
    definitions = {t.id: t.definition for t in vocabulary.terms}
    words = {t.id: t.term for t in glossary.terms}
    out = [Entry(t.id, t.term, t.definition if t.definition is not None else definitions[t.vocabulary],
                 tuple(law[i] for i in t.law), t.sources, tuple(words[r] for r in t.related))
           for t in glossary.terms]
    return sorted(out, key=lambda e: _sort_key(e.term))
