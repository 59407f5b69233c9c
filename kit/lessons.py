"""What each notebook teaches and how it is checked: its estimated time, its items per level, the objectives left
unassessed, and the targets of a complete lesson (issue 20). ``kit check`` prints :func:`report_lines`; a test
asserts :func:`missed_targets` is empty; the notebook headers show :func:`time_words`.

The targets:

* at least :data:`APPLY_SHARE` of the graded items (quiz questions, each counted once, in the quiz whose file
  holds it) at apply or above on Bloom's scale;
* at most :data:`MAX_REPEATS` items of the final quiz (the quiz the last notebook shows) repeated from the notebook
  quizzes (included, or the same question word for word);
* every notebook that shows a quiz, the last one apart, shows at least one scenario item (a mechanism the kit has not
  judged, which the student classifies or evaluates);
* no stretch over :data:`MAX_STRETCH` minutes without a check (:mod:`kit.timing`).

Pure: it reads the content and the notebook files, nothing else.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .content.base import data_root
from .content.errors import ContentError
from .content.lessons import Item, Lesson, assessment_items, load_lessons, notebook_cells, notebook_file, notebooks_dir
from .content.quiz import load_quiz
from .content.schema import LEVELS
from .timing import Declared, Estimate, calls, estimate

__all__ = ["APPLY_SHARE", "MAX_REPEATS", "MAX_STRETCH", "NotebookReport", "declared_times", "lesson_estimate",
           "level_counts", "missed_targets", "notebook_reports", "report_lines", "time_words"]

APPLY_SHARE = 0.60
MAX_REPEATS = 3
MAX_STRETCH = 15.0
ABOVE = frozenset(LEVELS[2:])  # apply, analyse, evaluate, create


def declared_times(lesson: Lesson) -> dict[str, Declared]:
    """The activity times a lesson declares, by cell id."""
    return {a.cell: Declared(a.minutes, a.first_feedback, a.check) for a in lesson.activities}


def _find_notebook(lesson_id: str, root: Path | None) -> Path | None:
    """The notebook of a lesson: beside the content (the repository's English notebooks, or a released copy's)."""
    return notebook_file(lesson_id, notebooks_dir(root))


def lesson_estimate(lesson_id: str, root: Path | None = None) -> Estimate | None:
    """The estimate of a lesson's notebook (None when the notebook is not beside the content)."""
    lesson = load_lessons(root).lesson(lesson_id)
    path = _find_notebook(lesson_id, root)
    if path is None:
        return None
    return estimate(notebook_cells(path), declared=declared_times(lesson))


def _five(minutes: float) -> int:
    """Minutes rounded to five, never to nothing."""
    return max(5, int(5 * math.floor(minutes / 5 + 0.5))) if minutes > 0 else 0


def time_words(est: Estimate) -> tuple[int, int, int]:
    """(total, teaching, exercises) as a header shows them: each part rounded to five minutes, the total their sum."""
    teaching, exercises = _five(est.teaching), _five(est.exercises)
    return teaching + exercises, teaching, exercises


# ------------------------------------------------------------------------------------------------ items
def level_counts(items: list[Item]) -> Counter:
    """How many items at each level (None: no level given)."""
    return Counter(i.level for i in items)


@dataclass
class NotebookReport:
    lesson: Lesson
    notebook: Path | None
    estimate: Estimate | None
    quizzes: list[str] = field(default_factory=list)
    writing: list[str] = field(default_factory=list)
    graded: list[Item] = field(default_factory=list)
    written: list[Item] = field(default_factory=list)
    unassessed: list[str] = field(default_factory=list)

    @property
    def scenario(self) -> int:
        return sum(1 for i in self.graded if i.scenario)


def _shown(path: Path) -> tuple[list[str], list[str]]:
    """The quizzes and writing sets a notebook shows, in order."""
    quizzes, writing = [], []
    for cell in notebook_cells(path):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source")
        for c in calls("".join(source) if isinstance(source, list) else str(source or "")):
            if c.name == "show_quiz" and c.args:
                quizzes.append(str(c.args[0]))
            elif c.name == "show_writing" and c.args:
                writing.append(str(c.args[0]))
    return quizzes, writing


def notebook_reports(root: Path | None = None) -> list[NotebookReport]:
    """One report per lesson, in order. Raises ContentError when the lessons do not load."""
    root = Path(root) if root else data_root()
    lessons = load_lessons(root)
    items = list(assessment_items(root))
    assessed = {o for i in items for o in i.objectives}
    folder = notebooks_dir(root)
    out = []
    for lesson in lessons.notebooks:
        path = notebook_file(lesson.id, folder)
        report = NotebookReport(lesson, path, None)
        if path is not None:
            report.estimate = estimate(notebook_cells(path), declared=declared_times(lesson))
            report.quizzes, report.writing = _shown(path)
        shown_quizzes = set(report.quizzes)
        for q in report.quizzes:  # the questions a quiz includes are shown with it
            try:
                shown_quizzes.update(load_quiz(q).included)
            except ContentError:
                pass
        report.graded = [i for i in items if i.kind == "question" and i.graded and i.container in shown_quizzes]
        report.written = [i for i in items if (i.kind == "prompt" and i.container in report.writing)
                          or (i.kind == "question" and not i.graded and i.container in shown_quizzes)]
        report.unassessed = [o.id for o in lesson.objectives if o.id not in assessed]
        out.append(report)
    return out


