"""Issue 27 item 1 in a real JupyterLab: notebook 04's checklist keeps a student's work into a new kernel.

Set the checklist with the save box ticked, close the tab, shut its kernel down and open the notebook anew (a new
page, a new kernel, all cells run), see the verdicts and reasons come back, set one more and compare, and find every
earlier verdict in the answers file. The test runs on its own copy of the notebook (its own kernel), so the other
tests' page of notebook 04 is left as it was, and it removes the answers file it made.
"""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

COPY = "04_keep_answers.ipynb"
REASONS = ["Silence counted as yes.\nOnly owners could act.", "Nobody was asked.", "The principles were vague."]



def test_checklist_comes_back_in_a_new_kernel_and_a_compare_keeps_every_verdict(lab):
    shutil.copy(ROOT / "notebooks" / "04_consent_and_the_law.ipynb", lab.root / COPY)
    answers = lab.root.parent / "answers" / "answers-law-discussion.json"
    page = lab.notebook(COPY)
    try:
        # the writing set's own box, which the checklist saves with (each of the notebook's quizzes has its own)
        keep = page.locator(".kit-writing .kit-keep")
        expect(keep).to_have_count(1)
        keep.locator(".widget-checkbox", has_text="Save my answers").locator("input").check()
        checklist = page.locator(".kit-checklist").first
        radios = checklist.locator(".widget-radio-box")
        boxes = checklist.locator(".widget-textarea textarea")
        for i, reason in enumerate(REASONS):
            radios.nth(i).locator("label", has_text="not met").click()
            boxes.nth(i).fill(reason)
            boxes.nth(i).press("Tab")  # the reason is taken when the student leaves the box
        for _ in range(100):  # saved as entered: no Compare pressed
            saved = json.loads(answers.read_text(encoding="utf-8"))["answers"] if answers.exists() else {}
            if sum(1 for v in saved.values() if v["response"].get("reason") in REASONS) == len(REASONS):
                break
            page.wait_for_timeout(200)
        else:
            pytest.fail(f"the verdicts and reasons were not saved as entered: {saved}")

        page = lab.reopen(page, COPY, ROOT / "notebooks" / "04_consent_and_the_law.ipynb")
        keep = page.locator(".kit-writing .kit-keep")

        checklist = page.locator(".kit-checklist").first
        radios = checklist.locator(".widget-radio-box")
        boxes = checklist.locator(".widget-textarea textarea")
        for i, reason in enumerate(REASONS):
            expect(radios.nth(i).locator("input:checked")).to_have_count(1, timeout=20_000)
            expect(radios.nth(i).locator("label", has_text="not met").locator("input")).to_be_checked()
            expect(boxes.nth(i)).to_have_value(reason)
        expect(keep).to_contain_text("Restored your saved answers")

        radios.nth(len(REASONS)).locator("label", has_text="unclear").click()
        checklist.locator(".widget-button", has_text="Compare with the model").click()
        expect(checklist).to_contain_text("You agree with the model on", timeout=10_000)
        for _ in range(100):
            saved = json.loads(answers.read_text(encoding="utf-8"))["answers"]
            verdicts = {k: v["response"] for k, v in saved.items() if k.startswith("checklist:slack-2024:")}
            if len(verdicts) == len(REASONS) + 1:
                break
            page.wait_for_timeout(200)
        assert sorted(v["reason"] for v in verdicts.values() if v["reason"]) == sorted(REASONS), verdicts
        assert sorted(v["verdict"] for v in verdicts.values()) == ["not-met"] * len(REASONS) + ["unclear"]
    finally:
        page.context.close()
        for f in answers.parent.glob("answers-law-discussion.json*"):
            f.unlink()
