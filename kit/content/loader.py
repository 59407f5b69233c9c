"""Finding and loading content: cases now, other kinds of content through :data:`CHECKS`.

Loading is cached on the files' modification times, so a notebook re-runs instantly and an instructor's edit is
picked up on the next call without restarting the kernel.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .cache import cached
from .case import Case, CaseFile, DocumentsFile, SourcesFile, StatementsFile, TimelineFile
from .claims import ClaimsFile, check_policy_content
from .errors import ContentError, Problem, display_path
from .law import check_law_and_checklist
from .quiz import check_quizzes
from .schema import ParseContext, parse_document, where
from .yamlio import load_yaml

__all__ = [
    "CASE_FILES",
    "CHECKS",
    "case_ids",
    "check_all",
    "check_duplicates",
    "check_refs",
    "data_root",
    "load_case",
    "load_file",
]

#: Files a case folder may hold: name -> (record class, required?). Other modules may add optional files.
CASE_FILES: dict[str, tuple[type, bool]] = {
    "case.yaml": (CaseFile, True),
    "sources.yaml": (SourcesFile, True),
    "timeline.yaml": (TimelineFile, True),
    "documents.yaml": (DocumentsFile, False),
    "statements.yaml": (StatementsFile, False),
    "claims.yaml": (ClaimsFile, False),
}


def data_root() -> Path:
    """The content folder: ``$KIT_DATA`` if set, else ``data/`` beside the ``kit`` package."""
    env = os.environ.get("KIT_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "data"


def load_file(path: Path, cls: type, ctx: ParseContext):
    """Parse one YAML file into ``cls``; problems go to ``ctx`` and None comes back."""
    try:
        data = load_yaml(path)
    except ContentError as e:
        ctx.problems.extend(e.problems)
        return None
    # i13 hook: the current language's translations of the kit's own words, over the English (facts untouched).
    from .translations import overlay_current

    data = overlay_current(path, cls, data)
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


def check_refs(ctx: ParseContext, record, field: str, ids: Iterable[str], known: Iterable[str], noun: str,
               known_where: str, required: bool = True) -> None:
    """Every id in ``ids`` must be in ``known``; with ``required`` the list must not be empty.

    ``ids`` may be a single id (a str): the field is then named without an index.
    """
    single = isinstance(ids, str)
    ids = [ids] if single else list(ids)
    known = set(known)
    if required and not ids:
        ctx.at(record, field, f"needs at least one {noun}: add the id of one from {known_where}")
    for i, ref in enumerate(ids, 1):
        if ref not in known:
            close = difflib.get_close_matches(ref, sorted(known), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.at(record, field if single else f"{field}[{i}]",
                   f"unknown {noun} '{ref}': no {noun} with this id in {known_where}.{hint}")


def _folder(case: str | Path) -> Path:
    p = Path(case)
    if p.is_dir() or os.sep in str(case) or "/" in str(case):
        return p
    return data_root() / "cases" / str(case)


def load_case(case: str | Path) -> Case:
    """Load and check one case, by id (a folder under ``data/cases``) or by folder path.

    Raises ContentError naming every problem found in any of the case's files.
    """
    folder = _folder(case)
    return cached(f"case:{folder.resolve()}", [folder], lambda: _load_case(folder))


def _load_case(folder: Path) -> Case:
    shown = display_path(folder)
    if not folder.is_dir():
        known = ", ".join(case_ids()) or "none"
        raise ContentError([Problem(shown, None, None, None, f"no such case folder (cases available: {known})")])
    ctx = ParseContext()
    parsed: dict[str, object] = {}
    for name, (cls, required) in CASE_FILES.items():
        path = folder / name
        if not path.exists():
            if required:
                ctx.add(display_path(path), None, None, None, "file missing: every case folder needs it")
            continue
        parsed[name] = load_file(path, cls, ctx)
    for extra in sorted(folder.iterdir()):
        if extra.suffix in (".yaml", ".yml") and extra.name not in CASE_FILES:
            ctx.add(display_path(extra), None, None, None,
                    f"unknown file in a case folder: expected one of {', '.join(CASE_FILES)}")
    ctx.raise_if_any()

    meta: CaseFile = parsed["case.yaml"]
    sources = parsed["sources.yaml"].sources
    events = parsed["timeline.yaml"].events
    documents = parsed["documents.yaml"].documents if "documents.yaml" in parsed else ()
    statements = parsed["statements.yaml"].statements if "statements.yaml" in parsed else ()

    if meta.id != folder.name:
        ctx.at(meta, "id", f"the case id '{meta.id}' must be the folder's name '{folder.name}'")
    source_ids = [s.id for s in sources]
    check_duplicates(ctx, sources, "source")
    check_duplicates(ctx, meta.actors, "actor")
    check_duplicates(ctx, events, "event")
    check_duplicates(ctx, documents, "document")
    check_duplicates(ctx, statements, "statement")
    where_sources = display_path(folder / "sources.yaml")
    cited: Counter[str] = Counter()
    for record in [*events, *statements, *(v for d in documents for v in d.versions)]:
        check_refs(ctx, record, "sources", record.sources, source_ids, "source", where_sources)
        cited.update(record.sources)
    for d in documents:
        check_duplicates(ctx, d.versions, f"version of '{d.id}'")
    if meta.choice is not None:
        actor_ids = [a.id for a in meta.actors]
        where_actors = f"the actors of {display_path(folder / 'case.yaml')}"
        check_refs(ctx, meta.choice, "who_can_act", meta.choice.who_can_act, actor_ids, "actor", where_actors)
        check_refs(ctx, meta.choice, "sources", meta.choice.sources, source_ids, "source", where_sources)
        for step in meta.choice.steps:
            check_refs(ctx, step, "actor", step.actor, actor_ids, "actor", where_actors)
    ctx.raise_if_any()
    return Case(meta, tuple(events), tuple(documents), tuple(statements), tuple(sources), str(folder))


def case_ids(root: Path | None = None) -> list[str]:
    """Ids of the case folders under ``data/cases`` (folders whose name starts with '_' or '.' are skipped)."""
    base = (root or data_root()) / "cases"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def _check_cases(root: Path, ctx: ParseContext) -> int:
    n = 0
    for cid in case_ids(root):
        n += 1
        try:
            load_case(root / "cases" / cid)
        except ContentError as e:
            ctx.problems.extend(e.problems)
    return n


from .research import check_research  # noqa: E402  (research figures, issue 5)

#: What ``kit check`` validates: (what, function(root, ctx) -> number of items checked). Add new kinds here.
CHECKS: list[tuple[str, Callable[[Path, ParseContext], int]]] = [
    ("cases", _check_cases),
    ("legal texts and checklist entries", check_law_and_checklist),
    ("quizzes", check_quizzes),
    ("research figures and simulation presets", check_research),
    ("consent vocabulary terms and claim items", check_policy_content),
]


def check_all(root: Path | None = None) -> tuple[dict[str, int], list[Problem]]:
    """Validate every kind of content under ``root``; returns counts per kind and every problem found."""
    from .. import i18n  # the UI strings are content too

    root = Path(root) if root else data_root()
    ctx = ParseContext()
    counts: dict[str, int] = {}
    for name, check in [*CHECKS, ("UI string files", i18n.check_strings)]:
        counts[name] = check(root, ctx)
    return counts, ctx.problems
