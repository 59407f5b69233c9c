"""The quiz schema: one YAML file per quiz under ``data/quizzes/``, validated like every other content file.

A quiz file holds an ``id`` (the file's name without ``.yaml``), a ``title``, a ``language`` and ``questions``. Each
question has a ``type``, one of the question types of :data:`kit.questions.TYPES` (single, multiple, true-false,
numeric, ordering, reflection …): the type says how ``answer`` is written, which fields it adds (``tolerance`` and
``unit`` for a numeric question, ``model_answer`` and ``discussion`` for a reflection …) and what ``kit check``
cross-checks.

Options may carry ``feedback`` (shown when picked) and ``keep_last`` (stays last when options are shuffled, for
"none of these"). Every question may carry an ``explanation`` (required on graded questions), progressive ``hints``,
an ``attempts`` limit and ``sources`` (URL and how well it was checked, as on the fact sheet).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from ..questions import TYPES, names, question_type
from .base import ContentKind, check_duplicates, check_refs, check_stray_files, data_root, load_checked, load_file
from .case import STATUS_DOC, Status
from .errors import ContentError, NotFound, display_path, safe_resolve
from .facilitation import Facilitation, facilitation_doc
from .schema import (
    LEVELS,
    Id,
    Invalid,
    Language,
    Level,
    Line,
    ParseContext,
    Record,
    ScalarKind,
    Text,
    Url,
    doc,
    internal,
    shown,
)
from .writing import load_writing, writing_path

__all__ = ["Option", "Question", "Quiz", "QuizSource", "check_quizzes", "load_quiz", "quiz_ids"]


def _id_text(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        raise Invalid(f"expected a list of option ids, got {shown(value)} in the list")
    return str(value)


class _AnswerKind(ScalarKind):
    """The right answer, in the shape its question's type checks later: an option id, a list of ids, true/false, a
    number, or a mapping of ids to ids (read as a tuple of pairs, in the file's order)."""

    name, expected = "answer", "an option id, a list of option ids, true/false, a number or a mapping of ids"

    def convert(self, value: Any) -> Any:
        if isinstance(value, list):
            return tuple(_id_text(v) for v in value)
        if isinstance(value, Mapping):
            try:
                return tuple((_id_text(k), _id_text(v)) for k, v in value.items())
            except Invalid:
                raise Invalid(f"expected a mapping of ids to ids, got {shown(value)}") from None
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


#: The words ``type:`` accepts: the names of the question types.
TypeName = Literal[names()]




@dataclass(frozen=True, kw_only=True)
class QuestionBase(Record):
    """The fields every question has; :data:`Question` adds those of each question type."""

    entry_name = "question"
    id: Id = doc("a short id for the question, unique in the quiz")
    type: TypeName = doc(", ".join(f"{qt.name} ({qt.summary})" for qt in TYPES))
    text: Text = doc("the question as students read it", translate=True)
    options: tuple[Option, ...] = doc("the options (" + ", ".join(qt.name for qt in TYPES if qt.has_options)
                                      + " questions)", ())
    answer: Answer | None = doc("the right answer: " + "; ".join(f"{qt.answer_doc} ({qt.name})" for qt in TYPES
                                                                 if qt.answer_doc), None, answer_key=True)
    explanation: Text | None = doc("why the answer is right, shown after answering (required on graded questions)",
                                   None, answer_key=True, translate=True)
    hints: tuple[Text, ...] = doc("hints, shown one at a time on request", (), translate=True)
    attempts: int | None = doc("how many times a student may check an answer (no limit if left out)", None)
    sources: tuple[QuizSource, ...] = doc("where the facts in the question come from", ())
    figures: tuple[Id, ...] = doc("ids of the research figures (data/research) the question uses; their value, "
                                  "status and source are shown from that one record", ())
    quotes: tuple[Line, ...] = doc("the case quotations the question uses, each as 'case-id/record-id' (an event with "
                                   "a quote, a statement or a document version); their wording, status and source "
                                   "are shown from that one record", ())
    objectives: tuple[Id, ...] = doc("the ids of the learning objectives the question assesses", ())
    level: Level | None = doc("what the question asks a student to do, on Bloom's scale: " + ", ".join(LEVELS), None)
    scenario: bool = doc("true for an item about a mechanism the kit has not judged: a described consent setting the "
                         "student classifies or evaluates", False)

    @property
    def graded(self) -> bool:
        return question_type(self).graded

    @property
    def keyed(self) -> bool:
        """A graded question whose answer key is here (not withheld from a student copy)."""
        return self.graded and self.answer is not None

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise NotFound(option_id)


#: A question: the common fields, then the fields each question type adds (``QuestionType.fields``), so a type's
#: fields are parsed, documented, translated and withheld like any other.
Question = dataclasses.make_dataclass(
    "Question", [(name, tf.hint, tf.field) for qt in TYPES for name, tf in qt.fields.items()],
    bases=(QuestionBase,), frozen=True, kw_only=True, namespace={"__module__": __name__})


@dataclass(frozen=True, kw_only=True)
class Quiz(Record):
    entry_name = "quiz"
    id: Id = doc("the quiz id; must be the file's name without .yaml")
    title: Line = doc("the quiz's title", translate=True)
    language: Language = doc("the language the quiz is written in", "en")
    intro: Text | None = doc("a sentence or two shown above the questions", None, translate=True)
    include: tuple[Id, ...] = doc("ids of other quizzes whose questions come first (one level: they may not "
                                  "include others)", ())
    questions: tuple[Question, ...] = doc("the questions, in order", ())
    save_with: Id | None = doc(
        "the id of the quiz or writing set whose 'Keep your answers' box keeps this quiz's answers, in a notebook that "
        "shows several (each notebook shows one box, and one answers file holds all its answers); the one named "
        "must keep its own (a quiz without save_with, a writing set with save_with: own). Left out: the quiz has "
        "its own box", None)
    facilitation: Facilitation | None = facilitation_doc("running the quiz in class: what its questions test, the "
                                                         "answers students get wrong, how to debrief")
    answer_keys: Literal["included", "withheld"] = doc(
        "included, or withheld in a student copy made by 'kit release --without-answer-keys': answers are then "
        "recorded for the instructor to grade, not checked", "included")
    model_answers: Literal["included", "withheld"] = doc(
        "included, or withheld in a student copy made by 'kit release --without-model-answers': a reflection then "
        "shows no model answer or discussion points after Submit", "included")
    #: After loading: the ids of the quizzes whose questions were put first (``include`` is then empty).
    included: tuple[str, ...] = internal(())

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise NotFound(question_id)


# ---------------------------------------------------------------------------------------------- cross-checks
def _check_question(ctx: ParseContext, q: Question, withheld: bool = False, models_withheld: bool = False) -> None:
    """What every question is checked for, then what its type checks (:class:`kit.questions.QuestionType`)."""
    qt = question_type(q)
    check_duplicates(ctx, q.options, "option")
    texts: dict[str, str] = {}
    for o in q.options:  # two options a student cannot tell apart (an ordering of identical items has no answer)
        same = " ".join(o.text.casefold().split())
        if same in texts and texts[same] != o.id:
            ctx.at(o, "text", f"the same text as the option '{texts[same]}': a student cannot tell them apart")
        texts.setdefault(same, o.id)
    if qt.has_options:
        if len(q.options) < 2:
            ctx.at(q, "options", f"a {q.type} question needs at least two options")
    elif q.options:
        ctx.at(q, "options", f"a {q.type} question has no options: remove them")
    for other in TYPES:  # the fields another type adds
        if other is not qt:
            for name, tf in other.fields.items():
                if getattr(q, name) != tf.field.default:
                    ctx.at(q, name, tf.elsewhere.format(type=q.type))
    if q.attempts is not None and q.attempts < 1:
        ctx.at(q, "attempts", f"expected at least 1 attempt, got {q.attempts}")
    qt.check(ctx, q, withheld or (models_withheld and not qt.graded))
    if not qt.graded:
        if q.answer is not None:
            ctx.at(q, "answer", f"a {q.type} question is not graded: remove the answer")
        return
    if q.answer is None:
        if not withheld:
            ctx.at(q, "answer", f"missing: a graded ({q.type}) question needs a correct answer")
        return
    if q.explanation is None and not withheld:
        ctx.at(q, "explanation", "missing: every graded question needs an explanation of its answer")
    qt.check_answer(ctx, q)


def check_quiz(ctx: ParseContext, quiz: Quiz, path: Path) -> None:
    if quiz.id != path.stem:
        ctx.at(quiz, "id", f"the quiz id '{quiz.id}' must be the file's name '{path.stem}'")
    if not quiz.questions:
        ctx.at(quiz, "questions", "a quiz needs at least one question")
    check_duplicates(ctx, quiz.questions, "question")
    for q in quiz.questions:
        _check_question(ctx, q, withheld=quiz.answer_keys == "withheld",
                        models_withheld=quiz.model_answers == "withheld")


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
    loaded: list[Quiz] = []
    for qid in quiz_ids(root):
        n += 1
        try:
            loaded.append(load_quiz(quizzes_dir(root) / f"{qid}.yaml"))
        except ContentError as e:
            # A problem in a quiz that another one includes comes back with the including quiz: say it once.
            ctx.problems.extend(p for p in dict.fromkeys(e.problems) if p not in ctx.problems)
    _check_save_with(ctx, root, loaded)
    return n


def _check_save_with(ctx: ParseContext, root: Path, quizzes: list[Quiz]) -> None:
    """A quiz's ``save_with`` names a quiz or writing set that keeps its own answers (so answers reach one box)."""
    keepers: dict[str, str] | None = {q.id: "quiz" for q in quizzes if q.save_with is None}
    others = {q.id for q in quizzes if q.save_with is not None}
    if writing_path(root).exists():
        try:
            for s in load_writing(root).sets:
                if s.save_with == "own":
                    keepers.setdefault(s.id, "writing set")
                else:
                    others.add(s.id)
        except ContentError:
            keepers = None  # the writing kind reports it; which sets keep their answers is not known
    for q in quizzes:
        if q.save_with is None:
            continue
        if q.save_with == q.id:
            ctx.at(q, "save_with", "a quiz cannot save with itself: leave save_with out to give it its own box")
        elif q.save_with in others:
            ctx.at(q, "save_with", f"'{q.save_with}' does not keep its own answers (it saves with another view): "
                                   "name the quiz or writing set whose box keeps the notebook's answers")
        else:
            check_refs(ctx, q, "save_with", q.save_with, keepers, "quiz or writing set",
                       "data/quizzes (a quiz without save_with) or data/writing.yaml (a set with save_with: own)")


QUIZZES = ContentKind("quizzes", "quizzes", "quizzes/*.yaml", (Quiz,), check_quizzes, load_quiz,
                     translated=(("quizzes/*.yaml", Quiz),), after=("writing",))
