"""What a reader sees in each figure, measured: no text runs into another text, a line or a bar, and every text lies
inside the figure, in English and in French.

Every figure of the notebooks is SVG the kit writes (:mod:`kit.plots.svg`), measured from the SVG a student's browser
gets (``tests/svgfig.py``): the charts of notebooks 03 and 05 and each case's timeline, where no marker, number,
title, date or legend runs into another, for every case.
"""

from __future__ import annotations

import pytest

from kit.cases import load_cases
from kit.content.research import load_research, load_simulation
from kit.plots.timeline import timeline_figure
from tests import svgfig

CHARTS = svgfig.every_chart()


def _assert_every_text_inside(name: str, svg: str) -> None:
    width, height = svgfig.size(svg)
    for text, (x0, y0, x1, y1), _el in svgfig.texts(svg):
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5, \
            f"{name}: {text!r} at {(x0, y0, x1, y1)} is cut by the figure's edge ({width} × {height})"


def _assert_no_text_runs_into_another_a_line_or_a_bar(name: str, svg: str) -> None:
    texts = svgfig.texts(svg)
    for i, (a, ea, _x) in enumerate(texts):
        for b, eb, _y in texts[i + 1:]:
            assert not svgfig.overlap(ea, eb), f"{name}: {a!r} and {b!r} overlap"
    root = svgfig.parse(svg)
    lines = [tuple(float(el.get(k)) for k in ("x1", "y1", "x2", "y2")) for el in root.iter(f"{svgfig.NS}line")]
    bars = [tuple(float(el.get(k)) for k in ("x", "y", "width", "height")) for el in root.iter(f"{svgfig.NS}rect")
            if el.get("data-value") is not None]
    for text, box, _el in texts:
        for x1, y1, x2, y2 in lines:
            seg = (min(x1, x2) - 0.5, min(y1, y2) - 0.5, max(x1, x2) + 0.5, max(y1, y2) + 0.5)
            assert not svgfig.overlap(box, seg, slack=0.2), f"{name}: {text!r} runs into a line at {seg}"
        for x, y, w, h in bars:
            on_bar = box[0] >= x and box[2] <= x + w and box[1] >= y and box[3] <= y + h  # a count on its bar
            assert on_bar or not svgfig.overlap(box, (x, y, x + w, y + h)), f"{name}: {text!r} runs into a bar"


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_text_of_a_chart_lies_inside_it(name):
    _assert_every_text_inside(name, CHARTS[name])


@pytest.mark.parametrize("name", list(CHARTS))
def test_no_text_of_a_chart_runs_into_another_a_line_or_a_bar(name):
    """Issue 25: French group headers ran into each other, a value label into the axis label; a value label must
    also stay clear of the header line over its group."""
    _assert_no_text_runs_into_another_a_line_or_a_bar(name, CHARTS[name])


def test_the_charts_test_sees_both_languages_every_chart_preset_and_case():
    assert len(CHARTS) == 2 * (len(load_research().charts) + 3 + len(load_simulation().presets) + len(load_cases()))
    assert {"cases steps fr", "simulation slack-as-it-was fr", "timeline slack-2024 fr"} <= set(CHARTS)


TIMELINES = [n for n in CHARTS if n.startswith("timeline ")]


def _assert_nothing_runs_into_anything(name: str, svg: str) -> None:
    """Markers keep clear of each other; each shows its own number and nothing else; every other text, and the
    zoomed week's box, keeps clear of every marker; the box holds its text and nothing else."""
    texts = svgfig.texts(svg)
    marks = svgfig.markers(svg)
    for i, (n0, m0, _f0) in enumerate(marks):
        for n1, m1, _f1 in marks[i + 1:]:
            assert not svgfig.overlap(m0, m1), f"{name}: the markers of events {n0} and {n1} overlap"
    for n, m, _face in marks:
        inside = [s for s, b, _el in texts if b[0] >= m[0] and b[2] <= m[2] and b[1] >= m[1] and b[3] <= m[3]]
        assert inside == [str(n)], f"{name}: the marker of event {n} shows {inside}, not its number"
        for s, b, _el in texts:
            assert s == str(n) or not svgfig.overlap(b, m), f"{name}: {s!r} runs into the marker of event {n}"
    for box in svgfig.boxes(svg):
        held = [s for s, b, _el in texts if svgfig.overlap(b, box)]
        assert len(held) == 1 and "→" in held[0], f"{name}: the zoomed week's box holds {held}"
        assert not any(svgfig.overlap(m, box) for _n, m, _f in marks), f"{name}: a marker runs into the box"


