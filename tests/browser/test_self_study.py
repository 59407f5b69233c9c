"""A self-study reader in a real JupyterLab (issue 20): write an answer to a prompt in notebooks 01, 02, 04 and 05,
press "Compare with a model answer" and see the model answer beside what was written (stacked when the page is
narrow), then the points to discuss; and reach the key points at the end of every notebook, the unit summary at the
end of the last one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kit.content.lessons import load_lessons, notebook_file
from kit.content.writing import load_writing, prompt_texts
from tests.browser.conftest import ROOT, axe_scan, describe

pytestmark = pytest.mark.browser

#: A notebook with writing boxes, and the writing set its first box belongs to.
WRITING = {"01": "slack-questions", "02": "policy-reflection", "04": "law-discussion", "05": "beyond-slack"}


def _name(number: str) -> str:
    return notebook_file(number, ROOT / "notebooks").name


@pytest.mark.parametrize("number", list(WRITING))
def test_compare_with_a_model_answer_shows_it_beside_what_was_written(lab, number):
    wset = next(s for s in load_writing().sets if s.id == WRITING[number])
    page = lab.notebook(_name(number))
    view = page.locator(".kit-writing", has_text=wset.title).first
    view.scroll_into_view_if_needed()
    expect(view).to_contain_text(prompt_texts(wset)[0][:60])
    box = view.locator("textarea").first
    mine = f"My reading of notebook {number}: the owner decided for everyone."
    box.fill(mine)
    box.press("Tab")  # the answer is taken when the reader leaves the box
    view.locator(".widget-button", has_text="Compare with a model answer").first.click()
    compare = view.locator(".kit-compare").first
    expect(compare).to_be_visible(timeout=10_000)
    left, right = compare.locator(".kit-compare-mine"), compare.locator(".kit-compare-model")
    expect(left).to_contain_text(mine)
    expect(right).to_contain_text(wset.prompts[0].model_answer[:60])
    expect(view.locator(".kit-writing-compare").first).to_contain_text("Points to discuss")
    a, b = left.bounding_box(), right.bounding_box()
    assert a["x"] + a["width"] <= b["x"] + 1 and abs(a["y"] - b["y"]) < 4, (a, b)  # side by side at 1400 px
    expect(view).not_to_contain_text(wset.prompts[0].facilitation.good_answer[:40])  # notes stay with instructors
    found = axe_scan(page, ".kit-writing")
    assert found == [], describe(found)

    page.set_viewport_size({"width": 560, "height": 1000})
    try:
        compare.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        a, b = left.bounding_box(), right.bounding_box()
        assert b["y"] >= a["y"] + a["height"] - 1 and abs(a["x"] - b["x"]) < 4, (a, b)  # stacked when narrow
    finally:
        page.set_viewport_size({"width": 1400, "height": 1000})


@pytest.mark.parametrize("number", [n.id for n in load_lessons().notebooks])
def test_each_notebook_ends_with_its_key_points(lab, number):
    lessons = load_lessons()
    lesson = lessons.lesson(number)
    page = lab.notebook(_name(number))
    header = page.locator(".kit-lesson").first
    expect(header).to_contain_text(lesson.objectives[0].text[:60])
    expect(header).to_contain_text("Estimated time: about")
    found = axe_scan(page, ".kit-lesson")
    assert found == [], describe(found)
    if lesson.key_points:
        points = page.locator(".kit-key-points").last
        points.scroll_into_view_if_needed()
        expect(points).to_be_visible()
        expect(points).to_contain_text("Key points")
        expect(points).to_contain_text(lesson.key_points[-1][:60])
    else:  # the last notebook: the unit summary, then the glossary
        summary = page.locator(".kit-unit-summary").last
        summary.scroll_into_view_if_needed()
        expect(summary).to_contain_text(lessons.summary.title)
        expect(summary).to_contain_text(lessons.summary.sections[-1].points[-1][:60])
        expect(page.locator(".kit-glossary").last).to_be_visible()
