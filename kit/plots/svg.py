"""Figures written as SVG by the kit: a canvas, text that knows its width, axes, hatches, markers and legends.

Every figure of the student notebooks is drawn with this module, not matplotlib (the charts of notebooks 03 and 05,
each case's timeline in 01 and 05): a figure is a few dozen shapes, written in about a millisecond, where importing
matplotlib took 300 ms and drawing each figure 35 to 100 ms (issue 26, `make bench`). A figure is still an ``<img>``
(a ``data:image/svg+xml`` URI) with alt text and a caption (:func:`kit.plots.figure_html`), on a white background, so
the dark theme's filter and a saved notebook's HTML treat it as before.

Text is laid out before the browser draws it: its width comes from DejaVu Sans' advance widths
(:mod:`kit.plots.fontwidths`), the font the figures ask for first (Verdana, of about the same widths, next). Every text
is one ``<text>`` element on one line, whose box :func:`text_box` gives from its attributes alone: the layout tests
(``tests/test_plots_layout.py``) read the SVG a student gets and measure the boxes from it.

Sizes are pixels of a figure shown at its natural width (matplotlib's 100 dpi: 8 pt is 11 px).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..locale import number
from ..ui.html import esc
from .fontwidths import BOLD, CHARS, REGULAR

__all__ = ["FONT", "PAD", "Svg", "block_height", "centred", "nice_ticks", "text_box", "text_width", "tick_label",
           "wrap", "y_axis_room"]

FONT = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"
SMALL, NORMAL, TITLE = 11.0, 12.5, 14.0  # 8, 9 and 10 pt at 100 dpi
PAD = 10.0  # the white margin round a figure
ASCENT, DESCENT = 0.928, 0.236  # of the font's size: DejaVu Sans' ascender and descender
LINE = 1.2  # line height, as a multiple of the font's size
_REGULAR = dict(zip(CHARS, REGULAR, strict=True))
_BOLD = dict(zip(CHARS, BOLD, strict=True))


def text_width(s: str, size: float, bold: bool = False) -> float:
    """Width in pixels of one line of ``s`` at ``size`` px (a character the table lacks counts as an "M")."""
    table = _BOLD if bold else _REGULAR
    wide = table["M"]
    return sum(table.get(c, wide) for c in s) * size / 2048


def centred(mid: float, size: float) -> float:
    """The baseline that centres one line of text of ``size`` px on the height ``mid``."""
    return mid + (ASCENT - DESCENT) * size / 2


def block_height(lines: int, size: float) -> float:
    """The height of ``lines`` lines of text of ``size`` px, from the first one's top to the last one's bottom."""
    return (lines - 1) * LINE * size + (ASCENT + DESCENT) * size


def y_axis_room(ticks: list[float]) -> float:
    """How far left of the plot area :meth:`Svg.y_axis` writes with these ticks: their labels, the ticks and the
    axis' label turned along it."""
    return (ASCENT + DESCENT) * NORMAL + 14 + max(text_width(tick_label(v), SMALL) for v in ticks)


def text_box(x: float, y: float, s: str, size: float, anchor: str = "start",
             bold: bool = False) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1; y downwards) of one line of text whose baseline starts, centres or ends at (x, y)."""
    w = text_width(s, size, bold)
    x0 = x - (w / 2 if anchor == "middle" else w if anchor == "end" else 0)
    return x0, y - ASCENT * size, x0 + w, y + DESCENT * size


def wrap(s: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``s`` in lines no wider than ``width`` px, broken between words (a word wider than that keeps its own line);
    a line break in ``s`` is kept."""
    lines: list[str] = []
    for para in s.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def tick_label(v: float) -> str:
    """A tick's number in the language's way, with a true minus sign."""
    shown = number(abs(v)) if v == int(v) else number(abs(v), 1)
    return f"\u2212{shown}" if v < 0 else shown


