"""The sharing part of the quiz view, driven from Python: absent without a class folder, off by default, a notice
in plain words, the shared copy following the answers, Stop sharing deleting it and saying so."""

from __future__ import annotations

import html
import json
import re

import pytest
from conftest import FIXTURES, downloaded

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


# What the notice says is shared is what the shared copy holds (issue 20, item 6): in notebook 01 the writing boxes'
# text went into the shared copy while the notice named only "your answers to this quiz, your reflections".
SAID = {  # each kind of entry a shared copy can hold, and the words of the notice that name it
    "own": "your answers to this quiz, reflections included",
    "writing": "what you write in this notebook's writing boxes",
    "checklist": "your verdicts and reasons in its checklists",
    "claim": "your verdicts and evidence in its claim checker",
    "quiz": "your answers to its other quizzes",
}


def kind_of(key: str) -> str:
    return key.split(":", 1)[0] if ":" in key else "own"


def test_the_notice_names_every_kind_of_work_the_shared_copy_holds(folder, data_copy):
    import kit

    us = data_copy / "quizzes" / "04-us.yaml"  # a second quiz kept with this notebook's quiz
    us.write_text(us.read_text(encoding="utf-8").replace("save_with: law-discussion", "save_with: 02-policy"),
                  encoding="utf-8")
    writing = kit.show_writing("slack-questions")
    claims = kit.show_claim_checker("slack-2024")
    checklist = kit.show_checklist("slack-2024")
    other = kit.show_quiz("04-us")
    quiz = kit.show_quiz("02-policy")
    quiz.share.box.value = True
    writing.boxes[0].value = "A member could only ask an owner."
    claims.verdict.value = "contradicted"
    checklist.rows[0].verdict.value = "not-met"
    first = other.questions[0]
    first.input.radio.value = first.question.answer
    first.check_button.click()
    quiz.questions[0].check_button.click()  # nothing chosen: the quiz says so; then a hint, which is kept
    next(v for v in quiz.questions if v.hint_button).hint_button.click()

    (path,) = folder.iterdir()
    shared = json.loads(path.read_text(encoding="utf-8"))["answers"]
    kinds = {kind_of(k) for k in shared}
    assert kinds == set(SAID), f"every kind of work is in this copy: {sorted(kinds)}"
    notice = " ".join(text(quiz.share.notice).split())
    for kind in kinds:
        assert SAID[kind] in notice, f"the shared copy holds {kind} entries the notice does not name"
    assert notice.startswith("Sharing your answers with your instructor (optional) What is shared, the same as your "
                             "download: your answers to this quiz")
    assert "and the name in the Name box only if you typed one. Nothing else." in notice
    _name, doc = downloaded(quiz)
    assert doc["answers"] == shared  # the same as the download, as the notice says


def test_the_french_notice_names_the_same_kinds_in_french(folder):
    import kit
    from kit.content.language import speaking

    with speaking("fr"):
        notice = " ".join(text(kit.show_quiz("final").share.notice).split())
    for words in ("Ce qui est partagé (exactement ce que contient votre téléchargement)", "vos réponses à ce quiz",
                  "ce que vous écrivez dans les zones de texte de ce notebook",
                  "vos verdicts et leurs justifications dans ses grilles",
                  "vos verdicts et vos preuves dans le vérificateur de déclarations",
                  "vos réponses à ses autres quiz"):
        assert words in notice
    assert "What is shared" not in notice
