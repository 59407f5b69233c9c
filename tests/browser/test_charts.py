"""The SVG charts' text is as wide in Chromium as the kit measured it.

The charts of notebooks 03 and 05 are laid out before a browser draws them, from DejaVu Sans' widths
(kit/plots/svg.py), and tests/test_plots_layout.py checks with those widths that no text runs into another. This
checks the widths themselves where a student reads them: Chromium draws every text of every chart, in both
languages, no wider than measured (kerning may make it a little narrower), so what the layout tests pass is what a
student sees.
"""

from __future__ import annotations

import pytest

from kit.plots.svg import text_width
from tests import svgfig

pytestmark = pytest.mark.browser

#: Each text as Chromium draws it: its string, drawn width, font size and weight.
DRAWN = """() => [...document.querySelectorAll('svg text')].map(
  t => [t.textContent, t.getComputedTextLength(), parseFloat(t.getAttribute('font-size')),
        t.getAttribute('font-weight') === 'bold'])"""


def test_every_chart_text_is_drawn_no_wider_than_measured(browser):
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body>" + "".join(svgfig.every_chart().values()) + "</body></html>")
        drawn = page.evaluate(DRAWN)
    finally:
        page.close()
    assert len(drawn) > 300  # every chart's texts, both languages
    for text, width, size, bold in drawn:
        measured = text_width(text, size, bold)
        assert width <= measured + 0.5, f"{text!r} is drawn {width:.1f} px wide, measured {measured:.1f}"
        # much narrower would mean another font than the one measured: the layout tests would not be testing it
        assert width >= 0.9 * measured - 0.5, f"{text!r} is drawn in another font ({width:.1f} of {measured:.1f} px)"
