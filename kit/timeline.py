"""Stepping through a case's timeline: pure logic, no widgets."""

from __future__ import annotations

from dataclasses import dataclass

from .content.case import Case, Event
from .content.errors import BadArgument, NotFound

__all__ = ["TimelineCursor"]


@dataclass
class TimelineCursor:
    """A position in a case's events, in date order. Moving past either end stays at the end."""

    events: tuple[Event, ...]
    index: int = 0

    @classmethod
    def of(cls, case: Case) -> TimelineCursor:
        return cls(case.timeline)

    def __post_init__(self) -> None:
        if not self.events:
            raise BadArgument("a timeline needs at least one event")
        self.index = self._clamp(self.index)

    def _clamp(self, i: int) -> int:
        return max(0, min(len(self.events) - 1, i))

    @property
    def current(self) -> Event:
        return self.events[self.index]

    @property
    def at_start(self) -> bool:
        return self.index == 0

    @property
    def at_end(self) -> bool:
        return self.index == len(self.events) - 1

    def go(self, i: int) -> Event:
        self.index = self._clamp(i)
        return self.current

    def step(self, delta: int) -> Event:
        return self.go(self.index + delta)

    def find(self, event_id: str) -> Event:
        for i, e in enumerate(self.events):
            if e.id == event_id:
                return self.go(i)
        raise NotFound(event_id)
