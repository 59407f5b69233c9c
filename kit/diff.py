"""Word-level diff between two versions of a text: runs of equal, inserted and deleted text that never lose or
duplicate a word (``apply(old, diff(old, new)) == new``).

A line-level diff shows a whole paragraph as removed and re-added; in prose the change that matters is often two
words ("do not" → "may"), so the diff works on word tokens. To stay fast on long documents it first lines up whole
sentences, then diffs words only inside the sentences that changed. ``difflib.SequenceMatcher`` is used with
``autojunk=False``: its junk heuristic would otherwise ignore frequent words ("the", "data") in long texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .text import is_word, split_sentences, tokenize

__all__ = ["DiffSummary", "Op", "apply", "diff", "new_side", "old_side", "summarize"]

Kind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Op:
    """One run of the diff: text both versions share (equal), text only the new one has (insert), or text only the
    old one had (delete)."""

    kind: Kind
    text: str

    @property
    def words(self) -> list[str]:
        return [tok for tok in tokenize(self.text) if is_word(tok)]


def _units(text: str) -> list[str]:
    """Tokens with the whitespace after them attached (fewer items, and no very frequent lone-space item)."""
    units: list[str] = []
    for tok in tokenize(text):
        if units and tok.isspace():
            units[-1] += tok
        else:
            units.append(tok)
    return units


def _word_ops(old: str, new: str) -> list[Op]:
    a, b = _units(old), _units(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(Op("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(Op("insert", "".join(b[j1:j2])))
    return ops


def _change_words(ops: list[Op], sizes: list[int], i: int, step: int) -> int:
    n = 0
    while 0 <= i < len(ops) and ops[i].kind != "equal":
        n += sizes[i]
        i += step
    return n


def _small(i: int, ops: list[Op], sizes: list[int]) -> bool:
    """An equal run not worth showing between two changes: no word, or one word between changes of four or more
    words on each side ("[− Contact us −] to [− opt out −]" reads better as one change)."""
    if sizes[i] == 0:
        return True
    return sizes[i] == 1 and min(_change_words(ops, sizes, i - 1, -1), _change_words(ops, sizes, i + 1, 1)) >= 4


def _tidy(ops: list[Op]) -> tuple[Op, ...]:
    """Fold word-less equal runs (a space, a comma) between changes into the change, then give each change one
    delete followed by one insert. Both keep ``apply`` exact: deletions and insertions keep their own order."""
    folded: list[Op] = []
    sizes = [len(op.words) for op in ops]
    for i, op in enumerate(ops):
        between = 0 < i < len(ops) - 1 and ops[i - 1].kind != "equal" and ops[i + 1].kind != "equal"
        if op.kind == "equal" and between and _small(i, ops, sizes):
            folded += [Op("delete", op.text), Op("insert", op.text)]
        else:
            folded.append(op)
    out: list[Op] = []
    i = 0
    while i < len(folded):
        if folded[i].kind == "equal":
            text = ""
            while i < len(folded) and folded[i].kind == "equal":
                text += folded[i].text
                i += 1
            if text:
                out.append(Op("equal", text))
            continue
        deleted = inserted = ""
        while i < len(folded) and folded[i].kind != "equal":
            if folded[i].kind == "delete":
                deleted += folded[i].text
            else:
                inserted += folded[i].text
            i += 1
        # "do not " → "may ": the shared trailing space belongs to the text that follows
        common = len(deleted) - len(deleted.rstrip()) if deleted and inserted else 0
        common = min(common, len(inserted) - len(inserted.rstrip()))
        tail = ""
        if common and deleted[-common:] == inserted[-common:] and deleted.strip() and inserted.strip():
            tail, deleted, inserted = deleted[-common:], deleted[:-common], inserted[:-common]
        if deleted:
            out.append(Op("delete", deleted))
        if inserted:
            out.append(Op("insert", inserted))
        if tail:
            if i < len(folded) and folded[i].kind == "equal":
                folded[i] = Op("equal", tail + folded[i].text)
            else:
                out.append(Op("equal", tail))
    return tuple(out)


def diff(old: str, new: str) -> tuple[Op, ...]:
    """The word-level diff from ``old`` to ``new`` (sentences first, then words within changed sentences)."""
    a, b = split_sentences(old), split_sentences(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(a[i1:i2])))
        else:
            ops += _word_ops("".join(a[i1:i2]), "".join(b[j1:j2]))
    return _tidy([op for op in ops if op.text])


def apply(old: str, ops) -> str:
    """The new text, rebuilt from the old one and the diff. Raises ValueError if the diff does not fit ``old``."""
    pos, out = 0, []
    for op in ops:
        if op.kind == "insert":
            out.append(op.text)
            continue
        if old[pos:pos + len(op.text)] != op.text:
            raise ValueError(f"the diff does not fit the old text at character {pos}")
        if op.kind == "equal":
            out.append(op.text)
        pos += len(op.text)
    if pos != len(old):
        raise ValueError(f"the diff covers {pos} of the old text's {len(old)} characters")
    return "".join(out)


def old_side(ops) -> tuple[Op, ...]:
    """The runs that make up the old text (equal and deleted), for a side-by-side view."""
    return tuple(op for op in ops if op.kind != "insert")


def new_side(ops) -> tuple[Op, ...]:
    """The runs that make up the new text (equal and inserted)."""
    return tuple(op for op in ops if op.kind != "delete")


@dataclass(frozen=True)
class DiffSummary:
    sentences_changed: int
    words_added: int
    words_removed: int
    words_old: int
    words_new: int

    @property
    def identical(self) -> bool:
        return self.sentences_changed == 0 and self.words_added == 0 and self.words_removed == 0


def summarize(old: str, new: str, ops=None) -> DiffSummary:
    """How much changed: sentences touched (an edited sentence counts once), words added and removed."""
    ops = diff(old, new) if ops is None else ops
    a = [s.strip() for s in split_sentences(old) if s.strip()]
    b = [s.strip() for s in split_sentences(new) if s.strip()]
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in
                  SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal")
    added = sum(len(op.words) for op in ops if op.kind == "insert")
    removed = sum(len(op.words) for op in ops if op.kind == "delete")
    kept = sum(len(op.words) for op in ops if op.kind == "equal")
    return DiffSummary(changed, added, removed, kept + removed, kept + added)
