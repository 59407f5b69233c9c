"""The parse cache (kit/content/parsed.py): a content file parsed by one process is read back by the next (a notebook's
kernel) as the same tree, lines and written numbers included; a kept file that is broken, planted in a folder others
can write, or kept for another text is never what a student is shown, and a text with a mistake is never kept."""

from __future__ import annotations

import json
import os

import pytest

from kit.content import parsed, yamlio
from kit.content.errors import ContentError
from kit.content.yamlio import load_yaml, written

TEXT = "id: q\nprompt: Who may opt out?\noptions: [12.50, 7, owners]\nnested:\n  - a: 1\n    b: [x]\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty cache folder of this test's own, and a process that has parsed nothing yet."""
    where = tmp_path / "parsed"
    monkeypatch.setenv("KIT_PARSE_CACHE", str(where))
    new_process(monkeypatch)
    return where


def new_process(monkeypatch):
    """What a fresh kernel starts with: nothing parsed in memory, no folder looked at yet."""
    monkeypatch.setattr(yamlio, "_MEMO", {})
    monkeypatch.setattr(yamlio, "_memo_size", 0)
    monkeypatch.setattr(parsed, "_usable", {})


def kept(where):
    return sorted(where.glob("*.json")) if where.exists() else []


def test_a_file_parsed_once_is_read_back_by_the_next_process_as_the_same_tree(folder, tmp_path, monkeypatch):
    path = tmp_path / "quiz.yaml"
    path.write_text(TEXT, encoding="utf-8")
    first = load_yaml(path)
    assert len(kept(folder)) == 1
    new_process(monkeypatch)
    monkeypatch.setattr(yamlio, "_parse", lambda *a: pytest.fail("parsed again instead of read back"))
    again = load_yaml(path)
    assert again == first and type(again) is yamlio.LineDict
    assert again.key_lines == first.key_lines == {"id": 1, "prompt": 2, "options": 3, "nested": 4}
    assert again["options"].item_lines == [3, 3, 3] and again["nested"][0]["b"].line == 6
    assert written(again["options"][0]) == "12.50" and isinstance(again["options"][1], int)


def test_an_edited_file_is_parsed_anew(folder, tmp_path, monkeypatch):
    path = tmp_path / "quiz.yaml"
    path.write_text(TEXT, encoding="utf-8")
    load_yaml(path)
    path.write_text(TEXT.replace("owners", "admins"), encoding="utf-8")
    new_process(monkeypatch)
    assert load_yaml(path)["options"][2] == "admins"
    assert len(kept(folder)) == 2


@pytest.mark.parametrize("damage", ["", "{\"m\": 1, \"k\": [[\"id\"", "[" * 100_000, "{\"m\": 1, \"k\": [[1, 2]]}",
                                    "\"just a string\"", "{\"l\": 1}",
                                    "{\"key\": \"another text's\", \"tree\": \"a string\"}"])
def test_a_broken_kept_file_means_the_text_is_parsed_again(folder, tmp_path, monkeypatch, damage):
    path = tmp_path / "quiz.yaml"
    path.write_text(TEXT, encoding="utf-8")
    load_yaml(path)
    (kept_file,) = kept(folder)
    kept_file.write_text(damage, encoding="utf-8")
    new_process(monkeypatch)
    tree = load_yaml(path)
    assert tree["prompt"] == "Who may opt out?" and tree.key_lines["options"] == 3


def test_a_folder_others_can_write_to_is_neither_read_nor_written(folder, tmp_path, monkeypatch):
    """On a shared folder anyone could plant a tree: the student would be shown someone else's words."""
    path = tmp_path / "quiz.yaml"
    path.write_text(TEXT, encoding="utf-8")
    load_yaml(path)
    (kept_file,) = kept(folder)
    planted = json.loads(kept_file.read_text(encoding="utf-8"))
    planted["tree"]["k"][1][2] = "Planted words"
    kept_file.write_text(json.dumps(planted), encoding="utf-8")
    new_process(monkeypatch)
    assert load_yaml(path)["prompt"] == "Planted words"  # the user's own folder is trusted: the test plants for real
    os.chmod(folder, 0o777)
    new_process(monkeypatch)
    assert load_yaml(path)["prompt"] == "Who may opt out?"
    path.write_text(TEXT + "extra: 1\n", encoding="utf-8")
    load_yaml(path)
    assert len(kept(folder)) == 1  # nothing written there either


