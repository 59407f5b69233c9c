"""The match-pairs question type, added as kit/questions/match_pairs.py, kit/ui/questions/match_pairs.py and one line
in kit/questions/TYPES: a quiz file, kit check, grading with partial credit per pair, the keyboard-ready input, saving
and restoring, the static form, French, release without keys and kit results follow with no other change."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, visible_text

from kit import progress
from kit.content import ContentError
from kit.content.quiz import load_quiz
from kit.i18n import set_language
from kit.quiz import grade
from kit.ui.quiz import QuizView

QUIZ = FIXTURES / "quizzes" / "match-vocabulary.yaml"
RIGHT = {"opt-in": "says-yes", "opt-out": "says-no", "default": "nobody-chooses"}


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    """Answers are saved in this test's own folder."""
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    return tmp_path / "saved"


@pytest.fixture
def quiz_data(data_copy):
    """The content folder with the match-pairs quiz among its quizzes."""
    shutil.copy(QUIZ, data_copy / "quizzes" / QUIZ.name)
    return data_copy


def matching(view):
    return next(v for v in view.questions if v.question.id == "defaults")


def choose(v, response):
    for o, d in zip(v.input.options, v.input.lists, strict=True):
        d.value = response.get(o.id)


def test_the_quiz_loads_and_the_answer_is_a_mapping():
    q = load_quiz(QUIZ).question("defaults")
    assert q.type == "match-pairs" and [m.id for m in q.matches][:2] == ["says-yes", "says-no"]
    assert dict(q.answer) == RIGHT


@pytest.mark.parametrize("old, new, field, words", [
    ("      default: nobody-chooses\n", "", "answer", "every option needs its match; missing: default"),
    ("default: nobody-chooses", "default: nobody", "answer", "'nobody' is not among the matches"),
    ("      opt-in: says-yes", "      opt-inn: says-yes", "answer", "'opt-inn' is not among the options"),
    ("    answer: true", "    answer: true\n    matches:\n      - {id: a, text: A}", "matches",
     "only a match-pairs question has matches; this one is true-false"),
    ("      - id: says-no\n", "      - id: says-yes\n", "id", "duplicate id: another match already has the id"),
])
def test_kit_check_names_the_question_and_the_field(tmp_path, old, new, field, words):
    text = QUIZ.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / QUIZ.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_quiz(path)
    p = next(p for p in info.value.problems if p.field == field)
    assert words in p.message and p.line is not None, str(p)


def test_partial_credit_per_pair():
    q = load_quiz(QUIZ).question("defaults")
    g = grade(q, {"opt-in": "says-yes", "opt-out": "says-no", "default": "withdraw"})
    assert round(g.score, 3) == 0.667 and not g.correct
    assert grade(q, RIGHT).correct


def test_answered_in_the_view_with_words_and_symbols():
    view = QuizView(load_quiz(QUIZ))
    v = matching(view)
    lists = v.input.lists
    assert all(d.description and d.tooltip for d in lists)  # named for a screen reader; a Dropdown takes the keyboard
    assert "opt-in" in lists[[o.id for o in v.input.options].index("opt-in")].tooltip
    choose(v, {"opt-in": "says-yes"})
    v.check_button.click()
    assert "⚠ Choose a match for every item first." in visible_text(v.feedback) and v.state.attempts == 0
    choose(v, {**RIGHT, "default": "withdraw"})
    v.check_button.click()
    assert "◐ Partly right: 67% of the marks." in visible_text(v.feedback)
    choose(v, RIGHT)
    v.check_button.click()
    assert "✔ Correct." in visible_text(v.feedback) and "the default is what happens" in visible_text(v.feedback)


def test_saved_restored_and_an_unusable_saved_answer_set_aside(answers_dir):
    view = QuizView(load_quiz(QUIZ))
    view.keep.save_box.value = True
    choose(matching(view), RIGHT)
    matching(view).check()
    saved = progress.load("match-vocabulary", view.keep.path).doc["answers"]["defaults"]
    assert saved["response"] == RIGHT and saved["score"] == 1.0
    again = QuizView(load_quiz(QUIZ))  # as after a kernel restart
    assert matching(again).input.response() == RIGHT and "✔ Correct." in visible_text(matching(again).feedback)
    progress.save("match-vocabulary", {"defaults": {"response": ["says-yes"], "attempts": 1}}, None, view.keep.path)
    third = QuizView(load_quiz(QUIZ))
    assert "expected each option id with the id of its match" in visible_text(third.keep.status)


def test_static_form_lists_the_items_and_the_choices_and_hides_the_answer():
    html = QuizView(load_quiz(QUIZ)).static_html()
    assert "Match each item with one of the choices" in html and "To choose from" in html
    shown, hidden = html.split("Show the answer", 1)
    assert "Taking back a consent given before." in shown
    assert "opt-in → Nothing happens until the person actively says yes." in hidden


def test_french_words_for_the_controls():
    set_language("fr")
    try:
        v = matching(QuizView(load_quiz(QUIZ)))
        assert v.input.lists[0].description == "L'élément 1 correspond à"
        choose(v, {"opt-in": "says-yes"})
        v.check_button.click()
        assert "Choisissez d'abord une correspondance pour chaque élément." in visible_text(v.feedback)
        assert "Associez chaque élément" in QuizView(load_quiz(QUIZ)).static_html()
    finally:
        set_language("en")


def test_translatable_texts_include_the_matches():
    from kit.content.quiz import Quiz
    from kit.content.translations import translatables
    from kit.content.yamlio import load_yaml

    paths = {t.path for t in translatables(Quiz, load_yaml(QUIZ))}
    assert "questions.defaults.matches.says-yes.text" in paths and "questions.defaults.options.opt-in.text" in paths


def test_release_without_keys_then_kit_results_grades_from_the_key(quiz_data, tmp_path, monkeypatch):
    from kit.instructor.class_results import class_summary
    from kit.instructor.release import strip_answer_keys
    from kit.instructor.results import collect

    student = tmp_path / "student-data"
    strip_answer_keys(quiz_data, student)
    monkeypatch.setenv("KIT_DATA", str(student))
    withheld = load_quiz("match-vocabulary")
    assert withheld.question("defaults").answer is None
    view = QuizView(withheld)
    choose(matching(view), {**RIGHT, "default": "withdraw"})
    matching(view).check()
    assert "✎ Answer recorded." in visible_text(matching(view).feedback)
    hand_in = tmp_path / "answers" / "answers-match-vocabulary-Ada.json"
    hand_in.parent.mkdir()
    hand_in.write_text(progress.dump("match-vocabulary", view.answers(), "Ada"), encoding="utf-8")
    monkeypatch.setenv("KIT_DATA", str(quiz_data))  # the instructor's own content, with the keys
    rows, _ = collect([hand_in])
    row = next(r for r in rows if r.question == "defaults")
    assert row.graded_by == "key" and round(row.score, 3) == 0.667 and row.correct is False
    summary = class_summary(hand_in.parent, "match-vocabulary")
    answer = next(q for q in summary.questions if q.id == "defaults").answers[0]
    assert "default → Taking back a consent given before." in answer.label and answer.correct is False
