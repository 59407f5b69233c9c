"""One cache for everything loaded from ``data/``: a value is rebuilt as soon as any file it was read from changes.

So a notebook re-runs instantly, and an instructor's edit shows on the next call without restarting the kernel.
A build that raises (a ContentError) caches nothing: the next call reads the files again.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from .language import DEFAULT, current

__all__ = ["cached", "clear", "files_stamp"]

T = TypeVar("T")
_ENTRIES: dict[str, tuple[tuple, object, float]] = {}


def files_stamp(paths: Iterable[Path]) -> tuple:
    """The state of some files: (path, mtime, size) for a file, the same for each file directly in a folder (plus
    the names of its sub-folders), and (path, None) for a path that does not exist.

    Called at every load (a few hundred times in a Run All), so it makes one system call per file: one ``stat`` for
    a path, and for a folder one listing whose entries keep their own ``stat``.
    """
    out: list[tuple] = []
    for path in paths:
        name = os.fspath(path)
        try:
            st = os.stat(name)
            if not stat.S_ISDIR(st.st_mode):
                out.append((name, st.st_mtime_ns, st.st_size))
                continue
            with os.scandir(name) as listing:
                children = sorted(listing, key=lambda e: e.name)
            out.append((name, tuple(c.name for c in children)))
            for c in children:
                if c.is_file():
                    cst = c.stat()
                    out.append((c.path, cst.st_mtime_ns, cst.st_size))
        except OSError:
            out.append((name, None))
    return tuple(out)


def cached(key: str, paths: Iterable[Path] | Callable[[], Iterable[Path]], build: Callable[[], T],
           recheck: float = 0.0) -> T:
    """``build()``, or its value from an earlier call if none of ``paths`` has changed since.

    ``paths`` may be a function giving them (called only when the files are looked at). With ``recheck`` (seconds),
    the files are looked at no more often than that: for values asked for dozens of times a second (UI strings).
    """
    lang = current()
    if lang != DEFAULT:  # i13: each language its own entry (its texts come from its translation files)
        key = f"{key}@{lang}"
    hit = _ENTRIES.get(key)
    now = time.monotonic()
    if hit is not None and recheck and now - hit[2] < recheck:
        return hit[1]  # type: ignore[return-value]
    stamp = files_stamp(paths() if callable(paths) else paths)
    if hit is not None and hit[0] == stamp:
        _ENTRIES[key] = (stamp, hit[1], now)
        return hit[1]  # type: ignore[return-value]
    value = build()
    _ENTRIES[key] = (stamp, value, now)
    return value


def clear() -> None:
    """Forget every cached value (the benchmarks use it to time a cold load)."""
    _ENTRIES.clear()
