"""Drive the checklist and read the legal texts from Python, as a student would."""

from __future__ import annotations

import kit
from tests.conftest import visible_text


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
    assert [r.condition.id for r in view.rows] == [
        "li-legitimate-interest", "li-necessity", "li-balancing", "compatible-purpose", "informed-of-purpose",
        "objection-brought-to-attention", "objection-effective"]
    assert "legitimate interest" in view.mechanism.value


def test_slack_under_legitimate_interest_as_a_student_reads_it():
    """Issue 23: the Slack case assessed under legitimate interest, read through what the view shows: the picker tells
    the two Slack assessments apart, the card says which relationship is assessed (controller, processor), and after
    Compare each row gives the model's verdict and reason in words."""
    view = kit.show_checklist("slack-2024")
    labels = [label for label, _ in view.picker.options]
    slack = [x for x in labels if x.startswith("Slack")]
    assert len(slack) == 2 and len(set(slack)) == 2
    assert any(x.endswith("— as consent") for x in slack) and any(x.endswith("— as legitimate interest") for x in slack)
    view.picker.value = "slack-2024-li"
    view.compare_button.click()
    seen = visible_text(view)
    assert "Legitimate-interest checklist: Slack" in seen
    assert "The relationship assessed: Slack as the controller of training its global models" in seen
    assert "processor" in visible_text(kit.show_checklist("slack-2024").mechanism)
    for step in ("Step 1: a legitimate interest", "Step 2: necessary for that interest",
                 "Step 3: people's rights do not weigh more", "A purpose compatible with the original one",
                 "Right to object brought to attention, clearly and separately"):
        assert step in seen
    assert "… No verdict yet. The model says unclear. The model's reason: Better search" in seen
    assert ("… No verdict yet. The model says not met. The model's reason: The right to object belongs to each person"
            in seen)
    assert "You agree with the model on 0 of 7 conditions (0 answered)" in seen


def test_unknown_case_gives_a_message_not_a_traceback():
    assert "no model assessment" in kit.show_checklist("nobody").value


def test_law_view_shows_texts_and_statuses():
    html = kit.show_law(["gdpr-art-7-3", "cnil-ai-legitimate-interest-2025"]).value
    assert "as easy to withdraw as to give consent" in html and "No exact wording is quoted" in html
    assert "Seen only in a copy" in html  # the CNIL card: guidance known from press summaries


def test_a_statute_checked_against_copies_does_not_look_uncertain():
    """Issue 23: the law itself is not uncertain; the card says in words how its wording was checked."""
    from tests.conftest import visible_text as seen

    law = seen(kit.show_law(["gdpr-art-7-3"]))
    assert ("The wording: The law is as published. The kit compared these words with 4 independent copies of the "
            "official text; they agree word for word.") in law
    assert "Seen only in a copy" not in law
    one = seen(kit.show_law(["gdpr-art-28-10", "gdpr-art-9-1"]))
    assert "The kit read these words in a copy of the official text, not on the official page." in one
    guidance = seen(kit.show_law(["edpb-guidelines-1-2024"]))
    assert "How sure we are: ◐ Seen only in a copy or quotation" in guidance  # guidance keeps its label


def test_french_labour_law_shows_its_french_words_in_both_editions():
    html = kit.show_law(["code-travail-l1222-4"]).value
    assert "No exact wording is quoted" not in html
    assert "lang='fr'" in html and "Aucune information concernant personnellement un salarié" in html
    assert "legifrance.gouv.fr" in html


def test_law_shows_the_plain_reading_first_and_exact_words_on_demand():
    """Issue 16, item 8: notebook 04 showed ~4,200 words of legal text before its exercise."""
    html = kit.show_law(["gdpr-art-7-3"]).value
    assert html.index("In plain words") < html.index("Exact words")
    exact = html.index("Exact words")
    assert html.rfind("<details", 0, exact) > html.rfind("</details>", 0, exact)  # inside a closed fold-out
    assert "<details open" not in html
