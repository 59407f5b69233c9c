"""Notebook 03 in a real JupyterLab: stepping a setting by keyboard, or picking a preset, changes the numbers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _simulation(page):
    # The first view holding the simulation's numbers (the cell `kit.show_simulation()`, Slack's preset).
    return page.locator(".widget-vbox", has=page.locator(".kit-sim-0")).first


def test_setting_by_keyboard_changes_the_numbers(lab):
    page = lab.notebook("03_opt_in_vs_opt_out.ipynb")
    sim = _simulation(page)
    numbers = sim.locator(".kit-card", has=page.locator(".kit-sim-0")).first
    expect(numbers).to_contain_text("Mismatch")
    before = numbers.inner_text()
    box = sim.get_by_label("Want in (%)")  # a named number box: what a screen reader announces
    box.focus()
    for _ in range(10):
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    expect(numbers).not_to_have_text(before, timeout=10_000)
    expect(sim.locator("select")).to_have_value("(your own settings)")  # options carry their labels


def test_preset_changes_the_numbers(lab):
    page = lab.notebook("03_opt_in_vs_opt_out.ipynb")
    sim = _simulation(page)
    numbers = sim.locator(".kit-card", has=page.locator(".kit-sim-0")).first
    sim.locator("select").select_option(label="One-click opt-out for each user")
    expect(numbers).to_contain_text("Default in, each person", timeout=10_000)
    sim.locator("select").select_option(label="Opt-in (out unless you agree)")
    expect(numbers).to_contain_text("Default out, each person", timeout=10_000)
    expect(numbers).to_contain_text("Allowed to act at all: 100,000 of 100,000 people")
