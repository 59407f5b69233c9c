"""Notebook 02 in a real JupyterLab: answer one claim-checker item and read its feedback."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_claim_checker_item_gives_feedback(lab):
    page = lab.notebook("02_policy_vs_statements.ipynb")
    claims = page.locator(".kit-claims").first
    expect(claims).to_contain_text("do not access message content")  # the first item: the blog on traditional ML
    claims.locator(".kit-choice option", has_text="Contradicted by the policy").click()
    evidence = claims.locator(".widget-dropdown select").first  # the statements are a one-choice list above it
    evidence.select_option(index=1)  # the best-ranked candidate: before.p1.s2
    claims.locator(".widget-button", has_text="Check").click()
    feedback = claims.locator(".kit-claim-feedback")
    expect(feedback).to_contain_text("✔ Right verdict", timeout=10_000)
    expect(feedback).to_contain_text("✔ Good evidence: before.p1.s2")
    expect(feedback).to_contain_text("Why")
    # a wrong verdict is said in words, with the model answer
    claims.locator(".kit-choice option", has_text="Supported by the policy").click()
    claims.locator(".widget-button", has_text="Check").click()
    expect(feedback).to_contain_text("✘ Not the model verdict", timeout=10_000)
    expect(feedback).to_contain_text("Model answer: Contradicted by the policy")


def test_comparer_marks_changes_in_words(lab):
    page = lab.notebook("02_policy_vs_statements.ipynb")
    compare = page.locator(".kit-compare").first
    expect(compare.locator(".kit-diff-summary")).to_contain_text("sentences changed")
    expect(compare.locator("ins").first).to_contain_text("[+")
