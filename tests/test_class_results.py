"""The instructor's class view: counts, per-question distribution (chart with alt text, table), common wrong answers
with the explanation, reflections named only when a name was given, Refresh; the same rows as ``kit results``."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from conftest import FIXTURES

import kit
from kit import classroom
from kit.content.quiz import load_quiz
from kit.instructor.class_results import class_summary
from kit.instructor.results import collect
from kit.ui.class_results import ClassView

#: The class view's behaviour is tested on a quiz with a question of every type (tests/fixtures/quizzes), put in a copy
#: of data/ so that the view finds it by its id, whatever the kit's own quizzes hold.
EVERY = FIXTURES / "quizzes" / "every-type.yaml"
QUIZ = load_quiz(EVERY)


@pytest.fixture
def every_type(data_copy):
    shutil.copy(EVERY, data_copy / "quizzes" / EVERY.name)
    return data_copy


def text(value: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split()).replace(" :", ":")


def entry(response):
    return {"response": response, "attempts": 1, "hints": 0, "score": None, "correct": None}


@pytest.fixture
def folder(tmp_path, monkeypatch, every_type):
    d = tmp_path / "class"
    d.mkdir()
    students = [("Ada", "included", "I changed my mind about defaults."), (None, "excluded", "Opt-in is fairer."),
                (None, "excluded", "")]
    for i, (name, default, reflection) in enumerate(students):
        monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / f"home{i}"))
        answers = {"slack-default": entry(default), "withdraw": entry(True)}
        if reflection:
            answers["reflect-consent"] = entry(reflection)
        classroom.share("every-type", answers, name, d)
    (d / "notes.json").write_text("{}")  # not an answers file: reported, not counted
    monkeypatch.setenv("KIT_CLASS_DIR", str(d))
    return d


def test_summary_counts_distribution_wrong_answers_and_reflections(folder):
    s = class_summary(folder, "every-type")
    assert s.students == 3
    assert any("notes.json" in line for line in s.skipped)
    q = next(q for q in s.questions if q.id == "slack-default")
    options = {o.id: o.text for o in QUIZ.question("slack-default").options}
    assert [(a.label, a.count, a.correct) for a in q.answers] == [(options["excluded"], 2, False),
                                                                  (options["included"], 1, True)]
    assert [a.label for a in q.wrong] == [options["excluded"]]
    assert q.explanation == QUIZ.question("slack-default").explanation
    tf = next(q for q in s.questions if q.id == "withdraw")
    assert [(a.label, a.count, a.correct) for a in tf.answers] == [("True", 3, True)]
    r = next(q for q in s.questions if q.id == "reflect-consent")
    # the unnamed students are numbered in the order of their files' names: the one who wrote is 1 or 2
    unnamed = [d for d in (json.loads(p.read_text()) for p in sorted(folder.glob("answers-every-type-*.json")))
               if d["student"] is None]
    n = next(i for i, d in enumerate(unnamed, 1) if "reflect-consent" in d["answers"])
    assert sorted(r.reflections) == [("Ada", "I changed my mind about defaults."),
                                     (f"unnamed {n}", "Opt-in is fairer.")]


def test_same_rows_as_kit_results(folder):
    rows, _ = collect(classroom.shared_files(folder))
    s = class_summary(folder, "every-type")
    assert sum(q.answered for q in s.questions) == len(rows)


def test_view_shows_chart_with_alt_text_table_wrong_answers_and_refresh(folder):
    view = ClassView(folder, "every-type")
    assert "3 students shared their answers" in text(view.count.value)
    body = view.body.value
    assert "<img" in body and "alt='Bar chart of the answers to question slack-default, 3 answered:" in body
    assert "<table class='kit-class-table'>" in body
    shown = text(body)
    assert "Most common wrong answers" in shown and QUIZ.question("slack-default").explanation.split("\n")[0][:40] \
        in shown
    assert "permissions" in shown and "can be listed by everyone" in shown  # tmp_path is not mode 3733
    assert "Ada: I changed my mind" in shown and re.search(r"unnamed [12]: Opt-in is fairer\.", shown)
    victim = sorted(folder.glob("answers-every-type-*.json"))[0]
    victim.unlink()  # a student stops sharing
    view.refresh_button.click()
    assert "2 students shared their answers" in text(view.count.value)


def test_show_class_results_without_a_folder_says_what_to_do(monkeypatch):
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    widget = kit.show_class_results()
    assert "No class folder" in text(widget.value)


def test_show_class_results_reads_a_folder_of_downloads(tmp_path, monkeypatch, every_type):
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    from kit import progress

    (tmp_path / "answers-every-type.json").write_text(progress.dump("every-type", {"withdraw": entry(False)}, "Bo"))
    view = kit.show_class_results(tmp_path, quiz="every-type")
    assert "1 students shared their answers" in text(view.count.value)
    assert "Bo" not in text(view.body.value)  # no reflection given: the name appears nowhere


# ------------------------------------------------------------------------------------------------ issue 27, item 7
def test_unnamed_students_are_labelled_apart_and_a_hint_alone_is_not_an_answer(tmp_path, monkeypatch):
    """The class view tells two unnamed students apart as kit results does ('unnamed 1', 'unnamed 2'), counts the
    students kit results counts, and does not count a student who only took a hint as having answered."""
    from kit import progress
    from kit.instructor.results import write_results

    d = tmp_path / "class"
    d.mkdir()
    hint_only = {"response": None, "attempts": 0, "hints": 1, "score": None, "correct": None}
    for home, name, reflection in (("h1", None, "Opt-in is fairer."), ("h2", None, "Defaults decide."),
                                   ("h3", "Ada", "It depends on who may act.")):
        monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / home))
        classroom.share("final", {"slack-default": hint_only, "reflect-consent": entry(reflection)}, name, d)
    # Ada's download of another quiz is in the folder too: one student, as kit results counts her
    (d / "answers-03-defaults-Ada.json").write_text(progress.dump("03-defaults", {"jg-germany": entry(12)}, "Ada"))
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    view = kit.show_class_results(d)
    assert "3 students shared their answers" in text(view.count.value)
    shown = text(view.body.value)
    r = next(q for q in view.summary.questions if q.id == "reflect-consent")
    assert sorted(who for who, _ in r.reflections) == ["Ada", "unnamed 1", "unnamed 2"]
    for who, words in r.reflections:
        assert f"{who}: {words}" in shown
    assert all(q.id != "slack-default" for q in view.summary.questions)  # three hints, no answer
    students, _, _ = write_results(classroom.shared_files(d), tmp_path / "out")
    assert students == view.summary.students == 3