def nice_ticks(lo: float, hi: float, most: int = 6, integer: bool = False) -> list[float]:
    """Round ticks from ``lo`` to ``hi`` (a step of 1, 2, 2.5 or 5 times a power of ten), at most ``most`` + 1 of
    them; ``integer``: a whole step."""
    span = max(hi - lo, 1e-9)
    raw = span / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if integer:
        step = max(1, round(step))
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    v = first
    while v <= hi + 1e-9:
        ticks.append(round(v, 10))
        v += step
    return ticks


#: hatch features: "/" and "\\" diagonals, "x" both, "." dots; three marks or more ("///") draw them closer
def _hatch_tile(hatch: str) -> tuple[int, str]:
    size = 6 if max((hatch.count(c) for c in "/\\x."), default=0) >= 3 else 8
    s = size
    parts = []
    if "/" in hatch or "x" in hatch:
        parts.append(f"M0,{s} L{s},0 M-2,2 L2,-2 M{s - 2},{s + 2} L{s + 2},{s - 2}")
    if "\\" in hatch or "x" in hatch:
        parts.append(f"M0,0 L{s},{s} M-2,{s - 2} L2,{s + 2} M{s - 2},-2 L{s + 2},2")
    marks = f"<path d='{' '.join(parts)}' stroke='black' stroke-width='0.8'/>" if parts else ""
    if "." in hatch:
        marks += "".join(f"<circle cx='{cx}' cy='{cy}' r='0.9' fill='black'/>" for cx, cy in ((2, 2), (s / 2 + 2,
                                                                                                     s / 2 + 2)))
    return size, marks


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Axes:
    """A plot area in pixels (left, top, right, bottom) and the data range it shows on each axis."""

    left: float
    top: float
    right: float
    bottom: float
    x: tuple[float, float]
    y: tuple[float, float]

    def fx(self, v: float) -> float:
        lo, hi = self.x
        return self.left + (v - lo) / (hi - lo) * (self.right - self.left)

    def fy(self, v: float) -> float:
        lo, hi = self.y
        return self.bottom - (v - lo) / (hi - lo) * (self.bottom - self.top)


