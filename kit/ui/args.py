"""Checking what a notebook passes to ``kit.show_*``: one line naming what exists, never a traceback (issue 11).

Every ``show_*`` function is wrapped by :func:`kit.ui.friendly`, which first binds the call to the function's
signature (a misspelt keyword or a missing argument is a :class:`BadArgument` naming the parameters), then turns
the kit's own errors into a message. The functions below check the values themselves: an id must be text and one
of those that exist, and the message lists them.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from pathlib import Path

from ..content.cases import case_ids
from ..content.errors import BadArgument, NotFound

__all__ = ["bind", "pick", "pick_case", "pick_ids", "seed_value"]


def _listing(known: Iterable[str]) -> str:
    known = list(known)
    if not known:
        return "there are none"
    shown = ", ".join(known[:60]) + (f" and {len(known) - 60} more" if len(known) > 60 else "")
    return f"there are: {shown}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def pick(value: object, known: Iterable[str], noun: str, param: str) -> str:
    """``value`` if it is one of the ids ``known``; a NotFound (or a BadArgument for a value that is not text)
    naming the parameter and every id that exists otherwise."""
    known = list(known)
    if not isinstance(value, str):
        raise BadArgument(f"{param} should be the id of a {noun} as text, got {_shown(value)} ({_listing(known)})")
    if value not in known:
        raise NotFound(f"no {noun} {value!r} ({_listing(known)})")
    return value


def pick_case(value: object, param: str = "case_id") -> str | Path:
    """A case id that exists, or a case folder's path (``load_case`` accepts both)."""
    if isinstance(value, Path) or (isinstance(value, str) and ("/" in value or "\\\\" in value)):
        return value
    return pick(value, case_ids(), "case", param)


def pick_ids(value: object, known: Iterable[str], noun: str, param: str) -> list[str] | None:
    """None, one id, or a list of ids, each one of ``known``."""
    if value is None:
        return None
    if isinstance(value, str):
        return [pick(value, known, noun, param)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [pick(v, known, noun, param) for v in value]
    raise BadArgument(f"{param} should be an id or a list of ids of {noun}s, got {_shown(value)} "
                      f"({_listing(known)})")


def seed_value(value: object, param: str = "seed") -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadArgument(f"{param} should be a whole number (or text), got {_shown(value)}")
    return value


def bind(fn, args: tuple, kwargs: dict) -> None:
    """A BadArgument naming ``fn``'s parameters when ``args``/``kwargs`` do not fit its signature."""
    sig = inspect.signature(fn)
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        params = ", ".join(sig.parameters) or "nothing"
        raise BadArgument(f"kit.{fn.__name__}(): {e} (it takes: {params})") from None
