"""The teaching kit on consent for AI training data: content, logic and views for the notebooks.

Notebook cells call the functions below, for example ``kit.show_case_timeline("slack-2024")``. Each loads the
content it needs and hands it to a view in :mod:`kit.ui`. Importing ``kit`` is cheap: widgets, pandas and
matplotlib load only when a view needs them (the imports inside the functions below are those views).
"""

from __future__ import annotations

from pathlib import Path

from .audit import ANSWERS_ID, example_audit
from .cases import case_rows, drafts, load_cases
from .checks import check_all
from .claims import items as claim_items
from .classroom import class_dir
from .content import BadArgument, ContentError, NotFound, case_ids, load_case
from .content.audit import STEPS, case_titles, load_audit
from .content.claims import load_claims
from .content.glossary import load_glossary
from .content.law import load_checklist, load_law
from .content.lessons import load_lessons
from .content.quiz import load_quiz, quiz_ids
from .content.regimes import load_regimes
from .content.research import load_research, load_simulation
from .content.vocabulary import load_vocabulary_file
from .content.writing import load_writing, prompt_texts
from .glossary import entries as glossary_entries
from .i18n import set_language, t
from .law import select_texts
from .lessons import lesson_estimate
from .quiz import citations
from .ui import friendly
from .ui.args import pick, pick_case, pick_ids, seed_value
from .vocabulary import load_vocabulary

__all__ = [
    "BadArgument",
    "ContentError",
    "NotFound",
    "case_ids",
    "check_all",
    "load_case",
    "quiz_ids",
    "set_language",
    "t",
    "show_audit",
    "show_audit_rubric",
    "show_case_plots",
    "show_case_summary",
    "show_case_timeline",
    "show_cases_table",
    "show_checklist",
    "show_class_results",
    "show_claim_checker",
    "show_coding",
    "show_default_effects",
    "show_glossary",
    "show_key_points",
    "show_law",
    "show_lesson",
    "show_opt_out",
    "show_questions",
    "show_quiz",
    "show_regimes",
    "show_simulation",
    "show_status_key",
    "show_timeline_plot",
    "show_unit_summary",
    "show_version_comparer",
    "show_vocabulary",
    "show_writing",
]

__version__ = "0.1.0"

@friendly
def show_case_timeline(case_id: str = "slack-2024"):
    """The interactive timeline of a case: pick an event or step through them."""
    case_id = pick_case(case_id)
    from .ui.timeline import TimelineView

    return TimelineView(load_case(case_id))


@friendly
def show_timeline_plot(case_id: str = "slack-2024"):
    """The case's events on a time axis, with alt text and a caption."""
    case_id = pick_case(case_id)
    from .ui.timeline import timeline_plot_view

    return timeline_plot_view(load_case(case_id))


@friendly
def show_opt_out(case_id: str = "slack-2024", role: str | None = None):
    """Who could opt out and how, from the point of view of the role you pick."""
    case_id = pick_case(case_id)
    from .ui.optout import OptOutView

    case = load_case(case_id)
    if role is not None:
        pick(role, [a.id for a in case.meta.actors], "role", "role")
    return OptOutView(case, role)


@friendly
def show_case_summary(case_id: str = "slack-2024"):
    """The case in a few sentences, with its period."""
    case_id = pick_case(case_id)
    from .ui.case import summary_view

    return summary_view(load_case(case_id))


@friendly
def show_questions(case_id: str = "slack-2024"):
    """Questions for students to think about, from the case's data."""
    case_id = pick_case(case_id)
    from .ui.case import questions_view

    return questions_view(load_case(case_id))


@friendly
def show_status_key():
    """What the four verification labels mean."""
    from .ui.case import status_key_view

    return status_key_view()


@friendly
def show_default_effects():
    """The published figures on defaults (organ donation, 401(k), cookie banners, a replication), with sources."""
    from .ui.research import DefaultEffectsView

    return DefaultEffectsView(load_research())


