"""Figures built from logic results. Each reaches the page as an <img> with alt text and a caption.

Every figure of the student notebooks (the charts of notebooks 03 and 05, each case's timeline) is SVG the kit
writes (:mod:`kit.plots.svg`); the class view's charts are drawn with matplotlib."""

from __future__ import annotations

import base64
import io

from ..ui.html import esc
from .svg import data_uri

__all__ = ["figure_html", "new_figure"]

#: Shapes and fills, not colours, carry meaning; colours are from a colour-blind-safe set (Okabe–Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def new_figure(width: float = 8.0, height: float = 4.0, **kw):
    """A figure on a solid white background, so it stays readable on JupyterLab's dark theme too."""
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend, nothing shown twice

    fig = Figure(figsize=(width, height), dpi=100, facecolor="white", layout="constrained", **kw)
    return fig


def figure_png(fig) -> bytes:
    """The figure as PNG bytes, drawn once.

    ``savefig`` draws a figure with a layout engine twice (once without rendering, to lay it out, then for real);
    one draw of the Agg canvas lays out and renders in a single pass and gives the same pixels, in about two thirds
    of the time (issue 15, when the notebooks' figures were drawn this way; now only the class view's are).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.image import imsave

    fig.patch.set_facecolor("white")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    buf = io.BytesIO()
    imsave(buf, canvas.buffer_rgba(), format="png", origin="upper", dpi=fig.dpi)
    return buf.getvalue()


def figure_html(fig, alt: str, caption: str) -> str:
    """The figure (SVG text from :mod:`kit.plots.svg`, or a matplotlib figure) as an accessible HTML <figure>: the
    image with its alt text, then a visible caption."""
    if isinstance(fig, str):
        src = data_uri(fig)
    else:
        src = "data:image/png;base64," + base64.b64encode(figure_png(fig)).decode()
    return (
        "<figure style='margin:0.5em 0'>"
        f"<img src='{src}' alt='{esc(alt)}' style='max-width:100%;height:auto'/>"
        f"<figcaption style='font-size:0.9em'>{esc(caption)}</figcaption></figure>"
    )
