"""The one error type content problems become.

Every mistake an instructor can make in a content file (YAML syntax, a missing or misspelt field, a wrong type,
a bad date, an unknown or duplicate id, empty text, a missing source) is reported as a :class:`Problem` naming the
file, the line, the entry and the field, and what was expected. Problems are collected, not raised one by one, so
``python -m kit check`` can list them all; loading raises a single :class:`ContentError` carrying every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ContentError", "Problem", "display_path"]


def display_path(path: str | Path) -> str:
    """A path as a user should read it: relative to the working directory when it is below it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file."""

    file: str
    line: int | None
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.entry:
            where += f" ({self.entry})"
        field = f", field '{self.field}'" if self.field else ""
        return f"{where}{field}: {self.message}"


class ContentError(Exception):
    """Content that cannot be used as it stands. ``problems`` says every place, field and what was expected."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        if not problems:
            raise ValueError("ContentError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the content:"]
        lines += [f"- {p}" for p in self.problems]
        return "\n".join(lines)

    @property
    def first(self) -> Problem:
        return self.problems[0]
