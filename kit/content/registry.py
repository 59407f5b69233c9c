"""Every kind of content, in the order ``kit check`` reports them. Adding a kind: write its module (its schema,
its ``check``, its cached ``load``, and a :class:`~kit.content.base.ContentKind` naming them), then add one line
here.
"""

from __future__ import annotations

from pathlib import Path

from .base import ContentKind, data_root
from .consistency import CONSISTENCY
from .errors import NotFound, Problem
from .law import LAW
from .loader import CASES
from .policy import POLICY
from .quiz import QUIZZES
from .regimes import REGIMES
from .research import RESEARCH
from .schema import ParseContext
from .strings import STRINGS
from .translated import TRANSLATIONS
from .translations import register_kinds
from .writing import WRITING

__all__ = ["KINDS", "check_all", "kind"]

KINDS: tuple[ContentKind, ...] = (
    CASES,
    LAW,
    QUIZZES,
    RESEARCH,
    POLICY,
    STRINGS,
    WRITING,
    REGIMES,
    CONSISTENCY,
    TRANSLATIONS,
)
register_kinds(KINDS)  # which files a language translates, and as what: from each kind's ``translated``


def kind(name: str) -> ContentKind:
    """The registered kind called ``name`` (KeyError naming the known kinds otherwise)."""
    for k in KINDS:
        if k.name == name:
            return k
    raise NotFound(f"no kind of content '{name}' (there are: {', '.join(k.name for k in KINDS)})")


def check_all(root: Path | None = None, kinds: tuple[ContentKind, ...] | None = None
              ) -> tuple[dict[str, int], list[Problem]]:
    """Validate every kind of content under ``root``; returns counts per kind (by label) and every problem found."""
    root = Path(root) if root else data_root()
    ctx = ParseContext()
    counts: dict[str, int] = {}
    for k in KINDS if kinds is None else kinds:
        counts[k.label] = k.check(root, ctx)
    return counts, ctx.problems
