"""Notebooks 04 and 05 in a real JupyterLab: mark a checklist condition and compare; filter the cases table."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_mark_a_condition_and_compare(lab):
    page = lab.notebook("04_consent_and_the_law.ipynb")
    view = page.locator(".kit-checklist").first
    expect(view).to_contain_text("Freely given")
    view.locator(".widget-radio-box input").first.check()  # "met" for the first condition, freely given
    view.locator(".widget-text input").first.fill("Owners could email Slack.")
    view.locator(".widget-button", has_text="Compare with the model").click()
    expect(view).to_contain_text("✘ You said met; the model says not met", timeout=10_000)
    expect(view).to_contain_text("You agree with the model on")


def test_filter_the_cases_table(lab):
    page = lab.notebook("05_beyond_slack.ipynb")
    view = page.locator(".kit-cases-view").first
    expect(view).to_contain_text("Slack")
    view.locator(".widget-dropdown select").nth(2).select_option(label="Europe (EU/EEA)")
    expect(view).to_contain_text("2 of", timeout=10_000)  # Meta 2024 and Meta AI 2025
    expect(view.locator("table")).to_contain_text("Meta")
    expect(view.locator("table")).not_to_contain_text("Slack")
