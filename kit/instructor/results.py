"""For instructors: many students' answer files in, one CSV and a per-question summary chart out.

``python -m kit results answers/*.json --out results/`` writes

* ``answers.csv``: one row per student and question (student, file, quiz, question, response, score, …);
* ``summary.png``: for each question, the class's mean score and how many answered;
* ``summary.txt``: the chart's alt text (a description of the same numbers, for a screen reader or a report).

A file that is damaged or not an answers file is reported in one line and skipped; the others are still counted.

Each file is one student unless the files say otherwise (:func:`read_files`): files with the same name, or the same
random identifier of a copy shared through the class folder, are one student's; a student who typed no name is
``unnamed 1``, ``unnamed 2`` … (numbered in the order of their files' paths, so the same files give the same labels),
and the CSV's ``file`` column names each file, with as much of its folder as tells it apart from the others.

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
from ..locale import in_language, quoted, series
from ..progress import AnswersError, parse
from ..quiz import Entry, grade
from ..text import shorten
from ..writing import is_extra, split_quiz_key

__all__ = ["COLUMNS", "Row", "collect", "csv_cells", "question_labels", "read_files", "summary", "summary_figure",
           "write_results"]

#: The longest question label on the chart (the alt text has the whole text).
LABEL_WIDTH = 48

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

    @property
    def answered(self) -> bool:
        """Whether the entry holds an answer: one with hints taken but nothing checked or written holds none."""
        if isinstance(self.raw, str):
            return bool(self.raw.strip())
        if isinstance(self.raw, (list, tuple, dict)):
            return bool(self.raw)
        return self.raw is not None


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


def _name(doc: dict) -> str | None:
    """The name a student typed, its spaces tidied; None when they typed none."""
    name = doc.get("student")
    return " ".join(name.split()) if isinstance(name, str) and name.strip() else None


def _student_keys(path: Path, doc: dict) -> list[tuple]:
    """What ties a file to other files of the same student: the name (ignoring case and spaces) and the random
    identifier of a copy shared through the class folder (one per student, whatever the quiz: kit/classroom.py); a
    file with neither, only to the very same save (a saved file and its download hold the same answers, saved at the
    same second): two unnamed students are two students, even with the same answers."""
    keys: list[tuple] = []
    name = _name(doc)
    if name:
        keys.append(("name", name.casefold()))
    ident = shared_ident(path)
    if ident is not None:
        keys.append(("shared", ident))
    if not keys:
        keys.append(("save", doc["quiz"], str(doc.get("saved_at") or ""),
                     json.dumps(doc["answers"], sort_keys=True)))
    return keys


def _students(docs: list[tuple[Path, dict]]) -> list[int]:
    """For each file, which student it is (files of one student get the same number): each file is a student of its
    own unless :func:`_student_keys` ties it to another."""
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple, int] = {}
    for i, (path, doc) in enumerate(docs):
        for key in _student_keys(path, doc):
            parent[root(i)] = root(first.setdefault(key, i))
    return [root(i) for i in range(len(docs))]


def _read(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict, int]], list[str]]:
    """The readable answers files, each with its student's number, one per student and answers file id; and a line
    for each file skipped or set aside."""
    docs: list[tuple[Path, dict]] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.resolve() in seen:  # the same file given twice
            continue
        seen.add(path.resolve())
        try:
            doc = parse(path.read_bytes(), None, str(path))
        except AnswersError as e:
            notes.append(f"skipped {path}: {e}")
            continue
        except OSError as e:
            notes.append(f"skipped {path}: cannot be read ({e.strerror})")
            continue
        docs.append((path, doc))
    kept: dict[tuple[int, str], tuple[Path, dict, int]] = {}
    for (path, doc), student in zip(docs, _students(docs), strict=True):
        key = (student, doc["quiz"])
        if key not in kept:
            kept[key] = (path, doc, student)
            continue
        other, odoc, _ = kept[key]
        newer, older = ((path, doc), (other, odoc)) if str(doc.get("saved_at") or "") >= \
            str(odoc.get("saved_at") or "") else ((other, odoc), (path, doc))
        kept[key] = (*newer, student)
        name = _name(newer[1]) or _name(older[1])
        who = f"the student '{name}'" if name else "the same unnamed student"
        notes.append(f"counted once: {older[0]} and {newer[0]} both hold answers of {who} to the quiz "
                     f"'{doc['quiz']}'; kept {newer[0]} (saved last), left out {older[0]}")
    return list(kept.values()), notes


def read_files(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict]], list[str]]:
    """The readable answers files, one per student and quiz, and a line for each file skipped or set aside.

    A student who handed in two files for one quiz (a saved file and a download, or two downloads) is counted
    once: the file saved last is kept, and a line names both files.
    """
    hand_ins, notes = _read(paths)
    return [(path, doc) for path, doc, _ in hand_ins], notes


def _labels(hand_ins: list[tuple[Path, dict, int]]) -> dict[int, str]:
    """Each student's label: the name they typed (in the file saved last), else ``unnamed 1``, ``unnamed 2`` …
    numbered in the order of their files' paths, in the current language."""
    named: dict[int, tuple[str, str]] = {}
    first_path: dict[int, str] = {}
    for path, doc, student in hand_ins:
        first_path[student] = min(first_path.get(student, str(path)), str(path))
        name, at = _name(doc), str(doc.get("saved_at") or "")
        if name and (student not in named or at > named[student][0]):
            named[student] = (at, name)
    unnamed = sorted((p, s) for s, p in first_path.items() if s not in named)
    labels = {s: t("results.unnamed", n=i) for i, (_, s) in enumerate(unnamed, 1)}
    return labels | {s: name for s, (_, name) in named.items()}


