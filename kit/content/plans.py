"""Lesson plans (``data/plans.yaml``): ways to teach the kit in a given time, each a list of sessions, each session a
list of rows (minutes, activity, grouping, the kit material, the check that closes it).

A row is **kit material** when it names a notebook and cells: its minutes are the estimator's for those cells
(:mod:`kit.timing`, the same minutes as the notebook headers), never written here. A row that is not kit material (a
hook, a mini-lecture, a debate, an exit ticket) declares its ``minutes``; it may name the writing prompts or quiz
reflections it discusses (``prompts``), which must be prompts a notebook shows. Every row names the check that closes
it: a notebook cell whose view tells students how they did (``"01/quiz"``: a quiz, the claim checker, the checklist,
a writing set with model answers), or one of the instructor's own checks listed under ``checks``.

``kit check`` rejects a session whose rows do not add up to its minutes, a plan whose sessions do not add up to its
length, a notebook or cell that does not exist, a check that is not a check and a prompt no notebook shows (those
checks need the estimator, in the logic layer: :func:`kit.plans.problems`, which ``kit check`` and
:func:`kit.plans.checked_plans` run after this module's own checks). The guide
(``python -m kit guide``), the slides (``make slides``) and the handouts (``make handouts``) are made from this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_by_loading, check_duplicates, data_root, load_checked, load_file
from .errors import ContentError, safe_resolve
from .facilitation import Facilitation
from .law import Basis, Verdict
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["GROUPINGS", "PLANS", "SETTINGS", "ClassActivity", "OwnCheck", "Plan",
           "PlansFile", "Row", "Session", "check_plans", "load_plans", "plans_path"]

Grouping = Literal["alone", "pairs", "groups", "whole-class"]
GROUPINGS: tuple[str, ...] = ("alone", "pairs", "groups", "whole-class")
Setting = Literal["class", "home"]
SETTINGS: tuple[str, ...] = ("class", "home")


@dataclass(frozen=True, kw_only=True)
class OwnCheck(Record):
    entry_name = "check"
    id: Id = doc("a short id, like 'exit-ticket': rows name it in 'check'")
    name: Line = doc("its name, like 'Exit ticket'", translate=True)
    how: Text = doc("how to run it and what it tells you, in a sentence or two", translate=True)


@dataclass(frozen=True, kw_only=True)
class ClassActivity(Record):
    entry_name = "activity"
    id: Id = doc("a short id, like 'checklist-on-share': rows name it in 'uses'")
    title: Line = doc("its title, as the slide and the handout show it", translate=True)
    task: Text = doc("what students do, as the slide and the handout say it", translate=True)
    mechanism: Text = doc("the mechanism students test, described in the kit's own words", translate=True)
    basis: Basis = doc("whose conditions students apply (data/checklist.yaml): consent or legitimate-interest")
    verdicts: tuple[Verdict, ...] = doc("the model verdict and reason for each condition of that basis")
    summary: Text = doc("what the model verdicts add up to, for the debrief", translate=True)
    discussion: tuple[Text, ...] = doc("questions for the debrief, shown on the slides", (), translate=True)
    facilitation: Facilitation = doc("notes for instructors: good_answer, misconceptions, push, format, minutes")


@dataclass(frozen=True, kw_only=True)
class Row(Record):
    entry_name = "row"
    activity: Text = doc("what happens, for the instructor, in a sentence", translate=True)
    grouping: Grouping = doc("how students work: " + ", ".join(GROUPINGS))
    notebook: Id | None = doc(
        "kit material: the notebook, by the number its file name begins with ('01'); its minutes then come from the "
        "estimator", None)
    cells: tuple[Line, ...] = doc(
        "kit material: the notebook's cells, by id (the same in both editions); 'c01..c07' is every cell from c01 to "
        "c07 that students see", ())
    minutes: int | None = doc("for a row that is not kit material (a hook, a mini-lecture, a debate): its minutes",
                              None, bounds=(1, 240))
    prompts: tuple[Line, ...] = doc(
        "the prompts the row discusses, as '<writing set>/<prompt>' (data/writing.yaml) or '<quiz>/<question>' (a "
        "reflection): prompts a notebook shows", ())
    uses: Id | None = doc("the id of one of the plans' activities the row runs (its slide, its handout page)", None)
    check: Line = doc("the check that closes the row: '<notebook>/<cell>' (a cell whose view tells students how they "
                      "did) or the id of one of the plans' own checks")


@dataclass(frozen=True, kw_only=True)
class Session(Record):
    entry_name = "session"
    id: Id = doc("a short id, unique in its plan (the slides and handouts are named by it)")
    title: Line = doc("the session's title, like 'The case and its words'", translate=True)
    setting: Setting = doc("class (taught: it gets slides and a handout) or home (homework, self-study)")
    minutes: int = doc("its length in minutes: its rows must add up to it", bounds=(1, 600))
    hook: Text | None = doc("the question that opens a class session (its first slide)", None, translate=True)
    rows: tuple[Row, ...] = doc("what happens, in order", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class Plan(Record):
    entry_name = "plan"
    id: Id = doc("a short id, like 'two-sessions'")
    title: Line = doc("the plan's title, like 'Two sessions of 90 minutes'", translate=True)
    audience: Text = doc("for whom and when to choose it", translate=True)
    minutes: int = doc("the plan's length in minutes: its sessions must add up to it", bounds=(1, 3000))
    sessions: tuple[Session, ...] = doc("the sessions, in order", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class PlansFile(Record):
    entry_name = "plans file"
    checks: tuple[OwnCheck, ...] = doc("checks an instructor runs outside the notebooks", ())
    activities: tuple[ClassActivity, ...] = doc("activities run outside the notebooks, with their material and model "
                                                "answers", ())
    plans: tuple[Plan, ...] = doc("the plans, in the order the guide shows them", nonempty=True)

    def plan(self, plan_id: str) -> Plan:
        for p in self.plans:
            if p.id == plan_id:
                return p
        raise KeyError(plan_id)

    def own_check(self, check_id: str) -> OwnCheck | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def activity(self, activity_id: str | None) -> ClassActivity | None:
        return next((a for a in self.activities if a.id == activity_id), None)


def plans_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "plans.yaml"


def _parse(root: Path, ctx: ParseContext) -> PlansFile | None:
    parsed = load_file(plans_path(root), PlansFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.checks, "check")
    check_duplicates(ctx, parsed.activities, "activity")
    check_duplicates(ctx, parsed.plans, "plan")
    for p in parsed.plans:
        check_duplicates(ctx, p.sessions, "session")
    return parsed


def load_plans(root: Path | None = None) -> PlansFile:
    """The lesson plans as written, each record checked (cached until the file changes). Their checks against the
    notebooks need the estimator: :func:`kit.plans.checked_plans` runs them too."""
    root = Path(root) if root else data_root()
    path = plans_path(root)
    if not path.exists():
        raise ContentError.at_file(path, "file missing: the lesson plans")
    return load_checked(f"plans:{safe_resolve(path)}", [path], lambda ctx: _parse(root, ctx))


def check_plans(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the plans (number of plans)."""
    if not plans_path(root).exists():
        return 0
    return check_by_loading(ctx, lambda: load_plans(root), lambda f: len(f.plans))


PLANS = ContentKind("plans", "lesson plans", "plans.yaml", (PlansFile,), check_plans, load_plans,
                    translated=(("plans.yaml", PlansFile),), after=("lessons", "writing", "quizzes", "law"))
