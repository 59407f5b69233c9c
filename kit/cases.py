"""The cross-case table: every case as one row of a pandas DataFrame, with filters. No widgets.

pandas is imported inside the functions, so importing this module (and ``kit``) stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .content.base import data_root
from .content.case import Case
from .content.loader import case_ids, load_case

__all__ = ["COLUMNS", "case_rows", "cases_frame", "filter_cases", "filter_rows", "load_cases", "opt_out_steps",
           "records"]

COLUMNS = ("id", "company", "title", "year", "start", "end", "default", "mechanism", "individual_can_act",
           "steps", "region", "region_group", "legal_basis", "outcome", "status", "permission", "permission_reason")


def load_cases(root: Path | None = None) -> list[Case]:
    """Every case under ``data/cases`` (raises ContentError if any is malformed)."""
    root = Path(root) if root else data_root()
    return [load_case(root / "cases" / cid) for cid in case_ids(root)]


def opt_out_steps(case: Case) -> int | None:
    """Steps the people who may choose take to be left out, from the case's recorded path.

    0 when the default already leaves people out; None when nobody outside the company can choose.
    """
    c = case.meta.choice
    if c is None or c.mechanism == "none":
        return None
    if c.default == "out":
        return 0
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
        "individual_can_act": c.individual_can_act if c else None,
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
    """One dict per case (the :data:`COLUMNS`), sorted by start date, as :func:`cases_frame`, without pandas.

    Notebook 05's views need no more than this; leaving pandas out keeps its kernel about 33 MiB smaller (issue 15).
    """
    cases = load_cases() if cases is None else list(cases)
    return sorted((_row(c) for c in cases), key=lambda r: (r["start"], r["id"]))


def records(table) -> list[dict]:
    """The rows of ``table``: a list of dicts as it is, or a DataFrame's records (missing steps as None)."""
    if isinstance(table, list):
        return table
    return [{k: (None if k == "steps" and str(v) == "<NA>" else v) for k, v in rec.items()}
            for rec in table.to_dict("records")]


def filter_rows(rows: list[dict], year=None, default=None, mechanism=None, region=None,
                permission=None) -> list[dict]:
    """:func:`filter_cases` on a list of rows: those matching every filter given."""
    wanted = [(c, _as_set(v)) for c, v in (("year", year), ("default", default), ("mechanism", mechanism),
                                           ("region_group", region), ("permission", permission))]
    return [r for r in rows if all(values is None or r[c] in values for c, values in wanted)]


def cases_frame(cases: Iterable[Case] | None = None):
    """One row per case, sorted by start date. ``steps`` is a nullable integer column."""
    import pandas as pd

    cases = load_cases() if cases is None else list(cases)
    df = pd.DataFrame([_row(c) for c in cases], columns=list(COLUMNS))
    df["steps"] = df["steps"].astype("Int64")
    return df.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def _as_set(value) -> set | None:
    if value is None or value == "" or (not isinstance(value, str) and not isinstance(value, int) and not value):
        return None
    if isinstance(value, (str, int)):
        return {value}
    return set(value)


def filter_cases(df, year=None, default=None, mechanism=None, region=None, permission=None):
    """Rows matching every filter given. Each filter is a value, a collection of values, or None/empty for any."""
    out = df
    for column, wanted in (("year", year), ("default", default), ("mechanism", mechanism), ("region_group", region),
                           ("permission", permission)):
        values = _as_set(wanted)
        if values is not None:
            out = out[out[column].isin(values)]
    return out.reset_index(drop=True)
