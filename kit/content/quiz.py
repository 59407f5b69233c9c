"""The quiz schema: one YAML file per quiz under ``data/quizzes/``, validated like every other content file.

A quiz file holds an ``id`` (the file's name without ``.yaml``), a ``title``, a ``language`` and ``questions``. Each
question has a ``type``:

* ``single``: pick one option; ``answer`` is the id of the right option;
* ``multiple``: pick every option that applies; ``answer`` is a list of option ids;
* ``true-false``: ``answer`` is ``true`` or ``false``;
* ``numeric``: ``answer`` is a number; ``tolerance`` (optional, default 0) is how far off an answer may be;
* ``ordering``: put the options in order; ``answer`` lists every option id in the right order;
* ``reflection``: free text, not graded; after submitting, ``model_answer`` and ``discussion`` points appear.

Options may carry ``feedback`` (shown when picked) and ``keep_last`` (stays last when options are shuffled, for
"none of these"). Every question may carry an ``explanation`` (required on graded questions), progressive ``hints``,
an ``attempts`` limit and ``sources`` (URL and how well it was checked, as on the fact sheet).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from .base import ContentKind, check_duplicates, check_stray_files, data_root, load_checked, load_file
from .case import STATUS_DOC, Status
from .errors import ContentError, NotFound, display_path, safe_resolve
from .schema import Id, Invalid, Line, ParseContext, Record, ScalarKind, Text, Url, doc, internal, shown

__all__ = ["GRADED", "Option", "Question", "QuestionType", "Quiz", "QuizSource", "check_quizzes", "load_quiz",
           "quiz_ids"]

QuestionType = Literal["single", "multiple", "true-false", "numeric", "ordering", "reflection"]
GRADED = ("single", "multiple", "true-false", "numeric", "ordering")
CHOICE_TYPES = ("single", "multiple", "ordering")


class _AnswerKind(ScalarKind):
    """The right answer: an option id, a list of option ids, true/false or a number (checked per type later)."""

    name, expected = "answer", "an option id, a list of option ids, true/false or a number"

    def convert(self, value: Any) -> Any:
        if isinstance(value, list):
            bad = [v for v in value if isinstance(v, (dict, list)) or v is None]
            if bad:
                raise Invalid(f"expected a list of option ids, got {shown(bad[0])} in the list")
            return tuple(str(v) for v in value)
        if isinstance(value, dict):
            raise Invalid(f"expected {self.expected}, got {shown(value)}")
        if isinstance(value, str):
            if not value.strip():
                raise Invalid("is empty: write the right answer")
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1e15:
            raise Invalid(f"expected a number of at most 15 digits, got {shown(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise Invalid(f"expected a finite number, got {shown(value)}: no student's answer can match it")
        return value  # bool, int, float


Answer = Annotated[Any, _AnswerKind()]


@dataclass(frozen=True, kw_only=True)
class QuizSource(Record):
    entry_name = "source"
    url: Url = doc("the address of the original page (students follow this link)")
    status: Status = doc(STATUS_DOC)
    title: Line | None = doc("what the source is, e.g. 'GDPR Article 7(3)'", None, translate=True)
    read_at: Url | None = doc("where it was actually read, when that was a copy (shown to students only as the words "
                              "'read in a copy')", None)


@dataclass(frozen=True, kw_only=True)
class Option(Record):
    entry_name = "option"
    id: Id = doc("a short id for the option, like 'owners-only'")
    text: Text = doc("the option as students read it", translate=True)
    feedback: Text | None = doc("what a student who picks this option is told", None, answer_key=True,
                                translate=True)
    keep_last: bool = doc("true to keep this option last when options are shuffled (e.g. 'none of these')", False)


@dataclass(frozen=True, kw_only=True)
class Question(Record):
    entry_name = "question"
    id: Id = doc("a short id for the question, unique in the quiz")
    type: QuestionType = doc("single, multiple, true-false, numeric, ordering or reflection")
    text: Text = doc("the question as students read it", translate=True)
    options: tuple[Option, ...] = doc("the options (single, multiple and ordering questions)", ())
    answer: Answer | None = doc("the right answer: an option id (single), a list of ids (multiple, ordering), "
                                "true/false (true-false) or a number (numeric)", None, answer_key=True)
    tolerance: float | None = doc("how far from the answer a numeric answer may be and still count", None)
    unit: Line | None = doc("the unit of a numeric answer, like '%'", None, translate=True)
    explanation: Text | None = doc("why the answer is right, shown after answering (required on graded questions)",
                                   None, answer_key=True, translate=True)
    hints: tuple[Text, ...] = doc("hints, shown one at a time on request", (), translate=True)
    attempts: int | None = doc("how many times a student may check an answer (no limit if left out)", None)
    model_answer: Text | None = doc("a model answer shown after a reflection is submitted", None, answer_key=True,
                                    translate=True)
    discussion: tuple[Text, ...] = doc("points for discussion, shown after a reflection is submitted", (),
                                       answer_key=True, translate=True)
    sources: tuple[QuizSource, ...] = doc("where the facts in the question come from", ())
    figures: tuple[Id, ...] = doc("ids of the research figures (data/research) the question uses; their value, "
                                  "status and source are shown from that one record", ())
    quotes: tuple[Line, ...] = doc("the case quotations the question uses, each as 'case-id/record-id' (an event with "
                                   "a quote, a statement or a document version); their wording, status and source "
                                   "are shown from that one record", ())

    @property
    def graded(self) -> bool:
        return self.type in GRADED

    @property
    def keyed(self) -> bool:
        """A graded question whose answer key is here (not withheld from a student copy)."""
        return self.graded and self.answer is not None

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise NotFound(option_id)


@dataclass(frozen=True, kw_only=True)
class Quiz(Record):
    entry_name = "quiz"
    id: Id = doc("the quiz id; must be the file's name without .yaml")
    title: Line = doc("the quiz's title", translate=True)
    language: Literal["en", "fr"] = doc("the language the quiz is written in", "en")
    intro: Text | None = doc("a sentence or two shown above the questions", None, translate=True)
    include: tuple[Id, ...] = doc("ids of other quizzes whose questions come first (one level: they may not "
                                  "include others)", ())
    questions: tuple[Question, ...] = doc("the questions, in order", ())
    answer_keys: Literal["included", "withheld"] = doc(
        "included, or withheld in a student copy made by 'kit release --without-answer-keys': answers are then "
        "recorded for the instructor to grade, not checked", "included")
    #: After loading: the ids of the quizzes whose questions were put first (``include`` is then empty).
    included: tuple[str, ...] = internal(())

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise NotFound(question_id)


# ---------------------------------------------------------------------------------------------- cross-checks
def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _check_question(ctx: ParseContext, q: Question, withheld: bool = False) -> None:
    check_duplicates(ctx, q.options, "option")
    texts: dict[str, str] = {}
    for o in q.options:  # two options a student cannot tell apart (an ordering of identical items has no answer)
        same = " ".join(o.text.casefold().split())
        if same in texts and texts[same] != o.id:
            ctx.at(o, "text", f"the same text as the option '{texts[same]}': a student cannot tell them apart")
        texts.setdefault(same, o.id)
    ids = [o.id for o in q.options]
    known = ", ".join(repr(i) for i in ids)
    a = q.answer
    if q.type in CHOICE_TYPES:
        if len(q.options) < 2:
            ctx.at(q, "options", f"a {q.type} question needs at least two options")
    elif q.options:
        ctx.at(q, "options", f"a {q.type} question has no options: remove them")
    if q.type != "numeric":
        if q.tolerance is not None:
            ctx.at(q, "tolerance", f"only a numeric question has a tolerance; this one is {q.type}")
        if q.unit is not None:
            ctx.at(q, "unit", f"only a numeric question has a unit; this one is {q.type}")
    if q.type != "reflection":
        if q.model_answer is not None:
            ctx.at(q, "model_answer", "only a reflection question has a model answer: put it in 'explanation'")
        if q.discussion:
            ctx.at(q, "discussion", "only a reflection question has discussion points")
    if q.attempts is not None and q.attempts < 1:
        ctx.at(q, "attempts", f"expected at least 1 attempt, got {q.attempts}")
    if q.type == "ordering" and any(o.keep_last for o in q.options):
        ctx.at(q, "options", "keep_last makes no sense in an ordering question: the order is the answer")

    if q.type == "reflection":
        if a is not None:
            ctx.at(q, "answer", "a reflection question is not graded: remove the answer")
        if q.model_answer is None and not withheld:
            ctx.at(q, "model_answer", "missing: every reflection question needs a model answer")
        return
    if a is None:
        if not withheld:
            ctx.at(q, "answer", f"missing: a graded ({q.type}) question needs a correct answer")
        return
    if q.explanation is None and not withheld:
        ctx.at(q, "explanation", "missing: every graded question needs an explanation of its answer")
    if q.type == "single":
        if not isinstance(a, str):
            ctx.at(q, "answer", f"expected the id of one option ({known}), got {shown(a)}")
        elif a not in ids:
            ctx.at(q, "answer", f"'{a}' is not among the options: expected one of {known}")
    elif q.type in ("multiple", "ordering"):
        values = (a,) if isinstance(a, str) else a
        if not isinstance(values, tuple):
            ctx.at(q, "answer", f"expected a list of option ids, got {shown(a)}")
            return
        if not values:
            ctx.at(q, "answer", "is empty: a graded question needs at least one correct option")
        for v in values:
            if v not in ids:
                ctx.at(q, "answer", f"'{v}' is not among the options: expected ids from {known}")
        if len(set(values)) != len(values):
            ctx.at(q, "answer", "lists an option twice")
        if q.type == "ordering" and set(values) <= set(ids) and set(values) != set(ids):
            missing = ", ".join(sorted(set(ids) - set(values)))
            ctx.at(q, "answer", f"an ordering answer lists every option once; missing: {missing}")
    elif q.type == "true-false":
        if not isinstance(a, bool):
            ctx.at(q, "answer", f"expected true or false, got {shown(a)}")
    elif q.type == "numeric":
        if not _is_number(a):
            ctx.at(q, "answer", f"expected a number, got {shown(a)}")
        if q.tolerance is not None and q.tolerance < 0:
            ctx.at(q, "tolerance", f"expected a number of 0 or more, got {q.tolerance:g}")


def check_quiz(ctx: ParseContext, quiz: Quiz, path: Path) -> None:
    if quiz.id != path.stem:
        ctx.at(quiz, "id", f"the quiz id '{quiz.id}' must be the file's name '{path.stem}'")
    if not quiz.questions:
        ctx.at(quiz, "questions", "a quiz needs at least one question")
    check_duplicates(ctx, quiz.questions, "question")
    for q in quiz.questions:
        _check_question(ctx, q, withheld=quiz.answer_keys == "withheld")


# ---------------------------------------------------------------------------------------------- loading
def quizzes_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "quizzes"


def quiz_ids(root: Path | None = None) -> list[str]:
    folder = quizzes_dir(root)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith(("_", ".")))


def _path(quiz: str | Path) -> Path:
    p = Path(quiz)
    if p.suffix in (".yaml", ".yml") or "/" in str(quiz):
        return p
    return quizzes_dir() / f"{quiz}.yaml"


def load_quiz(quiz: str | Path) -> Quiz:
    """Load and check one quiz, by id (a file under ``data/quizzes``) or by path. Raises ContentError."""
    path = _path(quiz)
    if not path.exists():
        known = ", ".join(quiz_ids()) or "none"
        raise ContentError.at_file(path, f"no such quiz (quizzes available: {known})")

    def parse(ctx: ParseContext) -> Quiz | None:
        quiz_obj = load_file(path, Quiz, ctx)
        if quiz_obj is not None:
            quiz_obj = _with_includes(ctx, quiz_obj, path)
            check_quiz(ctx, quiz_obj, path)
        return quiz_obj

    # The whole folder: a quiz may include others, and must change when they do.
    return load_checked(f"quiz:{safe_resolve(path)}", [path, path.parent], parse)


#: The quizzes being loaded, outermost first: an ``include`` of one of them is a cycle, reported, not followed.
_LOADING: list[str] = []


def _with_includes(ctx: ParseContext, quiz: Quiz, path: Path) -> Quiz:
    """The quiz with the questions of the quizzes it includes put first."""

    if not quiz.include:
        return quiz
    questions: list[Question] = []
    known = quiz_ids(path.parent.parent)
    for i, other in enumerate(quiz.include, 1):
        if other == quiz.id or other in _LOADING:
            before = _LOADING[_LOADING.index(other):] if other in _LOADING else []
            chain = " → ".join([*before, quiz.id, other])
            ctx.at(quiz, f"include[{i}]", f"include cycle: {chain}; a quiz may include only quizzes that include "
                                          "nothing")
            continue
        if other not in known:
            ctx.at(quiz, f"include[{i}]", f"unknown quiz '{other}': expected one of {', '.join(known)}")
            continue
        _LOADING.append(quiz.id)
        try:
            inc = load_quiz(path.parent / f"{other}.yaml")
        except ContentError as e:
            ctx.problems.extend(e.problems)
            continue
        finally:
            _LOADING.pop()
        if inc.included:
            ctx.at(quiz, f"include[{i}]", f"the quiz '{other}' includes other quizzes itself: include only plain ones")
        questions.extend(q for q in inc.questions)
    return dataclasses.replace(quiz, questions=(*questions, *quiz.questions), include=(), included=quiz.include)


def check_quizzes(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: validate every quiz file under ``root/quizzes``."""

    folder = quizzes_dir(root)
    if not folder.is_dir():
        ctx.add(display_path(folder), None, None, None, "no quizzes folder: the notebooks show quizzes from it")
        return 0
    check_stray_files(folder, ctx)
    if not quiz_ids(root):
        ctx.add(display_path(folder), None, None, None, "no quiz files: expected *.yaml files in this folder")
    n = 0
    for qid in quiz_ids(root):
        n += 1
        try:
            load_quiz(quizzes_dir(root) / f"{qid}.yaml")
        except ContentError as e:
            # A problem in a quiz that another one includes comes back with the including quiz: say it once.
            ctx.problems.extend(p for p in dict.fromkeys(e.problems) if p not in ctx.problems)
    return n


QUIZZES = ContentKind("quizzes", "quizzes", "quizzes/*.yaml", (Quiz,), check_quizzes, load_quiz,
                     translated=(("quizzes/*.yaml", Quiz),))
