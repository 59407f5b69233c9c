"""Lesson plans, worked out: each row's minutes (the estimator's for kit material, declared otherwise), its start and
end in the session, the cells it covers, its check and the prompts it discusses; and every way a plan can be wrong
(:func:`problems`; ``kit check`` lists them through :mod:`kit.checks`, and :func:`checked_plans`, which the guide,
the slides and the handouts read, refuses plans that have any).

The minutes are the estimator's on the English edition, in every language (:func:`load_unit`).

Pure: it reads the content and the notebook files (through :mod:`kit.lessons`), nothing else.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .content.base import data_root
from .content.errors import ContentError, Problem
from .content.language import speaking
from .content.law import load_checklist
from .content.plans import OwnCheck, Plan, PlansFile, Row, Session, load_plans
from .content.quiz import load_quiz
from .content.schema import ParseContext
from .content.strings import DEFAULT
from .content.writing import load_writing, prompt_texts
from .lessons import notebook_reports
from .timing import CellTime, Estimate, calls

__all__ = ["KitCheck", "PlannedRow", "PlannedSession", "Prompt", "Unit", "checked_plans", "load_unit", "plan_problems",
           "problems", "whole_minutes"]

RANGE = ".."


def whole_minutes(minutes: float) -> int:
    """Estimated minutes as a plan shows them: rounded to the nearest minute, never below one."""
    return max(1, math.floor(minutes + 0.5))


@dataclass(frozen=True)
class KitCheck:
    """A check in a notebook: the cell, and what its view is."""

    notebook: str
    cell: str
    what: str


@dataclass(frozen=True)
class Prompt:
    """A prompt students see: its reference ('<set>/<prompt>'), its words, where a notebook shows it, its record."""

    ref: str
    text: str
    notebook: str | None
    record: object


@dataclass
class Unit:
    """What the plans are checked against: each notebook's estimate, the writing sets and quizzes it shows, and
    every prompt a student can be asked to write about."""

    estimates: dict[str, Estimate] = field(default_factory=dict)
    writing: dict[str, str] = field(default_factory=dict)  # writing set id -> the notebook that shows it
    quizzes: dict[str, str] = field(default_factory=dict)  # quiz id -> the notebook that shows it
    prompts: dict[str, Prompt] = field(default_factory=dict)

    def cell(self, notebook: str, cell: str) -> CellTime | None:
        est = self.estimates.get(notebook)
        return next((c for c in est.cells if c.cell == cell), None) if est else None


def load_unit(root: Path | None = None) -> Unit:
    """The notebooks' estimates and what they show, in the current language (raises ContentError when the lessons
    do not load). The estimates are the English edition's, in every language: a plan is one plan, and its minutes
    must add up once (a French text has more words, so a French notebook's header may say a minute or two more)."""
    root = Path(root) if root else data_root()
    unit = Unit()
    with speaking(DEFAULT):
        reports = notebook_reports(root)
    for r in reports:
        if r.estimate is not None:
            unit.estimates[r.lesson.id] = r.estimate
        for s in r.writing:
            unit.writing.setdefault(s, r.lesson.id)
        for q in r.quizzes:
            unit.quizzes.setdefault(q, r.lesson.id)
    try:
        sets = load_writing(root).sets
    except ContentError:
        sets = ()
    for s in sets:
        for p, text in zip(s.prompts, prompt_texts(s, root), strict=True):
            ref = f"{s.id}/{p.id}"
            unit.prompts[ref] = Prompt(ref, text, unit.writing.get(s.id), p)
    for qid, notebook in unit.quizzes.items():
        try:
            quiz = load_quiz(qid)
        except ContentError:
            continue
        for q in quiz.questions:
            if getattr(q, "type", None) == "reflection":
                ref = f"{qid}/{q.id}"
                unit.prompts.setdefault(ref, Prompt(ref, q.text, notebook, q))
    return unit


# ------------------------------------------------------------------------------------------------ resolving rows
def expand_cells(row: Row, est: Estimate) -> tuple[list[CellTime], list[str]]:
    """The cells a row covers, in the notebook's order (cells students do not see are not counted), and the names
    it gives that are not cells students see."""
    order = [c.cell for c in est.cells]
    chosen: list[str] = []
    unknown: list[str] = []
    for name in row.cells:
        first, _, last = name.partition(RANGE)
        ends = [first.strip(), last.strip()] if last else [first.strip()]
        missing = [e for e in ends if e not in order]
        if missing:
            unknown.extend(missing)
            continue
        i, j = order.index(ends[0]), order.index(ends[-1])
        if j < i:
            unknown.append(name)
            continue
        chosen.extend(order[i:j + 1])
    by_id = {c.cell: c for c in est.cells}
    return [by_id[c] for c in dict.fromkeys(chosen)], unknown


@dataclass(frozen=True)
class PlannedRow:
    row: Row
    start: int
    minutes: int
    cells: tuple[CellTime, ...]
    check: KitCheck | OwnCheck | None
    prompts: tuple[Prompt, ...]

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class PlannedSession:
    plan: Plan
    session: Session
    rows: tuple[PlannedRow, ...]

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rows)

    @property
    def notebooks(self) -> tuple[str, ...]:
        """The notebooks the session uses, in the order it first uses them."""
        return tuple(dict.fromkeys(r.row.notebook for r in self.rows if r.row.notebook))

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """Every prompt the session asks: the prompts of the writing cells it covers, then those it discusses."""
        seen: dict[str, Prompt] = {}
        for r in self.rows:
            for p in r.prompts:
                seen.setdefault(p.ref, p)
        return tuple(seen.values())

    @property
    def checks(self) -> tuple[KitCheck | OwnCheck, ...]:
        out: dict[str, KitCheck | OwnCheck] = {}
        for r in self.rows:
            if r.check is not None:
                key = f"{r.check.notebook}/{r.check.cell}" if isinstance(r.check, KitCheck) else r.check.id
                out.setdefault(key, r.check)
        return tuple(out.values())


