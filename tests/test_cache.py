"""Edits to content show on the next call, without restarting the kernel, for every kind of content."""

from __future__ import annotations

from kit.content.cache import cached, files_stamp
from kit.content.law import load_law
from kit.content.quiz import load_quiz

PART = """id: part
title: A part
questions:
  - id: one
    type: reflection
    text: A first question?
    model_answer: An answer.
"""


def test_an_edit_to_an_included_quiz_shows_in_the_quiz_that_includes_it(data_copy):
    folder = data_copy / "quizzes"
    (folder / "part.yaml").write_text(PART, encoding="utf-8")
    (folder / "whole.yaml").write_text("id: whole\ntitle: The whole\ninclude: [part]\n", encoding="utf-8")
    before = load_quiz("whole")
    assert before.question("one").text == "A first question?"
    (folder / "part.yaml").write_text(PART.replace("A first question?", "An edited question?"), encoding="utf-8")
    after = load_quiz("whole")
    assert after is not before
    assert after.question("one").text == "An edited question?"


def test_an_edit_to_a_legal_text_shows_on_the_next_call(data_copy):
    law = load_law()
    some = next(iter(law.values()))
    path = next(p for p in (data_copy / "law").glob("*.yaml") if f"id: {some.id}" in p.read_text())
    path.write_text(path.read_text().replace(some.explanation.split()[0], "Edited:", 1))
    assert load_law()[some.id].explanation.startswith("Edited:")


def test_a_failed_build_is_not_cached(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("a")
    calls = []

    def build():
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("broken")
        return "ok"

    for _ in range(2):
        try:
            value = cached("test:x", [f], build)
        except ValueError:
            pass
    assert value == "ok" and cached("test:x", [f], build) == "ok" and len(calls) == 2


def test_stamp_sees_a_new_file_in_a_folder(tmp_path):
    before = files_stamp([tmp_path])
    (tmp_path / "new.yaml").write_text("")
    assert files_stamp([tmp_path]) != before
