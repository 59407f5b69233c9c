"""The teaching kit on consent for AI training data: content, logic and views for the notebooks.

Notebook cells call the functions below, for example ``kit.show_case_timeline("slack-2024")``. Importing ``kit`` is
cheap: widgets, pandas and matplotlib load only when a view needs them.
"""

from __future__ import annotations

from .content import ContentError, case_ids, check_all, load_case
from .i18n import set_language, t
from .ui import friendly

__all__ = [
    "ContentError",
    "case_ids",
    "check_all",
    "load_case",
    "quiz_ids",
    "set_language",
    "t",
    "show_case_plots",
    "show_case_summary",
    "show_case_timeline",
    "show_cases_table",
    "show_checklist",
    "show_claim_checker",
    "show_default_effects",
    "show_law",
    "show_opt_out",
    "show_questions",
    "show_quiz",
    "show_simulation",
    "show_status_key",
    "show_timeline_plot",
    "show_version_comparer",
    "show_vocabulary",
]

__version__ = "0.1.0"


@friendly
def show_case_timeline(case_id: str = "slack-2024"):
    """The interactive timeline of a case: pick an event or step through them."""
    from .ui.timeline import TimelineView

    return TimelineView(load_case(case_id))


@friendly
def show_timeline_plot(case_id: str = "slack-2024"):
    """The case's events on a time axis, with alt text and a caption."""
    from .plots import figure_html
    from .plots.timeline import timeline_alt, timeline_figure
    from .ui.static import StaticHTML

    case = load_case(case_id)
    alt = timeline_alt(case)
    return StaticHTML(figure_html(timeline_figure(case), alt, t("timeline.plot_caption")), summary=alt)


@friendly
def show_opt_out(case_id: str = "slack-2024", role: str | None = None):
    """Who could opt out and how, from the point of view of the role you pick."""
    from .ui.optout import OptOutView

    return OptOutView(load_case(case_id), role)


@friendly
def show_case_summary(case_id: str = "slack-2024"):
    """The case in a few sentences, with its period."""
    from .ui import html as h
    from .ui.static import StaticHTML

    case = load_case(case_id)
    m = case.meta
    period = m.period.start.human() + (f" – {m.period.end.human()}" if m.period.end else "")
    return StaticHTML(h.card(h.heading(m.title, 3) + f"<div>{h.esc(m.company)} · {h.esc(period)}</div>"
                             + h.para(m.summary), label=m.title), summary=f"{m.title} · {m.company} · {period}")


@friendly
def show_questions(case_id: str = "slack-2024"):
    """Questions for students to think about, from the case's data."""
    from .ui import html as h
    from .ui.static import StaticHTML

    case = load_case(case_id)
    items = "".join(f"<li style='margin:0.3em 0'>{h.esc(q)}</li>" for q in case.meta.questions)
    return StaticHTML(h.card(h.heading(t("questions.title")) + f"<ol>{items}</ol>", label=t("questions.title")),
                      summary=f"{t('questions.title')}: {len(case.meta.questions)}")


@friendly
def show_status_key():
    """What the four verification labels mean."""
    from .content.case import STATUSES
    from .ui import html as h
    from .ui.static import StaticHTML

    items = "".join(f"<li style='margin:0.25em 0'>{h.status_badge(s)}</li>" for s in STATUSES)
    return StaticHTML(h.card(h.heading(t("status.heading")) + h.para(t("status.explain")) + f"<ul>{items}</ul>",
                             label=t("status.heading")),
                      summary=f"{t('status.heading')}: " + "; ".join(t(f"status.{s}") for s in STATUSES))


@friendly
def show_default_effects():
    """The published figures on defaults (organ donation, 401(k), cookie banners, a replication), with sources."""
    from .content.research import load_research
    from .ui.simulate import DefaultEffectsView

    return DefaultEffectsView(load_research())


@friendly
def show_simulation(preset: str | None = None):
    """The opt-in / opt-out simulation with sliders; ``preset`` is an id from data/research/simulation.yaml."""
    from .content.research import load_simulation
    from .ui.simulate import SimulationView

    return SimulationView(load_simulation(), preset)


@friendly
def show_quiz(quiz_id: str, seed: int = 0):
    """A quiz from data/quizzes: feedback, hints, a score, and opt-in saving or download of your answers."""
    from .content.quiz import load_quiz
    from .ui.quiz import QuizView

    return QuizView(load_quiz(quiz_id), seed=seed)


def quiz_ids():
    """The ids of the quizzes under data/quizzes."""
    from .content.quiz import quiz_ids as _ids

    return _ids()


@friendly
def show_version_comparer(case_id: str = "slack-2024", document: str | None = None):
    """Two versions of a policy document side by side or inline, word by word, with a summary of what changed."""
    from .ui.compare import CompareView

    return CompareView(load_case(case_id), document)


@friendly
def show_vocabulary(case_id: str = "slack-2024"):
    """The consent vocabulary marked in the case's policy versions and public statements, with counts."""
    from .ui.vocab import VocabView
    from .vocab import load_vocabulary

    return VocabView(load_case(case_id), load_vocabulary())


@friendly
def show_claim_checker(case_id: str = "slack-2024"):
    """For each public statement: supported, contradicted or not addressed by the policy, and the evidence."""
    from .claims import items
    from .ui.claims import ClaimView
    from .vocab import load_vocabulary

    case = load_case(case_id)
    return ClaimView(case, items(case, load_vocabulary()))


@friendly
def show_law(ids=None):
    """The legal texts (all, or those whose ids you give): exact words, plain-language explanation, source, status."""
    from .content.law import load_law
    from .ui import html as h
    from .ui.checklist import law_html
    from .ui.static import StaticHTML

    law = load_law()
    ids = [ids] if isinstance(ids, str) else list(ids or law)
    missing = [i for i in ids if i not in law]
    if missing:
        raise KeyError(f"no legal text '{missing[0]}' in data/law (there are: {', '.join(law)})")
    return StaticHTML(h.heading(t("law.title"), 3) + "".join(law_html(law[i]) for i in ids),
                      summary=f"{t('law.title')}: " + "; ".join(law[i].title for i in ids))


@friendly
def show_checklist(case_id: str = "slack-2024"):
    """Assess a company's mechanism against the conditions for consent, then compare with the model assessment."""
    from .content.law import load_checklist
    from .ui.checklist import ChecklistView

    return ChecklistView(load_checklist(), case_id)


@friendly
def show_cases_table():
    """Every case side by side, with filters by year, default, mechanism and region."""
    from .cases_table import cases_frame
    from .ui.cases import CasesView

    return CasesView(cases_frame())


@friendly
def show_case_plots():
    """The cases on a timeline, defaults by year and steps to opt out, with the same filters."""
    from .cases_table import cases_frame
    from .ui.cases import CasesView

    return CasesView(cases_frame(), plots=True)
