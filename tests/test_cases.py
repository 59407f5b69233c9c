"""The cross-case table (notebook 05): facts agree with the fact sheet; filters; plots with alt text; no pandas; licence
or consent, and the chatbots students use (issue 24)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kit
from kit.cases import case_rows, filter_rows
from kit.content import load_case
from kit.content.case import PERMISSIONS
from kit.content.cases import case_ids
from kit.content.registry import check_all
from kit.plots.cases import by_year_alt, by_year_figure, steps_alt, steps_figure, timeline_alt, timeline_figure
from tests import svgfig
from tests.conftest import visible_text

NEW = ["zoom-2023", "adobe-2024", "linkedin-2024", "meta-2024", "x-grok-2024", "reddit-2024", "tumblr-wordpress-2024",
       "google-2023", "stackoverflow-2024", "wetransfer-2025", "anthropic-2025"]
LICENCE = {"reddit-2024", "stackoverflow-2024", "adobe-2024", "wetransfer-2025", "zoom-2023"}  # issue 24, item 3
CHATBOTS = {"openai-chatgpt-2023", "google-gemini-2025", "microsoft-copilot-2024", "meta-ai-2025"}


@pytest.fixture(scope="module")
def rows():
    return case_rows()


def _ids(rows):
    return {r["id"] for r in rows}


def test_every_comparable_case_is_in_the_table(rows):
    assert set(NEW) | {"slack-2024"} <= _ids(rows)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_dates_and_defaults_agree_with_the_fact_sheet(rows):
    by_id = {r["id"]: r for r in rows}
    assert by_id["slack-2024"]["default"] == "in" and by_id["slack-2024"]["mechanism"] == "email"
    assert by_id["linkedin-2024"]["default"] == "in" and by_id["linkedin-2024"]["mechanism"] == "setting-and-form"
    assert by_id["meta-2024"]["mechanism"] == "form" and "6(1)(f)" in by_id["meta-2024"]["legal_basis"]
    assert by_id["reddit-2024"]["default"] == "none" and by_id["reddit-2024"]["status"] == "unverified"
    dates = {e.id: e.date.iso() for cid in NEW for e in load_case(cid).events}
    assert dates["zoom-without-consent"] == "2023-08-07"
    assert dates["meta-pause"] == "2024-06-14" and dates["dpc-statement-2025"] == "2025-05-21"
    assert dates["x-permanent"] == "2024-09-04" and dates["linkedin-europe-2025"] == "2025-11-03"
    assert dates["anthropic-deadline"] == "2025-09-28" and dates["google-policy-update"] == "2023-07-01"


def test_filters_combine(rows):
    assert len(filter_rows(rows)) == len(rows)
    in_2024 = filter_rows(rows, year=[2024], default="in")
    assert {r["year"] for r in in_2024} == {2024} and {r["default"] for r in in_2024} == {"in"}
    assert _ids(filter_rows(rows, region="europe")) == {"meta-2024", "meta-ai-2025"}
    assert _ids(filter_rows(rows, permission="legitimate-interest")) >= {"meta-2024", "linkedin-2024"}
    assert {r["default"] for r in filter_rows(rows, mechanism=["none"])} == {"none"}
    assert len(filter_rows(rows, year=[1999])) == 0
    assert filter_rows(rows, default="nothing-like-this") == []


def test_steps_count_the_opt_out_path(rows):
    steps = {r["id"]: r["steps"] for r in rows}
    assert steps["meta-2024"] == 3 and steps["x-grok-2024"] == 1
    assert steps["stackoverflow-2024"] is None and steps["reddit-2024"] is None


def test_plots_build_and_have_alt_text(rows):
    for fig in (timeline_figure(rows), by_year_figure(rows), steps_figure(rows)):
        assert fig.startswith("<svg") and svgfig.texts(fig)
    assert f"{len(rows)} cases" in timeline_alt(rows)
    assert "2024:" in by_year_alt(rows)
    alt = steps_alt(rows)
    assert "no individual opt-out" in alt and "not each person's own choice" in alt and "admin" not in alt
    labels = [text for text, _box, _el in svgfig.texts(steps_figure(rows))]
    assert "no individual opt-out" in labels and "Anthropic" in labels
    # one bar per case with a count of steps, as long as its count
    assert sorted(svgfig.values(steps_figure(rows))) == sorted(r["steps"] for r in rows if r["steps"] is not None)


def test_notebook_05s_views_show_the_cases_without_loading_pandas():
    code = ("import json, sys, kit\n"
            "table = kit.show_cases_table(); plots = kit.show_case_plots()\n"
            "bundles = [v._repr_mimebundle_() for v in (table, plots)]\n"
            "print(json.dumps(['pandas' in sys.modules, table.table.value.count('<details>'),"
            " len(plots.figures.children), bundles[1]['text/html'].count('<img ')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    pandas_loaded, shown, figures, images = json.loads(out)
    assert not pandas_loaded
    assert shown == len(case_rows()) and figures == 3 and images == 3


# ------------------------------------------------------------------------------- the views: filters, table, plots


def test_cases_filters_update_the_table():
    view = kit.show_cases_table()
    assert "12 of 12" in view.count.value or "of" in view.count.value
    view.region.value = "europe"
    assert "Meta" in view.table.value and "Slack" not in view.table.value
    view.region.value = ""
    view.year.value = (2025,)
    assert "Anthropic" in view.table.value and "Zoom" not in view.table.value
    view.year.value = (2023,)
    view.mechanism.value = "pop-up"
    assert "No case matches" in view.table.value
    assert all(c.description for c in (view.year, view.default, view.mechanism, view.region, view.permission))


def test_table_escapes_content(monkeypatch):
    from kit.cases import case_rows
    from kit.ui.cases import table_html

    rows = case_rows()
    rows[0]["company"] = "<script>alert(1)</script>"
    assert "&lt;script&gt;" in table_html(rows) and "<script>" not in table_html(rows)


def test_plots_follow_the_filters():
    view = kit.show_case_plots()
    assert len(view.figures.children) == 3 and "alt=" in view.figures.children[0].value
    view.mechanism.value = "form"
    assert "Meta" in view.figures.children[2].value and "Slack" not in view.figures.children[2].value


def test_steps_chart_does_not_say_admin():
    from kit.i18n import t

    assert "admin" not in t("cases.not_individual")


def test_cases_table_shows_a_summary_and_each_case_on_demand():
    """Issue 16, item 5: ten columns made notebook 05's table ~6,300 px tall and cut its last column."""
    view = kit.show_cases_table()
    html = view.table.value
    # six columns: the fifth of issue 16 and, since issue 24, licence or consent
    assert html.count("<th ") == 6 and html.count("<details>") == len(view.filtered)
    assert "Licence or consent" in html and "Why (licence or consent)" in html
    assert "Outcome" in html and "How sure" in html  # inside each case's fold-out, not as columns


# ------------------------------------------------- licence or consent, and the chatbots students use (issue 24)


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
