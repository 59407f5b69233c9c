"""Claim-checking items: the Slack items are valid and defensible to the letter of the texts; grading; every
mistake in a claims file is one ContentError naming the file, line, entry and field."""

from __future__ import annotations

import pytest

from kit.claims import check, items
from kit.content import ContentError, load_case
from kit.content.cases import check_cases
from kit.content.claims import VERDICTS, load_claims
from kit.content.schema import ParseContext
from kit.vocabulary import load_vocabulary

VALID = """\
claims:
  - id: ceo-respect
    statement: ceo
    document: policy
    version: old
    verdict: not-addressed
    evidence: [old.p1.s1]
    feedback: The policy says what is used, not whether data is respected.
"""


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_slack_items_cover_the_statements_the_exercise_needs():
    case = load_case("slack-2024")
    claims = load_claims(case)
    assert len(claims) >= 6
    covered = {c.statement for c in claims}
    assert {"blog-traditional-ml", "blog-no-llm-training", "marketing-line", "x-reply", "support-email",
            "eng-no-llm-training"} <= covered
    assert {c.verdict for c in claims} == set(VERDICTS)


def test_slack_evidence_quotes_what_the_feedback_reads(vocab):
    """The feedback's quotations are the exact words of the model evidence sentence."""
    by_id = {it.id: it for it in items(load_case("slack-2024"), vocab)}
    best = by_id["blog-traditional-ml"].model_sentence.text
    assert "analyze Customer Data (e.g. messages, content, and files)" in best
    assert by_id["support-email"].model_sentence.text == (
        "We do not develop LLMs or other generative models using customer data.")
    assert by_id["x-reply"].model_sentence.text == (
        "If you want to exclude your Customer Data from Slack global models, you can opt out.")
    assert "LLM" not in load_case("slack-2024").document("privacy-principles").version("before").text
    assert by_id["blog-no-llm-training"].claim.verdict == "not-addressed"


def test_grading(vocab):
    item = next(it for it in items(load_case("slack-2024"), vocab) if it.id == "blog-traditional-ml")
    assert check(item, "contradicted", "before.p1.s2").correct
    r = check(item, "supported", "before.p1.s2")
    assert not r.verdict_ok and r.evidence_ok and not r.correct
    r = check(item, "contradicted", "before.p2.s1")
    assert r.verdict_ok and not r.evidence_ok
    with pytest.raises(ValueError):
        check(item, "maybe", "before.p1.s2")
    with pytest.raises(KeyError):
        check(item, "contradicted", "before.p9.s9")


def test_fictional_case_items(mini_case, vocab):
    (mini_case / "claims.yaml").write_text(VALID)
    (item,) = items(load_case(mini_case), vocab)
    assert item.statement.text == "We respect your data."
    assert [r.sentence.id for r in item.candidates] == ["old.p1.s1"]
    assert check(item, "not-addressed", "old.p1.s1").correct


def test_a_case_without_claims_has_none(mini_case):
    assert load_claims(load_case(mini_case)) == ()


def _replace(old: str, new: str):
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# (id, new claims.yaml, line, field, words in the message)
MALFORMED = [
    ("unknown-statement", _replace("statement: ceo", "statement: cfo"), 3, "statement", "unknown statement 'cfo'"),
    ("unknown-sentence", _replace("[old.p1.s1]", "[old.p1.s2]"), 7, "evidence[1]", "unknown sentence 'old.p1.s2'"),
    ("sentence-of-other-version", _replace("[old.p1.s1]", "[new.p1.s1]"), 7, "evidence[1]", "version 'old'"),
    ("bad-verdict", _replace("verdict: not-addressed", "verdict: suported"), 6, "verdict",
     "did you mean 'supported'"),
    ("missing-feedback", _replace("    feedback: The policy says what is used, not whether data is respected.\n", ""),
     2, "feedback", "missing"),
    ("unknown-version", _replace("version: old", "version: older"), 5, "version", "unknown version 'older'"),
    ("unknown-document", _replace("document: policy", "document: polcy"), 4, "document", "Did you mean 'policy'"),
    ("empty-evidence", _replace("[old.p1.s1]", "[]"), 7, "evidence", "at least one sentence"),
    ("evidence-not-a-list", _replace("[old.p1.s1]", "old.p1.s1"), 7, "evidence", "expected a list"),
    ("empty-feedback", _replace("feedback: The policy says what is used, not whether data is respected.",
                                "feedback: ''"), 8, "feedback", "is empty"),
]


@pytest.mark.parametrize("text, line, field, words", [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_claims_name_file_line_entry_and_field(mini_case, vocab, text, line, field, words):
    (mini_case / "claims.yaml").write_text(text)
    with pytest.raises(ContentError) as info:
        items(load_case(mini_case), vocab)
    p = info.value.first
    assert p.file == "mini-case/claims.yaml"
    assert p.line == line
    assert p.entry == "claim 'ceo-respect'"
    assert p.field == field
    assert words in p.message


def test_duplicate_item_ids(mini_case):
    second = VALID.split("claims:\n", 1)[1]
    (mini_case / "claims.yaml").write_text(VALID + second)
    with pytest.raises(ContentError, match="duplicate id"):
        load_claims(load_case(mini_case))


def test_kit_check_reports_a_broken_evidence_id(data_copy):
    path = data_copy / "cases" / "slack-2024" / "claims.yaml"
    path.write_text(path.read_text().replace("evidence: [before.p1.s2]", "evidence: [before.p1.s9]", 1))
    ctx = ParseContext()
    assert check_cases(data_copy, ctx) > 6
    assert any("unknown sentence 'before.p1.s9'" in p.message and p.file.endswith("claims.yaml")
               for p in ctx.problems)
