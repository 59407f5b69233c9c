"""The ``translations`` kind of content: ``data/translations/<lang>/`` checked against the English files (issue 13).

Unknown paths (with did-you-mean) and malformed entries are problems like any other; missing and stale translations
are not (a missing text falls back to English and a stale one still shows), so ``kit check`` lists them per language
without failing (:func:`kit.content.translations.check_translations` gives them).
"""

from __future__ import annotations

from pathlib import Path

from .base import ContentKind
from .schema import ParseContext
from .translations import check_translations

__all__ = ["TRANSLATIONS", "check_translation_files"]


def check_translation_files(root: Path, ctx: ParseContext) -> int:
    """Every language's translation files: problems go to ``ctx``; returns how many texts are translated."""
    reports = check_translations(root)
    for r in reports:
        ctx.problems.extend(r.problems)
    return sum(r.translated for r in reports)


TRANSLATIONS = ContentKind("translations", "translated texts", "translations/<language>/**/*.yaml", (),
                           check_translation_files, None)
