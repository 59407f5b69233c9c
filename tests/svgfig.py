"""Reading the kit's SVG figures as a student's browser gets them: each text's box, each bar's datum, the page size;
and every chart the notebooks show, for the tests that read them (layout, and in the browser, the text's width).

A text's box comes from its own attributes (position, size, anchor, weight; a text turned a quarter is turned back)
and the font's widths (:func:`kit.plots.svg.text_box`, which ``tests/test_svg.py`` checks against the font).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kit.cases import case_rows, load_cases
from kit.content.language import speaking
from kit.content.research import load_research, load_simulation
from kit.plots import cases as case_plots
from kit.plots.research import chart_figure, simulation_figure
from kit.plots.svg import text_box
from kit.plots.timeline import timeline_figure
from kit.research import simulate_all
from kit.ui.research import SimulationView

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def size(svg: str) -> tuple[float, float]:
    root = parse(svg)
    return float(root.get("width")), float(root.get("height"))


def texts(svg: str) -> list[tuple[str, tuple[float, float, float, float], ET.Element]]:
    """Every text with its box (x0, y0, x1, y1; y downwards) and its element."""
    out = []
    for el in parse(svg).iter(f"{NS}text"):
        x, y, s = float(el.get("x")), float(el.get("y")), el.text or ""
        box = text_box(x, y, s, float(el.get("font-size")), el.get("text-anchor", "start"),
                       el.get("font-weight") == "bold")
        if el.get("transform", "").startswith("rotate(-90"):  # turned about (x, y)
            x0, y0, x1, y1 = box
            box = (x + (y0 - y), y - (x1 - x), x + (y1 - y), y - (x0 - x))
        out.append((s, box, el))
    return out


def values(svg: str) -> list[float]:
    """The datum of each bar (``data-value``), in the order drawn."""
    return [float(el.get("data-value")) for el in parse(svg).iter(f"{NS}rect") if el.get("data-value") is not None]


def markers(svg: str) -> list[tuple[int, tuple[float, float, float, float], str]]:
    """Each numbered marker of a timeline (``data-number``): its number, its box and its face colour."""
    out = []
    for el in parse(svg).iter():
        if el.get("data-number") is None:
            continue
        if el.tag == f"{NS}circle":
            cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
            box = (cx - r, cy - r, cx + r, cy + r)
        else:
            pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
            box = (min(x for x, _ in pts), min(y for _, y in pts), max(x for x, _ in pts), max(y for _, y in pts))
        out.append((int(el.get("data-number")), box, el.get("fill")))
    return out


def boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """The rounded boxes drawn round a text (a timeline's zoomed week, « 5–15 → »)."""
    return [(x, y, x + float(el.get("width")), y + float(el.get("height")))
            for el in parse(svg).iter(f"{NS}rect") if el.get("rx")
            for x, y in [(float(el.get("x")), float(el.get("y")))]]


def overlap(a, b, slack: float = 0.5) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def every_chart() -> dict[str, str]:
    """Every figure of the notebooks by name: every research chart, the three case plots, the simulation at every
    preset (notebooks 03 and 05) and each case's timeline (01 and 05), in both languages."""
    charts = {}
    for lang in ("en", "fr"):
        with speaking(lang):
            research, df, sim = load_research(), case_rows(), load_simulation()
            charts.update({f"chart {c} {lang}": chart_figure(research, c) for c in research.charts})
            charts[f"cases timeline {lang}"] = case_plots.timeline_figure(df)
            charts[f"cases by year {lang}"] = case_plots.by_year_figure(df)
            charts[f"cases steps {lang}"] = case_plots.steps_figure(df)
            for preset in sim.presets:
                p = SimulationView(sim, preset.id).params()
                charts[f"simulation {preset.id} {lang}"] = simulation_figure(simulate_all(p), (p.default, p.who_acts))
            charts.update({f"timeline {case.id} {lang}": timeline_figure(case) for case in load_cases()})
    return charts
