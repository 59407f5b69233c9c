"""Figures for notebook 03: published default-effect figures (built from data/research) and the simulation.

Opt-in and opt-out bars differ by hatch pattern and by a written group label as well as by colour; every bar
carries its value as text. Captions and alt text are made from the same data the bars are drawn from.
"""

from __future__ import annotations

from ..content.research import Figure, Research
from ..i18n import t
from ..locale import colon, lang, number, series
from . import PALETTE
from .svg import (
    DESCENT,
    LINE,
    NORMAL,
    PAD,
    SMALL,
    Axes,
    Svg,
    block_height,
    centred,
    nice_ticks,
    text_width,
    wrap,
    y_axis_room,
)

__all__ = [
    "chart_alt",
    "chart_caption",
    "chart_figure",
    "simulation_alt",
    "shown_value",
    "simulation_figure",
    "value_with_unit",
]

#: Colour and hatch per group: hatching tells opt-in from opt-out without colour.
STYLE = {
    "opt-in": (PALETTE[1], "///"),
    "opt-out": (PALETTE[0], ""),
    "neutral": (PALETTE[2], ".."),
    "other": (PALETTE[4], ""),
}


def _unit(f: Figure) -> str:
    return t(f"defaults.unit.{f.unit}")


def value_with_unit(f: Figure) -> str:
    """i13: the figure's value and short unit in the current language (42%, 42 %, 2 years)."""
    unit = t(f"defaults.unit_short.{f.unit}")
    shown = shown_value(f)
    return f"{shown}{unit}" if unit == "%" and lang() == "en" else f"{shown}\u00a0{unit}" if unit == "%" \
        else f"{shown} {unit}"


def shown_value(f: Figure) -> str:
    """i13: the figure's value as text in the current language (42, 99.97, 22–23; in French 99,97)."""
    if lang() == "en":
        return f.shown
    if f.value_high is None:
        return number(f.value)
    sep = " à " if min(f.value, f.value_high) < 0 else "–"
    return f"{number(f.value)}{sep}{number(f.value_high)}"


def _bar_chart(figures: tuple[Figure, ...], title: str) -> str:
    """Vertical bars, one per figure, its value written above it and its condition under it; bars of several groups
    get a written header over each group (more than four bars) or a legend (four or fewer)."""
    n = len(figures)
    grouped = len({f.group for f in figures}) > 1
    headers = grouped and n > 4
    svg = Svg(max(750, 85 * n) if n > 4 else 550)
    y = svg.title(title)
    # A chart may set a study beside a later one (an original and its replication): the later study's bars are
    # lighter and dotted; which is which is also written in each bar's label.
    later = {sid: i > 0 for i, sid in enumerate(dict.fromkeys(f.study for f in figures))}

    def look(f: Figure) -> tuple[str, str, float]:
        colour, hatch = STYLE[f.group]
        return (colour, hatch + "..", 0.55) if later[f.study] else (colour, hatch, 1.0)

    if grouped and not headers:
        y = svg.legend([(t(f"defaults.group.{g}"), *STYLE[g]) for g in dict.fromkeys(f.group for f in figures)], y)
        y += 4
    xs, prev, x = [], None, 0.0
    for f in figures:
        if prev is not None and f.group != prev and headers:
            x += 0.6  # a gap between groups
        xs.append(x)
        prev = f.group
        x += 1
    top = max(f.value_high if f.value_high is not None else f.value for f in figures)
    if figures[0].unit == "percent" and top > 50:
        # headroom above the tallest bar for its value label, below the group's header line at the axes' top
        ticks, y_hi = [0, 20, 40, 60, 80, 100], 112.0
    else:
        ticks = nice_ticks(0, top * 1.2)
        y_hi = max(ticks[-1], top * 1.25)
    left = PAD + y_axis_room(ticks)
    right = svg.width - PAD
    slot = (right - left) / (xs[-1] + 1.2)  # pixels per bar
    groups: dict[str, list[float]] = {}
    for xi, f in zip(xs, figures, strict=True):
        groups.setdefault(f.group, []).append(xi)
    heads = {g: wrap(t(f"defaults.group_long.{g}"), (max(gx) - min(gx) + 0.9) * slot, NORMAL, bold=True)
             for g, gx in groups.items()} if headers else {}
    tallest = max((len(lines) for lines in heads.values()), default=0)
    plot_top = y + tallest * LINE * NORMAL + (8 if headers else 0)
    ax = Axes(left, plot_top, right, plot_top + 230, (-0.6, xs[-1] + 0.6), (0, y_hi))
    svg.y_axis(ax, ticks, _unit(figures[0]))
    for xi, f in zip(xs, figures, strict=True):
        colour, hatch, opacity = look(f)
        x0, x1 = ax.fx(xi - 0.4), ax.fx(xi + 0.4)
        svg.rect(x0, ax.fy(f.value), x1 - x0, ax.fy(0) - ax.fy(f.value), colour, hatch, opacity=opacity,
                 value=f.value)
        svg.text(ax.fx(xi), ax.fy(f.value) - 3 - DESCENT * SMALL, shown_value(f), SMALL, "middle")
    # Long labels are wrapped under their bar, not rotated: rotated labels ran into each other.
    bottom = svg.x_axis(ax, xs, labels=[wrap(f.condition, slot * 0.95, SMALL) for f in figures])
    for g, gx in groups.items() if headers else ():
        a, b = ax.fx(min(gx) - 0.4), ax.fx(max(gx) + 0.4)
        svg.line(a, ax.top, b, ax.top)
        lines = heads[g]
        svg.lines((a + b) / 2, ax.top - 4 - block_height(len(lines), NORMAL), lines, NORMAL, "middle", bold=True)
    return svg.render(bottom + PAD)


