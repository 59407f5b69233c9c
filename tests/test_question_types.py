"""The question-type table (kit/questions, kit/ui/questions): one logic class and one input view per type, listed
once, and everything else asks the type."""

from __future__ import annotations

import typing

import pytest

from kit.content.quiz import Question, load_quiz
from kit.content.schema import type_hints
from kit.questions import TYPES, names, question_type
from kit.ui.questions.base import InputView, view_class


def test_the_schema_takes_its_types_and_their_fields_from_the_table():
    assert typing.get_args(type_hints(Question)["type"]) == names()
    fields = {f for qt in TYPES for f in qt.fields}
    assert fields <= set(type_hints(Question))


@pytest.mark.parametrize("qt", TYPES, ids=lambda qt: qt.name)
def test_every_type_names_an_input_view_that_exists(qt):
    cls = view_class(qt.name)
    assert issubclass(cls, InputView) and cls is not InputView


def test_an_unknown_type_is_a_message_naming_the_known_ones():
    with pytest.raises(KeyError) as info:
        question_type("matching")
    assert "no question type 'matching' (there are: single, multiple" in str(info.value)


def test_every_shipped_question_answered_right_through_its_input_view_scores_full_marks():
    from kit.quiz import grade, shuffled_options
    from kit.ui.questions.base import input_view

    for q in load_quiz("final").questions:
        view = input_view(q, shuffled_options(q))
        view.set_response(question_type(q).right_response(q))
        g = grade(q, view.response())
        assert g.answered and (g.correct if q.graded else g.score is None), q.id
