"""What every type of quiz question has: :class:`QuestionType`, the rules one type follows, and :class:`Grade`.

A question type is one subclass of :class:`QuestionType` (its rules, no widgets) and one input view
(:class:`kit.ui.questions.base.InputView`, named by ``view``), listed once in :data:`kit.questions.TYPES`. Everything
else asks the type: the quiz schema (which words ``type:`` accepts, the fields a type adds, the cross-checks
``kit check`` makes), grading and feedback (:mod:`kit.quiz`), saving and restoring an answer (:mod:`kit.progress`),
the static form and the answer in words (:mod:`kit.ui.quiz`), ``kit results`` and the class view
(:mod:`kit.instructor`).

A type's methods take the question (a :class:`kit.content.quiz.Question`) and a *response*: what the type's input
view reads from its controls and what the answers file keeps (an option id, a list of ids, true/false, a number or
its text, free text, a mapping of ids).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..content.schema import ParseContext
from ..i18n import t

if TYPE_CHECKING:  # the quiz schema imports this package to learn the types: no import back at run time
    from ..content.quiz import Question

__all__ = ["MAX_TEXT", "AnswerWords", "Grade", "QuestionType", "TypeField", "expected_option_ids", "ids_of", "number",
           "option_feedback", "option_text", "typed_number", "yes_no"]

#: The longest text a saved response may hold (a reflection of a few pages is far shorter).
MAX_TEXT = 100_000


@dataclass(frozen=True)
class Grade:
    """The result of checking one answer."""

    score: float | None  # None when not graded: a reflection, or a question whose key was withheld
    correct: bool  # fully right (always False when not graded)
    feedback: tuple[str, ...] = ()  # per-option feedback for the options the student picked
    answered: bool = True


@dataclass(frozen=True)
class TypeField:
    """A field a question type adds to the question schema: its type hint, its ``doc(...)`` field, and what
    ``kit check`` says when a question of another type gives it (``{type}``: that question's type)."""

    hint: Any
    field: dataclasses.Field
    elsewhere: str


@dataclass(frozen=True)
class AnswerWords:
    """The right answer as a reader reads it: one line, or several (a list; ``ordered`` when the order matters)."""

    lines: tuple[str, ...]
    ordered: bool = False


def number(value: Any) -> float | None:
    """A response read as a finite number (a float or text like "2.5"); None for anything else, true/false too."""
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an integer too large for a float
        return None
    return x if math.isfinite(x) else None


def typed_number(text: str) -> str | None:
    """What a student typed in a number box, as the answer to check: a decimal comma read as a point ("2,5"), a
    percent sign at the end left out ("40 %"); None when nothing is left."""
    cleaned = text.strip().replace(",", ".").rstrip("%").strip()
    return cleaned or None


def option_text(question: Question, option_id: Any) -> str:
    """An option's text, or the id itself when the question no longer has it (an edited quiz, an old answer)."""
    return next((o.text for o in question.options if o.id == option_id), str(option_id))


def option_feedback(question: Question, picked: Iterable[Any]) -> tuple[str, ...]:
    """The feedback of each option picked that has some (ids the question does not have are skipped)."""
    by_id = {o.id: o.feedback for o in question.options}
    return tuple(by_id[p] for p in picked if isinstance(p, str) and by_id.get(p))


def ids_of(answer: Any) -> tuple[str, ...]:
    """An answer written as one id or a list of ids, as a tuple."""
    return (answer,) if isinstance(answer, str) else tuple(answer)


class QuestionType:
    """The rules of one type of question. A subclass sets ``name`` and overrides what its type does differently.

    Class attributes (read by the schema, the views and ``kit check``):

    * ``name``: the word a quiz file gives in ``type:``; ``summary``: what a student does, for the schema's doc;
    * ``answer_doc``: how the right answer is written in ``answer:`` (None: the type has no answer key);
    * ``has_options``: whether the question lists ``options`` (then at least two);
    * ``fields``: the fields this type adds to a question, ``{name: TypeField(type hint, doc(...), message)}``;
      a question of another type that gives one is a ``kit check`` problem ("only a numeric question has …");
    * ``graded``: False for a type that is recorded, never scored (a reflection);
    * ``view``: its input view, ``"<module>.<Class>"`` under :mod:`kit.ui.questions`.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    answer_doc: ClassVar[str | None] = None
    has_options: ClassVar[bool] = False
    fields: ClassVar[dict[str, TypeField]] = {}
    graded: ClassVar[bool] = True
    view: ClassVar[str]

    # ------------------------------------------------------------------------------------ the content (kit check)
    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        """Cross-check a question's answer key (present: a graded question's key that was not withheld)."""

    def check(self, ctx: ParseContext, question: Question, withheld: bool = False) -> None:
        """Cross-checks of this type beyond the answer key (the fields it adds); ``withheld``: the quiz is a student
        copy without answer keys. Nothing by default."""

    def number_answer(self, question: Question) -> float | None:
        """The answer as a number, for a type whose answer is one (``kit check`` compares it with a research
        figure the question names); None otherwise."""
        return None

    # ------------------------------------------------------------------------------------ answering and grading
    def is_answered(self, question: Question, response: Any) -> bool:
        """Whether a response counts as an answer at all (an empty selection or blank text does not)."""
        return response is not None

    def problem(self, question: Question, response: Any) -> str | None:
        """Why a response cannot be checked yet, as a key of the UI strings' ``quiz`` section, or None when it can:
        ``blank`` (nothing given) by default; a type may add its own (``not_a_number``, ``incomplete`` …)."""
        return None if self.is_answered(question, response) else "blank"

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        """(score in [0, 1], fully right) of an answered response against the question's key."""
        raise NotImplementedError

    def picked(self, question: Question, response: Any) -> Iterable[Any]:
        """The options a response picked, whose per-option feedback is shown. None by default."""
        return ()

    def grade(self, question: Question, response: Any) -> Grade:
        """Check ``response``: not graded (recorded) without a key, 0 when unanswered, else the type's score."""
        if not self.graded or question.answer is None:
            return Grade(None, False, (), self.is_answered(question, response))
        if not self.is_answered(question, response):
            return Grade(0.0, False, (), False)
        score, ok = self.score(question, response)
        return Grade(min(1.0, max(0.0, score)), ok, option_feedback(question, self.picked(question, response)))

    def arrange(self, question: Question, options: list) -> list:
        """The options after a seeded shuffle, for a type that must not show them in some order. As shuffled."""
        return options

    def right_response(self, question: Question) -> Any:
        """The response that is the right answer (what a student would give), or None without a key."""
        return question.answer

    # ------------------------------------------------------------------------------------ saving and restoring
    def unusable(self, question: Question, response: Any) -> str | None:
        """Why a saved response (not None) cannot be put back into this question as it is now; None if it can."""
        ok = isinstance(response, str) and len(response) <= MAX_TEXT
        return None if ok else "expected an option id"

    def restored(self, question: Question, response: Any) -> Any:
        """A saved response as the input view can put it back."""
        return response

    # ------------------------------------------------------------------------------------ in words
    def response_words(self, question: Question, response: Any) -> str:
        """A student's response in words (the class view, the instructor's summaries)."""
        return option_text(question, response) if isinstance(response, str) else str(response)

    def answer_words(self, question: Question) -> AnswerWords | None:
        """The right answer in words, for the static form and the reading edition (None: no key)."""
        if question.answer is None:
            return None
        return AnswerWords((self.response_words(question, self.right_response(question)),))


def expected_option_ids(question: Question) -> str:
    """The option ids of a question, quoted, for a message."""
    return ", ".join(repr(o.id) for o in question.options)


def yes_no(value: bool) -> str:
    """True or False in the current language."""
    return t("quiz.answer_true" if value else "quiz.answer_false")
