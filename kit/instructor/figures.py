"""``python -m kit figures``: draw every figure the notebooks draw with matplotlib into the figure cache
(:mod:`kit.plots.cache`): each case's timeline (notebooks 01 and 05, the slides). The charts of notebooks 03 and 05 are
SVG the kit writes as it shows them (:mod:`kit.plots.svg`), in about a millisecond, and are not kept.

Binder's ``postBuild`` and ``make lab`` run it, so a student's first Run All reads the figures instead of drawing
them. On a hub, an instructor can fill a folder every student can read and point ``KIT_FIGURE_CACHE`` at it.
The figures are made by the very views the notebooks show, so their keys are the ones a Run All looks for.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..cases import Draft, drafts, load_cases
from ..content import parsed
from ..content.errors import ContentError
from ..content.language import current
from ..content.root import data_root
from ..content.strings import languages as kit_languages
from ..content.yamlio import load_yaml
from ..i18n import set_language
from ..plots.cache import folder

__all__ = ["FiguresError", "fill", "keep_parsed"]


class FiguresError(Exception):
    """The cache is off or cannot be written."""


def fill(languages: tuple[str, ...] | None = None) -> tuple[Path, int, int, list[Draft]]:
    """Build every view that shows a matplotlib figure, in each language (default: every language the kit has):
    (the folder, figures in it, of which new, the draft cases left out)."""
    languages = tuple(kit_languages()) if languages is None else languages
    from ..ui.timeline import timeline_plot_view

    where = folder()
    if where is None:
        raise FiguresError("the figure cache is off (KIT_FIGURE_CACHE=off): there is nothing to fill")
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise FiguresError(f"cannot make the figure cache folder {where}: {e.strerror}") from None
    if not os.access(where, os.W_OK):
        raise FiguresError(f"cannot write to the figure cache folder {where}")
    before = set(where.glob("*.png"))
    was = current()
    try:
        for lang in languages:
            set_language(lang)
            for case in load_cases():  # a draft case is left out, as notebook 05 leaves it out
                timeline_plot_view(case)
    finally:
        set_language(was)
    after = set(where.glob("*.png"))
    return where, len(after), len(after - before), drafts()


def keep_parsed() -> tuple[Path | None, int]:
    """Parse every content file once, so the parse cache (:mod:`kit.content.parsed`) holds them for the notebooks'
    kernels: (the cache folder, or None when it is off; files read). A file with a mistake is left to `kit check`."""
    files = sorted(data_root().rglob("*.yaml"))
    for path in files:
        try:
            load_yaml(path)
        except ContentError:
            pass
    return parsed.folder(), len(files)
