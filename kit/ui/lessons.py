"""A notebook's header (its questions, objectives and estimated time), its key points, and the unit summary, from
``data/lessons.yaml`` (``kit.show_lesson``, ``kit.show_key_points``, ``kit.show_unit_summary``). Static HTML: the
same in JupyterLab, a preview and the reading edition."""

from __future__ import annotations

from ..content.lessons import Lesson, UnitSummary
from ..i18n import t
from ..lessons import time_words
from ..locale import colon
from ..timing import Estimate
from . import html as h
from .static import StaticHTML

__all__ = ["header_view", "key_points_view", "unit_summary_view"]


def _list(items) -> str:
    return "<ul>" + "".join(f"<li style='margin:0.25em 0'>{h.esc(i)}</li>" for i in items) + "</ul>"


def header_view(lesson: Lesson, est: Estimate | None) -> StaticHTML:
    """Questions, objectives and the estimated time (left out when the notebook is not beside the content)."""
    body = h.heading(t("lesson.questions"), 3) + _list(lesson.questions)
    body += h.heading(t("lesson.objectives"), 3) + h.para(t("lesson.objectives_intro"))
    body += _list(o.text for o in lesson.objectives)
    summary = t("lesson.summary", questions=len(lesson.questions), objectives=len(lesson.objectives))
    if est is not None:
        total, teaching, exercises = time_words(est)
        time = t("lesson.time", total=total, teaching=teaching, exercises=exercises) if exercises else \
            t("lesson.time_reading", total=total)
        body += h.labelled(t("lesson.time_heading"), h.esc(time))
        summary += " " + colon(t("lesson.time_heading"), time)
    return StaticHTML(f"<div class='kit-lesson'>{h.card(body, label=t('lesson.about'))}</div>", summary=summary)


def key_points_view(lesson: Lesson) -> StaticHTML:
    """The notebook's key points."""
    body = h.heading(t("lesson.key_points"), 3) + _list(lesson.key_points)
    return StaticHTML(f"<div class='kit-key-points'>{h.card(body, label=t('lesson.key_points'))}</div>",
                      summary=t("lesson.key_points_summary", n=len(lesson.key_points)))


def unit_summary_view(summary: UnitSummary) -> StaticHTML:
    """The unit summary: one page, a heading and a few points per section."""
    body = h.heading(summary.title, 3) + "".join(h.heading(s.heading, 4) + _list(s.points) for s in summary.sections)
    return StaticHTML(f"<div class='kit-unit-summary'>{h.card(body, label=summary.title)}</div>",
                      summary=t("lesson.unit_summary", title=summary.title, n=len(summary.sections)))
