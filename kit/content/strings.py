"""The UI strings kind: ``data/ui/<language>.yaml``, nested groups of keys flattened to ``"timeline.next"``.

The English file is the reference; another language's file must have the same keys and the same placeholders.
Loaded through the same cache as every other kind (:mod:`kit.content.cache`).
"""

from __future__ import annotations

import os
import string
from pathlib import Path

from .base import ContentKind, check_stray_files, data_root, load_checked
from .errors import ContentError, display_path
from .language import languages
from .schema import ParseContext, is_blank
from .uikeys import check_code_keys
from .yamlio import load_yaml

__all__ = ["DEFAULT", "STRINGS", "Strings", "check_strings", "languages", "load_strings", "placeholders", "ui_dir"]

#: The reference language: every other file must have its keys.
DEFAULT = "en"


def ui_dir(root: Path | None = None) -> Path:
    """``data/ui`` (or ``root/ui``)."""
    return (Path(root) if root else data_root()) / "ui"


class Strings(dict):
    """The strings of one language by flattened key, with the file they came from and the line of each key."""

    def __init__(self, file: str = ""):
        super().__init__()
        self.file = file
        self.lines: dict[str, int] = {}
        self.parsed = True  # False: the file is not YAML that can be read (its problem says why)


def _flatten(node, prefix: str, file: str, out: Strings, ctx: ParseContext) -> None:
    lines = getattr(node, "key_lines", {})
    for key, value in node.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{full}.", file, out, ctx)
        elif isinstance(value, str) and not is_blank(value):
            out[full] = value
            out.lines[full] = lines.get(key, getattr(node, "line", None))
        else:
            ctx.add(file, lines.get(key, getattr(node, "line", None)), None, full,
                    "expected some text (a UI string), or a group of UI strings")


def _parse(path: Path, lang: str, ctx: ParseContext) -> Strings:
    if not path.exists() and not path.is_symlink():
        raise ContentError.at_file(path, f"no UI strings for the language '{lang}'")
    out = Strings(display_path(path))
    try:
        data = load_yaml(path)
    except ContentError as e:
        ctx.problems.extend(e.problems)
        out.parsed = False
        return out
    if data is None:
        ctx.add(out.file, None, None, None, "the file is empty: expected the UI strings, grouped by view")
    elif not isinstance(data, dict):
        ctx.add(out.file, 1, None, None, "expected a mapping of keys to UI strings")
    else:
        _flatten(data, "", out.file, out, ctx)
        if not out:
            ctx.add(out.file, 1, None, None, "holds no UI strings")
    return out


#: A view asks for dozens of strings at once, so the file is looked at no more than once a second.
RECHECK_SECONDS = 1.0


def load_strings(lang: str, root: Path | None = None) -> Strings:
    """The strings of ``lang``, by flattened key (cached until the file changes). Raises ContentError."""
    def path() -> Path:
        return ui_dir(root) / f"{lang}.yaml"

    # The key is cheap to make (no path built): t() is called for every word a view shows.
    key = f"strings:{lang}:{root or os.environ.get('KIT_DATA', '')}"
    return load_checked(key, lambda: [path()], lambda ctx: _parse(path(), lang, ctx), recheck=RECHECK_SECONDS)


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a UI string."""
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _placeholders_of(strings: Strings, ctx: ParseContext) -> dict[str, set[str]]:
    """The placeholders of every string of a file; a string whose braces do not parse is a problem naming the file,
    the line and the key, and is left out of the comparisons."""
    out = {}
    for key, text in strings.items():
        try:
            out[key] = placeholders(text)
        except ValueError as e:
            ctx.add(strings.file, strings.lines.get(key), None, key,
                    f"malformed placeholder braces ({e}): write {{name}} where the kit fills in a value, and "
                    "{{ or }} for a brace shown as it is")
    return out


def check_strings(root: Path, ctx: ParseContext) -> int:
    """Check every ``data/ui/*.yaml``: the English file is the reference; others must have the same keys, and every
    ``{placeholder}`` must parse."""
    folder = ui_dir(root)
    files = sorted(folder.glob("*.yaml"))
    check_stray_files(folder, ctx)
    if not (folder / f"{DEFAULT}.yaml").exists() and not (folder / f"{DEFAULT}.yaml").is_symlink():
        ctx.add(display_path(folder / f"{DEFAULT}.yaml"), None, None, None, "file missing: the English UI strings")
        return len(files)
    reference = _parse(folder / f"{DEFAULT}.yaml", DEFAULT, ctx)
    wanted = _placeholders_of(reference, ctx)
    if reference.parsed:
        check_code_keys(reference, ctx)  # the keys and placeholders the kit's code asks for
    for path in files:
        if path.stem == DEFAULT:
            continue
        other = _parse(path, path.stem, ctx)
        given = _placeholders_of(other, ctx)
        if not (reference.parsed and other.parsed):
            continue  # compared once both can be read: a file that cannot is reported, once
        shown = display_path(path)
        for key in sorted(set(reference) - set(other)):
            ctx.add(shown, None, None, key, f"missing: {DEFAULT}.yaml has this key")
        for key in sorted(set(other) - set(reference)):
            ctx.add(shown, other.lines.get(key), None, key, f"unknown key: {DEFAULT}.yaml has no such key")
        for key in sorted(set(given) & set(wanted)):
            if given[key] != wanted[key]:
                ctx.add(shown, other.lines.get(key), None, key,
                        f"placeholders {sorted(given[key])} differ from {DEFAULT}.yaml's {sorted(wanted[key])}")
    return len(files)


STRINGS = ContentKind("strings", "UI string files", "ui/<language>.yaml", (), check_strings, load_strings)
