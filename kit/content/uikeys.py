"""The UI keys and placeholders the kit's code asks for, read from the code itself, so ``kit check`` can check them.

Every view asks for its words with ``t("quiz.check")`` or ``t("quiz.position", n=i)``. This module reads the
kit's own source with :mod:`ast` (no import, no execution) and lists every such call: the key (or, for a computed
key like ``t(f"status.{s}")``, its pattern) and the placeholder values it passes. :func:`check_code_keys` then
checks the English strings against them: a key the code uses must exist, and a string may only name
placeholders every call passes. A misspelt or missing key, or a ``{placeholder}`` the code never fills, is then a
``kit check`` problem naming the file, line and key, not an error in front of a student.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from .audit import BASIS_CHOICES, PASTE_KINDS
from .cache import cached
from .case import PERMISSIONS, STATUSES, Default, Mechanism, RegionGroup
from .claims import VERDICTS as CLAIM_VERDICTS
from .law import BASES, VERDICTS
from .regimes import Regime
from .research import Group, Unit
from .schema import ParseContext, type_hints

__all__ = ["KeyUse", "check_code_keys", "code_keys"]

_KIT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class KeyUse:
    """One ``t(...)`` call: the key (literal) or a regular expression for a computed one, where it is, and the names
    of the values it passes (None when it passes ``**values`` and the names cannot be known)."""

    key: str | None
    pattern: str | None
    file: str
    line: int
    passes: frozenset[str] | None

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}"


def _keys(node: ast.expr) -> Iterator[tuple[str | None, str | None]]:
    """(key, None) for each literal key an expression can give, (None, pattern) for a computed one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value, None
    elif isinstance(node, ast.IfExp):
        yield from _keys(node.body)
        yield from _keys(node.orelse)
    elif isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[^.]+" for v in node.values]
        yield None, "".join(parts)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = list(_keys(node.left))
        right = list(_keys(node.right))
        lp = [re.escape(k) if k is not None else p for k, p in left] or [r"[^.]+"]
        rp = [re.escape(k) if k is not None else p for k, p in right] or [r"[^.]+"]
        for a in lp:
            for b in rp:
                yield None, a + b
    else:
        yield None, r"[^.]+"  # a key held in a variable: nothing to check it against


def _scan(files: list[Path]) -> tuple[KeyUse, ...]:
    uses: list[KeyUse] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            if "i18n import" not in text:  # only modules that import t() ask for UI strings
                continue
            tree = ast.parse(text, str(path))
        except (OSError, SyntaxError, UnicodeDecodeError):  # pragma: no cover - the kit's own files parse
            continue
        shown = f"kit/{path.relative_to(_KIT).as_posix()}"
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name not in ("t", "t_or"):
                continue
            passes = None if any(k.arg is None for k in node.keywords) else frozenset(k.arg for k in node.keywords)
            for key, pattern in _keys(node.args[0]):
                if pattern == r"[^.]+":
                    continue
                uses.append(KeyUse(key, pattern, shown, node.lineno, passes))
    return tuple(uses)


def code_keys() -> tuple[KeyUse, ...]:
    """Every ``t(...)`` call in the kit's code (cached until a source file changes)."""

    def files() -> list[Path]:
        return sorted(p for p in _KIT.rglob("*.py") if "__pycache__" not in p.parts)

    return cached("uikeys", lambda: [*files(), *{p.parent for p in files()}], lambda: _scan(files()))


