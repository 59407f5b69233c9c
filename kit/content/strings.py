"""The UI strings kind: ``data/ui/<language>.yaml``, nested groups of keys flattened to ``"timeline.next"``.

The English file is the reference; another language's file must have the same keys and the same placeholders.
Loaded through the same cache as every other kind (:mod:`kit.content.cache`).
"""

from __future__ import annotations

import os
import string
from pathlib import Path

from .base import ContentKind, data_root, load_checked
from .errors import ContentError, display_path
from .schema import ParseContext
from .yamlio import load_yaml

__all__ = ["DEFAULT", "STRINGS", "check_strings", "load_strings", "placeholders", "ui_dir"]

#: The reference language: every other file must have its keys.
DEFAULT = "en"


def ui_dir(root: Path | None = None) -> Path:
    """``data/ui`` (or ``root/ui``)."""
    return (Path(root) if root else data_root()) / "ui"


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


def _parse(path: Path, lang: str, ctx: ParseContext) -> dict[str, str]:
    if not path.exists():
        raise ContentError.at_file(path, f"no UI strings for the language '{lang}'")
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
    return out


#: A view asks for dozens of strings at once, so the file is looked at no more than once a second.
RECHECK_SECONDS = 1.0


def load_strings(lang: str, root: Path | None = None) -> dict[str, str]:
    """The strings of ``lang``, by flattened key (cached until the file changes). Raises ContentError."""
    def path() -> Path:
        return ui_dir(root) / f"{lang}.yaml"

    # The key is cheap to make (no path built): t() is called for every word a view shows.
    key = f"strings:{lang}:{root or os.environ.get('KIT_DATA', '')}"
    return load_checked(key, lambda: [path()], lambda ctx: _parse(path(), lang, ctx), recheck=RECHECK_SECONDS)


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a UI string."""
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def check_strings(root: Path, ctx: ParseContext) -> int:
    """Check every ``data/ui/*.yaml``: the English file is the reference; others must have the same keys."""
    folder = ui_dir(root)
    files = sorted(folder.glob("*.yaml"))
    if not (folder / f"{DEFAULT}.yaml").exists():
        ctx.add(display_path(folder / f"{DEFAULT}.yaml"), None, None, None, "file missing: the English UI strings")
        return len(files)
    reference = _parse(folder / f"{DEFAULT}.yaml", DEFAULT, ctx)
    for path in files:
        if path.stem == DEFAULT:
            continue
        other = _parse(path, path.stem, ctx)
        shown = display_path(path)
        for key in sorted(set(reference) - set(other)):
            ctx.add(shown, None, None, key, f"missing: {DEFAULT}.yaml has this key")
        for key in sorted(set(other) - set(reference)):
            ctx.add(shown, None, None, key, f"unknown key: {DEFAULT}.yaml has no such key")
        for key in sorted(set(other) & set(reference)):
            if placeholders(other[key]) != placeholders(reference[key]):
                ctx.add(shown, None, None, key,
                        f"placeholders {sorted(placeholders(other[key]))} differ from {DEFAULT}.yaml's "
                        f"{sorted(placeholders(reference[key]))}")
    for key, text in reference.items():
        try:
            list(string.Formatter().parse(text))
        except ValueError as e:
            ctx.add(display_path(folder / f"{DEFAULT}.yaml"), None, None, key, f"bad placeholder: {e}")
    return len(files)


STRINGS = ContentKind("strings", "UI string files", "ui/<language>.yaml", (), check_strings, load_strings)
