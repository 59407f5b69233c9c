"""The kit on a real JupyterHub: three students (real unix users) open notebook 08, answer and share; the instructor's
class view shows three; one withdraws and disappears; no student can read, list or change another's shared file;
nothing is left running or created afterwards.

Needs root (to create the users; CI runs as root), ``make hub-env`` and ``make hub-proxy`` (``make test`` runs both)
and Debian's Chromium. It never skips: without them it fails saying what to do.
"""

from __future__ import annotations

import json
import os
import pwd
from pathlib import Path

import pytest
from playwright.sync_api import expect

from . import hubctl
from .students import (
    CLASS_NB,
    QUIZ,
    QUIZ_NB,
    choice_option,
    finish_run_all,
    open_notebook,
    option_text,
    press_run_all,
    question,
)

pytestmark = pytest.mark.browser

# The question each student answers in the final quiz (a one-choice question, read from the data), what each answers
# (one right, two the same wrong option) and the name they give (or none).
QID = "slack-as-consent"
RIGHT = QUIZ.question(QID).answer
WRONG = next(o.id for o in QUIZ.question(QID).options if o.id != RIGHT)
ANSWERS = [(RIGHT, "Ada"), (WRONG, None), (WRONG, None)]
# How long what a student or the instructor does may take to show (a kernel's answer through the hub): Playwright's
# 5 s default is too short on a loaded 2-core machine, where a Refresh once took longer.
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def hub(browser):
    """The hub, once the session's one Chromium (tests/conftest.py; it fails saying why if Chromium is missing) runs."""
    yield from hubctl.hub_for_a_test(3)


@pytest.fixture(scope="module")
def pages(hub, browser):
    """Each student logged in through the hub, notebook 08 run, one question answered, answers shared; and the
    instructor's class view open (``"instructor"``), opened while the students worked, as in class.

    The four servers start at once, and the four notebooks run at once (each in its own kernel): the test waits for
    the slowest, not for the sum.
    """
    out = {}
    try:
        hub.start_servers([*hub.students, hub.instructor])  # in parallel; the browser then logs in to each
        notebooks = {**dict.fromkeys(hub.students, QUIZ_NB), hub.instructor: CLASS_NB}
        opened = {name: open_notebook(browser, hub, name, nb) for name, nb in notebooks.items()}  # all load at once
        for name, page in opened.items():
            out[name] = press_run_all(page)
        out["instructor"] = out.pop(hub.instructor)
        _share_all(hub, out)
        finish_run_all(out["instructor"], hub.instructor, CLASS_NB)
    except Exception as e:  # the hub's log says why a server did not start
        raise AssertionError(f"{e}\n--- the hub's log ---\n{hub.log()[-4000:]}") from e
    return out


def _share_all(hub, out):
    for name, (oid, given) in zip(hub.students, ANSWERS, strict=True):
        page = finish_run_all(out[name], name, QUIZ_NB)
        share = page.locator(".kit-share")
        expect(share).to_contain_text("Share my answers with my instructor", timeout=WAIT_MS)
        expect(share).to_contain_text("How to stop", timeout=WAIT_MS)
        expect(share.locator(".kit-share-status")).to_contain_text("Not shared", timeout=WAIT_MS)
        box = question(page, QID)
        choice_option(box, QID, oid).click()
        box.locator(".widget-button", has_text="Check").click()
        expect(box.locator(".kit-quiz-feedback")).to_contain_text("Correct" if oid == RIGHT else "Not quite",
                                                                  timeout=WAIT_MS)
        if given:
            field = page.locator(".kit-quiz .widget-text", has_text="Name").locator("input")
            field.fill(given)
            field.press("Tab")
        share.locator(".widget-checkbox input").check()
        expect(share.locator(".kit-share-status")).to_contain_text("Shared with your instructor: 1 answers",
                                                                   timeout=WAIT_MS)


def _shared(hub) -> dict[str, dict]:
    """The class folder as root sees it: file name -> its JSON."""
    return {p.name: json.loads(p.read_text()) for p in sorted(hub.class_dir.glob("*.json"))}


