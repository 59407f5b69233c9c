"""Sharing by consent, the logic: class folder, random identifier, atomic shared copy, withdrawal, permissions.

The same rules with real unix users (one student cannot read, list or change another's file) are tested in
tests/hub/test_permissions.py, which creates the users.
"""

from __future__ import annotations

import json
import os
import stat

from kit import classroom, progress
from kit.instructor.class_results import class_summary
from kit.instructor.results import collect, read_files


def _answers():
    return {"slack-default": {"response": "included", "attempts": 1, "hints": 0, "score": 1.0, "correct": True}}


def test_no_class_folder_configured_or_missing_means_no_sharing(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    assert classroom.class_dir() is None
    monkeypatch.setenv("KIT_CLASS_DIR", str(tmp_path / "nowhere"))
    assert classroom.class_dir() is None
    monkeypatch.setenv("KIT_CLASS_DIR", str(tmp_path))
    assert classroom.class_dir() == tmp_path


def test_identifier_is_random_private_and_kept_in_the_students_folder(tmp_path):
    a = classroom.student_id(tmp_path / "a")
    assert a == classroom.student_id(tmp_path / "a")
    assert a != classroom.student_id(tmp_path / "b")
    assert len(a) == 32 and int(a, 16) >= 0
    assert stat.S_IMODE(os.stat(tmp_path / "a" / "class-id").st_mode) == 0o600
    (tmp_path / "a" / "class-id").write_text("alice\n")  # not an identifier: replaced, never used as a name
    assert classroom.student_id(tmp_path / "a") not in ("alice", a)


def test_share_writes_a_private_copy_named_by_the_identifier_and_updates_it(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "home"))
    folder = tmp_path / "class"
    folder.mkdir()
    ident = classroom.student_id()
    path = classroom.share("final", _answers(), None, folder)
    assert path == folder / f"answers-final-{ident}.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    doc = progress.parse(path.read_bytes(), "final")
    assert doc["student"] is None and doc["answers"]["slack-default"]["response"] == "included"
    more = {**_answers(), "why": {"response": "Because.", "attempts": 1, "hints": 0, "score": None, "correct": None}}
    classroom.share("final", more, "Ada", folder)
    doc = json.loads(path.read_text())
    assert doc["student"] == "Ada" and set(doc["answers"]) == {"slack-default", "why"}
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left behind
    assert classroom.shared_files(folder) == [path]


def test_withdraw_deletes_the_shared_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "home"))
    folder = tmp_path / "class"
    folder.mkdir()
    classroom.share("final", _answers(), None, folder)
    assert classroom.is_shared("final", folder)
    assert classroom.withdraw("final", folder) is True
    assert list(folder.iterdir()) == [] and not classroom.is_shared("final", folder)
    assert classroom.withdraw("final", folder) is False


def test_folder_permissions_are_checked(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    folder.chmod(0o777)
    assert "listed by everyone" in classroom.folder_problem(folder)
    folder.chmod(0o733)
    assert "sticky" in classroom.folder_problem(folder)
    folder.chmod(0o3733)
    assert classroom.folder_problem(folder) is None


def test_a_killed_share_leaves_no_temporary_file_behind_for_ever(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    old = folder / ".0123456789abcdef.ab12cd34.tmp"  # what share() writes before its rename
    fresh = folder / ".fedcba9876543210.zz99yy88.tmp"  # perhaps another student's share under way
    theirs = folder / ".notes.tmp"  # not the kit's
    for p in (old, fresh, theirs):
        p.write_text("{")
    an_hour_ago = os.stat(old).st_mtime - progress.STALE_SECONDS - 60
    for p in (old, theirs):
        os.utime(p, (an_hour_ago, an_hour_ago))
    classroom.share("final", _answers(), None, folder, ident="0123abcd")
    names = sorted(p.name for p in folder.iterdir())
    assert old.name not in names
    assert fresh.name in names and theirs.name in names
    assert "answers-final-0123abcd.json" in names


# ---------------------------------------- two unnamed students with the same answers are two students
# Seen on the real hub: the class view said 2 where 3 had shared. Each shared copy is named by its student's own
# random identifier, so copies with different identifiers are never merged; a saved file and its download, which
# carry no identifier, still count once.
def entry(response):
    return {"response": response, "attempts": 1, "hints": 0, "score": None, "correct": None}


def share_as(tmp_path, monkeypatch, folder, home: str, name, answers):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / home))
    return classroom.share("final", answers, name, folder)


def test_two_unnamed_students_with_the_same_answers_are_both_counted(tmp_path, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    same = {"slack-default": entry("excluded")}
    share_as(tmp_path, monkeypatch, folder, "h1", "Ada", {"slack-default": entry("included")})
    a = share_as(tmp_path, monkeypatch, folder, "h2", None, same)
    b = share_as(tmp_path, monkeypatch, folder, "h3", None, same)
    assert a != b and a.read_text().split('"answers"')[1] == b.read_text().split('"answers"')[1]

    s = class_summary(folder)
    assert s.students == 3
    q = next(q for q in s.questions if q.id == "slack-default")
    assert sorted(a.count for a in q.answers) == [1, 2]
    assert s.skipped == ()  # nothing "counted once"
    rows, notes = collect(classroom.shared_files(folder))
    assert len({r.file for r in rows}) == 3 and notes == []


def test_a_saved_file_and_its_download_still_count_once(tmp_path):
    folder = tmp_path / "handed-in"
    folder.mkdir()
    text = progress.dump("final", {"slack-default": entry("excluded")}, None)
    (folder / "answers-final.json").write_text(text)
    (folder / "answers-final (1).json").write_text(text)
    docs, notes = read_files(sorted(folder.glob("*.json")))
    assert len(docs) == 1 and len(notes) == 1 and "counted once" in notes[0]


def test_shared_ident_reads_only_a_shared_copys_name():
    ident = "0123456789abcdef0123456789abcdef"
    assert classroom.shared_ident(classroom.shared_path("final", "/x", ident)) == ident
    assert classroom.shared_ident(classroom.shared_path("my-quiz", "/x", ident)) == ident
    assert classroom.shared_ident("answers-final.json") is None
    assert classroom.shared_ident("answers-final-Ada-Lovelace.json") is None
    assert classroom.shared_ident(f"notes-{ident}.json") is None
