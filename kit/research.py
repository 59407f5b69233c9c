"""Opt-in versus opt-out as a simple population model: pure logic (numpy), no widgets.

Each of N people has a wish (in or out), may or may not know about the setting, and has a patience in minutes.
A person acts when they know, their wish differs from the default, they are allowed to act, and acting costs no
more than their patience. With ``who_acts="owner"`` only the first person of each workspace may act, and their
outcome is everyone's in that workspace. The model's assumptions, in words, are in ``data/research/simulation.yaml``.

The random draws depend only on (N, seed) and are cached, so moving a slider re-runs only cheap comparisons on the
same people; the result is the same for the same inputs every time.

What a student types in one of the simulation's boxes is read by :func:`read_setting`: a decimal comma or point,
the language's thousands separators, a % sign; a value out of the box's range is brought to its nearest end and an
unreadable one keeps the value the box had, each with the key of the sentence the view shows (issue 27 item 2).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from .content.errors import BadArgument

__all__ = ["Params", "Outcome", "REGIMES", "SETTINGS", "Setting", "Typed", "simulate", "simulate_all",
           "params_from_preset", "outcomes_per_person", "read_setting"]

Default = Literal["in", "out"]
WhoActs = Literal["each", "owner"]
#: The four regimes the comparison shows: (default, who may act).
REGIMES: tuple[tuple[Default, WhoActs], ...] = (("in", "each"), ("out", "each"), ("in", "owner"), ("out", "owner"))


@dataclass(frozen=True)
class Params:
    """The model's inputs. Shares are from 0 to 1; times are in minutes."""

    n: int = 100_000
    want: float = 0.5
    awareness: float = 0.5
    cost_minutes: float = 1.0
    patience_minutes: float = 10.0
    default: Default = "in"
    who_acts: WhoActs = "each"
    workspace_size: int = 50
    seed: int = 2024

    def check(self) -> None:
        """Raise ValueError, in plain words, for inputs the model cannot use."""
        if self.n < 1:
            raise BadArgument(f"the population must have at least 1 person, got {self.n}")
        for name in ("want", "awareness"):
            v = getattr(self, name)
            if not 0 <= v <= 1:
                raise BadArgument(f"{name} is a share from 0 to 1, got {v}")
        if self.cost_minutes < 0:
            raise BadArgument(f"the cost of acting cannot be negative, got {self.cost_minutes}")
        if self.patience_minutes <= 0:
            raise BadArgument(f"patience must be more than 0 minutes, got {self.patience_minutes}")
        if self.workspace_size < 1:
            raise BadArgument(f"a workspace has at least 1 person, got {self.workspace_size}")
        if self.default not in ("in", "out") or self.who_acts not in ("each", "owner"):
            raise BadArgument("default must be 'in' or 'out', and who_acts 'each' or 'owner'")


@dataclass(frozen=True)
class Outcome:
    """What one regime produces for the population."""

    default: Default
    who_acts: WhoActs
    n: int
    included: int  # people whose data is used
    wanted: int  # people who would want it used
    included_unwanted: int  # used, against their wish
    excluded_wanted: int  # left out, against their wish
    acted: int  # people who changed the default (for themselves or for their workspace)
    could_act: int  # people allowed to act at all

    @property
    def mismatch(self) -> int:
        return self.included_unwanted + self.excluded_wanted

    @property
    def share_included(self) -> float:
        return self.included / self.n

    @property
    def share_mismatch(self) -> float:
        return self.mismatch / self.n

    @property
    def share_wanted(self) -> float:
        return self.wanted / self.n


@lru_cache(maxsize=8)
def _draws(n: int, seed: int):
    """Three uniform numbers per person, fixed for (n, seed): wish, awareness, patience."""
    import numpy as np

    rng = np.random.default_rng(seed)
    u = rng.random((3, n))
    patience_unit = -np.log1p(-u[2])  # exponential with mean 1; scaled by the average patience later
    u.setflags(write=False)
    patience_unit.setflags(write=False)
    return u[0], u[1], patience_unit


def _per_person(p: Params, default: Default, who_acts: WhoActs):
    """(wants, included, may_act) boolean arrays, one entry per person."""
    import numpy as np

    u_want, u_aware, patience = _draws(p.n, p.seed)
    wants = u_want < p.want
    aware = u_aware < p.awareness
    willing = patience * p.patience_minutes >= p.cost_minutes
    default_in = default == "in"
    acts = aware & willing & (wants != default_in)
    if who_acts == "each":
        may_act = np.ones(p.n, dtype=bool)
        included = acts != default_in  # default in: included unless acted; default out: included if acted
        return wants, included, may_act, acts
    size = p.workspace_size
    owners = np.arange(0, p.n, size)
    may_act = np.zeros(p.n, dtype=bool)
    may_act[owners] = True
    owner_acts = acts[owners]
    workspace_in = owner_acts != default_in
    counts = np.diff(np.append(owners, p.n))
    included = np.repeat(workspace_in, counts)
    return wants, included, may_act, may_act & np.repeat(owner_acts, counts)