@friendly
def show_simulation(preset: str | None = None):
    """The opt-in / opt-out simulation with sliders; ``preset`` is an id from data/research/simulation.yaml."""
    from .ui.research import SimulationView

    sim = load_simulation()
    if preset is not None:
        pick(preset, [p.id for p in sim.presets], "simulation preset", "preset")
    return SimulationView(sim, preset)


@friendly
def show_quiz(quiz_id: str, seed: int = 0):
    """A quiz from data/quizzes: feedback, hints, a score, and opt-in saving or download of your answers."""
    from .ui.quiz import QuizView

    pick(quiz_id, quiz_ids(), "quiz", "quiz_id")
    quiz = load_quiz(quiz_id)
    research = load_research() if any(q.figures for q in quiz.questions) else None
    return QuizView(quiz, seed=seed_value(seed), citations=citations(quiz, research, load_case),
                    kept_with=_keeper_title(quiz.save_with))


def _keeper_title(view_id: str | None) -> str | None:
    """The title of the quiz or writing set whose box keeps a quiz's answers (``save_with``), as students see it."""
    if view_id is None:
        return None
    if view_id in quiz_ids():
        return load_quiz(view_id).title
    return next((s.title for s in load_writing().sets if s.id == view_id), view_id)


@friendly
def show_writing(set_id: str):
    """Text boxes for a notebook's "write a few sentences" prompts (data/writing.yaml), handed in with the answers,
    each with "Compare with a model answer"."""
    from .ui.writing import WritingView

    wf = load_writing()
    known = [s.id for s in wf.sets]
    pick(set_id, known, "writing set", "set_id")
    wset = next(s for s in wf.sets if s.id == set_id)
    return WritingView(wset, prompt_texts(wset))


@friendly
def show_version_comparer(case_id: str = "slack-2024", document: str | None = None):
    """Two versions of a policy document side by side or inline, word by word, with a summary of what changed."""
    case_id = pick_case(case_id)
    from .ui.diff import CompareView

    case = load_case(case_id)
    if document is not None:
        pick(document, [d.id for d in case.documents], "document", "document")
    return CompareView(case, document)


@friendly
def show_vocabulary(case_id: str = "slack-2024"):
    """The consent vocabulary marked in the case's policy versions and public statements, with counts."""
    case_id = pick_case(case_id)
    from .ui.vocabulary import VocabView

    return VocabView(load_case(case_id), load_vocabulary())


@friendly
def show_claim_checker(case_id: str = "slack-2024"):
    """For each public statement: supported, contradicted or not addressed by the policy, and the evidence."""
    case_id = pick_case(case_id)
    from .ui.claims import ClaimView

    case = load_case(case_id)
    return ClaimView(case, claim_items(case, load_vocabulary()))


@friendly
def show_coding():
    """Notebook 05's task: code cases on named dimensions, then compare with the kit's coding, read from the data."""
    from .ui.coding import CodingView

    cases = {c.meta.id: c for c in load_cases()}
    return CodingView(case_rows(list(cases.values())), cases)


@friendly
def show_law(ids=None):
    """The legal texts (all, or those whose ids you give): exact words, plain-language explanation, source, status."""
    from .ui.law import law_view

    law = load_law()
    return law_view(select_texts(law, pick_ids(ids, law, "legal text", "ids")))


@friendly
def show_glossary():
    """The glossary: the words of data protection the kit uses, each with its definition, the law and its sources."""
    from .ui.glossary import glossary_view

    return glossary_view(glossary_entries(load_glossary(), load_vocabulary_file(), load_law()))


def _lesson(lesson_id: str):
    lessons = load_lessons()
    pick(lesson_id, [n.id for n in lessons.notebooks], "notebook", "lesson_id")
    return lessons.lesson(lesson_id)


@friendly
def show_lesson(lesson_id: str):
    """A notebook's header: the questions it answers, what you will be able to do, and its estimated time."""
    from .ui.lessons import header_view

    lesson = _lesson(lesson_id)
    return header_view(lesson, lesson_estimate(lesson_id))


@friendly
def show_key_points(lesson_id: str):
    """A notebook's key points: what to remember."""
    from .ui.lessons import key_points_view

    return key_points_view(_lesson(lesson_id))


