"""Issue 27 item 2: what the simulation makes of a number typed in one of its boxes, and what it says about it.

The rule is :func:`kit.research.read_setting` (plain tests here); the view shows the value it keeps and, for a value
it changed or could not read, the sentence its key names (tests/test_ui_research.py, in both languages, and
tests/browser/test_defaults.py in JupyterLab).
"""

from __future__ import annotations

import pytest

from kit.research import SETTINGS, Setting, read_setting

PERCENT = Setting(0, 100)
MINUTES = Setting(0, 60)
PEOPLE = Setting(1000, 100_000, whole=True)
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("typed, setting, language, value, note", [
    ("12,5", MINUTES, "en", 12.5, None),  # a decimal comma, in either language
    ("12,5", MINUTES, "fr", 12.5, None),
    ("12.5", MINUTES, "fr", 12.5, None),
    (" 40 % ", PERCENT, "en", 40, None),
    ("150", PERCENT, "en", 100, "above"),
    ("-5", PERCENT, "en", 0, "below"),
    ("\u22125", PERCENT, "fr", 0, "below"),  # a typographic minus
    ("abc", PERCENT, "en", 50, "unreadable"),  # the value it had is kept
    ("12,5,3", PERCENT, "en", 50, "unreadable"),
    ("nan", PERCENT, "en", 50, "unreadable"),
    ("", PERCENT, "en", 50, "empty"),
    ("100,000", PEOPLE, "en", 100_000, None),  # English thousands
    (f"100{NNBSP}000", PEOPLE, "fr", 100_000, None),  # French thousands, as the box shows them
    (f"20{NBSP}000", PEOPLE, "fr", 20_000, None),
    ("20 000", PEOPLE, "en", 20_000, None),
    ("2500,5", PEOPLE, "en", 2500, "rounded"),
    ("250000", PEOPLE, "en", 100_000, "above"),
    ("12", PEOPLE, "en", 1000, "below"),
])
def test_read_setting(typed, setting, language, value, note):
    r = read_setting(typed, setting, current=50, language=language)
    assert (r.value, r.note) == (value, note)
    assert isinstance(r.value, int) is setting.whole
    assert r.key == (None if note is None else f"defaults.sim.typed_{note}")


def test_every_box_of_the_simulation_has_its_range():
    assert set(SETTINGS) == {"n", "want", "awareness", "cost", "patience", "workspace"}
    assert SETTINGS["want"] == Setting(0, 100) and SETTINGS["workspace"] == Setting(1, 500, whole=True)