def outcomes_per_person(p: Params, default: Default | None = None, who_acts: WhoActs | None = None):
    """For tests and teaching: (wants, included, may_act) per person under a regime (the params' own by default)."""
    p.check()
    wants, included, may_act, _ = _per_person(p, default or p.default, who_acts or p.who_acts)
    return wants, included, may_act


def simulate(p: Params, default: Default | None = None, who_acts: WhoActs | None = None) -> Outcome:
    """The outcome of one regime (the params' own unless ``default`` / ``who_acts`` are given)."""
    p.check()
    return _simulate(p, default or p.default, who_acts or p.who_acts)


@lru_cache(maxsize=64)
def _simulate(p: Params, default: Default, who_acts: WhoActs) -> Outcome:
    """The same params give the same outcome (the draws are seeded): a view's chart and its numbers ask for the
    same regimes, and each is worked out once."""
    wants, included, may_act, acts = _per_person(p, default, who_acts)
    n_inc = int(included.sum())
    n_want = int(wants.sum())
    inc_unwanted = int((included & ~wants).sum())
    return Outcome(
        default=default, who_acts=who_acts, n=p.n, included=n_inc, wanted=n_want,
        included_unwanted=inc_unwanted, excluded_wanted=n_want - (n_inc - inc_unwanted),
        acted=int(acts.sum()), could_act=int(may_act.sum()),
    )


def simulate_all(p: Params) -> tuple[Outcome, ...]:
    """The same people under each of the four regimes of :data:`REGIMES`, in that order."""
    return tuple(simulate(p, d, w) for d, w in REGIMES)


def params_from_preset(preset, n: int | None = None, seed: int = 2024) -> Params:
    """Params from a preset record of ``data/research/simulation.yaml``."""
    base = Params(
        want=preset.want, awareness=preset.awareness, cost_minutes=preset.cost_minutes,
        patience_minutes=preset.patience_minutes, default=preset.default, who_acts=preset.who_acts,
        workspace_size=preset.workspace_size, seed=seed,
    )
    return replace(base, n=n) if n else base


# ------------------------------------------------------------------------------------------------ typed settings
@dataclass(frozen=True)
class Setting:
    """The range a box of the simulation takes (ends included), and whether it counts whole things (people)."""

    low: float
    high: float
    whole: bool = False


#: The simulation's boxes, by the name the view gives them. Shares are in percent, times in minutes; the view may
#: raise the population's top to the data's own population.
SETTINGS: dict[str, Setting] = {
    "n": Setting(1000, 100_000, whole=True),
    "want": Setting(0, 100),
    "awareness": Setting(0, 100),
    "cost": Setting(0, 60),
    "patience": Setting(0.5, 60),
    "workspace": Setting(1, 500, whole=True),
}


@dataclass(frozen=True)
class Typed:
    """What the simulation made of a typed value: the value it uses, and why it differs from what was typed.

    ``note`` is None when the value is what was typed; else ``above`` or ``below`` (brought to the range's end),
    ``rounded`` (a whole number was needed), ``unreadable`` or ``empty`` (the box keeps its value).
    """

    value: float | int
    note: str | None
    typed: str

    @property
    def key(self) -> str | None:
        """The UI string that says what was done, or None when there is nothing to say."""
        return f"defaults.sim.typed_{self.note}" if self.note else None


_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009]+(?=\d)")  # digits grouped by spaces: 100 000
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # English thousands: 100,000 or 1,234.5


def read_number(text: str, language: str = "en") -> float | None:
    """``text`` as a finite number, or None: a decimal comma or point, thousands grouped by spaces (and by commas
    in English), a typographic minus and a % sign at the end are all read as a person means them."""
    s = text.strip().replace("\u2212", "-").removesuffix("%").strip()
    s = _SPACES.sub("", s)
    if language == "en" and _GROUPED.fullmatch(s):
        s = s.replace(",", "")
    elif s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def read_setting(text: str, setting: Setting, current: float, language: str = "en") -> Typed:
    """What the simulation uses for ``text`` typed in a box of ``setting``, and what it must say about it.

    A value out of range becomes the nearest end ("150" → 100, "-5" → 0); a whole setting rounds; an unreadable or
    empty box keeps ``current``. Never silently: each change has a note, and the note a key.
    """
    typed = text.strip()
    x = read_number(typed, language)
    if x is None:
        kept = int(current) if setting.whole else float(current)
        return Typed(kept, "empty" if not typed else "unreadable", typed)
    note = None
    if setting.whole and x != round(x):
        x, note = round(x), "rounded"
    if x > setting.high:
        x, note = setting.high, "above"
    elif x < setting.low:
        x, note = setting.low, "below"
    return Typed(int(x) if setting.whole else float(x), note, typed)
