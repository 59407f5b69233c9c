"""The simulation view, driven from Python: move sliders, pick presets, read the numbers and the figure."""

from __future__ import annotations

import re

import pytest

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
    assert "<img src='data:image/svg+xml;base64," in v.plot.value and "alt='Stacked bar chart" in v.plot.value


def test_moving_a_slider_changes_numbers_figure_and_marks_custom():
    v = SimulationView(load_simulation(), "one-click-opt-out")
    before_numbers, before_plot = v.numbers.value, v.plot.value
    v.awareness.value = "100"  # typed in its box
    assert v.preset.value == CUSTOM
    assert v.numbers.value != before_numbers and v.plot.value != before_plot
    assert _mismatch(v) < 1  # everyone knows and one click costs nothing: almost everyone gets their wish
    v.cost.value = "60"
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
    assert (v.default.value, v.who.value, v.workspace.value, v.cost.value) == ("in", "owner", "50", "15")
    assert "Slack" in v.preset_note.value


def test_who_may_act_changes_who_can_choose():
    v = SimulationView(load_simulation(), "one-click-opt-out")
    v.who.value = "owner"
    v.workspace.value = "100"
    assert "Allowed to act at all: 1,000 of 100,000 people" in v.numbers.value


def test_every_control_has_a_description_and_tooltip():
    v = SimulationView(load_simulation())
    for c in (v.preset, *v.controls):
        assert c.description and c.tooltip


def test_public_functions():
    import kit

    assert isinstance(kit.show_simulation("opt-in"), SimulationView)
    assert "no simulation preset" in kit.show_simulation("nope").value
    from kit.content.research import load_research

    shown = kit.show_default_effects().children[0].value  # every chart, in one control
    assert shown.count("<figure") == len(load_research().charts) >= 5


# ------------------------------------------------------------------ issue 27 item 2: what was typed, and what was done
@pytest.fixture(params=["en", "fr"])
def lang(request):
    from kit.i18n import set_language

    set_language(request.param)
    yield request.param
    set_language("en")


def _shown(view) -> str:
    from tests.conftest import visible_text

    return visible_text(view)


def _said(key, **kw) -> str:
    from kit.i18n import t

    return " ".join(t(key, **kw).split())


def test_a_decimal_comma_is_read_in_both_languages(lang):
    v = SimulationView(load_simulation(), "one-click-opt-out")
    before = v.numbers.value
    v.cost.value = "12,5"
    assert v.params().cost_minutes == 12.5
    assert v.cost.value == ("12.5" if lang == "en" else "12,5")  # the box shows the number as the language writes it
    assert v.numbers.value != before and v.preset.value == CUSTOM
    assert v.typed_note.value == ""  # read as typed: nothing to say


def test_a_value_out_of_range_is_brought_in_and_said(lang):
    v = SimulationView(load_simulation(), "one-click-opt-out")
    v.want.value = "150"
    assert v.want.value == "100" and v.params().want == 1.0
    assert _said("defaults.sim.typed_above", name=v.want.description, typed="150", high="100") in _shown(v)
    v.awareness.value = "-5"
    assert v.awareness.value == "0" and v.params().awareness == 0.0
    assert _said("defaults.sim.typed_below", name=v.awareness.description, typed="-5", low="0") in _shown(v)
    v.awareness.value = "40"
    assert v.typed_note.value == ""  # a value read as typed clears the sentence


def test_an_unreadable_value_keeps_the_old_one_and_says_so(lang):
    v = SimulationView(load_simulation(), "one-click-opt-out")
    kept, numbers = v.want.value, v.numbers.value
    v.want.value = "abc"
    assert v.want.value == kept and v.numbers.value == numbers
    assert _said("defaults.sim.typed_unreadable", name=v.want.description, typed="abc", value=kept) in _shown(v)
    v.want.value = ""
    assert v.want.value == kept
    assert _said("defaults.sim.typed_empty", name=v.want.description, value=kept) in _shown(v)


def test_a_preset_clears_what_was_said_about_a_typed_value():
    v = SimulationView(load_simulation(), "one-click-opt-out")
    v.want.value = "150"
    assert v.typed_note.value
    v.preset.value = "opt-in"
    assert v.typed_note.value == "" and v.want.value != "150"
