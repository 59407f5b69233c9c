"""The language the kit currently speaks: one leaf module, so that the content layer (the translation overlay, the
cache, dates) and the UI strings (:mod:`kit.i18n`) read the same setting without importing each other.

Set it with ``kit.set_language("fr")`` (which first checks ``data/ui/fr.yaml`` exists) or the ``KIT_LANG`` variable.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from .root import data_root

__all__ = ["DEFAULT", "STATE", "current", "languages", "speaking", "use"]

#: The language the content is written in, and the UI strings' reference.
DEFAULT = "en"

#: The one setting (a dict, so ``kit.i18n`` and tests share it).
STATE = {"language": os.environ.get("KIT_LANG", DEFAULT)}


def languages(root: Path | None = None) -> list[str]:
    """The languages the kit has: those with UI strings, ``data/ui/<language>.yaml`` (English first)."""
    folder = (Path(root) if root else data_root()) / "ui"
    found = {p.stem for p in folder.glob("*.yaml") if not p.name.startswith(("_", "."))} if folder.is_dir() else set()
    return [DEFAULT, *sorted(found - {DEFAULT})]


def current() -> str:
    """The current language's code, like 'en' or 'fr'."""
    return STATE["language"]


def use(code: str) -> None:
    """Speak ``code`` from now on (no check: :func:`kit.i18n.set_language` checks its UI strings exist)."""
    STATE["language"] = code


@contextmanager
def speaking(code: str):
    """Everything inside the ``with`` block speaks ``code``; the language before comes back afterwards."""
    before = current()
    use(code)
    try:
        yield
    finally:
        use(before)