@pytest.mark.parametrize("name", TIMELINES)
def test_timeline_markers_and_their_numbers_do_not_run_into_each_other(name):
    """Issue 16 item 8: on the Slack case, markers of events close in time were drawn on top of each other."""
    _assert_nothing_runs_into_anything(name, CHARTS[name])


def test_the_slack_timeline_zooms_into_its_busiest_week_and_numbers_every_event():
    svg = CHARTS["timeline slack-2024 en"]
    numbers = sorted(n for n, _b, _f in svgfig.markers(svg))
    assert numbers == list(range(1, len(numbers) + 1)) and len(svgfig.boxes(svg)) == 1
    shown = [s for s, _b, _el in svgfig.texts(svg)]
    assert "16 May" in shown and "20 May" in shown  # the zoom's axis, a tick a day


def _contrast(a: str, b: str) -> float:
    def lum(c):
        c = {"black": "#000000", "white": "#ffffff"}.get(c, c)
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (int(c[i:i + 2], 16) / 255
                                                                                      for i in (1, 3, 5))]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", TIMELINES)
def test_each_markers_number_is_readable_on_the_marker(name):
    """WCAG AA for text (4.5:1) between each number and the face of the marker it sits on; the dark theme inverts
    the figure, which keeps the contrast."""
    svg = CHARTS[name]
    ink = {s: el.get("fill", "black") for s, _b, el in svgfig.texts(svg) if s.isdigit()}
    for n, _box, face in svgfig.markers(svg):
        ratio = _contrast(ink[str(n)], face)
        assert ratio >= 4.5, f"{name}: number {n} is {ratio:.1f}:1 on its marker ({face})"


_STATUSES = ("seen-primary", "seen-secondary", "inferred")


@pytest.mark.parametrize("dates", [
    [f"2023-{m:02d}" for m in range(1, 13)],  # a month apart, all year
    ["2020", "2020-06", "2021-02"] + [f"2024-03-{d:02d}" for d in (1, 2, 2, 3, 3, 3, 4, 5, 6, 6, 6, 6, 7)],
    [f"2024-05-{d:02d}" for d in (1, 1, 1, 1, 1, 1, 1, 1)],  # all on one day
    ["2009", "2024-05-17"],  # fifteen years
], ids=["monthly", "burst", "one-day", "years"])
def test_a_crowded_timeline_of_an_instructors_case_stays_readable(mini_case, dates):
    """Not only the shipped cases: events a month apart all year, a busy week, eight on one day, fifteen years."""
    events = "".join(
        f"  - {{id: e{i}, date: {d}, title: Event {i}, what: Something happened., sources: [example-page], "
        f"status: {_STATUSES[i % 3]}}}\n" for i, d in enumerate(dates))
    (mini_case / "timeline.yaml").write_text("events:\n" + events, encoding="utf-8")
    from kit import load_case

    case = load_case(str(mini_case))
    assert len(case.timeline) == len(dates)
    svg = timeline_figure(case)
    numbers = sorted(n for n, _b, _f in svgfig.markers(svg))
    assert numbers == list(range(1, len(dates) + 1))  # every event drawn, none left out to make room
    _assert_nothing_runs_into_anything("mini-case", svg)
    _assert_every_text_inside("mini-case", svg)
    _assert_no_text_runs_into_another_a_line_or_a_bar("mini-case", svg)
