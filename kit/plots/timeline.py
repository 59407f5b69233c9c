"""A case's events on a time axis: numbered markers whose shape says how well each was checked."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..content.case import STATUSES, Case
from ..i18n import t
from ..locale import lang, month_text
from . import PALETTE, new_figure

__all__ = ["timeline_alt", "timeline_figure"]

MARKERS = {"seen-primary": "o", "seen-secondary": "s", "inferred": "^", "unverified": "X"}
FILLED = {"seen-primary": True, "seen-secondary": True, "inferred": False, "unverified": False}


def _local_ticks(label):
    """A tick formatter that writes each date with ``label(date)`` (month names from babel, kit/locale.py)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, pos=None: label(mdates.num2date(x).date()))


def _panel(ax, events, numbers, days: bool) -> None:
    import matplotlib.dates as mdates

    stack: dict[tuple, int] = defaultdict(int)
    for e in events:
        d = e.date
        # Whole-story panel: one column per month; zoom panel: one column per day.
        x = dt.date(d.year, d.month or 7, (d.day or 15) if days else 15)
        key = x
        y = stack[key]
        stack[key] += 1
        colour = PALETTE[STATUSES.index(e.status)]
        ax.plot([x], [y], linestyle="none", marker=MARKERS[e.status], markersize=17,
                markerfacecolor=colour if FILLED[e.status] else "white", markeredgecolor=colour, markeredgewidth=2)
        ax.annotate(str(numbers[e.id]), (x, y), ha="center", va="center", fontsize=8, fontweight="bold",
                    color="white" if FILLED[e.status] else "black")
    top = max(stack.values(), default=1)
    ax.set_ylim(-0.8, max(top, 3) - 0.2)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    french = lang() != "en"  # i13: axis dates in the language (« 17 mai », « mai 2024 »), not the C locale's
    if days:
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
    lo, hi = ax.get_xlim()
    pad = 0.6 if days else 12
    ax.set_xlim(lo - pad, hi + pad)
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
    """Every event of the case, numbered in date order; a second panel zooms into its busiest week."""
    events = case.timeline
    numbers = {e.id: i for i, e in enumerate(events, 1)}
    burst = _burst(events)
    fig = new_figure(9, 3.6 if burst else 2.4)
    axes = fig.subplots(1, 2, width_ratios=[3, 2]) if burst else [fig.subplots()]
    _panel(axes[0], events, numbers, days=False)
    axes[0].set_title(t("timeline.plot_title", title=case.title), fontsize=10, loc="left")
    if burst:
        _panel(axes[1], burst, numbers, days=True)
        axes[1].set_title(f"{burst[0].date.human()} – {burst[-1].date.human()}", fontsize=10, loc="left")
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
    listed = "; ".join(
        f"{i}. {e.date.human()}, {e.title} ({t(f'status.{e.status}').lstrip('✔◐∴? ')})" for i, e in enumerate(events, 1)
    )
    return t("timeline.plot_alt", count=len(events), start=events[0].date.human(), end=events[-1].date.human(),
             events=listed)
