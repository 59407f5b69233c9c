"""Facilitation notes: what an instructor needs to run an activity, in one record every kind of activity uses (a
writing prompt, a quiz, a reflection, the claim checker, a checklist assessment, an activity of the lesson plans).

The notes are for instructors: no student view shows them. The guide's per-notebook sections are generated from them
(``python -m kit guide``), and ``kit release --without-model-answers`` removes them from a student copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Record, Text, doc

__all__ = ["Facilitation", "facilitation_doc"]


@dataclass(frozen=True, kw_only=True)
class Facilitation(Record):
    entry_name = "facilitation notes"
    good_answer: Text = doc("what a good answer contains", translate=True)
    misconceptions: tuple[Text, ...] = doc("what students often get wrong", (), translate=True)
    push: Text | None = doc("a question to push the discussion further", None, translate=True)
    format: Text | None = doc("how to run it in class (think-pair-share, debate, moot …)", None, translate=True)
    minutes: int | None = doc("minutes it takes in class, discussion included", None, bounds=(1, 120))


def facilitation_doc(what: str):
    """The field holding an activity's facilitation notes (withheld from a student copy with the model answers)."""
    return doc(f"notes for instructors on {what} (never shown to students): good_answer, misconceptions, push, "
               "format, minutes", None, model_answer=True)
