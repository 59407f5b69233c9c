"""Figures drawn once, then reused: a figure of content that has not changed is read back as PNG (issue 15: speed).

The figures drawn with matplotlib are each case's timeline (notebooks 01 and 05, the slides); importing matplotlib
to draw one costs more than the rest of notebook 01. They come from the kit's content, which is the same at every
Run All, so the PNG drawn the first time is kept and read back the next, without importing matplotlib at all. (The
charts of notebooks 03 and 05 are SVG the kit writes in about a millisecond, :mod:`kit.plots.svg`, and not kept.)

- **What is kept:** only figures of the kit's content. Never a figure of students' answers (the class view draws
  its own each time).
- **The key** is a hash of everything the picture depends on: the drawing function and its arguments (``repr``),
  the language and the UI strings, the kit's own code and matplotlib's version. Edit a case, a translation or the
  drawing code, and the figure is drawn anew; the old file is simply never read again.
- **Where:** ``KIT_FIGURE_CACHE`` (a folder; ``off`` to keep nothing), else ``$XDG_CACHE_HOME/consent-kit/figures``,
  else ``~/.cache/consent-kit/figures``. ``python -m kit figures`` fills it with every figure the notebooks show
  (Binder's ``postBuild`` does, so a student's first Run All finds them). A folder that can be read but not written
  (a hub's shared one, filled by the instructor) is read; a figure missing from it is drawn each time.
- **Never in the way:** a missing, unreadable or unwritable folder, or a file that is not a whole PNG, only means
  the figure is drawn; a view never fails because of the cache. At most :data:`MAX_FILES` files are kept.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable
from pathlib import Path

from ..content.cachedir import cache_folder, keep_newest
from ..content.language import current
from ..content.strings import DEFAULT, load_strings
from ..progress import atomic_write

__all__ = ["MAX_FILES", "drawn", "folder"]

MAX_FILES = 400
_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"
_code: str | None = None


def folder() -> Path | None:
    """The cache folder (it may not exist yet), or None when ``KIT_FIGURE_CACHE=off``."""
    return cache_folder("KIT_FIGURE_CACHE", "figures")


def _code_version() -> str:
    """A hash of the kit's code and of matplotlib's version file, made once per process (about 25 ms)."""
    global _code
    if _code is None:
        h = hashlib.sha256()
        root = Path(__file__).resolve().parents[1]
        for p in sorted(root.rglob("*.py")):
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
        spec = importlib.util.find_spec("matplotlib")  # finds the package without importing it
        if spec is not None and spec.origin:
            version = Path(spec.origin).with_name("_version.py")
            h.update(version.read_bytes() if version.exists() else spec.origin.encode())
        _code = h.hexdigest()
    return _code


def _key(draw: Callable, args: tuple) -> str:
    lang = current()
    h = hashlib.sha256()
    for part in (_code_version(), draw.__module__, draw.__qualname__, lang, repr(args)):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for words in dict.fromkeys((lang, DEFAULT)):  # the language's words, and English where it has none
        h.update(repr(sorted(load_strings(words).items())).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(_PNG_START) and data.endswith(_PNG_END) else None


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, prefix=".figure-")
        keep_newest(path.parent, "*.png", MAX_FILES)
    except OSError:
        pass  # a cache that cannot be written only means the figure is drawn next time too


def drawn(draw: Callable, *args) -> bytes:
    """The PNG of ``draw(*args)`` (a matplotlib figure), read from the cache when it was drawn before.

    ``draw`` must depend only on its arguments, the language and the kit's content and code, and its arguments'
    ``repr`` must say all of them (the kit's content records are dataclasses: they do).
    """
    from . import figure_png

    where = folder()
    path = where / f"{_key(draw, args)}.png" if where is not None else None
    if path is not None:
        data = _read(path)
        if data is not None:
            return data
    data = figure_png(draw(*args))
    if path is not None:
        _write(path, data)
    return data
