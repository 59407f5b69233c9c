"""Leaf helpers every kind of content uses: where the content is, reading one file, and the two cross-checks
(duplicate ids, references to ids), plus :class:`ContentKind`, how a kind declares itself to the registry.

This module imports only the schema engine, the YAML reader and the errors, so every kind module can import it at
the top: nothing imports back.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .cache import cached
from .errors import ContentError, display_path, safe_resolve
from .language import DEFAULT
from .root import data_root
from .schema import ParseContext, parse_document, where
from .translations import load_current, with_translations

__all__ = ["ContentKind", "check_by_loading", "check_duplicates", "check_refs", "check_stray_files", "data_root",
           "load_checked", "load_file", "load_one_file"]

T = TypeVar("T")


@dataclass(frozen=True)
class ContentKind:
    """One kind of content, declared once in its module and listed once in :mod:`kit.content.registry`.

    ``files`` says where it lives under ``data/`` (for readers and the README); ``schema`` is its top-level record
    class(es); ``check(root, ctx)`` parses and cross-checks every file of the kind under ``root``, puts problems in
    ``ctx`` and returns how many items it checked (what ``kit check`` counts, under ``label``); ``load`` is the
    kind's cached loader, the one the views and the logic call.
    """

    name: str
    label: str
    files: str
    schema: tuple[type, ...]
    check: Callable[[Path, ParseContext], int]
    load: Callable | None  # None for rules across kinds, which load nothing of their own
    #: Which files of the kind a language translates (issue 13), and in which release strips answer keys:
    #: (pattern under data/, record class) pairs, first match wins; the pattern is matched with fnmatch against the
    #: path relative to the content folder.
    translated: tuple[tuple[str, type], ...] = ()
    #: The kinds whose files this kind's checks read: the registry checks it after them.
    after: tuple[str, ...] = ()
    #: The language a file of the kind is written in, ``language_of(root, rel, data)``; None: the file's own
    #: ``language`` field, else English.
    language_of: Callable[[Path, str, Any], str] | None = None

    def written_in(self, root: Path, rel: str, data: Any) -> str:
        """The language a file of this kind is written in (a translation into it has nothing to do)."""
        if self.language_of is not None:
            return self.language_of(root, rel, data)
        value = data.get("language") if isinstance(data, dict) else None
        return value if isinstance(value, str) else DEFAULT


def load_checked(key: str, paths: Iterable[Path] | Callable[[], Iterable[Path]], parse: Callable[[ParseContext], T],
                 recheck: float = 0.0) -> T:
    """``parse(ctx)`` with a fresh context, raising one ContentError naming every problem it found; the value is
    cached under ``key`` until one of ``paths`` changes. Every kind's ``load_...`` is this call."""

    def build() -> T:
        ctx = ParseContext()
        value = parse(ctx)
        ctx.raise_if_any()
        return value

    # i13: in another language the value also depends on that language's translation files (the cache keys each
    # language apart, kit/content/cache.py).
    return cached(key, with_translations(paths), build, recheck)


def load_one_file(path: Path, what: str, parse: Callable[[ParseContext], T], also: Iterable[Path] = ()) -> T:
    """A kind held in one file: ``parse(ctx)`` of it, cached until it (or a path in ``also`` it reads too) changes;
    a ContentError naming the file (``what`` it holds) when it is missing."""
    if not path.exists():
        raise ContentError.at_file(path, f"file missing: {what}")
    return load_checked(f"{what}:{safe_resolve(path)}", [path, *also], parse)


def check_by_loading(ctx: ParseContext, load: Callable[[], T], count: Callable[[T], int]) -> int:
    """For ``kit check``: ``load()`` a kind's content (raising one ContentError that names every problem) and count
    what it holds; the problems go to ``ctx`` and then the count is 0."""
    try:
        return count(load())
    except ContentError as e:
        ctx.problems.extend(e.problems)
        return 0


def load_file(path: Path, cls: type, ctx: ParseContext):
    """Parse one YAML file into ``cls``; problems go to ``ctx`` and None comes back."""
    try:
        data = load_current(path, cls)  # i13: the current language's texts over the English, facts untouched
    except ContentError as e:
        ctx.problems.extend(e.problems)
        return None
    return parse_document(cls, data, display_path(path), ctx)


def check_duplicates(ctx: ParseContext, records: Iterable, noun: str) -> None:
    """Report every record whose id was already used by an earlier one."""
    seen: dict[str, object] = {}
    for r in records:
        if r.id in seen:
            first = where(seen[r.id])
            at = f" (first at {first.file}, line {first.line})" if first else ""
            ctx.at(r, "id", f"duplicate id: another {noun} already has the id '{r.id}'{at}")
        else:
            seen[r.id] = r


def check_refs(ctx: ParseContext, record, field: str, ids: Iterable[str], known: Iterable[str] | None, noun: str,
               known_where: str, required: bool = True) -> None:
    """Every id in ``ids`` must be in ``known``; with ``required`` the list must not be empty.

    ``ids`` may be a single id (a str): the field is then named without an index. ``known`` is None when the ids
    cannot be known (a file that lists them did not parse, and its own check says so): no id is called unknown.
    """
    single = isinstance(ids, str)
    ids = [ids] if single else list(ids)
    if required and not ids:
        ctx.at(record, field, f"needs at least one {noun}: add the id of one from {known_where}")
    if known is None:
        return
    known = set(known)
    for i, ref in enumerate(ids, 1):
        if ref not in known:
            close = difflib.get_close_matches(ref, sorted(known), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.at(record, field if single else f"{field}[{i}]",
                   f"unknown {noun} '{ref}': no {noun} with this id in {known_where}.{hint}")


def _near_yaml(name: str) -> bool:
    """A name that looks meant to be read as YAML but will not be: .yml, .YAML, 'final.yaml.txt', 'final.yaml~'."""
    low = name.lower().strip()
    return (low.endswith((".yml", ".yaml")) and not name.endswith(".yaml")) or ".yaml" in low[:-5] or ".yml" in low


def check_stray_files(folder: Path, ctx: ParseContext, allowed: Iterable[str] | None = None,
                      only_near_misses: bool = False) -> None:
    """Report the files in ``folder`` the kit will not read, so a quiz saved as ``final.yml`` is not silently
    ignored. The kit reads ``*.yaml`` (or only the names in ``allowed``); names starting with '.' or '_' are the
    author's own and skipped. With ``only_near_misses``, only names that look meant as YAML are reported."""
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    allowed = set(allowed) if allowed is not None else None
    for p in children:
        name = p.name
        if name.startswith((".", "_")) or p.is_dir():
            continue
        read = name in allowed if allowed is not None else name.endswith(".yaml")
        if read or (only_near_misses and not _near_yaml(name)):
            continue
        stem = name.lower().strip().split(".yaml")[0].split(".yml")[0].rstrip(".~ ")
        if allowed is not None:
            expected = f"the kit reads only {', '.join(sorted(allowed))} here"
        else:
            expected = f"the kit reads only files ending in .yaml here (rename it '{stem}.yaml' if it is content)"
        ctx.add(display_path(p), None, None, None, f"not read: {expected}; move it elsewhere or start its name "
                                                   "with '_' if it is not content")