def _levels(items: list[Item]) -> str:
    counts = level_counts(items)
    parts = [f"{level} {counts[level]}" for level in LEVELS if counts[level]]
    if counts[None]:
        parts.append(f"no level {counts[None]}")
    return ", ".join(parts) or "none"


def _share_above(items: list[Item]) -> float | None:
    return sum(1 for i in items if i.level in ABOVE) / len(items) if items else None


def report_lines(root: Path | None = None) -> list[str]:
    """``kit check``'s report: per notebook its estimated time, longest stretch without a check, items per level and
    unassessed objectives; then the kit's graded items per level."""
    try:
        reports = notebook_reports(root)
    except ContentError:
        return []  # kit check names the problems
    lines = []
    for r in reports:
        head = f"notebook {r.lesson.id}"
        if r.estimate is None:
            lines.append(f"{head}: no notebook beside the content to estimate")
        else:
            e = r.estimate
            stretch = f"longest stretch without a check {e.longest:.0f} min"
            if e.longest_from:
                stretch += f" ({e.longest_from} → {e.longest_to})"
            if e.longest > MAX_STRETCH:
                stretch += f" ✘ over {MAX_STRETCH:.0f}"
            lines.append(f"{head}: about {e.total:.0f} min (reading {e.teaching:.0f}, exercises {e.exercises:.0f}), "
                         f"{e.checks} checks; {stretch}")
        share = _share_above(r.graded)
        above = f", {share:.0%} at apply or above" if share is not None else ""
        lines.append(f"{head}: graded items {len(r.graded)} ({_levels(r.graded)}{above}); written items "
                     f"{len(r.written)} ({_levels(r.written)}); unassessed objectives: "
                     f"{', '.join(r.unassessed) or 'none'}")
    graded = [i for i in assessment_items(root) if i.kind == "question" and i.graded]
    share = _share_above(graded)
    if share is not None:
        mark = "✔" if share >= APPLY_SHARE else "✘"
        lines.append(f"graded items of the kit: {len(graded)} ({_levels(graded)}); {share:.0%} at apply or above "
                     f"{mark} (target {APPLY_SHARE:.0%})")
    return lines


# ------------------------------------------------------------------------------------------------ targets
def _same_text(text: str) -> str:
    return " ".join(text.casefold().split())


def missed_targets(root: Path | None = None) -> list[str]:
    """Each target of a complete lesson the content misses, in words naming what misses it (empty: all met)."""
    root = Path(root) if root else data_root()
    reports = notebook_reports(root)
    missed = []
    graded = [i for i in assessment_items(root) if i.kind == "question" and i.graded]
    share = _share_above(graded)
    if share is None or share < APPLY_SHARE:
        low = [i.name for i in graded if i.level not in ABOVE]
        missed.append(f"{0 if share is None else share:.0%} of the {len(graded)} graded items are at apply or above "
                      f"(target {APPLY_SHARE:.0%}); below: {', '.join(low)}")
    last = reports[-1] if reports else None
    if last is not None and last.quizzes:
        final = load_quiz(last.quizzes[-1])
        earlier = {_same_text(i.record.text): i.name for r in reports[:-1] for i in r.graded}
        repeats = [f"{final.id}/{q.id}" for q in final.questions
                   if (q.loc is not None and q.loc.file != final.loc.file) or _same_text(q.text) in earlier]
        if len(repeats) > MAX_REPEATS:
            missed.append(f"the final quiz '{final.id}' repeats {len(repeats)} items of the notebook quizzes (at most "
                          f"{MAX_REPEATS}): {', '.join(repeats)}")
    for r in reports[:-1]:
        if r.graded and not r.scenario:
            missed.append(f"notebook {r.lesson.id}'s quizzes ({', '.join(r.quizzes)}) have no scenario item")
        if r.estimate is not None and r.estimate.longest > MAX_STRETCH:
            e = r.estimate
            missed.append(f"notebook {r.lesson.id} goes {e.longest:.0f} minutes without a check ({e.longest_from} → "
                          f"{e.longest_to}; at most {MAX_STRETCH:.0f})")
    if last is not None and last.estimate is not None and last.estimate.longest > MAX_STRETCH:
        e = last.estimate
        missed.append(f"notebook {last.lesson.id} goes {e.longest:.0f} minutes without a check ({e.longest_from} → "
                      f"{e.longest_to}; at most {MAX_STRETCH:.0f})")
    return missed
