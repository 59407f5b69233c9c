"""The simulation view, driven from Python: move sliders, pick presets, read the numbers and the figure."""

from __future__ import annotations

import re

from kit.content.research import load_simulation
from kit.ui.research import CUSTOM, SimulationView


def _included(view) -> float:
    return float(re.search(r"Included \(data used\): ([\d.]+)%", view.numbers.value).group(1))


def _mismatch(view) -> float:
    return float(re.search(r"Mismatch [^:]*: ([\d.]+)%", view.numbers.value).group(1))


def test_starts_on_slacks_preset_with_numbers_and_figure():
    v = SimulationView(load_simulation())
    assert v.preset.value == "slack-as-it-was"
    assert (v.default.value, v.who.value) == ("in", "owner")
    assert "owner only" in v.numbers.value
    assert "Allowed to act at all: 2,000 of 100,000 people" in v.numbers.value
    assert "<img src='data:image/png;base64," in v.plot.value and "alt='Stacked bar chart" in v.plot.value


def test_moving_a_slider_changes_numbers_figure_and_marks_custom():
    v = SimulationView(load_simulation(), "one-click-opt-out")
    before_numbers, before_plot = v.numbers.value, v.plot.value
    v.awareness.value = 100
    assert v.preset.value == CUSTOM
    assert v.numbers.value != before_numbers and v.plot.value != before_plot
    assert _mismatch(v) < 1  # everyone knows and one click costs nothing: almost everyone gets their wish
    v.cost.value = 60
    assert _included(v) > 90  # nobody bothers: the default wins


def test_default_toggle_flips_the_outcome():
    v = SimulationView(load_simulation(), "opt-in")
    low = _included(v)
    v.default.value = "in"
    assert _included(v) > low + 30
    assert "▶ Default in" in v.plot.value or "Default in, each person" in v.numbers.value


def test_preset_dropdown_moves_every_control():
    v = SimulationView(load_simulation(), "opt-in")
    v.preset.value = "slack-as-it-was"
    assert (v.default.value, v.who.value, v.workspace.value, v.cost.value) == ("in", "owner", 50, 15)
    assert "Slack" in v.preset_note.value


def test_who_may_act_changes_who_can_choose():
    v = SimulationView(load_simulation(), "one-click-opt-out")
    v.who.value = "owner"
    v.workspace.value = 100
    assert "Allowed to act at all: 1,000 of 100,000 people" in v.numbers.value


def test_every_control_has_a_description_and_tooltip():
    v = SimulationView(load_simulation())
    for c in (v.preset, *v.controls):
        assert c.description and c.tooltip


def test_public_functions():
    import kit

    assert isinstance(kit.show_simulation("opt-in"), SimulationView)
    assert "no simulation preset" in kit.show_simulation("nope").value
    assert len(kit.show_default_effects().children) >= 5
