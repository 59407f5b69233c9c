"""The sharing part of the quiz view, driven from Python: absent without a class folder, off by default, a notice
in plain words, the shared copy following the answers, Stop sharing deleting it and saying so."""

from __future__ import annotations

import html
import json
import re

import pytest
from conftest import FIXTURES

from kit.content.quiz import load_quiz
from kit.ui.quiz import QuizView

#: A question of every type (tests/fixtures/quizzes): the saving machinery, whatever the kit's quizzes hold.
EVERY = FIXTURES / "quizzes" / "every-type.yaml"


def text(widget) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


def all_text(widget) -> str:
    out = [text(widget)] if hasattr(widget, "value") and isinstance(widget.value, str) else []
    out += [getattr(widget, "description", "") or ""]
    for child in getattr(widget, "children", ()):
        out.append(all_text(child))
    return " ".join(out)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    d = tmp_path / "class"
    d.mkdir()
    monkeypatch.setenv("KIT_CLASS_DIR", str(d))
    return d


def answer_default(quiz):
    v = next(v for v in quiz.questions if v.question.id == "slack-default")
    v.input.radio.value = "included"
    v.check_button.click()


def test_without_a_class_folder_the_option_does_not_appear(monkeypatch):
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    quiz = QuizView(load_quiz(EVERY))
    assert quiz.share is None
    assert "Share my answers" not in all_text(quiz)


def test_off_by_default_with_a_plain_notice(folder):
    quiz = QuizView(load_quiz(EVERY))
    answer_default(quiz)
    assert quiz.share.box.value is False and list(folder.iterdir()) == []
    notice = text(quiz.share.notice)
    for words in ("What is shared", "With whom", "Where", str(folder), "For how long", "How to stop"):
        assert words in notice
    assert quiz.share.box.description == "Share my answers with my instructor"
    assert quiz.share.stop_button.layout.display == "none"
    assert "Not shared" in text(quiz.share.status)


def test_sharing_follows_the_answers_and_stop_deletes_it(folder):
    quiz = QuizView(load_quiz(EVERY))
    quiz.share.box.value = True
    (path,) = folder.iterdir()
    assert json.loads(path.read_text())["answers"] == {}
    assert "Shared with your instructor: 0 answers" in text(quiz.share.status)
    answer_default(quiz)
    doc = json.loads(path.read_text())
    assert doc["answers"]["slack-default"]["response"] == "included" and doc["student"] is None
    quiz.keep.student.value = "Ada"
    assert json.loads(path.read_text())["student"] == "Ada"
    assert quiz.share.stop_button.layout.display is None
    quiz.share.stop_button.click()
    assert list(folder.iterdir()) == []
    assert quiz.share.box.value is False
    assert "Stopped sharing: your shared copy was deleted" in text(quiz.share.status)
    answer_default(quiz)  # answering more after stopping shares nothing
    assert list(folder.iterdir()) == []


def test_a_new_view_remembers_sharing_without_overwriting_it(folder):
    quiz = QuizView(load_quiz(EVERY))
    quiz.share.box.value = True
    answer_default(quiz)
    (path,) = folder.iterdir()
    before = path.read_text()
    again = QuizView(load_quiz(EVERY))  # e.g. after a kernel restart, answers not saved locally
    assert again.share.box.value is True and path.read_text() == before
    assert "You are sharing" in text(again.share.status)


def test_a_failed_write_says_so(folder):
    quiz = QuizView(load_quiz(EVERY))
    folder.rmdir()
    quiz.share.box.value = True
    assert "Could not share your answers" in text(quiz.share.status)


def test_the_notice_promises_privacy_only_where_the_folder_keeps_students_apart(folder, monkeypatch):
    # A folder the student owns and can list (one account for everyone, or an open folder): no promise.
    notice = text(QuizView(load_quiz(EVERY)).share.notice)
    assert "Other students cannot read" not in notice
    assert "not set up to keep students apart" in notice
    # Set up as the instructor guide says (mode 3733, owned by the instructor): the promise is true, so it is made.
    folder.chmod(0o3733)
    monkeypatch.setattr("kit.classroom.os.getuid", lambda: folder.stat().st_uid + 1)
    notice = text(QuizView(load_quiz(EVERY)).share.notice)
    assert "Other students cannot read, list or change your copy" in notice
