"""The instructor's view of the audits handed in (``kit.show_class_results(quiz="audit")``): a table of every audit,
each one's report, a level per criterion of the rubric and a comment, kept as they are chosen, and the grade sheet.

Thin: the audits, the grades file and the sheet come from :mod:`kit.instructor.grades`, the report from
:mod:`kit.audit_report`. Scores stay in the instructor's own folder, never in the class folder.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .. import audit as A
from .. import classroom
from ..audit_report import HtmlFormat, ReportContext, report
from ..content.audit import AuditFile
from ..content.law import Checklist
from ..i18n import t
from ..instructor.grades import (
    Grade,
    Grades,
    HandedIn,
    grade_sheet,
    grade_sheet_text,
    grades_path,
    handed_in,
    load_grades,
    now,
    save_grade,
    total,
    write_grade_sheet,
)
from ..progress import data_uri
from . import html as h
from . import widgets as w

__all__ = ["AuditsView"]


class AuditsView(w.VBox):
    """Every audit in a folder, one at a time to read and score; the grade sheet on demand."""

    def __init__(self, folder: Path, content: AuditFile, checklist: Checklist, grades: Path | None = None):
        self.folder, self.content, self.checklist = Path(folder), content, checklist
        self.grades_file = Path(grades) if grades else grades_path()
        self.audits: list[HandedIn] = []
        self.grades = Grades(self.grades_file)
        self.refresh_button = w.Button(description=t("classview.refresh"), tooltip=t("grades.refresh_tooltip"),
                                       icon="refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.count = w.HTML()
        self.count.add_class("kit-grades-count")
        self.table = w.HTML()
        self.picker = w.Dropdown(description=t("grades.pick"), layout={"width": "min(100%, 40em)"})
        self.picker.tooltip = t("grades.pick_tooltip")
        self.report = w.HTML()
        self.report.add_class("kit-grades-report")
        rubric = content.rubric
        self.levels = {}
        for c in rubric.criteria:
            box = w.one_choice([(t("grades.level_option", score=lv.score, label=lv.label, text=text), lv.score)
                                for lv, text in zip(rubric.levels, c.levels, strict=True)], description=c.name)
            box.tooltip = t("grades.level_tooltip", criterion=c.name)
            box.observe(lambda _c: self._scored(), names="value")
            self.levels[c.id] = box
        self.comment = w.Textarea(description=t("grades.comment"), placeholder=t("grades.comment_placeholder"),
                                  continuous_update=False, style={"description_width": "initial"},
                                  layout={"width": "min(100%, 46em)", "height": "6em"})
        self.comment.tooltip = t("grades.comment_tooltip")
        self.comment.observe(lambda _c: self._scored(), names="value")
        self.score_status = w.HTML()
        self.score_status.add_class("kit-grades-status")
        self.export_button = w.Button(description=t("grades.export"), tooltip=t("grades.export_tooltip"),
                                      icon="download", button_style="primary")
        self.export_button.on_click(lambda _b: self.export())
        self.export_status = w.HTML()
        self.export_status.add_class("kit-grades-export")
        self.scoring = w.VBox([w.HTML(h.heading(t("grades.score_heading"), 4)), *self.levels.values(),
                               self.comment, self.score_status], layout=w.Layout())
        self._filling = False
        self.picker.observe(lambda _c: self._show(), names="value")
        super().__init__([w.HTML(h.heading(t("grades.title"), 3) + h.para(t("grades.intro"))), self.refresh_button,
                          self.count, self.table, self.picker, self.report, self.scoring, self.export_button,
                          self.export_status])
        self.add_class("kit-grades")
        self.refresh()

    # ----------------------------------------------------------------------------------------------- reading
    def refresh(self) -> None:
        self.audits, notes = handed_in(classroom.shared_files(self.folder))
        self.grades = load_grades(self.grades_file, self.content.rubric)
        problems = list(self.grades.problems)
        if classroom.class_dir() is not None and self.folder.resolve() == classroom.class_dir().resolve():
            why = classroom.folder_problem(self.folder)
            if why:
                problems.insert(0, t("classview.problem", problem=why))
        lines = [h.esc(x) for x in [*problems, *notes]]
        self.count.value = (f"<p role='status'><strong>{h.esc(t('grades.count', n=len(self.audits)))}</strong> "
                            f"{h.esc(t('classview.where', folder=str(self.folder)))}</p>"
                            + (h.card(h.bullets(lines), label=t("grades.notes")) if lines else ""))
        self._table()
        before = self.picker.value
        self._filling = True
        try:
            self.picker.options = [(f"{i}. {a.label()}", a.file) for i, a in enumerate(self.audits, 1)]
            files = [a.file for a in self.audits]
            self.picker.value = before if before in files else (files[0] if files else None)
        finally:
            self._filling = False
        self._show()

    def _table(self) -> None:
        if not self.audits:
            self.table.value = h.para(t("grades.empty"))
            return
        rubric = self.content.rubric
        cell = f"style='border:1px solid {h.BORDER};padding:0.15em 0.5em;text-align:left;vertical-align:top'"
        heads = ["grades.col.student", "grades.col.steps_done", "grades.col.self_total", "grades.col.total",
                 "grades.col.changed"]
        head = "".join(f"<th scope='col' {cell}>{h.esc(t(k))}</th>" for k in heads)
        rows = []
        for a in self.audits:
            g = self.grades.get(a.file)
            steps = A.progress(a.audit, self.content, self.checklist)[:-1]
            own = {k: v for k, v in a.audit.self_levels.items() if rubric.level(v) is not None}
            own_points, most, own_complete = total(own, rubric)
            points, most, complete = total(g.levels if g else {}, rubric)
            score = (t("grades.points", points=points, most=most) + ("" if complete else " " + t("grades.partial"))
                     if g else t("grades.not_scored"))
            changed = t("grades.changed" if g and g.fingerprint != a.fingerprint else "grades.unchanged") if g else ""
            cells = [a.label(), f"{sum(s.state == 'done' for s in steps)}/{len(steps)}",
                     t("grades.points", points=own_points, most=most) if own_complete else "–", score, changed]
            rows.append("<tr>" + "".join(f"<td {cell}>{h.esc(x)}</td>" for x in cells) + "</tr>")
        table = (f"<table class='kit-grades-table' style='border-collapse:collapse;margin:0.3em 0'><caption "
                 f"style='text-align:left'>{h.esc(t('grades.table'))}</caption><thead><tr>{head}</tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table>")
        self.table.value = h.scroll_box(table, t("grades.table"))

    def _audit(self) -> HandedIn | None:
        return next((a for a in self.audits if a.file == self.picker.value), None)

    def _show(self) -> None:
        """The picked audit's report, and its grade so far in the controls."""
        if self._filling:
            return
        a = self._audit()
        self.scoring.layout.display = None if a else "none"
        if a is None:
            self.report.value = ""
            return
        ctx = ReportContext(self.content, self.checklist, student=a.student, fingerprint=a.fingerprint)
        misfits = h.card(h.bullets(h.esc(m.message()) for m in a.audit.misfits), label=t("audit.misfits_heading")) \
            if a.audit.misfits else ""
        self.report.value = misfits + h.card(report(a.audit, ctx, HtmlFormat(), level=4),
                                             label=t("grades.report_of", student=a.label()))
        g = self.grades.get(a.file)
        self._filling = True
        try:
            for cid, box in self.levels.items():
                box.value = g.levels.get(cid) if g else None
            self.comment.value = g.comment if g else ""
        finally:
            self._filling = False
        self.score_status.value = self._grade_words(a, g)

    def _grade_words(self, a: HandedIn, g: Grade | None) -> str:
        if g is None:
            return f"<p role='status'>{h.esc(t('grades.not_scored'))}</p>"
        points, most, complete = total(g.levels, self.content.rubric)
        words = t("grades.saved", points=points, most=most, path=str(self.grades_file))
        if not complete:
            words += " " + t("grades.partial")
        if g.fingerprint != a.fingerprint:
            words += " " + t("grades.changed_since")
        return f"<p role='status'>{h.esc(words)}</p>"

    # ----------------------------------------------------------------------------------------------- scoring
    def _scored(self) -> None:
        a = self._audit()
        if self._filling or a is None:
            return
        levels = {cid: box.value for cid, box in self.levels.items() if box.value is not None}
        grade = Grade(levels, self.comment.value, a.fingerprint, now())
        try:
            self.grades = save_grade(self.grades_file, a.file, grade, self.content.rubric)
        except OSError as e:
            self.score_status.value = _status(t("grades.save_failed", path=str(self.grades_file),
                                                error=e.strerror or str(e)))
            return
        self.score_status.value = self._grade_words(a, grade)
        self._table()

    def score(self, file: str, levels: dict[str, int], comment: str = "") -> None:
        """Score an audit from Python (tests; an instructor scripting): as choosing in the view does."""
        self.picker.value = file
        self._filling = True
        try:
            for cid, box in self.levels.items():
                box.value = levels.get(cid)
            self.comment.value = comment
        finally:
            self._filling = False
        self._scored()

    def export(self) -> Path | None:
        """Write the grade sheet beside the grades file, and offer it for download."""
        rows = grade_sheet(self.audits, self.grades, self.content, self.checklist)
        path = self.grades_file.with_name(f"grade-sheet-{A.ANSWERS_ID}.csv")
        try:
            write_grade_sheet(path, rows)
        except OSError as e:
            self.export_status.value = _status(t("grades.save_failed", path=str(path), error=e.strerror or str(e)))
            return None
        stamp = _dt.datetime.now().strftime("%H:%M")
        link = (f"<a download='{h.esc(path.name)}' href='{data_uri(grade_sheet_text(rows), 'text/csv')}' "
                f"class='kit-download'>{h.esc(t('grades.download'))}</a>")
        self.export_status.value = _status(t("grades.exported", n=len(rows) - 1, path=str(path), time=stamp), link)
        return path


def _status(words: str, more_html: str = "") -> str:
    return f"<p role='status'>{h.esc(words)}" + (f"<br>{more_html}" if more_html else "") + "</p>"
