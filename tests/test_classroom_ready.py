"""Issue 16: what a student, an instructor and a class would notice, from Python (the browser half is in
tests/browser/test_classroom.py). Each test names the issue's item."""

from __future__ import annotations

import base64
import csv
import json
import re
import shutil

import pytest
from conftest import ROOT, visible_text

import kit
from kit import handin, progress
from kit.content.quiz import load_quiz
from kit.content.registry import check_all
from kit.instructor.cli import main
from kit.instructor.results import COLUMNS
from kit.ui.quiz import QuizView


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    d = tmp_path / "saved"
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(d))
    handin.clear()
    yield d
    handin.clear()


def view(quiz, qid):
    return next(v for v in quiz.questions if v.question.id == qid)


def answer(quiz, qid="slack-default", value="included"):
    v = view(quiz, qid)
    v.radio.value = value
    v.check()


def _download(quiz_or_view):
    m = re.search(r"download='([^']+)' href='data:application/json;charset=utf-8;base64,([^']+)'",
                  quiz_or_view.download.value)
    assert m, quiz_or_view.download.value
    return m.group(1), json.loads(base64.b64decode(m.group(2)))


# ------------------------------------------------------------------------ 3. Try again / Load ask before discarding
def test_try_again_asks_first_and_keeps_the_saved_file_until_confirmed(answers_dir):
    quiz = QuizView(load_quiz("final"))
    quiz.save_box.value = True
    answer(quiz)
    path = answers_dir / "answers-final.json"
    before = path.read_text(encoding="utf-8")
    assert "slack-default" in json.loads(before)["answers"]

    quiz.retry_button.click()
    assert "Clear every answer and start again?" in visible_text(quiz)
    assert path.read_text(encoding="utf-8") == before  # nothing lost yet
    assert view(quiz, "slack-default").radio.value == "included"
    quiz.retry_confirm.no.click()
    assert "Nothing changed" in visible_text(quiz.save_status) and not quiz.retry_confirm.visible
    assert path.read_text(encoding="utf-8") == before

    quiz.retry_button.click()
    quiz.retry_confirm.yes.click()
    assert view(quiz, "slack-default").radio.value is None
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {}
    backups = sorted(answers_dir.glob("answers-final.json.backup-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == before
    assert str(backups[0]) in visible_text(quiz.save_status)


def test_load_answers_asks_before_replacing_work_and_keeps_a_copy(answers_dir):
    quiz = QuizView(load_quiz("final"))
    quiz.save_box.value = True
    quiz.student.value = "Ada"
    answer(quiz)
    path = answers_dir / "answers-final.json"
    before = path.read_text(encoding="utf-8")
    other = progress.dump("final", {"withdraw": {"response": True, "attempts": 1, "hints": 0}}, "Ben")
    assert quiz.load_text(other.encode(), "ben.json") is False
    assert "Replace the answers on this page with those in ben.json?" in visible_text(quiz)
    assert quiz.student.value == "Ada" and path.read_text(encoding="utf-8") == before
    quiz.load_confirm.yes.click()
    assert quiz.student.value == "Ben" and view(quiz, "withdraw").radio.value is True
    assert view(quiz, "slack-default").radio.value is None
    assert [p.read_text(encoding="utf-8") for p in answers_dir.glob("answers-final.json.backup-*")] == [before]
    assert "✔ Loaded answers from ben.json" in visible_text(quiz.save_status)


# ------------------------------------------------------------------------------ 4. somewhere to write, handed in
def test_writing_is_saved_downloaded_and_listed_by_results(answers_dir, tmp_path):
    writing = kit.show_writing("policy-reflection")
    assert len(writing.boxes) == 2 and all(b.description for b in writing.boxes)
    claims = kit.show_claim_checker("slack-2024")
    quiz = QuizView(load_quiz("02-policy"))
    quiz.save_box.value = True
    writing.boxes[0].value = "A change of practice: before.p1.s2 still allows it."
    claims.verdict.value = "contradicted"
    claims.evidence.value = claims.evidence.options[1][1]
    claims.check_button.click()
    saved = json.loads((answers_dir / "answers-02-policy.json").read_text(encoding="utf-8"))["answers"]
    assert saved["writing:policy-reflection:1"]["response"].startswith("A change of practice")
    assert any(k.startswith("claim:") and v["response"]["verdict"] == "contradicted" for k, v in saved.items())
    _name, doc = _download(quiz)
    assert doc["answers"]["writing:policy-reflection:1"] == saved["writing:policy-reflection:1"]

    handin.clear()  # a new kernel: the box is filled again from the saved file
    again = kit.show_writing("policy-reflection")
    QuizView(load_quiz("02-policy"))
    assert again.boxes[0].value.startswith("A change of practice")

    out = tmp_path / "results"
    assert main(["results", str(answers_dir / "answers-02-policy.json"), "--out", str(out)]) == 0
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    row = next(r for r in rows if r["question"] == "writing:policy-reflection:1")
    assert row["response"].startswith("A change of practice") and row["score"] == ""
    chart = out / "summary.txt"  # the chart is of quiz questions only: this file has none
    assert not chart.exists() or "writing:" not in chart.read_text(encoding="utf-8")


def test_a_notebook_without_a_quiz_saves_writing_and_checklist_reasons(answers_dir):
    checklist = kit.show_checklist("slack-2024")
    row = checklist.rows[0]
    row.verdict.value = "not-met"
    row.reason.value = "Only owners could act."
    checklist.compare_button.click()
    writing = kit.show_writing("law-discussion")
    assert "Save my answers" in visible_text(writing) and "Download my answers" in visible_text(writing)
    writing.student.value = "Zoë O'Brien"
    writing.boxes[2].value = "A right to say yes."
    name, doc = _download(writing)
    assert name == "answers-law-discussion-Zoe-O-Brien.json"
    assert doc["answers"]["writing:law-discussion:3"]["response"] == "A right to say yes."
    key = f"checklist:slack-2024:{row.condition.id}"
    assert doc["answers"][key]["response"] == {"verdict": "not-met", "reason": "Only owners could act."}
    assert not answers_dir.exists()  # nothing saved without the opt-in
    writing.save_box.value = True
    assert key in json.loads((answers_dir / "answers-law-discussion.json").read_text(encoding="utf-8"))["answers"]


def test_every_write_a_few_sentences_prompt_has_a_box():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and re.search(r"write (a few|one) sentences?", text, re.I) \
                    and "checklist" not in text:
                nxt = "".join(cells[i + 1]["source"])
                assert "kit.show_writing(" in nxt, f"{path.name}, cell {i + 1}: a writing prompt without a box"


# ------------------------------------------------------------------------------------------- 8. quiz details
def test_a_word_for_a_number_is_told_it_is_not_a_number():
    quiz = QuizView(load_quiz("final"))
    v = view(quiz, "jg-germany")
    v.number.value = "twelve"
    v.check()
    said = visible_text(v.feedback)
    assert "“twelve” is not a number" in said and "12" in said and "Give an answer first" not in said
    assert v.state.attempts == 0


def test_ordering_starts_empty_and_refuses_an_item_twice():
    quiz = QuizView(load_quiz("final"))
    v = view(quiz, "slack-order")
    assert all(d.value is None for d in v.slots)
    v.check()
    assert "Give an answer first" in visible_text(v.feedback) and v.state.attempts == 0
    first = v.question.answer[0]
    for d in v.slots:
        d.value = first
    v.check()
    said = visible_text(v.feedback)
    assert "Each item goes in one position only" in said and v.question.option(first).text in said
    assert v.state.attempts == 0 and v.state.grade is None
    for d, right in zip(v.slots, v.question.answer, strict=True):
        d.value = right
    v.check()
    assert "✔ Correct." in visible_text(v.feedback)
    quiz.retry_button.click()
    quiz.retry_confirm.yes.click()
    assert all(d.value is None for d in v.slots)


def test_options_do_not_print_the_figures_the_question_asks_about():
    for quiz_id in ("03-defaults", "final"):
        for q in load_quiz(quiz_id).questions:
            if q.type in ("single", "multiple") and re.search(r"\b(lowest|highest)\b", q.text):
                for o in q.options:
                    assert not re.search(r"\d\s*%", o.text), f"{quiz_id}/{q.id}: option '{o.text}' gives it away"


def test_the_download_link_has_its_own_heading():
    quiz = QuizView(load_quiz("final"))
    headings = [c.value for c in quiz.children if hasattr(c, "value") and isinstance(c.value, str) and "<h4" in
                c.value]
    link = t_link = re.search(r"class='kit-download'>([^<]+)<", quiz.download.value).group(1)
    assert headings and all(t_link not in hd for hd in headings), (headings, link)


# ------------------------------------------------------------------------------------ 9. kit results CSV columns
def test_results_csv_rows_are_as_wide_as_the_header_and_graded_by_is_written(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ada.json").write_text(progress.dump("01-slack-case", {
        "slack-default": {"response": "included", "attempts": 2, "hints": 1, "score": 0.0, "correct": False},
        "not-in-the-quiz": {"response": "x", "attempts": 1, "hints": 0, "score": 0.5, "correct": False},
    }, "Ada"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["results", str(d / "ada.json"), "--out", str(out)]) == 0
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == list(COLUMNS)
    assert all(len(r) == len(COLUMNS) for r in table), [len(r) for r in table]
    rows = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    key = next(r for r in rows if r["question"] == "slack-default")
    assert (key["score"], key["correct"], key["graded_by"], key["attempts"], key["hints"]) == \
        ("1.000", "yes", "key", "2", "1")
    own = next(r for r in rows if r["question"] == "not-in-the-quiz")
    assert (own["score"], own["correct"], own["graded_by"], own["attempts"]) == ("0.500", "no", "file", "1")
    assert re.match(r"\d{4}-\d\d-\d\dT", own["saved_at"])


# ------------------------------------------------------------------------- 10. named downloads, no double counting
def test_downloads_are_named_after_the_quiz_and_the_student():
    assert progress.download_name("final", "Zoë O'Brien / 2B") == "answers-final-Zoe-O-Brien-2B.json"
    assert progress.download_name("final", "../../etc") == "answers-final-etc.json"
    assert progress.download_name("final", "  ") == "answers-final.json"
    quiz = QuizView(load_quiz("final"))
    quiz.student.value = "Ada Lovelace"
    assert _download(quiz)[0] == "answers-final-Ada-Lovelace.json"


def test_results_counts_a_student_once_and_says_so(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    answers = {"slack-default": {"response": "included", "attempts": 1, "hints": 0}}
    saved = progress.dump("01-slack-case", answers, "Ada")
    (d / "answers-01-slack-case.json").write_text(saved.replace('"saved_at": "', '"saved_at": "0'),
                                                  encoding="utf-8")
    (d / "answers-01-slack-case-Ada.json").write_text(saved, encoding="utf-8")
    (d / "ben.json").write_text(progress.dump("01-slack-case", answers, "Ben"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["results", *map(str, sorted(d.iterdir())), "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 student file(s), 2 answer(s)" in said.out
    assert "counted once" in said.err and "answers-01-slack-case-Ada.json" in said.err and "'Ada'" in said.err
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["student"] for r in rows) == ["Ada", "Ben"]


# ---------------------------------------------------------------------- 11. include documented, problems once
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
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    assert "include: [01-slack-case" in guide


def test_notebook_text_does_not_count_what_the_data_decides():
    counts = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(quick\s+|short\s+)?" \
             r"(questions|reflections)\b"
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        if not any("show_quiz(" in "".join(c["source"]) for c in cells):
            continue
        for i, cell in enumerate(cells, 1):
            if cell["cell_type"] == "markdown" and "instructor" not in cell["metadata"].get("tags", []):
                m = re.search(counts, "".join(cell["source"]), re.I)
                assert not m, f"{path.name}, cell {i}: '{m.group(0)}' will be wrong when the quiz data changes"


def test_released_folder_holds_what_import_kit_needs(tmp_path):
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    folder = tmp_path / "rel" / "notebooks"
    assert (folder / "kit" / "__init__.py").is_file() and (folder / "kit" / "ui" / "quiz.py").is_file()
    assert (folder / "data" / "writing.yaml").is_file() and not list(folder.rglob("__pycache__"))
    nb6 = (folder / "08_final_quiz.ipynb").read_text(encoding="utf-8")
    assert "For instructors" not in nb6 and "kit results" not in nb6
