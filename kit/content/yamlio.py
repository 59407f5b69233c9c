"""Reading YAML so that every mapping and list remembers the line each key and item came from.

Dates are *not* turned into ``datetime.date`` by the loader: they stay strings so that the schema can report a
bad date (``2024-13-01``) as a content problem with its line, instead of PyYAML raising a bare ``ValueError``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ContentError, Problem, display_path

__all__ = ["LineDict", "LineList", "dump_yaml", "load_yaml", "parse_yaml"]


class LineDict(dict):
    """A dict that knows its own line (``line``) and the line of each key (``key_lines``)."""

    line: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict[str, int] = {}


class LineList(list):
    """A list that knows its own line (``line``) and the line of each item (``item_lines``)."""

    line: int | None = None

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers, keeps dates as text, and refuses duplicate keys."""


# Timestamps stay text: the schema parses dates itself so that a bad one is a ContentError, not a ValueError.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            raise _DuplicateKey(key, line, result.key_lines[key])
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_yaml(text: str, file: str):
    """Parse YAML text; any syntax error becomes a ContentError naming ``file`` and the line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except _DuplicateKey as e:
        raise ContentError(
            [Problem(file, e.line, None, e.key, f"this key appears twice in one entry (first at line {e.first_line})")]
        ) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        what = e.problem or "not valid YAML"
        hint = ""
        if "found character '\\t'" in str(e):
            hint = " (YAML does not allow tab characters for indentation: use spaces)"
        elif "mapping values are not allowed" in what:
            hint = " (a text containing ': ' must be put in quotes)"
        raise ContentError([Problem(file, line, None, None, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.YAMLError as e:  # pragma: no cover - PyYAML raises marked errors for syntax problems
        raise ContentError([Problem(file, None, None, None, f"YAML error: {e}")]) from None


def load_yaml(path: str | Path):
    """Read and parse one YAML file; unreadable files become a ContentError too."""
    shown = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(shown, None, None, None, "file not found")]) from None
    except UnicodeDecodeError as e:
        raise ContentError(
            [Problem(shown, None, None, None, f"not UTF-8 text ({e.reason} at byte {e.start})")]
        ) from None
    except OSError as e:
        raise ContentError([Problem(shown, None, None, None, f"cannot be read: {e.strerror}")]) from None
    return parse_yaml(text, shown)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes date-like text unquoted, as the loader (which keeps dates as text) read it."""


_Dumper.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_Dumper.add_representer(LineDict, yaml.SafeDumper.represent_dict)
_Dumper.add_representer(LineList, yaml.SafeDumper.represent_list)


def dump_yaml(tree) -> str:
    """YAML text for a tree read by :func:`load_yaml` (keys in their order, dates written back as they were)."""
    return yaml.dump(tree, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
