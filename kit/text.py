"""Split a document's text into paragraphs, sentences and word tokens, each sentence with a stable id.

Tokens keep every character: words, runs of whitespace and single punctuation marks, so joining the tokens of a
text gives the text back exactly (diffs built on them reconstruct it). A sentence id names the version, the
paragraph and the sentence, counting from 1: ``before.p2.s1`` is the first sentence of the second paragraph of the
version ``before``. The ids depend only on the text, so they stay the same from one run to the next.
:func:`split_id` gives an id's parts back, for a view that names the sentence in the reader's words (issue 25).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .content.errors import BadArgument

__all__ = ["Sentence", "is_word", "sentences", "shorten", "split_id", "split_paragraphs", "split_sentences",
           "tokenize", "words"]

#: A word (letters or digits, with inner apostrophes or hyphens: "can't", "opt-out", "AI/ML" is three tokens),
#: a run of whitespace, or one other character.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")
_WORD = re.compile(r"\w")
#: A sentence ends after . ! ? or … (with closing quotes or brackets) when whitespace and a capital, a quote, an
#: ellipsis or a digit follow.
_SENTENCE_END = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘(\[…]?[A-Z0-9…])""")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_ID = re.compile(r"(?P<version>[^\s.]+(?:\.[^\s.]+)*?)\.p(?P<paragraph>[1-9]\d*)\.s(?P<sentence>[1-9]\d*)")


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs and punctuation marks; ``"".join(tokenize(t)) == t``."""
    return _TOKEN.findall(text)


def is_word(token: str) -> bool:
    return bool(_WORD.match(token))


def words(text: str) -> list[str]:
    """The word tokens of a text, in order."""
    return [tok for tok in tokenize(text) if is_word(tok)]


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to at most ``width`` characters at a word's end, "…" marking the cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph (paragraphs are separated by blank lines)."""
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """Sentence chunks with their trailing whitespace; ``"".join(split_sentences(t)) == t``.

    A chunk without any word (a lone "…" marking a cut) is joined to the sentence after it.
    """
    out, start, pending = [], 0, ""
    for m in _SENTENCE_END.finditer(text):
        chunk = text[start:m.end()]
        start = m.end()
        if not _WORD.search(chunk):
            pending += chunk
            continue
        out.append(pending + chunk)
        pending = ""
    rest = pending + text[start:]
    if rest:
        if out and not _WORD.search(rest):
            out[-1] += rest
        else:
            out.append(rest)
    return out or [text]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a version: its id, its place and its exact text (without surrounding whitespace)."""

    id: str
    paragraph: int
    number: int
    text: str
    start: int
    end: int


def sentences(text: str, prefix: str) -> tuple[Sentence, ...]:
    """Every sentence of ``text``, in order, with ids ``{prefix}.p{paragraph}.s{sentence}``."""
    out = []
    for p, (a, b) in enumerate(split_paragraphs(text), 1):
        pos = a
        for s, chunk in enumerate(split_sentences(text[a:b]), 1):
            stripped = chunk.strip()
            lead = len(chunk) - len(chunk.lstrip())
            if stripped:
                out.append(Sentence(f"{prefix}.p{p}.s{s}", p, s, stripped, pos + lead, pos + lead + len(stripped)))
            pos += len(chunk)
    return tuple(out)


def split_id(sentence_id: str) -> tuple[str, int, int]:
    """The version id, paragraph and sentence numbers of a sentence id: ``split_id("after.p2.s1") == ("after", 2, 1)``.

    Raises :class:`~kit.content.errors.BadArgument` for a text that is not such an id, saying what one looks like.
    """
    m = _ID.fullmatch(str(sentence_id))
    if not m:
        raise BadArgument(f"'{sentence_id}' is not a sentence id: expected the version, the paragraph and the "
                          f"sentence, like 'after.p2.s1'")
    return m.group("version"), int(m.group("paragraph")), int(m.group("sentence"))
