"""Everything ``kit check`` checks, in order: each kind of content as the registry lists them
(:func:`kit.content.registry.check_all`), then what needs the logic layer: the lesson plans against the notebooks
and the estimator (:func:`kit.plans.plan_problems`).

Pure: it reads the content and the notebook files, nothing else.
"""

from __future__ import annotations

from pathlib import Path

from .content.base import ContentKind
from .content.errors import Problem
from .content.plans import PLANS
from .content.registry import check_all as check_content
from .plans import plan_problems

__all__ = ["check_all"]


def check_all(root: Path | None = None, kinds: tuple[ContentKind, ...] | None = None
              ) -> tuple[dict[str, int], list[Problem]]:
    """Validate every kind of content under ``root`` (or the ``kinds`` given), then the plans against the notebooks
    when the plans are among them; returns counts per kind (by label) and every problem found."""
    counts, problems = check_content(root, kinds)
    if kinds is None or PLANS in kinds:
        problems = [*problems, *plan_problems(root)]
    return counts, problems
