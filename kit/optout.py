"""Who could make a case's consent choice, and what each actor saw of it: pure logic, no widgets."""

from __future__ import annotations

from dataclasses import dataclass

from .content.case import Actor, Case, Choice, Step
from .content.errors import BadArgument

__all__ = ["RoleView", "role_view"]


@dataclass(frozen=True)
class RoleView:
    """The consent choice seen from one actor: could they make it, which steps are theirs."""

    actor: Actor
    choice: Choice
    can_act: bool
    steps: tuple[tuple[Step, bool], ...]  # each step, and whether this actor takes it

    @property
    def own_steps(self) -> int:
        return sum(1 for _, mine in self.steps if mine)


def _same_role(case: Case, a: str, b: str) -> bool:
    """Owners share the owners' steps: a step written for one actor who may choose is a step for all of them."""
    if a == b:
        return True
    who = set(case.meta.choice.who_can_act)
    return a in who and b in who


def role_view(case: Case, actor_id: str) -> RoleView:
    """The choice as ``actor_id`` met it. Raises KeyError for an unknown actor, ValueError if there is no choice."""
    choice = case.meta.choice
    if choice is None:
        raise BadArgument(f"the case '{case.id}' records no consent choice")
    actor = case.actor(actor_id)
    steps = tuple((s, _same_role(case, s.actor, actor_id)) for s in choice.steps)
    return RoleView(actor, choice, actor_id in choice.who_can_act, steps)
