"""Where the kit keeps what it can make again (parsed content files, :mod:`kit.content.parsed`), and how it keeps
it small: in a folder named by an environment variable (``off`` keeps nothing), else under
``$XDG_CACHE_HOME/consent-kit/``, else ``~/.cache/consent-kit/``, with its newest files only.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder", "keep_newest"]


def cache_folder(variable: str, name: str) -> Path | None:
    """The folder ``variable`` names (it may not exist yet), else ``<XDG_CACHE_HOME or ~/.cache>/consent-kit/<name>``;
    None when ``variable`` is ``off``."""
    env = os.environ.get(variable, "").strip()
    if env.lower() == "off":
        return None
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "consent-kit" / name


def keep_newest(where: Path, pattern: str, most: int) -> None:
    """Delete the oldest files of ``where`` matching ``pattern`` until at most ``most`` are left."""
    files = list(where.glob(pattern))
    if len(files) <= most:
        return

    def age(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0
    for p in sorted(files, key=age)[:len(files) - most]:
        p.unlink(missing_ok=True)
