"""For instructors: the audits handed in (notebook 07), each scored against the rubric of ``data/audit.yaml``, and
the grade sheet.

Audits are read from a class folder (the copies students shared) or a folder of answer files they downloaded, as
``kit results`` reads answer files (:func:`kit.instructor.results.read_files`: a damaged file is named and skipped, a
student's two files are counted once). The scores are the instructor's own and stay in the instructor's folder
(:func:`grades_path`, ``~/.consent-kit/grades-audit.json``, mode 0600), never in the class folder, where students may
create files: a grade per handed-in file (its name is the key: a shared copy's random name, or a download's), with a
level for each criterion, a comment, when, and the fingerprint of the audit as it was scored, so an audit changed
since is flagged. A grades file edited by hand keeps what fits the rubric and names the rest; one the kit cannot read
is set aside (``.corrupt-<time>``), never overwritten.

The grade sheet is a CSV with one row per audit: the student, the file, a column per criterion, the total, whether
every criterion is scored, the comment, the self-assessment's total, and whether the audit changed since it was
scored. No widgets here: ``kit.ui.grades`` is the class view, ``kit results`` writes the sheet too.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import progress
from ..audit import ANSWERS_ID, Audit, answers_fingerprint, from_answers
from ..audit import progress as audit_progress
from ..audit_report import ReportContext, report_document
from ..content.audit import AuditFile, Rubric
from ..content.law import Checklist
from ..content.strings import DEFAULT, languages
from ..i18n import t
from ..locale import in_language
from .results import read_files

__all__ = ["FORMAT", "Grade", "Grades", "HandedIn", "grade_sheet", "grade_sheet_text", "grades_path", "handed_in",
           "load_grades", "save_grade", "total", "write_audits", "write_grade_sheet"]

FORMAT = "consent-kit-grades"
VERSION = 1
FILE_MODE = 0o600


@dataclass(frozen=True)
class HandedIn:
    """One student's audit as handed in: the file it came from (the key of its grade), the name the student gave
    (None without one), when it was saved, the audit and its fingerprint."""

    file: str
    student: str | None
    saved_at: str
    audit: Audit
    fingerprint: str
    language: str = "en"

    def label(self) -> str:
        return self.student or t("grades.no_name", file=self.file)


def handed_in(paths: Iterable[Path]) -> tuple[list[HandedIn], list[str]]:
    """The audits among ``paths`` (answer files of the audit), and a line per file skipped or counted once."""
    docs, notes = read_files(paths)
    out = []
    for path, doc in docs:
        if doc["quiz"] != ANSWERS_ID:
            continue
        answers = doc["answers"]
        name = doc.get("student")
        out.append(HandedIn(path.name, name.strip() if isinstance(name, str) and name.strip() else None,
                            str(doc.get("saved_at") or ""), from_answers(answers), answers_fingerprint(answers),
                            doc["language"] if isinstance(doc.get("language"), str) else "en"))
    out.sort(key=lambda a: (a.student is None, (a.student or "").casefold(), a.file))  # named first
    return out, notes


# ------------------------------------------------------------------------------------------------------ grades
@dataclass(frozen=True)
class Grade:
    """An instructor's score of one audit: a level (a rubric score) per criterion scored, a comment, when, and the
    fingerprint of the audit as it was when scored."""

    levels: Mapping[str, int] = field(default_factory=dict)
    comment: str = ""
    fingerprint: str = ""
    scored_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"levels": dict(self.levels), "comment": self.comment, "fingerprint": self.fingerprint,
                "scored_at": self.scored_at}


@dataclass(frozen=True)
class Grades:
    """The grades file as read: a grade per handed-in file, and what was wrong with the file (None: nothing)."""

    path: Path
    grades: Mapping[str, Grade] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    kept_aside: Path | None = None

    def get(self, file: str) -> Grade | None:
        return self.grades.get(file)


def grades_path(folder: Path | None = None) -> Path:
    """Where the instructor's scores are kept: their own answers folder (``KIT_ANSWERS_DIR``, else
    ``~/.consent-kit``)."""
    return (folder or progress.answers_dir()) / f"grades-{ANSWERS_ID}.json"


def _grade(file: str, raw: Any, rubric: Rubric, problems: list[str]) -> Grade | None:
    if not isinstance(raw, Mapping):
        problems.append(t("grades.bad_grade", file=file))
        return None
    levels = {}
    raw_levels = raw.get("levels") if isinstance(raw.get("levels"), Mapping) else {}
    for cid, level in raw_levels.items():
        if rubric.criterion(str(cid)) is None:
            problems.append(t("grades.unknown_criterion", file=file, criterion=str(cid)[:40]))
        elif isinstance(level, bool) or not isinstance(level, int) or rubric.level(level) is None:
            problems.append(t("grades.bad_level", file=file, criterion=str(cid), level=str(level)[:20]))
        else:
            levels[str(cid)] = level
    text = raw.get("comment")
    return Grade(levels, text if isinstance(text, str) else "", str(raw.get("fingerprint") or ""),
                 str(raw.get("scored_at") or ""))


def load_grades(path: Path, rubric: Rubric) -> Grades:
    """The grades kept in ``path`` (none when there is no file). A file the kit cannot read is set aside and said;
    a grade or a level that does not fit the rubric is left out and said."""
    path = Path(path)
    if not path.exists():
        return Grades(path)
    try:
        data = path.read_bytes()
        doc = json.loads(data.decode("utf-8")) if len(data) <= progress.MAX_BYTES else None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("grades"), dict):
            raise ValueError("not a grades file of this kit")
    except (OSError, ValueError, RecursionError) as e:
        why = e.strerror if isinstance(e, OSError) else str(e)
        try:
            aside = progress.set_aside(path) if path.is_file() else None
        except OSError:
            aside = None
        return Grades(path, {}, (t("grades.unreadable", path=str(path), why=why or "",
                                   aside=str(aside) if aside else t("grades.not_moved")),), aside)
    problems: list[str] = []
    grades = {}
    for file, raw in doc["grades"].items():
        g = _grade(str(file), raw, rubric, problems)
        if g is not None:
            grades[str(file)] = g
    return Grades(path, grades, tuple(problems))


def save_grade(path: Path, file: str, grade: Grade, rubric: Rubric) -> Grades:
    """Keep ``grade`` for ``file`` with the others (atomically, readable by the instructor alone); returns the
    grades as now kept."""
    path = Path(path)
    current = load_grades(path, rubric)
    grades = {**current.grades, file: grade}
    doc = {"format": FORMAT, "version": VERSION, "rubric": [c.id for c in rubric.criteria],
           "grades": {k: g.to_json() for k, g in sorted(grades.items())}}
    path.parent.mkdir(parents=True, exist_ok=True)
    progress.atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n", prefix=f".{path.name}.",
                          mode=FILE_MODE)
    return Grades(path, grades, current.problems, current.kept_aside)


def now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def total(levels: Mapping[str, int], rubric: Rubric) -> tuple[int, int, bool]:
    """The points, the most there are, and whether every criterion has a level."""
    scored = [levels[c.id] for c in rubric.criteria if c.id in levels]
    return sum(scored), rubric.top * len(rubric.criteria), len(scored) == len(rubric.criteria)


# ------------------------------------------------------------------------------------------------ the grade sheet
def grade_sheet(audits: Iterable[HandedIn], grades: Grades, content: AuditFile, checklist: Checklist
                ) -> list[list[str]]:
    """The grade sheet's rows, the header first: one row per audit, scored or not (blank cells where not)."""
    rubric = content.rubric
    low = rubric.levels[-1].score
    header = [t("grades.col.student"), t("grades.col.file"),
              *(t("grades.col.criterion", name=c.name, low=low, top=rubric.top) for c in rubric.criteria),
              t("grades.col.total"), t("grades.col.out_of"), t("grades.col.complete"), t("grades.col.comment"),
              t("grades.col.scored_at"), t("grades.col.changed"), t("grades.col.steps_done"),
              t("grades.col.self_total"), t("grades.col.saved_at"), t("grades.col.fingerprint")]
    rows = [header]
    for a in audits:
        g = grades.get(a.file)
        levels = g.levels if g else {}
        points, most, complete = total(levels, rubric)
        own = {k: v for k, v in a.audit.self_levels.items() if rubric.level(v) is not None}
        own_points, _most, own_complete = total(own, rubric)
        steps = audit_progress(a.audit, content, checklist)[:-1]
        rows.append([
            a.student or "", a.file, *(str(levels[c.id]) if c.id in levels else "" for c in rubric.criteria),
            str(points) if g else "", str(most), t("results.answer_yes" if complete else "results.answer_no")
            if g else "", g.comment if g else "", g.scored_at if g else "",
            (t("results.answer_yes" if g.fingerprint != a.fingerprint else "results.answer_no") if g else ""),
            f"{sum(s.state == 'done' for s in steps)}/{len(steps)}",
            str(own_points) if own_complete else "", a.saved_at, a.fingerprint])
    return rows


