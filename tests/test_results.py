"""`python -m kit results`: answer files in, a CSV row per student and question and a chart out; bad files skipped."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit import progress
from kit.content.quiz import load_quiz
from kit.instructor.cli import main
from kit.instructor.results import COLUMNS, collect, summary

ROOT = Path(__file__).resolve().parent.parent


def _class(tmp_path: Path) -> list[Path]:
    d = tmp_path / "handed-in"
    d.mkdir()
    files = []
    for name, resp, score in [("Ada", "included", 1.0), ("Ben", "excluded", 0.0), ("Cy", "included", 1.0)]:
        p = d / f"{name.lower()}.json"
        p.write_text(progress.dump("01-slack-case", {
            "member-included": {"response": resp, "attempts": 1, "hints": 0, "score": score, "correct": score == 1},
            "who-could-act": {"response": ["primary-owner"], "attempts": 1, "hints": 1, "score": 1 / 3,
                          "correct": False},
        }, name), encoding="utf-8")
        files.append(p)
    broken = d / "dee.json"
    broken.write_text('{"format": "consent-kit-answers", "version": 1, "quiz": "01-sl', encoding="utf-8")
    files.append(broken)
    return files


def test_collect_skips_a_damaged_file_and_counts_the_rest(tmp_path):
    rows, skipped = collect(_class(tmp_path))
    assert len(rows) == 6
    assert len(skipped) == 1 and "dee.json" in skipped[0] and "damaged" in skipped[0]
    stats = {s.question: s for s in summary(rows)}
    assert stats["member-included"].answered == 3 and stats["member-included"].fully_right == 2
    assert abs(stats["member-included"].mean_score - 2 / 3) < 1e-9


def test_cli_writes_csv_chart_and_alt_text(tmp_path, capsys):
    files = _class(tmp_path)
    out = tmp_path / "out"
    code = main(["results", *map(str, files), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    err_lines = [line for line in captured.err.splitlines() if line]
    assert len(err_lines) == 1 and "dee.json" in err_lines[0] and "Traceback" not in captured.err
    assert "3 student(s), 6 answer(s)" in captured.out
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6
    assert {r["student"] for r in rows} == {"Ada", "Ben", "Cy"}
    ben = next(r for r in rows if r["student"] == "Ben" and r["question"] == "member-included")
    assert (ben["response"], ben["score"], ben["correct"]) == ("excluded", "0.000", "no")
    assert (out / "summary.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    alt = (out / "summary.txt").read_text()
    default = load_quiz("01-slack-case").question("member-included").text
    assert "students: 3)" in alt and f"“{default}”: mean score 67%" in alt


def test_cli_with_only_damaged_files_fails_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("nope", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "kit", "results", str(bad), str(tmp_path / "missing.json"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "bad.json" in proc.stderr and "missing.json" in proc.stderr
    assert "no answers could be read" in proc.stderr


def test_cli_without_files_is_a_one_line_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["results"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kit") and "FILE" in err and "\n" not in err


def test_results_csv_rows_are_as_wide_as_the_header_and_graded_by_is_written(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ada.json").write_text(progress.dump("01-slack-case", {
        "member-included": {"response": "included", "attempts": 2, "hints": 1, "score": 0.0, "correct": False},
        "not-in-the-quiz": {"response": "x", "attempts": 1, "hints": 0, "score": 0.5, "correct": False},
    }, "Ada"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["results", str(d / "ada.json"), "--out", str(out)]) == 0
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == list(COLUMNS)
    assert all(len(r) == len(COLUMNS) for r in table), [len(r) for r in table]
    rows = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    key = next(r for r in rows if r["question"] == "member-included")
    assert (key["score"], key["correct"], key["graded_by"], key["attempts"], key["hints"]) == \
        ("1.000", "yes", "key", "2", "1")
    own = next(r for r in rows if r["question"] == "not-in-the-quiz")
    assert (own["score"], own["correct"], own["graded_by"], own["attempts"]) == ("0.500", "no", "file", "1")
    assert re.match(r"\d{4}-\d\d-\d\dT", own["saved_at"])


def test_results_counts_a_student_once_and_says_so(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    answers = {"member-included": {"response": "included", "attempts": 1, "hints": 0}}
    saved = progress.dump("01-slack-case", answers, "Ada")
    (d / "answers-01-slack-case.json").write_text(saved.replace('"saved_at": "', '"saved_at": "0'),
                                                  encoding="utf-8")
    (d / "answers-01-slack-case-Ada.json").write_text(saved, encoding="utf-8")
    (d / "ben.json").write_text(progress.dump("01-slack-case", answers, "Ben"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["results", *map(str, sorted(d.iterdir())), "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 student(s), 2 answer(s)" in said.out
    assert "counted once" in said.err and "answers-01-slack-case-Ada.json" in said.err and "'Ada'" in said.err
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["student"] for r in rows) == ["Ada", "Ben"]


# ------------------------------------------------------------------------------------------------ issue 27, item 7
def _unnamed(quiz: str, answers: dict, saved_at: str) -> str:
    """An answers file saved without a name at ``saved_at`` (what 'Save my answers' writes when the Name box is
    empty)."""
    doc = json.loads(progress.dump(quiz, answers, None))
    doc["saved_at"] = saved_at
    return json.dumps(doc)


def _csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_each_unnamed_file_is_a_student_of_its_own_labelled_apart_with_its_file(tmp_path, monkeypatch, capsys):
    """Two students who typed no name both hand in answers-01-slack-case.json (from two folders), with the same
    answers: two students, told apart in the CSV; a lone unnamed notebook 04 file is a third, not a student called
    'answers-law-discussion'."""
    monkeypatch.chdir(tmp_path)
    same = {"slack-default": {"response": "excluded", "attempts": 1, "hints": 0, "score": 0.0, "correct": False}}
    for room, at in (("room-a", "2024-05-20T10:00:00+00:00"), ("room-b", "2024-05-20T10:07:00+00:00")):
        (tmp_path / room).mkdir()
        (tmp_path / room / "answers-01-slack-case.json").write_text(_unnamed("01-slack-case", same, at))
    (tmp_path / "room-b" / "answers-law-discussion.json").write_text(_unnamed(
        "law-discussion", {"writing:law-discussion:1": {"response": "Only if the no is as easy as the yes."}},
        "2024-05-21T09:00:00+00:00"))
    files = ["room-a/answers-01-slack-case.json", "room-b/answers-01-slack-case.json",
             "room-b/answers-law-discussion.json"]
    assert main(["results", *files, "--out", "out"]) == 0
    said = capsys.readouterr()
    assert "counted once" not in said.err
    assert said.out.startswith("kit results: 3 student(s), 3 answer(s) -> ")
    assert [(r["student"], r["file"], r["quiz"]) for r in _csv(tmp_path / "out" / "answers.csv")] == [
        ("unnamed 1", "room-a/answers-01-slack-case.json", "01-slack-case"),
        ("unnamed 2", "room-b/answers-01-slack-case.json", "01-slack-case"),
        ("unnamed 3", "answers-law-discussion.json", "law-discussion")]
    assert "students: 2)" in (tmp_path / "out" / "summary.txt").read_text()  # the chart's, not 04's
    # the same files, the same labels, whatever order they are given in; in French in a French CSV
    assert main(["results", *reversed(files), "--out", "fr", "--lang", "fr"]) == 0
    assert sorted((r["étudiant"], r["fichier"]) for r in _csv(tmp_path / "fr" / "answers.csv")) == [
        ("sans nom 1", "room-a/answers-01-slack-case.json"), ("sans nom 2", "room-b/answers-01-slack-case.json"),
        ("sans nom 3", "answers-law-discussion.json")]


def test_files_of_one_student_are_one_student_whatever_quizzes_they_hold(tmp_path, capsys):
    """Ada's quiz file and her notebook 04 file are one student; an unnamed copy of one save (the saved file and its
    download) is one student, counted once."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "ada-01.json").write_text(progress.dump("01-slack-case", {
        "slack-default": {"response": "included", "attempts": 1, "hints": 0}}, "Ada"))
    (d / "ada-04.json").write_text(progress.dump("law-discussion", {
        "writing:law-discussion:1": {"response": "A yes is free when a no costs nothing."}}, " Ada  "))
    copy = _unnamed("01-slack-case", {"slack-default": {"response": "excluded", "attempts": 1, "hints": 0}},
                    "2024-05-20T10:00:00+00:00")
    (d / "answers-01-slack-case.json").write_text(copy)
    (d / "answers-01-slack-case (1).json").write_text(copy)
    assert main(["results", *map(str, sorted(d.iterdir())), "--out", str(tmp_path / "out")]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("kit results: 2 student(s), 3 answer(s) -> ")
    assert [line for line in said.err.splitlines() if "counted once" in line] == [
        f"kit results: counted once: {d / 'answers-01-slack-case (1).json'} and {d / 'answers-01-slack-case.json'} "
        f"both hold answers of the same unnamed student to the quiz '01-slack-case'; kept "
        f"{d / 'answers-01-slack-case.json'} (saved last), left out {d / 'answers-01-slack-case (1).json'}"]
    assert sorted(r["student"] for r in _csv(tmp_path / "out" / "answers.csv")) == ["Ada", "Ada", "unnamed 1"]


def test_chart_names_questions_by_their_text_and_a_hint_alone_is_not_an_answer(tmp_path, data_copy):
    """The chart's labels and its alt text say what each question asked (shortened on the chart), with the quiz only
    where two labels would read the same; a student who only took a hint did not answer."""
    from kit.content.cache import clear
    from kit.instructor.results import summary_alt, summary_figure

    # A recap quiz that repeats 01-slack-case's questions: the same question in two quizzes, two labels.
    (data_copy / "quizzes" / "recap.yaml").write_text(
        "id: recap\ntitle: A recap\ninclude: [01-slack-case]\nquestions: []\n", encoding="utf-8")
    clear()
    d = tmp_path / "in"
    d.mkdir()
    hint_only = {"response": None, "attempts": 0, "hints": 1, "score": None, "correct": None}
    (d / "ada.json").write_text(progress.dump("01-slack-case", {
        "member-included": {"response": "included", "attempts": 1, "hints": 0}, "who-could-act": hint_only}, "Ada"))
    (d / "ben.json").write_text(progress.dump("01-slack-case", {
        "member-included": {"response": "excluded", "attempts": 1, "hints": 0},
        "who-could-act": {"response": ["primary-owner", "org-owner"], "attempts": 1, "hints": 0}}, "Ben"))
    (d / "cy.json").write_text(progress.dump("recap", {
        "member-included": {"response": "included", "attempts": 1, "hints": 0}}, "Cy"))
    rows, _ = collect(sorted(d.iterdir()))
    quiz = load_quiz("01-slack-case")
    default, who = quiz.question("member-included").text, quiz.question("who-could-act").text
    stats = summary(rows)
    assert [(s.quiz, s.question, s.answered) for s in stats] == [
        ("01-slack-case", "member-included", 2), ("01-slack-case", "who-could-act", 1), ("recap", "member-included", 1)]
    labels = [t.get_text() for t in summary_figure(stats).axes[0].get_yticklabels()]
    assert len(labels) == 3 and len(set(labels)) == 3
    for label, text, s in zip(labels, (default, who, default), stats, strict=True):
        shown = label.split(" (")[0]  # the text, then the quiz where needed
        assert shown.rstrip("…") in text and len(shown) <= 50 and s.question not in label
    assert "01-slack-case" in labels[0] and "recap" in labels[2] and not labels[1].endswith(")")
    alt = summary_alt(stats, 3)
    assert f"“{who}”: mean score " in alt and ", 1 answered," in alt.split(who)[1]
    assert f"“{default}” (01-slack-case): mean score 50%, 2 answered" in alt
    assert f"“{default}” (recap): mean score 100%, 1 answered" in alt
