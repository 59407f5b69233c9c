"""Notebook 05's task: a student codes cases on named dimensions, then compares the coding with the kit's. No widgets.

The kit's coding of a case is read from the case's data, never typed a second time: the row
:func:`kit.cases.case_rows` gives (its default, whether each person could act, the steps, the permission the case
turns on, the outcome) and the case's own choice (who could act). A dimension the data does not code is said to be
so, with the words the data does hold (the outcome) for the student to compare with.

The dimensions and the values a student chooses from are :data:`DIMENSIONS`; their words are the UI strings
``coding.<dimension>`` and ``coding.<dimension>_<value>``. What a student codes is kept as hand-in entries
(:mod:`kit.writing`), one per case and dimension: ``coding:<case>:<dimension>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .content.case import Case

__all__ = ["DIMENSIONS", "NOT_IN_DATA", "Coded", "Dimension", "compare", "key", "kit_coding", "split_key"]

#: A value every dimension offers: the data (or the student) does not say.
NOT_IN_DATA = "not-in-data"
PREFIX = "coding:"


@dataclass(frozen=True)
class Dimension:
    """A question a student answers for each case, the values to choose from, and the data field the kit reads."""

    id: str
    values: tuple[str, ...]
    field: str | None  # the data behind the kit's coding; None: the data does not code this dimension


#: In the order the task asks them.
DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("default", ("in", "out", "ask", "none", NOT_IN_DATA), "choice.default"),
    Dimension("decided", ("company", "organisation", "person", NOT_IN_DATA), None),
    Dimension("who", ("each", "for-everyone", "nobody", NOT_IN_DATA), "choice.who_can_act"),
    Dimension("steps", ("0", "1", "2", "3", "4", "5+", "nobody", NOT_IN_DATA), "choice.steps"),
    Dimension("permission", ("consent", "licence", "legitimate-interest", NOT_IN_DATA), "permission"),
    Dimension("after", ("practice", "words", "nothing", "no-backlash", NOT_IN_DATA), None),
)
_BY_ID = {d.id: d for d in DIMENSIONS}


@dataclass(frozen=True)
class Coded:
    """One dimension of one case: what the student chose, what the kit's data says, and whether they agree.

    ``kit`` is the kit's value (one of the dimension's values), or None where the data does not code the
    dimension; ``evidence`` is what the data says in its own words (the actors who could act, the permission's
    reason, the outcome); ``agree`` is True or False when both are given, None otherwise."""

    dimension: str
    student: str | None
    kit: str | None
    field: str | None
    evidence: str = ""

    @property
    def agree(self) -> bool | None:
        if self.student is None or self.kit is None:
            return None
        return self.student == self.kit


def key(case_id: str, dimension: str) -> str:
    """The hand-in key of a case's dimension."""
    return f"{PREFIX}{case_id}:{dimension}"


def split_key(entry_key: str) -> tuple[str, str] | None:
    """(case, dimension) of a ``coding:<case>:<dimension>`` key; None for any other key."""
    if not entry_key.startswith(PREFIX):
        return None
    case_id, sep, dimension = entry_key[len(PREFIX):].rpartition(":")
    return (case_id, dimension) if sep and case_id and dimension in _BY_ID else None


def _who(row: Mapping, case: Case) -> str:
    c = case.meta.choice
    if c is None or row.get("mechanism") == "none":
        return "nobody"
    if row.get("individual_can_act") is None:
        return NOT_IN_DATA
    return "each" if row["individual_can_act"] else "for-everyone"


def _steps(row: Mapping) -> str:
    """The steps to get out, as :func:`kit.cases.opt_out_steps` counts them; "nobody" where the people whose data it
    is had no step to take (no choice at all, or someone else chose for them)."""
    steps = row.get("steps")
    if steps is None:
        return NOT_IN_DATA if row.get("individual_can_act") else "nobody"
    return "5+" if steps >= 5 else str(int(steps))


def kit_coding(row: Mapping, case: Case) -> dict[str, Coded]:
    """The kit's coding of a case, read from its row (:func:`kit.cases.case_rows`) and its choice. ``student`` is
    left empty; :func:`compare` fills it."""
    c = case.meta.choice
    actors = {a.id: a.name for a in case.meta.actors}
    who_names = ", ".join(actors.get(a, a) for a in (c.who_can_act if c else ()))
    permission = row.get("permission") or None
    coded = {
        "default": (row.get("default") or NOT_IN_DATA, ""),
        "decided": (None, ""),
        "who": (_who(row, case), who_names),
        "steps": (_steps(row), ""),
        "permission": (permission or NOT_IN_DATA, row.get("permission_reason") or ""),
        "after": (None, row.get("outcome") or ""),
    }
    return {d.id: Coded(d.id, None, coded[d.id][0], d.field, coded[d.id][1]) for d in DIMENSIONS}


def compare(row: Mapping, case: Case, student: Mapping[str, str | None]) -> list[Coded]:
    """Each dimension of a case, in order: the student's value beside the kit's (a value the dimension does not
    offer counts as not given)."""
    out = []
    for d, kit in zip(DIMENSIONS, kit_coding(row, case).values(), strict=True):
        given = student.get(d.id)
        out.append(Coded(d.id, given if given in d.values else None, kit.kit, kit.field, kit.evidence))
    return out
