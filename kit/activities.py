"""What students do in each notebook, as the instructor needs it: each activity a notebook shows (a writing set, a
quiz, the claim checker, a checklist), in the notebook's order, with the prompts students read and the facilitation
notes behind them. The guide's per-notebook sections, the slides' prompts and the handouts' prompts are made from
this, so they are the notebooks' prompts, word for word, in the current language.

Pure: it reads the notebook files and the content, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .content.cases import load_case
from .content.claims import load_claims
from .content.errors import ContentError
from .content.facilitation import Facilitation
from .content.law import load_checklist
from .content.lessons import notebook_cells, notebook_file, notebooks_dir
from .content.quiz import load_quiz
from .content.writing import load_writing, prompt_texts
from .i18n import t
from .timing import HIDDEN_TAGS, calls

__all__ = ["ACTIVITY_VIEWS", "Activity", "AskedPrompt", "notebook_activities", "notebook_title"]

#: The kit views that are activities with notes behind them.
ACTIVITY_VIEWS = ("show_writing", "show_quiz", "show_claim_checker", "show_checklist")


@dataclass(frozen=True)
class AskedPrompt:
    """A prompt as students read it, with its notes, its reference ('<set>/<prompt>') and its model answer."""

    ref: str
    text: str
    notes: Facilitation | None
    model_answer: str | None = None


@dataclass(frozen=True)
class Activity:
    """One activity of a notebook: the cell that shows it, its kind (the view's name), what it is in words, its
    prompts (a writing set's, a quiz's reflections) and its own notes (a quiz, the claim checker, a checklist)."""

    notebook: str
    cell: str
    kind: str
    what: str
    prompts: tuple[AskedPrompt, ...]
    notes: Facilitation | None
    has_own_notes: bool  # whether the activity itself takes notes (not a writing set: its prompts do)


def notebook_title(path: Path) -> str:
    """A notebook's title as students read it: its first markdown heading, without the '#'."""
    for cell in notebook_cells(path):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source")
            text = "".join(source) if isinstance(source, list) else str(source or "")
            for line in text.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def _visible_calls(path: Path) -> Iterator[tuple[str, object]]:
    for i, cell in enumerate(notebook_cells(path)):
        tags = set((cell.get("metadata") or {}).get("tags") or ())
        if cell.get("cell_type") != "code" or tags & HIDDEN_TAGS:
            continue
        source = cell.get("source")
        text = "".join(source) if isinstance(source, list) else str(source or "")
        for c in calls(text):
            if c.name in ACTIVITY_VIEWS:
                yield str(cell.get("id") or f"cell {i + 1}"), c


def _activity(notebook: str, cell: str, call, root: Path | None) -> Activity | None:
    arg = call.args[0] if call.args else call.kwargs.get("case_id") or "slack-2024"
    if call.name == "show_writing":
        wset = next((s for s in load_writing(root).sets if s.id == arg), None)
        if wset is None:
            return None
        prompts = tuple(AskedPrompt(f"{wset.id}/{p.id}", text, p.facilitation, p.model_answer)
                        for p, text in zip(wset.prompts, prompt_texts(wset, root), strict=True))
        return Activity(notebook, cell, call.name, t("teach.what_writing", title=wset.title), prompts, None, False)
    if call.name == "show_quiz":
        quiz = load_quiz(arg)
        reflections = tuple(AskedPrompt(f"{quiz.id}/{q.id}", q.text, q.facilitation, q.model_answer)
                            for q in quiz.questions if q.type == "reflection")
        return Activity(notebook, cell, call.name, t("teach.what_quiz", title=quiz.title, n=len(quiz.questions)),
                        reflections, quiz.facilitation, True)
    if call.name == "show_claim_checker":
        case = load_case(arg)
        claims = load_claims(case)
        return Activity(notebook, cell, call.name, t("teach.what_claims", n=len(claims), company=case.company), (),
                        case.claims_notes, True)
    if call.name == "show_checklist":
        a = load_checklist(root).assessment(arg)
        title = t("checklist.title_" + a.basis, company=load_case(a.case).company)
        return Activity(notebook, cell, call.name, t("teach.what_checklist", title=title), (), a.facilitation, True)
    return None


def notebook_activities(lesson_id: str, root: Path | None = None) -> list[Activity]:
    """The activities of a notebook (the English file: the French twin makes the same calls in the same cells), in
    its order, in the current language. A view whose content does not load is left out: kit check names it."""
    path = notebook_file(lesson_id, notebooks_dir(root))
    if path is None:
        return []
    out = []
    for cell, call in _visible_calls(path):
        try:
            found = _activity(lesson_id, cell, call, root)
        except (ContentError, KeyError, LookupError):
            continue
        if found is not None:
            out.append(found)
    return out
