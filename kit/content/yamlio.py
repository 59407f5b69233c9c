"""Reading YAML so that every mapping and list remembers the line each key and item came from.

Dates are *not* turned into ``datetime.date`` by the loader: they stay strings so that the schema can report a
bad date (``2024-13-01``) as a content problem with its line, instead of PyYAML raising a bare ``ValueError``.

Content is small, so reading is bounded (issue 11): a file larger than :data:`MAX_BYTES`, nesting deeper than
:data:`MAX_DEPTH`, or aliases that would expand to more than :data:`MAX_NODES` values ("billion laughs") is a
ContentError naming the file and line, found while the events stream in, before anything is built. A path that
is not a regular file (a folder, a pipe, a symlink loop) is one too. Text with a lone surrogate or a control
character (NUL, escapes like ``"\x07"``) is refused with its line: a browser could not be sent it.
"""

from __future__ import annotations

import errno
import os
import pickle
import re
import stat as _stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import parsed
from .cache import cached
from .errors import ContentError, Problem, display_path

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "LineDict", "LineList", "WrittenFloat", "WrittenInt", "bad_character",
           "derived_tree", "dump_yaml", "load_yaml", "parse_yaml", "parses", "read_text", "written"]

#: The largest content file read (the largest shipped one is under 20 KB).
MAX_BYTES = 1024 * 1024
#: The deepest nesting of lists and mappings accepted (shipped content nests at most 6 levels).
MAX_DEPTH = 40
#: The most values a file may hold once its aliases are expanded (shipped files hold a few thousand).
MAX_NODES = 100_000

# Characters no content text may hold: C0/C1 controls other than tab and newline, and lone surrogates.
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def bad_character(text: str) -> str | None:
    """Why ``text`` cannot be shown (a control character or a lone surrogate, named by its code), or None."""
    m = _BAD_CHAR.search(text)
    if m is None:
        return None
    code = f"U+{ord(m.group()):04X}"
    if 0xD800 <= ord(m.group()) <= 0xDFFF:
        return f"holds a lone surrogate ({code}), which is not a character: remove the escape"
    return f"holds the control character {code}, which cannot be shown: remove it"


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


class _TooBig(Exception):
    def __init__(self, line: int | None, message: str, field: str | None = None):
        self.line, self.message, self.field = line, message, field


class _BadText(Exception):
    def __init__(self, line: int | None, message: str, key: str | None = None):
        self.line, self.message, self.key = line, message, key


