"""Notebooks 04 and 05 in a real JupyterLab: mark a checklist condition and compare; a box for each discussion question,
kept with the download; filter the cases table."""

from __future__ import annotations

import base64
import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_mark_a_condition_and_compare(lab):
    page = lab.notebook("04_consent_and_the_law.ipynb")
    view = page.locator(".kit-checklist").first
    expect(view).to_contain_text("Freely given")
    view.locator(".widget-radio-box input").first.check()  # "met" for the first condition, freely given
    view.locator(".widget-textarea textarea").first.fill("Owners could email Slack.")
    view.locator(".widget-button", has_text="Compare with the model").click()
    expect(view).to_contain_text("↔ A different reading: you said met, the model says not met", timeout=10_000)
    expect(view).to_contain_text("You agree with the model on")


def test_filter_the_cases_table(lab):
    page = lab.notebook("05_beyond_slack.ipynb")
    view = page.locator(".kit-cases-view").first
    expect(view).to_contain_text("Slack")
    view.locator(".widget-dropdown select").nth(2).select_option(label="Europe (EU/EEA)")
    expect(view).to_contain_text("2 of", timeout=10_000)  # Meta 2024 and Meta AI 2025
    expect(view.locator("table")).to_contain_text("Meta")
    expect(view.locator("table")).not_to_contain_text("Slack")


def test_law_notebook_has_a_box_for_each_discussion_question_and_a_way_to_keep_them(lab):
    page = lab.notebook("04_consent_and_the_law.ipynb")
    writing = page.locator(".kit-writing").first
    expect(writing).to_contain_text("Questions to discuss")
    expect(writing.locator("textarea")).to_have_count(4)
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
