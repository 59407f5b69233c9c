"""Writing prompts (``data/writing.yaml``): the places in the notebooks where a student writes a few sentences,
each shown with a text box by ``kit.show_writing(<id>)``, and everything the kit knows about each prompt.

A prompt is a record: its ``text``, the learning ``objectives`` it assesses (ids from ``data/lessons.yaml``) and
its ``level`` (Bloom), a ``model_answer`` and ``discussion`` points a student sees after pressing "Compare with a
model answer", and ``facilitation`` notes for instructors (what a good answer contains, misconceptions, a question
to push, how to run it, minutes), which no student view shows. ``kit release --without-model-answers`` removes the
model answers, discussion points and facilitation notes from a student copy (the file then says
``model_answers: withheld``).

A set's prompts are written in the file, or take their words from a case's ``questions`` (``case:``), so a question
is written once: the set's prompts then give no ``text``, one record per question, in the case's order.
``save_with``: ``quiz`` (saved and downloaded with the answers of the quiz in the same notebook) or ``own`` (the
notebook's one "Keep your answers" box sits under the set; a quiz of the notebook may save with it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_by_loading, check_duplicates, data_root, load_file, load_one_file
from .cases import case_ids, load_case
from .errors import ContentError
from .facilitation import Facilitation
from .schema import LEVELS, Id, Level, Line, ParseContext, Record, Text, doc

__all__ = ["WRITING", "Facilitation", "WritingFile", "WritingPrompt", "WritingSet", "check_writing", "load_writing",
           "prompt_texts", "writing_path"]


@dataclass(frozen=True, kw_only=True)
class WritingPrompt(Record):
    entry_name = "prompt"
    id: Id = doc("a short id for the prompt, unique in its set (the guide and the lesson plans name it)")
    text: Text | None = doc("the prompt as students read it (left out in a set that takes its prompts from a case)",
                            None, translate=True)
    objectives: tuple[Id, ...] = doc("the ids of the learning objectives (data/lessons.yaml) the prompt assesses", ())
    level: Level | None = doc("what the prompt asks a student to do, on Bloom's scale: " + ", ".join(LEVELS), None)
    model_answer: Text | None = doc(
        "a model answer in the kit's own words, shown beside the student's text after 'Compare with a model answer' "
        "(required, unless withheld from a student copy)", None, translate=True, model_answer=True)
    discussion: tuple[Text, ...] = doc("points for discussion, shown with the model answer", (), translate=True,
                                       model_answer=True)
    facilitation: Facilitation | None = doc("notes for instructors (never shown to students)", None,
                                            model_answer=True)


@dataclass(frozen=True, kw_only=True)
class WritingSet(Record):
    entry_name = "writing set"
    id: Id = doc("a short id, used in kit.show_writing('<id>') and in the answers file")
    title: Line = doc("the heading above the boxes", translate=True)
    case: Id | None = doc("take the prompts' words from this case's 'questions' (cases/<id>/case.yaml)", None)
    prompts: tuple[WritingPrompt, ...] = doc("the prompts, each answered in its own box", nonempty=True)
    save_with: Literal["quiz", "own"] = doc(
        "quiz: saved and downloaded with the quiz of the same notebook; own: the notebook's 'Keep your answers' box "
        "is under this set", "quiz")


@dataclass(frozen=True, kw_only=True)
class WritingFile(Record):
    entry_name = "writing file"
    sets: tuple[WritingSet, ...] = doc("the writing sets", nonempty=True)
    model_answers: Literal["included", "withheld"] = doc(
        "included, or withheld in a student copy made by 'kit release --without-model-answers': the prompts then "
        "have no model answers, discussion points or facilitation notes", "included")


def writing_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "writing.yaml"


def prompt_texts(wset: WritingSet, root: Path | None = None) -> tuple[str, ...]:
    """The words of each prompt of a set, as students read them (from the case's questions for a set with 'case')."""
    if wset.case is None:
        return tuple(p.text or "" for p in wset.prompts)
    questions = load_case((Path(root) if root else data_root()) / "cases" / wset.case).meta.questions
    return tuple(questions[i] if i < len(questions) else "" for i in range(len(wset.prompts)))


def _parse(path: Path, root: Path, ctx: ParseContext) -> WritingFile | None:
    parsed = load_file(path, WritingFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.sets, "writing set")
    known = case_ids(root)
    withheld = parsed.model_answers == "withheld"
    for s in parsed.sets:
        check_duplicates(ctx, s.prompts, "prompt")
        for p in s.prompts:
            if s.case is None and p.text is None:
                ctx.at(p, "text", "missing: write the prompt as students read it (or give the set a 'case' whose "
                                  "questions it takes)")
            elif s.case is not None and p.text is not None:
                ctx.at(p, "text", f"the set takes its prompts' words from the case '{s.case}': leave 'text' out, "
                                  "so the question is written once")
            if p.model_answer is None and not withheld:
                ctx.at(p, "model_answer", "missing: every prompt needs a model answer, shown after 'Compare with a "
                                          "model answer'")
        if s.case is None:
            continue
        if s.case not in known:
            ctx.at(s, "case", f"unknown case '{s.case}': expected one of {', '.join(known)}")
            continue
        try:
            questions = load_case(root / "cases" / s.case).meta.questions
        except ContentError:
            continue  # the cases check reports it
        if not questions:
            ctx.at(s, "case", f"the case '{s.case}' has no questions to write about")
        elif len(questions) != len(s.prompts):
            ctx.at(s, "prompts", f"the case '{s.case}' has {len(questions)} questions: give one prompt record for "
                                 f"each, in its order (got {len(s.prompts)})")
    return parsed


def load_writing(root: Path | None = None) -> WritingFile:
    """The writing prompts, checked (cached until the file changes)."""
    root = Path(root) if root else data_root()
    path = writing_path(root)
    return load_one_file(path, "the writing prompts", lambda ctx: _parse(path, root, ctx))


def check_writing(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the writing prompts (number of sets)."""
    if not writing_path(root).exists():
        return 0
    return check_by_loading(ctx, lambda: load_writing(root), lambda w: len(w.sets))


WRITING = ContentKind("writing", "writing sets", "writing.yaml", (WritingFile,), check_writing, load_writing,
                      translated=(("writing.yaml", WritingFile),), after=("cases",))
