"""Legal texts and the checklist file load, carry sources, link only official publishers, and malformed entries name
file, entry and field."""

from __future__ import annotations

import pytest

from kit.content import ContentError, check_all
from kit.content.law import check_law_and_checklist, load_checklist, load_law, official_host
from kit.content.schema import ParseContext

REQUIRED = ["gdpr-art-4-11", "gdpr-art-6-1-a", "gdpr-art-6-1-f", "gdpr-art-7-1", "gdpr-art-7-2", "gdpr-art-7-3",
            "gdpr-art-7-4", "gdpr-art-21-1", "gdpr-art-21-4", "gdpr-recital-32", "planet49", "edpb-guidelines-05-2020",
            "edpb-opinion-28-2024", "ccpa-1798-120-a", "ccpa-1798-135", "ftc-2024-02-13",
            # issue 23: the frame a privacy lawyer would teach the case in
            "gdpr-art-4-7-8", "gdpr-art-28-10", "gdpr-recital-43", "edpb-guidelines-1-2024", "gdpr-art-5-1-b",
            "gdpr-art-6-4", "gdpr-art-13-1", "gdpr-art-9-1", "gdpr-art-17-1", "gdpr-recital-26", "gdpr-art-4-5",
            "eprivacy-art-5-1", "ccpa-1798-120-c", "ccpa-1798-140-h", "ccr-7002", "ccr-7050",
            "code-travail-l1222-4", "code-travail-l2312-38"]


def test_every_required_text_is_there_with_a_source_and_status():
    law = load_law()
    for i in REQUIRED:
        assert i in law, i
        assert law[i].url.startswith("http") and law[i].status and law[i].explanation


def test_key_wording_matches_the_official_text():
    law = load_law()
    assert law["gdpr-art-7-3"].text.endswith("It shall be as easy to withdraw as to give consent.")
    silence = "Silence, pre-ticked boxes or inactivity should not therefore constitute consent."
    assert silence in law["gdpr-recital-32"].text
    assert law["planet49"].date.iso() == "2019-10-01" and "C-673/17" in law["planet49"].reference
    assert law["edpb-opinion-28-2024"].date.iso() == "2024-12-17"
    assert law["edpb-guidelines-05-2020"].date.iso() == "2020-05-04"
    assert "employer/employee relationship" in law["edpb-guidelines-05-2020"].text
    assert law["ftc-2024-02-13"].status == "seen-primary" and law["ftc-2024-02-13"].date.iso() == "2024-02-13"
    assert "by a clear affirmative action" in law["gdpr-art-4-11"].text
    assert law["gdpr-art-4-11"].translations[0].language == "fr"
    assert "shall be considered to be a controller in respect of that processing" in law["gdpr-art-28-10"].text
    assert "clear imbalance between the data subject and the controller" in law["gdpr-recital-43"].text
    assert "three cumulative conditions" in law["edpb-guidelines-1-2024"].text
    assert "should be considered to be information on an identifiable natural person" in law["gdpr-recital-26"].text
    assert "has affirmatively authorized" in law["ccpa-1798-120-c"].text
    assert "dark patterns does not constitute consent" in law["ccpa-1798-140-h"].text
    # French labour law has its words only in French: no English quotation is made up for it
    l1222 = law["code-travail-l1222-4"]
    assert l1222.text is None and l1222.translations[0].text.startswith("Aucune information concernant personnellement")


def test_every_legal_text_links_its_official_publisher():
    """Issue 23: the link students follow is EUR-Lex, curia, the EDPB, a regulator or a legislature; copies are in
    read_at. (kit check enforces it; this names the shipped offenders if any slip in.)"""
    import yaml

    from tests.conftest import ROOT

    hosts = [h["host"] for h in yaml.safe_load((ROOT / "data" / "official_hosts.yaml").read_text())["hosts"]]
    bad = [(t.id, u) for t in load_law().values() for u in [t.url, *(tr.url for tr in t.translations)]
           if not official_host(u, hosts)]
    assert bad == []
    assert official_host("https://www.edpb.europa.eu/x", ["edpb.europa.eu"])  # a subdomain counts
    assert not official_host("https://eur-lex.europa.eu.example.com/x", ["eur-lex.europa.eu"])
    assert not official_host("https://www.lexology.com/library", hosts)


