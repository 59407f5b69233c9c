"""For instructors: many students' answer files in, one CSV and a per-question summary chart out.

``python -m kit results answers/*.json --out results/`` writes

* ``answers.csv``: one row per student and question (student, file, quiz, question, response, score, …);
* ``summary.png``: for each question, the class's mean score and how many answered;
* ``summary.txt``: the chart's alt text (a description of the same numbers, for a screen reader or a report).

A file that is damaged or not an answers file is reported in one line and skipped; the others are still counted.

Scores are worked out again from the answer keys in the instructor's ``data/quizzes`` (column ``graded_by`` says
``key``): a student's file may have been released without keys (no scores in it) or edited by hand. Only when the
quiz or question is not in the instructor's data is the file's own score kept (``graded_by`` = ``file``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..classroom import shared_ident
from ..content.errors import ContentError
from ..content.quiz import load_quiz
from ..content.strings import DEFAULT, languages
from ..i18n import t
from ..locale import in_language
from ..progress import AnswersError, parse
from ..quiz import Entry, grade
from ..writing import is_extra, split_quiz_key

__all__ = ["COLUMNS", "Row", "collect", "csv_cells", "read_files", "summary", "summary_figure", "write_results"]

COLUMNS = ("student", "file", "quiz", "question", "response", "score", "correct", "graded_by", "attempts", "hints",
           "saved_at")


@dataclass(frozen=True)
class Row:
    student: str
    file: str
    quiz: str
    question: str
    response: str
    score: float | None
    correct: bool | None
    graded_by: str
    attempts: int | None
    hints: int | None
    saved_at: str
    language: str = DEFAULT  # i13: the language the answers were given in (older files: English)
    raw: Any = field(default=None, compare=False)  # the response as the file holds it (``response`` is its text)


def _response_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " > ".join(map(str, value)) if value else ""
    return json.dumps(value, ensure_ascii=False)


def _key_grader():
    """grade(quiz_id, question_id, response) -> (score, correct) from the instructor's keys, or None if unknown."""
    quizzes: dict[str, object] = {}

    def grader(quiz_id: str, question_id: str, response):
        if quiz_id not in quizzes:
            try:
                quizzes[quiz_id] = load_quiz(quiz_id)
            except ContentError:
                quizzes[quiz_id] = None
        quiz = quizzes[quiz_id]
        try:
            question = quiz.question(question_id) if quiz is not None else None
        except KeyError:
            question = None
        if question is None or not question.keyed:
            return None
        g = grade(question, response)
        return g.score, g.correct

    return grader


def _same_student_key(doc: dict, path: Path | None = None) -> tuple:
    """Files with the same key hold the same student's answers to one quiz: the same name (ignoring case and
    spaces), or, with no name, the very same answers (a saved file and its download). An unnamed copy shared
    through the class folder is keyed by the student's random identifier in its file name: two students who gave
    no name and the same answers are two students, not one."""
    name = doc.get("student")
    if isinstance(name, str) and name.strip():
        return doc["quiz"], "name", " ".join(name.split()).casefold()
    ident = shared_ident(path) if path is not None else None
    if ident is not None:
        return doc["quiz"], "shared", ident
    return doc["quiz"], "answers", json.dumps(doc["answers"], sort_keys=True)


def read_files(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict]], list[str]]:
    """The readable answers files, one per student and quiz, and a line for each file skipped or set aside.

    A student who handed in two files for one quiz (a saved file and a download, or two downloads) is counted
    once: the file saved last is kept, and a line names both files.
    """
    docs: list[tuple[Path, dict]] = []
    notes: list[str] = []
    for path in paths:
        path = Path(path)
        try:
            doc = parse(path.read_bytes(), None, str(path))
        except AnswersError as e:
            notes.append(f"skipped {path}: {e}")
            continue
        except OSError as e:
            notes.append(f"skipped {path}: cannot be read ({e.strerror})")
            continue
        docs.append((path, doc))
    kept: dict[tuple, tuple[Path, dict]] = {}
    for path, doc in docs:
        key = _same_student_key(doc, path)
        if key not in kept:
            kept[key] = (path, doc)
            continue
        other, odoc = kept[key]
        newer, older = ((path, doc), (other, odoc)) if str(doc.get("saved_at") or "") >= \
            str(odoc.get("saved_at") or "") else ((other, odoc), (path, doc))
        kept[key] = newer
        who = f"the student '{doc['student'].strip()}'" if key[1] == "name" else "the same unnamed student"
        notes.append(f"counted once: {older[0]} and {newer[0]} both hold answers of {who} to the quiz "
                     f"'{doc['quiz']}'; kept {newer[0]} (saved last), left out {older[0]}")
    return list(kept.values()), notes