# libyaml's C parser when PyYAML has it (every PyPI wheel does): it reads the shipped content ten times faster than
# the pure-Python one, which matters because every notebook and `kit check` read it all.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Bounds:
    """Counts depth and alias expansion over a file's events, before any tree is built.

    Events stream in from the (C) parser one at a time, so a deep or exploding file stops here early, with its line
    and the field it happened in, before the composer (recursive) or the constructor (which would expand aliases)
    sees it.
    """

    def __init__(self):
        # per open collection: [anchor, expanded size so far, is a mapping, next scalar is a key, key, item number]
        self._open: list[list] = []
        self._sizes: dict[str, int] = {}
        self._total = 0

    def _field(self) -> str | None:
        """Where the reader is, as a field: 'events[3].quote' (the first levels only: a deep file is one mistake)."""
        parts = []
        for _anchor, _size, mapping, _expect, key, item in self._open[:4]:
            if mapping and key is not None:
                parts.append(f".{key}")
            elif not mapping and item:
                parts.append(f"[{item}]")
        path = "".join(parts).lstrip(".")
        return (path + ("…" if len(self._open) > 4 else "")) or None

    def _too_big(self, line: int | None, message: str) -> _TooBig:
        return _TooBig(line, message, self._field())

    def _count(self, n: int, line: int | None, total: bool = True) -> None:
        """Add ``n`` values to the collection being read, and (unless it was counted already) to the total."""
        if total:
            self._total += n
        if self._open:
            self._open[-1][1] += n
        if self._total > MAX_NODES:
            raise self._too_big(line, f"too many values once aliases (*name) are expanded: more than {MAX_NODES:,}; "
                                      "content files are small, so this is a mistake or an alias bomb")

    def _value_starts(self) -> None:
        if self._open and not self._open[-1][2]:
            self._open[-1][5] += 1  # the next item of a list

    def _value_ends(self) -> None:
        if self._open and self._open[-1][2]:
            self._open[-1][3] = True  # a mapping's value read: a key comes next

    def see(self, event) -> None:
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._value_starts()
            self._count(1, line)
            self._open.append([event.anchor, 1, isinstance(event, yaml.MappingStartEvent), True, None, 0])
            if len(self._open) > MAX_DEPTH:
                raise self._too_big(line, f"nested more than {MAX_DEPTH} levels deep: content files need a few "
                                          "levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)) and self._open:
            anchor, size, *_ = self._open.pop()
            if anchor:
                self._sizes[anchor] = size
            self._count(size - 1, line, total=False)  # its values are in the total already; the parent gets them
            self._value_ends()
        elif isinstance(event, yaml.ScalarEvent):
            size = 1 + len(event.value) // 256
            if event.anchor:
                self._sizes[event.anchor] = size
            if self._open and self._open[-1][2] and self._open[-1][3]:  # a key of the mapping
                self._open[-1][3], self._open[-1][4] = False, event.value
                self._count(size, line)
                return
            self._value_starts()
            self._count(size, line)
            self._value_ends()
        elif isinstance(event, yaml.AliasEvent):
            self._value_starts()
            self._count(self._sizes.get(event.anchor, 1), line)
            self._value_ends()


class _Checks:
    """What both loaders add to PyYAML's safe loader: keep line numbers, keep dates as text, refuse duplicate keys and
    unshowable text. They only ever read a file that :class:`_Bounds` has counted, so they build small trees."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as e:  # e.g. an integer of more digits than Python converts
            raise _BadText(node.start_mark.line + 1, f"cannot be read as a value ({e})") from None

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if isinstance(value, str):
            why = bad_character(value)
            if why:
                raise _BadText(node.start_mark.line + 1, why)
        return value




class WrittenFloat(float):
    """A number read from a file, which remembers how it was written (``12.50``, not ``12.5``)."""

    written: str = ""


class WrittenInt(int):
    """A whole number read from a file, which remembers how it was written (``0012``, ``1_000``)."""

    written: str = ""


def written(value) -> str:
    """A scalar as the file wrote it: a number keeps its digits (an option '12.50' is shown as 12.50)."""
    return getattr(value, "written", "") or str(value)


def _number(kind: type, convert):
    def construct(loader, node):
        out = kind(convert(loader, node))
        out.written = node.value
        return out

    return construct


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line


def _construct_mapping(loader: _Checks, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = written(key)
        line = key_node.start_mark.line + 1
        if key in result:
            raise _DuplicateKey(key, line, result.key_lines[key])
        try:
            result[key] = loader.construct_object(value_node, deep=True)
        except _BadText as e:
            if e.key is None:
                e.key = key
            raise
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Checks, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _loader(base: type) -> type:
    loader = type(f"_Loader{base.__name__}", (_Checks, base), {})
    # Timestamps stay text: the schema parses dates itself so that a bad one is a ContentError, not a ValueError.
    loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    # Numbers remember how they were written, so a text that YAML read as a number shows as the author wrote it.
    loader.add_constructor("tag:yaml.org,2002:float", _number(WrittenFloat, base.construct_yaml_float))
    loader.add_constructor("tag:yaml.org,2002:int", _number(WrittenInt, base.construct_yaml_int))
    return loader


# The fast loader reads every file; a file it refuses is read again by the pure-Python one, whose messages say more
# (the key holding a bad escape, a tab used for indentation) and count lines in characters, not bytes.
_FAST, _PURE = _loader(_Parser), _loader(yaml.SafeLoader)


def _read(text: str, loader: type):
    bounds = _Bounds()
    for event in yaml.parse(text, Loader=loader):
        bounds.see(event)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader


def _read_or_explain(text: str):
    try:
        return _read(text, _FAST)
    except yaml.YAMLError:
        if _FAST is _PURE:
            raise
        return _read(text, _PURE)



_FLOW_CHARS = re.compile(r"[\[\]{}\"'#\n]")
_QUOTED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"', re.S), "'": re.compile(r"'(?:[^']|'')*'", re.S)}


_KEY_BEFORE = re.compile(r"^\s*(?:-\s+)?([^\s#\[{\-][^:#]*?)\s*:\s*[\[{]")


def _flow_too_deep(text: str) -> tuple[int, str | None] | None:
    """The line where ``[``/``{`` brackets nest deeper than :data:`MAX_DEPTH`, and the key whose value they open
    (None when the brackets start elsewhere), or None.

    Checked on the text before PyYAML reads it: its scanner looks ahead over every open bracket before it hands
    out the first event, in time that grows with the square of the depth, so the event count comes too late. Quoted
    strings and comments are skipped; this only has to be right for nesting that deep.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, line, pos, key = 0, 1, 0, None
    while (m := _FLOW_CHARS.search(text, pos)) is not None:
        c, i = m.group(), m.start()
        pos = i + 1
        if c == "\n":
            line += 1
        elif c == "#" and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i)
            if end < 0:
                return None
            pos = end
        elif c in "\"'" and (i == 0 or text[i - 1] in " \t\n[{,:-?"):
            q = _QUOTED[c].match(text, i)
            if q is None:
                return None  # an unclosed quote: the YAML reader reports it
            line += q.group().count("\n")
            pos = q.end()
        elif c in "[{":
            if depth == 0:  # the key on this line, if the brackets open its value
                start = text.rfind("\n", 0, i) + 1
                m_key = _KEY_BEFORE.match(text[start:i + 1])
                key = m_key.group(1) if m_key else None
            depth += 1
            if depth > MAX_DEPTH:
                return line, key
        elif c in "]}":
            depth = max(0, depth - 1)
    return None


# A line that starts an entry: list dashes, then a key and its colon (a quoted key too), or a dash alone.
_ENTRY = re.compile(r"""^( *)((?:- +)*)(?:"[^"]*"|'[^']*'|[^\s#'"-][^#]*?) *:(?: |$)|^( *)((?:- +)+)\S""")
_BLOCK_TEXT = re.compile(r":\s+[|>][-+0-9]*\s*(?:#.*)?$")


def _misaligned(text: str, number: int) -> str | None:
    """When line ``number`` of ``text`` is indented so that it lines up with no entry above it (an indentation
    slip), the words that say so and how far its entry is indented; else None.

    The entries open above the line are followed from the top (texts written as ``>-`` or ``|`` blocks are skipped):
    a line may start at the column of one of them, or further in right after a key that opens a block.
    """
    lines = text.split("\n")
    if not 1 <= number <= len(lines) or not lines[number - 1].strip():
        return None
    target = lines[number - 1]
    col = len(target) - len(target.lstrip(" "))
    open_: list[tuple[int, int, bool]] = []  # (column, the last line an entry started at it, a list's dash?)
    opens_block = None  # the column of a key just above whose value is on the lines below
    block_text = None  # while inside a '>-' or '|' text: its key's indentation
    for i, line in enumerate(lines[: number - 1], 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block_text is not None and indent > block_text:
            continue
        block_text = None
        m = _ENTRY.match(line)
        if m is None:  # a text going on from the line above
            continue
        dashes = m.group(2) if m.group(1) is not None else m.group(4)
        columns = [(indent + k, True) for k, c in enumerate(dashes) if c == "-"] + [(indent + len(dashes), False)]
        while open_ and open_[-1][0] > indent:
            open_.pop()
        for c, dash in columns:
            if open_ and open_[-1][0] == c:
                open_[-1] = (c, i, dash)
            else:
                open_.append((c, i, dash))
        opens_block = columns[-1][0] if m.group(1) is not None and stripped.endswith(":") else None
        if _BLOCK_TEXT.search(line):
            block_text = indent
    if not open_ or any(c == col for c, _, _ in open_) or (opens_block is not None and col >= opens_block):
        return None
    dash = target.lstrip(" ").startswith("- ")
    alike = [o for o in open_ if o[2] == dash] or open_  # a list's dash lines up with dashes, a key with keys
    ref, at, _ = min(alike, key=lambda o: (abs(o[0] - col), -o[0]))
    spaces = lambda n: f"{n} space{'s' if n != 1 else ''}"  # noqa: E731
    return (f"this line is indented {spaces(col)}, which lines it up with nothing above it: indent it as the entry "
            f"it belongs to ({spaces(ref)}, as on line {at})")


#: Trees already parsed, by the text they were parsed from, each kept as a pickle (a fresh copy at every call, so a
#: caller that changes its tree changes no one else's). The same file is read by several checks (``kit check`` reads
#: each English file five times: its kind, its translations, the twins, the terminology, the English report), and a
#: copy of the content (a test's, an instructor's draft) holds the same texts: unpickling is about 15 times faster
#: than parsing. Only texts that parsed are kept, in this process only, at most :data:`MEMO_BYTES` of them.
_MEMO: dict[str, bytes] = {}
MEMO_BYTES = 64 * 1024 * 1024
_memo_size = 0


def parse_yaml(text: str, file: str):
    """Parse YAML text; any syntax error becomes a ContentError naming ``file`` and the line."""
    global _memo_size
    blob = _MEMO.get(text)
    if blob is not None:
        return pickle.loads(blob)  # noqa: S301 - pickled by this process, from a tree it parsed itself
    tree = _kept(text, "", lambda: _parse(text, file))
    blob = pickle.dumps(tree, pickle.HIGHEST_PROTOCOL)
    size = len(text) + len(blob)
    while _MEMO and _memo_size + size > MEMO_BYTES:  # the oldest first
        old = next(iter(_MEMO))
        _memo_size -= len(old) + len(_MEMO.pop(old))
    if size <= MEMO_BYTES:
        _MEMO[text] = blob
        _memo_size += size
    return tree


def derived_tree(text: str, file: str, what: str, derive: Callable[[Any], Any]):
    """``derive(tree)`` of the tree ``text`` parses to, kept in the parse cache (:mod:`kit.content.parsed`) like a
    parsed tree, named by the text and by ``what`` (everything else ``derive`` depends on: the caller says it all).

    A French notebook reads each content file with its translation's texts on it (:mod:`kit.content.translations`):
    the English file and its translation parsed, and the translation's entries checked and put on, were most of the
    French edition's extra time; read back whole, the tree costs what the English file alone does. ``derive`` gets a
    tree of its own and may change it in place; a text that does not parse raises its ContentError as
    :func:`parse_yaml` does, and a tree JSON cannot hold is derived each time.
    """
    return _kept(text, what, lambda: derive(parse_yaml(text, file)))


def _kept(text: str, what: str, make: Callable[[], Any]):
    """The tree kept on disk for ``text`` and ``what`` by an earlier process (JSON: only data), else ``make()``'s,
    kept for the next one."""
    tree = _from_json(parsed.read(text, what))
    if tree is None:
        tree = make()
        try:
            parsed.write(text, _to_json(tree), what)
        except (TypeError, RecursionError):  # a value JSON cannot hold (YAML's !!binary, !!set): made each time
            pass
    return tree


def _parse(text: str, file: str):
    deep = _flow_too_deep(text)
    if deep is not None:
        raise ContentError([Problem(file, deep[0], None, deep[1],
                                    f"nested more than {MAX_DEPTH} levels deep: content files need a few levels")])
    try:
        return _read_or_explain(text)
    except _DuplicateKey as e:
        raise ContentError(
            [Problem(file, e.line, None, e.key, f"this key appears twice in one entry (first at line {e.first_line})")]
        ) from None
    except _TooBig as e:
        raise ContentError([Problem(file, e.line, None, e.field, e.message)]) from None
    except _BadText as e:
        raise ContentError([Problem(file, e.line, None, e.key, e.message)]) from None
    except yaml.reader.ReaderError as e:  # a NUL or other character YAML refuses: say the line, not the offset
        line = text.count("\n", 0, max(0, e.position)) + 1
        code = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise ContentError([Problem(file, line, None, None,
                                    f"holds the control character {code}, which cannot be shown: remove it")]
                           ) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before Python's limit
        raise ContentError([Problem(file, None, None, None, f"nested more than {MAX_DEPTH} levels deep")]) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        what = e.problem or "not valid YAML"
        hint = ""
        slip = _misaligned(text, line) if line is not None else None
        if "found character '\\t'" in str(e):
            hint = " (YAML does not allow tab characters for indentation: use spaces)"
        elif slip:  # PyYAML's words ("expected <block end>") for an indentation slip: say what to do instead
            what = slip
        elif "mapping values are not allowed" in what:
            hint = " (a text containing ': ' must be put in quotes)"
        raise ContentError([Problem(file, line, None, None, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.YAMLError as e:  # pragma: no cover - PyYAML raises marked errors for syntax problems
        raise ContentError([Problem(file, None, None, None, f"YAML error: {e}")]) from None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``max_bytes``; anything else is a ContentError naming it.

    Never blocks (a pipe is refused before it is opened) and never follows a symlink loop.
    """
    shown = display_path(path)

    def fail(message: str, line: int | None = None) -> ContentError:
        return ContentError([Problem(shown, line, None, None, message)])

    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise fail("is a symbolic link to a file that does not exist") from None
        raise fail("file not found") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise fail("is a symbolic link that loops back to itself") from None
        raise fail(f"cannot be read: {e.strerror}") from None
    if _stat.S_ISDIR(st.st_mode):
        raise fail("is a folder, not a file")
    if not _stat.S_ISREG(st.st_mode):
        raise fail("is not a regular file (a pipe or a device?)")
    if st.st_size > max_bytes:
        raise fail(f"is too large ({st.st_size:,} bytes; content files are at most {max_bytes:,})")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise fail(f"cannot be read: {e.strerror}") from None
    if len(data) > max_bytes:
        raise fail(f"is too large (over {max_bytes:,} bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise fail(f"not UTF-8 text ({e.reason} at byte {e.start})", line) from None


def load_yaml(path: str | Path):
    """Read and parse one YAML file; unreadable, oversized or looping files become a ContentError too."""
    return parse_yaml(read_text(path), display_path(path))


def load_mapping(path: str | Path, expected: str) -> tuple[LineDict | None, list[Problem], bool]:
    """A YAML file that should hold a mapping: (the mapping, or None when it is empty or is not one; its problems;
    whether it could be read and parsed at all). ``expected`` says what the mapping holds, for the message."""
    try:
        data = load_yaml(path)
    except ContentError as e:
        return None, list(e.problems), False
    if data is None:
        return None, [], True
    if not isinstance(data, LineDict):
        return None, [Problem(display_path(path), getattr(data, "line", 1), None, None, f"expected {expected}")], True
    return data, [], True


def parses(path: str | Path) -> bool:
    """Whether a content file can be read and parsed as YAML. A check that reads another kind's file asks first:
    when it does not parse, its own check reports why, once, and what depends on it is skipped until it does."""
    def build() -> bool:
        try:
            load_yaml(path)
        except ContentError:
            return False
        return True

    return cached(f"parses:{Path(path).absolute()}", [Path(path)], build)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes date-like text unquoted, as the loader (which keeps dates as text) read it."""


_Dumper.yaml_implicit_resolvers = _PURE.yaml_implicit_resolvers
_Dumper.add_representer(LineDict, yaml.SafeDumper.represent_dict)
_Dumper.add_representer(LineList, yaml.SafeDumper.represent_list)
_Dumper.add_representer(WrittenFloat, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", v.written))
_Dumper.add_representer(WrittenInt, lambda d, v: d.represent_scalar("tag:yaml.org,2002:int", v.written))


def dump_yaml(tree) -> str:
    """YAML text for a tree read by :func:`load_yaml` (keys in their order, dates and numbers written back as they
    were)."""
    return yaml.dump(tree, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


# The parse cache (parsed.py) keeps a tree as JSON. A mapping is {"m": line, "k": [[key, key line, value], ...]}, a
# list {"l": line, "i": item lines, "v": values}, a number as written {"n": "12.50", "f": true, "x": 12.5}; anything
# else is itself (JSON's own values: a str, a bool, None).


def _to_json(value):
    if isinstance(value, LineDict):
        return {"m": value.line, "k": [[k, value.key_lines.get(k), _to_json(v)] for k, v in value.items()]}
    if isinstance(value, LineList):
        return {"l": value.line, "i": value.item_lines, "v": [_to_json(v) for v in value]}
    if isinstance(value, (WrittenFloat, WrittenInt)):
        return {"n": value.written, "f": isinstance(value, WrittenFloat), "x": value}
    if value is None or isinstance(value, (str, bool)):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__}")


def _decode(value):
    if type(value) is dict:
        if "m" in value:
            out = LineDict()
            out.line = value["m"]
            lines = out.key_lines
            for key, line, item in value["k"]:
                out[key] = _decode(item)
                lines[key] = line
            return out
        if "l" in value:
            out = LineList([_decode(v) for v in value["v"]])
            out.line, out.item_lines = value["l"], list(value["i"])
            return out
        number = (WrittenFloat if value["f"] else WrittenInt)(value["x"])
        number.written = str(value["n"])
        return number
    if value is None or type(value) in (str, bool):
        return value
    raise TypeError(f"not a kept value: {type(value).__name__}")


def _from_json(value):
    """The tree a kept value stands for, or None when there is none or it is not a whole tree."""
    if value is None:
        return None
    try:
        return _decode(value)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return None
