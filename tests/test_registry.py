"""The content-kind registry: every kind declared once, ``kit check``, the translations and release from it, the check
order explicit, and a new kind added with one module and one line (here a test-only list of key terms)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from kit.content import KINDS, check_all
from kit.content.base import ContentKind, check_duplicates, data_root, load_checked, load_file
from kit.content.errors import NotFound
from kit.content.language import speaking
from kit.content.registry import answer_keys, kind, translated_files
from kit.content.schema import Id, Line, ParseContext, Record, Text, doc
from kit.content.translations import fingerprint


# ------------------------------------------------- the whole "module" of a new kind, as a newcomer writes it
@dataclass(frozen=True, kw_only=True)
class Entry(Record):
    entry_name = "key term"
    id: Id = doc("a short id, like 'consent'")
    term: Line = doc("the word as students read it", translate=True)
    gloss: Text = doc("what it means, in the kit's own words", translate=True)


@dataclass(frozen=True, kw_only=True)
class KeyTermsFile(Record):
    entry_name = "key terms"
    entries: tuple[Entry, ...] = doc("the entries")


def _parse(path: Path, ctx: ParseContext) -> KeyTermsFile | None:
    parsed = load_file(path, KeyTermsFile, ctx)
    if parsed is not None:
        check_duplicates(ctx, parsed.entries, "key term")
    return parsed


def check_key_terms(root: Path, ctx: ParseContext) -> int:
    path = Path(root) / "key-terms.yaml"
    parsed = _parse(path, ctx) if path.exists() else None
    return len(parsed.entries) if parsed else 0


def load_key_terms(root: Path | None = None) -> KeyTermsFile:
    path = (Path(root) if root else data_root()) / "key-terms.yaml"
    return load_checked(f"key-terms:{path.resolve()}", [path], lambda ctx: _parse(path, ctx))


KEY_TERMS = ContentKind("key-terms", "key terms", "key-terms.yaml", (KeyTermsFile,), check_key_terms, load_key_terms,
                        translated=(("key-terms.yaml", KeyTermsFile),))
# ------------------------------------------------------------- and the one registry line: KINDS = (..., KEY_TERMS)


def test_every_kind_is_listed_once_and_kit_check_reports_each():
    names = [k.name for k in KINDS]
    assert len(names) == len(set(names))
    assert {"cases", "law", "quizzes", "research", "vocabulary", "strings"} <= set(names)
    counts, problems = check_all()
    assert problems == []
    assert list(counts) == [k.label for k in KINDS] and all(n > 0 for n in counts.values())
    assert kind("quizzes").load("final").id == "final"
    with pytest.raises(NotFound, match="no kind of content 'nope'"):
        kind("nope")


def test_a_new_kind_is_one_module_and_one_registry_line(data_copy):
    (data_copy / "key-terms.yaml").write_text(
        "entries:\n  - id: consent\n    term: consent\n    gloss: agreeing, freely and knowingly\n"
        "  - id: consent\n    term: opt-out\n    gloss: on unless you say no\n", encoding="utf-8")
    counts, problems = check_all(data_copy, kinds=(*KINDS, KEY_TERMS))
    assert counts["key terms"] == 2
    assert [str(p) for p in problems] == [
        f"{data_copy / 'key-terms.yaml'}, line 5 (key term 'consent'), field 'id': duplicate id: another "
        f"key term already has the id 'consent' (first at {data_copy / 'key-terms.yaml'}, line 2)"]
    (data_copy / "key-terms.yaml").write_text("entries:\n  - id: consent\n    term: consent\n    gloss: agreeing\n")
    assert load_key_terms().entries[0].term == "consent"
    assert load_key_terms().entries[0].loc.line == 2  # where an entry was read is declared, not hidden


def test_a_new_kinds_french_copy_loaded_by_path_shows_french(tmp_path, monkeypatch):
    """Issue 26: the overlay found translations by guessing kinds from folder names, so a new kind in a content
    folder given by path showed English. It finds them from the file's own place now, whatever the kind."""
    copy = tmp_path / "my-data"
    shutil.copytree(ROOT / "data", copy)
    (copy / "key-terms.yaml").write_text("entries:\n  - id: consent\n    term: consent\n    gloss: agreeing\n",
                                         encoding="utf-8")
    (copy / "translations" / "fr" / "key-terms.yaml").write_text(
        f"entries.consent.gloss:\n  text: donner son accord\n  source: \"{fingerprint('agreeing')}\"\n",
        encoding="utf-8")
    monkeypatch.delenv("KIT_DATA", raising=False)  # not the kit's content folder: given by path only
    with speaking("fr"):
        assert load_key_terms(copy).entries[0].gloss == "donner son accord"
    assert load_key_terms(copy).entries[0].gloss == "agreeing"


def test_translations_and_release_ask_the_registry():
    files = {f.rel: f for f in translated_files()}
    assert files["quizzes/final.yaml"].kind.name == "quizzes" and files["writing.yaml"].kind.name == "writing"
    assert not [rel for rel in files if rel.startswith(("translations/", "ui/"))]
    quiz = answer_keys("quizzes/final.yaml")
    assert quiz is not None and "answer" in quiz[1] and answer_keys("cases/slack-2024/timeline.yaml") is None


def test_the_check_order_is_explicit_and_refused_when_broken():
    names = [k.name for k in KINDS]
    for k in KINDS:
        assert all(names.index(a) < names.index(k.name) for a in k.after), k.name
    backwards = (kind("glossary"), kind("law"))
    with pytest.raises(ValueError, match="the kind 'glossary' is checked before law, whose files it reads"):
        check_all(None, backwards)
