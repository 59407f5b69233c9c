"""The cross-case table: facts agree with the fact sheet; filters; plots with alt text."""

from __future__ import annotations

import pytest

from kit.cases import cases_frame, filter_cases
from kit.content import load_case
from kit.plots.cases import by_year_alt, by_year_figure, steps_alt, steps_figure, timeline_alt, timeline_figure

NEW = ["zoom-2023", "adobe-2024", "linkedin-2024", "meta-2024", "x-grok-2024", "reddit-2024", "tumblr-wordpress-2024",
       "google-2023", "stackoverflow-2024", "wetransfer-2025", "anthropic-2025"]


@pytest.fixture(scope="module")
def df():
    return cases_frame()


def test_every_comparable_case_is_in_the_table(df):
    assert set(NEW) | {"slack-2024"} <= set(df["id"])
    assert list(df["start"]) == sorted(df["start"])


def test_dates_and_defaults_agree_with_the_fact_sheet(df):
    rows = df.set_index("id")
    assert rows.loc["slack-2024", "default"] == "in" and rows.loc["slack-2024", "mechanism"] == "email"
    assert rows.loc["linkedin-2024", "default"] == "in" and rows.loc["linkedin-2024", "mechanism"] == "setting-and-form"
    assert rows.loc["meta-2024", "mechanism"] == "form" and "6(1)(f)" in rows.loc["meta-2024", "legal_basis"]
    assert rows.loc["reddit-2024", "default"] == "none" and rows.loc["reddit-2024", "status"] == "unverified"
    dates = {e.id: e.date.iso() for cid in NEW for e in load_case(cid).events}
    assert dates["zoom-without-consent"] == "2023-08-07"
    assert dates["meta-pause"] == "2024-06-14" and dates["dpc-statement-2025"] == "2025-05-21"
    assert dates["x-permanent"] == "2024-09-04" and dates["linkedin-europe-2025"] == "2025-11-03"
    assert dates["anthropic-deadline"] == "2025-09-28" and dates["google-policy-update"] == "2023-07-01"


def test_filters_combine(df):
    assert len(filter_cases(df)) == len(df)
    in_2024 = filter_cases(df, year=[2024], default="in")
    assert set(in_2024["year"]) == {2024} and set(in_2024["default"]) == {"in"}
    assert set(filter_cases(df, region="europe")["id"]) == {"meta-2024", "meta-ai-2025"}
    assert set(filter_cases(df, permission="legitimate-interest")["id"]) >= {"meta-2024", "linkedin-2024"}
    assert set(filter_cases(df, mechanism=["none"])["default"]) == {"none"}
    assert len(filter_cases(df, year=[1999])) == 0


def test_steps_count_the_opt_out_path(df):
    steps = df.set_index("id")["steps"]
    assert steps["meta-2024"] == 3 and steps["x-grok-2024"] == 1
    assert steps.isna()["stackoverflow-2024"] and steps.isna()["reddit-2024"]


def test_plots_build_and_have_alt_text(df):
    for fig in (timeline_figure(df), by_year_figure(df), steps_figure(df)):
        assert fig.axes
    assert "12 cases" in timeline_alt(df) or f"{len(df)} cases" in timeline_alt(df)
    assert "2024:" in by_year_alt(df)
    alt = steps_alt(df)
    assert "no individual opt-out" in alt and "not each person's own choice" in alt and "admin" not in alt
    labels = [t.get_text() for t in steps_figure(df).axes[0].texts]
    assert "no individual opt-out" in labels