def _file_names(paths: list[Path]) -> dict[Path, str]:
    """Each file's name, with as many of its folders as it takes to tell it from the others (two students' unnamed
    ``answers-final.json`` from two folders read ``a/answers-final.json`` and ``b/answers-final.json``)."""
    out = {}
    for p in paths:
        n = 1
        while n < len(p.parts) and sum(1 for q in paths if q.parts[-n:] == p.parts[-n:]) > 1:
            n += 1
        out[p] = Path(*p.parts[-n:]).as_posix()
    return out


def _entries(doc: dict) -> Iterable[tuple[str, str, dict]]:
    """(quiz, question or entry key, entry) for each entry of an answers file, read by its key: the one place that
    says which quiz an entry answers. A quiz kept in another view's file (``save_with``: ``quiz:<quiz>:<question>``)
    answers its own quiz, graded from its own keys; every other entry answers the file's quiz."""
    for key, raw in doc["answers"].items():
        quiz, question = split_quiz_key(key) or (doc["quiz"], str(key))
        yield quiz, question, raw


def _rows(hand_ins: list[tuple[Path, dict, int]]) -> list[Row]:
    rows: list[Row] = []
    regrade = _key_grader()
    labels = _labels(hand_ins)
    names = _file_names([path for path, _, _ in hand_ins])
    for path, doc, student in hand_ins:
        for quiz, qid, raw in _entries(doc):
            entry = Entry.from_json(raw)
            score, correct, graded_by = entry.score, entry.correct, "file"
            keyed = regrade(quiz, qid, entry.response) if entry.response is not None else None
            if keyed is not None:
                (score, correct), graded_by = keyed, "key"
            rows.append(Row(student=labels[student], file=names[path], quiz=quiz, question=qid,
                            response=_response_text(entry.response), score=score,
                            correct=correct, graded_by=graded_by, attempts=entry.attempts, hints=entry.hints,
                            saved_at=str(doc.get("saved_at") or ""),
                            language=doc["language"] if isinstance(doc.get("language"), str) else DEFAULT,
                            raw=entry.response))
    return rows


def collect(paths: Iterable[Path]) -> tuple[list[Row], list[str]]:
    """Rows from every readable file, and one line per file that was skipped (naming it and why) or counted once
    with another file of the same student. Unnamed students are labelled in the current language."""
    hand_ins, notes = _read(paths)
    return _rows(hand_ins), notes


@dataclass(frozen=True)
class QuestionSummary:
    quiz: str
    question: str
    answered: int
    mean_score: float | None  # None for reflection (no scores)
    fully_right: int


