"""The audit (notebook 07, issue 21) in a real JupyterLab.

1. A whole audit by keyboard alone, of a service the kit does not ship (tests/fixtures/audit: a fictional writing
   assistant): Tab moves from box to box, pastes and answers are typed, the arrow keys choose a verdict or a basis,
   Enter presses a button and follows a link. The report is made and downloaded (Enter on its link), and read back:
   every text is in it as pasted; an answer is compared with the worked example (Enter on the button under it). The
   reader scores the audit against the rubric and opens the worked example. axe finds nothing serious or critical in
   the filled-in notebook, light and dark, and no view runs past its output area or hides part of a control at 800 or
   1280 px.
2. Half an audit, saved, the tab closed and the notebook opened anew in a new page with a new kernel: everything
   comes back.

Each test runs on its own copy of the notebook (its own kernel) and removes the answers file it made.
"""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from kit.audit_report import read_report
from tests.browser.conftest import ROOT, axe_scan, describe, focus
from tests.browser.test_layout import _OVERFLOW, _at_width
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser

POLICY = (FIXTURES / "audit" / "policy.txt").read_text(encoding="utf-8")
STATEMENTS = (FIXTURES / "audit" / "statements.txt").read_text(encoding="utf-8").split("\n---\n")
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
WAIT = 20_000


def _focused(locator) -> bool:
    return locator.evaluate("e => e === document.activeElement")