def test_kit_check_covers_law_and_checklist():
    counts, problems = check_all()
    assert not problems, problems
    assert counts["legal texts and checklist entries"] >= 50


def _check(root):
    ctx = ParseContext()
    check_law_and_checklist(root, ctx)
    return ctx.problems


def test_a_legal_text_linking_a_copy_is_refused_naming_the_entry(data_copy):
    p = data_copy / "law" / "01-gdpr.yaml"
    text = p.read_text()
    old = "    reference: Art. 4(11)\n"
    i = text.index(old)
    j = text.index("    url: https://eur-lex.europa.eu/eli/reg/2016/679/oj\n", i)
    text = text[:j] + "    url: https://www.lexology.com/library/detail.aspx?g=67263a26\n" + text[j + 55:]
    p.write_text(text)
    (problem,) = _check(data_copy)
    assert problem.file.endswith("law/01-gdpr.yaml") and problem.field == "url"
    assert "legal text 'gdpr-art-4-11'" in str(problem)
    assert ("'www.lexology.com' is not an official publisher of legal texts, and students follow this link: link the "
            "official page") in problem.message
    assert "official_hosts.yaml" in problem.message and "read_at" in problem.message


def test_an_official_translation_linking_a_copy_is_refused(data_copy):
    p = data_copy / "law" / "04-france.yaml"
    text = p.read_text()
    old = "        url: https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006900861\n"
    assert old in text
    p.write_text(text.replace(old, "        url: https://code-du-travail.example.org/l1222-4\n"))
    (problem,) = _check(data_copy)
    assert problem.field == "translations[1].url" and "code-travail-l1222-4" in str(problem)
    assert "'code-du-travail.example.org' is not an official publisher" in problem.message


def test_missing_official_hosts_file_is_named(data_copy):
    (data_copy / "official_hosts.yaml").unlink()
    problems = _check(data_copy)
    (problem,) = problems
    assert problem.file.endswith("official_hosts.yaml") and "file missing" in problem.message


def _bad_law(data_copy, old, new):
    p = data_copy / "law" / "01-gdpr.yaml"
    text = p.read_text()
    assert old in text
    p.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("old,new,field,words", [
    ("    status: seen-secondary\n    copies_checked: 3\n    checked: >-\n      Compared on 2 Dec 2026 with "
     "EUR-Lex's consolidated text (02016R0679",
     "    status: seen-secondry\n    copies_checked: 3\n    checked: >-\n      Compared on 2 Dec 2026 with "
     "EUR-Lex's consolidated text (02016R0679", "status", "did you mean 'seen-secondary'"),
    ("    read_at: https://github.com/PGScully/", "    read_at: github.com/PGScully/", "read_at", "http"),
    ("  - id: gdpr-art-6-1-f", "  - id: gdpr-art-6-1-a", "id", "duplicate id"),
    ("    copies_checked: 4\n", "    copies_checked: 0\n", "copies_checked", "between 1 and 50"),
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
    ("      - condition: li-necessity\n        verdict: unclear\n        reason: >-\n          Slack said",
     "      - condition: specific\n        verdict: unclear\n        reason: >-\n          Slack said",
     "verdicts[2].condition",
     "the condition 'specific' is for consent, but this assessment's basis is legitimate-interest"),
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


def test_an_assessment_must_say_which_relationship_it_assesses(data_copy):
    p = data_copy / "checklist.yaml"
    text = p.read_text()
    i = text.index("    relationship: X as the controller")
    j = text.index("\n", i) + 1
    p.write_text(text[:i] + text[j:])
    with pytest.raises(ContentError) as info:
        load_checklist(data_copy)
    first = info.value.first
    assert first.field == "relationship" and "assessment 'x-grok-2024'" in str(first)


def test_missing_verdict_is_reported(data_copy):
    p = data_copy / "checklist.yaml"
    text = p.read_text()
    old = "      - condition: objection-effective\n        verdict: unclear\n"
    i = text.index(old)
    j = text.index("\n\n", i)
    p.write_text(text[:i] + text[j:])
    with pytest.raises(ContentError, match=r"no verdict for the condition\(s\) objection-effective"):
        load_checklist(data_copy)
