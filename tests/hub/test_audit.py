"""The audit on a real JupyterHub (issue 21): two students (real unix users) audit a service in notebook 07 and
share their audits with the instructor; the instructor's class view lists both, the instructor scores one and
exports the grade sheet, which a CSV reader reads back. The scores stay in the instructor's home (mode 0600), never
in the class folder; axe finds nothing serious or critical in the class view. Nothing is left running or created.

Needs root, ``make hub-env`` and ``make hub-proxy`` and Debian's Chromium, as tests/hub/test_hub.py does.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pwd

import pytest
from playwright.sync_api import expect

from kit.content.audit import load_audit
from tests.browser.conftest import axe_scan, describe
from tests.conftest import FIXTURES

from . import hubctl
from .students import CLASS_NB, finish_run_all, open_notebook, press_run_all

pytestmark = pytest.mark.browser

AUDIT_NB = "notebooks/07_audit.ipynb"
POLICY = (FIXTURES / "audit" / "policy.txt").read_text(encoding="utf-8")
STATEMENTS = (FIXTURES / "audit" / "statements.txt").read_text(encoding="utf-8").split("\n---\n")
WAIT_MS = 60_000
#: What each student calls the service they audit, and the name they give (or none).
STUDENTS = [("Quillnote's improve setting", "Ada"), ("Quillnote, business accounts", None)]


@pytest.fixture(scope="module")
def hub(browser):
    yield from hubctl.hub_for_a_test(len(STUDENTS), log_name="hub-audit")


def _choose(select, label: str) -> None:
    """Choose the option of a one-choice list whose words are ``label`` (an option's label has its spaces
    collapsed, as a browser gives it)."""
    select.select_option(label=label)


def _fill(box, text: str) -> None:
    box.fill(text)
    box.press("Tab")  # the kit takes a box's text when the student leaves it


def _audit_and_share(page, service: str, name: str | None) -> None:
    paste = page.locator(".kit-audit-paste")
    _fill(paste.locator(".widget-text input").first, service)
    _fill(paste.locator(".widget-textarea textarea").nth(0), POLICY)
    _fill(paste.locator(".widget-textarea textarea").nth(1), STATEMENTS[0])
    if name:
        _fill(paste.locator(".kit-keep .widget-text input"), name)
    row = page.locator(".kit-audit-claim").first
    expect(row).to_be_visible(timeout=WAIT_MS)
    _fill(row.locator(".widget-textarea textarea").first, "Nothing trains without permission.")
    _choose(row.locator("select"), "Contradicted by the policy")
    _fill(row.locator(".widget-text input"), "5")
    expect(row).to_contain_text("Training is on by default", timeout=WAIT_MS)
    share = page.locator(".kit-audit-report .kit-share")
    expect(share).to_contain_text("Share my answers with my instructor", timeout=WAIT_MS)
    share.locator(".widget-checkbox input").check()
    expect(share.locator(".kit-share-status")).to_contain_text("Shared with your instructor", timeout=WAIT_MS)


@pytest.fixture(scope="module")
def pages(hub, browser):
    """Both students' notebook 07 and the instructor's class notebook, opened and run at once; each student audits
    and shares."""
    out = {}
    try:
        hub.start_servers([*hub.students, hub.instructor])
        notebooks = {**dict.fromkeys(hub.students, AUDIT_NB), hub.instructor: CLASS_NB}
        opened = {name: open_notebook(browser, hub, name, nb) for name, nb in notebooks.items()}
        for name, page in opened.items():
            out[name] = press_run_all(page)
        for name, (service, given) in zip(hub.students, STUDENTS, strict=True):
            _audit_and_share(finish_run_all(out[name], name, AUDIT_NB), service, given)
        out["instructor"] = finish_run_all(out.pop(hub.instructor), hub.instructor, CLASS_NB)
    except Exception as e:
        raise AssertionError(f"{e}\n--- the hub's log ---\n{hub.log()[-4000:]}") from e
    return out


def test_each_students_audit_is_shared_under_a_random_name(hub, pages):
    shared = {p.name: json.loads(p.read_text()) for p in sorted(hub.class_dir.glob("answers-audit-*.json"))}
    assert len(shared) == 2
    for name in hub.students:
        ident = (hub.home(name) / ".consent-kit" / "class-id").read_text().strip()
        path = hub.class_dir / f"answers-audit-{ident}.json"
        assert path.name in shared and name not in path.name
        assert pwd.getpwuid(os.stat(path).st_uid).pw_name == name and os.stat(path).st_mode & 0o777 == 0o640
    services = sorted(d["answers"]["audit:service"]["response"] for d in shared.values())
    assert services == sorted(s for s, _n in STUDENTS)
    assert all(d["answers"]["audit:claim:1:verdict"]["response"] == "contradicted" for d in shared.values())


def test_the_instructor_lists_scores_and_exports_a_grade_sheet(hub, pages):
    page = pages["instructor"]
    view = page.locator(".kit-grades")
    view.locator("button", has_text="Refresh").click()
    expect(view.locator(".kit-grades-count")).to_contain_text("2 audit(s)", timeout=WAIT_MS)
    table = view.locator(".kit-grades-table")
    expect(table).to_contain_text("Ada", timeout=WAIT_MS)
    expect(table).to_contain_text("no name (answers-audit-", timeout=WAIT_MS)
    view.locator(".widget-dropdown select").select_option(label="1. Ada")
    expect(view.locator(".kit-grades-report")).to_contain_text("Quillnote's improve setting", timeout=WAIT_MS)
    levels = view.locator(".kit-choice select")
    rubric = load_audit().rubric
    for i, (c, score) in enumerate(zip(rubric.criteria, (4, 3, 3, 2), strict=True)):
        level = rubric.level(score)
        _choose(levels.nth(i), f"{score} · {level.label}: {c.levels[rubric.levels.index(level)]}")
        page.wait_for_timeout(300)
    comment = view.locator(".widget-textarea textarea")
    comment.fill("Precise evidence; weigh the company's reading.")
    comment.press("Tab")
    expect(view.locator(".kit-grades-status")).to_contain_text("Scored 12 of 16", timeout=WAIT_MS)
    view.locator("button", has_text="Export the grade sheet").click()
    expect(view.locator(".kit-grades-export")).to_contain_text("Grade sheet written", timeout=WAIT_MS)

    violations = axe_scan(page, ".kit-grades")
    assert not violations, describe(violations)

    home = hub.home(hub.instructor) / ".consent-kit"
    sheet = home / "grade-sheet-audit.csv"
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    ada = next(r for r in rows if r["student"] == "Ada")
    assert (ada["Evidence from the text (1-4)"], ada["Correct use of the legal conditions (1-4)"],
            ada["Fairness to the company's reading (1-4)"], ada["Quality of the redesign (1-4)"]) == ("4", "3", "3",
                                                                                                  "2")
    assert (ada["total"], ada["out of"]) == ("12", "16")
    assert ada["comment"] == "Precise evidence; weigh the company's reading."
    other = next(r for r in rows if r["student"] == "")
    assert other["file"].startswith("answers-audit-") and other["total"] == ""
    grades = home / "grades-audit.json"
    for path in (grades, sheet):  # the instructor's alone, and never in the class folder
        st = os.stat(path)
        assert pwd.getpwuid(st.st_uid).pw_name == hub.instructor and st.st_mode & 0o777 == 0o600
    assert not list(hub.class_dir.glob("grade*"))
    seen = hub.as_user(hub.students[0], lambda p: open(p).read(), str(grades))  # noqa: SIM115
    assert seen.get("error") == "PermissionError", seen
