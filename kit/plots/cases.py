"""Figures across cases: a timeline of cases, defaults by year, steps to opt out. Shapes, hatching and labels carry
meaning as well as colour. Every figure has alt text built from the same data.

Each takes the cases as rows (:func:`kit.cases.case_rows`, what notebook 05 uses: no pandas).
"""

from __future__ import annotations

from ..i18n import t
from ..locale import colon, series
from . import PALETTE
from .svg import NORMAL, PAD, SMALL, Axes, Svg, centred, nice_ticks, text_width, y_axis_room

__all__ = ["by_year_alt", "by_year_figure", "steps_alt", "steps_figure", "timeline_alt", "timeline_figure"]

DEFAULTS = ("in", "out", "ask", "none")
MARKERS = {"in": "o", "out": "s", "ask": "D", "none": "X"}
HATCHES = {"in": "", "out": "//", "ask": "..", "none": "xx"}
COLOURS = {d: PALETTE[i] for i, d in enumerate(DEFAULTS)}


def _default_label(d: str) -> str:
    return t(f"cases.default_{d}")


def _steps(row) -> int | None:
    s = row["steps"]
    return None if s is None or str(s) == "<NA>" else int(s)


def _legend(svg: Svg, defaults, top: float, markers: bool) -> float:
    """The defaults shown, in a legend under the plot (marker shapes, or hatched swatches)."""
    items = [(_default_label(d), COLOURS[d], MARKERS[d] if markers else HATCHES[d]) for d in defaults]
    return svg.legend(items, top, title=t("cases.legend_default"), marker=markers) if items else top


def timeline_figure(df) -> str:
    """One row per case from start to end, marker shape by default, the company written beside it (SVG)."""
    rows = list(df)
    n = max(len(rows), 1)
    svg = Svg(900)
    y = svg.title(t("cases.timeline_title"))
    lo = float(min((r["start"] for r in rows), default=2000))
    hi = float(max((r["end"] for r in rows), default=2001))
    names = max((text_width(r["company"], SMALL) for r in rows), default=0)
    span = (lo - 0.2, hi + 0.2)
    # the company is written after the line's end: room for the longest name right of the last year
    right = svg.width - PAD - names - 12
    ax = Axes(PAD + 8, y, right, y + 28 * n, span, (0, n))
    for i, row in enumerate(rows):
        mid = ax.top + (i + 0.5) * 28
        colour = COLOURS[row["default"]]
        svg.line(ax.fx(row["start"]), mid, ax.fx(row["end"]), mid, colour, 3, round_caps=True)
        svg.marker(MARKERS[row["default"]], ax.fx(row["start"]), mid, 12, colour)
        svg.text(ax.fx(row["end"]) + 10, centred(mid, SMALL), row["company"], SMALL)
    years = list(range(int(lo), int(hi) + 1))
    low = svg.x_axis(ax, years, labels=[[str(v)] for v in years])
    low = _legend(svg, [d for d in DEFAULTS if d in {r["default"] for r in rows}], low + 10, markers=True)
    return svg.render(low + PAD)


def by_year_counts(df) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    for row in list(df):
        counts.setdefault(int(row["year"]), {d: 0 for d in DEFAULTS})[row["default"]] += 1
    return dict(sorted(counts.items()))


