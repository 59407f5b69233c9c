"""Who could make a case's consent choice, and what each actor saw of it: pure logic, no widgets."""

from __future__ import annotations

from dataclasses import dataclass

from .content.case import Actor, Case, Choice, Step
from .content.errors import BadArgument

__all__ = ["RoleView", "contrast", "is_company", "role_view", "student_roles"]


@dataclass(frozen=True)
class RoleView:
    """The consent choice seen from one actor: could they make it, which steps are theirs."""

    actor: Actor
    choice: Choice
    can_act: bool
    steps: tuple[tuple[Step, bool], ...]  # each step, and whether this actor takes it
    #: per step: True when the step is written for another actor who may also choose (an owner's step, seen by
    #: another kind of owner): it is open to this actor too, but "this is you" would be wrong
    shared: tuple[bool, ...] = ()

    @property
    def own_steps(self) -> int:
        return sum(1 for _, mine in self.steps if mine)

    @property
    def records_nothing(self) -> bool:
        """The data says nothing about what this actor could or could not do (shown once, not twice)."""
        return not self.actor.can and not self.actor.cannot

    @property
    def recorded(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What the data records of this actor, each list only when it has something: ("can", …), ("cannot", …).

        A Primary Owner whose sources say what they could do, and nothing they could not, is not told "could not:
        nothing recorded".
        """
        return tuple((kind, items) for kind, items in (("can", self.actor.can), ("cannot", self.actor.cannot))
                     if items)


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
    shared = tuple(mine and s.actor != actor_id for s, mine in steps)
    return RoleView(actor, choice, actor_id in choice.who_can_act, steps, shared)


def is_company(case: Case, actor: Actor) -> bool:
    """The company itself ("LinkedIn" in a case about LinkedIn): a side of the choice, not a role a student takes."""
    return case.meta.company.casefold().startswith(actor.name.casefold())


def student_roles(case: Case) -> tuple[Actor, ...]:
    """The actors a student can pick as "you": every actor but the company (all of them if that leaves none)."""
    people = tuple(a for a in case.meta.actors if not is_company(case, a))
    return people or case.meta.actors


def contrast(case: Case, actor_id: str) -> str | None:
    """The person to show beside ``actor_id``: one on the other side of the choice (who could not make it when
    ``actor_id`` could, who could when ``actor_id`` could not), never the company; None when there is nobody.

    LinkedIn's members could all choose: beside a member there is nobody to show, and "LinkedIn could not make this
    choice" would be false (the company set the default).
    """
    who = set(case.meta.choice.who_can_act) if case.meta.choice else set()
    mine = actor_id in who
    return next((a.id for a in student_roles(case) if a.id != actor_id and (a.id in who) != mine), None)
