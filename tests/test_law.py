"""Legal texts and the checklist file load, carry sources, and malformed entries name file, entry and field."""

from __future__ import annotations

import pytest

from kit.content import ContentError, check_all
from kit.content.law import load_checklist, load_law

REQUIRED = ["gdpr-art-4-11", "gdpr-art-6-1-a", "gdpr-art-6-1-f", "gdpr-art-7-1", "gdpr-art-7-2", "gdpr-art-7-3",
            "gdpr-art-7-4", "gdpr-art-21-1", "gdpr-art-21-4", "gdpr-recital-32", "planet49", "edpb-guidelines-05-2020",
            "edpb-opinion-28-2024", "ccpa-1798-120-a", "ccpa-1798-135", "ftc-2024-02-13"]


def test_every_required_text_is_there_with_a_source_and_status():
    law = load_law()
    for i in REQUIRED:
        assert i in law, i
        assert law[i].url.startswith("http") and law[i].status and law[i].explanation


def test_key_wording_matches_the_fact_sheet():
    law = load_law()
    assert law["gdpr-art-7-3"].text.endswith("It shall be as easy to withdraw as to give consent.")
    silence = "Silence, pre-ticked boxes or inactivity should not therefore constitute consent."
    assert silence in law["gdpr-recital-32"].text
    assert law["planet49"].date.iso() == "2019-10-01" and law["planet49"].reference == "C-673/17"
    assert law["edpb-opinion-28-2024"].date.iso() == "2024-12-17"
    assert law["edpb-guidelines-05-2020"].date.iso() == "2020-05-04" and law["edpb-guidelines-05-2020"].text is None
    assert law["ftc-2024-02-13"].status == "seen-primary" and law["ftc-2024-02-13"].date.iso() == "2024-02-13"
    assert "by a clear affirmative action" in law["gdpr-art-4-11"].text
    assert law["gdpr-art-4-11"].translations[0].language == "fr"


def test_kit_check_covers_law_and_checklist():
    counts, problems = check_all()
    assert not problems, problems
    assert counts["legal texts and checklist entries"] >= 16


def _bad_law(data_copy, old, new):
    p = data_copy / "law" / "01-gdpr.yaml"
    text = p.read_text()
    assert old in text
    p.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("old,new,field,words", [
    ("    status: seen-secondary\n    checked: Two course copies",
     "    status: seen-secondry\n    checked: Two course copies", "status", "did you mean 'seen-secondary'"),
    ("    read_at: https://moodle.gdprism.eu/mod/page/view.php?id=262\n", "    read_at: moodle.gdprism.eu\n", "read_at",
     "http"),
    ("  - id: gdpr-art-6-1-f", "  - id: gdpr-art-6-1-a", "id", "duplicate id"),
])
def test_malformed_law_names_file_and_field(data_copy, old, new, field, words):
    _bad_law(data_copy, old, new)
    with pytest.raises(ContentError) as info:
        load_law(data_copy)
    p = info.value.first
    assert p.file.endswith("law/01-gdpr.yaml") and p.field == field and words in p.message, str(info.value)


@pytest.mark.parametrize("old,new,field,words", [
    ("law: [gdpr-art-7-3]", "law: [gdpr-art-7-33]", "law[1]", "unknown legal text 'gdpr-art-7-33'"),
    ("    case: meta-2024", "    case: meta-2042", "case", "unknown case 'meta-2042'"),
    ("      - condition: demonstrable\n        verdict: not-met\n        reason: Since nobody",
     "      - condition: demonstrable\n        verdict: maybe\n        reason: Since nobody", "verdicts[7].verdict",
     "expected one of"),
])
def test_malformed_checklist_names_file_and_field(data_copy, old, new, field, words):
    p = data_copy / "checklist.yaml"
    text = p.read_text()
    assert old in text
    p.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError) as info:
        load_checklist(data_copy)
    first = info.value.first
    assert first.file.endswith("checklist.yaml") and first.field == field and words in first.message, str(info.value)


def test_missing_verdict_is_reported(data_copy):
    p = data_copy / "checklist.yaml"
    text = p.read_text()
    old = "      - condition: objection-effective\n        verdict: unclear\n"
    i = text.index(old)
    j = text.index("\n\n", i)
    p.write_text(text[:i] + text[j:])
    with pytest.raises(ContentError, match=r"no verdict for the condition\(s\) objection-effective"):
        load_checklist(data_copy)
