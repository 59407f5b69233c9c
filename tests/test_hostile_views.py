"""Issue 11, what a student sees: broken UI strings (class 1), answers files the quiz cannot use (class 5) and bad
arguments to ``kit.show_*`` (class 6) each give a readable message in the view, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import time

import pytest
from conftest import visible_text

import kit
from kit import progress
from kit.content.cache import clear
from kit.content.quiz import load_quiz
from kit.ui.quiz import QuizView
from kit.ui.style import style_tag


# ------------------------------------------------------------------------------------- class 1: broken UI strings
def _unreadable(data, monkeypatch):
    """As root can read any file, an unreadable en.yaml is simulated where the kit opens it."""
    import builtins

    from kit.content import yamlio

    real_open = builtins.open

    def fake_open(path, *args, **kwargs):
        if str(path).endswith(os.path.join("ui", "en.yaml")):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(yamlio, "open", fake_open, raising=False)


BREAKAGES = {
    "broken": lambda d, mp: (d / "ui" / "en.yaml").write_text("common: [unclosed\n"),
    "missing": lambda d, mp: (d / "ui" / "en.yaml").unlink(),
    "empty": lambda d, mp: (d / "ui" / "en.yaml").write_text(""),
    "a-directory": lambda d, mp: ((d / "ui" / "en.yaml").unlink(), (d / "ui" / "en.yaml").mkdir()),
    "unreadable": _unreadable,
    "error-key-gone": lambda d, mp: (d / "ui" / "en.yaml").write_text(
        (d / "ui" / "en.yaml").read_text().replace("  error: ", "  eror: ").replace("  pick: ", "  pik: ", 1)),
    "placeholder-renamed": lambda d, mp: (d / "ui" / "en.yaml").write_text(
        (d / "ui" / "en.yaml").read_text().replace('"Event {n} of {total}"', '"Event {n} of {count}"')
        .replace('"⚠ {message}"', '"⚠ {problem}"')),
}


@pytest.mark.parametrize("how", list(BREAKAGES))
def test_a_view_shows_a_readable_error_whatever_is_wrong_with_the_ui_strings(data_copy, monkeypatch, how):
    BREAKAGES[how](data_copy, monkeypatch)
    clear()
    out = kit.show_case_timeline("slack-2024")
    shown = visible_text(out)
    assert "kit-error" in out._dom_classes, shown
    assert "⚠" in shown and "en.yaml" in shown, shown
    assert "Traceback" not in shown
    bundle = out._repr_mimebundle_()  # the static forms (saved notebook, book) need no UI string either
    assert "⚠" in bundle["text/plain"] and "en.yaml" in bundle["text/plain"], bundle["text/plain"]
    assert "en.yaml" in bundle["text/html"]


@pytest.mark.parametrize("how", ["broken", "empty", "a-directory", "error-key-gone", "placeholder-renamed"])
def test_kit_check_fails_on_broken_ui_strings(data_copy, monkeypatch, how):
    BREAKAGES[how](data_copy, monkeypatch)
    clear()
    _counts, problems = kit.check_all(data_copy)
    assert any(p.file.endswith("en.yaml") for p in problems), problems


# ------------------------------------------------------------------------------- class 5: unusable answers files
@pytest.fixture
def answers_dir(tmp_path, monkeypatch):
    d = tmp_path / "saved"
    d.mkdir()
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(d))
    return d


def _qid(quiz, qtype):
    return next(q.id for q in quiz.questions if q.type == qtype)


def _doc(answers, quiz="final"):
    return {"format": progress.FORMAT, "version": 1, "quiz": quiz, "student": None, "saved_at": "2024-01-01",
            "answers": answers}


WRONG = {
    "list-for-single": lambda q: {_qid(q, "single"): {"response": ["a", "b"]}},
    "number-for-ordering": lambda q: {_qid(q, "ordering"): {"response": 5}},
    "dict-for-multiple": lambda q: {_qid(q, "multiple"): {"response": {"a": 1}}},
    "text-for-true-false": lambda q: {_qid(q, "true-false"): {"response": "yes"}},
    "list-for-numeric": lambda q: {_qid(q, "numeric"): {"response": [1]}},
    "nan-for-numeric": lambda q: {_qid(q, "numeric"): {"response": float("nan")}},
    "type-changed-multiple-to-single": lambda q: {_qid(q, "single"): {"response": ["included"], "attempts": 1}},
    "nested-lists-in-ordering": lambda q: {_qid(q, "ordering"): {"response": [[["x"]]]}},
    "attempts-as-text": lambda q: {_qid(q, "single"): {"response": None, "attempts": "three"}},
}


@pytest.mark.parametrize("how", list(WRONG))
def test_well_formed_answers_that_do_not_fit_are_set_aside_and_the_quiz_opens(answers_dir, how):
    quiz = load_quiz("final")
    path = answers_dir / "answers-final.json"
    path.write_text(json.dumps(_doc(WRONG[how](quiz))))
    view = QuizView(quiz)
    shown = visible_text(view.keep.status)
    assert "answers-final.json" in shown and "does not fit the quiz" in shown, shown
    assert not path.exists() and any(".corrupt-" in p.name for p in answers_dir.iterdir())
    assert len(view.questions) == len(quiz.questions)  # the quiz opened, empty


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"format": ' + "9" * 5000 + "}",
                                  '{"a": ' * 50_000 + "1" + "}" * 50_000])
def test_json_nested_too_deep_or_too_long_is_set_aside(answers_dir, text):
    path = answers_dir / "answers-final.json"
    path.write_text(text)
    view = QuizView(load_quiz("final"))
    assert "damaged" in visible_text(view.keep.status) and not path.exists()


def test_uploaded_answers_that_do_not_fit_are_refused_in_words(answers_dir):
    quiz = load_quiz("final")
    view = QuizView(quiz)
    ok = view.load_text(json.dumps(_doc(WRONG["list-for-single"](quiz))), "mine.json")
    assert not ok and "mine.json does not fit the quiz" in visible_text(view.keep.status)


def test_a_read_only_answers_folder_is_said_in_the_view(answers_dir, monkeypatch):
    def refuse(*_a, **_k):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(progress.tempfile, "mkstemp", refuse)
    view = QuizView(load_quiz("final"))
    view.keep.save_box.value = True
    shown = visible_text(view.keep.status)
    assert "read-only" in shown and str(answers_dir) in shown and "Download" in shown


def test_a_bad_file_in_a_read_only_folder_is_reported_not_raised(answers_dir, monkeypatch):
    (answers_dir / "answers-final.json").write_text("{not json")

    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(progress.os, "replace", refuse)
    view = QuizView(load_quiz("final"))
    shown = visible_text(view.keep.status)
    assert "answers-final.json is damaged" in shown and "could not be set aside" in shown


def test_stale_temporary_files_of_killed_saves_are_cleaned_up_and_nothing_else(answers_dir):
    old = time.time() - 2 * progress.STALE_SECONDS
    stale = answers_dir / ".answers-final.json.k3j_9x2a.tmp"
    fresh = answers_dir / ".answers-final.json.abcd1234.tmp"  # a save in progress elsewhere: too young to touch
    other = [answers_dir / "notes.tmp", answers_dir / ".answers-final.json.tmp",
             answers_dir / "answers-final.json.x.tmp"]
    for p in [stale, fresh, *other]:
        p.write_text("{")
        if p is not fresh:
            os.utime(p, (old, old))
    QuizView(load_quiz("final"))
    assert not stale.exists()
    assert fresh.exists() and all(p.exists() for p in other)


# ---------------------------------------------------------------------------- class 6: bad arguments to show_*
BAD_CALLS = [
    ("show_case_timeline", ("slak-2024",), {}, "slack-2024"),
    ("show_case_timeline", (None,), {}, "slack-2024"),
    ("show_timeline_plot", (42,), {}, "slack-2024"),
    ("show_case_summary", ("",), {}, "slack-2024"),
    ("show_questions", (["slack-2024"],), {}, "slack-2024"),
    ("show_opt_out", ("slack-2024", "ceo"), {}, "primary-owner"),
    ("show_opt_out", ("slack-2024",), {"role": 3}, "primary-owner"),
    ("show_simulation", ("nope",), {}, "slack-as-it-was"),
    ("show_simulation", (7,), {}, "slack-as-it-was"),
    ("show_quiz", ("finale",), {}, "final"),
    ("show_quiz", (None,), {}, "final"),
    ("show_quiz", ("final",), {"seed": [1]}, "seed"),
    ("show_quiz", (), {}, "quiz_id"),
    ("show_quiz", ("final",), {"sed": 1}, "quiz_id, seed"),
    ("show_version_comparer", ("slack-2024", "privacy"), {}, "privacy-principles"),
    ("show_vocabulary", ("zoom",), {}, "zoom-2023"),
    ("show_claim_checker", (3.5,), {}, "slack-2024"),
    ("show_law", (5,), {}, "gdpr-art-7-3"),
    ("show_law", (["gdpr-art-7-3", "nope"],), {}, "gdpr-art-7-3"),
    ("show_checklist", ("acme",), {}, "slack-2024"),
    ("show_cases_table", ("x",), {}, "takes"),
    ("show_status_key", (), {"x": 1}, "takes"),
    ("show_class_results", (".",), {"quiz": "finale"}, "final"),
    ("show_class_results", (5,), {}, "folder"),
    ("show_writing", ("nope",), {}, "writing set"),
    ("show_writing", (["x"],), {}, "set_id"),
    ("show_regimes", ("public-post",), {}, "public-posts"),
    ("show_regimes", (3,), {}, "content"),
    ("show_audit", ("pasta",), {}, "paste, reading, claims, checklist, redesign, report"),
    ("show_audit", (), {}, "step"),
    ("show_audit", (2,), {}, "step"),
    ("show_audit_rubric", ("x",), {}, "takes"),
    ("show_class_results", (".",), {"quiz": "audits"}, "audit"),
]


@pytest.mark.parametrize("name,args,kwargs,names", BAD_CALLS, ids=[f"{c[0]}-{i}" for i, c in enumerate(BAD_CALLS)])
def test_a_bad_argument_is_one_line_naming_what_exists(name, args, kwargs, names):
    out = getattr(kit, name)(*args, **kwargs)
    shown = visible_text(out)
    assert "kit-error" in out._dom_classes, shown
    assert names in shown, shown
    message = out.value.removeprefix(style_tag())  # every view carries the kit's stylesheet first (kit.ui.style)
    assert "Traceback" not in shown and "\n" not in message  # one line
