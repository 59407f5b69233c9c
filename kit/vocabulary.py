"""Find consent vocabulary in texts, count it per document, and rank policy sentences as evidence for a statement.

Pure functions over :class:`kit.content.vocabulary.Term` records. Each term's regular expression is compiled when it
is first used (case-insensitive, tolerant of inflections and of "opt out" / "opt-out" spellings); a scan over several
terms uses one combined expression, cached per selection, in which longer variants win ("non-generative" over
"generative").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .content.errors import NotFound
from .content.language import DEFAULT, current, speaking
from .content.vocabulary import Term, TermGroup, VocabularyFile, load_vocabulary_file

__all__ = ["Hit", "Ranked", "Vocabulary", "content_words", "load_vocabulary", "rank_evidence", "variant_pattern"]

_SEP = re.compile(r"[\s\-]+")
#: A term starts where a word starts (not inside a word, nor after a hyphen: "non-generative" is not "generative").
_START = r"(?<![\w\-])"


def _apostrophes(pattern: str) -> str:
    """Let a straight or a curly apostrophe match either."""
    return re.sub("['’]", "['’]", pattern)


def _word_pattern(word: str, inflect: bool) -> str:
    word_re = _apostrophes(re.escape(word))
    if not inflect or not word[-1:].isalpha():
        return word_re
    if word.isupper():  # acronyms: LLM, LLMs
        return word_re + "s?"
    if word.endswith("e") and len(word) > 3:  # analyse, analysed, analysing
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return word_re + "(?:s|es|ed|ing|ings)?"


def variant_pattern(variant: str, inflect: bool = True) -> str:
    """The regular expression (without flags) for one variant: its words, any space or hyphen between them."""
    parts = [p for p in _SEP.split(variant.strip()) if p]
    body = r"[\s\-]*".join(
        _word_pattern(p, inflect and i == len(parts) - 1) if i == len(parts) - 1 else _apostrophes(re.escape(p))
        for i, p in enumerate(parts)
    )
    return rf"{body}(?![\w\-])"


@dataclass(frozen=True)
class Hit:
    term: str
    start: int
    end: int
    text: str


class Vocabulary:
    """The terms, their groups and the compiled expressions that find them."""

    def __init__(self, terms: Sequence[Term], groups: Sequence[TermGroup] = (), stopwords: Iterable[str] = ()):
        self.terms: tuple[Term, ...] = tuple(terms)
        self.groups: tuple[TermGroup, ...] = tuple(groups)
        self.stopwords: frozenset[str] = frozenset(w.lower() for w in stopwords)
        self._by_id = {t.id: t for t in self.terms}
        self._patterns: dict[str, re.Pattern] = {}
        self._scanners: dict[tuple[str, ...], tuple[re.Pattern, list[str]]] = {}

    @classmethod
    def from_file(cls, parsed: VocabularyFile) -> Vocabulary:
        return cls(parsed.terms, parsed.groups, parsed.stopwords)

    def term(self, term_id: str) -> Term:
        try:
            return self._by_id[term_id]
        except KeyError:
            raise NotFound(f"no term '{term_id}' in the vocabulary") from None

    def group_terms(self, group_id: str) -> tuple[str, ...]:
        """Ids of the terms in a group, in the file's order."""
        if group_id not in {g.id for g in self.groups}:
            raise NotFound(f"no group '{group_id}' in the vocabulary")
        return tuple(t.id for t in self.terms if group_id in t.groups)

    def group_of(self, term_ids: Iterable[str]) -> str:
        """What a group picker should read for the terms chosen: a group whose terms are exactly these, "*" when
        every term is chosen, "" when none is, and "+" for a choice of one's own (issue 27 item 8: the picker read
        "— choose a group —" while a group's terms were marked)."""
        chosen = set(term_ids)
        if not chosen:
            return ""
        for g in self.groups:
            if chosen == set(self.group_terms(g.id)):
                return g.id
        return "*" if chosen == {t.id for t in self.terms} else "+"

    def _ids(self, term_ids: Iterable[str] | None) -> tuple[str, ...]:
        if term_ids is None:
            return tuple(t.id for t in self.terms)
        ids = tuple(term_ids)
        for i in ids:
            self.term(i)
        return ids

    def _scanner(self, ids: tuple[str, ...]) -> tuple[re.Pattern, list[str]]:
        key = tuple(sorted(set(ids)))
        hit = self._scanners.get(key)
        if hit is None:
            alternatives = sorted(((v, self._by_id[i]) for i in key for v in self._by_id[i].variants),
                                  key=lambda vt: (-len(vt[0]), vt[0]))
            owners = [t.id for _v, t in alternatives]
            # Dispatch on the first letter (branches that cannot match are skipped at once); inside a branch the
            # longer variants come first, so the longest match wins.
            branches: dict[str, list[str]] = {}
            for k, (v, t) in enumerate(alternatives):
                branches.setdefault(v[0].lower(), []).append(f"(?P<g{k}>{variant_pattern(v, t.inflect)})")
            body = "|".join(f"(?={re.escape(c)})(?:{'|'.join(alts)})" for c, alts in branches.items())
            hit = (re.compile(rf"{_START}(?:{body})" if body else r"(?!x)x", re.IGNORECASE), owners)
            self._scanners[key] = hit
        return hit

    def find(self, text: str, term_ids: Iterable[str] | None = None) -> list[Hit]:
        """Every occurrence of the chosen terms (all terms by default), left to right, never overlapping."""
        ids = self._ids(term_ids)
        if not ids:
            return []
        pattern, owners = self._scanner(ids)
        return [Hit(owners[int(m.lastgroup[1:])], m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]

    def pattern(self, term_id: str) -> re.Pattern:
        """One term's own expression, compiled when first asked for: compiling all of them as the vocabulary was
        read took 20 ms of a French notebook 02 that never uses them (only the audit, notebook 07, does)."""
        hit = self._patterns.get(term_id)
        if hit is None:
            t = self.term(term_id)
            hit = self._patterns[term_id] = re.compile(
                _START + "(?:" + "|".join(variant_pattern(v, t.inflect) for v in _longest_first(t.variants)) + ")",
                re.IGNORECASE)
        return hit

    def find_term(self, text: str, term_id: str) -> list[Hit]:
        """Occurrences of one term, found with its own expression."""
        return [Hit(term_id, m.start(), m.end(), m.group(0)) for m in self.pattern(term_id).finditer(text)]

    def count(self, text: str, term_ids: Iterable[str] | None = None) -> Counter:
        """How often each chosen term occurs in ``text``."""
        return Counter(h.term for h in self.find(text, term_ids))

    def counts(self, texts: Mapping[str, str], term_ids: Iterable[str] | None = None) -> dict[str, Counter]:
        """Counts per document: ``{document name: Counter(term id -> occurrences)}``."""
        ids = self._ids(term_ids)
        return {name: self.count(text, ids) for name, text in texts.items()}

    def terms_in(self, text: str) -> set[str]:
        return {h.term for h in self.find(text)}


def _longest_first(variants: Iterable[str]) -> list[str]:
    return sorted(variants, key=lambda v: (-len(v), v))


# -------------------------------------------------------------------------------------------- evidence ranking
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str, stopwords: Iterable[str] = ()) -> set[str]:
    """The crude stems of a text's words that are not stop words ("models" and "model" share "model")."""
    stop = stopwords if isinstance(stopwords, (set, frozenset)) else set(stopwords)
    return {_stem(w) for w in (m.group(0).lower() for m in _WORDS.finditer(text)) if w not in stop and len(w) > 1}


