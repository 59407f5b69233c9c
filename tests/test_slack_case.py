"""The Slack case as shipped agrees with the fact sheet (shared/research/facts.md and its addendum)."""

from __future__ import annotations

import pytest

from kit.content import PartialDate, load_case
from kit.content.case import STATUSES


@pytest.fixture(scope="module")
def slack():
    return load_case("slack-2024")


def test_at_least_twelve_events_from_launch_to_repost(slack):
    start, end = PartialDate(2024, 2), PartialDate(2024, 5, 20)
    inside = [e for e in slack.timeline if start <= e.date <= end]
    assert len(inside) >= 12
    assert slack.timeline[-1].id == "engineering-post-reposted" and slack.timeline[-1].date == end
    assert any(e.id == "slack-ai-launch" and e.date == start for e in slack.events)


def test_every_record_has_a_source_and_a_status(slack):
    records = [*slack.events, *slack.statements, *(v for d in slack.documents for v in d.versions)]
    for r in records:
        assert r.sources, r.id
        assert r.status in STATUSES, r.id
        for s in slack.sources_of(r):
            assert (s.url or s.read_at).startswith("https://"), s.id  # the original, or the copy when it is unknown


def test_the_date_conflict_is_stated(slack):
    rewrite = next(e for e in slack.events if e.id == "principles-rewritten")
    assert rewrite.date == PartialDate(2024, 5, 17)
    assert "18 May" in rewrite.date_note and "conflict" in rewrite.date_note


def test_policy_wording_before_and_after_is_exact(slack):
    doc = slack.document("privacy-principles")
    before, after = doc.version("before").text, doc.version("after").text
    assert ("To develop AI/ML models, our systems analyze Customer Data (e.g. messages, content, and files) "
            "submitted to Slack as well as Other Information (including usage information)") in before
    assert ("please have your Org or Workspace Owners or Primary Owner contact our Customer Experience team at "
            "feedback@slack.com with your Workspace/Org URL and the subject line \"Slack Global model opt-out "
            "request.\"") in before
    assert "We do not develop LLMs or other generative models using customer data." in after
    assert "To develop non-generative AI/ML models for features such as emoji and channel recommendations" in after
    assert doc.version("before").date < doc.version("after").date


def test_statements_are_the_ones_slack_made(slack):
    texts = {s.id: s.text for s in slack.statements}
    assert texts["marketing-line"] == "Work without worry. Your data is your data. We don't use it to train Slack AI."
    assert texts["blog-no-llm-training"].endswith("No customer data is used to train LLM models.")
    assert texts["eng-no-llm-training"] == "We do not train large language models (LLMs) on customer data."
    marketing = slack.statement("marketing-line")
    assert marketing.status == "seen-secondary" and "not verified" in marketing.date_note


def test_only_owners_could_opt_out_by_email(slack):
    choice = slack.meta.choice
    assert choice.default == "in"
    assert set(choice.who_can_act) == {"primary-owner", "org-owner", "workspace-owner"}
    assert "member" not in choice.who_can_act
    assert choice.contact == "feedback@slack.com"
    assert any("Slack Global model opt-out request" in s.text for s in choice.steps)


def test_no_unverified_figure_slipped_in(slack):
    # Facts the sheet marks UNVERIFIED must not appear as facts (e.g. a Verge article, an archive URL).
    everything = " ".join([*(e.what for e in slack.events), *(s.url or s.read_at for s in slack.sources)])
    assert "theverge.com" not in everything
    assert "web.archive.org" not in everything
