"""Quiz logic, with no widgets: attempts and hints, seeded shuffling, the score, the saved-answer entry (to and from a
question's state) and the feedback a view shows. What differs between question types (grading, whether a response
is an answer, the shape of a saved response) is the type's, in :mod:`kit.questions`; the functions below ask it.

Scores are in [0, 1] per graded question (a reflection has no score: ``None``; nor has a question whose answer key
was withheld from a student copy: its answer is recorded for the instructor to grade). Each type's docstring says
how it scores (:mod:`kit.questions.choice`, :mod:`~kit.questions.numeric`, :mod:`~kit.questions.ordering` …).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .content.case import Case, Source
from .content.errors import ContentError
from .content.quiz import Option, Question, Quiz
from .content.research import Figure, Research, Study
from .questions import Grade, question_type
from .questions.base import number, typed_number
from .questions.ordering import duplicates

__all__ = ["Citation", "Entry", "Feedback", "citations", "Grade", "QuestionState", "QuizSummary", "duplicates",
           "entry", "feedback", "grade", "is_answered", "number", "response_problem", "restored_state",
           "saved_response", "shuffled_options", "summarise", "typed_number", "unusable_answers"]


def is_answered(question: Question, response: Any) -> bool:
    """Whether a response counts as an answer at all (an empty selection or blank text does not)."""
    return response is not None and question_type(question).is_answered(question, response)


def response_problem(question: Question, response: Any) -> str | None:
    """Why a response cannot be checked yet, as a key of the UI strings' ``quiz`` section, or None when it can:
    ``blank`` (nothing given), ``not_a_number`` (text in a number box that is not a number, "twelve"),
    ``incomplete`` (an ordering with a position left empty), ``duplicate`` (an ordering with one item twice)."""
    if response is None:
        return "blank"
    return question_type(question).problem(question, response)


def grade(question: Question, response: Any) -> Grade:
    """Check ``response`` against ``question``, as its type does (an option id for a single choice, ids for a
    multiple choice or an ordering, a bool, a number, text …)."""
    return question_type(question).grade(question, response)


# -------------------------------------------------------------------------------------------- shuffling
def shuffled_options(question: Question, seed: int | str = 0) -> tuple[Option, ...]:
    """The options in a seeded random order: the same seed and question always give the same order.

    Options marked ``keep_last`` stay at the end in their file order. An ordering question is never shown in its
    right order (that would give the answer away) when it has two or more options.
    """
    rng = random.Random(f"{seed}:{question.id}")
    movable = [o for o in question.options if not o.keep_last]
    last = [o for o in question.options if o.keep_last]
    rng.shuffle(movable)
    return tuple(question_type(question).arrange(question, movable) + last)


# -------------------------------------------------------------------------------------------- state
@dataclass(frozen=True)
class QuestionState:
    """What a student has done with one question: attempts used, hints seen, last response and its grade."""

    attempts: int = 0
    hints: int = 0
    response: Any = None
    grade: Grade | None = None

    def can_submit(self, question: Question) -> bool:
        if self.grade is not None and self.grade.correct:
            return False
        return question.attempts is None or self.attempts < question.attempts

    def attempts_left(self, question: Question) -> int | None:
        return None if question.attempts is None else max(0, question.attempts - self.attempts)

    def submit(self, question: Question, response: Any) -> QuestionState:
        """Check a response. A blank response and a submit beyond the attempt limit change nothing."""
        if not self.can_submit(question) or response_problem(question, response) is not None:
            return self
        return replace(self, attempts=self.attempts + 1, response=response, grade=grade(question, response))

    def next_hint(self, question: Question) -> QuestionState:
        return replace(self, hints=min(len(question.hints), self.hints + 1))

    def shown_hints(self, question: Question) -> tuple[str, ...]:
        return question.hints[: self.hints]

    @property
    def finished(self) -> bool:
        """Answered (a reflection submitted, or a graded question checked at least once)."""
        return self.grade is not None and self.grade.answered

    def reveal(self, question: Question) -> bool:
        """Whether the explanation may be shown: right, or no attempts left."""
        if self.grade is None:
            return False
        return self.grade.correct or not self.can_submit(question) or not question.graded


@dataclass(frozen=True)
class QuizSummary:
    answered: int  # questions answered (graded or reflection)
    total: int  # questions in the quiz
    score: float  # sum of the graded scores
    max_score: int  # number of graded questions
    correct: int  # graded questions fully right
    per_question: dict[str, float | None] = field(default_factory=dict)
    recorded: int = 0  # graded questions answered while their key is withheld: the instructor grades them

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


def summarise(quiz: Quiz, states: Mapping[str, QuestionState]) -> QuizSummary:
    """The quiz's score so far: unanswered graded questions count 0."""
    answered = correct = 0
    score = 0.0
    per: dict[str, float | None] = {}
    graded = recorded = 0
    for q in quiz.questions:
        st = states.get(q.id, QuestionState())
        if st.finished:
            answered += 1
            recorded += q.graded and not q.keyed
        if q.keyed:
            graded += 1
            s = st.grade.score if st.grade is not None and st.grade.score is not None else 0.0
            score += s
            correct += bool(st.grade and st.grade.correct)
            per[q.id] = s
        else:
            per[q.id] = None
    return QuizSummary(answered, len(quiz.questions), score, graded, correct, per, recorded)