@dataclass(frozen=True)
class Ranked:
    """A candidate sentence, how strongly it bears on the statement, and why."""

    sentence: object
    score: int
    shared_terms: tuple[str, ...]
    shared_words: tuple[str, ...]


def rank_evidence(statement: str, sentences: Sequence, vocabulary: Vocabulary, term_weight: int = 3) -> list[Ranked]:
    """Every sentence (anything with a ``.text``), most relevant first: shared vocabulary terms count
    ``term_weight`` each, shared content words one each. Ties keep the document's order."""
    s_terms = vocabulary.terms_in(statement)
    s_words = content_words(statement, vocabulary.stopwords)
    ranked = []
    for sentence in sentences:
        terms = tuple(sorted(s_terms & vocabulary.terms_in(sentence.text)))
        shared = tuple(sorted(s_words & content_words(sentence.text, vocabulary.stopwords)))
        ranked.append(Ranked(sentence, term_weight * len(terms) + len(shared), terms, shared))
    order = sorted(range(len(ranked)), key=lambda i: (-ranked[i].score, i))
    return [ranked[i] for i in order]


# ---------------------------------------------------------------------------------------------------- loading
def load_vocabulary(root: Path | None = None) -> Vocabulary:
    """The vocabulary of ``data/vocabulary.yaml`` (or ``root/vocabulary.yaml``); a ContentError if it is wrong.

    The content layer loads and caches the file; the matcher built over it is kept as long as the file is unchanged.
    In another language the highlighter finds that language's variants and the English ones, so it marks the kit's
    translated texts and the English quotations (policy wording, statements) alike (issue 13).
    """
    parsed = load_vocabulary_file(root)
    if current() != DEFAULT:
        with speaking(DEFAULT):
            english = load_vocabulary_file(root)
        parsed = _with_variants_of(parsed, english)
    return _vocabulary(parsed)


@lru_cache(maxsize=8)
def _with_variants_of(parsed: VocabularyFile, english: VocabularyFile) -> VocabularyFile:
    """``parsed`` with each term's variants followed by the English file's variants of the same term."""
    en_variants = {term.id: term.variants for term in english.terms}
    terms = tuple(
        dataclasses.replace(term, variants=tuple(dict.fromkeys((*term.variants, *en_variants.get(term.id, ())))))
        for term in parsed.terms)
    return dataclasses.replace(parsed, terms=terms)


@lru_cache(maxsize=8)
def _vocabulary(parsed: VocabularyFile) -> Vocabulary:
    return Vocabulary.from_file(parsed)