def test_a_text_with_a_mistake_is_never_kept_and_keeps_its_message(folder, tmp_path, monkeypatch):
    path = tmp_path / "quiz.yaml"
    path.write_text("id: q\nid: r\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError, match="appears twice"):
            load_yaml(path)
        new_process(monkeypatch)
    assert kept(folder) == []


def test_off_keeps_nothing_and_an_unwritable_place_is_no_error(tmp_path, monkeypatch):
    path = tmp_path / "quiz.yaml"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("KIT_PARSE_CACHE", "off")
    new_process(monkeypatch)
    assert load_yaml(path)["id"] == "q"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KIT_PARSE_CACHE", str(blocker / "parsed"))
    new_process(monkeypatch)
    assert load_yaml(path)["id"] == "q"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "quiz.yaml"]  # no folder made for "off"


def _writing_in_french(data_copy):
    """data/writing.yaml, its French translation and its record class (from the registry)."""
    from kit.content.registry import schema_for

    return data_copy / "writing.yaml", data_copy / "translations" / "fr" / "writing.yaml", schema_for("writing.yaml")[1]


def test_a_file_with_its_translation_on_it_is_read_back_by_the_next_process_as_the_same_tree(folder, data_copy,
                                                                                                monkeypatch):
    from kit.content import translations
    from kit.content.language import speaking

    english, french, cls = _writing_in_french(data_copy)
    with speaking("fr"):
        first = translations.load_current(english, cls)
        fresh = translations.overlay(cls, load_yaml(english), translations.translation_file(french).entries)
        assert first == fresh and first["sets"][0]["title"] == "Questions pour réfléchir"
        new_process(monkeypatch)
        monkeypatch.setattr(yamlio, "_parse", lambda *a: pytest.fail("parsed again instead of read back"))
        monkeypatch.setattr(translations, "overlay", lambda *a: pytest.fail("overlaid again instead of read back"))
        again = translations.load_current(english, cls)
    assert again == first and again.key_lines == first.key_lines
    assert again["sets"][0]["prompts"][0].key_lines == first["sets"][0]["prompts"][0].key_lines


def test_an_edited_translation_is_put_on_anew_and_english_is_kept_apart(folder, data_copy, monkeypatch):
    from kit.content import translations
    from kit.content.language import speaking

    english, french, cls = _writing_in_french(data_copy)
    with speaking("fr"):
        translations.load_current(english, cls)
    french.write_text(french.read_text(encoding="utf-8").replace("Questions pour réfléchir", "Des questions"),
                      encoding="utf-8")
    new_process(monkeypatch)
    with speaking("fr"):
        assert translations.load_current(english, cls)["sets"][0]["title"] == "Des questions"
    new_process(monkeypatch)
    assert translations.load_current(english, cls)["sets"][0]["title"] == load_yaml(english)["sets"][0]["title"]
    assert translations.load_current(english, cls)["sets"][0]["title"] != "Des questions"


def test_kit_prepare_keeps_what_a_french_notebook_reads(folder, data_copy, monkeypatch, capsys):
    """make lab and Binder's postBuild run `kit prepare`: a French kernel then parses and overlays nothing."""
    from kit.content import translations
    from kit.content.language import speaking
    from kit.instructor.cli import main

    assert main(["prepare"]) == 0
    assert str(folder) in capsys.readouterr().out
    english, _french, cls = _writing_in_french(data_copy)
    new_process(monkeypatch)
    monkeypatch.setattr(yamlio, "_parse", lambda *a: pytest.fail("parsed again instead of read back"))
    monkeypatch.setattr(translations, "overlay", lambda *a: pytest.fail("overlaid again instead of read back"))
    with speaking("fr"):
        assert translations.load_current(english, cls)["sets"][0]["title"] == "Questions pour réfléchir"