def tab_to(page, target, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus (the way a keyboard user gets there)."""
    for _ in range(limit):
        if _focused(target):
            return
        page.keyboard.press("Tab")
    assert _focused(target), f"{limit} presses of Tab did not reach {target}"


def type_into(page, target, text: str) -> None:
    """Tab to a box, type (or paste) ``text`` into it, and leave it with Tab: the kit takes it then."""
    tab_to(page, target)
    page.keyboard.insert_text(text)
    page.keyboard.press("Tab")


_INDEX = """(s, v) => [s.selectedIndex,
  [...s.options].findIndex(o => o.textContent.replace(/\\s+/g, ' ').trim() === v)]"""


def chosen(select) -> str | None:
    """The words of the option chosen in a one-choice list (its labels are written with tabs for spaces)."""
    return select.evaluate("s => s.selectedIndex < 0 ? null : "
                           "s.options[s.selectedIndex].textContent.replace(/\\s+/g, ' ').trim()")


def choose(page, select, label: str, limit: int = 12) -> None:
    """Tab to a one-choice list and press the arrow keys until the option ``label`` is chosen."""
    tab_to(page, select)
    for _ in range(limit):
        here, there = select.evaluate(_INDEX, label)
        assert there >= 0, f"no option {label!r}"
        if here == there:
            return
        page.keyboard.press("ArrowDown" if here < there else "ArrowUp")
        page.wait_for_timeout(80)
    assert chosen(select) == label


def _copy(lab, name: str):
    shutil.copy(ROOT / "notebooks" / "07_audit.ipynb", lab.root / name)
    return lab.notebook(name)


def _clean(lab) -> None:
    for f in (lab.root.parent / "answers").glob("answers-audit.json*"):
        f.unlink()


def test_a_whole_audit_by_keyboard_alone_downloads_its_report(lab, tmp_path):
    page = _copy(lab, "07_audit_keyboard.ipynb")
    try:
        paste = page.locator(".kit-audit-paste")
        texts = paste.locator(".widget-text input")  # service, then where / read on for each text
        areas = paste.locator(".widget-textarea textarea")  # the policy, then the statements
        focus(texts.first)  # where a reader who tabbed down to the first step would be
        page.keyboard.insert_text("Quillnote's “Help improve Quillnote” setting")
        type_into(page, areas.nth(0), POLICY)
        type_into(page, texts.nth(1), "https://quillnote.example/privacy")
        type_into(page, texts.nth(2), "2025-03-14")
        for n, statement in enumerate(STATEMENTS[:2], 1):
            type_into(page, areas.nth(n), statement)
            type_into(page, texts.nth(1 + 2 * n), "Quillnote help centre")
            type_into(page, texts.nth(2 + 2 * n), "2025-03-14")
        type_into(page, paste.locator(".kit-keep .widget-text input"), "Ada Lovelace")

        reading = page.locator(".kit-audit-reading")
        expect(reading).to_contain_text("The policy passage, 9 numbered sentences", timeout=WAIT)
        for n, box in enumerate(reading.locator(".widget-textarea textarea").all()):
            type_into(page, box, "Sentence 4 says what is done with the text; sentence 6 gives the choice.")
            if n == 0:  # the next stop is the answer's "Compare with the worked example": Enter shows it beside
                compare = reading.locator(".widget-button", has_text="Compare with the worked example").first
                assert _focused(compare)
                page.keyboard.press("Enter")
                shown = reading.locator(".kit-audit-compare").first
                expect(shown).to_contain_text("The worked example", timeout=WAIT)
                expect(shown).to_contain_text("Sentence 4 says what is done with the text")

        claims = page.locator(".kit-audit-claims")
        expect(claims.locator(".kit-audit-claim")).to_have_count(2, timeout=WAIT)
        for row in claims.locator(".kit-audit-claim").all():
            type_into(page, row.locator(".widget-textarea textarea").first, "Nothing trains without permission.")
            choose(page, row.locator("select"), "Contradicted by the policy")
            type_into(page, row.locator(".widget-text input"), "5, 7")
            expect(row).to_contain_text("Training is on by default for personal accounts.", timeout=WAIT)
            type_into(page, row.locator(".widget-textarea textarea").last, "On by default is not permission.")

        checklist = page.locator(".kit-audit-checklist")
        choose(page, checklist.locator("select").first, "Legitimate interest")
        expect(checklist).to_contain_text("Step 1: a legitimate interest", timeout=WAIT)
        type_into(page, checklist.locator(".widget-textarea textarea").first, "Sentence 9 names it.")
        for n in range(7):
            choose(page, checklist.locator(".kit-choice select").nth(2 + n), "unclear")
            type_into(page, checklist.locator(".widget-textarea textarea").nth(1 + n),
                      "The passage does not say.\nA second line.")
        expect(checklist).to_contain_text("7 of 7 conditions have a verdict and a reason.", timeout=WAIT)

        redesign = page.locator(".kit-audit-redesign")
        for box in redesign.locator(".widget-textarea textarea").all():
            type_into(page, box, "Off until each person turns it on; fewer texts to train on.")

        report = page.locator(".kit-audit-report")
        make = report.locator(".widget-button", has_text="Make my report")
        tab_to(page, make)
        page.keyboard.press("Enter")
        expect(report).to_contain_text("Every step is complete.", timeout=WAIT)
        link = report.locator("a.kit-download-html")
        tab_to(page, link, limit=10)
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        download = info.value
        assert download.suggested_filename == "audit-report-Ada-Lovelace.html"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert read_report(text) is not None and not read_report(text).edited
        for words in ["By Ada Lovelace", "Training is on by default for personal accounts.",
                      "Business customers&#x27; content is never used for training.", "✘ Contradicted by the policy",
                      "Off until each person turns it on"]:
            assert words in text, words

        rubric = page.locator(".kit-audit-rubric")
        for select in rubric.locator(".kit-choice select").all():
            choose(page, select, "3 · Good")
        tab_to(page, rubric.locator(".widget-button", has_text="Show the worked example"), limit=10)
        page.keyboard.press("Enter")
        expect(rubric.locator(".kit-audit-example")).to_contain_text("How this example scores", timeout=WAIT)

        for dark in (False, True):
            lab.set_theme(page, dark=dark)
            violations = axe_scan(page, OUTPUTS)
            assert not violations, f"{'dark' if dark else 'light'}:\n{describe(violations)}"
        for width in (800, 1280):  # filled in, every row, notice, report and the example stay in their area
            _at_width(page, width)
            # A line a student typed longer than its box scrolls inside it, as every text field does (the service's
            # name here); what is long (a paste, an answer) is in boxes that wrap, which must show it all.
            problems = [p for p in page.evaluate(_OVERFLOW) if not p.startswith('widget-input "" hides part')]
            assert not problems, f"at {width} px:\n" + "\n".join(dict.fromkeys(problems[:12]))
    finally:
        _at_width(page, 1400)
        lab.set_theme(page, dark=False)
        page.context.close()
        _clean(lab)


def test_half_an_audit_comes_back_in_a_new_page_with_a_new_kernel(lab):
    page = _copy(lab, "07_audit_reload.ipynb")
    answers = lab.root.parent / "answers" / "answers-audit.json"
    try:
        paste = page.locator(".kit-audit-paste")
        paste.locator(".kit-keep .widget-checkbox", has_text="Save my answers").locator("input").check()
        areas = paste.locator(".widget-textarea textarea")
        areas.nth(0).fill(POLICY)
        areas.nth(1).fill(STATEMENTS[0])
        areas.nth(1).press("Tab")
        row = page.locator(".kit-audit-claim").first
        expect(row).to_be_visible(timeout=WAIT)
        row.locator(".widget-text input").fill("5")
        row.locator(".widget-text input").press("Tab")
        checklist = page.locator(".kit-audit-checklist")
        choose(page, checklist.locator("select").first, "The passage does not say")
        expect(checklist.locator("select").nth(1)).to_be_visible(timeout=WAIT)
        choose(page, checklist.locator("select").nth(1), "Test it as consent")
        expect(checklist).to_contain_text("The conditions for consent", timeout=WAIT)
        reason = checklist.locator(".widget-textarea textarea").nth(1)
        reason.fill("Nobody is asked: the setting is on.")
        reason.press("Tab")
        for _ in range(100):  # saved as entered
            saved = json.loads(answers.read_text(encoding="utf-8"))["answers"] if answers.exists() else {}
            if "audit:condition:freely-given:reason" in saved and "audit:claim:1:evidence" in saved:
                break
            page.wait_for_timeout(200)
        else:
            pytest.fail(f"the half-finished audit was not saved as entered: {sorted(saved)}")

        page = lab.reopen(page, "07_audit_reload.ipynb", ROOT / "notebooks" / "07_audit.ipynb")

        paste = page.locator(".kit-audit-paste")
        expect(paste.locator(".kit-keep")).to_contain_text("Restored your saved answers", timeout=WAIT)
        expect(paste.locator(".widget-textarea textarea").nth(0)).to_have_value(POLICY, timeout=WAIT)
        expect(paste.locator(".widget-textarea textarea").nth(1)).to_have_value(STATEMENTS[0])
        expect(page.locator(".kit-audit-claim").first.locator(".widget-text input")).to_have_value("5")
        checklist = page.locator(".kit-audit-checklist")
        assert chosen(checklist.locator("select").first) == "The passage does not say"
        assert chosen(checklist.locator("select").nth(1)) == "Test it as consent"
        expect(checklist.locator(".widget-textarea textarea").nth(1)).to_have_value(
            "Nobody is asked: the setting is on.")
        expect(page.locator(".kit-audit-report")).to_contain_text("The checklist: started")
    finally:
        page.context.close()
        _clean(lab)
