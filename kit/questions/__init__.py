"""The question-type table: every type of quiz question, each one class, listed once in :data:`TYPES`.

**Adding a type** is one logic class, one view class and one line here:

1. ``kit/questions/<type>.py``: a subclass of :class:`~kit.questions.base.QuestionType` with its ``name`` (the word
   a quiz file gives in ``type:``), the fields it adds to a question (``fields``), its ``kit check`` cross-checks,
   whether a response is an answer and why it cannot be checked, its score, the shape of a saved response and its
   validation, and the answer in words;
2. ``kit/ui/questions/<type>.py``: a subclass of :class:`kit.ui.questions.base.InputView` (make the controls,
   read, set and reset the response, the static form), named by the logic class's ``view``;
3. its line in :data:`TYPES` below (and its import).

The quiz schema takes its list of types and their fields from here; grading, feedback, saving, the static form,
``kit results``, the class view and release ask the type, so none of them changes. Words a student reads go in
``data/ui/<language>.yaml``.
"""

from __future__ import annotations

from typing import Any

from ..content.errors import NotFound
from .base import AnswerWords, Grade, QuestionType, TypeField
from .choice import Multiple, Single, TrueFalse
from .match_pairs import MatchPairs
from .numeric import Numeric
from .ordering import Ordering
from .reflection import Reflection

__all__ = ["TYPES", "AnswerWords", "Grade", "QuestionType", "TypeField", "names", "question_type"]

#: Every question type, in the order the schema's documentation lists them.
TYPES: tuple[QuestionType, ...] = (
    Single(),
    Multiple(),
    TrueFalse(),
    Numeric(),
    Ordering(),
    Reflection(),
    MatchPairs(),
)

_BY_NAME = {qt.name: qt for qt in TYPES}


def names() -> tuple[str, ...]:
    """The words a quiz file may give in ``type:``."""
    return tuple(_BY_NAME)


def question_type(question: Any) -> QuestionType:
    """The type of a question (or the type called so): its rules. NotFound for a type not in :data:`TYPES`."""
    name = question if isinstance(question, str) else question.type
    try:
        return _BY_NAME[name]
    except KeyError:
        raise NotFound(f"no question type '{name}' (there are: {', '.join(_BY_NAME)})") from None
