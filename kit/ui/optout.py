"""The opt-out path as it was, seen from the role the student picks, beside what the other roles could do."""

from __future__ import annotations

from ..content.case import Case
from ..content.errors import BadArgument
from ..i18n import language, t
from ..optout import RoleView, contrast, role_view, student_roles
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["OptOutView", "role_html"]


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
            h.labelled(t(f"optout.{kind}"), h.bullets(h.esc(i) for i in items)) for kind, items in view.recorded]),
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


def nobody_beside_html(case: Case, actor_id: str) -> str:
    """In place of a second role, when no person is on the other side of the choice from ``actor_id``: everyone
    could make it (LinkedIn's members), or only the company could (Google's web authors)."""
    who = case.meta.choice.who_can_act
    if actor_id in who:
        words = t("optout.everyone_could")
    else:
        words = t("optout.only_they_could", who=", ".join(case.actor(a).name for a in who))
    return h.card(f"<p><strong>{h.esc(words)}</strong></p>", label=t("optout.compare_title"))


class OptOutView(Static, w.VBox):
    """Pick a role; see whether it could opt out and which steps were its own, beside an actor who could not."""

    def __init__(self, case: Case, role: str | None = None):
        if case.meta.choice is None or not case.meta.actors:
            raise BadArgument(f"the case '{case.id}' records no consent choice or no actors")
        self.case = case
        actors = student_roles(case)  # never "you are LinkedIn, the company"
        first = contrast(case, case.meta.choice.who_can_act[0])
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

    def _render(self) -> None:
        chosen = self.role.value
        other = contrast(self.case, chosen)
        self.chosen.value = role_html(self.case, role_view(self.case, chosen))
        self.other.value = (role_html(self.case, role_view(self.case, other)) if other
                            else nobody_beside_html(self.case, chosen))