def grade_sheet_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_grade_sheet(path: Path, rows: list[list[str]]) -> Path:
    """Write the grade sheet as CSV (UTF-8), atomically, readable by the instructor alone."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return progress.atomic_write(path, grade_sheet_text(rows), prefix=f".{path.name}.", mode=FILE_MODE)


def write_audits(paths: Iterable[Path], out: Path, content: AuditFile, checklist: Checklist,
                 grades_file: Path | None = None, lang: str | None = None) -> tuple[int, list[Path]]:
    """For ``kit results``: each audit among ``paths`` as a report (``out/audits/<file>.html`` and ``.md``, in the
    language it was written in), and the grade sheet (``out/grade-sheet.csv``, with the scores kept in
    ``grades_file``, in ``lang`` or the language of most audits). Returns how many audits, and the files written."""
    audits, _notes = handed_in(paths)
    if not audits:
        return 0, []
    known = set(languages())
    folder = Path(out) / "audits"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for a in audits:
        with in_language(a.language if a.language in known else DEFAULT):
            ctx = ReportContext(content, checklist, student=a.student, fingerprint=a.fingerprint)
            for fmt in ("html", "md"):
                path = folder / f"{Path(a.file).stem}.{fmt}"
                path.write_text(report_document(a.audit, ctx, fmt), encoding="utf-8")
                written.append(path)
    most = Counter(a.language for a in audits).most_common(1)[0][0]
    with in_language(lang or (most if most in known else DEFAULT)):
        grades = load_grades(grades_file or grades_path(), content.rubric)
        sheet = write_grade_sheet(Path(out) / "grade-sheet.csv", grade_sheet(audits, grades, content, checklist))
    return len(audits), [*written, sheet]
