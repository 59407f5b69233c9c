"""Quiz files: the real ones load; every kind of mistake is one ContentError naming file, question and field."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT

from kit.content import ContentError, check_all
from kit.content.quiz import load_quiz, quiz_ids
from kit.questions import names

GOOD = """\
id: demo
title: A demo quiz
questions:
  - id: one
    type: single
    text: Pick a.
    options:
      - id: a
        text: Option A
        feedback: Yes.
      - id: b
        text: Option B
    answer: a
    explanation: Because.
    hints: [Think.]
    sources:
      - url: https://example.org/a
        status: seen-primary
  - id: many
    type: multiple
    text: Pick a and c.
    options:
      - id: a
        text: A
      - id: b
        text: B
      - id: c
        text: C
        keep_last: true
    answer: [a, c]
    explanation: Because.
  - id: tf
    type: true-false
    text: True?
    answer: true
    explanation: Because.
  - id: num
    type: numeric
    text: How many?
    answer: 12
    tolerance: 0.5
    unit: "%"
    explanation: Because.
  - id: order
    type: ordering
    text: Order them.
    options:
      - id: x
        text: X
      - id: y
        text: Y
    answer: [x, y]
    explanation: Because.
  - id: think
    type: reflection
    text: What do you think?
    model_answer: A model.
    discussion: [A point.]