def by_year_figure(df) -> str:
    """Stacked bars: cases per starting year, split by default (hatching and colour), each part labelled (SVG)."""
    counts = by_year_counts(df)
    svg = Svg(650)
    y = svg.title(t("cases.by_year_title"))
    years = list(counts)
    present = [d for d in DEFAULTS if any(c[d] for c in counts.values())]
    most = max((sum(c.values()) for c in counts.values()), default=1)
    ticks = nice_ticks(0, most, most=6, integer=True)
    left = PAD + y_axis_room(ticks)
    ax = Axes(left, y, svg.width - PAD, y + 230, (-0.6, max(len(years), 1) - 0.4), (0, max(ticks[-1], most) * 1.05))
    svg.y_axis(ax, ticks, t("cases.count_axis"))
    for x, year in enumerate(years):
        bottom = 0
        x0, x1 = ax.fx(x - 0.4), ax.fx(x + 0.4)
        for d in present:
            h = counts[year][d]
            if not h:
                continue
            top, base = ax.fy(bottom + h), ax.fy(bottom)
            svg.rect(x0, top, x1 - x0, base - top, COLOURS[d], HATCHES[d], value=h)
            # the count on a white patch, readable over any hatching
            w = text_width(str(h), NORMAL)
            mid = (top + base) / 2
            svg.rect(ax.fx(x) - w / 2 - 2, mid - NORMAL * 0.6, w + 4, NORMAL * 1.2, "white", stroke=None)
            svg.text(ax.fx(x), centred(mid, NORMAL), str(h), NORMAL, "middle")
            bottom += h
    low = svg.x_axis(ax, list(range(len(years))), labels=[[str(y)] for y in years])
    low = _legend(svg, present, low + 10, markers=False)
    return svg.render(low + PAD)


def steps_figure(df) -> str:
    """Horizontal bars: steps to opt out or object per case, labelled; cases with no individual opt-out named
    (SVG)."""
    rows = list(df)
    n = max(len(rows), 1)
    svg = Svg(800)
    y = svg.title(t("cases.steps_title"))
    left = PAD + max((text_width(r["company"], SMALL) for r in rows), default=0) + 10
    most = max([s for s in map(_steps, rows) if s is not None] + [1])
    ticks = nice_ticks(0, most + 1.5, most=8, integer=True)
    pitch = 26.0
    ax = Axes(left, y, svg.width - PAD, y + pitch * n, (0, most + 1.5), (0, n))
    for i, row in enumerate(rows):
        mid = ax.top + (i + 0.5) * pitch
        svg.line(ax.left - 4, mid, ax.left, mid)
        svg.text(ax.left - 6, centred(mid, SMALL), row["company"], SMALL, "end")
        steps = _steps(row)
        if steps is None:
            svg.text(ax.left + 4, centred(mid, SMALL), t("cases.no_opt_out"), SMALL, italic=True)
            continue
        svg.rect(ax.fx(0), mid - pitch * 0.3, ax.fx(steps) - ax.fx(0), pitch * 0.6, COLOURS[row["default"]],
                 HATCHES[row["default"]], value=steps)
        label = str(steps) + (f" ({t('cases.not_individual')})" if row["individual_can_act"] is False else "")
        svg.text(ax.fx(steps) + 4, centred(mid, NORMAL), label, NORMAL)
    svg.line(ax.left, ax.top, ax.left, ax.bottom)
    low = svg.x_axis(ax, [v for v in ticks if v <= most + 1.5], t("cases.steps_axis"))
    low = _legend(svg, [d for d in DEFAULTS if d in {r["default"] for r in rows}], low + 10, markers=False)
    return svg.render(low + PAD)


def timeline_alt(df) -> str:
    rows = list(df)
    if not rows:
        return t("cases.none")
    items = series(f"{r['company']} ({int(r['year'])}, {_default_label(r['default'])})" for r in rows)
    years = [int(r["year"]) for r in rows]
    return t("cases.timeline_alt", n=len(rows), start=min(years), end=max(years), cases=items)


def by_year_alt(df) -> str:
    parts = []
    for year, c in by_year_counts(df).items():
        split = ", ".join(f"{n} {_default_label(d)}" for d, n in c.items() if n)
        parts.append(colon(str(year), split))
    return t("cases.by_year_alt", counts=series(parts) or t("cases.none"))


def steps_alt(df) -> str:
    items = []
    for r in list(df):
        s = _steps(r)
        if s is None:
            items.append(colon(r["company"], t("cases.no_opt_out")))
        else:
            extra = f" ({t('cases.not_individual')})" if r["individual_can_act"] is False else ""
            items.append(colon(r["company"], f"{s}{extra}"))
    return t("cases.steps_alt", cases=series(items) or t("cases.none"))
