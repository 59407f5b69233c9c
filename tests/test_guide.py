"""The guide about teaching (issue 22): its plans, notes and rubric are generated from the data and current; every
prompt it names is a prompt students see, in either language, and every prompt students see has notes."""

from __future__ import annotations

import re

import pytest

from kit.activities import notebook_activities
from kit.content.language import speaking
from kit.content.lessons import load_lessons
from kit.instructor.guide import BLOCK, GUIDES, out_of_date

GUIDE_IDS = [g.lang for g in GUIDES]


def test_the_guides_are_what_the_data_gives():
    assert out_of_date() == [], "run `python -m kit guide` (or `make guide`) and commit the guides"


def _seen(lang: str, questions: bool = False) -> dict[str, object]:
    """Every prompt students see in the notebooks, in ``lang``, by its words (with ``questions``: the questions the
    notebooks' headers ask too, in lower case)."""
    seen = {}
    with speaking(lang):
        for lesson in load_lessons().notebooks:
            if questions:
                seen.update({" ".join(q.split()).casefold(): q for q in lesson.questions})
            for a in notebook_activities(lesson.id):
                for p in a.prompts:
                    seen[" ".join(p.text.split())] = p
    return seen


@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_every_prompt_the_guide_names_is_one_students_see(guide):
    text = guide.path.read_text(encoding="utf-8")
    seen = _seen(guide.lang)
    asked = _seen(guide.lang, questions=True)
    quoted = [" ".join(line[2:].split()) for line in text.splitlines() if line.startswith("> ")]
    bold_questions = [" ".join(q.split()) for q in re.findall(r"\*\*([^*]{20,}\?)\*\*", text)]
    assert quoted, "the guide quotes no prompt"
    unseen = [q for q in quoted if q not in seen] + [q for q in bold_questions
                                                     if q not in seen and q.casefold() not in asked]
    assert unseen == [], f"{guide.path.name} names prompts no notebook shows: {unseen}"
    generated = {m["name"] for m in BLOCK.finditer(text)}
    assert generated == {"plans", "notebooks", "rubric"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_prompt_students_see_has_notes_and_is_in_the_guide(lang):
    guide = next(g for g in GUIDES if g.lang == lang).path.read_text(encoding="utf-8")
    seen = _seen(lang)
    assert len(seen) >= 12
    without = [p.ref for p in seen.values() if p.notes is None or not p.notes.good_answer]
    assert without == [], f"prompts without facilitation notes: {without}"
    flat = " ".join(guide.split())  # the guide keeps French no-break spaces; the prompts are compared word for word
    missing = [t for t in seen if t not in flat]
    assert missing == []


def _without_notes(lang: str) -> list[str]:
    """Every activity of every notebook that shows an instructor no notes in ``lang``: one that takes notes of its
    own (a quiz, the claim checker, a checklist) and has none, and every prompt students read without notes, each
    named by its notebook and cell."""
    without = []
    with speaking(lang):
        for lesson in load_lessons().notebooks:
            for a in notebook_activities(lesson.id):
                where = f"notebook {a.notebook}, cell {a.cell}"
                if a.has_own_notes and (a.notes is None or not a.notes.good_answer):
                    without.append(f"{where} ({a.what})")
                without += [f"{where}, prompt {p.ref}" for p in a.prompts if p.notes is None or not p.notes.good_answer]
    return without


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_activity_and_prompt_of_every_notebook_has_notes(lang):
    without = _without_notes(lang)
    assert without == [], f"no facilitation notes ({lang}), so the guide says there are none: {without}"


def test_the_french_guide_gives_the_notes_in_french():
    """The French instructor reads French notes: none falls back to the English text."""
    def notes(lang):
        with speaking(lang):
            return {(a.notebook, a.cell): a.notes for lesson in load_lessons().notebooks
                    for a in notebook_activities(lesson.id) if a.notes is not None}

    en, fr = notes("en"), notes("fr")
    assert en.keys() == fr.keys() and len(en) >= 20
    english = [f"notebook {nb}, cell {cell}: {field}" for (nb, cell), n in en.items()
               for field in ("good_answer", "push", "format")
               if getattr(n, field) and getattr(n, field) == getattr(fr[nb, cell], field)]
    english += [f"notebook {nb}, cell {cell}: misconceptions" for (nb, cell), n in en.items()
                if set(n.misconceptions) & set(fr[nb, cell].misconceptions)]
    assert english == [], f"facilitation notes left in English in the French edition: {english}"


def test_operations_moved_out_of_the_guides_unchanged():
    from kit.instructor.guide import ROOT

    for guide, ops in (("instructor_guide.md", "operations.md"), ("guide_enseignant.md", "exploitation.md")):
        g = (ROOT / "docs" / guide).read_text(encoding="utf-8")
        o = (ROOT / "docs" / ops).read_text(encoding="utf-8")
        assert f"]({ops})" in g
        for moved in ("install -d -m 3733", "make bench-class", "KIT_DATA", "nbgitpuller", "--without-answer-keys"):
            assert moved in o, (ops, moved)
        assert "install -d -m 3733" not in g and "singleuser.memory.guarantee" not in g
