"""The content-kind registry: every kind declared once, ``kit check`` and the loaders from it, and a new kind added
with one module and one line (here a test-only glossary, as the French edition will add)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.content import KINDS, check_all
from kit.content.base import ContentKind, check_duplicates, data_root, load_checked, load_file
from kit.content.errors import NotFound
from kit.content.registry import kind
from kit.content.schema import Id, Line, ParseContext, Record, Text, doc


# ------------------------------------------------- the whole "module" of a new kind, as a newcomer writes it
@dataclass(frozen=True, kw_only=True)
class Entry(Record):
    entry_name = "glossary entry"
    id: Id = doc("a short id, like 'consent'")
    term: Line = doc("the word as students read it")
    gloss: Text = doc("what it means, in the kit's own words")


@dataclass(frozen=True, kw_only=True)
class GlossaryFile(Record):
    entry_name = "glossary"
    entries: tuple[Entry, ...] = doc("the entries")


def _parse(path: Path, ctx: ParseContext) -> GlossaryFile | None:
    parsed = load_file(path, GlossaryFile, ctx)
    if parsed is not None:
        check_duplicates(ctx, parsed.entries, "glossary entry")
    return parsed


def check_glossary(root: Path, ctx: ParseContext) -> int:
    path = Path(root) / "glossary.yaml"
    parsed = _parse(path, ctx) if path.exists() else None
    return len(parsed.entries) if parsed else 0


def load_glossary(root: Path | None = None) -> GlossaryFile:
    path = (Path(root) if root else data_root()) / "glossary.yaml"
    return load_checked(f"glossary:{path.resolve()}", [path], lambda ctx: _parse(path, ctx))


GLOSSARY = ContentKind("glossary", "glossary entries", "glossary.yaml", (GlossaryFile,), check_glossary, load_glossary)
# ---------------------------------------------------------------- and the one registry line: KINDS = (..., GLOSSARY)


def test_every_kind_is_listed_once_and_kit_check_reports_each():
    names = [k.name for k in KINDS]
    assert len(names) == len(set(names))
    assert {"cases", "law", "quizzes", "research", "policy", "strings"} <= set(names)
    counts, problems = check_all()
    assert problems == []
    assert list(counts) == [k.label for k in KINDS] and all(n > 0 for n in counts.values())
    assert kind("quizzes").load("final").id == "final"
    with pytest.raises(NotFound, match="no kind of content 'nope'"):
        kind("nope")


def test_a_new_kind_is_one_module_and_one_registry_line(data_copy):
    (data_copy / "glossary.yaml").write_text(
        "entries:\n  - id: consent\n    term: consent\n    gloss: agreeing, freely and knowingly\n"
        "  - id: consent\n    term: opt-out\n    gloss: on unless you say no\n", encoding="utf-8")
    counts, problems = check_all(data_copy, kinds=(*KINDS, GLOSSARY))
    assert counts["glossary entries"] == 2
    assert [str(p) for p in problems] == [
        f"{data_copy / 'glossary.yaml'}, line 5 (glossary entry 'consent'), field 'id': duplicate id: another "
        f"glossary entry already has the id 'consent' (first at {data_copy / 'glossary.yaml'}, line 2)"]
    (data_copy / "glossary.yaml").write_text("entries:\n  - id: consent\n    term: consent\n    gloss: agreeing\n")
    assert load_glossary().entries[0].term == "consent"
    assert load_glossary().entries[0].loc.line == 2  # where an entry was read is declared, not hidden
