"""python -m kit: the help lists every command; every error is one clear line and a non-zero exit, no traceback."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit.content.errors import ContentError, NotFound, Problem
from kit.instructor import cli
from kit.instructor.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).resolve().parent / "fixtures" / "release"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          timeout=120)


def one_line_error(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_help_lists_every_command_with_a_one_line_help():
    result = run("--help")
    assert result.returncode == 0
    listed = {}
    for line in result.stdout.splitlines():
        words = line.split(maxsplit=1)
        if line.startswith("    ") and len(words) == 2:
            listed[words[0]] = words[1]
    for command in ("check", "release", "new-case", "results"):
        assert command in listed, result.stdout
        assert len(listed[command]) > 20  # a real sentence, on the command's own line


def test_no_command_prints_the_help_and_fails():
    result = run()
    assert result.returncode == 2
    assert "release" in result.stdout and "new-case" in result.stdout


def test_each_command_has_its_own_help():
    for command in ("check", "release", "new-case"):
        result = run(command, "--help")
        assert result.returncode == 0 and f"python -m kit {command}" in result.stdout


# --------------------------------------------------------------------------------------- error paths
# (arguments, exit code, what the one line says); {tmp} is a fresh temporary folder.
ERRORS = [
    (["frobnicate"], 2, "kit: unknown command 'frobnicate': the commands are check, "),
    (["check", "--data", "{tmp}/nowhere"], 2, "kit check: no content folder at "),
    (["check", "--colour"], 2, "kit check: unrecognized arguments: --colour"),
    (["release"], 2, "kit release: the following arguments are required: --out"),
    (["release", "--out", "{tmp}/out", "--notebooks", "{tmp}/nowhere"], 2, "kit release: no notebooks folder at "),
    (["release", "--out", "{tmp}/full", "--notebooks", str(FIX)], 2,
     "already exists and is not empty: choose a new one"),
    (["release", "--out", "{tmp}/out", "--notebooks", "{tmp}/empty"], 2, "kit release: no notebooks (.ipynb files) in"),
    (["release", "--out", "{tmp}/out", "--notebooks", "{tmp}/broken"], 1, "kit release: cannot read "),
    (["release", "--out", "{tmp}/out", "--notebooks", "{tmp}/unbalanced"], 1,
     "kit release: x.ipynb, cell 1 (id 'a'): '# BEGIN SOLUTION' without a matching '# END SOLUTION'"),
    (["release", "--out", "{tmp}/out", "--notebooks", str(FIX), "--without-answer-keys", "--data", "{tmp}/nowhere"],
     2, "kit release: no content folder at "),
    (["new-case"], 2, "kit new-case: the following arguments are required: ID"),
    (["new-case", "Acme Notes"], 2, "kit new-case: 'Acme Notes' is not a valid case id: use lower-case letters"),
    (["new-case", "slack-2024"], 2, "kit new-case: data/cases/slack-2024 already exists: choose another id"),
    (["new-case", "acme-2030", "--data", "{tmp}/nowhere"], 2, "kit new-case: no content folder at "),
]


@pytest.fixture
def tmp(tmp_path) -> Path:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "x.ipynb").write_text("{not json", encoding="utf-8")
    (tmp_path / "unbalanced").mkdir()
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "a", "metadata": {}, "outputs": [],
                     "source": "# BEGIN SOLUTION\nx = 1"}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "unbalanced" / "x.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return tmp_path


def _args(args: list[str], tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in args]


@pytest.mark.parametrize(("args", "code", "says"), ERRORS, ids=[" ".join(a) for a, _, _ in ERRORS])
def test_error_in_a_subprocess(tmp, args, code, says):
    result = run(*_args(args, tmp))
    assert result.returncode == code
    assert says in one_line_error(result.stderr)
    assert not (tmp / "out").exists()
    assert (tmp / "full" / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize(("args", "code", "says"), ERRORS, ids=[" ".join(a) for a, _, _ in ERRORS])
def test_error_in_process(tmp, args, code, says, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    try:
        returned = main(_args(args, tmp))
    except SystemExit as e:  # argparse's own errors leave through SystemExit, as they do on the command line
        returned = e.code
    assert returned == code
    assert says in one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize("error", [ContentError([Problem("data/x.yaml", 3, None, "title", "is empty")]),
                                   PermissionError(13, "Permission denied", "/ro/out")])
def test_a_kit_error_or_a_file_system_error_is_one_line(tmp, capsys, monkeypatch, error):
    def boom(*_a, **_k):
        raise error

    monkeypatch.setattr("kit.instructor.cli.release", boom)
    assert main(["release", "--out", str(tmp / "out")]) == 1
    assert one_line_error(capsys.readouterr().err) == f"kit release: {str(error).splitlines()[0]}"


def test_a_bug_keeps_its_traceback(tmp, monkeypatch):
    """The README's promise: anything that is not the kit's own error is a bug, and a bug is not hidden."""
    def boom(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("kit.instructor.cli.release", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["release", "--out", str(tmp / "out")])


def test_kit_debug_keeps_the_traceback_of_a_kit_error(tmp, monkeypatch):
    def boom(*_a, **_k):
        raise NotFound("no quiz 'x'")

    monkeypatch.setattr("kit.instructor.cli.release", boom)
    monkeypatch.setenv("KIT_DEBUG", "1")
    with pytest.raises(NotFound, match="no quiz 'x'"):
        main(["release", "--out", str(tmp / "out")])


def test_successful_commands_say_what_they_did(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "cases").mkdir(parents=True)
    assert main(["new-case", "acme-2030", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "acme-2030" in out and "run 'python -m kit check'" in out
    assert main(["release", "--out", str(tmp_path / "rel"), "--notebooks", str(FIX), "--instructor"]) == 0
    assert "wrote the instructor version of" in capsys.readouterr().out
    assert cli.COMMANDS[:1] == ["check"]


# ------------------------------------------------------------------------------------------------ issue 27, item 7
def test_prepare_and_results_take_data_as_check_does(data_copy, tmp_path, monkeypatch, capsys):
    """--data names the content folder prepare parses and results grades with; a missing one is one line."""
    from kit import progress

    monkeypatch.delenv("KIT_DATA")  # the kit's own data/ by default: only --data points at the copy
    quiz = data_copy / "quizzes" / "01-slack-case.yaml"
    quiz.write_text(quiz.read_text().replace("    answer: included\n", "    answer: profile\n", 1))
    hand_in = tmp_path / "ada.json"
    hand_in.write_text(progress.dump("01-slack-case", {"member-included": {"response": "profile"}}, "Ada"))
    assert main(["results", str(hand_in), "--out", str(tmp_path / "out"), "--data", str(data_copy)]) == 0
    with open(tmp_path / "out" / "answers.csv", newline="", encoding="utf-8") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["correct"], row["graded_by"]) == ("yes", "key")  # the copy's key, not the kit's
    sources = data_copy / "cases" / "slack-2024" / "sources.yaml"
    sources.write_text(sources.read_text().replace("id: tidbits-forum-mea-culpa", "id: tidbits", 1))
    assert main(["prepare", "--data", str(data_copy)]) == 0
    assert "left out the case slack-2024" in capsys.readouterr().err  # it read the copy
    assert main(["figures", "--data", str(data_copy)]) == 0  # its old name, in hub images built before
    assert "kit figures: left out the case slack-2024" in capsys.readouterr().err
    for command in (["results", str(hand_in)], ["prepare"]):
        assert main([*command, "--data", str(tmp_path / "nowhere")]) == 2
        assert one_line_error(capsys.readouterr().err) == \
            f"kit {command[0]}: no content folder at {tmp_path / 'nowhere'}"


def test_a_command_lists_the_problems_it_met_as_check_does(data_copy, capsys):
    """'46 problems in the content:' and nothing after the colon: the problems are listed, the first ones and how
    many more."""
    from argparse import Namespace

    from kit.content.research import load_research
    from kit.instructor.cli import _error_lines

    research = data_copy / "research" / "defaults.yaml"
    research.write_text(research.read_text().replace("  - id: johnson-goldstein-2003\n", "  - id: jg-2003\n", 1))
    with pytest.raises(ContentError) as e:
        load_research()
    err = _error_lines(Namespace(command="results", data=None), e.value)
    count = int(err[0].split()[2])
    assert count > 10 and err[0] == f"kit results: {count} problems in the content:"
    assert len(err) == 12 and all("field 'study': unknown study 'johnson-goldstein-2003'" in e for e in err[1:11])
    assert all(e.startswith(str(research)) for e in err[1:11])
    assert err[11] == f"kit results: and {count - 10} more: 'python -m kit check' lists them all"


def test_every_variable_the_kit_reads_is_documented():
    """KIT_DATA (how the notebooks and the commands follow another content folder) was documented only in the code:
    each variable the kit reads is in the README, and KIT_DATA in both operations documents (moved there from the
    instructor guides, issue 22)."""
    import re

    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kit").rglob("*.py"))
    read = set(re.findall(r"(?:environ(?:\.get\(|\[)|cache_folder\()\"(KIT_[A-Z_]+)\"", code))  # the caches' too
    assert {"KIT_DATA", "KIT_CLASS_DIR", "KIT_PARSE_CACHE"} <= read
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(v for v in read if f"`{v}" not in readme) == []
    for guide in ("operations.md", "exploitation.md"):
        text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
        assert "`KIT_DATA" in text and "--data" in text, guide
