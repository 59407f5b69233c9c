"""For instructors: what the class shared, per question. The data behind ``kit.show_class_results()``.

It reads a class folder (``$KIT_CLASS_DIR``, where students' shared copies are) or a folder of answer files students
downloaded, with the same reading and grading as ``python -m kit results`` (:func:`kit.instructor.results.collect`:
scores worked out again from the instructor's keys). Per question: the distribution of answers, the most common
wrong answers beside the question's explanation, and the reflections, each with the student's name if they gave one,
else the label ``kit results`` gives them (``unnamed 1`` …): the students are counted and told apart by the same rule.
A question a student only took a hint on is not one they answered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import classroom
from ..content.errors import ContentError
from ..content.quiz import load_quiz
from ..questions import question_type
from .results import Row, collect

__all__ = ["Answer", "ClassSummary", "QuestionResult", "class_summary"]


@dataclass(frozen=True)
class Answer:
    label: str
    count: int
    correct: bool | None  # None: not graded (no key, a reflection)


@dataclass(frozen=True)
class QuestionResult:
    id: str
    text: str
    type: str
    answered: int
    answers: tuple[Answer, ...]  # most common first
    explanation: str | None
    reflections: tuple[tuple[str, str], ...] = ()  # (the student's name, or 'unnamed 1' …; the text)
    written: bool = False  # answers in a student's own words (a reflection): listed, not counted

    @property
    def wrong(self) -> tuple[Answer, ...]:
        """The wrong answers, most common first (at most three)."""
        return tuple(a for a in self.answers if a.correct is False)[:3]


@dataclass(frozen=True)
class ClassSummary:
    folder: Path
    quiz: str
    students: int
    questions: tuple[QuestionResult, ...]
    skipped: tuple[str, ...] = field(default=())
    problem: str | None = None  # the class folder's permissions, when they would let students see each other


def _label(question, row: Row) -> str:
    """A student's answer in words, as the question's type says it (the file's text for an unknown question)."""
    if question is None or row.raw is None:
        return row.response
    return question_type(question).response_words(question, row.raw)


def class_summary(folder: Path, quiz_id: str = "final") -> ClassSummary:
    """Everything the class view shows, from the files in ``folder`` (only those of quiz ``quiz_id``)."""

    folder = Path(folder)
    rows, skipped = collect(classroom.shared_files(folder))
    rows = [r for r in rows if r.quiz == quiz_id]
    students = len({r.student for r in rows})
    rows = [r for r in rows if r.answered]
    try:
        quiz = load_quiz(quiz_id)
        questions = {q.id: q for q in quiz.questions}
    except ContentError:
        questions = {}
    by_q: dict[str, list[Row]] = {}
    for r in rows:
        by_q.setdefault(r.question, []).append(r)
    order = [q for q in questions if q in by_q] + [q for q in by_q if q not in questions]
    results = []
    for qid in order:
        q, rs = questions.get(qid), by_q[qid]
        if q is not None and not q.graded:  # written answers, shown as they are
            refl = tuple((r.student, r.response) for r in rs)
            results.append(QuestionResult(qid, q.text, q.type, len(rs), (), None, refl, written=True))
            continue
        counts = Counter(r.response for r in rs)
        first = {}
        for r in rs:
            first.setdefault(r.response, r)
        answers = tuple(Answer(_label(q, first[resp]), n, first[resp].correct)
                        for resp, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        results.append(QuestionResult(qid, q.text if q else qid, q.type if q else "", len(rs), answers,
                                      q.explanation if q else None))
    problem = None
    if classroom.class_dir() is not None and folder.resolve() == classroom.class_dir().resolve():
        problem = classroom.folder_problem(folder)
    return ClassSummary(folder, quiz_id, students, tuple(results), tuple(skipped), problem)
