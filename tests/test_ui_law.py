"""Drive the checklist and read the legal texts from Python, as a student would."""

from __future__ import annotations

import kit


def test_checklist_marks_and_compares():
    view = kit.show_checklist("slack-2024")
    row = next(r for r in view.rows if r.condition.id == "affirmative-act")
    row.verdict.value = "met"
    row.reason.value = "They could email."
    view.compare_button.click()
    # another reading, not a wrong answer: words and a neutral symbol, never the quiz's ✘
    assert "✘" not in row.feedback.value and "↔ A different reading: you said met, the model says not met" in \
        row.feedback.value
    assert "You agree with the model on 0 of 7" in view.summary.value
    row.verdict.value = "not-met"
    view.compare_button.click()
    assert "✔" in row.feedback.value
    assert all(r.verdict.description and r.reason.description for r in view.rows)


def test_picking_another_mechanism_rebuilds_the_conditions():
    view = kit.show_checklist()
    view.picker.value = "meta-2024"
    assert [r.condition.id for r in view.rows] == ["objection-brought-to-attention", "objection-effective"]
    assert "legitimate interest" in view.mechanism.value


def test_unknown_case_gives_a_message_not_a_traceback():
    assert "no model assessment" in kit.show_checklist("nobody").value


def test_law_view_shows_texts_and_statuses():
    html = kit.show_law(["gdpr-art-7-3", "edpb-guidelines-05-2020"]).value
    assert "as easy to withdraw as to give consent" in html and "No exact wording is quoted" in html
    assert "Seen only in a copy" in html


def test_law_shows_the_plain_reading_first_and_exact_words_on_demand():
    """Issue 16, item 8: notebook 04 showed ~4,200 words of legal text before its exercise."""
    html = kit.show_law(["gdpr-art-7-3"]).value
    assert html.index("In plain words") < html.index("Exact words")
    exact = html.index("Exact words")
    assert html.rfind("<details", 0, exact) > html.rfind("</details>", 0, exact)  # inside a closed fold-out
    assert "<details open" not in html