# -------------------------------------------------------------------------------------------- saved entries
def _count(value: Any) -> int | None:
    return int(value) if number(value) is not None and isinstance(value, (int, float)) else None


@dataclass(frozen=True)
class Entry:
    """One question's answer as an answers file holds it (``progress`` writes it, ``kit results`` reads it).

    In the file: ``{"response": …, "attempts": n, "hints": n, "score": float | None, "correct": bool | None}``.
    ``correct`` is None for a question that is not graded (a reflection) or not yet checked.
    """

    response: Any = None
    attempts: int | None = None
    hints: int | None = None
    score: float | None = None
    correct: bool | None = None

    def to_json(self) -> dict[str, Any]:
        response = list(self.response) if isinstance(self.response, (list, tuple)) else self.response
        return {"response": response, "attempts": self.attempts, "hints": self.hints, "score": self.score,
                "correct": self.correct}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Entry:
        """An entry read from a file that may have been edited by hand: a value of the wrong type becomes None."""
        score = raw.get("score")
        correct = raw.get("correct")
        return cls(
            response=raw.get("response"),
            attempts=_count(raw.get("attempts")),
            hints=_count(raw.get("hints")),
            score=number(score) if isinstance(score, (int, float)) else None,
            correct=correct if isinstance(correct, bool) else None,
        )


def entry(question: Question, state: QuestionState) -> Entry | None:
    """What is saved for a question: None while it is untouched (not checked, no hint seen)."""
    if state.grade is None and state.hints == 0:
        return None
    return Entry(
        response=state.response,
        attempts=state.attempts,
        hints=state.hints,
        score=None if state.grade is None else state.grade.score,
        correct=None if state.grade is None or not question.graded else state.grade.correct,
    )


def unusable_answers(quiz: Quiz, doc: Mapping[str, Any]) -> str | None:
    """Why the answers of an answers file (already :func:`kit.progress.parse`-d) cannot be put back into ``quiz`` as
    it is now, naming the question; None if they can. An answer saved when a question had another type (a list for
    what is now a single choice), or a value of the wrong kind, makes the whole file unusable: it is set aside."""
    answers = doc.get("answers", {})
    by_id = {q.id: q for q in quiz.questions}
    for qid, raw in answers.items():
        q = by_id.get(qid)
        if q is None:
            continue  # a question since removed: its answer is simply not shown
        if not isinstance(raw, Mapping):
            return f"the answer to '{qid}' is not in the expected form"
        response = raw.get("response")
        why = None if response is None else question_type(q).unusable(q, response)
        if why:
            return f"the answer to '{qid}' ({q.type} question): {why}"
        for name in ("attempts", "hints"):
            v = raw.get(name)
            if v is not None and (not isinstance(v, (int, float)) or number(v) is None or v < 0):
                return f"the answer to '{qid}': '{name}' should be a count, got {json_shown(v)}"
    return None


def json_shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def saved_response(question: Question, response: Any) -> Any:
    """A saved response as a view can put it back (a multiple-choice list keeps only option ids)."""
    return None if response is None else question_type(question).restored(question, response)


def restored_state(question: Question, response: Any, saved: Entry) -> QuestionState:
    """The state of a question restored from a saved entry: ``response`` (as the view reads it back) is checked
    again, so the feedback is worked out anew; attempts and hints come back within the question's limits."""
    state = QuestionState().submit(question, response) if saved.response is not None else QuestionState()
    attempts = saved.attempts or 0
    hints = saved.hints or 0
    return replace(state, attempts=max(state.attempts, min(attempts, question.attempts or attempts)),
                   hints=max(0, min(hints, len(question.hints))))


