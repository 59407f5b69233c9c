"""Checklist logic: a model assessment, a student assessment, and the explanation of each difference."""

from __future__ import annotations

import pytest

from kit.content.law import load_checklist
from kit.law import compare


@pytest.fixture(scope="module")
def checklist():
    return load_checklist()


def test_every_condition_cites_law_and_every_assessment_covers_its_basis(checklist):
    assert {c.id for c in checklist.conditions_for("consent")} == {
        "freely-given", "specific", "informed", "unambiguous", "affirmative-act", "easy-withdrawal", "demonstrable"}
    # issue 23: legitimate interest tested in full: the EDPB's three steps, purpose, information, then objection
    assert [c.id for c in checklist.conditions_for("legitimate-interest")] == [
        "li-legitimate-interest", "li-necessity", "li-balancing", "compatible-purpose", "informed-of-purpose",
        "objection-brought-to-attention", "objection-effective"]
    for c in checklist.conditions:
        assert all(i in checklist.law for i in c.law)
    assert len(checklist.assessments) >= 4


def test_slack_is_assessed_under_consent_and_under_legitimate_interest(checklist):
    """Issue 23: the basis a lawyer would expect Slack to argue is legitimate interest, and each assessment says which
    relationship it assesses, naming the controller/processor question."""
    consent, li = checklist.assessment("slack-2024"), checklist.assessment("slack-2024-li")
    assert (consent.case, consent.basis) == ("slack-2024", "consent")
    assert (li.case, li.basis) == ("slack-2024", "legitimate-interest")
    for a in (consent, li):
        assert "controller" in a.relationship and "Art. 28(10)" in a.relationship
    assert "processor" in consent.relationship
    assert li.verdict("objection-effective").verdict == "not-met" and "each person" in li.verdict(
        "objection-effective").reason
    assert "Recital 43" in consent.verdict("freely-given").reason  # consent at work
    assert checklist.assessment("slack-2024") is consent  # the case id still opens the consent assessment
    meta = checklist.assessment("meta-2024")
    assert {v.condition for v in meta.verdicts} == {c.id for c in checklist.conditions_for("legitimate-interest")}
    assert all(a.relationship.strip() for a in checklist.assessments)


def test_slack_model_says_silence_is_not_an_affirmative_act(checklist):
    a = checklist.assessment("slack-2024")
    assert a.verdict("affirmative-act").verdict == "not-met"
    assert a.verdict("easy-withdrawal").verdict == "not-met"


def test_agreement_and_difference_are_explained_in_words(checklist):
    result = compare(checklist, "slack-2024", {
        "affirmative-act": ("not-met", "Default was in."),
        "easy-withdrawal": ("met", "Just an email."),
    })
    rows = {r.condition.id: r for r in result.rows}
    same, diff, blank = rows["affirmative-act"], rows["easy-withdrawal"], rows["specific"]
    assert same.agrees and same.symbol == "✔" and "Same verdict" in same.explanation()
    assert not diff.agrees and diff.symbol == "↔"  # another reading, not the quiz's wrong answer
    assert "you said met, the model says not met. Your reasons may be as good" in diff.explanation()
    assert "owner" in diff.explanation()  # the model's own reason is shown
    assert not blank.answered and "No verdict yet" in blank.explanation()
    assert result.agreed == 1 and result.answered == 2
    assert "1 of 7" in result.summary()


def test_a_verdict_without_reason_is_flagged(checklist):
    row = compare(checklist, "slack-2024", {"specific": ("unclear", "  ")}).rows[1]
    assert row.agrees and "Add a reason" in row.explanation()


def test_bad_input_is_refused(checklist):
    with pytest.raises(ValueError, match="met, not-met, unclear"):
        compare(checklist, "slack-2024", {"specific": ("yes", "")})
    with pytest.raises(KeyError):
        compare(checklist, "meta-2024", {"specific": ("met", "")})
    with pytest.raises(KeyError, match="no model assessment"):
        compare(checklist, "nobody", {})
