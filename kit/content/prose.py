"""What a language edition's reader reads, as passages with their place (issue 25).

The rules of an edition (its terminology, its typography, no English where the reader expects their language, French
texts that follow their English) read the same texts: the content translations (``data/translations/<lang>/``),
the UI strings (``data/ui/<lang>.yaml``), the markdown cells of the edition's notebooks and its instructor guide,
and, for the English check, the facts of the English content files a reader sees untranslated (source titles,
publishers, venues …). Each :class:`Passage` says where it is twice: as a ``kit check`` message names it (file,
line, entry, field) and as a ``place`` that rules match with wildcards (``data/ui/fr.yaml#cases.*``,
``notebooks/fr/04_*.ipynb#*``, ``data/translations/fr/cases/meta-2024/*``).

The notebooks and the guide live beside the content folder, in the repository (``<content>/../notebooks``): a
content folder on its own (a student release, a test's copy) simply has none.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ContentError, display_path
from .schema import ScalarKind, optional_type, type_hints
from .yamlio import LineDict, load_yaml

__all__ = ["Passage", "fact_passages", "guide_passages", "markdown_prose", "notebook_cells", "notebook_passages",
           "place_matches", "translation_passages", "ui_passages"]

@dataclass(frozen=True)
class Passage:
    """One text a reader of the edition reads, and where it is."""

    file: str  # as messages show it
    line: int | None  # the line its text starts on, in the file (None in a notebook: see entry)
    entry: str | None  # "cell 'c01'", "event 'quinn-post'"
    field: str | None  # the translation's path, the UI key
    place: str  # for rules: '<path under the repository>#<path, key or cell id>'
    text: str
    origin: str  # 'translation', 'ui', 'notebook', 'guide' or 'fact' (an English fact shown as it is)

    def at_offset(self, offset: int) -> tuple[int | None, str | None]:
        """The (line, entry) of a character of the text, for a message: the file's line in the guide and YAML, the
        cell's line in a notebook."""
        within = self.text.count("\n", 0, offset)
        if self.origin == "notebook":
            return None, f"{self.entry}, line {within + 1} of the cell"
        if self.origin == "guide" and self.line is not None:
            return self.line + within, self.entry
        return self.line, self.entry


def place_matches(place: str, pattern: str) -> bool:
    """Whether a passage's place matches a rule's pattern: ``*`` is any run of characters, a pattern without ``#``
    matches every place in the files it names."""
    if "#" not in pattern:
        place = place.split("#", 1)[0]
    return _place_regex(pattern).fullmatch(place) is not None


@functools.lru_cache(maxsize=1024)
def _place_regex(pattern: str) -> re.Pattern:
    """A rule's place pattern as a regular expression, made once: ``kit check`` asks each pattern of the terminology
    about every passage of the edition (tens of thousands of times)."""
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


# ------------------------------------------------------------------------------------------------ content files
def _data_place(root: Path, path: Path) -> str:
    return "data/" + path.relative_to(root).as_posix()


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def translation_passages(root: Path, lang: str) -> Iterator[Passage]:
    """Every text of ``data/translations/<lang>/`` (a file that cannot be read is the translations kind's to report)."""
    base = Path(root) / "translations" / lang
    for path in sorted(base.rglob("*.yaml")) if base.is_dir() else ():
        try:
            data = load_yaml(path)
        except ContentError:
            continue
        if not isinstance(data, LineDict):
            continue
        shown = display_path(path)
        for key, value in data.items():
            if not isinstance(value, dict):
                continue
            line = data.key_lines.get(key)
            for text in _texts(value.get("text")):
                yield Passage(shown, line, None, str(key), f"{_data_place(root, path)}#{key}", text, "translation")


def ui_passages(root: Path, lang: str) -> Iterator[Passage]:
    """Every UI string of ``data/ui/<lang>.yaml``, by its flattened key."""
    path = Path(root) / "ui" / f"{lang}.yaml"
    try:
        data = load_yaml(path) if path.is_file() else None
    except ContentError:
        return
    shown = display_path(path)

    def walk(node: Any, prefix: str) -> Iterator[Passage]:
        lines = getattr(node, "key_lines", {})
        for key, value in node.items():
            if isinstance(value, dict):
                yield from walk(value, f"{prefix}{key}.")
            elif isinstance(value, str):
                yield Passage(shown, lines.get(key), None, f"{prefix}{key}", f"data/ui/{lang}.yaml#{prefix}{key}",
                              value, "ui")

    if isinstance(data, dict):
        yield from walk(data, "")


