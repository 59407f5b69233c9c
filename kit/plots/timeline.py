"""A case's events on a time axis: numbered markers whose shape says how well each was checked."""

from __future__ import annotations

import datetime as dt
import textwrap

from ..content.case import STATUSES, Case
from ..i18n import t
from ..locale import lang, month_text, series
from . import PALETTE, new_figure

__all__ = ["timeline_alt", "timeline_figure"]

MARKERS = {"seen-primary": "o", "seen-secondary": "s", "inferred": "^", "unverified": "X"}
FILLED = {"seen-primary": True, "seen-secondary": True, "inferred": False, "unverified": False}


def ink_on(face: str) -> str:
    """Black or white, whichever reads better on ``face`` (WCAG contrast): white digits on the kit's orange were
    2:1 in the light theme, and the dark theme's inverting filter made them black on dark orange."""
    from matplotlib.colors import to_rgb

    def lum(rgb):
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    y = lum(to_rgb(face))
    return "black" if (y + 0.05) / 0.05 >= 1.05 / (y + 0.05) else "white"


def _local_ticks(label):
    """A tick formatter that writes each date with ``label(date)`` (month names from kit/locale.py)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, pos=None: label(mdates.num2date(x).date()))


#: Marker size and the least room between two markers, in points; the figure's resolution turns them into pixels.
MARKER_PT = 17
GAP_PT = 3
#: Room a figure needs besides its rows of markers (titles, date axis, legend), in inches.
OVERHEAD_IN = 1.25
#: The whole-story panel spans at least this many days.
MIN_DAYS = 365


def _x(d, days: bool) -> dt.date:
    """Where an event sits: in the zoom, on its day; in the whole story, in its month's column (mid-July for a year).

    Month columns keep events in date order when some are known to the day and others only to the month.
    """
    return dt.date(d.year, d.month or 7, d.day if days else 15)


def _rows(items, px_per_day: float, gap_px: float) -> list[int]:
    """For each item ``(x, half_width_px)`` in date order, the lowest row where it keeps clear of every other."""
    rows: list[list[tuple[dt.date, float]]] = []
    out = []
    for x, half in items:
        free = (i for i, row in enumerate(rows)
                if all(abs((x - x2).days) * px_per_day >= half + h2 + gap_px for x2, h2 in row))
        i = next(free, len(rows))
        if i == len(rows):
            rows.append([])
        rows[i].append((x, half))
        out.append(i)
    return out


class _Panel:
    """One panel's layout, worked out before drawing: where each item sits, its row, the x range.

    Items are events (a numbered marker) and, in the whole-story panel beside a zoom, the zoomed week as one box
    ("5–15 →") whose events the zoom panel shows one by one: their markers would otherwise pile up in one column.
    """

    def __init__(self, events, numbers, width_px: float, dpi: float, days: bool, zoomed=()):
        self.days = days
        marker = MARKER_PT * dpi / 72
        gap = GAP_PT * dpi / 72
        zoomed_ids = {e.id for e in zoomed}
        items = [(_x(e.date, days), marker / 2, e) for e in events if e.id not in zoomed_ids]
        if zoomed:
            xs = [_x(e.date, days) for e in zoomed]
            self.box_text = f"{numbers[zoomed[0].id]}–{numbers[zoomed[-1].id]} →"
            # a bold 8 pt character is about 0.62 em wide; the box adds 0.4 em of padding on each side
            half = (0.62 * len(self.box_text) + 0.8) * 8 * dpi / 72 / 2
            items.append((xs[0] + (xs[-1] - xs[0]) / 2, half, None))
            items.sort(key=lambda i: i[0])
        xs = [x for x, _h, _e in items]
        span = (max(xs) - min(xs)).days
        edge = max(h for _x, h, _e in items) + gap  # the outermost item stays inside the axes
        if days:  # the zoom: each day and 0.6 of a day on either side
            self.pad = 0.6
            px_per_day = width_px / (span + 2 * self.pad)
        else:  # the whole story: at least a year wide, so the axis reads in months and years
            px_per_day = min((width_px - 2 * edge) / max(span, 1), width_px / MIN_DAYS)
            self.pad = (width_px / px_per_day - span) / 2
        self.first, self.last = min(xs), max(xs)
        rows = _rows([(x, h) for x, h, _e in items], px_per_day, gap)
        self.items = [(x, row, e) for (x, _h, e), row in zip(items, rows, strict=True)]
        self.top = max(rows) + 1


def _draw_panel(ax, panel: _Panel, numbers, rows: int) -> None:
    import matplotlib.dates as mdates

    for x, y, e in panel.items:
        if e is None:
            ax.annotate(panel.box_text, (x, y), ha="center", va="center", fontsize=8, fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "#333333",
                              "linewidth": 1.2})
            continue
        colour = PALETTE[STATUSES.index(e.status)]
        ax.plot([x], [y], linestyle="none", marker=MARKERS[e.status], markersize=MARKER_PT,
                markerfacecolor=colour if FILLED[e.status] else "white", markeredgecolor=colour, markeredgewidth=2)
        # a triangle is widest low down: its number sits at its centroid, a third of the way down, a size smaller
        low = MARKERS[e.status] == "^"
        ax.annotate(str(numbers[e.id]), (x, y), xytext=(0, -MARKER_PT / 6 if low else 0), textcoords="offset points",
                    ha="center", va="center", fontsize=7 if low else 8, fontweight="bold",
                    color=ink_on(colour) if FILLED[e.status] else "black")
    ax.set_ylim(-0.8, rows - 0.2)  # the same rows in both panels: markers of the same size, equally spaced
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    french = lang() != "en"  # i13: axis dates in the language (« 17 mai », « mai 2024 »), not the C locale's
    if panel.days:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        if french:
            ax.xaxis.set_major_formatter(_local_ticks(lambda d: f"{d.day} {month_text(d.month, short=True)}"))
        else:
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        if french:
            ax.xaxis.set_major_formatter(_local_ticks(lambda d: f"{month_text(d.month, short=True)} {d.year}"))
        else:
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(mdates.date2num(panel.first) - panel.pad, mdates.date2num(panel.last) + panel.pad)
    ax.tick_params(axis="x", labelsize=8)


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


def timeline_figure(case: Case):
    """Every event of the case, numbered in date order; a second panel zooms into its busiest week.

    The layout is worked out before drawing: markers that would touch go into rows above one another, the figure is
    as tall as its rows need, and the busiest week is one box in the whole-story panel, its events in the zoom.
    """
    events = case.timeline
    numbers = {e.id: i for i, e in enumerate(events, 1)}
    burst = _burst(events)
    width, dpi = 9.0, 100
    inner = width * dpi - 20  # constrained layout's margins and the space between panels, in pixels
    if burst:
        panels = [_Panel(events, numbers, inner * 3 / 5, dpi, days=False, zoomed=burst),
                  _Panel(burst, numbers, inner * 2 / 5, dpi, days=True)]
    else:
        panels = [_Panel(events, numbers, inner, dpi, days=False)]
    rows = max(max(p.top, 3) for p in panels)
    pitch = (MARKER_PT + 2 * GAP_PT) / 72  # inches between two rows
    fig = new_figure(width, max(3.6 if burst else 2.4, OVERHEAD_IN + (burst != []) * 0.25 + (rows + 0.6) * pitch))
    axes = fig.subplots(1, 2, width_ratios=[3, 2]) if burst else [fig.subplots()]
    # The case's title over the whole figure (wrapped to its width), each panel's period over the panel.
    fig.suptitle(textwrap.fill(t("timeline.plot_title", title=case.title), int(width * 13)), fontsize=10, x=0.01,
                 ha="left")
    for ax, panel, shown in zip(axes, panels, [events, burst] if burst else [events], strict=True):
        _draw_panel(ax, panel, numbers, rows)
        first, last = shown[0].date.human(), shown[-1].date.human()
        ax.set_title(first if first == last else f"{first} – {last}", fontsize=9, loc="left")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], linestyle="none", marker=MARKERS[s], markersize=9, markeredgewidth=2,
               markerfacecolor=PALETTE[i] if FILLED[s] else "white", markeredgecolor=PALETTE[i],
               label=t(f"status.{s}"))
        for i, s in enumerate(STATUSES) if any(e.status == s for e in events)
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(4, len(handles)), fontsize=8, frameon=False,
               title=t("timeline.plot_legend"), title_fontsize=8)
    return fig


def timeline_alt(case: Case) -> str:
    events = case.timeline
    listed = series(
        f"{i}. {e.date.human()}, {e.title} ({t(f'status.{e.status}').lstrip('✔◐∴? ')})" for i, e in enumerate(events, 1)
    )
    return t("timeline.plot_alt", count=len(events), start=events[0].date.human(), end=events[-1].date.human(),
             events=listed)
