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
    "set_language",
    "show_case_summary",
    "show_case_timeline",
    "show_opt_out",
    "show_questions",
    "show_status_key",
    "show_timeline_plot",
    "t",
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
    import ipywidgets as w

    from .plots import figure_html
    from .plots.timeline import timeline_alt, timeline_figure

    case = load_case(case_id)
    return w.HTML(figure_html(timeline_figure(case), timeline_alt(case), t("timeline.plot_caption")))


@friendly
def show_opt_out(case_id: str = "slack-2024", role: str | None = None):
    """Who could opt out and how, from the point of view of the role you pick."""
    from .ui.optout import OptOutView

    return OptOutView(load_case(case_id), role)


@friendly
def show_case_summary(case_id: str = "slack-2024"):
    """The case in a few sentences, with its period."""
    import ipywidgets as w

    from .ui import html as h

    case = load_case(case_id)
    m = case.meta
    period = m.period.start.human() + (f" – {m.period.end.human()}" if m.period.end else "")
    return w.HTML(h.card(h.heading(m.title, 3) + f"<div>{h.esc(m.company)} · {h.esc(period)}</div>" + h.para(m.summary),
                         label=m.title))


@friendly
def show_questions(case_id: str = "slack-2024"):
    """Questions for students to think about, from the case's data."""
    import ipywidgets as w

    from .ui import html as h

    case = load_case(case_id)
    items = "".join(f"<li style='margin:0.3em 0'>{h.esc(q)}</li>" for q in case.meta.questions)
    return w.HTML(h.card(h.heading(t("questions.title")) + f"<ol>{items}</ol>", label=t("questions.title")))


@friendly
def show_status_key():
    """What the four verification labels mean."""
    import ipywidgets as w

    from .content.case import STATUSES
    from .ui import html as h

    items = "".join(f"<li style='margin:0.25em 0'>{h.status_badge(s)}</li>" for s in STATUSES)
    return w.HTML(h.card(h.heading(t("status.heading")) + h.para(t("status.explain")) + f"<ul>{items}</ul>",
                         label=t("status.heading")))