def _declared() -> dict[str, list[str]]:
    """Computed keys whose values come from a closed list the content schema declares (a ``Literal``): each key of
    the list must exist. Keyed by the pattern :func:`_keys` makes of the call."""
    any_ = r"[^.]+"

    def keys(prefix: str, values, suffix: str = "") -> tuple[str, list[str]]:
        return re.escape(prefix) + any_ + re.escape(suffix), [f"{prefix}{v}{suffix}" for v in values]

    pairs = [
        keys("status.", STATUSES), keys("checklist.verdict_", VERDICTS), keys("checklist.basis_", BASES),
        keys("claims.", CLAIM_VERDICTS), keys("optout.default_", get_args(Default)),
        keys("cases.default_", get_args(Default)), keys("cases.mechanism_", get_args(Mechanism)),
        keys("cases.region_", get_args(RegionGroup)), keys("defaults.unit.", get_args(Unit)),
        keys("defaults.unit_short.", get_args(Unit)), keys("defaults.group.", get_args(Group)),
        keys("defaults.group_long.", [g for g in get_args(Group) if g != "other"]),
    ]
    # Keys the views build from a fixed tuple in their own code (the share notice, the class view's marks, the
    # comparer's insertion and deletion markers): each must exist, not merely one key of the pattern.
    from ..ui.share import SHARED_KINDS  # the kinds of entries a shared copy holds (kit.writing.PREFIXES)

    pairs += [
        keys("share.notice_", ("who", "where", "how_long", "stop")), keys("share.what_", SHARED_KINDS),
        keys("classview.mark_", ("True", "False", "None")),
        keys("compare.sr_", ("ins", "del")), keys("compare.", ("ins", "del"), "_open"),
        keys("compare.", ("ins", "del"), "_close"),
    ]
    # The audit's words for a basis, a basis tested, a step's state and a box's length limit (kit/audit.py).
    pairs += [keys("audit.basis_", BASIS_CHOICES), keys("audit.tested_", BASES), keys("audit.conditions_", BASES),
              keys("audit.state_", ("done", "started", "empty")), keys("audit.too_long_", PASTE_KINDS)]
    regimes = [f"defaults.sim.regime.{d}_{w}" for d in ("in", "out") for w in ("each", "owner")]
    pairs.append((re.escape("defaults.sim.regime.") + any_ + "_" + any_, regimes))
    # Issue 24: the three regimes' defaults and fields of law (data/regimes.yaml), from their schema's Literals.
    pairs += [keys("regimes.default_", get_args(type_hints(Regime)["default"])),
              keys("regimes.field_", get_args(type_hints(Regime)["field"])),
              keys("cases.permission_", PERMISSIONS)]
    return dict(pairs)


def _placeholders(text: str) -> set[str] | None:
    try:
        return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}
    except ValueError:
        return None  # a bad placeholder: reported by check_strings


def check_code_keys(strings, ctx: ParseContext) -> None:
    """Check the English strings (a :class:`~kit.content.strings.Strings`) against what the code asks for."""
    if not strings:  # an empty or unreadable file is reported as such; listing every key would drown it
        if not ctx.problems:
            ctx.add(getattr(strings, "file", "data/ui/en.yaml"), None, None, None, "holds no UI strings")
        return
    file = strings.file
    lines = getattr(strings, "lines", {})
    reported: set[str] = set()
    declared = _declared()
    for use in code_keys():
        if use.key is not None:
            if use.key not in strings:
                if use.key not in reported:
                    reported.add(use.key)
                    ctx.add(file, None, None, use.key, f"missing: the kit's code asks for this UI string ({use.where})")
                continue
            wanted = _placeholders(strings[use.key])
            if wanted is None:
                continue
            if use.passes is None:
                continue
            # t(key) without values shows the text as written, so a {placeholder} there would reach the student.
            extra = sorted(wanted - use.passes)
            tag = f"{use.key}:{','.join(extra)}"
            if extra and tag not in reported:
                reported.add(tag)
                given = ", ".join(sorted(use.passes)) or "no values"
                ctx.add(file, lines.get(use.key), None, use.key,
                        f"names the placeholder(s) {', '.join('{' + e + '}' for e in extra)}, which the code does not "
                        f"fill ({use.where} passes {given})")
        elif use.pattern in declared:
            for key in declared[use.pattern]:
                if key not in strings and key not in reported:
                    reported.add(key)
                    ctx.add(file, None, None, key, f"missing: the kit's code asks for this UI string ({use.where})")
        else:
            rx = re.compile(use.pattern)
            if not any(rx.fullmatch(k) for k in strings) and use.pattern not in reported:
                reported.add(use.pattern)
                shown = use.pattern.replace(r"[^.]+", "…").replace("\\", "")
                ctx.add(file, None, None, shown,
                        f"missing: the kit's code asks for UI strings named like this ({use.where})")
