"""The SVG figures' toolkit (kit/plots/svg.py): text measured as the font draws it, wrapped within its width, round
ticks, and a page that refers to nothing outside itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.plots import fontwidths
from kit.plots.svg import NORMAL, SMALL, Svg, nice_ticks, text_width, tick_label, wrap
from tests import svgfig

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("bold", [False, True])
def test_every_width_is_the_fonts_own(bold):
    matplotlib = pytest.importorskip("matplotlib")
    from matplotlib.ft2font import FT2Font, LoadFlags

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    font = FT2Font(str(Path(matplotlib.get_data_path(), "fonts", "ttf", name)))
    table = fontwidths.BOLD if bold else fontwidths.REGULAR
    for c, width in zip(fontwidths.CHARS, table, strict=True):
        assert font.load_char(ord(c), flags=LoadFlags.NO_SCALE).horiAdvance == width, f"{c!r} ({name})"


def test_every_character_of_the_content_is_measured():
    """A character missing from the table counts as an "M": safe, but wider than most. None of the kit's content
    needs it."""
    seen = set()
    for path in (ROOT / "data").rglob("*.yaml"):
        seen |= set(path.read_text(encoding="utf-8"))
    missing = {c for c in seen if c.isprintable() and c not in fontwidths.CHARS}
    assert not missing, f"characters of data/ not in kit/plots/fontwidths.py: {sorted(missing)}"


def test_text_width_adds_up_and_scales():
    assert text_width("ab", SMALL) == pytest.approx(text_width("a", SMALL) + text_width("b", SMALL))
    assert text_width("Opt-in", 2 * SMALL) == pytest.approx(2 * text_width("Opt-in", SMALL))
    assert text_width("Opt-in", SMALL, bold=True) > text_width("Opt-in", SMALL)
    assert text_width("\u4e2d", SMALL) == text_width("M", SMALL)  # not in the table: as wide as an M


@pytest.mark.parametrize("width", [40, 90, 200])
def test_wrapped_lines_fit_unless_a_word_is_wider(width):
    s = "Consentement préalable (opt-in), étude d'origine de 2003, et un mot anticonstitutionnellement long"
    lines = wrap(s, width, SMALL)
    assert " ".join(lines) == s
    for line in lines:
        assert text_width(line, SMALL) <= width or " " not in line
    assert wrap("Default in\neach person", 500, SMALL) == ["Default in", "each person"]


@pytest.mark.parametrize("lo, hi, integer, expected", [
    (0, 120, False, [0, 20, 40, 60, 80, 100, 120]),
    (-36.8, 36.8, False, [-20, 0, 20]),
    (0, 9, True, [0, 2, 4, 6, 8]),
    (0, 4.5, True, [0, 1, 2, 3, 4]),
    (0, 1, True, [0, 1]),
])
def test_ticks_are_round(lo, hi, integer, expected):
    assert nice_ticks(lo, hi, integer=integer) == expected


def test_a_negative_tick_has_a_true_minus_sign():
    assert tick_label(-20) == "\u221220" and tick_label(2.5) == "2.5"


def test_a_page_is_one_svg_that_refers_to_nothing_outside_itself():
    svg = Svg(200)
    svg.rect(10, 10, 50, 20, "#0072B2", "//", value=3)
    svg.rect(70, 10, 50, 20, "#E69F00", "//")
    svg.rect(130, 10, 50, 20, "#E69F00", "..")
    svg.text(10, 50, "<b>5 & 6</b>", NORMAL)
    page = svg.render(60.2)
    assert svgfig.size(page) == (200, 61)
    assert page.count("<pattern ") == 3  # one per colour and hatch, shared by the bars that use it
    assert svgfig.values(page) == [3]
    assert [t for t, _b, _e in svgfig.texts(page)] == ["<b>5 & 6</b>"]  # text, never markup
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")
