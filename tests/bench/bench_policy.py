"""Notebook 02: word diff, vocabulary scan and widget updates on two synthetic 10,000-word policies that differ in
about 5% of their words (seeded, so every run measures the same texts)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from tests.bench.timing import median_ms

_POOL = ("we our your data customer content messages files model models train training use used analyse opt out "
         "in default consent choice global aggregate de-identified generative LLMs machine learning policy service "
         "information share third-party party partners improve features workspace owner request email may will not "
         "do does never only limited process retain delete account settings time any all some such as the a of to "
         "and or for with by from on at this that these those provide products research security")
POOL = _POOL.split()


def synthetic(n_words: int = 10_000, seed: int = 2024) -> list[list[list[str]]]:
    """Paragraphs of 3–7 sentences of 8–24 words, about ``n_words`` words in all."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < n_words:
        paragraph = []
        for _ in range(rng.randint(3, 7)):
            sentence = [rng.choice(POOL) for _ in range(rng.randint(8, 24))]
            paragraph.append(sentence)
            total += len(sentence)
        paragraphs.append(paragraph)
    return paragraphs


def mutate(paragraphs, share: float = 0.05, seed: int = 7):
    """An edited copy: about ``share`` of the words replaced, deleted or followed by an inserted word (a third
    each), inside the sentences they belong to, as an editor revising a policy would."""
    rng = random.Random(seed)
    out = []
    for paragraph in paragraphs:
        new_paragraph = []
        for sentence in paragraph:
            new = []
            for word in sentence:
                r = rng.random()
                if r < share / 3:
                    new.append(rng.choice(POOL))
                elif r < 2 * share / 3:
                    continue
                elif r < share:
                    new += [word, rng.choice(POOL)]
                else:
                    new.append(word)
            new_paragraph.append(new or sentence)
        out.append(new_paragraph)
    return out


def as_text(paragraphs) -> str:
    return "\n\n".join(" ".join(" ".join([s[0].capitalize(), *s[1:]]) + "." for s in p) for p in paragraphs)


def texts() -> tuple[str, str, str]:
    base = synthetic()
    return as_text(base), as_text(mutate(base)), as_text(mutate(base, seed=8))


def synthetic_case(old: str, new: str, other: str):
    from kit.content import load_case
    from kit.content.case import Document, Version
    from kit.content.schema import PartialDate

    case = load_case(Path(__file__).resolve().parents[1] / "fixtures" / "mini-case")
    versions = tuple(
        Version(id=vid, label=vid, date=PartialDate(2024, 1, day), text=text, sources=("example-page",),
                status="inferred")
        for vid, day, text in (("v1", 1, old), ("v2", 2, new), ("v3", 3, other)))
    doc = Document(id="synthetic", title="Synthetic policy", owner="Nobody", url="https://example.org/p",
                   versions=versions)
    return dataclasses.replace(case, documents=(doc,))


def run():
    from kit.diff import apply, diff
    from kit.text import words
    from kit.ui.diff import CompareView
    from kit.ui.vocabulary import VocabView
    from kit.vocabulary import load_vocabulary

    old, new, other = texts()
    assert 9_000 < len(words(old)) < 11_000
    ops = diff(old, new)
    assert apply(old, ops) == new
    vocab = load_vocabulary()
    rows = [
        ("word diff, two 10,000-word texts, ~5% of words changed", median_ms(lambda: diff(old, new), repeat=7), 100),
        ("vocabulary scan, every term, 10,000 words", median_ms(lambda: vocab.find(old), repeat=15), 20),
    ]
    case = synthetic_case(old, new, other)
    comparer = CompareView(case)
    state = {"i": 0}

    def switch_version():
        state["i"] += 1
        comparer.new.value = "v2" if state["i"] % 2 else "v3"  # value change -> diff, summary and HTML redrawn

    rows.append(("comparer: pick another version -> new diff shown", median_ms(switch_version, repeat=7), 100))
    highlighter = VocabView(case, vocab)
    groups = [g.id for g in vocab.groups]

    def switch_group():
        state["i"] += 1
        highlighter.group.value = groups[state["i"] % len(groups)]  # -> counts and marked texts redrawn

    rows.append(("highlighter: pick another group -> marks and counts shown (3 texts)",
                 median_ms(switch_group, repeat=9), 100))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
