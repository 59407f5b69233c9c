"""Lessons (``data/lessons.yaml``): for each notebook, the questions it answers, its learning objectives and the key
points to remember, the activities whose time a view's default does not fit; and the end-of-unit summary.

The notebook's header shows its questions, objectives and estimated time (``kit.show_lesson("01")``), its last cell
its key points (``kit.show_key_points("01")``), and the last notebook the unit summary (``kit.show_unit_summary()``).
An objective has an id that the items assessing it name: quiz questions and writing prompts (``objectives:``), each
with its level on Bloom's scale. ``kit check`` rejects an item that names an unknown objective (at the item) and an
objective that no item assesses (at the objective), and prints per notebook the estimated time, the longest stretch
without a check, its items per level and any objective left unassessed (:mod:`kit.lessons`, :mod:`kit.timing`).

A notebook is named by the number its file name begins with (``"01"`` for ``notebooks/01_the_slack_case.ipynb``, in both
editions); ``activities`` name a cell by its id, which a French notebook shares with its English twin.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .base import ContentKind, check_by_loading, check_duplicates, check_refs, data_root, load_file, load_one_file
from .errors import ContentError, display_path
from .quiz import load_quiz, quiz_ids, quizzes_dir
from .schema import LEVELS, Id, Level, Line, ParseContext, Record, Text, doc, where
from .writing import load_writing, writing_path

__all__ = ["LESSONS", "Activity", "Item", "Lesson", "LessonsFile", "Objective", "SummarySection", "UnitSummary",
           "assessment_items", "check_lessons", "lessons_path", "load_lessons", "notebook_cells", "notebook_file",
           "notebooks_dir"]


@dataclass(frozen=True, kw_only=True)
class Objective(Record):
    entry_name = "objective"
    id: Id = doc("a short id, like 'o1-optout': the quiz questions and writing prompts that assess it name it")
    text: Text = doc("what a student will be able to do; it completes 'By the end of this notebook you will be able "
                     "to …'", translate=True)
    level: Level = doc("the highest level on Bloom's scale it aims at: " + ", ".join(LEVELS))


@dataclass(frozen=True, kw_only=True)
class Activity(Record):
    entry_name = "activity"
    cell: Id = doc("the id of the notebook cell whose view is the activity (the same in both editions)")
    minutes: float = doc("the minutes a student spends on it, reading its content included", bounds=(0, 240))
    first_feedback: float | None = doc(
        "for a check: the minutes until the student's first feedback (left out: its minutes divided by its items)",
        None, bounds=(0, 240))
    check: bool | None = doc("whether it tells students how they did (left out: what its kind of view does)", None)
    what: Line | None = doc("what students do, in a few words (for instructors: not shown)", None)


@dataclass(frozen=True, kw_only=True)
class Lesson(Record):
    entry_name = "notebook"
    id: Id = doc("the notebook's number, as its file name begins: '01' for notebooks/01_the_slack_case.ipynb")
    questions: tuple[Text, ...] = doc("the questions the notebook answers, shown in its header", nonempty=True,
                                      translate=True)
    objectives: tuple[Objective, ...] = doc("what students will be able to do by its end", nonempty=True)
    key_points: tuple[Text, ...] = doc("what to remember, shown in its last cell", (), translate=True)
    activities: tuple[Activity, ...] = doc(
        "declared times for the activities whose view's default does not fit (kit/timing.py lists the defaults)", ())


@dataclass(frozen=True, kw_only=True)
class SummarySection(Record):
    entry_name = "section"
    heading: Line = doc("the section's heading", translate=True)
    points: tuple[Text, ...] = doc("what to take away", nonempty=True, translate=True)


@dataclass(frozen=True, kw_only=True)
class UnitSummary(Record):
    entry_name = "unit summary"
    title: Line = doc("the summary's title", translate=True)
    sections: tuple[SummarySection, ...] = doc("the summary's sections, one page in all", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class LessonsFile(Record):
    entry_name = "lessons file"
    notebooks: tuple[Lesson, ...] = doc("one entry per notebook, in order", nonempty=True)
    summary: UnitSummary = doc("the end-of-unit summary, shown at the end of the last notebook")

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.notebooks:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(lesson_id)

    def objective(self, objective_id: str) -> tuple[Lesson, Objective] | None:
        for lesson in self.notebooks:
            for o in lesson.objectives:
                if o.id == objective_id:
                    return lesson, o
        return None


def lessons_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "lessons.yaml"


# ------------------------------------------------------------------------------------------- the notebooks
def notebooks_dir(root: Path | None = None) -> Path | None:
    """The English notebooks of the content folder ``root``: the repository's ``notebooks/`` beside ``data/``, or, in
    a released copy (the content inside the notebooks' folder), that folder. None when neither holds notebooks."""
    base = (Path(root) if root else data_root()).resolve().parent
    for folder in (base / "notebooks", base):
        if folder.is_dir() and any(folder.glob("[0-9][0-9]_*.ipynb")):
            return folder
    return None


def notebook_file(lesson_id: str, folder: Path | None) -> Path | None:
    """The notebook whose file name begins with ``<lesson_id>_`` in ``folder`` (None if there is none)."""
    if folder is None:
        return None
    found = sorted(folder.glob(f"{lesson_id}_*.ipynb"))
    return found[0] if found else None


def notebook_cells(path: Path) -> list[dict]:
    """A notebook's cells as its JSON holds them; a file that cannot be read as a notebook raises ContentError."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ContentError.at_file(path, f"cannot be read as a notebook ({type(e).__name__})") from None
    if not isinstance(cells, list):
        raise ContentError.at_file(path, "cannot be read as a notebook (no list of cells)")
    return [c for c in cells if isinstance(c, dict)]


# ------------------------------------------------------------------------------------------- what assesses what
@dataclass(frozen=True)
class Item:
    """Something a student does that assesses objectives: a quiz question or a writing prompt."""

    kind: str  # "question" or "prompt"
    container: str  # the quiz's id or the writing set's id
    id: str
    record: Record
    objectives: tuple[str, ...]
    level: str | None
    graded: bool
    scenario: bool = False

    @property
    def name(self) -> str:
        return f"{self.container}/{self.id}"


def assessment_items(root: Path | None = None, skipped: list[str] | None = None) -> Iterator[Item]:
    """Every quiz question (once, in the quiz whose file holds it: the questions a quiz includes are not counted
    again) and every writing prompt. Files that do not load are left out (their own kind reports them) and named in
    ``skipped``."""
    root = Path(root) if root else data_root()
    skipped = [] if skipped is None else skipped
    for qid in quiz_ids(root):
        path = quizzes_dir(root) / f"{qid}.yaml"
        try:
            quiz = load_quiz(path)
        except ContentError:
            skipped.append(display_path(path))
            continue
        own = display_path(path)
        for q in quiz.questions:
            loc = where(q)
            if loc is not None and loc.file != own:
                continue  # included from another quiz
            yield Item("question", quiz.id, q.id, q, tuple(q.objectives), q.level, q.graded, q.scenario)
    if writing_path(root).exists():
        try:
            sets = load_writing(root).sets
        except ContentError:
            skipped.append(display_path(writing_path(root)))
            sets = ()
        for s in sets:
            for p in s.prompts:
                yield Item("prompt", s.id, p.id, p, tuple(p.objectives), p.level, False)


# ------------------------------------------------------------------------------------------- checking
def _parse(root: Path, ctx: ParseContext) -> LessonsFile | None:
    path = lessons_path(root)
    parsed = load_file(path, LessonsFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.notebooks, "notebook")
    objectives = [o for lesson in parsed.notebooks for o in lesson.objectives]
    check_duplicates(ctx, objectives, "objective")
    folder = notebooks_dir(root)
    for lesson in parsed.notebooks:
        nb = notebook_file(lesson.id, folder)
        if folder is not None and nb is None:
            ctx.at(lesson, "id", f"no notebook {lesson.id}_*.ipynb in {display_path(folder)}: the id is the number "
                                 "a notebook's file name begins with")
            continue
        if nb is None:
            continue
        try:
            cells = {c.get("id") for c in notebook_cells(nb)}
        except ContentError as e:
            ctx.problems.extend(e.problems)
            continue
        for a in lesson.activities:
            check_refs(ctx, a, "cell", a.cell, [c for c in cells if isinstance(c, str)], "cell", display_path(nb))
    if folder is not None:
        declared = {lesson.id for lesson in parsed.notebooks}
        for nb in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
            number = nb.name[:2]
            if number not in declared:
                ctx.add(display_path(path), None, None, "notebooks",
                        f"the notebook {nb.name} has no entry: add one with id '{number}' (its questions, objectives "
                        "and key points)")
    return parsed


def _check_coverage(root: Path, lessons: LessonsFile, ctx: ParseContext) -> None:
    """An item may name only objectives of this file; every objective must be assessed by an item (judged only when
    every quiz and the writing prompts load: what assesses an objective is not known otherwise)."""
    known = {o.id for lesson in lessons.notebooks for o in lesson.objectives}
    assessed: set[str] = set()
    skipped: list[str] = []
    for item in assessment_items(root, skipped):
        check_refs(ctx, item.record, "objectives", item.objectives, known, "objective",
                   display_path(lessons_path(root)), required=False)
        assessed.update(item.objectives)
    if skipped:
        return
    for lesson in lessons.notebooks:
        for o in lesson.objectives:
            if o.id not in assessed:
                ctx.at(o, "id", f"the objective '{o.id}' is assessed by no item: name it in 'objectives' of a quiz "
                                "question (data/quizzes) or a writing prompt (data/writing.yaml) that assesses it")


def load_lessons(root: Path | None = None) -> LessonsFile:
    """The lessons, checked (cached until the file or the notebooks change). What assesses each objective is
    ``kit check``'s to report (:func:`check_lessons`): a view never fails because a quiz names no objective."""
    root = Path(root) if root else data_root()
    folder = notebooks_dir(root)
    return load_one_file(lessons_path(root), "the lessons (questions, objectives, key points of each notebook)",
                         lambda ctx: _parse(root, ctx), also=[folder] if folder else [])


def check_lessons(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the lessons, and what assesses each objective (number of objectives)."""
    if not lessons_path(root).exists():
        return 0

    def count(lessons: LessonsFile) -> int:
        _check_coverage(root, lessons, ctx)
        return sum(len(n.objectives) for n in lessons.notebooks)

    return check_by_loading(ctx, lambda: load_lessons(root), count)


LESSONS = ContentKind("lessons", "learning objectives", "lessons.yaml", (LessonsFile,), check_lessons, load_lessons,
                      translated=(("lessons.yaml", LessonsFile),), after=("quizzes", "writing"))
