"""``python -m kit prepare``: parse every content file once into the parse cache (:mod:`kit.content.parsed`), and each
translated one with each language's texts on it, so each notebook's kernel reads the files back instead of parsing
them, and name the draft cases the notebooks leave out.

Binder's ``postBuild`` and ``make lab`` run it. Every figure of the notebooks is SVG the kit writes as it shows it
(:mod:`kit.plots.svg`), in about a millisecond: there is no figure to draw ahead (``kit figures``, which drew the
cases' timelines with matplotlib into a figure cache, is the same command under its old name).
"""

from __future__ import annotations

from pathlib import Path

from ..cases import Draft, drafts
from ..content import parsed
from ..content.errors import ContentError
from ..content.language import DEFAULT, speaking
from ..content.registry import translated_files
from ..content.root import data_root
from ..content.strings import languages
from ..content.translations import load_current
from ..content.yamlio import load_yaml

__all__ = ["keep_parsed"]


def keep_parsed() -> tuple[Path | None, int, list[Draft]]:
    """Parse every content file once, and each translated one in each other language with that language's texts on
    it (:func:`kit.content.translations.load_current`, what a French notebook reads), so the parse cache holds them
    for the notebooks' kernels: (the cache folder, or None when it is off; files read; the draft cases the notebooks
    leave out). A file with a mistake is left to `kit check`."""
    files = sorted(data_root().rglob("*.yaml"))
    for path in files:
        try:
            load_yaml(path)
        except ContentError:
            pass
    translated = translated_files()
    for lang in languages():
        if lang == DEFAULT:
            continue
        with speaking(lang):
            for f in translated:
                try:
                    load_current(f.path, f.cls)
                except ContentError:
                    pass
    return parsed.folder(), len(files), drafts()
