"""Research figures: the data says what the fact sheet says; mistakes name file, entry and field; plots use the data."""

from __future__ import annotations

import pytest

from kit.content import ContentError
from kit.content.research import load_research, load_simulation
from tests import svgfig

# (figure id, value, status): values as in /work/shared/research/facts.md §4 and facts_addendum.md §2–§4; statuses
# as corrected in issue 12 (a value read on an image of the Science page or in a copy of a paper is seen-secondary)
# and the 2023 replication's organ-donation half (Chandrashekar et al., Results and Table 5).
EXPECTED = [
    ("jg-denmark", 4.25, "seen-secondary"), ("jg-netherlands", 27.5, "seen-secondary"),
    ("jg-united-kingdom", 17.17, "seen-secondary"), ("jg-germany", 12, "seen-secondary"),
    ("jg-austria", 99.98, "seen-secondary"), ("jg-belgium", 98, "seen-secondary"),
    ("jg-france", 99.91, "seen-secondary"), ("jg-hungary", 99.97, "seen-secondary"),
    ("jg-poland", 99.5, "seen-secondary"), ("jg-portugal", 99.64, "seen-secondary"),
    ("jg-sweden", 85.9, "seen-secondary"),
    ("jg-online-opt-in", 42, "seen-secondary"), ("jg-online-opt-out", 82, "seen-secondary"),
    ("jg-online-neutral", 79, "seen-secondary"),
    ("rep-organ-opt-out", 73.5, "seen-secondary"), ("rep-organ-no-default", 69.7, "seen-secondary"),
    ("rep-organ-opt-in", 62.5, "seen-secondary"),
    ("ms-automatic", 86, "seen-secondary"), ("ms-opt-in", 37, "seen-secondary"),
    ("rep-opt-in", 61.1, "seen-secondary"), ("rep-opt-out", 60.5, "seen-secondary"),
    ("rep-no-default", 59.8, "seen-secondary"),
    ("nouwens-compliant", 11.8, "seen-secondary"),
    ("mc-hours-201", 201, "seen-secondary"), ("mc-hours-244", 244, "seen-secondary"),
    ("mc-usd-781bn", 781, "seen-secondary"),
]


@pytest.mark.parametrize(("fid", "value", "status"), EXPECTED)
def test_figures_match_the_fact_sheet(fid, value, status):
    f = load_research().figure(fid)
    assert f.value == value
    assert f.status == status


def test_groups_ranges_and_caveats():
    r = load_research()
    assert {f.group for f in r.chart("jg-countries")[:4]} == {"opt-in"}
    assert {f.group for f in r.chart("jg-countries")[4:]} == {"opt-out"}
    nouwens = r.figure("nouwens-no-reject-first-page")
    assert (nouwens.value, nouwens.value_high, nouwens.unit) == (22, 23, "percentage-points")
    assert "CLEAR" in r.study("madrian-shea-2001").caveat
    assert "no default" in r.study("chandrashekar-2023").caveat and "73.5%" in r.study("chandrashekar-2023").caveat
    # the original experiment and its replication share one chart, the original first in each group
    online = r.chart("jg-online")
    assert [(f.group, f.study) for f in online] == [
        (g, s) for g in ("opt-out", "neutral", "opt-in") for s in ("johnson-goldstein-2003", "chandrashekar-2023")]
    assert [f.value for f in online] == [82, 73.5, 79, 69.7, 42, 62.5]
    assert "did not register an objection" in r.study("johnson-goldstein-2003").caveat


def test_unverified_numbers_stay_out():
    """$3,534 (McDonald & Cranor), 48.2% / 96.3% (Johnson, Bellman & Lohse) and 99.997 are not figures of the kit."""
    values = {f.value for f in load_research().figures} | {f.value_high for f in load_research().figures}
    assert not values & {3534, 48.2, 96.3, 99.997}
    assert "$3,534" in load_research().study("mcdonald-cranor-2008").caveat  # named only to say it is left out


