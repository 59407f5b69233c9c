"""Word-level diff between two versions of a text: runs of equal, inserted and deleted text that never lose or
duplicate a word (``apply(old, diff(old, new)) == new``).

A line-level diff shows a whole paragraph as removed and re-added; in prose the change that matters is often two
words ("do not" → "may"), so the diff works on word tokens. To stay fast on long documents it first lines up whole
sentences, then diffs words only inside the sentences that changed. ``difflib.SequenceMatcher`` is used with
``autojunk=False``: its junk heuristic would otherwise ignore frequent words ("the", "data") in long texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .text import is_word, split_sentences, tokenize

__all__ = ["DiffSummary", "FormSplit", "Op", "apply", "diff", "form_key", "new_side", "old_side", "set_apart_form",
           "split_form", "summarize"]

Kind = Literal["equal", "insert", "delete", "form"]


@dataclass(frozen=True)
class Op:
    """One run of the diff: text both versions share (equal), text only the new one has (insert), or text only the
    old one had (delete); after :func:`set_apart_form`, also new text that differs from the old only in spelling,
    case or punctuation (form)."""

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


# --------------------------------------------------------------------------------------- spelling, case, punctuation
# British and American spellings that policy copies differ by ("analyse" / "analyze", "memorise" / "memorize",
# "behaviour" / "behavior"). Each rule maps both spellings to one key; it is applied to both texts alike, so a rule
# that also touches an unrelated word ("otherwise") changes nothing.
_SPELLING = [
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w)ll(ed|ing)$"), r"l\1"),
]
_PUNCT = re.compile(r"[^\w\s]+")


def _word_key(word: str) -> str:
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def form_key(text: str) -> str:
    """The text with case, punctuation and British/American spelling set aside: equal keys, equal wording."""
    return " ".join(_word_key(w) for w in _PUNCT.sub(" ", text.lower()).split())


def set_apart_form(ops) -> tuple[Op, ...]:
    """The diff with every deletion + insertion that differs only in spelling, case or punctuation turned into one
    ``form`` run holding the new text, so only changes of wording stay marked as deletions and insertions."""
    ops = tuple(ops)
    out: list[Op] = []
    i = 0
    while i < len(ops):
        op = ops[i]
        if op.kind == "delete" and i + 1 < len(ops) and ops[i + 1].kind == "insert" \
                and form_key(op.text) == form_key(ops[i + 1].text):
            out.append(Op("form", ops[i + 1].text))
            i += 2
            continue
        out.append(op)
        i += 1
    return tuple(out)


@dataclass(frozen=True)
class FormSplit:
    """Changed sentences, split: those whose wording changed, and those that differ only in spelling, case or
    punctuation."""

    wording: int
    form_only: int


def split_form(old: str, new: str) -> FormSplit:
    """Count changed sentences as :func:`summarize` does, setting apart those that differ only in form."""
    a = [s.strip() for s in split_sentences(old) if s.strip()]
    b = [s.strip() for s in split_sentences(new) if s.strip()]
    wording = form_only = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:  # sentences replaced one for one: judge each pair
            same = sum(form_key(x) == form_key(y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True))
            form_only += same
            wording += (i2 - i1) - same
        else:
            wording += max(i2 - i1, j2 - j1)
    return FormSplit(wording, form_only)