def _is_prose(tp: Any) -> bool:
    _, tp = optional_type(tp)
    if getattr(tp, "__metadata__", None):
        kind = tp.__metadata__[0]
        return isinstance(kind, ScalarKind) and kind.name in ("line", "text")
    return False


def _facts(cls: type, data: Any, path: str, entry: str | None, translated: set[str]) -> Iterator[tuple]:
    """(path, field, line, entry, text) of every name or title (``translate="name"``) a reader sees as written,
    because no translation gives it in their language."""
    if not isinstance(data, dict):
        return
    hints = type_hints(cls)
    noun = getattr(cls, "entry_name", None) or cls.__name__.lower()
    if isinstance(data.get("id"), str):
        entry = f"{noun} '{data['id']}'"
    lines = getattr(data, "key_lines", {})
    for f in dataclasses.fields(cls):
        value = data.get(f.name)
        if value is None or f.metadata.get("quote"):
            continue
        here = f"{path}{f.name}"
        how = f.metadata.get("translate")
        tp = hints[f.name]
        if how and how != "name":
            continue
        if how == "name":
            if here not in translated and _is_prose(tp) and isinstance(value, str):
                yield here, f.name, lines.get(f.name), entry, value
            continue
        _, inner = optional_type(tp)
        args = getattr(inner, "__args__", ())
        item = args[0] if args else None
        if dataclasses.is_dataclass(inner):
            yield from _facts(inner, value, f"{here}.", entry, translated)
        elif item is not None and dataclasses.is_dataclass(item) and isinstance(value, list):
            for i, x in enumerate(value, 1):
                step = f".{x['id']}" if isinstance(x, dict) and isinstance(x.get("id"), str) else f"[{i}]"
                yield from _facts(item, x, f"{here}{step}.", entry, translated)


def fact_passages(root: Path, lang: str, files: Iterable[tuple[str, Path, type]]) -> Iterator[Passage]:
    """The English content's names and titles a reader of ``lang`` sees as written (the fields marked
    ``translate="name"``: companies, speakers, source titles and publishers, venues …), except where
    ``data/translations/<lang>/`` gives a translation. ``files``: the English files a language translates, (path
    under ``root``, path, record class), as :func:`kit.content.registry.translated_files` lists them."""
    root = Path(root)
    for rel, path, cls in files:
        try:
            data = load_yaml(path)
        except ContentError:
            continue
        if isinstance(data, dict) and data.get("language") == lang:
            continue  # written in the language already
        tpath = root / "translations" / lang / rel
        try:
            tdata = load_yaml(tpath) if tpath.is_file() else {}
        except ContentError:
            tdata = {}
        translated = set(tdata) if isinstance(tdata, dict) else set()
        for p, field, line, entry, text in _facts(cls, data, "", None, translated):
            yield Passage(display_path(path), line, entry, field, f"data/{rel}#{p}", text, "fact")


# ------------------------------------------------------------------------------------------------ notebooks, guide
_FENCE = re.compile(r"^```.*?^```[^\n]*$", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_TAG = re.compile(r"<[^>\n]+>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def markdown_prose(text: str) -> str:
    """Markdown with its code, tags and link targets blanked out (same length and lines, so offsets still hold)."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    for pattern in (_FENCE, _CODE, _TAG, _LINK_TARGET):
        text = pattern.sub(blank, text)
    return text


def notebook_cells(path: Path) -> list[dict]:
    """The cells of a notebook file ([] when it cannot be read: nbval and the notebook tests report that)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []


def notebook_passages(repo: Path, folder: str) -> Iterator[Passage]:
    """The markdown cells of every notebook under ``repo/folder`` (its sub-folders too), code blanked out."""
    base = Path(repo) / folder
    for path in sorted(base.rglob("*.ipynb")) if base.is_dir() else ():
        if ".ipynb_checkpoints" in path.parts:
            continue
        rel = path.relative_to(repo).as_posix()
        for i, cell in enumerate(notebook_cells(path)):
            if cell.get("cell_type") != "markdown":
                continue
            cid = cell.get("id") or f"#{i + 1}"
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            yield Passage(display_path(path), None, f"cell '{cid}'", None, f"{rel}#{cid}", markdown_prose(text),
                          "notebook")


def guide_passages(repo: Path, guide: str) -> Iterator[Passage]:
    """The instructor guide, as one passage (code blanked out); messages name the file's lines."""
    path = Path(repo) / guide
    if path.is_file():
        yield Passage(display_path(path), 1, None, None, guide, markdown_prose(path.read_text(encoding="utf-8")),
                      "guide")
