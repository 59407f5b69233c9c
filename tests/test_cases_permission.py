"""Licence or consent, and the chatbots students use (issue 24): every case coded, the coding in the table and its
filter, a mistake in the field named as an instructor reads it, and the four assistant cases with their defaults."""

from __future__ import annotations

import pytest

import kit
from kit.cases import case_rows, filter_rows
from kit.content import load_case
from kit.content.case import PERMISSIONS
from kit.content.loader import case_ids
from kit.content.registry import check_all
from tests.conftest import visible_text

LICENCE = {"reddit-2024", "stackoverflow-2024", "adobe-2024", "wetransfer-2025", "zoom-2023"}  # issue 24, item 3
CHATBOTS = {"openai-chatgpt-2023", "google-gemini-2025", "microsoft-copilot-2024", "meta-ai-2025"}


def test_every_shipped_case_is_coded_licence_consent_or_legitimate_interest_with_a_reason_and_sources():
    for cid in case_ids():
        case = load_case(cid)
        p = case.meta.permission
        assert p is not None, f"{cid} has no permission coding"
        assert p.kind in PERMISSIONS and len(p.reason.split()) >= 10, cid
        assert all(case.source(s).url or case.source(s).read_at for s in p.sources), cid


def test_the_licence_cases_of_the_issue_are_coded_licence_and_the_legitimate_interest_ones_so():
    kinds = {cid: load_case(cid).meta.permission.kind for cid in case_ids()}
    assert {cid for cid, k in kinds.items() if k == "licence"} >= LICENCE
    assert kinds["meta-2024"] == kinds["meta-ai-2025"] == kinds["linkedin-2024"] == "legitimate-interest"
    assert kinds["slack-2024"] == kinds["openai-chatgpt-2023"] == kinds["anthropic-2025"] == "consent"


def test_stack_overflow_cites_its_cc_by_sa_versions():
    so = load_case("stackoverflow-2024")
    assert "se-cc-licensing" in so.meta.permission.sources
    note = so.source("se-cc-licensing").note
    assert "2.5 before 8 April 2011" in note and "4.0 from 2 May 2018" in note


def test_the_table_has_the_coding_as_a_column_and_a_filter():
    rows = case_rows()
    assert all(r["permission"] in PERMISSIONS and r["permission_reason"] for r in rows)
    licence = {r["id"] for r in filter_rows(rows, permission="licence")}
    assert licence >= LICENCE and not licence & CHATBOTS
    view = kit.show_cases_table()
    shown = visible_text(view)
    assert "Licence or consent" in shown and "legitimate interest" in shown
    view.permission.value = "legitimate-interest"
    shown = visible_text(view)
    assert "Meta" in shown and "LinkedIn" in shown and "Reddit" not in shown and "Slack" not in shown
    assert view.permission.tooltip and view.permission.description == "Licence or consent"


def test_a_wrong_coding_is_named_by_file_line_and_field(data_copy):
    path = data_copy / "cases" / "reddit-2024" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  kind: licence", "  kind: license", 1), encoding="utf-8")
    said = [str(p) for p in check_all(data_copy)[1]]
    assert any(p.endswith("reddit-2024/case.yaml, line 43 (case 'reddit-2024'), field 'permission.kind': expected one "
                          "of 'licence', 'consent', 'legitimate-interest'; got 'license' (did you mean 'licence'?)")
               for p in said), said
    head, tail = text.split("permission:")  # the coding's own sources, not the choice's
    path.write_text(head + "permission:" + tail.replace("chiplaw-reddit", "nowhere"), encoding="utf-8")
    said = [str(p) for p in check_all(data_copy)[1]]
    assert any("reddit-2024/case.yaml, line 47 (case 'reddit-2024'), field 'permission.sources[2]': unknown source "
               "'nowhere': no source with this id in" in p for p in said), said


def test_a_case_without_the_coding_still_loads_and_shows_unknown(data_copy):
    path = data_copy / "cases" / "reddit-2024" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("permission:")], encoding="utf-8")
    assert load_case(data_copy / "cases" / "reddit-2024").meta.permission is None
    row = next(r for r in case_rows() if r["id"] == "reddit-2024")
    assert row["permission"] == "" and "unknown" in visible_text(kit.show_cases_table())


@pytest.mark.parametrize("cid", sorted(CHATBOTS))
def test_each_chatbot_case_has_its_default_who_can_opt_out_and_how_dated_and_sourced(cid):
    case = load_case(cid)
    choice = case.meta.choice
    assert choice.default == "in" and choice.who_can_act and choice.steps
    assert choice.mechanism in ("setting", "setting-and-form", "form") and choice.individual_can_act
    assert case.events and all(e.sources for e in case.events) and case.meta.period.start.year >= 2023


def test_the_garante_decision_is_the_enforcement_example():
    chatgpt = load_case("openai-chatgpt-2023")
    events = {e.id: e for e in chatgpt.events}
    assert events["garante-decision"].date.iso() == "2024-11-02"
    assert events["garante-announced"].date.iso() == "2024-12-20"
    assert "€15 million" in chatgpt.meta.outcome


def test_undated_help_pages_say_when_they_were_read():
    for cid, source in (("openai-chatgpt-2023", "openai-data-controls"),
                        ("google-gemini-2025", "google-help-gemini-activity")):
        s = load_case(cid).source(source)
        assert s.date is None and "undated" in s.note and "6 December 2026" in s.note