"""


def _write(tmp_path, monkeypatch, text, name="demo.yaml"):
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder / name


def test_the_kits_quizzes_load_and_have_enough_questions():
    ids = quiz_ids()
    assert {"01-slack-case", "02-policy", "03-defaults", "final"} <= set(ids)
    final = load_quiz("final")
    assert len(final.questions) >= 15
    used = {q.type for q in final.questions}  # every registered type, or most: another may live in a test quiz
    assert used <= set(names()) and len(used) >= 6
    for q in final.questions:
        if q.graded:
            # a source of its own, or figures and quotations whose records carry their sources
            assert q.explanation and (q.sources or q.figures or q.quotes), q.id
    assert [q.id for q in final.questions[:4]] == [q.id for q in load_quiz("01-slack-case").questions]


def test_kit_check_covers_quizzes():
    counts, problems = check_all()
    assert counts["quizzes"] >= 4
    assert not [p for p in problems if "quizzes" in p.file]


def test_good_demo_loads(tmp_path, monkeypatch):
    quiz = load_quiz(_write(tmp_path, monkeypatch, GOOD))
    assert [q.type for q in quiz.questions] == ["single", "multiple", "true-false", "numeric", "ordering",
                                                "reflection"]
    assert quiz.question("many").option("c").keep_last


def R(old, new):
    def edit(text):
        assert old in text, f"fixture changed: {old!r} not found"
        return text.replace(old, new, 1)

    return edit


# (id, edit, question id named in the entry (None: the quiz), field, words in the message)
MALFORMED = [
    ("unknown-type", R("type: single", "type: singel"), "one", "type", "did you mean 'single'"),
    ("answer-not-among-choices", R("    answer: a\n", "    answer: z\n"), "one", "answer", "'z' is not among"),
    ("multiple-answer-not-among", R("answer: [a, c]", "answer: [a, d]"), "many", "answer", "'d' is not among"),
    ("no-correct-answer", R("    answer: a\n", ""), "one", "answer", "needs a correct answer"),
    ("empty-multiple-answer", R("answer: [a, c]", "answer: []"), "many", "answer", "at least one correct"),
    ("duplicate-question-id", R("  - id: many", "  - id: one"), "one", "id", "duplicate id"),
    ("duplicate-option-id", R("      - id: b\n        text: Option B", "      - id: a\n        text: Option B"),
     "one", "id", "duplicate id"),
    ("empty-text", R("text: Pick a.", "text: '  '"), "one", "text", "is empty"),
    ("empty-option-text", R("text: Option B", "text: ''"), "one", "text", "is empty"),
    ("tolerance-on-single", R("    explanation: Because.\n    hints", "    tolerance: 1\n    explanation: Because.\n"
                                                                     "    hints"),
     "one", "tolerance", "only a numeric question has a tolerance"),
    ("negative-tolerance", R("tolerance: 0.5", "tolerance: -1"), "num", "tolerance", "0 or more"),
    ("numeric-answer-not-number", R("answer: 12", "answer: twelve"), "num", "answer", "expected a number"),
    ("true-false-answer-not-bool", R("answer: true", "answer: maybe"), "tf", "answer", "expected true or false"),
    ("ordering-missing-item", R("answer: [x, y]", "answer: [x]"), "order", "answer", "missing: y"),
    ("ordering-twice", R("answer: [x, y]", "answer: [x, y, x]"), "order", "answer", "twice"),
    ("reflection-with-answer", R("model_answer: A model.", "model_answer: A model.\n    answer: yes"),
     "think", "answer", "not graded"),
    ("reflection-without-model", R("    model_answer: A model.\n", ""), "think", "model_answer", "missing"),
    ("model-answer-on-graded", R("answer: true", "answer: true\n    model_answer: No."), "tf", "model_answer",
     "only a reflection"),
    ("one-option", R("      - id: b\n        text: Option B\n", ""), "one", "options", "at least two options"),
    ("options-on-numeric", R("unit: \"%\"", "unit: \"%\"\n    options:\n      - id: q\n        text: Q"),
     "num", "options", "has no options"),
    ("zero-attempts", R("hints: [Think.]", "hints: [Think.]\n    attempts: 0"), "one", "attempts", "at least 1"),
    ("missing-explanation", R("answer: true\n    explanation: Because.\n", "answer: true\n"), "tf",
     "explanation", "needs an explanation"),
    ("unknown-field", R("hints: [Think.]", "hint: [Think.]"), "one", "hint", "did you mean 'hints'"),
    ("bad-source-status", R("status: seen-primary", "status: seen"), "one", "sources[1].status", "expected one of"),
    ("bad-source-url", R("url: https://example.org/a", "url: example.org/a"), "one", "sources[1].url", "http"),
    ("unit-on-single", R("hints: [Think.]", "hints: [Think.]\n    unit: '%'"), "one", "unit",
     "only a numeric question has a unit"),
    ("keep-last-on-ordering", R("      - id: y\n        text: Y", "      - id: y\n        text: Y\n"
                                                                  "        keep_last: true"),
     "order", "options", "keep_last"),
    ("quiz-id-not-file", R("id: demo", "id: other"), None, "id", "file's name"),
    ("missing-type", R("    type: true-false\n", ""), "tf", "type", "missing"),
]


@pytest.mark.parametrize("case_id, edit, qid, field, words", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_quiz_names_file_question_and_field(tmp_path, monkeypatch, case_id, edit, qid, field, words):
    path = _write(tmp_path, monkeypatch, edit(GOOD))
    with pytest.raises(ContentError) as info:
        load_quiz(path)
    problems = info.value.problems
    hits = [p for p in problems if p.field == field]
    assert hits, f"no problem names the field {field!r}: {[str(p) for p in problems]}"
    p = hits[0]
    assert p.file == "quizzes/demo.yaml"
    if qid is None:
        assert p.entry == "quiz 'other'"
    else:
        assert p.entry.startswith(f"quiz 'demo', question '{qid}'"), p.entry
    assert words in p.message, str(p)
    assert p.line is not None
    assert f"field '{field}'" in str(info.value)


def test_include_of_unknown_quiz_is_named(tmp_path, monkeypatch):
    path = _write(tmp_path, monkeypatch, GOOD.replace("title: A demo quiz", "title: A demo quiz\ninclude: [nope]"))
    with pytest.raises(ContentError) as info:
        load_quiz(path)
    assert info.value.first.field == "include[1]"
    assert "unknown quiz 'nope'" in info.value.first.message


def test_unknown_quiz_id_lists_the_quizzes():
    with pytest.raises(ContentError) as info:
        load_quiz("no-such-quiz")
    assert "final" in str(info.value)


def test_options_do_not_print_the_figures_the_question_asks_about():
    for quiz_id in ("03-defaults", "final"):
        for q in load_quiz(quiz_id).questions:
            if q.type in ("single", "multiple") and re.search(r"\b(lowest|highest)\b", q.text):
                for o in q.options:
                    assert not re.search(r"\d\s*%", o.text), f"{quiz_id}/{q.id}: option '{o.text}' gives it away"


def test_a_problem_in_an_included_quiz_is_reported_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "quizzes" / "01-slack-case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("answer: included", "answer: nowhere", 1), encoding="utf-8")
    _counts, problems = check_all(data)
    lines = [str(p) for p in problems]
    assert len(lines) == 1 and "01-slack-case.yaml" in lines[0], lines
    assert "include:" in (ROOT / "data" / "quizzes" / "final.yaml").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert "include: [01-slack-case" in guide


def test_a_language_the_kit_has_not_is_named_with_those_it_has(tmp_path, monkeypatch):
    """The languages are those with UI strings (data/ui/<language>.yaml), not a list in the code."""
    path = _write(tmp_path, monkeypatch, GOOD.replace("title: A demo quiz", "title: A demo quiz\nlanguage: de"))
    with pytest.raises(ContentError) as info:
        load_quiz(path)
    p = info.value.first
    assert (p.entry, p.field) == ("quiz 'demo'", "language")
    assert "expected one of 'en', 'fr' (the languages with UI strings in data/ui), got 'de'" in p.message


def test_an_option_yaml_reads_as_a_number_is_shown_as_it_was_written(tmp_path, monkeypatch):
    """Issue 26 item 7: YAML reads 12.50 as the number 12.5; an option is text, so it shows 12.50, as written."""
    from kit.ui.quiz import QuizView

    path = _write(tmp_path, monkeypatch, GOOD.replace("text: Option A", "text: 12.50").replace("text: Option B",
                                                                                                 "text: 1_000"))
    q = load_quiz(path).question("one")
    assert [o.text for o in q.options] == ["12.50", "1_000"]
    labels = [label for label, _id in QuizView(load_quiz(path)).questions[0].input.radio.options]
    assert sorted(labels) == ["12.50", "1_000"]
