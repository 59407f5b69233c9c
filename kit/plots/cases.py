"""Figures across cases: a timeline of cases, defaults by year, steps to opt out. Shapes, hatching and labels carry
meaning as well as colour. Every figure has alt text built from the same data.

Each takes the cases as rows (:func:`kit.cases.case_rows`, what notebook 05 uses: no pandas).
"""

from __future__ import annotations

from ..i18n import t
from ..locale import colon, series
from . import PALETTE, new_figure

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


def timeline_figure(df):
    """One row per case from start to end, marker shape by default, the company written beside it."""
    rows = list(df)
    n = max(len(rows), 1)
    fig = new_figure(9, 0.45 * n + 1.4)
    ax = fig.subplots()
    for i, row in enumerate(rows):
        y = n - 1 - i
        colour = COLOURS[row["default"]]
        ax.plot([row["start"], row["end"]], [y, y], color=colour, linewidth=3, solid_capstyle="round")
        ax.plot([row["start"]], [y], linestyle="none", marker=MARKERS[row["default"]], markersize=10, color=colour,
                markeredgecolor="black")
        ax.annotate(row["company"], (row["end"], y), xytext=(8, 0), textcoords="offset points", va="center",
                    fontsize=8)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    if rows:
        lo, hi = float(min(r["start"] for r in rows)), float(max(r["end"] for r in rows))
        ax.set_xlim(lo - 0.2, hi + 0.9)
        ax.set_xticks(range(int(lo), int(hi) + 2))
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_title(t("cases.timeline_title"), fontsize=10, loc="left")
    _legend(fig, [d for d in DEFAULTS if d in {r["default"] for r in rows}], markers=True)
    return fig


def _legend(fig, defaults, markers: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if markers:
        handles = [Line2D([], [], linestyle="none", marker=MARKERS[d], markersize=8, color=COLOURS[d],
                          markeredgecolor="black", label=_default_label(d)) for d in defaults]
    else:
        handles = [Patch(facecolor=COLOURS[d], hatch=HATCHES[d], edgecolor="black", label=_default_label(d))
                   for d in defaults]
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=min(4, len(handles)), fontsize=8,
                   frameon=False, title=t("cases.legend_default"), title_fontsize=8)


def by_year_counts(df) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    for row in list(df):
        counts.setdefault(int(row["year"]), {d: 0 for d in DEFAULTS})[row["default"]] += 1
    return dict(sorted(counts.items()))


def by_year_figure(df):
    """Stacked bars: cases per starting year, split by default (hatching and colour), each part labelled."""
    counts = by_year_counts(df)
    fig = new_figure(6.5, 3.6)
    ax = fig.subplots()
    years = list(counts)
    bottoms = [0] * len(years)
    present = [d for d in DEFAULTS if any(c[d] for c in counts.values())]
    for d in present:
        heights = [counts[y][d] for y in years]
        bars = ax.bar([str(y) for y in years], heights, bottom=bottoms, color=COLOURS[d], hatch=HATCHES[d],
                      edgecolor="black", label=_default_label(d))
        ax.bar_label(bars, labels=[str(h) if h else "" for h in heights], label_type="center", fontsize=9,
                     bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    ax.set_ylabel(t("cases.count_axis"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(t("cases.by_year_title"), fontsize=10, loc="left")
    _legend(fig, present, markers=False)
    return fig


def steps_figure(df):
    """Horizontal bars: steps to opt out or object per case, labelled; cases with no individual opt-out named."""
    rows = list(df)
    n = max(len(rows), 1)
    fig = new_figure(8, 0.42 * n + 1.4)
    ax = fig.subplots()
    labels = []
    for i, row in enumerate(rows):
        y = n - 1 - i
        labels.append(row["company"])
        steps = _steps(row)
        if steps is None:
            ax.annotate(t("cases.no_opt_out"), (0, y), xytext=(4, 0), textcoords="offset points", va="center",
                        fontsize=8, fontstyle="italic")
            continue
        bars = ax.barh([y], [steps], color=COLOURS[row["default"]], hatch=HATCHES[row["default"]],
                       edgecolor="black", height=0.6)
        label = str(steps) + (f" ({t('cases.not_individual')})" if row["individual_can_act"] is False else "")
        ax.bar_label(bars, labels=[label], padding=3, fontsize=9)
    ax.set_yticks([n - 1 - i for i in range(len(labels))], labels, fontsize=8)
    ax.set_ylim(-0.7, n - 0.3)  # a row with no bar (only its note) keeps the room a bar would have
    ax.set_xlabel(t("cases.steps_axis"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max([s for s in map(_steps, rows) if s is not None] + [1]) + 1.5)
    ax.set_title(t("cases.steps_title"), fontsize=10, loc="left")
    _legend(fig, [d for d in DEFAULTS if d in {r["default"] for r in rows}], markers=False)
    return fig


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
