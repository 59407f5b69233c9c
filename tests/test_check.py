"""`python -m kit check`: passes on the shipped content, names file and field for a broken one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kit.instructor.cli import main
from tests.conftest import ROOT


def _check(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kit", "check", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env)


def test_shipped_content_is_valid():
    r = _check()
    assert r.returncode == 0, r.stderr
    assert "all content is valid" in r.stdout


def test_broken_content_exits_non_zero_naming_file_line_and_field(data_copy, tmp_path):
    path = data_copy / "cases" / "slack-2024" / "statements.yaml"
    path.write_text(path.read_text().replace("speaker: Slack support", "speakr: Slack support"))
    r = _check("--data", str(data_copy))
    assert r.returncode == 1
    assert "statements.yaml, line" in r.stderr
    assert "statement 'support-email'" in r.stderr
    assert "field 'speakr': unknown field: did you mean 'speaker'?" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_content_folder_is_one_line(tmp_path):
    r = _check("--data", str(tmp_path / "nope"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "no content folder" in r.stderr


# ------------------------------------------------------------------------------------------------ issue 27, item 7
def _slip(path, old: str) -> int:
    """Indent the line ``old`` one space too far (an instructor's slip); returns its line number."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    n = lines.index(old)
    lines[n] = " " + old
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def test_an_indentation_slip_in_a_quiz_is_reported_once_with_its_cause(data_copy):
    """One line indented one space too far: one problem, naming the line and what to do, and nothing blamed on the
    French translation of the quiz, which did nothing wrong."""
    path = data_copy / "quizzes" / "01-slack-case.yaml"
    line = _slip(path, "    type: multiple")
    r = _check("--data", str(data_copy))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    problems = [p for p in r.stderr.splitlines() if not p.startswith("kit check:")]
    assert problems == [f"{path}, line {line}: YAML syntax error: this line is indented 5 spaces, which lines it up "
                        f"with nothing above it: indent it as the entry it belongs to (4 spaces, as on line "
                        f"{line - 1})"]
    assert r.stderr.splitlines()[-1].startswith("kit check: 1 problem(s) found; checked ")


# A file every other check reads: the slip is reported once, in that file; what depends on it waits until it parses.
SLIPS = [
    ("research/defaults.yaml", "    year: 2003"),  # quizzes name its figures
    ("law/01-gdpr.yaml", "    reference: Art. 6(1)(a)"),  # the checklist and the glossary name its texts
    ("cases/slack-2024/timeline.yaml", "    date: 2020-10"),  # quizzes quote the case
    ("vocabulary.yaml", "    label: Choice and consent"),  # the glossary takes definitions from it; translated
    ("ui/en.yaml", '  seen-secondary: "◐ Seen only in a copy or quotation"'),  # ui/fr.yaml, twins/fr.yaml follow it
    ("ui/fr.yaml", '  seen-secondary: "◐ Lu seulement dans une copie ou une citation"'),  # twins/fr.yaml ties it
    ("twins/fr.yaml", None),  # the ties of every French string
    ("translations/fr/writing.yaml", None),  # its texts are not "missing", the file is unreadable
]


@pytest.mark.parametrize(("rel", "old"), SLIPS, ids=[rel for rel, _ in SLIPS])
def test_a_file_that_does_not_parse_is_reported_once_and_what_reads_it_is_skipped(data_copy, rel, old, capsys):
    path = data_copy / rel
    if old is None:  # the first 'key: value' line indented as the one before it
        lines = path.read_text(encoding="utf-8").split("\n")
        old = next(b for a, b in zip(lines, lines[1:], strict=False)
                   if a.startswith("  ") and b.startswith("  ") and not b.startswith("   ") and ": " in b
                   and a.split(":")[0].strip() and not a.rstrip().endswith(("|", ">", ">-")))
    line = _slip(path, old)
    assert main(["check", "--data", str(data_copy)]) == 1
    said = capsys.readouterr()
    problems = [p for p in said.err.splitlines() if not p.startswith("kit check:")]
    assert len(problems) == 1, "\n".join(problems[:8])
    assert problems[0].startswith(f"{path}, line {line}: YAML syntax error: this line is indented ")
