"""Quiz logic, with no widgets: grading every question type, attempts and hints, seeded shuffling, the score,
reading a typed number, the saved-answer entry (to and from a question's state) and the feedback a view shows.

Scores are in [0, 1] per graded question (a reflection has no score: ``None``; nor has a question whose answer key
was withheld from a student copy: its answer is recorded for the instructor to grade).

* single, true-false: 1 if right, else 0.
* numeric: 1 if within ``tolerance`` of the answer (inclusive), else 0.
* multiple (partial credit): with k right options, each right option picked earns 1/k and each wrong option picked
  costs 1/k; the total is floored at 0. Only the exact set of right options counts as "correct".
* ordering (partial credit): the share of pairs of items that are in the right relative order (1 when the whole
  order is right, 0 when it is exactly reversed). Items missing from an answer earn nothing for their pairs.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .content.case import Case, Source
from .content.errors import ContentError
from .content.quiz import Option, Question, Quiz
from .content.research import Figure, Research, Study

__all__ = ["Citation", "Entry", "Feedback", "citations", "Grade", "QuestionState", "QuizSummary", "duplicates",
           "entry", "feedback", "grade", "is_answered", "number", "response_problem", "restored_state",
           "saved_response", "shuffled_options", "summarise", "typed_number", "unusable_answers"]


@dataclass(frozen=True)
class Grade:
    """The result of checking one answer."""

    score: float | None  # None for a reflection
    correct: bool  # fully right (always False for a reflection)
    feedback: tuple[str, ...] = ()  # per-option feedback for the options the student picked
    answered: bool = True


def is_answered(question: Question, response: Any) -> bool:
    """Whether a response counts as an answer at all (an empty selection or blank text does not)."""
    if response is None:
        return False
    if question.type == "reflection":
        return isinstance(response, str) and bool(response.strip())
    if question.type in ("multiple", "ordering"):
        return isinstance(response, (list, tuple, set, frozenset)) and len(response) > 0
    if question.type == "numeric":
        return number(response) is not None
    return True


def response_problem(question: Question, response: Any) -> str | None:
    """Why a response cannot be checked yet, as a key of the UI strings' ``quiz`` section, or None when it can:
    ``blank`` (nothing given), ``not_a_number`` (text in a number box that is not a number, "twelve"),
    ``incomplete`` (an ordering with a position left empty), ``duplicate`` (an ordering with one item twice)."""
    if question.type == "numeric" and isinstance(response, str) and response.strip() and number(response) is None:
        return "not_a_number"
    if question.type == "ordering" and isinstance(response, (list, tuple)) and response:
        chosen = [r for r in response if r is not None and r != ""]
        if not chosen:
            return "blank"
        if len(set(chosen)) < len(chosen):
            return "duplicate"
        if len(chosen) < len(response):
            return "incomplete"
    if not is_answered(question, response):
        return "blank"
    return None


def duplicates(response: Sequence[Any]) -> tuple[Any, ...]:
    """The items chosen more than once in an ordering response, in the order first seen."""
    chosen = [r for r in response if r is not None]
    return tuple(x for x in dict.fromkeys(chosen) if chosen.count(x) > 1)


def typed_number(text: str) -> str | None:
    """What a student typed in a number box, as the answer to check: a decimal comma read as a point ("2,5"), a
    percent sign at the end left out ("40 %"); None when nothing is left."""
    cleaned = text.strip().replace(",", ".").rstrip("%").strip()
    return cleaned or None


def number(value: Any) -> float | None:
    """A response read as a finite number (a float or text like "2.5"); None for anything else, true/false too."""
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an integer too large for a float
        return None
    return x if math.isfinite(x) else None


def _feedback(question: Question, picked: Iterable[str]) -> tuple[str, ...]:
    out = []
    for pid in picked:
        try:
            fb = question.option(pid).feedback
        except KeyError:  # an option id not in the question (an edited file, a hand-made answers file)
            continue
        if fb:
            out.append(fb)
    return tuple(out)


def _ordering_score(right: Sequence[str], given: Sequence[str]) -> float:
    n = len(right)
    if n < 2:
        return 1.0 if list(given) == list(right) else 0.0
    pos: dict[str, int] = {}
    for i, item in enumerate(given):
        pos.setdefault(item, i)
    good = 0
    for i in range(n):
        for j in range(i + 1, n):
            a, b = right[i], right[j]
            if a in pos and b in pos and pos[a] < pos[b]:
                good += 1
    return good / (n * (n - 1) / 2)


def grade(question: Question, response: Any) -> Grade:
    """Check ``response`` against ``question``: an option id (single), ids (multiple), ids in order (ordering),
    a bool (true-false), a number (numeric) or text (reflection)."""
    t = question.type
    if t == "reflection" or not question.keyed:  # a reflection, or a key withheld: recorded, not graded
        return Grade(None, False, (), is_answered(question, response))
    if not is_answered(question, response):
        return Grade(0.0, False, (), False)
    a = question.answer
    if t == "single":
        ok = response == a
        return Grade(1.0 if ok else 0.0, ok, _feedback(question, [response]))
    if t == "true-false":
        ok = bool(response) is a if isinstance(response, bool) else False
        return Grade(1.0 if ok else 0.0, ok)
    if t == "numeric":
        x = number(response)
        ok = abs(x - float(a)) <= (question.tolerance or 0.0) + 1e-9
        return Grade(1.0 if ok else 0.0, ok)
    if t == "multiple":
        right = set(a if isinstance(a, tuple) else (a,))
        picked = [p for p in dict.fromkeys(response)]  # in order, without repeats
        k = len(right)
        hits = sum(1 for p in picked if p in right)
        misses = sum(1 for p in picked if p not in right)
        score = max(0.0, (hits - misses) / k) if k else 0.0
        ok = set(picked) == right
        return Grade(min(1.0, score), ok, _feedback(question, picked))
    if t == "ordering":
        given = list(response)
        score = _ordering_score(list(a), given)
        ok = given == list(a)
        return Grade(score, ok)
    raise ValueError(f"unknown question type {t!r}")  # pragma: no cover - the schema refuses it


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
    answer = question.answer
    if question.type == "ordering" and len(movable) > 1 and [o.id for o in movable] == list(answer or ()):
        movable = movable[1:] + movable[:1]
    return tuple(movable + last)


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
        return self.grade.correct or not self.can_submit(question) or question.type == "reflection"


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


def _unusable_response(question: Question, response: Any) -> str | None:
    """Why a saved response cannot be put back into ``question`` as it is now (None if it can)."""
    t = question.type
    if response is None:
        return None
    if t in ("single", "reflection"):
        ok = isinstance(response, str) and len(response) <= 100_000
        return None if ok else f"expected {'an option id' if t == 'single' else 'text'}"
    if t == "true-false":
        return None if isinstance(response, bool) else "expected true or false"
    if t in ("multiple", "ordering"):
        ok = (isinstance(response, list) and len(response) <= max(len(question.options), 1) * 4
              and all(isinstance(r, str) for r in response))
        return None if ok else "expected a list of option ids"
    if t == "numeric":
        if isinstance(response, str) and len(response) <= 100:
            return None if number(typed_number(response)) is not None or not response.strip() else \
                "expected a number"
        return None if number(response) is not None else "expected a number"
    return f"a question of an unknown type {t!r}"  # pragma: no cover - the schema refuses it


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
        why = _unusable_response(q, raw.get("response"))
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
    if question.type == "multiple" and isinstance(response, list):
        return [r for r in response if isinstance(r, str)]
    return response


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
    if (g.score is None and question.type != "reflection") or (question.type == "reflection"
                                                               and question.model_answer is None):
        return Feedback("recorded", sources=sources)
    if question.type == "reflection":
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
