"""The figure cache (kit/plots/cache.py): a Run All reads the figures of unchanged content instead of drawing them,
draws anew whatever changed, keeps nothing of students' own, and is never in the way of a view."""

from __future__ import annotations

import pytest

import kit
from kit import classroom, plots
from kit.cases import load_cases
from kit.instructor.cli import main
from kit.plots import cache

DRAWN: list[tuple] = []


def bars(values: tuple, title: str):
    """A small figure that records each time it is really drawn."""
    DRAWN.append((values, title))
    fig = plots.new_figure(3, 2)
    ax = fig.add_subplot()
    ax.bar(range(len(values)), values)
    ax.set_title(title)
    return fig


@pytest.fixture
def figures(tmp_path, monkeypatch):
    """An empty cache folder of this test's own."""
    folder = tmp_path / "figures"
    monkeypatch.setenv("KIT_FIGURE_CACHE", str(folder))
    DRAWN.clear()
    yield folder
    kit.set_language("en")


def png_files(folder):
    return sorted(folder.glob("*.png")) if folder.exists() else []


def test_a_figure_is_drawn_once_then_read_back_the_same(figures):
    first = cache.drawn(bars, (1, 2, 3), "a")
    again = cache.drawn(bars, (1, 2, 3), "a")
    assert DRAWN == [((1, 2, 3), "a")]
    assert again == first and first.startswith(b"\x89PNG")
    assert first == plots.figure_png(bars((1, 2, 3), "a"))  # the same picture as drawing it
    assert len(png_files(figures)) == 1


def test_changed_content_or_language_is_drawn_anew(figures):
    cache.drawn(bars, (1, 2, 3), "a")
    cache.drawn(bars, (1, 2, 4), "a")
    kit.set_language("fr")
    cache.drawn(bars, (1, 2, 3), "a")
    assert len(DRAWN) == 3 and len(png_files(figures)) == 3


def test_a_broken_file_is_drawn_again_and_replaced(figures):
    good = cache.drawn(bars, (5,), "b")
    (path,) = png_files(figures)
    path.write_bytes(good[: len(good) // 2])  # a write cut short
    assert cache.drawn(bars, (5,), "b") == good
    assert len(DRAWN) == 2 and path.read_bytes() == good


def test_a_folder_that_cannot_be_made_only_means_drawing_each_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KIT_FIGURE_CACHE", str(blocker / "figures"))
    DRAWN.clear()
    assert cache.drawn(bars, (1,), "c").startswith(b"\x89PNG")
    assert cache.drawn(bars, (1,), "c").startswith(b"\x89PNG")
    assert len(DRAWN) == 2
    assert main(["figures"]) == 1


def test_off_keeps_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIT_FIGURE_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    cache.drawn(bars, (1,), "d")
    assert not list(tmp_path.rglob("*.png"))
    assert main(["figures"]) == 1
    assert "KIT_FIGURE_CACHE=off" in capsys.readouterr().err


def test_the_folder_keeps_at_most_max_files(figures, monkeypatch):
    monkeypatch.setattr(cache, "MAX_FILES", 3)
    for i in range(5):
        cache.drawn(bars, (i,), "e")
    assert len(png_files(figures)) == 3


def test_kit_figures_fills_the_cache_and_the_notebooks_views_then_draw_nothing(figures, monkeypatch, capsys):
    assert main(["figures", "--lang", "en"]) == 0  # French: the same views, keyed by language (test above)
    out = capsys.readouterr().out
    n = len(png_files(figures))
    # each case's timeline
    assert f"{n} figures in" in out and f"({n} drawn now, 0 already there)" in out and n == len(load_cases())
    assert main(["figures", "--lang", "en"]) == 0
    assert "(0 drawn now" in capsys.readouterr().out

    def no_drawing(fig):
        raise AssertionError("a figure was drawn although it is in the cache")

    monkeypatch.setattr(plots, "figure_png", no_drawing)
    views = [kit.show_timeline_plot("slack-2024"), kit.show_default_effects(), kit.show_simulation(),
             kit.show_simulation("opt-in"), kit.show_simulation("slack-as-it-was"), kit.show_case_plots()]
    html = "".join(v.static_html() for v in views)  # what notebooks 01, 03 and 05 show
    # the Slack case's timeline from the cache; the charts of notebooks 03 and 05 are SVG, written each time
    assert html.count("data:image/png;base64,") == 1 and html.count("data:image/svg+xml;base64,") == 5 + 3 + 3
    assert "kit-error" not in html
    assert len(png_files(figures)) == n


def test_class_results_are_not_kept(figures, tmp_path, monkeypatch):
    kept = png_files(figures)
    shared = tmp_path / "class"
    shared.mkdir()
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "home"))
    entry = {"response": "included", "attempts": 1, "hints": 0, "score": None, "correct": None}
    classroom.share("final", {"slack-default": entry}, None, shared)
    assert "data:image/png" in kit.show_class_results(shared).body.value
    assert png_files(figures) == kept