@friendly
def show_unit_summary():
    """The end-of-unit summary: what to take away from the whole unit, on one page."""
    from .ui.lessons import unit_summary_view

    return unit_summary_view(load_lessons().summary)


@friendly
def show_checklist(case_id: str = "slack-2024"):
    """Assess a company's mechanism against the conditions for consent, then compare with the model assessment."""
    from .ui.law import ChecklistView

    checklist = load_checklist()
    pick(case_id, [a.case for a in checklist.assessments] + [a.id for a in checklist.assessments],
         "model assessment", "case_id")
    return ChecklistView(checklist, {a.case: load_case(a.case) for a in checklist.assessments}, case_id)


@friendly
def show_regimes(content: str | None = None):
    """One kind of content (public posts, workplace messages, a photographer's images) under three regimes side by
    side: GDPR consent, GDPR legitimate interest with a right to object, and the copyright mining exception with its
    opt-out. ``content`` is an id from data/regimes.yaml."""
    from .ui.regimes import RegimesView

    regimes = load_regimes()
    if content is not None:
        pick(content, [c.id for c in regimes.contents], "kind of content", "content")
    titles = {e.case: load_case(e.case).meta.title for c in regimes.contents for e in c.examples if e.case}
    return RegimesView(regimes, load_law(), titles, content)


@friendly
def show_cases_table():
    """Every case side by side, with filters by year, default, mechanism and region."""
    from .ui.cases import CasesView

    return CasesView(case_rows(), drafts=drafts())  # rows: notebook 05 needs no pandas; drafts named, left out


@friendly
def show_case_plots():
    """The cases on a timeline, defaults by year and steps to opt out, with the same filters."""
    from .ui.cases import CasesView

    return CasesView(case_rows(), plots=True, drafts=drafts())


def _audit_cases(content, checklist) -> dict[str, str]:
    """The titles of the cases the audit's suggestions name and the checklist assesses."""
    return case_titles([*(c for s in content.services for c in s.cases), *(a.case for a in checklist.assessments)])


@friendly
def show_audit(step: str):
    """A step of the audit (notebook 07): paste, reading, claims, checklist, redesign or report. What you enter is
    kept with your answers as you enter it (tick "Save my answers" in the first step)."""
    from .ui.audit import audit_view

    pick(step, STEPS, "audit step", "step")
    content, checklist = load_audit(), load_checklist()
    return audit_view(step, content, checklist, load_vocabulary(), _audit_cases(content, checklist),
                      example=_audit_example(content, checklist))


def _audit_example(content, checklist):
    """The worked example of data/audit.yaml as an audit (its case's texts, claim items and checklist verdicts)."""
    case = load_case(content.example.case)
    return example_audit(content, case, {c.id: c for c in load_claims(case)}, checklist)


@friendly
def show_audit_rubric():
    """Score your own audit against the rubric, then see a worked example audit of a case the kit ships."""
    from .ui.audit import RubricView

    content, checklist = load_audit(), load_checklist()
    return RubricView(content, checklist, _audit_example(content, checklist))


@friendly
def show_class_results(folder=None, quiz: str = "final"):
    """For instructors: what the class shared (the class folder, or a folder of downloaded answer files); with
    ``quiz="audit"``, the audits handed in, each scored against the rubric, and the grade sheet."""
    from .ui.class_results import ClassView

    pick(quiz, [*quiz_ids(), ANSWERS_ID], "quiz", "quiz")
    if folder is not None and not isinstance(folder, (str, Path)):
        raise BadArgument(f"folder should be the path of a folder, as text, got {type(folder).__name__}")
    folder = Path(folder) if folder else class_dir()
    if folder is None or not folder.is_dir():
        raise BadArgument(t("classview.no_folder") if folder is None else f"{folder} is not a folder")
    if quiz == ANSWERS_ID:
        from .ui.grades import AuditsView

        return AuditsView(folder, load_audit(), load_checklist())
    return ClassView(folder, quiz)
