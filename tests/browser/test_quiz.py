"""Notebook 08 in a real JupyterLab, with the mouse: a typed word is not a number, the download link and Try again,
tick boxes partly then fully right; notebook 03's exercise self-check has the ordering question, which starts empty
and refuses an item twice. Each question type answered by keyboard alone is in tests/browser/test_keyboard.py; a
one-choice option clicked, in tests/hub/test_hub.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kit.content.language import speaking
from kit.content.quiz import load_quiz
from kit.i18n import t

pytestmark = pytest.mark.browser

NB = "08_final_quiz.ipynb"
QUIZ = load_quiz("final")
# An ordering question: exercise 4's self-check in notebook 03. The keyboard tests fill it in the English edition, so
# it is tried here, from empty, in the French one (its page is opened by no other quiz test).
NB3_FR = "fr/03_opt_in_ou_opt_out.ipynb"
with speaking("fr"):
    EXERCISE_4_FR = load_quiz("03-exercise-4")
ORDERING = EXERCISE_4_FR.question("biggest-change")
# A number box no other test fills: exercise 3's last part in notebook 03.
NB3 = "03_opt_in_vs_opt_out.ipynb"
EXERCISE_3 = load_quiz("03-exercise-3")


def _question(page, qid, quiz=QUIZ):
    q = quiz.question(qid)
    return page.locator(".kit-quiz-question", has_text=q.text.split("\n")[0][:60]).first


def _check(box, label: str = "Check"):
    box.locator(".widget-button", has_text=label).click()
    return box.locator(".kit-quiz-feedback")


# These come first: they leave the quiz as they found it (no answer given, no name), which the tests below
# then answer.
def test_a_word_typed_for_a_number_is_told_how_to_type_one(lab):
    box = _question(lab.notebook(NB3), "kept-default", EXERCISE_3)
    box.locator(".widget-text input").fill("twelve")
    box.locator(".widget-text input").press("Tab")
    feedback = _check(box)
    expect(feedback).to_contain_text("“twelve” is not a number", timeout=10_000)
    expect(feedback).to_contain_text("for example 12")
    expect(feedback).not_to_contain_text("Give an answer first")
    box.locator(".widget-text input").fill("")
    box.locator(".widget-text input").press("Tab")


def test_ordering_starts_empty_and_refuses_an_item_twice(lab):
    q = ORDERING
    box = _question(lab.notebook(NB3_FR), q.id, EXERCISE_4_FR)
    selects = box.locator(".widget-dropdown select")
    expect(selects).to_have_count(len(q.answer))
    for i in range(len(q.answer)):
        assert selects.nth(i).evaluate("s => s.selectedIndex") == -1, f"position {i + 1} starts filled in"
    first = q.option(q.answer[0]).text
    selects.nth(0).select_option(label=first)
    selects.nth(1).select_option(label=first)
    with speaking("fr"):
        feedback = _check(box, t("quiz.check"))
        duplicate, right = t("quiz.order_duplicate", items=first).split(first)[0].strip(), t("quiz.correct")
    expect(feedback).to_contain_text(duplicate, timeout=10_000)
    expect(feedback).to_contain_text(first)
    expect(feedback).not_to_contain_text(right)


def test_download_has_its_own_heading_and_the_students_name_and_try_again_asks(lab):
    page = lab.notebook(NB)
    quiz = page.locator(".kit-quiz").first
    link = quiz.locator("a.kit-download")
    expect(quiz.locator("h4", has_text="Keep your answers")).to_be_visible()
    expect(quiz.locator("h4", has_text="Download my answers")).to_have_count(0)
    name = quiz.locator(f".widget-text input[placeholder='{t('quiz.student_placeholder')}']")
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


def test_multiple_choice_partial_then_right(lab):
    """Issue 27 item 8: partly right is one signal, "◐ Partly right", not also "✘ Not quite"."""
    page = lab.notebook(NB)
    q = QUIZ.question("licence-cases")
    box = _question(page, q.id)
    first, *rest = q.answer
    box.locator(".widget-checkbox", has_text=q.option(first).text).locator("input").check()
    feedback = _check(box)
    expect(feedback).to_contain_text("◐ Partly right", timeout=10_000)
    expect(feedback).not_to_contain_text("Not quite")
    expect(feedback).not_to_contain_text("✘")
    for oid in rest:
        box.locator(".widget-checkbox", has_text=q.option(oid).text).locator("input").check()
    expect(_check(box)).to_contain_text("✔ Correct.", timeout=10_000)


def test_download_link_renders_with_the_answers(lab):
    page = lab.notebook(NB)
    link = page.locator("a.kit-download").first
    expect(link).to_be_visible()
    expect(link).to_have_attribute("download", "answers-final.json")
    href = link.get_attribute("href")
    assert href.startswith("data:application/json;charset=utf-8;base64,")
    import base64
    import json

    doc = json.loads(base64.b64decode(href.split(",", 1)[1]))
    assert doc["format"] == "consent-kit-answers" and doc["quiz"] == "final"
