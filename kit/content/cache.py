"""One cache for everything loaded from ``data/``: a value is rebuilt as soon as any file it was read from changes.

So a notebook re-runs instantly, and an instructor's edit shows on the next call without restarting the kernel.
A build that raises (a ContentError) caches nothing: the next call reads the files again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cached", "clear", "files_stamp"]

T = TypeVar("T")
_ENTRIES: dict[str, tuple[tuple, object]] = {}


def files_stamp(paths: Iterable[Path]) -> tuple:
    """The state of some files: (path, mtime, size) for a file, the same for each file directly in a folder (plus
    the names of its sub-folders), and (path, None) for a path that does not exist."""
    out: list[tuple] = []
    for path in paths:
        path = Path(path)
        try:
            if path.is_dir():
                children = sorted(path.iterdir())
                out.append((str(path), tuple(c.name for c in children)))
                out += [(str(c), c.stat().st_mtime_ns, c.stat().st_size) for c in children if c.is_file()]
            else:
                st = path.stat()
                out.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(path), None))
    return tuple(out)


def cached(key: str, paths: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its value from an earlier call if none of ``paths`` has changed since."""
    # i13 hook: in another language than English, a separate entry that also depends on its translation files.
    from .translations import cache_variant

    key, paths = cache_variant(key, list(paths))
    stamp = files_stamp(paths)
    hit = _ENTRIES.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]  # type: ignore[return-value]
    value = build()
    _ENTRIES[key] = (stamp, value)
    return value


def clear() -> None:
    """Forget every cached value (the benchmarks use it to time a cold load)."""
    _ENTRIES.clear()