def collect(paths: Iterable[Path]) -> tuple[list[Row], list[str]]:
    """Rows from every readable file, and one line per file that was skipped (naming it and why) or counted once
    with another file of the same student."""
    rows: list[Row] = []
    regrade = _key_grader()
    docs, skipped = read_files(paths)
    for path, doc in docs:
        student = doc.get("student") if isinstance(doc.get("student"), str) and doc["student"].strip() else path.stem
        for qid, raw in doc["answers"].items():
            entry = Entry.from_json(raw)
            # A quiz kept in another view's file (save_with) is a row of its own quiz, graded from its own keys.
            quiz, qid = split_quiz_key(qid) or (doc["quiz"], str(qid))
            score, correct, graded_by = entry.score, entry.correct, "file"
            keyed = regrade(quiz, qid, entry.response) if entry.response is not None else None
            if keyed is not None:
                (score, correct), graded_by = keyed, "key"
            rows.append(Row(student=student, file=path.name, quiz=quiz, question=qid,
                            response=_response_text(entry.response), score=score,
                            correct=correct, graded_by=graded_by, attempts=entry.attempts, hints=entry.hints,
                            saved_at=str(doc.get("saved_at") or ""),
                            language=doc["language"] if isinstance(doc.get("language"), str) else DEFAULT,
                            raw=entry.response))
    return rows, skipped


@dataclass(frozen=True)
class QuestionSummary:
    quiz: str
    question: str
    answered: int
    mean_score: float | None  # None for reflection (no scores)
    fully_right: int


def summary(rows: Iterable[Row]) -> list[QuestionSummary]:
    """Per question (in first-seen order): how many answered, the mean score, how many were fully right."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        if is_extra(r.question):  # writing, checklist and claim verdicts: in the CSV, not in the chart
            continue
        groups.setdefault((r.quiz, r.question), []).append(r)
    out = []
    for (quiz, question), rs in groups.items():
        scores = [r.score for r in rs if r.score is not None]
        out.append(QuestionSummary(quiz, question, len(rs), sum(scores) / len(scores) if scores else None,
                                   sum(1 for r in rs if r.correct)))
    return out


def summary_alt(stats: list[QuestionSummary], students: int) -> str:
    parts = []
    for s in stats:
        if s.mean_score is None:
            parts.append(t("quiz.results_alt_reflection", question=s.question, answered=s.answered))
        else:
            parts.append(t("quiz.results_alt_item", question=s.question, answered=s.answered,
                           percent=round(100 * s.mean_score), right=s.fully_right))
    return t("quiz.results_alt", students=students, questions=len(stats), items="; ".join(parts))


def summary_figure(stats: list[QuestionSummary]):
    """A horizontal bar per question: mean score in %, labelled with the number and the count of answers."""
    from ..plots import PALETTE, new_figure

    fig = new_figure(8.0, max(2.5, 0.45 * len(stats) + 1.2))
    ax = fig.add_subplot()
    multi = len({s.quiz for s in stats}) > 1
    labels = [f"{s.quiz}: {s.question}" if multi else s.question for s in stats]
    values = [100 * s.mean_score if s.mean_score is not None else 0 for s in stats]
    ys = list(range(len(stats)))[::-1]
    bars = ax.barh(ys, values, color=PALETTE[0], edgecolor="black", hatch="//")
    for y, s, v, bar in zip(ys, stats, values, bars, strict=True):
        if s.mean_score is None:
            bar.set_hatch("")
            bar.set_facecolor("white")
            text = t("quiz.results_bar_reflection", answered=s.answered)
        else:
            text = t("quiz.results_bar", percent=round(v), answered=s.answered)
        ax.text(min(v, 100) + 1, y, text, va="center", fontsize=9)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(t("quiz.results_xlabel"))
    ax.set_title(t("quiz.results_title"))
    return fig


def csv_cells(r: Row) -> list:
    """One CSV row, a cell for each of ``COLUMNS`` in that order (a mapping by name, so no column can shift)."""
    cells = {"student": r.student, "file": r.file, "quiz": r.quiz, "question": r.question, "response": r.response,
             "score": "" if r.score is None else f"{r.score:.3f}",
             "correct": "" if r.correct is None else t("results.answer_yes" if r.correct else "results.answer_no"),
             "graded_by": t(f"results.graded_{r.graded_by}"),  # i25: « clé » / « fichier » in French
             "attempts": "" if r.attempts is None else r.attempts, "hints": "" if r.hints is None else r.hints,
             "saved_at": r.saved_at}
    return [cells[c] for c in COLUMNS]


def write_results(paths: Iterable[Path], out: Path, lang: str | None = None) -> tuple[int, int, list[str]]:
    """Write answers.csv, summary.png and summary.txt into ``out``; returns (students, rows, skipped lines).

    Headers, chart and alt text are in ``lang``, or (None) in the language most of the answers were given in.
    """
    rows, skipped = collect(paths)
    if not rows:
        return 0, 0, skipped
    with in_language(lang or answers_language(rows)):
        return _write(rows, skipped, Path(out))


def answers_language(rows: list[Row]) -> str:
    """The language most answers were given in (English on a tie or when a language has no UI strings)."""
    counts = Counter(r.language for r in rows).most_common()
    best = counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else DEFAULT
    return best if best in languages() else DEFAULT


def _write(rows: list[Row], skipped: list[str], out: Path) -> tuple[int, int, list[str]]:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "answers.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([t(f"results.col.{c}") for c in COLUMNS])
        for r in rows:
            writer.writerow(csv_cells(r))
    stats = summary(rows)
    students = len({(r.file, r.student) for r in rows})
    if stats:
        from ..plots import figure_png

        (out / "summary.png").write_bytes(figure_png(summary_figure(stats)))
        (out / "summary.txt").write_text(summary_alt(stats, students) + "\n", encoding="utf-8")
    return students, len(rows), skipped
