"""Figures for notebook 03: published default-effect figures (built from data/research) and the simulation.

Opt-in and opt-out bars differ by hatch pattern and by a written group label as well as by colour; every bar
carries its value as text. Captions and alt text are made from the same data the bars are drawn from.
"""

from __future__ import annotations

import textwrap

from ..content.research import Figure, Research
from ..i18n import t
from ..locale import colon, lang, number, series
from . import PALETTE, new_figure

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


def _bars(ax, figures: tuple[Figure, ...], labels_by_group: bool) -> None:
    xs, prev = [], None
    x = 0.0
    for f in figures:
        if prev is not None and f.group != prev and labels_by_group:
            x += 0.6  # a gap between groups
        xs.append(x)
        prev = f.group
        x += 1
    # A chart may set a study beside a later one (an original and its replication): the later study's bars are
    # lighter and dotted; which is which is also written in each bar's label.
    later = {sid: i > 0 for i, sid in enumerate(dict.fromkeys(f.study for f in figures))}
    for xi, f in zip(xs, figures, strict=True):
        colour, hatch = STYLE[f.group]
        if later[f.study]:
            hatch = (hatch or "") + ".."
        ax.bar(xi, f.value, width=0.8, color=colour, hatch=hatch, edgecolor="black", linewidth=0.8,
               alpha=0.55 if later[f.study] else 1.0, label=t(f"defaults.group.{f.group}"))
        ax.annotate(shown_value(f), (xi, f.value), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                    fontsize=8)
    # Long labels are wrapped under their bar, not rotated: rotated labels ran into each other.
    ax.set_xticks(xs, [textwrap.fill(f.condition, 12 if len(figures) > 4 else 18) for f in figures], fontsize=8)
    if labels_by_group:  # a written label over each group of bars
        groups: dict[str, list[float]] = {}
        for xi, f in zip(xs, figures, strict=True):
            groups.setdefault(f.group, []).append(xi)
        # i25: each header wrapped to its group's width (at 9 pt bold, about 14 characters an inch): French headers
        # ran into each other and past the figure's edge
        inches_per_unit = ax.get_figure().get_figwidth() * 0.9 / (max(xs) + 1)
        for g, gx in groups.items():
            chars = max(12, int((max(gx) - min(gx) + 1.4) * inches_per_unit * 14))
            ax.annotate(textwrap.fill(t(f"defaults.group_long.{g}"), chars), ((min(gx) + max(gx)) / 2, 1.0),
                        xycoords=("data", "axes fraction"), xytext=(0, 4), textcoords="offset points",
                        ha="center", va="bottom", fontsize=9, fontweight="bold")
            ax.plot([min(gx) - 0.4, max(gx) + 0.4], [1.0, 1.0], transform=ax.get_xaxis_transform(), color="black",
                    linewidth=1, clip_on=False)
    top = max(f.value_high if f.value_high is not None else f.value for f in figures)
    if figures[0].unit == "percent":
        # headroom above the tallest bar for its value label, below the group's header line at the axes' top
        ax.set_ylim(0, 112 if top > 50 else top * 1.25)
        if top > 50:
            ax.set_yticks([0, 20, 40, 60, 80, 100])
    ax.set_ylabel(_unit(figures[0]), fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _ranges(ax, figures: tuple[Figure, ...]) -> None:
    """Horizontal bars for effects given as ranges (percentage points), with a line at zero."""
    ys = list(range(len(figures)))[::-1]
    for y, f in zip(ys, figures, strict=True):
        lo = f.value
        hi = f.value_high if f.value_high is not None else f.value
        colour, hatch = (PALETTE[5], "\\\\\\") if hi < 0 else (PALETTE[0], "")
        # the bar reaches the larger effect; a darker block marks the span the study gives
        far = hi if abs(hi) >= abs(lo) else lo
        ax.barh(y, far, height=0.5, color=colour, hatch=hatch, edgecolor="black", linewidth=0.8, alpha=0.35)
        ax.barh(y, hi - lo, left=lo, height=0.5, color=colour, hatch=hatch, edgecolor="black", linewidth=0.8)
        # i25: beside the bar's end when it grows to the right; on the free side of zero when it grows left, so the
        # label never runs into the condition's name
        ax.annotate(value_with_unit(f), (far if far > 0 else 0, y), xytext=(4, 0),
                    textcoords="offset points", ha="left", va="center", fontsize=9)
    ax.axvline(0, color="black", linewidth=1)
    ax.set_yticks(ys, [f.condition for f in figures], fontsize=8)
    lim = max(abs(v) for f in figures for v in (f.value, f.value_high or 0)) * 1.6
    ax.set_xlim(-lim, lim)
    ax.set_xlabel(_unit(figures[0]), fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def chart_figure(research: Research, chart: str):
    """The kit's chart ``chart`` (one of ``research.charts``, or any chart id used in the data)."""
    figures = research.chart(chart)
    ranged = any(f.value_high is not None for f in figures) or figures[0].unit == "percentage-points"
    if ranged:
        fig = new_figure(7.5, 0.9 + 0.7 * len(figures))
        ax = fig.subplots()
        _ranges(ax, figures)
    else:
        grouped = len({f.group for f in figures}) > 1
        # wide enough for each bar's label (e.g. "Netherlands") to sit under its bar without touching the next
        fig = new_figure(max(7.5, 0.85 * len(figures)) if len(figures) > 4 else 5.5, 3.8)
        ax = fig.subplots()
        _bars(ax, figures, labels_by_group=grouped and len(figures) > 4)
        if grouped and len(figures) <= 4:
            seen: dict[str, object] = {}
            for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
                seen.setdefault(lab, h)
            ax.legend(seen.values(), seen.keys(), fontsize=8, frameon=False, loc="upper left")
    # wrapped to the figure's width (about 13 characters an inch at 10 pt), so a long title is never cut
    width = int(fig.get_figwidth() * 13)
    fig.suptitle(textwrap.fill(t(f"defaults.chart.{chart}"), width), fontsize=10, x=0.01, ha="left")
    return fig


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


def simulation_figure(outcomes, current: tuple[str, str]):
    """Four stacked bars (default in/out × each person/owner only); the regime ``current`` is marked."""
    fig = new_figure(7.5, 3.6)
    ax = fig.subplots()
    xs = range(len(outcomes))
    bottoms = [0.0] * len(outcomes)
    segs = [_segments(o) for o in outcomes]
    for key, colour, hatch in SEGMENTS:
        heights = [s[key] for s in segs]
        ax.bar(xs, heights, bottom=bottoms, width=0.6, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6,
               label=t(f"defaults.sim.segment.{key}"))
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    labels = []
    for o in outcomes:
        label = t(f"defaults.sim.regime.{o.default}_{o.who_acts}")
        if (o.default, o.who_acts) == tuple(current):
            label = t("defaults.sim.current", label=label)
        labels.append(label)
    ax.set_xticks(list(xs), labels, fontsize=8)
    for x, o in zip(xs, outcomes, strict=True):
        ax.annotate(t("defaults.sim.bar_label", included=number(100 * o.share_included, 1),
                      mismatch=number(100 * o.share_mismatch, 1)),
                    (x, 100), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=8)
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_ylabel(t("defaults.sim.ylabel"), fontsize=9)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False, reverse=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def simulation_alt(outcomes, current: tuple[str, str]) -> str:
    items = series(
        t("defaults.sim.alt_item", regime=t(f"defaults.sim.regime.{o.default}_{o.who_acts}").replace("\n", ", "),
          included=number(100 * o.share_included, 1), mismatch=number(100 * o.share_mismatch, 1))
        for o in outcomes
    )
    now = t(f"defaults.sim.regime.{current[0]}_{current[1]}").replace("\n", ", ")  # i25: two facts, not one phrase
    return t("defaults.sim.alt", n=number(outcomes[0].n), current=now, items=items)
