"""The opt-out path as it was, seen from the role the student picks, beside what the other roles could do."""

from __future__ import annotations

from ..content.case import Case
from ..content.errors import BadArgument
from ..i18n import language, t
from ..optout import RoleView, role_view, student_roles
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["OptOutView", "role_html"]


def _list(items, empty: str) -> str:
    if not items:
        return f"<p>{h.esc(empty)}</p>"
    return h.bullets(h.esc(i) for i in items)


def role_html(case: Case, view: RoleView) -> str:
    verdict = t("optout.can_act" if view.can_act else "optout.cannot_act", name=view.actor.name)
    steps = []
    shared = view.shared or (False,) * len(view.steps)
    for (step, mine), also in zip(view.steps, shared, strict=True):
        who = case.actor(step.actor).name
        mark = "optout.step_also_you" if also else "optout.step_you"
        you = f" <strong>{h.esc(t(mark))}</strong>" if mine else ""
        colon = "\u00a0:" if language() == "fr" else ":"  # i13: French typography
        steps.append(f"<li><em>{h.esc(who)}</em>{colon} {h.esc(step.text)}{you}</li>")
    parts = [
        h.heading(view.actor.name),
        f"<p style='font-size:1.1em'><strong>{h.esc(verdict)}</strong></p>",
        h.para(view.actor.description),
        *([f"<p>{h.esc(t('optout.nothing_both'))}</p>"] if view.records_nothing else [
            h.labelled(t("optout.can"), _list(view.actor.can, t("optout.nothing"))),
            h.labelled(t("optout.cannot"), _list(view.actor.cannot, t("optout.nothing")))]),
        h.heading(t("optout.steps"), level=5),
        f"<ol style='margin:0.2em 0;padding-left:1.6em'>{''.join(steps)}</ol>",
    ]
    return h.card("".join(parts), label=view.actor.name)


def choice_html(case: Case) -> str:
    c = case.meta.choice
    parts = [
        f"<p style='font-size:1.1em'><strong>{h.esc(t('optout.default_' + c.default))}</strong></p>",
        h.labelled(t("optout.applies_to"), h.esc(c.applies_to)),
        h.labelled(t("optout.data"), h.esc(c.data_concerned)),
        h.labelled(t("optout.method"), h.esc(c.method) + (f" ({h.esc(c.contact)})" if c.contact else "")),
    ]
    if c.after:
        parts.append(h.labelled(t("optout.after"), h.esc(c.after)))
    parts.append(h.provenance(case, c))
    return h.card("".join(parts), label=t("optout.title"))


def _other_side(case: Case, actor_id: str) -> str:
    """An actor on the other side of the choice from ``actor_id``: one who could not act, or the first who could."""
    who = case.meta.choice.who_can_act
    if actor_id in who:
        return next((a.id for a in case.meta.actors if a.id not in who), who[0])
    return who[0]


class OptOutView(Static, w.VBox):
    """Pick a role; see whether it could opt out and which steps were its own, beside an actor who could not."""

    def __init__(self, case: Case, role: str | None = None):
        if case.meta.choice is None or not case.meta.actors:
            raise BadArgument(f"the case '{case.id}' records no consent choice or no actors")
        self.case = case
        actors = student_roles(case)  # never "you are LinkedIn, the company"
        first = _other_side(case, case.meta.choice.who_can_act[0])
        self.role = w.ToggleButtons(
            options=[(a.name, a.id) for a in actors],
            value=role or (first if first in {a.id for a in actors} else actors[0].id),
            description=t("optout.role"),
            tooltips=[a.description for a in actors],
            style={"button_width": "auto"},
        )
        self.role.tooltip = t("optout.role_description")
        self.chosen = w.HTML(layout={"flex": "1 1 20em", "min_width": "16em"})
        self.other = w.HTML(layout={"flex": "1 1 20em", "min_width": "16em"})
        self.summary = w.HTML(choice_html(case))
        self.role.observe(lambda _c: self._render(), names="value")
        super().__init__(
            [
                w.HTML(h.heading(t("optout.title"), level=3)),
                self.summary,
                self.role,
                w.HTML(h.heading(t("optout.compare_title"), level=4)),
                w.HBox([self.chosen, self.other], layout={"flex_flow": "row wrap", "grid_gap": "1em"}),
            ]
        )
        self._render()

    def static_html(self) -> str:
        """The choice, then the chosen role beside one on the other side of it."""
        return (h.heading(t("optout.title"), level=3) + self.summary.value
                + h.heading(t("optout.compare_title"), level=4) + self.chosen.value + self.other.value)

    def static_text(self) -> str:
        c = self.case.meta.choice
        who = ", ".join(self.case.actor(a).name for a in c.who_can_act)
        return t("static.optout", title=t("optout.title"), default=t("optout.default_" + c.default), who=who)

    def _contrast(self, actor_id: str) -> str:
        """The actor to show beside the chosen one: someone on the other side of the choice."""
        return _other_side(self.case, actor_id)

    def _render(self) -> None:
        chosen = self.role.value
        self.chosen.value = role_html(self.case, role_view(self.case, chosen))
        self.other.value = role_html(self.case, role_view(self.case, self._contrast(chosen)))
