"""Issue 16 in a real JupyterLab: what the page shows a student for the quiz details (items 3, 4, 8, 10).

These reuse the pages other browser tests open (one run of notebooks 04 and 08 per session) and leave the quiz as
they found it: no answer given, no name.
"""

from __future__ import annotations

import base64
import json

import pytest
from playwright.sync_api import expect

from kit.content.quiz import load_quiz

pytestmark = pytest.mark.browser

NB = "08_final_quiz.ipynb"
QUIZ = load_quiz("final")


def _question(page, qid):
    return page.locator(".kit-quiz-question", has_text=QUIZ.question(qid).text.split("\n")[0][:60]).first


def _check(box):
    box.locator(".widget-button", has_text="Check").click()
    return box.locator(".kit-quiz-feedback")


def test_a_word_typed_for_a_number_is_told_how_to_type_one(lab):
    box = _question(lab.notebook(NB), "jg-germany")
    box.locator(".widget-text input").fill("twelve")
    box.locator(".widget-text input").press("Tab")
    feedback = _check(box)
    expect(feedback).to_contain_text("“twelve” is not a number", timeout=10_000)
    expect(feedback).to_contain_text("for example 12")
    expect(feedback).not_to_contain_text("Give an answer first")
    box.locator(".widget-text input").fill("")
    box.locator(".widget-text input").press("Tab")


def test_ordering_starts_empty_and_refuses_an_item_twice(lab):
    q = QUIZ.question("slack-order")
    box = _question(lab.notebook(NB), "slack-order")
    selects = box.locator(".widget-dropdown select")
    expect(selects).to_have_count(len(q.answer))
    for i in range(len(q.answer)):
        assert selects.nth(i).evaluate("s => s.selectedIndex") == -1, f"position {i + 1} starts filled in"
    first = q.option(q.answer[0]).text
    selects.nth(0).select_option(label=first)
    selects.nth(1).select_option(label=first)
    feedback = _check(box)
    expect(feedback).to_contain_text("Each item goes in one position only", timeout=10_000)
    expect(feedback).to_contain_text(first)
    expect(feedback).not_to_contain_text("Correct")


def test_download_has_its_own_heading_and_the_students_name_and_try_again_asks(lab):
    page = lab.notebook(NB)
    quiz = page.locator(".kit-quiz").first
    link = quiz.locator("a.kit-download")
    expect(quiz.locator("h4", has_text="Keep your answers")).to_be_visible()
    expect(quiz.locator("h4", has_text="Download my answers")).to_have_count(0)
    name = quiz.locator(".widget-text input[placeholder*='student number']")
    name.fill("Ada Lovelace")
    name.press("Enter")
    expect(link).to_have_attribute("download", "answers-final-Ada-Lovelace.json", timeout=10_000)

    quiz.locator(".widget-button", has_text="Try again").click()
    confirm = quiz.locator(".kit-confirm", has_text="Clear every answer and start again?")
    expect(confirm).to_be_visible(timeout=10_000)
    expect(confirm.locator(".widget-button", has_text="Yes, clear my answers")).to_be_visible()
    confirm.locator(".widget-button", has_text="Cancel, keep my answers").click()
    expect(confirm).to_be_hidden(timeout=10_000)
    expect(quiz).to_contain_text("Nothing changed")
    expect(name).to_have_value("Ada Lovelace")

    name.fill("")
    name.press("Enter")
    expect(link).to_have_attribute("download", "answers-final.json", timeout=10_000)


def test_law_notebook_has_a_box_for_each_discussion_question_and_a_way_to_keep_them(lab):
    page = lab.notebook("04_consent_and_the_law.ipynb")
    writing = page.locator(".kit-writing").first
    expect(writing).to_contain_text("Questions to discuss")
    expect(writing.locator("textarea")).to_have_count(3)
    writing.locator("textarea").nth(0).fill("It shows what consent would have needed.")
    writing.locator("textarea").nth(0).press("Tab")
    link = writing.locator("a.kit-download")
    expect(link).to_be_visible()
    expect(writing).to_contain_text("Save my answers")
    for _ in range(50):  # the download is rebuilt when the box loses focus: it then holds what was written
        doc = json.loads(base64.b64decode(link.get_attribute("href").split(",", 1)[1]))
        if doc["answers"].get("writing:law-discussion:1"):
            break
        page.wait_for_timeout(200)
    assert doc["answers"]["writing:law-discussion:1"]["response"] == "It shows what consent would have needed."