def _kit_check(ref: str, unit: Unit) -> KitCheck | None:
    notebook, sep, cell = ref.partition("/")
    if not sep:
        return None
    c = unit.cell(notebook, cell)
    return KitCheck(notebook, cell, c.what) if c is not None and c.check else None


def _cell_prompts(cells: tuple[CellTime, ...], notebook: str, unit: Unit) -> list[Prompt]:
    """The prompts a row's writing cells show (a writing set's prompts, a quiz's reflections)."""
    found = []
    wanted = {c.cell for c in cells}
    for ref, p in unit.prompts.items():
        container = ref.split("/", 1)[0]
        if p.notebook != notebook:
            continue
        for c in cells:
            if c.cell in wanted and any(call.args and call.args[0] == container for call in calls(c.what)):
                found.append(p)
                break
    return found


def plan_session(plan: Plan, session: Session, unit: Unit, plans: PlansFile) -> PlannedSession:
    rows, start = [], 0
    for row in session.rows:
        est = unit.estimates.get(row.notebook) if row.notebook else None
        cells = tuple(expand_cells(row, est)[0]) if est is not None else ()
        estimated = whole_minutes(sum(c.minutes for c in cells)) if cells else 0
        minutes = estimated if row.notebook else row.minutes or 0
        check = _kit_check(row.check, unit) or plans.own_check(row.check)
        prompts = _cell_prompts(cells, row.notebook, unit) if row.notebook else []
        prompts += [unit.prompts[p] for p in row.prompts if p in unit.prompts]
        rows.append(PlannedRow(row, start, minutes, cells, check, tuple(dict.fromkeys(prompts))))
        start += minutes
    return PlannedSession(plan, session, tuple(rows))


def planned(plans: PlansFile, unit: Unit) -> list[list[PlannedSession]]:
    """Every plan's sessions, worked out."""
    return [[plan_session(p, s, unit, plans) for s in p.sessions] for p in plans.plans]


# ------------------------------------------------------------------------------------------------ what is wrong
def problems(plans: PlansFile, root: Path | None = None) -> Iterator[tuple[object, str | None, str]]:
    """Every problem of the plans, as (record, field, message): material that does not exist, checks that are not
    checks, prompts no notebook shows, rows that do not add up."""
    try:
        unit = load_unit(root)
    except ContentError:
        return  # the lessons' own check names the problem
    if not unit.estimates:
        return  # no notebooks beside the content (a content folder of its own): nothing to check the plans against
    own = {c.id for c in plans.checks}
    yield from _activity_problems(plans, root)
    for plan in plans.plans:
        total = 0
        for session in plan.sessions:
            for row in session.rows:
                yield from _row_problems(row, unit, own, {a.id for a in plans.activities})
            worked = plan_session(plan, session, unit, plans)
            total += worked.minutes
            if worked.minutes != session.minutes:
                parts = " + ".join(str(r.minutes) for r in worked.rows)
                yield (session, "minutes",
                       f"the rows add up to {worked.minutes} minutes ({parts}), not {session.minutes}: change a row "
                       f"that declares its minutes, or the session's length")
        if total != plan.minutes:
            yield (plan, "minutes", f"the sessions add up to {total} minutes, not {plan.minutes}")


