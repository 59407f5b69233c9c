"""Saving answers: restore in a new process, a killed writer leaves the last save intact, bad files are kept aside."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kit import progress

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {"slack-default": {"response": "included", "attempts": 1, "hints": 0, "score": 1.0, "correct": True}}


@pytest.fixture
def answers_dir(tmp_path, monkeypatch):
    d = tmp_path / "saved"
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(d))
    return d


def _python(code: str, env_dir: Path, **kw):
    env = {**os.environ, "KIT_ANSWERS_DIR": str(env_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def test_default_place_is_under_home_and_env_overrides(monkeypatch, tmp_path):
    monkeypatch.delenv("KIT_ANSWERS_DIR", raising=False)
    assert progress.answers_path("final") == Path.home() / ".consent-kit" / "answers-final.json"
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path))
    assert progress.answers_path("final") == tmp_path / "answers-final.json"


def test_save_then_restore_in_a_new_process(answers_dir):
    path = progress.save("final", ANSWERS, "Ada")
    assert path == answers_dir / "answers-final.json"
    proc = _python("import json; from kit import progress; l = progress.load('final');"
                   "print(json.dumps([l.doc['student'], l.answers]))", answers_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert json.loads(out) == ["Ada", ANSWERS]


def test_a_writer_killed_mid_save_leaves_the_previous_file_intact(answers_dir):
    progress.save("final", ANSWERS, "Ada")
    before = (answers_dir / "answers-final.json").read_text()
    # The child writes its temporary file, then stops just before the rename and is killed there.
    code = (
        "import os, sys, time\n"
        "from kit import progress\n"
        "def stop(src, dst):\n"
        "    print('WRITTEN', flush=True)\n"
        "    time.sleep(600)\n"
        "os.replace = stop\n"
        "progress.save('final', {'slack-default': {'response': 'excluded', 'score': 0.0}}, 'Ada')\n"
    )
    proc = _python(code, answers_dir)
    try:
        assert proc.stdout.readline().strip() == "WRITTEN"
        temps = [p for p in answers_dir.iterdir() if p.name.endswith(".tmp")]
        assert temps and "excluded" in temps[0].read_text()  # the new save was written, not yet renamed
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert (answers_dir / "answers-final.json").read_text() == before
    loaded = progress.load("final")
    assert loaded.problem is None and loaded.answers == ANSWERS


@pytest.mark.parametrize("content, words", [
    ('{"answers": {"q": ', "damaged"),
    ('{"some": "other program"}', "not a file of saved quiz answers"),
    ("\xff\xfe", "not valid JSON"),
])
def test_a_corrupt_or_foreign_file_is_reported_and_kept_aside(answers_dir, content, words):
    answers_dir.mkdir()
    path = answers_dir / "answers-final.json"
    path.write_text(content, encoding="utf-8")
    loaded = progress.load("final")
    assert words in loaded.problem and "answers-final.json" in loaded.problem
    assert loaded.answers == {}
    assert not path.exists()
    assert loaded.kept_aside.name.startswith("answers-final.json.corrupt-")
    assert loaded.kept_aside.read_text(encoding="utf-8") == content  # kept, byte for byte
    progress.save("final", ANSWERS)  # a new save goes to a fresh file, the old one stays aside
    assert loaded.kept_aside.exists() and progress.load("final").answers == ANSWERS


def test_save_never_overwrites_a_file_that_is_not_ours(answers_dir):
    answers_dir.mkdir()
    (answers_dir / "answers-final.json").write_text("my notes", encoding="utf-8")
    progress.save("final", ANSWERS)
    aside = [p for p in answers_dir.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_text() == "my notes"


def test_answers_for_another_quiz_are_refused():
    text = progress.dump("01-slack-case", ANSWERS)
    with pytest.raises(progress.AnswersError, match="quiz '01-slack-case', not to 'final'"):
        progress.parse(text, "final", "answers.json")


def test_data_uri_round_trips():
    import base64

    uri = progress.data_uri(progress.dump("final", ANSWERS))
    assert uri.startswith("data:application/json;charset=utf-8;base64,")
    doc = progress.parse(base64.b64decode(uri.split(",", 1)[1]), "final")
    assert doc["answers"] == ANSWERS
