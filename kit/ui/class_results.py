"""The instructor's class view: how many shared, per question a chart (with alt text) and a table of the answers,
the most common wrong answers beside the explanation, reflections (by the student's name, or 'unnamed 1' … as
kit results labels them), Refresh.

Thin: the numbers come from :func:`kit.class_results.class_summary`.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import t
from ..instructor.class_results import ClassSummary, QuestionResult, class_summary
from ..locale import series
from ..text import shorten
from . import html as h
from . import widgets as w

__all__ = ["ClassView"]

_MARK = {True: "✔", False: "✘", None: "–"}


def _chart(q: QuestionResult) -> str:
    from ..plots import PALETTE, figure_html, new_figure

    fig = new_figure(7.0, max(1.6, 0.4 * len(q.answers) + 0.9))
    ax = fig.add_subplot()
    ys = list(range(len(q.answers)))[::-1]
    for y, a in zip(ys, q.answers, strict=True):
        ax.barh(y, a.count, color=PALETTE[0] if a.correct else "white", edgecolor="black",
                hatch="" if a.correct else "//")
    ax.set_yticks(ys, [f"{_MARK[a.correct]} {shorten(a.label, 48)}" for a in q.answers])
    ax.set_xlabel(t("classview.xlabel"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    items = series(t("classview.alt_item", answer=a.label, n=a.count, mark=t(f"classview.mark_{a.correct}"))
                      for a in q.answers)
    return figure_html(fig, t("classview.alt", question=q.id, answered=q.answered, items=items),
                       t("classview.caption", question=q.id))


def _table(q: QuestionResult) -> str:
    head = "".join(f"<th scope='col' style='text-align:left;padding:0 1em 0 0'>{h.esc(t(k))}</th>"
                   for k in ("classview.col_answer", "classview.col_students", "classview.col_right"))
    body = "".join(f"<tr><td style='padding:0 1em 0 0'>{h.esc(a.label)}</td><td>{a.count}</td>"
                   f"<td>{h.esc(_MARK[a.correct] + ' ' + t(f'classview.mark_{a.correct}'))}</td></tr>"
                   for a in q.answers)
    caption = h.esc(t("classview.table", question=q.id))
    return (f"<table class='kit-class-table'><caption style='text-align:left'>{caption}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def question_html(q: QuestionResult, chart: bool = True) -> str:
    parts = [h.heading(q.text, 4), h.para(t("classview.answered", n=q.answered))]
    if q.written:
        items = (f"<strong>{h.esc(who)}:</strong> {h.esc(text)}" for who, text in q.reflections)
        parts.append(h.bullets(items) if q.reflections else h.para(t("classview.no_reflections")))
        return h.card("".join(parts), label=q.id)
    if chart and q.answers:
        parts.append(_chart(q))
    parts.append(_table(q))
    if q.wrong:
        wrong = h.bullets(h.esc(t("classview.wrong_item", answer=a.label, n=a.count)) for a in q.wrong)
        parts.append(h.labelled(t("classview.wrong"), wrong))
        if q.explanation:
            parts.append(h.labelled(t("quiz.explanation"), h.para(q.explanation)))
    return h.card("".join(parts), label=q.id)


class ClassView(w.VBox):
    def __init__(self, folder: Path, quiz_id: str = "final", chart: bool = True):
        self.folder, self.quiz_id, self.chart = Path(folder), quiz_id, chart
        self.refresh_button = w.Button(description=t("classview.refresh"), tooltip=t("classview.refresh_tooltip"),
                                       icon="refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.count = w.HTML()
        self.count.add_class("kit-class-count")
        self.body = w.HTML()
        super().__init__([w.HTML(h.heading(t("classview.title"), 3)), self.refresh_button, self.count, self.body])
        self.add_class("kit-class-view")
        self.summary: ClassSummary | None = None
        self.refresh()

    def refresh(self) -> None:
        s = self.summary = class_summary(self.folder, self.quiz_id)
        self.count.value = (f"<p role='status'><strong>{h.esc(t('classview.count', n=s.students))}</strong> "
                            f"{h.esc(t('classview.where', folder=str(s.folder)))}</p>")
        notes = [h.esc(line) for line in s.skipped]
        if s.problem:
            notes.insert(0, h.esc(t("classview.problem", problem=s.problem)))
        parts = [h.card(h.bullets(notes), label="notes")] if notes else []
        parts += [question_html(q, self.chart) for q in s.questions]
        self.body.value = "".join(parts) or h.para(t("classview.empty"))