# (file, old text, new text, words expected in the message: file, entry, field, message)
MALFORMED = [
    ("defaults.yaml", "  - id: jg-online-opt-in\n    study: johnson-goldstein-2003",
     "  - id: jg-online-opt-in\n    study: johnson-goldstien-2003",
     ("defaults.yaml", "figure 'jg-online-opt-in'", "study", "unknown study")),
    ("defaults.yaml", "    value: 82\n", "    value: lots\n",
     ("defaults.yaml", "figure 'jg-online-opt-out'", "value", "expected a number")),
    ("defaults.yaml", "    value: 79\n", "",
     ("defaults.yaml", "figure 'jg-online-neutral'", "value", "missing")),
    ("defaults.yaml", "    status: seen-secondary\n    note: >-\n      Share who agreed to be donors when not being",
     "    status: seen-secondry\n    note: >-\n      Share who agreed to be donors when not being",
     ("defaults.yaml", "figure 'jg-online-opt-in'", "status", "did you mean 'seen-secondary'")),
    ("defaults.yaml", "  - id: jg-online-opt-out", "  - id: jg-online-opt-in",
     ("defaults.yaml", "figure 'jg-online-opt-in'", "id", "duplicate id")),
    ("defaults.yaml", "    value: 86\n", "    value: 186\n",
     ("defaults.yaml", "figure 'ms-automatic'", "value", "between 0 and 100")),
    ("consent_ui.yaml", "    value_high: 23\n", "    value_high: 2\n",
     ("consent_ui.yaml", "figure 'nouwens-no-reject-first-page'", "value_high", "below the value")),
    ("consent_ui.yaml", "    unit: percentage-points\n    source", "    unit: points\n    source",
     ("consent_ui.yaml", "figure 'nouwens-no-reject-first-page'", "unit", "expected one of")),
    ("reading_cost.yaml", "source: \"https://heinonline.org/HOL/LandingPage?handle=hein.journals/isjlpsoc4&div=27&id&page\","
     " read_at: \"https://github.com/fritzhand/history-of-privacy\", status: seen-secondary, note: \"Quoted",
     "source: \"heinonline.org/HOL\", read_at: \"https://github.com/fritzhand/history-of-privacy\", status: "
     "seen-secondary, note: \"Quoted",
     ("reading_cost.yaml", "figure 'mc-hours-201'", "source", "http")),
    ("simulation.yaml", "    want: 0.5\n    awareness: 0.2", "    want: 50\n    awareness: 0.2",
     ("simulation.yaml", "preset 'slack-as-it-was'", "want", "between 0 and 1")),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), MALFORMED,
                         ids=[m[3][2] + "-" + m[3][3][:12] for m in MALFORMED])
def test_malformed_research_names_file_entry_field(data_copy, file, old, new, expected):
    path = data_copy / "research" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"data changed: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    loader = load_simulation if file == "simulation.yaml" else load_research
    with pytest.raises(ContentError) as err:
        loader()
    want_file, want_entry, want_field, words = expected
    p = next((p for p in err.value.problems if p.field == want_field), None)
    assert p is not None, str(err.value)
    assert p.file.endswith(want_file) and p.entry == want_entry and words in p.message, str(p)
    assert p.line is not None


def test_kit_check_reports_research_problems(data_copy):
    from kit.content import check_all

    path = data_copy / "research" / "defaults.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 79\n", "value: 790\n"), encoding="utf-8")
    counts, problems = check_all(data_copy)
    assert counts["research figures and simulation presets"] > 30
    assert any(p.entry == "figure 'jg-online-neutral'" and p.field == "value" for p in problems)


def _heights(fig):
    """The datum each bar of an SVG chart is drawn for."""
    return [round(v, 6) for v in svgfig.values(fig)]


def test_plot_is_built_from_the_data(data_copy):
    from kit.plots.research import chart_alt, chart_caption, chart_figure

    before = _heights(chart_figure(load_research(), "jg-countries"))
    assert 12 in before and 99.97 in before
    path = data_copy / "research" / "defaults.yaml"
    text = path.read_text(encoding="utf-8")
    old, new = "condition: Germany, group: opt-in, value: 12,", "condition: Germany, group: opt-in, value: 55,"
    path.write_text(text.replace(old, new), encoding="utf-8")
    research = load_research()
    after = _heights(chart_figure(research, "jg-countries"))
    assert 55 in after and 12 not in after
    assert "Germany (opt-in): 55%" in chart_alt(research, "jg-countries")
    assert "Johnson" in chart_caption(research, "jg-countries")


def test_online_experiment_plot_and_caption():
    from kit.plots.research import chart_alt, chart_caption, chart_figure

    r = load_research()
    # the 2003 experiment beside its 2023 replication, condition by condition
    assert _heights(chart_figure(r, "jg-online")) == [82, 73.5, 79, 69.7, 42, 62.5]
    alt = chart_alt(r, "jg-online")
    assert "Opt-out, 2003 original (opt-out): 82%" in alt and "Opt-in, 2023 replication (opt-in): 62.5%" in alt
    cap = chart_caption(r, "jg-online")
    assert "Science" in cap and "Meta-Psychology" in cap and "Seen only in a copy" in cap


def test_cookie_banner_plot_shows_both_effects():
    from kit.plots.research import chart_alt, chart_figure

    r = load_research()
    fig = chart_figure(r, "cookie-banner")
    widths = _heights(fig)  # the light bar reaches the larger effect
    assert 23 in widths and -20 in widths
    assert "22–23 points" in chart_alt(r, "cookie-banner")


def test_default_effects_view_shows_every_figure_escaped(data_copy):
    from kit.ui.research import DefaultEffectsView

    path = data_copy / "research" / "defaults.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("condition: Sweden,", "condition: \"<script>Sweden</script>\","), encoding="utf-8")
    view = DefaultEffectsView(load_research())
    assert "&lt;script&gt;Sweden" in view.table and "<script>" not in view.table
    assert view.table.count("<tr>") == len(load_research().figures) + 1
    assert all("alt='Bar chart" in c for c in view.charts.values())
    (shown,) = view.children  # what the page shows: every chart and the table, in one control
    assert all(c in shown.value for c in view.charts.values()) and view.table in shown.value
