"""Two students who shared the same answers without giving a name are two students in the class view and in
``kit results`` (seen on the real hub: the class view said 2 where 3 had shared). Each shared copy is named by its
student's own random identifier, so copies with different identifiers are never merged; a saved file and its
download, which carry no identifier, still count once."""

from __future__ import annotations

from kit import classroom, progress
from kit.instructor.class_results import class_summary
from kit.instructor.results import collect, read_files


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
