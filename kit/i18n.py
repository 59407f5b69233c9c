"""UI strings (button labels, headings, feedback words) from ``data/ui/<language>.yaml``.

Code never holds words a student reads: it asks for them by key, ``t("timeline.next")``. A French edition is a
file ``data/ui/fr.yaml`` with the same keys, chosen with ``kit.set_language("fr")`` or the ``KIT_LANG`` variable.
"""

from __future__ import annotations

import os
import string
import time
from pathlib import Path

from .content.errors import ContentError, Problem, display_path
from .content.schema import ParseContext
from .content.yamlio import load_yaml

__all__ = ["check_strings", "language", "set_language", "t"]

DEFAULT = "en"
_state = {"language": os.environ.get("KIT_LANG", DEFAULT)}
_cache: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
_recent: dict[tuple[str, str | None], tuple[float, dict[str, str]]] = {}
_RECHECK_SECONDS = 1.0


def _ui_dir(root: Path | None = None) -> Path:
    from .content.loader import data_root

    return (root or data_root()) / "ui"


def _flatten(node, prefix: str, file: str, out: dict[str, str], ctx: ParseContext) -> None:
    lines = getattr(node, "key_lines", {})
    for key, value in node.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{full}.", file, out, ctx)
        elif isinstance(value, str) and value.strip():
            out[full] = value
        else:
            ctx.add(file, lines.get(key, getattr(node, "line", None)), None, full,
                    "expected some text (a UI string), or a group of UI strings")


def _load(lang: str, root: Path | None = None, ctx: ParseContext | None = None) -> dict[str, str]:
    path = _ui_dir(root) / f"{lang}.yaml"
    own = ctx is None
    hit = _cache.get((str(path), lang))
    ctx = ctx or ParseContext()
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise ContentError([Problem(display_path(path), None, None, None,
                                    f"no UI strings for the language '{lang}'")]) from None
    if hit and hit[0] == mtime and own:
        return hit[1]
    out: dict[str, str] = {}
    try:
        data = load_yaml(path)
    except ContentError as e:
        ctx.problems.extend(e.problems)
        data = None
    if data is not None and not isinstance(data, dict):
        ctx.add(display_path(path), 1, None, None, "expected a mapping of keys to UI strings")
    elif data:
        _flatten(data, "", display_path(path), out, ctx)
    if own:
        ctx.raise_if_any()
        _cache[(str(path), lang)] = (mtime, out)
    return out


def _strings(lang: str) -> dict[str, str]:
    """The strings of ``lang``; a view asks for dozens at once, so the file is looked at most once a second."""
    key = (lang, os.environ.get("KIT_DATA"))
    now = time.monotonic()
    hit = _recent.get(key)
    if hit and now - hit[0] < _RECHECK_SECONDS:
        return hit[1]
    strings = _load(lang)
    _recent[key] = (now, strings)
    return strings


def language() -> str:
    return _state["language"]


def set_language(lang: str) -> None:
    """Switch the language of every view created from now on (``data/ui/<lang>.yaml`` must exist)."""
    _load(lang)
    _state["language"] = lang


def t(key: str, **values) -> str:
    """The UI string ``key`` in the current language (English when that language lacks it), filled with values."""
    strings = _strings(language())
    text = strings.get(key)
    if text is None and language() != DEFAULT:
        text = _strings(DEFAULT).get(key)
    if text is None:
        raise KeyError(f"no UI string '{key}' in data/ui/{DEFAULT}.yaml")
    text = text.format(**values) if values else text
    if language() != DEFAULT:  # i13 hook: French typography (no-break spaces before ; : ! ? and inside « »)
        from .locale import typo

        text = typo(text)
    return text


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def check_strings(root: Path, ctx: ParseContext) -> int:
    """Check every ``data/ui/*.yaml``: the English file is the reference; others must have the same keys."""
    folder = _ui_dir(root)
    files = sorted(folder.glob("*.yaml"))
    if not (folder / f"{DEFAULT}.yaml").exists():
        ctx.add(display_path(folder / f"{DEFAULT}.yaml"), None, None, None, "file missing: the English UI strings")
        return len(files)
    reference = _load(DEFAULT, root, ctx)
    for path in files:
        if path.stem == DEFAULT:
            continue
        other = _load(path.stem, root, ctx)
        shown = display_path(path)
        for key in sorted(set(reference) - set(other)):
            ctx.add(shown, None, None, key, f"missing: {DEFAULT}.yaml has this key")
        for key in sorted(set(other) - set(reference)):
            ctx.add(shown, None, None, key, f"unknown key: {DEFAULT}.yaml has no such key")
        for key in sorted(set(other) & set(reference)):
            if _fields(other[key]) != _fields(reference[key]):
                ctx.add(shown, None, None, key,
                        f"placeholders {sorted(_fields(other[key]))} differ from {DEFAULT}.yaml's "
                        f"{sorted(_fields(reference[key]))}")
    for key, text in reference.items():
        try:
            list(string.Formatter().parse(text))
        except ValueError as e:
            ctx.add(display_path(folder / f"{DEFAULT}.yaml"), None, None, key, f"bad placeholder: {e}")
    return len(files)