def _range_chart(figures: tuple[Figure, ...], title: str) -> str:
    """Horizontal bars for effects given as ranges (percentage points), with a line at zero: a light bar reaches the
    larger effect, a darker block marks the span the study gives."""
    svg = Svg(750)
    y = svg.title(title)
    labels = [wrap(f.condition, svg.width * 0.3, SMALL) for f in figures]
    left = PAD + max(text_width(line, SMALL) for lines in labels for line in lines) + 8
    lim = max(abs(v) for f in figures for v in (f.value, f.value_high or 0)) * 1.6
    pitch = max(46.0, max(len(lines) for lines in labels) * LINE * SMALL + 12)
    ax = Axes(left, y, svg.width - PAD, y + pitch * len(figures), (-lim, lim), (0, len(figures)))
    for i, (f, lines) in enumerate(zip(figures, labels, strict=True)):
        mid = ax.top + (i + 0.5) * pitch
        lo = f.value
        hi = f.value_high if f.value_high is not None else f.value
        colour, hatch = (PALETTE[5], "\\\\\\") if hi < 0 else (PALETTE[0], "")
        far = hi if abs(hi) >= abs(lo) else lo
        half = pitch * 0.25
        svg.rect(ax.fx(0), mid - half, ax.fx(far) - ax.fx(0), 2 * half, colour, hatch, opacity=0.35, value=far)
        svg.rect(ax.fx(lo), mid - half, ax.fx(hi) - ax.fx(lo), 2 * half, colour, hatch, value=hi - lo)
        # beside the bar's end when it grows to the right; on the free side of zero when it grows left, so the
        # label never runs into the condition's name
        svg.text(ax.fx(far if far > 0 else 0) + 4, centred(mid, NORMAL), value_with_unit(f), NORMAL)
        svg.line(ax.left - 4, mid, ax.left, mid)
        svg.lines(ax.left - 6, mid - block_height(len(lines), SMALL) / 2, lines, SMALL, "end")
    svg.line(ax.fx(0), ax.top, ax.fx(0), ax.bottom)
    svg.line(ax.left, ax.top, ax.left, ax.bottom)
    ticks = nice_ticks(-lim, lim)
    bottom = svg.x_axis(ax, ticks, _unit(figures[0]))
    return svg.render(bottom + PAD)


def chart_figure(research: Research, chart: str) -> str:
    """The kit's chart ``chart`` (one of ``research.charts``, or any chart id used in the data), as SVG."""
    figures = research.chart(chart)
    ranged = any(f.value_high is not None for f in figures) or figures[0].unit == "percentage-points"
    title = t(f"defaults.chart.{chart}")
    return _range_chart(figures, title) if ranged else _bar_chart(figures, title)


