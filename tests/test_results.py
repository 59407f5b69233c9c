"""`python -m kit results`: answer files in, a CSV row per student and question and a chart out; bad files skipped."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit import progress
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
    assert "3 student file(s), 6 answer(s)" in captured.out
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6
    assert {r["student"] for r in rows} == {"Ada", "Ben", "Cy"}
    ben = next(r for r in rows if r["student"] == "Ben" and r["question"] == "member-included")
    assert (ben["response"], ben["score"], ben["correct"]) == ("excluded", "0.000", "no")
    assert (out / "summary.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    alt = (out / "summary.txt").read_text()
    assert "3 students" in alt and "member-included: mean score 67%" in alt


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
    assert "2 student file(s), 2 answer(s)" in said.out
    assert "counted once" in said.err and "answers-01-slack-case-Ada.json" in said.err and "'Ada'" in said.err
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["student"] for r in rows) == ["Ada", "Ben"]
