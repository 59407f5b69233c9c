"""The cross-case table (notebook 05): facts agree with the fact sheet; filters; plots with alt text; no pandas."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kit
from kit.cases import case_rows, filter_rows
from kit.content import load_case
from kit.plots.cases import by_year_alt, by_year_figure, steps_alt, steps_figure, timeline_alt, timeline_figure

NEW = ["zoom-2023", "adobe-2024", "linkedin-2024", "meta-2024", "x-grok-2024", "reddit-2024", "tumblr-wordpress-2024",
       "google-2023", "stackoverflow-2024", "wetransfer-2025", "anthropic-2025"]


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
    assert _ids(filter_rows(rows, region="europe")) == {"meta-2024"}
    assert {r["default"] for r in filter_rows(rows, mechanism=["none"])} == {"none"}
    assert len(filter_rows(rows, year=[1999])) == 0
    assert filter_rows(rows, default="nothing-like-this") == []


def test_steps_count_the_opt_out_path(rows):
    steps = {r["id"]: r["steps"] for r in rows}
    assert steps["meta-2024"] == 3 and steps["x-grok-2024"] == 1
    assert steps["stackoverflow-2024"] is None and steps["reddit-2024"] is None


def test_plots_build_and_have_alt_text(rows):
    for fig in (timeline_figure(rows), by_year_figure(rows), steps_figure(rows)):
        assert fig.axes
    assert f"{len(rows)} cases" in timeline_alt(rows)
    assert "2024:" in by_year_alt(rows)
    alt = steps_alt(rows)
    assert "no individual opt-out" in alt and "not each person's own choice" in alt and "admin" not in alt
    labels = [t.get_text() for t in steps_figure(rows).axes[0].texts]
    assert "no individual opt-out" in labels


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
    view.default.value = "in"
    assert "No case matches" in view.table.value
    assert all(c.description for c in (view.year, view.default, view.mechanism, view.region))


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
    assert html.count("<th ") == 5 and html.count("<details>") == len(view.filtered)
    assert "Outcome" in html and "How sure" in html  # inside each case's fold-out, not as columns
