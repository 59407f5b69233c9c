"""A case's events on a time axis: numbered markers whose shape says how well each was checked (SVG).

Written by :mod:`kit.plots.svg` like the charts of notebooks 03 and 05: importing matplotlib and drawing this figure
took longer than the rest of notebook 01 (issue 26, `make bench`). The layout is worked out before anything is
written: markers that would touch go into rows above one another, the figure is as tall as its rows need, and the
busiest week is one box in the whole-story panel, its events one by one in a second panel that zooms into it.
"""

from __future__ import annotations

import datetime as dt

from ..content.case import STATUSES, Case
from ..i18n import t
from ..locale import month_text, series
from . import PALETTE
from .svg import NORMAL, PAD, SMALL, Axes, Svg, centred, text_width, wrap

__all__ = ["timeline_alt", "timeline_figure"]

MARKERS = {"seen-primary": "o", "seen-secondary": "s", "inferred": "^", "unverified": "X"}
FILLED = {"seen-primary": True, "seen-secondary": True, "inferred": False, "unverified": False}
HOLLOW = {MARKERS[s] for s, filled in FILLED.items() if not filled}

#: A marker's size and the least room between two markers, in pixels (17 and 3 points at 100 dpi).
MARKER = 23.6
GAP = 4.2
PITCH = MARKER + 2 * GAP  # from one row of markers to the next
#: The whole-story panel spans at least this many days; the two panels are this far apart.
MIN_DAYS = 365
BETWEEN = 24.0
#: Steps between the whole-story panel's ticks, in months; between the zoom's, in days.
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120)
DAY_STEPS = (1, 2, 3, 7)


