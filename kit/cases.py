"""The cross-case table: every complete case as one row, with filters. No widgets, no pandas.

A case that ``kit check`` finds incomplete (one just made by ``kit new-case``, still being filled in) is a *draft*:
it is left out of every row, table and figure, and :func:`drafts` names it, so a view can say so in one line where it
would have been, and notebook 05, ``kit prepare``, ``make lab`` and the reading edition keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .content.base import data_root
from .content.case import Case
from .content.cases import case_ids, load_case
from .content.errors import ContentError, Problem
from .optout import is_company

__all__ = ["COLUMNS", "Draft", "case_rows", "drafts", "filter_rows", "individual_can_act", "load_cases",
           "opt_out_steps"]

COLUMNS = ("id", "company", "title", "year", "start", "end", "default", "mechanism", "individual_can_act",
           "steps", "region", "region_group", "legal_basis", "outcome", "status", "permission", "permission_reason")


@dataclass(frozen=True)
class Draft:
    """A case folder ``kit check`` finds incomplete: its id, how many problems, the first of them."""

    id: str
    problems: int
    first: Problem


def _loaded(root: Path | None) -> tuple[list[Case], list[Draft]]:
    root = Path(root) if root else data_root()
    cases, left_out = [], []
    for cid in case_ids(root):
        try:
            cases.append(load_case(root / "cases" / cid))
        except ContentError as e:
            left_out.append(Draft(cid, len(e.problems), e.first))
    return cases, left_out


def load_cases(root: Path | None = None) -> list[Case]:
    """Every complete case under ``data/cases`` (a draft is left out: :func:`drafts` names it)."""
    return _loaded(root)[0]


def drafts(root: Path | None = None) -> list[Draft]:
    """The case folders ``kit check`` finds incomplete, left out of every table and figure."""
    return _loaded(root)[1]


def individual_can_act(case: Case) -> bool | None:
    """Whether each person could opt out or object for themselves: the case's own answer (``individual_can_act``)
    or, where it gives none, whether every actor but the company may make the choice; None without a choice.

    Zoom's case names the account owner or admin as the one who chooses and the meeting participant as one who
    cannot: each person could not choose for themselves. Every case that answers agrees with this rule (a test
    checks it).
    """
    c = case.meta.choice
    if c is None:
        return None
    if c.individual_can_act is not None:
        return c.individual_can_act
    people = [a for a in case.meta.actors if not is_company(case, a)]
    return all(a.id in c.who_can_act for a in people) if people else None


def opt_out_steps(case: Case) -> int | None:
    """Steps the people who may choose take to be left out, from the case's recorded path.

    0 when the default already leaves people out and each person chooses; None when nobody outside the company can
    choose, or when the default leaves people out and someone else (an admin) opts them in: they have no step to
    take and no way to say no.
    """
    c = case.meta.choice
    if c is None or c.mechanism == "none":
        return None
    if c.default == "out":
        return 0 if individual_can_act(case) else None
    return sum(1 for s in c.steps if s.actor in c.who_can_act)


def _row(case: Case) -> dict:
    m, c = case.meta, case.meta.choice
    return {
        "id": m.id,
        "company": m.company,
        "title": m.title,
        "year": m.period.start.year,
        "start": m.period.start.as_float_year(),
        "end": (m.period.end or m.period.start).as_float_year(),
        "default": c.default if c else "none",
        "mechanism": (c.mechanism or "unclear") if c else "none",
        "individual_can_act": individual_can_act(case),
        "steps": opt_out_steps(case),
        "region": m.region or "",
        "region_group": m.region_group or "",
        "legal_basis": m.legal_basis or "",
        "outcome": m.outcome or "",
        "status": c.status if c else "",
        "permission": m.permission.kind if m.permission else "",  # licence or consent (issue 24)
        "permission_reason": m.permission.reason if m.permission else "",
    }


def case_rows(cases: Iterable[Case] | None = None) -> list[dict]:
    """One dict per complete case (the :data:`COLUMNS`), sorted by start date.

    Notebook 05's views need no more than this; leaving pandas out keeps its kernel about 33 MiB smaller (issue 15).
    """
    cases = load_cases() if cases is None else list(cases)
    return sorted((_row(c) for c in cases), key=lambda r: (r["start"], r["id"]))


def filter_rows(rows: list[dict], year=None, default=None, mechanism=None, region=None,
                permission=None) -> list[dict]:
    """The rows matching every filter given. Each filter is a value, a collection of values, or None/empty for
    any."""
    wanted = [(c, _as_set(v)) for c, v in (("year", year), ("default", default), ("mechanism", mechanism),
                                           ("region_group", region), ("permission", permission))]
    return [r for r in rows if all(values is None or r[c] in values for c, values in wanted)]


def _as_set(value) -> set | None:
    if value is None or value == "" or (not isinstance(value, str) and not isinstance(value, int) and not value):
        return None
    if isinstance(value, (str, int)):
        return {value}
    return set(value)
