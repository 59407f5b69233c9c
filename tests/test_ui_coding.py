"""Notebook 05's coding task driven from Python: code a case, compare with the kit's coding, read what the view
says; what is coded is kept with the notebook's answers and comes back; the static form; French."""

from __future__ import annotations

import json

import pytest
from conftest import visible_text

import kit
from kit import writing
from kit.coding import DIMENSIONS


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    writing.clear()
    yield tmp_path / "saved"
    writing.clear()
    kit.set_language("en")


def test_coding_a_case_and_comparing_says_what_agrees_in_words_and_symbols():
    view = kit.show_coding()
    view.case.value = "slack-2024"
    assert "Choose a value" in (view.compare() or None or visible_text(view.result))
    view.lists["default"].value = "in"
    view.lists["who"].value = "each"
    view.lists["after"].value = "words"
    view.compare()
    said = visible_text(view.result)
    assert "1 of the 2 dimensions you coded that the data codes are the same as the kit's." in said
    assert "✔ the same" in said and "✘ coded differently: which field decides it?" in said
    assert "◐ the data does not code this" in said and "The data says: Slack rewrote the principles" in said
    assert "from choice.default" in said and "Could act: Primary Owner" in said
    assert "<table" in view.result.value and "<th scope='row'" in view.result.value  # a table a screen reader reads


def test_what_is_coded_is_handed_in_and_comes_back_for_each_case(answers_dir):
    view = kit.show_coding()
    view.case.value = "slack-2024"
    view.lists["steps"].value = "2"
    view.case.value = "meta-2024"
    assert all(box.value is None for box in view.lists.values())  # another case: not coded yet
    view.lists["permission"].value = "legitimate-interest"
    assert writing.get("coding:slack-2024:steps") == "2"
    assert writing.get("coding:meta-2024:permission") == "legitimate-interest"
    view.case.value = "slack-2024"
    assert view.lists["steps"].value == "2"  # its coding, shown again


def test_the_notebooks_box_saves_the_coding_and_a_restart_shows_it_again(answers_dir):
    box = kit.show_writing("law-discussion")  # a writing set with its own box, as notebook 05's is
    box.keep.save_box.value = True
    view = kit.show_coding()
    view.case.value = "x-grok-2024"
    view.lists["who"].value = "each"
    saved = json.loads((answers_dir / "answers-law-discussion.json").read_text(encoding="utf-8"))["answers"]
    assert saved["coding:x-grok-2024:who"]["response"] == "each"
    writing.clear()  # a kernel restart; then Run All
    kit.show_writing("law-discussion")
    again = kit.show_coding()
    again.case.value = "x-grok-2024"
    assert again.lists["who"].value == "each"


def test_the_static_form_gives_the_task_and_every_cases_coding_behind_show_the_answer():
    view = kit.show_coding()
    bundle = view._repr_mimebundle_()
    html = bundle["text/html"]
    assert "Who could opt out or object, and for whom?" in html and "not in the data" in html
    assert html.count("Show the answer") == len(view.rows)
    assert "6 dimensions to code for each of" in bundle["text/plain"]


def test_every_control_has_a_name_and_the_french_view_speaks_french():
    kit.set_language("fr")
    view = kit.show_coding()
    assert view.case.description == "Affaire"
    assert [view.lists[d.id].description for d in DIMENSIONS][:2] == ["Par défaut", "Fixée par"]
    labels = " ".join(label for box in view.lists.values() for label, _ in box.options).replace("\t", " ")
    assert "pas dans les données" in labels and "not in the data" not in labels
    for box in (view.case, *view.lists.values(), view.compare_button):
        assert (box.description or "").strip() and (box.tooltip or "").strip()
