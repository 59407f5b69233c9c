"""Where the content is: ``$KIT_DATA`` if set, else ``data/`` beside the ``kit`` package.

A leaf of its own so that both :mod:`kit.content.base` and :mod:`kit.content.translations` (which base calls) can
ask without importing each other.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_root"]

_SHIPPED = Path(__file__).resolve().parent.parent.parent / "data"


def data_root() -> Path:
    """The content folder: ``$KIT_DATA`` if set, else ``data/`` beside the ``kit`` package."""
    env = os.environ.get("KIT_DATA")
    return Path(env) if env else _SHIPPED
