"""Notebook 06 in a real JupyterLab (issue 24): change the kind of content from the keyboard, read the three outcomes
as the page shows them, and run axe-core over the view, in both editions."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_scan, describe, focus

pytestmark = pytest.mark.browser

_CELLS = ("() => window.jupyterapp.shell.currentWidget.content.widgets"
          ".map(c => c.model.sharedModel.getSource()).join('|')")


def _press(page, button) -> None:
    """Give ``button`` the focus and press Space on it, as a keyboard user does; the notebook must not change."""
    before = page.evaluate(_CELLS)
    focus(button)  # its cell active and settled before the key, as for a reader
    page.keyboard.press("Space")
    assert page.evaluate(_CELLS) == before, "a key pressed in the view changed the notebook"


def test_changing_the_content_kind_changes_the_three_outcomes(lab):
    page = lab.notebook("06_consent_in_2026.ipynb")
    view = page.locator(".kit-regimes-view").first
    outcomes = view.locator(".kit-regimes-outcomes")
    expect(outcomes).to_contain_text("GDPR: consent — out by default: not used unless someone agrees (opt-in); who "
                                     "must act: each person who posted, by saying yes.")
    _press(page, view.get_by_role("button", name="A photographer's images"))
    expect(outcomes).to_contain_text("GDPR: consent — out by default: not used unless someone agrees (opt-in); who "
                                     "must act: each person pictured, by saying yes.", timeout=10_000)
    expect(outcomes).to_contain_text("GDPR: legitimate interest, with a right to object — in by default: used unless "
                                     "someone acts (opt-out); who must act: each person pictured, by objecting.")
    expect(outcomes).to_contain_text("Copyright: the mining exception, with an opt-out — in by default: used unless "
                                     "someone acts (opt-out); who must act: the photographer, by reserving the use.")
    expect(view.locator("table.kit-regimes caption")).to_have_text("A photographer's images under three regimes")
    expect(view.locator("table.kit-regimes th[scope='row']")).to_have_count(4)
    violations = axe_scan(page, ".kit-regimes-view")
    assert not violations, describe(violations)


def test_the_french_view_says_the_outcomes_in_french(lab):
    page = lab.notebook("fr/06_le_consentement_en_2026.ipynb")
    view = page.locator(".kit-regimes-view").first
    _press(page, view.get_by_role("button", name="Messages professionnels"))
    outcomes = view.locator(".kit-regimes-outcomes")
    expect(outcomes).to_contain_text("qui doit agir", timeout=10_000)
    expect(outcomes).to_contain_text("chaque personne qui a écrit les messages, en exerçant son droit d'opposition")
    expect(view.locator("table.kit-regimes caption")).to_contain_text("Messages professionnels selon trois régimes")
    violations = axe_scan(page, ".kit-regimes-view")
    assert not violations, describe(violations)
