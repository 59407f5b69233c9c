"""Small views of one case: its summary, the questions to think about, and the key to the verification labels."""

from __future__ import annotations

from ..content.case import STATUSES, Case
from ..i18n import t
from ..locale import colon, series
from . import html as h
from . import widgets as w
from .static import StaticHTML

__all__ = ["questions_view", "status_key_view", "summary_view"]


def summary_view(case: Case) -> w.HTML:
    """The case in a few sentences, with its company and period."""
    m = case.meta
    period = m.period.start.human() + (f" – {m.period.end.human()}" if m.period.end else "")
    return StaticHTML(h.card(h.heading(m.title, 3) + f"<div>{h.esc(m.company)} · {h.esc(period)}</div>"
                             + h.para(m.summary), label=m.title), summary=f"{m.title} · {m.company} · {period}")


def questions_view(case: Case) -> w.HTML:
    """The case's questions for students to think about, numbered."""
    items = "".join(f"<li style='margin:0.3em 0'>{h.esc(q)}</li>" for q in case.meta.questions)
    return StaticHTML(h.card(h.heading(t("questions.title")) + f"<ol>{items}</ol>", label=t("questions.title")),
                      summary=colon(t("questions.title"), str(len(case.meta.questions))))


def status_key_view() -> w.HTML:
    """What the four verification labels mean."""
    items = "".join(f"<li style='margin:0.25em 0'>{h.status_badge(s)}</li>" for s in STATUSES)
    return StaticHTML(h.card(h.heading(t("status.heading")) + h.para(t("status.explain")) + f"<ul>{items}</ul>",
                             label=t("status.heading")),
                      summary=colon(t("status.heading"), series(t(f"status.{s}") for s in STATUSES)))
