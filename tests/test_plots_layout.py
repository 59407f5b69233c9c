"""What a reader sees in each figure, measured: no text runs into another text, a line or a bar, and every text lies
inside the figure, in English and in French.

The charts of notebooks 03 and 05 are SVG (:mod:`kit.plots.svg`), measured from the SVG a student's browser gets
(``tests/svgfig.py``). A case's timeline is drawn with matplotlib on an Agg canvas and measured from the artists'
window extents: no marker, number, title, date or legend runs into another, for every case.
"""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from kit.cases import load_cases  # noqa: E402
from kit.content.language import speaking  # noqa: E402
from kit.content.research import load_research, load_simulation  # noqa: E402
from kit.plots.timeline import timeline_figure  # noqa: E402
from tests import svgfig  # noqa: E402


def _draw(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def _texts(fig, renderer):
    """Every text the reader sees (tick labels only where a tick is drawn) with its box in pixels."""
    ticks = {id(lab) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for lab in axis.get_ticklabels(which="both")}
    drawn = [lab for ax in fig.axes for lab in _tick_labels(ax)]
    out = []
    for a in [*fig.findobj(Text), *drawn]:
        if id(a) in ticks and a not in drawn:
            continue
        if a.get_visible() and a.get_text().strip() and a.get_figure() is not None:
            out.append((a, a.get_window_extent(renderer)))
    return out


def _overlap(a, b, slack: float = 0.5) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > slack) and (min(a.y1, b.y1) - max(a.y0, b.y0) > slack)


def _tick_labels(ax):
    """The tick labels matplotlib draws: non-empty, at a tick inside the axis' view limits."""
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        for loc, lab in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=False):
            if lo - 1e-9 <= loc <= hi + 1e-9 and lab.get_visible() and lab.get_text().strip():
                out.append(lab)
    return out


def _all_figures():
    """The matplotlib figures: each case's timeline, in English and in French (longer dates and titles)."""
    figs = {}
    for case in load_cases():
        figs[f"timeline {case.id}"] = timeline_figure(case)
    with speaking("fr"):
        for case in load_cases():
            figs[f"timeline {case.id} fr"] = timeline_figure(case)
    return figs


CHARTS = svgfig.every_chart()


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_text_of_a_chart_lies_inside_it(name):
    width, height = svgfig.size(CHARTS[name])
    for text, (x0, y0, x1, y1), _el in svgfig.texts(CHARTS[name]):
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= width + 0.5 and y1 <= height + 0.5, \
            f"{name}: {text!r} at {(x0, y0, x1, y1)} is cut by the figure's edge ({width} × {height})"


@pytest.mark.parametrize("name", list(CHARTS))
def test_no_text_of_a_chart_runs_into_another_a_line_or_a_bar(name):
    """Issue 25: French group headers ran into each other, a value label into the axis label; a value label must
    also stay clear of the header line over its group."""
    svg = CHARTS[name]
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


def test_the_charts_test_sees_both_languages_every_chart_and_preset():
    assert len(CHARTS) == 2 * (len(load_research().charts) + 3 + len(load_simulation().presets))
    assert "cases steps fr" in CHARTS and "simulation slack-as-it-was fr" in CHARTS


FIGURES = _all_figures()


@pytest.mark.parametrize("name", list(FIGURES))
def test_no_two_tick_labels_overlap(name):
    fig = FIGURES[name]
    r = _draw(fig)
    for ax in fig.axes:
        boxes = [(lab.get_text(), lab.get_window_extent(r)) for lab in _tick_labels(ax)]
        for i, (ta, a) in enumerate(boxes):
            for tb, b in boxes[i + 1:]:
                assert not _overlap(a, b), f"{name}: tick labels {ta!r} and {tb!r} overlap"


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_text_lies_inside_the_figure(name):
    fig = FIGURES[name]
    r = _draw(fig)
    box = fig.bbox
    for a, ext in _texts(fig, r):
        inside = ext.x0 >= box.x0 - 0.5 and ext.x1 <= box.x1 + 0.5 and ext.y0 >= box.y0 - 0.5 and ext.y1 <= box.y1 + 0.5
        assert inside, f"{name}: {a.get_text()!r} at {ext} is cut by the figure's edge {box}"


def _markers(fig, ax):
    """The box, in pixels, of each marker an axes draws."""
    out = []
    for line in ax.get_lines():
        if line.get_marker() in (None, "None", "", " "):
            continue
        (x, y), = line.get_xydata()
        cx, cy = ax.transData.transform((x, y))
        half = line.get_markersize() * fig.dpi / 72 / 2  # points to pixels
        out.append(Bbox.from_extents(cx - half, cy - half, cx + half, cy + half))
    return out


def _box(a, r):
    """What a text covers: its box drawn around it (the '5–15 →' of a zoomed week) or the text itself."""
    patch = a.get_bbox_patch()
    return patch.get_window_extent(r) if patch is not None else a.get_window_extent(r)