def ink_on(face: str) -> str:
    """Black or white, whichever reads better on ``face`` (``#rrggbb``; WCAG contrast): white digits on the kit's
    orange were 2:1 in the light theme, and the dark theme's inverting filter made them black on dark orange."""

    def lum(rgb):
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    y = lum([int(face[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return "black" if (y + 0.05) / 0.05 >= 1.05 / (y + 0.05) else "white"


def _style(shape: str, colour: str) -> dict:
    """How a marker of ``shape`` is drawn: filled (seen) or open (inferred, unverified), its edge in its colour."""
    return {"face": "white" if shape in HOLLOW else colour, "edge": colour, "edge_width": 2.0}


def _x(d, days: bool) -> dt.date:
    """Where an event sits: in the zoom, on its day; in the whole story, in its month's column (mid-July for a year).

    Month columns keep events in date order when some are known to the day and others only to the month.
    """
    return dt.date(d.year, d.month or 7, d.day if days else 15)


def _rows(items, px_per_day: float) -> list[int]:
    """For each item ``(x, half_width_px)`` in date order, the lowest row where it keeps clear of every other."""
    rows: list[list[tuple[dt.date, float]]] = []
    out = []
    for x, half in items:
        free = (i for i, row in enumerate(rows)
                if all(abs((x - x2).days) * px_per_day >= half + h2 + GAP for x2, h2 in row))
        i = next(free, len(rows))
        if i == len(rows):
            rows.append([])
        rows[i].append((x, half))
        out.append(i)
    return out


def _box_half(text: str) -> float:
    """Half the width of the zoomed week's box: its bold text and 0.4 em of room on each side."""
    return text_width(text, SMALL, bold=True) / 2 + 0.4 * SMALL


class _Panel:
    """One panel's layout, worked out before drawing: where each item sits, its row, the days shown.

    Items are events (a numbered marker) and, in the whole-story panel beside a zoom, the zoomed week as one box
    ("5–15 →") whose events the zoom panel shows one by one: their markers would otherwise pile up in one column.
    """

    def __init__(self, events, numbers, width: float, days: bool, zoomed=()):
        self.days = days
        self.width = width
        zoomed_ids = {e.id for e in zoomed}
        items = [(_x(e.date, days), MARKER / 2, e) for e in events if e.id not in zoomed_ids]
        self.box_text = ""
        if zoomed:
            xs = [_x(e.date, days) for e in zoomed]
            self.box_text = f"{numbers[zoomed[0].id]}–{numbers[zoomed[-1].id]} →"
            items.append((xs[0] + (xs[-1] - xs[0]) / 2, _box_half(self.box_text), None))
            items.sort(key=lambda i: i[0])
        xs = [x for x, _h, _e in items]
        span = (max(xs) - min(xs)).days
        edge = max(h for _x, h, _e in items) + GAP  # the outermost item stays inside the panel
        if days:  # the zoom: each day and 0.6 of a day on either side
            pad = 0.6
            self.px_per_day = width / (span + 2 * pad)
        else:  # the whole story: at least a year wide, so the axis reads in months and years
            self.px_per_day = min((width - 2 * edge) / max(span, 1), width / MIN_DAYS)
            pad = (width / self.px_per_day - span) / 2
        self.range = (min(xs).toordinal() - pad, max(xs).toordinal() + pad)
        rows = _rows([(x, h) for x, h, _e in items], self.px_per_day)
        self.items = [(x, row, e) for (x, _h, e), row in zip(items, rows, strict=True)]
        self.top = max(rows) + 1

    def ticks(self) -> tuple[list[float], list[list[str]]]:
        """The axis' ticks (days since year 1) and their labels: every day or few in the zoom (« 17 mai »); months
        or years in the whole story, a month's label with its year under it at the first tick and each January."""
        lo, hi = self.range
        first, last = dt.date.fromordinal(int(lo) + 1), dt.date.fromordinal(int(hi))
        if self.days:
            dates = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
            labels = [[f"{d.day} {month_text(d.month, short=True)}"] for d in dates]
            widest = max(text_width(s, SMALL) for [s] in labels)
            step = next((s for s in DAY_STEPS if s * self.px_per_day >= widest + 8), DAY_STEPS[-1])
            keep = range(0, len(dates), step)
            return [dates[i].toordinal() for i in keep], [labels[i] for i in keep]
        months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
                  if first <= dt.date(y, m, 1) <= last]
        widest = max(text_width(month_text(m, short=True), SMALL) for m in range(1, 13))
        for step in MONTH_STEPS:
            shown = [(y, m) for y, m in months if (y * 12 + m - 1) % step == 0]
            room = step * 30.4 * self.px_per_day
            if len(shown) <= 8 and room >= (widest if step < 12 else text_width("2024", SMALL)) + 8:
                break
        if step >= 12:
            labels = [[str(y)] for y, _m in shown]
        else:
            labels = [[month_text(m, short=True), *([str(y)] if i == 0 or m == 1 else [])]
                      for i, (y, m) in enumerate(shown)]
        return [dt.date(y, m, 1).toordinal() for y, m in shown], labels


def _burst(events):
    """The busiest run of at most seven days, if it holds at least a third of the day-dated events."""
    dated = [e for e in events if e.date.day]
    best: list = []
    for e in dated:
        start = dt.date(*e.date.sort_key)
        window = [f for f in dated if 0 <= (dt.date(*f.date.sort_key) - start).days <= 6]
        if len(window) > len(best):
            best = window
    return best if len(best) >= max(3, len(events) // 3) else []


def _draw_panel(svg: Svg, ax: Axes, panel: _Panel, numbers) -> float:
    """The panel's markers, numbers, zoom box and date axis; returns the bottom of its tick labels."""
    for x, row, e in panel.items:
        cx, cy = ax.fx(x.toordinal()), ax.fy(row)
        if e is None:
            half = _box_half(panel.box_text)
            svg.rect(cx - half, cy - 0.8 * SMALL, 2 * half, 1.6 * SMALL, "white", stroke="#333333", stroke_width=1.2,
                     rx=3)
            svg.text(cx, centred(cy, SMALL), panel.box_text, SMALL, "middle", bold=True)
            continue
        colour = PALETTE[STATUSES.index(e.status)]
        shape = MARKERS[e.status]
        svg.marker(shape, cx, cy, MARKER, colour, number=numbers[e.id], **_style(shape, colour))
        # a triangle is widest low down: its number sits at its centroid, a third of the way down, a size smaller
        size = SMALL * 0.85 if shape == "^" else SMALL
        svg.text(cx, centred(cy + (MARKER / 6 if shape == "^" else 0), size), str(numbers[e.id]), size, "middle",
                 bold=True, colour=ink_on(colour) if FILLED[e.status] else "black")
    # a tick whose label would run out of the panel (into the figure's edge or the other panel) is left out
    inside = [(v, lab) for v, lab in zip(*panel.ticks(), strict=True)
              if ax.left - 6 <= ax.fx(v) - (half := text_width(max(lab, key=len), SMALL) / 2)
              and ax.fx(v) + half <= ax.right + 6]
    return svg.x_axis(ax, [v for v, _l in inside], labels=[lab for _v, lab in inside])


def timeline_figure(case: Case) -> str:
    """Every event of the case, numbered in date order; a second panel zooms into its busiest week (SVG)."""
    events = case.timeline
    numbers = {e.id: i for i, e in enumerate(events, 1)}
    burst = _burst(events)
    svg = Svg(900)
    inner = svg.width - 2 * PAD
    if burst:
        whole = (inner - BETWEEN) * 3 / 5
        panels = [(PAD, _Panel(events, numbers, whole, days=False, zoomed=burst), events),
                  (PAD + whole + BETWEEN, _Panel(burst, numbers, inner - BETWEEN - whole, days=True), burst)]
    else:
        panels = [(PAD, _Panel(events, numbers, inner, days=False), events)]
    rows = max(max(p.top, 3) for _l, p, _e in panels)  # the same rows in both panels: markers equally spaced
    top = svg.title(t("timeline.plot_title", title=case.title))
    # each panel's period over it, wrapped to its width
    titles = []
    for left, panel, shown in panels:
        first, last = shown[0].date.human(), shown[-1].date.human()
        titles.append((left, wrap(first if first == last else f"{first} – {last}", panel.width, NORMAL)))
    plot_top = max(svg.lines(left, top, lines, NORMAL) for left, lines in titles) + 4
    low = plot_top
    for left, panel, _shown in panels:
        ax = Axes(left, plot_top, left + panel.width, plot_top + (rows + 0.6) * PITCH, panel.range, (-0.8, rows - 0.2))
        low = max(low, _draw_panel(svg, ax, panel, numbers))
    items = [(t(f"status.{s}"), PALETTE[i], MARKERS[s]) for i, s in enumerate(STATUSES)
             if any(e.status == s for e in events)]
    low = svg.legend(items, low + 10, title=t("timeline.plot_legend"), marker=True, style=_style)
    return svg.render(low + PAD)


def timeline_alt(case: Case) -> str:
    events = case.timeline
    listed = series(
        f"{i}. {e.date.human()}, {e.title} ({t(f'status.{e.status}').lstrip('✔◐∴? ')})" for i, e in enumerate(events, 1)
    )
    return t("timeline.plot_alt", count=len(events), start=events[0].date.human(), end=events[-1].date.human(),
             events=listed)