def _located(plans: PlansFile, root: Path | None) -> list[Problem]:
    """:func:`problems`, each naming its file, line and field."""
    ctx = ParseContext()
    for record, field_name, message in problems(plans, root):
        ctx.at(record, field_name, message)
    return ctx.problems


def plan_problems(root: Path | None = None) -> list[Problem]:
    """The plans' problems against the notebooks, each naming its file, line and field (none when the plans file is
    missing or fails its own checks: :mod:`kit.content.plans` names why)."""
    try:
        plans = load_plans(root)
    except ContentError:
        return []
    return _located(plans, root)


def checked_plans(root: Path | None = None) -> PlansFile:
    """The lesson plans, checked against the notebooks too: what the guide, the slides and the handouts are made of
    (each checks them once, where it starts: :func:`kit.instructor.slides.class_sessions`, the guide's plans)."""
    plans = load_plans(root)
    found = _located(plans, root)
    if found:
        raise ContentError(found)
    return plans


def _activity_problems(plans: PlansFile, root: Path | None) -> Iterator[tuple[object, str | None, str]]:
    """An activity's verdicts: one for each condition of its basis in data/checklist.yaml, no other."""
    try:
        checklist = load_checklist(root)
    except ContentError:
        return  # the checklist's own check names the problem
    for a in plans.activities:
        wanted = [c.id for c in checklist.conditions_for(a.basis)]
        given = [v.condition for v in a.verdicts]
        missing = [c for c in wanted if c not in given]
        extra = [c for c in given if c not in wanted]
        if missing:
            yield (a, "verdicts", f"no verdict for {', '.join(missing)}: give one for each condition of {a.basis} "
                                  "(data/checklist.yaml)")
        if extra:
            yield (a, "verdicts", f"{', '.join(extra)}: not a condition of {a.basis} in data/checklist.yaml")


def _row_problems(row: Row, unit: Unit, own: set[str],
                  activities: set[str]) -> Iterator[tuple[object, str | None, str]]:
    if row.notebook is not None:
        est = unit.estimates.get(row.notebook)
        if est is None:
            yield (row, "notebook", f"no notebook {row.notebook}_*.ipynb to take the row's material from (there are: "
                                    f"{', '.join(sorted(unit.estimates))})")
        elif not row.cells:
            yield (row, "cells", f"name the cells of notebook {row.notebook} the row uses ('c01..c07' for a run)")
        else:
            unknown = expand_cells(row, est)[1]
            if unknown:
                seen = ", ".join(c.cell for c in est.cells)
                yield (row, "cells", f"no cell {', '.join(repr(u) for u in unknown)} that students see in notebook "
                                     f"{row.notebook} (its cells: {seen})")
        if row.minutes is not None:
            yield (row, "minutes", "a row with kit material takes its minutes from the estimator: leave 'minutes' "
                                   "out")
    else:
        if row.cells:
            yield (row, "cells", "cells without a notebook: name the notebook too")
        if row.minutes is None:
            yield (row, "minutes", "missing: a row that is not kit material declares its minutes")
    if row.uses is not None and row.uses not in activities:
        yield (row, "uses", f"unknown activity '{row.uses}' (the plans' activities: "
                            f"{', '.join(sorted(activities)) or 'none'})")
    for p in row.prompts:
        prompt = unit.prompts.get(p)
        if prompt is None:
            yield (row, "prompts", f"unknown prompt '{p}': write '<writing set>/<prompt>' (data/writing.yaml) or "
                                   "'<quiz>/<question>' for a reflection")
        elif prompt.notebook is None:
            yield (row, "prompts", f"the prompt '{p}' is in no notebook: students never see it")
    notebook, sep, cell = row.check.partition("/")
    if sep:
        c = unit.cell(notebook, cell)
        if notebook not in unit.estimates:
            yield (row, "check", f"no notebook {notebook} for the check '{row.check}'")
        elif c is None:
            yield (row, "check", f"no cell '{cell}' that students see in notebook {notebook}")
        elif not c.check:
            yield (row, "check", f"'{row.check}' ({c.what}) is not a check: it tells students nothing about how they "
                                 "did. Name a quiz, the claim checker, the checklist or a writing set with model "
                                 "answers, or one of the plans' own checks")
    elif row.check not in own:
        yield (row, "check", f"unknown check '{row.check}': name a notebook cell ('01/quiz') or one of the plans' "
                             f"own checks ({', '.join(sorted(own)) or 'none listed'})")