def summary(rows: Iterable[Row]) -> list[QuestionSummary]:
    """Per question (in first-seen order): how many answered, the mean score, how many were fully right. An entry
    without an answer (a hint taken, nothing checked) is not counted."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        if is_extra(r.question):  # writing, checklist and claim verdicts: in the CSV, not in the chart
            continue
        answered = groups.setdefault((r.quiz, r.question), [])
        if r.answered:
            answered.append(r)
    out = []
    for (quiz, question), rs in groups.items():
        if not rs:  # hints taken, no answer given
            continue
        scores = [r.score for r in rs if r.score is not None]
        out.append(QuestionSummary(quiz, question, len(rs), sum(scores) / len(scores) if scores else None,
                                   sum(1 for r in rs if r.correct)))
    return out


def _question_text(quiz_id: str, question_id: str) -> str | None:
    """A question's text in the current language, from the instructor's quizzes (None when they do not have it)."""
    try:
        return load_quiz(quiz_id).question(question_id).text
    except (ContentError, KeyError):
        return None


def question_labels(stats: list[QuestionSummary], whole: bool = False) -> list[str]:
    """What the chart calls each question: its text, shortened (``whole``: in full and between quotation marks, for
    the alt text), or its id when the instructor's quizzes do not have it. Where two labels would read the same on
    the chart, each says its quiz (and its id when the quiz is the same too)."""
    texts = [_question_text(s.quiz, s.question) for s in stats]
    short = [shorten(x, LABEL_WIDTH) if x else s.question for s, x in zip(stats, texts, strict=True)]
    same = Counter(short)
    labels = []
    for s, x, label in zip(stats, texts, short, strict=True):
        shown = quoted(" ".join(x.split())) if whole and x else label
        if same[label] > 1:
            one_quiz = sum(1 for o, b in zip(stats, short, strict=True) if b == label and o.quiz == s.quiz) > 1
            shown += f" ({s.quiz}: {s.question})" if one_quiz else f" ({s.quiz})"
        labels.append(shown)
    return labels


def summary_alt(stats: list[QuestionSummary], students: int) -> str:
    parts = []
    for s, label in zip(stats, question_labels(stats, whole=True), strict=True):
        if s.mean_score is None:
            parts.append(t("quiz.results_alt_reflection", question=label, answered=s.answered))
        else:
            parts.append(t("quiz.results_alt_item", question=label, answered=s.answered,
                           percent=round(100 * s.mean_score), right=s.fully_right))
    return t("quiz.results_alt", students=students, questions=len(stats), items=series(parts))


def summary_figure(stats: list[QuestionSummary]):
    """A horizontal bar per question: mean score in %, labelled with the number and the count of answers."""
    from ..plots import PALETTE, new_figure

    fig = new_figure(8.0, max(2.5, 0.45 * len(stats) + 1.2))
    ax = fig.add_subplot()
    labels = question_labels(stats)
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
             "graded_by": t(f"results.graded_{r.graded_by}"),  # i25: « corrigé » / « fichier » in French
             "attempts": "" if r.attempts is None else r.attempts, "hints": "" if r.hints is None else r.hints,
             "saved_at": r.saved_at}
    return [cells[c] for c in COLUMNS]


def write_results(paths: Iterable[Path], out: Path, lang: str | None = None) -> tuple[int, int, list[str]]:
    """Write answers.csv, summary.png and summary.txt into ``out``; returns (students, rows, skipped lines).

    Headers, chart, alt text and the labels of unnamed students are in ``lang``, or (None) in the language most of
    the answers were given in.
    """
    hand_ins, skipped = _read(paths)
    with in_language(lang or answers_language([doc for _, doc, _ in hand_ins])):
        rows = _rows(hand_ins)
        if not rows:
            return 0, 0, skipped
        return _write(rows, skipped, Path(out))


def answers_language(docs: list[dict]) -> str:
    """The language most answers were given in (English on a tie or when a language has no UI strings)."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts[doc["language"] if isinstance(doc.get("language"), str) else DEFAULT] += len(doc["answers"])
    ranked = counts.most_common()
    best = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else DEFAULT
    return best if best in languages() else DEFAULT


def _write(rows: list[Row], skipped: list[str], out: Path) -> tuple[int, int, list[str]]:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "answers.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([t(f"results.col.{c}") for c in COLUMNS])
        for r in rows:
            writer.writerow(csv_cells(r))
    stats = summary(rows)
    if stats:
        from ..plots import figure_png

        charted = {r.student for r in rows if r.answered and not is_extra(r.question)}
        (out / "summary.png").write_bytes(figure_png(summary_figure(stats)))
        (out / "summary.txt").write_text(summary_alt(stats, len(charted)) + "\n", encoding="utf-8")
    return len({r.student for r in rows}), len(rows), skipped