def test_each_student_shares_through_the_hub_under_a_random_name(hub, pages):
    files = _shared(hub)
    assert len(files) == 3
    for name in hub.students:
        ident = (hub.home(name) / ".consent-kit" / "class-id").read_text().strip()
        path = hub.class_dir / f"answers-final-{ident}.json"
        assert path.name in files and name not in path.name
        st = os.stat(path)
        assert pwd.getpwuid(st.st_uid).pw_name == name and st.st_mode & 0o777 == 0o640
        assert os.stat(path).st_gid == os.stat(hub.class_dir).st_gid  # the instructors' group
    assert sorted(d["student"] or "" for d in files.values()) == ["", "", "Ada"]
    assert sorted(d["answers"][QID]["response"] for d in files.values()) == sorted([RIGHT, WRONG, WRONG])


def test_the_class_view_shows_three_then_two_after_one_withdraws(hub, pages):
    view = pages["instructor"].locator(".kit-class-view")
    view.locator("button", has_text="Refresh").click()  # the view was opened while the students were answering
    expect(view.locator(".kit-class-count")).to_contain_text("3 students shared their answers", timeout=WAIT_MS)
    expect(view).to_contain_text(option_text(QID, WRONG), timeout=WAIT_MS)
    expect(view.locator(f"img[alt^='Bar chart of the answers to question {QID}, 3 answered']")).to_have_count(
        1, timeout=WAIT_MS)
    expect(view).to_contain_text("Most common wrong answers", timeout=WAIT_MS)
    expect(view).not_to_contain_text("permissions")  # the folder is set up as the guide says (3733)

    leaver = pages[hub.students[2]]
    leaver.locator(".kit-share button", has_text="Stop sharing").click()
    expect(leaver.locator(".kit-share-status")).to_contain_text("Stopped sharing: your shared copy was deleted",
                                                                timeout=WAIT_MS)
    assert len(_shared(hub)) == 2
    view.locator("button", has_text="Refresh").click()
    expect(view.locator(".kit-class-count")).to_contain_text("2 students shared their answers", timeout=WAIT_MS)


def _probe(folder: str, other: str, own_id_file: str) -> dict:
    """What a student can do to the class folder and another student's file (run as that student)."""
    out = {}
    for what, action in [
        ("list", lambda: os.listdir(folder)),
        ("read", lambda: open(other).read()),  # noqa: SIM115
        ("write", lambda: open(other, "a").write("x")),  # noqa: SIM115
        ("delete", lambda: os.unlink(other)),
        ("rename", lambda: os.rename(other, other + ".mine")),
    ]:
        try:
            action()
            out[what] = "allowed"
        except PermissionError:
            out[what] = "denied"
    ident = Path(own_id_file).read_text().strip()
    out["own"] = json.loads(Path(folder, f"answers-final-{ident}.json").read_text())["quiz"]
    return out


def test_a_student_cannot_read_list_or_change_anothers_file(hub, pages):
    first, second = hub.students[:2]
    ident = (hub.home(first) / ".consent-kit" / "class-id").read_text().strip()
    other = str(hub.class_dir / f"answers-final-{ident}.json")
    before = Path(other).read_bytes()
    result = hub.as_user(second, _probe, str(hub.class_dir), other,
                         str(hub.home(second) / ".consent-kit" / "class-id"))
    assert result == {"ok": {"list": "denied", "read": "denied", "write": "denied", "delete": "denied",
                             "rename": "denied", "own": "final"}}
    assert Path(other).read_bytes() == before
    # The instructor can list and read every shared file.
    seen = hub.as_user(hub.instructor, lambda f: sorted(os.listdir(f)), str(hub.class_dir))
    assert len(seen["ok"]) == 2 and Path(other).name in seen["ok"]
    assert hub.as_user(hub.instructor, lambda p: json.loads(Path(p).read_text())["quiz"], other) == {"ok": "final"}