def chart_alt(research: Research, chart: str) -> str:
    figures = research.chart(chart)
    items = series(
        colon(f"{f.condition}" + (f" ({t('defaults.group.' + f.group)})" if f.group != "other" else ""),
              value_with_unit(f))
        for f in figures
    )
    return t("defaults.alt", title=t(f"defaults.chart.{chart}"), count=len(figures), items=items)


def chart_caption(research: Research, chart: str) -> str:
    figures = research.chart(chart)
    studies = []
    for sid in dict.fromkeys(f.study for f in figures):
        s = research.study(sid)
        studies.append(t("defaults.cite", authors=s.authors, year=s.year, title=s.title or "", venue=s.venue,
                         link=f"https://doi.org/{s.doi}" if s.doi else s.url).replace(", ,", ","))
    statuses = ", ".join(dict.fromkeys(t(f"status.{f.status}") for f in figures))
    return t("defaults.caption", sources=series(studies), statuses=statuses)


# ------------------------------------------------------------------------------------------------ simulation
SEGMENTS = (  # (key, colour, hatch): who is where, and whether that matches their wish
    ("in_ok", PALETTE[0], ""),
    ("in_bad", PALETTE[5], "xx"),
    ("out_bad", PALETTE[1], "//"),
    ("out_ok", "#DDDDDD", ""),
)


def _segments(o) -> dict[str, float]:
    n = o.n
    return {
        "in_ok": 100 * (o.included - o.included_unwanted) / n,
        "in_bad": 100 * o.included_unwanted / n,
        "out_bad": 100 * o.excluded_wanted / n,
        "out_ok": 100 * (n - o.included - o.excluded_wanted) / n,
    }


def simulation_figure(outcomes, current: tuple[str, str]) -> str:
    """Four stacked bars (default in/out × each person/owner only), as SVG; the regime ``current`` is marked."""
    svg = Svg(750)
    legend = [(t(f"defaults.sim.segment.{key}"), colour, hatch) for key, colour, hatch in reversed(SEGMENTS)]
    legend_w = 24 + max(text_width(label, SMALL) for label, *_x in legend)
    ticks = [0, 25, 50, 75, 100]
    left = PAD + y_axis_room(ticks)
    ax = Axes(left, PAD + 2 * LINE * SMALL + 6, svg.width - PAD - legend_w - 16, PAD + 2 * LINE * SMALL + 6 + 250,
              (-0.5, len(outcomes) - 0.5), (0, 100))
    svg.y_axis(ax, ticks, t("defaults.sim.ylabel"))
    slot = ax.fx(1) - ax.fx(0)
    labels = []
    for x, o in enumerate(outcomes):
        bottom = 0.0
        segs = _segments(o)
        for key, colour, hatch in SEGMENTS:
            x0, x1 = ax.fx(x - 0.3), ax.fx(x + 0.3)
            svg.rect(x0, ax.fy(bottom + segs[key]), x1 - x0, ax.fy(bottom) - ax.fy(bottom + segs[key]), colour, hatch,
                     stroke_width=0.6, value=segs[key])
            bottom += segs[key]
        said = t("defaults.sim.bar_label", included=number(100 * o.share_included, 1),
                 mismatch=number(100 * o.share_mismatch, 1)).split("\n")
        svg.lines(ax.fx(x), ax.top - 4 - block_height(len(said), SMALL), said, SMALL, "middle")
        label = t(f"defaults.sim.regime.{o.default}_{o.who_acts}")
        if (o.default, o.who_acts) == tuple(current):
            label = t("defaults.sim.current", label=label)
        labels.append(wrap(label, slot * 0.95, SMALL))
    low = svg.x_axis(ax, list(range(len(outcomes))), labels=labels)
    rows = len(legend) * 22 - 4
    svg.legend(legend, (ax.top + ax.bottom - rows) / 2, left=ax.right + 16)
    return svg.render(low + PAD)


def simulation_alt(outcomes, current: tuple[str, str]) -> str:
    items = series(
        t("defaults.sim.alt_item", regime=t(f"defaults.sim.regime.{o.default}_{o.who_acts}").replace("\n", ", "),
          included=number(100 * o.share_included, 1), mismatch=number(100 * o.share_mismatch, 1))
        for o in outcomes
    )
    now = t(f"defaults.sim.regime.{current[0]}_{current[1]}").replace("\n", ", ")  # i25: two facts, not one phrase
    return t("defaults.sim.alt", n=number(outcomes[0].n), current=now, items=items)
