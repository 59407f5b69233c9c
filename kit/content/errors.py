"""The kit's own errors: the one error type content problems become, and the two a bad argument becomes.

Every mistake an instructor can make in a content file (YAML syntax, a missing or misspelt field, a wrong type,
a bad date, an unknown or duplicate id, empty text, a missing source) is reported as a :class:`Problem` naming the
file, the line, the entry and the field, and what was expected. Problems are collected, not raised one by one, so
``python -m kit check`` can list them all; loading raises a single :class:`ContentError` carrying every problem.

An id asked for that does not exist is a :class:`NotFound` (also a ``KeyError``); a value a caller gave that cannot
be used is a :class:`BadArgument` (also a ``ValueError``). All three are :class:`KitError`: the views and the
command line show their message instead of a traceback; any other exception is a bug in the kit and keeps its
traceback. ``KIT_DEBUG=1`` re-raises even the kit's own errors, for whoever is debugging.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["BadArgument", "ContentError", "Invalid", "KitError", "NotFound", "Problem", "debug", "display_path",
           "safe_resolve"]


def display_path(path: str | Path) -> str:
    """A path as a user should read it: relative to the working directory when it is below it."""
    try:
        cwd = os.getcwd()
    except OSError:
        return str(path)
    return _shown(str(path), cwd)


@lru_cache(maxsize=4096)
def _shown(path: str, cwd: str) -> str:
    """``display_path`` for one path and one working directory (kit check names the same files thousands of times;
    resolving each is most of the time it spends on names)."""
    p = Path(path)
    try:
        return str(safe_resolve(p).relative_to(safe_resolve(Path(cwd))))
    except (ValueError, OSError):
        return str(p)


def safe_resolve(path: str | Path) -> Path:
    """``path`` made absolute with the symlinks it can follow resolved; a symlink loop (RuntimeError before Python
    3.13) or an unreadable folder leaves it merely absolute instead of raising."""
    p = Path(path)
    try:
        return p.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(p))


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


class Invalid(ValueError):
    """A single value that cannot be used (a bad date, an id with spaces); the message says what was expected.

    The schema turns it into a :class:`Problem` with the file, line, entry and field.
    """


class KitError(Exception):
    """An error of the kit's own: its message is meant for the person using the kit."""


class NotFound(KitError, KeyError):
    """No item with the id asked for. Its message is shown as written (a KeyError would add quotes)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class BadArgument(KitError, ValueError):
    """A value given to the kit (a case's missing part, a slider outside its range) that it cannot use."""


def debug() -> bool:
    """True when ``KIT_DEBUG=1``: the views and the command line then re-raise instead of showing a message."""
    return os.environ.get("KIT_DEBUG") == "1"


class ContentError(KitError):
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

    @classmethod
    def at_file(cls, path: str | Path, message: str) -> ContentError:
        """A problem with a whole file or folder (missing, empty, unreadable), not with one of its entries."""
        return cls([Problem(display_path(path), None, None, None, message)])

    @property
    def first(self) -> Problem:
        return self.problems[0]
