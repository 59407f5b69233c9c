"""The cases kind: one folder per case under ``data/cases``, its files listed in :data:`CASE_FILES`, its claim items
(``claims.yaml``) cross-checked against its statements and documents.

Loading is cached on the files' modification times, so a notebook re-runs instantly and an instructor's edit is
picked up on the next call without restarting the kernel. Every kind of content is listed in
:mod:`kit.content.registry`.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .base import ContentKind, check_duplicates, check_refs, check_stray_files, data_root, load_file
from .cache import cached
from .case import Case, CaseFile, DocumentsFile, SourcesFile, StatementsFile, TimelineFile
from .claims import ClaimsFile, check_claims
from .errors import ContentError, display_path, safe_resolve
from .schema import ParseContext
from .translations import with_translations
from .yamlio import load_yaml

__all__ = [
    "CASES",
    "CASE_FILES",
    "case_ids",
    "case_language",
    "check_cases",
    "load_case",
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
    # i13: in another language the case also depends on its translation folder
    return cached(f"case:{safe_resolve(folder)}", with_translations([folder]), lambda: _load_case(folder))


def _load_case(folder: Path) -> Case:
    if not folder.is_dir():
        known = ", ".join(case_ids()) or "none"
        raise ContentError.at_file(folder, f"no such case folder (cases available: {known})")
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
    check_stray_files(folder, ctx, [*CASE_FILES, *(p.name for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))])
    ctx.raise_if_any()

    meta: CaseFile = parsed["case.yaml"]
    sources = parsed["sources.yaml"].sources
    events = parsed["timeline.yaml"].events
    documents = parsed["documents.yaml"].documents if "documents.yaml" in parsed else ()
    statements = parsed["statements.yaml"].statements if "statements.yaml" in parsed else ()
    claims = parsed["claims.yaml"].claims if "claims.yaml" in parsed else ()
    claims_notes = parsed["claims.yaml"].facilitation if "claims.yaml" in parsed else None

    period = meta.period
    latest_end = None if period.end is None else (period.end.year, period.end.month or 12, period.end.day or 31)
    if latest_end is not None and latest_end < period.start.sort_key:
        ctx.at(period, "end", f"the case ends ({period.end.human()}) before it starts ({period.start.human()})")
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
    if meta.permission is not None:
        check_refs(ctx, meta.permission, "sources", meta.permission.sources, source_ids, "source", where_sources)
    ctx.raise_if_any()
    return Case(meta, tuple(events), tuple(documents), tuple(statements), tuple(sources), str(folder), claims,
                claims_notes)


def case_ids(root: Path | None = None) -> list[str]:
    """Ids of the case folders under ``data/cases`` (folders whose name starts with '_' or '.' are skipped)."""
    base = (root or data_root()) / "cases"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def check_cases(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: load every case folder under ``root/cases`` and cross-check its claim items; returns the
    number of cases."""
    if not (Path(root) / "cases").is_dir() or not case_ids(root):
        ctx.add(display_path(Path(root) / "cases"), None, None, None,
                "no case folders: the notebooks show at least one case (python -m kit new-case ID makes one)")
    n = 0
    for cid in case_ids(root):
        n += 1
        try:
            case = load_case(root / "cases" / cid)
        except ContentError as e:
            ctx.problems.extend(e.problems)
            continue
        check_claims(case, ctx)
    return n


def case_language(root: Path, rel: str, data) -> str:
    """The language a case's file is written in: the ``language`` of its folder's case.yaml (English by default)."""
    parts = rel.split("/")
    if parts[-1] != "case.yaml":
        try:
            data = load_yaml(Path(root).joinpath(*parts[:-1], "case.yaml"))
        except ContentError:
            data = None  # the cases check reports it
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) else "en"


CASES = ContentKind("cases", "cases", "cases/<id>/*.yaml", tuple(cls for cls, _ in CASE_FILES.values()),
                    check_cases, load_case,
                    translated=tuple((f"cases/*/{name}", cls) for name, (cls, _) in CASE_FILES.items()),
                    language_of=case_language)
