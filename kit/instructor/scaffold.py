"""``python -m kit new-case ID``: a new case folder whose files are written from the schema itself.

Every file a case folder may hold (:data:`kit.content.cases.CASE_FILES`) is written from its record class:
each field of each record becomes a line with its plain-language description (the ``doc()`` of the field) as a
comment above it. Required fields are left empty, so ``python -m kit check`` names each one ("field 'title': is
empty …") until it is filled; optional fields are commented out, with an example value to copy. Because the files
are generated from the record classes' fields
(:func:`~kit.content.schema.record_fields`), they cannot drift from what the loader expects.
"""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from ..content.base import data_root
from ..content.cases import CASE_FILES
from ..content.errors import display_path
from ..content.language import DEFAULT, speaking
from ..content.schema import ID_RE, describe, optional_type, record_fields, type_hints
from ..i18n import t
from ..locale import typo

__all__ = ["ScaffoldError", "case_file_text", "new_case", "valid_case_id"]

_WIDTH = 116


class ScaffoldError(Exception):
    """A case that cannot be created (a bad id, a folder that exists). The message is one line."""


def valid_case_id(case_id: str) -> bool:
    return bool(ID_RE.match(case_id))


def _words(lang: str) -> dict[str, str]:
    """The scaffold's own words in ``lang`` (``scaffold.*`` in data/ui/<lang>.yaml; the field descriptions come from
    the schema, in English); the colon as the language writes it before a value."""
    with speaking(lang):
        words = {"required": t("scaffold.required"), "optional": t("scaffold.optional"),
                 "expected": t("scaffold.expected"), "delete": t("scaffold.delete"), "line": t("scaffold.line"),
                 "text": t("scaffold.text")}
    words["colon"] = typo("a:", lang)[1:]  # ":" or, in French, a no-break space and ":"
    return words


# ----------------------------------------------------------------------------------------------- examples
def _example(tp: Any, name: str, words: dict[str, str]) -> str:
    """An example value for a scalar or a list of scalars, written as YAML."""
    _, tp = optional_type(tp)
    origin = get_origin(tp)
    if origin is tuple:
        return "[" + _example(get_args(tp)[0], name, words) + "]"
    if origin is Literal:
        return str(get_args(tp)[0])
    if origin is Annotated:
        kind = get_args(tp)[1].name
        return {
            "id": "example-id",
            "date": "2024-05-17",
            "url": "https://example.org/page",
            "email": "someone@example.org",
            "language": DEFAULT,
            "line": words["line"],
            "text": words["text"],
        }.get(kind, "…")
    return {bool: "false", int: "0", float: "0.0"}.get(tp, "…")


def _is_record(tp: Any) -> bool:
    return dataclasses.is_dataclass(tp)


def _record_list(tp: Any) -> type | None:
    _, tp = optional_type(tp)
    if get_origin(tp) is tuple and _is_record(get_args(tp)[0]):
        return get_args(tp)[0]
    return None


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}#   ",
                         break_on_hyphens=False, break_long_words=False)


def _fields(cls: type) -> list[tuple[dataclasses.Field, Any, bool]]:
    hints = type_hints(cls)
    out = []
    for f in record_fields(cls):
        if not f.init:
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f, hints[f.name], required))
    return out


def _record_lines(cls: type, indent: str, words: dict[str, str], first_prefix: str = "",
                  values: dict[str, str] | None = None) -> list[str]:
    """The lines of one record: each field with its description, required ones empty, optional ones commented.

    ``first_prefix`` ("- ") starts a list item on the first key line; ``values`` pre-fills some fields.
    """
    values = values or {}
    lines: list[str] = []
    key_indent = indent
    started = False

    def key(text: str) -> str:
        nonlocal started
        if first_prefix and not started:
            started = True
            return indent[: len(indent) - len(first_prefix)] + first_prefix + text
        return key_indent + text

    for f, tp, required in _fields(cls):
        what = f.metadata.get("doc", "")
        optional, inner = optional_type(tp)
        expects = describe(tp)
        label = words["required"] if required else words["optional"]
        sub = _record_list(tp)
        if _is_record(inner) or sub is not None:
            # Structure the views rely on is written out, even when optional: delete the block if not needed.
            c = words["colon"]
            note = f"{f.name} ({label}{'' if required else c + ' ' + words['delete']}){c} {what}"
            lines += _comment(note, indent)
            if sub is not None:
                lines.append(key(f"{f.name}:"))
                lines += _record_lines(sub, indent + "    ", words, "- ")
            else:
                lines.append(key(f"{f.name}:"))
                lines += _record_lines(inner, indent + "  ", words)
            continue
        end = "" if what.endswith((".", "…", "?", "!")) else "."
        c = words["colon"]
        lines += _comment(f"{f.name} ({label}){c} {what}{end} {words['expected']}{c} {expects}.", indent)
        if f.name in values:
            lines.append(key(f"{f.name}: {values[f.name]}"))
        elif required or (first_prefix and not started):
            lines.append(key(f"{f.name}:"))
        else:
            # An optional field stays a comment; the first key of a list item must be a real key, so it never is.
            lines.append(f"{indent}# {f.name}: {_example(tp, f.name, words)}")
    return lines


def case_file_text(name: str, cls: type, case_id: str, required: bool, lang: str = DEFAULT) -> str:
    """The text of one scaffolded case file, generated from its record class (``lang``: the scaffold's words)."""
    words = _words(lang)
    with speaking(lang):
        head = t("scaffold.head", name=name, case_id=case_id)
        if not required:
            head += "\n" + t("scaffold.optional_file", noun=_noun(cls))
    values = {"id": case_id} if name == "case.yaml" else None
    if values is not None and lang != DEFAULT:
        values["language"] = lang
    lines = [f"# {line}".rstrip() for line in head.splitlines()]  # the lines as the UI strings break them
    return "\n".join(lines + [""] + _record_lines(cls, "", words, values=values)) + "\n"


def _noun(cls: type) -> str:
    for f, tp, _ in _fields(cls):
        sub = _record_list(tp)
        if sub is not None:
            return getattr(sub, "entry_name", f.name)
    return getattr(cls, "entry_name", "entry")


def new_case(case_id: str, root: Path | None = None, lang: str = DEFAULT) -> Path:
    """Create ``<root>/cases/<case_id>/`` with one scaffolded file per kind of case file. Returns the folder."""
    if not valid_case_id(case_id):
        raise ScaffoldError(
            f"'{case_id}' is not a valid case id: use lower-case letters, digits and hyphens, like 'acme-2025'"
        )
    root = Path(root) if root else data_root()
    if not root.is_dir():
        raise ScaffoldError(f"no content folder at {display_path(root)}")
    folder = root / "cases" / case_id
    if folder.exists():
        raise ScaffoldError(f"{display_path(folder)} already exists: choose another id, or edit the files there")
    texts = {name: case_file_text(name, cls, case_id, req, lang) for name, (cls, req) in CASE_FILES.items()}
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