class Svg:
    """Shapes and texts on a white page ``width`` px wide; :meth:`render` writes the SVG at the height reached."""

    def __init__(self, width: float):
        self.width = width
        self._parts: list[str] = []
        self._patterns: dict[tuple[str, str], str] = {}

    def fill(self, colour: str, hatch: str = "") -> str:
        """A fill attribute value: the colour, or a pattern of the colour under black hatching."""
        if not hatch:
            return colour
        key = (colour, hatch)
        if key not in self._patterns:
            self._patterns[key] = f"h{len(self._patterns)}"
        return f"url(#{self._patterns[key]})"

    def rect(self, x: float, y: float, w: float, h: float, colour: str, hatch: str = "", *, opacity: float = 1.0,
             stroke: str | None = "black", stroke_width: float = 0.8, value: float | None = None,
             rx: float = 0) -> None:
        """A rectangle (negative sizes are turned round; ``rx``: rounded corners); ``value``, when given, is the
        datum it shows (``data-value``: what the tests read)."""
        if w < 0:
            x, w = x + w, -w
        if h < 0:
            y, h = y + h, -h
        more = f" stroke='{stroke}' stroke-width='{_f(stroke_width)}'" if stroke else ""
        more += f" opacity='{opacity:g}'" if opacity != 1 else ""
        more += f" data-value='{value:g}'" if value is not None else ""
        more += f" rx='{_f(rx)}'" if rx else ""
        self._parts.append(f"<rect x='{_f(x)}' y='{_f(y)}' width='{_f(w)}' height='{_f(h)}' "
                           f"fill='{self.fill(colour, hatch)}'{more}/>")

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str = "black", width: float = 1.0,
             round_caps: bool = False) -> None:
        caps = " stroke-linecap='round'" if round_caps else ""
        self._parts.append(f"<line x1='{_f(x1)}' y1='{_f(y1)}' x2='{_f(x2)}' y2='{_f(y2)}' stroke='{colour}' "
                           f"stroke-width='{_f(width)}'{caps}/>")

    def marker(self, shape: str, cx: float, cy: float, size: float, colour: str, *, face: str | None = None,
               edge: str = "black", edge_width: float = 1.0, number: int | None = None) -> None:
        """A marker ``size`` px across: ``o`` circle, ``s`` square, ``^`` triangle, ``D`` diamond, ``X`` a thick
        cross; filled with ``face`` (``colour`` when not given), its edge ``edge_width`` px of ``edge``.
        ``number``, when given, is the event it marks (``data-number``: what the tests read)."""
        r = size / 2
        more = f"fill='{face or colour}' stroke='{edge}' stroke-width='{_f(edge_width)}'"
        more += f" data-number='{number}'" if number is not None else ""
        if shape == "o":
            self._parts.append(f"<circle cx='{_f(cx)}' cy='{_f(cy)}' r='{_f(r)}' {more}/>")
            return
        if shape == "s":
            pts = [(-r, -r), (r, -r), (r, r), (-r, r)]
        elif shape == "^":  # its centroid is a third of r below (cx, cy)
            pts = [(0, -r), (r, r), (-r, r)]
        elif shape == "D":
            pts = [(0, -r), (r, 0), (0, r), (-r, 0)]
        else:  # X: a cross a third as thick as it is wide
            a, b = r, r / 3
            pts = [(-a, -a + b), (-a + b, -a), (0, -b), (a - b, -a), (a, -a + b), (b, 0), (a, a - b), (a - b, a),
                   (0, b), (-a + b, a), (-a, a - b), (-b, 0)]
        points = " ".join(f"{_f(cx + dx)},{_f(cy + dy)}" for dx, dy in pts)
        self._parts.append(f"<polygon points='{points}' stroke-linejoin='round' {more}/>")

    def text(self, x: float, y: float, s: str, size: float = SMALL, anchor: str = "start", bold: bool = False,
             italic: bool = False, rotate: bool = False, colour: str = "") -> tuple[float, float, float, float]:
        """One line of text, its baseline at ``y``, in ``colour`` (black when not given); returns its box (see
        :func:`text_box`). ``rotate`` turns it a quarter anticlockwise about (x, y) (an axis' label)."""
        style = (" font-weight='bold'" if bold else "") + (" font-style='italic'" if italic else "")
        style += f" fill='{colour}'" if colour else ""
        turn = f" transform='rotate(-90 {_f(x)} {_f(y)})'" if rotate else ""
        self._parts.append(f"<text x='{_f(x)}' y='{_f(y)}' font-size='{_f(size)}' text-anchor='{anchor}'"
                           f"{style}{turn}>{esc(s)}</text>")
        return text_box(x, y, s, size, anchor, bold)

    def lines(self, x: float, top: float, lines: list[str], size: float = SMALL, anchor: str = "start",
              bold: bool = False, italic: bool = False) -> float:
        """Lines of text, the first one's box starting at ``top``; returns the bottom of the last one."""
        for i, s in enumerate(lines):
            self.text(x, top + ASCENT * size + i * LINE * size, s, size, anchor, bold, italic)
        return top + block_height(len(lines), size)

    def title(self, text: str) -> float:
        """The figure's title at the top left, wrapped to its width; returns where the rest begins."""
        return self.lines(PAD, PAD, wrap(text, self.width - 2 * PAD, TITLE), TITLE) + 10

    def render(self, height: float) -> str:
        defs = "".join(
            f"<pattern id='{pid}' patternUnits='userSpaceOnUse' width='{size}' height='{size}'>"
            f"<rect width='{size}' height='{size}' fill='{colour}'/>{marks}</pattern>"
            for (colour, hatch), pid in self._patterns.items() for size, marks in [_hatch_tile(hatch)]
        )
        w, h = _f(self.width), _f(math.ceil(height))
        return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' viewBox='0 0 {w} {h}' "
                f"font-family='{FONT}'>" + (f"<defs>{defs}</defs>" if defs else "")
                + f"<rect width='100%' height='100%' fill='white'/>{''.join(self._parts)}</svg>")

    # ------------------------------------------------------------------ axes
    def y_axis(self, ax: Axes, ticks: list[float], label: str = "", labels: list[str] | None = None) -> None:
        """The left spine, its ticks and their labels, and the axis' label turned along it."""
        self.line(ax.left, ax.top, ax.left, ax.bottom)
        shown = labels or [tick_label(v) for v in ticks]
        for v, s in zip(ticks, shown, strict=True):
            y = ax.fy(v)
            self.line(ax.left - 4, y, ax.left, y)
            self.text(ax.left - 6, centred(y, SMALL), s, SMALL, "end")
        if label:
            widest = max((text_width(s, SMALL) for s in shown), default=0)
            self.text(ax.left - 10 - widest - DESCENT * NORMAL, (ax.top + ax.bottom) / 2, label, NORMAL, "middle",
                      rotate=True)

    def x_axis(self, ax: Axes, ticks: list[float], label: str = "", labels: list[list[str]] | None = None) -> float:
        """The bottom spine, its ticks and their labels (each a list of lines), and the axis' label under them;
        returns the bottom of what was written."""
        self.line(ax.left, ax.bottom, ax.right, ax.bottom)
        shown = labels or [[tick_label(v)] for v in ticks]
        low = ax.bottom
        for v, lines in zip(ticks, shown, strict=True):
            x = ax.fx(v)
            self.line(x, ax.bottom, x, ax.bottom + 4)
            low = max(low, self.lines(x, ax.bottom + 6, lines, SMALL, "middle"))
        if label:
            low = self.lines((ax.left + ax.right) / 2, low + 4, [label], NORMAL, "middle")
        return low

    def legend(self, items: list[tuple[str, str, str]], top: float, title: str = "", marker: bool = False,
               left: float | None = None, style: Callable[[str, str], dict] | None = None) -> float:
        """Legend entries (label, colour, hatch or marker shape) in rows centred under the plot (or in one column
        from ``left``); returns the bottom of the legend. ``style(shape, colour)``: the markers' fill and edge, as
        :meth:`marker` takes them, when the plot draws them otherwise than filled with a black edge."""
        key, gap = 18.0, 16.0
        entries = [(label, colour, how, key + 6 + text_width(label, SMALL)) for label, colour, how in items]
        if left is not None:
            y = top
            if title:
                y = self.lines(left, y, [title], SMALL) + 4
            for label, colour, how, _w in entries:
                self._key(left, y, key, colour, how, marker, style)
                self.text(left + key + 6, centred(y + key / 2, SMALL), label, SMALL)
                y += key + 4
            return y
        rows: list[list[tuple[str, str, str, float]]] = [[]]
        room = self.width - 2 * PAD
        title_w = text_width(title, SMALL) + gap if title else 0
        for e in entries:
            used = (title_w if len(rows) == 1 else 0) + sum(w + gap for *_x, w in rows[-1])
            if rows[-1] and used + e[3] > room:
                rows.append([])
            rows[-1].append(e)
        y = top
        for i, row in enumerate(rows):
            width = sum(w for *_x, w in row) + gap * (len(row) - 1) + (title_w if i == 0 else 0)
            x = (self.width - width) / 2
            mid = centred(y + key / 2, SMALL)
            if i == 0 and title:
                self.text(x, mid, title, SMALL)
                x += title_w
            for label, colour, how, w in row:
                self._key(x, y, key, colour, how, marker, style)
                self.text(x + key + 6, mid, label, SMALL)
                x += w + gap
            y += key + 4
        return y

    def _key(self, x: float, y: float, key: float, colour: str, how: str, marker: bool, style) -> None:
        if marker:
            self.marker(how, x + key / 2, y + key / 2, key * 0.6, colour, **(style(how, colour) if style else {}))
        else:
            self.rect(x + 1, y + 3, key - 2, key - 6, colour, how)


def data_uri(svg: str) -> str:
    """The SVG as an ``<img>`` source."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