def test_the_timeline_test_sees_both_languages_and_every_case():
    timelines = [n for n in FIGURES if n.startswith("timeline ")]
    assert len(timelines) == 2 * len(load_cases()) and "timeline slack-2024 fr" in timelines


@pytest.mark.parametrize("name", [n for n in FIGURES if n.startswith("timeline ")])
def test_timeline_markers_and_their_numbers_do_not_run_into_each_other(name):
    """Issue 16 item 8: on the Slack case, markers of events close in time were drawn on top of each other."""
    _assert_nothing_runs_into_anything(name, FIGURES[name])


def _contrast(a, b) -> float:
    from matplotlib.colors import to_rgb

    def lum(c):
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in to_rgb(c)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", [n for n in FIGURES if n.startswith("timeline ")])
def test_each_markers_number_is_readable_on_the_marker(name):
    """WCAG AA for text (4.5:1) between each number and the face of the marker it sits on; the dark theme inverts
    the figure, which keeps the contrast."""
    fig = FIGURES[name]
    for ax in fig.axes:
        faces = [(ax.transData.transform(ln.get_xydata()[0]), ln.get_markerfacecolor()) for ln in ax.get_lines()
                 if ln.get_marker() not in (None, "None", "", " ")]
        for a in ax.texts:
            if not a.get_text().isdigit():
                continue
            px = ax.transData.transform((ax.convert_xunits(a.xy[0]), a.xy[1]))
            face = min(faces, key=lambda f: (f[0][0] - px[0]) ** 2 + (f[0][1] - px[1]) ** 2)[1]
            ratio = _contrast(a.get_color(), face)
            assert ratio >= 4.5, f"{name}: number {a.get_text()} is {ratio:.1f}:1 on its marker ({face})"


_STATUSES = ("seen-primary", "seen-secondary", "inferred")


@pytest.mark.parametrize("dates", [
    [f"2023-{m:02d}" for m in range(1, 13)],  # a month apart, all year
    ["2020", "2020-06", "2021-02"] + [f"2024-03-{d:02d}" for d in (1, 2, 2, 3, 3, 3, 4, 5, 6, 6, 6, 6, 7)],
    [f"2024-05-{d:02d}" for d in (1, 1, 1, 1, 1, 1, 1, 1)],  # all on one day
], ids=["monthly", "burst", "one-day"])
def test_a_crowded_timeline_of_an_instructors_case_stays_readable(mini_case, dates):
    """Not only the shipped cases: events a month apart all year, a busy week, eight on one day."""
    events = "".join(
        f"  - {{id: e{i}, date: {d}, title: Event {i}, what: Something happened., sources: [example-page], "
        f"status: {_STATUSES[i % 3]}}}\n" for i, d in enumerate(dates))
    (mini_case / "timeline.yaml").write_text("events:\n" + events, encoding="utf-8")
    from kit import load_case

    case = load_case(str(mini_case))
    assert len(case.timeline) == len(dates)
    fig = timeline_figure(case)
    numbers = {a.get_text() for ax in fig.axes for a in ax.texts}
    assert {str(i) for i in range(1, len(dates) + 1)} <= numbers  # every event drawn, none left out to make room
    _assert_nothing_runs_into_anything("mini-case", fig)
    r = _draw(fig)
    for a, ext in _texts(fig, r):
        assert ext.x0 >= -0.5 and ext.x1 <= fig.bbox.x1 + 0.5 and ext.y0 >= -0.5 and ext.y1 <= fig.bbox.y1 + 0.5, \
            f"{a.get_text()!r} is cut by the figure's edge"


def _assert_nothing_runs_into_anything(name, fig):
    r = _draw(fig)
    texts = [(a, _box(a, r)) for a, _ext in _texts(fig, r)]
    for ax in fig.axes:
        markers = _markers(fig, ax)
        for i, m0 in enumerate(markers):
            for m1 in markers[i + 1:]:
                assert not _overlap(m0, m1), f"{name}: two markers at ({m0.x0:.0f},{m0.y0:.0f}) overlap"
        for m in markers:
            # a marker's number lies wholly inside it; every other text keeps clear of it
            inside = [a.get_text() for a, box in texts if box.x0 >= m.x0 and box.x1 <= m.x1 and box.y0 >= m.y0
                      and box.y1 <= m.y1]
            assert len(inside) == 1 and inside[0].isdigit(), f"{name}: a marker shows {inside}, not one number"
            for a, box in texts:
                if a.get_text() not in inside:
                    assert not _overlap(box, m), f"{name}: {a.get_text()!r} runs into a marker"
    for i, (a, ea) in enumerate(texts):
        for b, eb in texts[i + 1:]:
            if b.get_text() in a.get_text().splitlines() or a.get_text() in b.get_text().splitlines():
                continue  # a legend's or title's line and the same text drawn as a whole
            assert not _overlap(ea, eb), f"{name}: {a.get_text()!r} and {b.get_text()!r} overlap"
