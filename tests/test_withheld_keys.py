"""A student copy released without answer keys: its quizzes still work, record answers and say who grades them."""

from __future__ import annotations

import shutil

import pytest

import kit
from kit.content.quiz import load_quiz
from kit.instructor.release import strip_answer_keys
from kit.quiz import QuestionState, summarise
from tests.conftest import ROOT


@pytest.fixture
def student_data(tmp_path, monkeypatch):
    out = tmp_path / "student-data"
    strip_answer_keys(ROOT / "data", out)
    monkeypatch.setenv("KIT_DATA", str(out))
    return out


def test_student_copy_passes_kit_check_and_holds_no_answers(student_data):
    counts, problems = kit.check_all(student_data)
    assert problems == [], problems
    text = (student_data / "quizzes" / "final.yaml").read_text()
    assert "answer_keys: withheld" in text
    quiz = load_quiz("final")
    assert all(q.answer is None and q.explanation is None for q in quiz.questions)


def test_answers_are_recorded_not_graded(student_data):
    view = kit.show_quiz("01-slack-case")
    first = view.questions[0]
    choice = first.question.options[0].id
    first.input.set_response(choice)
    first.check_button.click()
    assert "✎ Answer recorded. Your instructor grades this quiz" in first.feedback.value
    assert "✔ Correct" not in first.feedback.value and "✘ Not quite" not in first.feedback.value
    assert view.answers()[first.question.id]["score"] is None


def test_a_missing_answer_is_still_an_error_when_keys_are_not_withheld(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "quizzes" / "01-slack-case.yaml"
    lines = path.read_text().splitlines(keepends=True)
    first_answer = next(i for i, ln in enumerate(lines) if ln.strip().startswith("answer:"))
    del lines[first_answer]
    path.write_text("".join(lines))
    counts, problems = kit.check_all(data)
    assert any(p.field == "answer" and "needs a correct answer" in p.message for p in problems)


def test_summary_counts_recorded_answers_apart_from_the_score(student_data):
    quiz = load_quiz("01-slack-case")
    q = next(q for q in quiz.questions if q.graded)
    state = QuestionState().submit(q, q.options[0].id if q.options else True)
    s = summarise(quiz, {q.id: state})
    assert s.recorded == 1 and s.max_score == 0 and s.score == 0


def _answers_file(path, entries, student):
    from kit import progress

    path.write_text(progress.dump("01-slack-case", entries, student), encoding="utf-8")
    return path


def test_results_grade_from_the_instructors_keys_not_from_the_file(tmp_path):
    from kit.instructor.results import collect

    quiz = load_quiz("01-slack-case")
    q = next(q for q in quiz.questions if q.type == "single")
    wrong = next(o.id for o in q.options if o.id != q.answer)
    files = [
        # Released without keys: the file holds answers but no scores.
        _answers_file(tmp_path / "ada.json", {q.id: {"response": q.answer, "attempts": 1, "hints": 0,
                                                     "score": None, "correct": None}}, "Ada"),
        # Edited by hand: a wrong answer claiming full marks.
        _answers_file(tmp_path / "ben.json", {q.id: {"response": wrong, "attempts": 1, "hints": 0,
                                                     "score": 1.0, "correct": True}}, "Ben"),
    ]
    rows, skipped = collect(files)
    by_student = {r.student: r for r in rows}
    assert skipped == []
    assert (by_student["Ada"].score, by_student["Ada"].correct, by_student["Ada"].graded_by) == (1.0, True, "key")
    assert (by_student["Ben"].score, by_student["Ben"].correct, by_student["Ben"].graded_by) == (0.0, False, "key")