# -------------------------------------------------------------------------------------------- feedback
@dataclass(frozen=True)
class Feedback:
    """What to tell a student about one question, decided here; a view only puts it into words and markup.

    ``outcome``: None (nothing checked yet), "recorded" (kept for the instructor: no key or no model answer),
    "submitted" (a reflection, with its model answer and discussion points), or "correct", "partly", "wrong".
    """

    outcome: str | None = None
    percent: int | None = None  # for "partly": the share of the credit earned
    picked: tuple[str, ...] = ()  # the feedback of the options the student picked
    attempts_left: int | None = None  # shown when the answer is not right and attempts are limited
    explanation: str | None = None  # shown once the answer is revealed (right, or no attempts left)
    model_answer: str | None = None
    discussion: tuple[str, ...] = ()
    sources: bool = False  # whether the question's sources are shown (once the answer is revealed)


def feedback(question: Question, state: QuestionState) -> Feedback:
    """The feedback for ``question`` in ``state``: the verdict, what to show and what to keep back."""
    g = state.grade
    if g is None:
        return Feedback()
    reveal = state.reveal(question)
    sources = reveal
    if (g.score is None and question.graded) or (not question.graded and question.model_answer is None):
        return Feedback("recorded", sources=sources)
    if not question.graded:
        return Feedback("submitted", model_answer=question.model_answer, discussion=question.discussion,
                        sources=sources)
    if g.correct:
        outcome, percent = "correct", None
    elif g.score and g.score > 0:
        outcome, percent = "partly", round(100 * g.score)
    else:
        outcome, percent = "wrong", None
    left = state.attempts_left(question)
    return Feedback(outcome, percent, g.feedback, None if g.correct else left,
                    question.explanation if reveal else None, sources=sources)


# ------------------------------------------------------------------------------------------- citations
@dataclass(frozen=True)
class Citation:
    """A research figure or a case quotation a question uses, as its one record gives it.

    A figure carries ``figure`` and ``study``; a quotation carries ``words``, ``who``, ``record`` (the event,
    statement or policy version: its date and status) and its ``sources``; a reference that cannot be followed
    carries ``error`` (``kit check`` names it; the view shows the message instead of a traceback).
    """

    ref: str
    figure: Figure | None = None
    study: Study | None = None
    words: str | None = None
    who: str | None = None
    record: Any = None
    sources: tuple[Source, ...] = ()
    error: str | None = None


def _figure_citation(ref: str, research: Research) -> Citation:
    f = research.figure(ref)
    return Citation(ref, figure=f, study=research.study(f.study))


def _quote_citation(ref: str, case_of: Callable[[str], Case]) -> Citation:
    case_id, _, record_id = ref.partition("/")
    case = case_of(case_id)
    record = next((r for r in (*case.events, *case.statements) if r.id == record_id), None)
    if record is None:
        doc = next(d for d in case.documents if any(v.id == record_id for v in d.versions))
        record = next(v for v in doc.versions if v.id == record_id)
        who, words = doc.owner, record.text
    else:
        who = getattr(record, "who", None) or getattr(record, "speaker", None) or case.company
        words = getattr(record, "quote", None) or record.text
    return Citation(ref, words=words, who=who, record=record, sources=case.sources_of(record))


def citations(quiz: Quiz, research: Research | None, case_of: Callable[[str], Case]) -> dict[str, tuple[Citation, ...]]:
    """For each question of ``quiz``: the figures and quotations it names (``figures:``, ``quotes:``), from their
    one record, so the value, the words, the status and the source students see exist once."""
    out: dict[str, tuple[Citation, ...]] = {}
    for q in quiz.questions:
        cited = []
        for ref in q.figures:
            if research is None:  # the research files failed their own checks, which name the problem
                cited.append(Citation(ref, error=ref))
                continue
            try:
                cited.append(_figure_citation(ref, research))
            except (ContentError, KeyError) as e:
                cited.append(Citation(ref, error=str(e) or ref))
        for ref in q.quotes:
            try:
                cited.append(_quote_citation(ref, case_of))
            except (ContentError, KeyError, StopIteration) as e:
                cited.append(Citation(ref, error=str(e) or ref))
        if cited:
            out[q.id] = tuple(cited)
    return out
