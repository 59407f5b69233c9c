"""`python -m kit check`: passes on the shipped content, names file and field for a broken one."""

from __future__ import annotations

import subprocess
import sys

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
