"""Writing prompts (``data/writing.yaml``): the places in the notebooks where a student writes a few sentences,
each shown with a text box by ``kit.show_writing(<id>)``.

A set's prompts are written in the file, or taken from a case's ``questions`` (``case:``), so a question is written
once. ``save_with``: ``quiz`` (saved and downloaded with the answers of the quiz in the same notebook) or ``own``
(a notebook without a quiz: the set has its own save box and download link).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_by_loading, check_duplicates, data_root, load_file, load_one_file
from .cases import case_ids, load_case
from .errors import ContentError
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["WRITING", "WritingFile", "WritingSet", "check_writing", "load_writing", "writing_path"]


@dataclass(frozen=True, kw_only=True)
class WritingSet(Record):
    entry_name = "writing set"
    id: Id = doc("a short id, used in kit.show_writing('<id>') and in the answers file")
    title: Line = doc("the heading above the boxes", translate=True)
    case: Id | None = doc("take the prompts from this case's 'questions' (cases/<id>/case.yaml)", None)
    prompts: tuple[Text, ...] = doc("the prompts, each answered in its own box (none when 'case' is given)", (),
                                    translate=True)
    save_with: Literal["quiz", "own"] = doc(
        "quiz: saved and downloaded with the quiz of the same notebook; own: a save box and download of its own",
        "quiz")


@dataclass(frozen=True, kw_only=True)
class WritingFile(Record):
    entry_name = "writing file"
    sets: tuple[WritingSet, ...] = doc("the writing sets", nonempty=True)


def writing_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "writing.yaml"


def _parse(path: Path, root: Path, ctx: ParseContext) -> WritingFile | None:
    parsed = load_file(path, WritingFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.sets, "writing set")
    known = case_ids(root)
    for s in parsed.sets:
        if s.case is None and not s.prompts:
            ctx.at(s, "prompts", "a writing set needs prompts, or a 'case' whose questions it takes")
        if s.case is not None:
            if s.prompts:
                ctx.at(s, "prompts", "give either 'prompts' or 'case', not both")
            if s.case not in known:
                ctx.at(s, "case", f"unknown case '{s.case}': expected one of {', '.join(known)}")
                continue
            try:
                if not load_case(root / "cases" / s.case).meta.questions:
                    ctx.at(s, "case", f"the case '{s.case}' has no questions to write about")
            except ContentError:
                pass  # the cases check reports it
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
