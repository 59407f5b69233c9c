"""Checks across kinds of content: a copy is never called the original, and a figure or quotation exists once.

``kit check`` runs :func:`check_consistency` after every kind of content has been checked on its own. It reports,
each naming the file, line, entry and field:

* **Copies are not originals.** A link students follow (a source's ``url``, a figure's ``source``, a legal text's
  ``url``, a quiz source's ``url``) must not be a copy: an archive, a proxy, a mirror, a slide or document host or a
  content-farm repost (the hosts of ``data/hosts.yaml``, :mod:`kit.content.hosts`). The copy's address goes in
  ``read_at``. A record marked ``seen-primary`` ("read on the original page") must not rest only on copies: with
  a ``read_at``, or citing only sources read in a copy, it is ``seen-secondary``.
* **Figures exist once.** A quiz question that uses a research figure names it in ``figures``; the value, status and
  source students see come from that record. A question that cites a figure's page as its own source, states a
  percentage that none of its figures has, or states a research figure's value without naming it, is rejected. A
  bound ("below 30%") is not a figure; an approximation ("about 60%") must be within :data:`APPROX_POINTS` of one.
* **Quotations exist once.** A quiz question that quotes a case's words names the record in ``quotes``
  ('case-id/record-id'); each quoted passage must be the record's exact wording.
* **Working notes stay with instructors.** Text students see must not carry the kit's internal notes ("fact
  sheet §3", "the kit's helper re-read …", "… was not opened"): they belong in ``checked_note`` (or a legal text's
  ``checked``), which no student view shows.
* **A source is shown by its name.** A source's title and publisher (a case's source, a quiz question's source, a
  legal text's instrument) must not say how the kit read it ("LinkedIn (read in a proxy copy)", "TechCrunch, second
  copy"): students see the name, and the view says once, in words, that a copy was read (``read_at``).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..questions import question_type
from .base import ContentKind
from .cases import case_ids, load_case
from .errors import ContentError, Problem
from .hosts import Hosts, load_hosts
from .law import load_law
from .quiz import load_quiz, quiz_ids, quizzes_dir
from .research import load_research
from .schema import ParseContext

__all__ = [
    "CONSISTENCY",
    "INSTRUCTOR_FIELDS",
    "INTERNAL_PHRASES",
    "check_consistency",
    "copy_kind",
    "internal_phrase",
    "working_note_in_name",
]

#: Phrases of the kit's internal working notes, which students must not see (case-insensitive).
INTERNAL_PHRASES: tuple[str, ...] = (
    "fact sheet", "facts.md", "facts_addendum", "policy_tools", "kit's helper", "kit's search tool",
    "research notes", "kit's notes", "stored copy", "not opened", "re-read",
    # how a copy was reached: students see "read in a copy" (read_at), never the kind of copy
    "proxy copy", "proxy's", "in a mirror", "mirror's",
)

#: Fields no student view shows: working notes and the addresses of copies.
INSTRUCTOR_FIELDS: frozenset[str] = frozenset({"checked_note", "checked", "read_at", "other_urls"})


def copy_kind(url: str | None, hosts: Hosts | None = None) -> str | None:
    """What kind of copy ``url`` is ('a proxy', 'a slide or document host' …), or None for an original page; by the
    hosts of ``data/hosts.yaml`` (``hosts``: those of another content folder)."""
    if not url:
        return None
    return (hosts or load_hosts()).copy_kind(urlsplit(url).hostname or "")


def internal_phrase(text: str) -> str | None:
    """The first internal-note phrase in ``text``, or None."""
    low = text.lower().replace("’", "'")
    return next((p for p in INTERNAL_PHRASES if p in low), None)


#: How the kit read a source, said in its name: a proxy, a mirror, "read in …", "(copy)", "second copy".
_READ_NOTE = re.compile(r"\b(?:read (?:in|on|at|from)\b|prox(?:y|ies)\b|mirror(?:ed|s)?\b|cop(?:y|ies)\b)",
                        re.IGNORECASE)


def working_note_in_name(name: str) -> str | None:
    """The words of ``name`` that note how the kit read the source ("read in", "proxy", "copy" …), or None."""
    m = _READ_NOTE.search(name)
    return " ".join(m.group(0).split()[:2]) if m else None


#: The fields that name a source, by kind of record: :func:`_check_source_names` checks them, and the internal-note
#: rule leaves them to it, so that a name is reported once.
SOURCE_NAMES: dict[str, tuple[str, ...]] = {"Source": ("title", "publisher"), "QuizSource": ("title",),
                                            "LawText": ("instrument",)}


def _check_source_names(ctx: ParseContext, records: Iterable[Any]) -> None:
    for record in records:
        for field in SOURCE_NAMES.get(type(record).__name__, ()):
            note = working_note_in_name(getattr(record, field, None) or "")
            if note:
                ctx.at(record, field, f"students see this name, and \"{note}\" is a note on how the kit read the "
                                      "source: name the source as it names itself; put the address of the copy read "
                                      "in 'read_at' (students then see \"read in a copy\", once) and any other note "
                                      "in 'checked_note'")


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


# ------------------------------------------------------------------------------------------- copies and status
def _original(ctx: ParseContext, hosts: Hosts, record: Any, field: str, url: str | None,
              copy_field: str = "read_at") -> None:
    kind = copy_kind(url, hosts)
    if kind:
        ctx.at(record, field, f"'{_host(url)}' is {kind}, not the original page, and students follow this link: put "
                              f"the original page's address here and the copy's in '{copy_field}'")


def _primary_not_copy(ctx: ParseContext, record: Any, read_at: str | None) -> None:
    if getattr(record, "status", None) == "seen-primary" and read_at:
        ctx.at(record, "status", f"seen-primary means read on the original page, but it was read in a copy "
                                 f"(read_at: {_host(read_at)}): use seen-secondary")


def _check_case_copies(ctx: ParseContext, hosts: Hosts, case) -> None:
    for s in case.sources:
        _original(ctx, hosts, s, "url", s.url)
        if s.url is None and s.read_at is None:
            ctx.at(s, "url", "missing: give the original page's address, or read_at if only a copy was read")
        if s.read_at and s.url and s.read_at == s.url:
            ctx.at(s, "read_at", "is the same address as url: leave read_at out when the original page was read")
    records = [*case.events, *case.statements, *(v for d in case.documents for v in d.versions)]
    if case.meta.choice is not None:
        records.append(case.meta.choice)
    for r in records:
        if r.status != "seen-primary" or not r.sources:
            continue
        cited = case.sources_of(r)
        if all(s.read_at or not s.url for s in cited):
            copies = ", ".join(s.id for s in cited)
            ctx.at(r, "status", f"seen-primary means read on the original page, but every source it cites was read "
                                f"in a copy ({copies}): use seen-secondary, or cite the original page that was read")


def _check_figure_copies(ctx: ParseContext, hosts: Hosts, research) -> None:
    for s in research.studies:
        _original(ctx, hosts, s, "url", s.url)
    for f in research.figures:
        _original(ctx, hosts, f, "source", f.source)
        _primary_not_copy(ctx, f, f.read_at)
        if f.read_at and f.read_at == f.source:
            ctx.at(f, "read_at", "is the same address as source: leave read_at out when the original was read")


def _check_law_copies(ctx: ParseContext, hosts: Hosts, law: dict) -> None:
    for text in law.values():
        _original(ctx, hosts, text, "url", text.url)
        _primary_not_copy(ctx, text, text.read_at)
        for tr in text.translations:
            _original(ctx, hosts, tr, "url", tr.url)
            _primary_not_copy(ctx, tr, tr.read_at)


# --------------------------------------------------------------------------------------------------- quizzes
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s*[–-]\s*(\d+(?:[.,]\d+)?))?\s*(?:%|per ?cent\b|percentage points?\b)",
                      re.IGNORECASE)
#: A bound ("below 30%") is not a figure; an approximation ("about 60%") must be close to a figure it refers to.
_BOUND = re.compile(r"(?:below|above|under|over|than)\s*$", re.IGNORECASE)
_APPROX = re.compile(r"(?:about|around|roughly|nearly|almost|some|~)\s*$", re.IGNORECASE)
#: How far (in percentage points) "about N%" may be from the figure it stands for.
APPROX_POINTS = 2.0
_QUOTED = re.compile(r"[\"“]([^\"“”]{8,}?)[\"”]")


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _question_texts(q) -> Iterator[tuple[str, str]]:
    """(field, text) for every piece of a question students read."""
    yield "text", q.text
    for i, o in enumerate(q.options, 1):
        yield f"options[{i}].text", o.text
        if o.feedback:
            yield f"options[{i}].feedback", o.feedback
    if q.explanation:
        yield "explanation", q.explanation
    for i, hint in enumerate(q.hints, 1):
        yield f"hints[{i}]", hint
    if q.model_answer:
        yield "model_answer", q.model_answer
    for i, d in enumerate(q.discussion, 1):
        yield f"discussion[{i}]", d


def _figure_values(f) -> set[float]:
    vals = {round(abs(f.value), 4)}
    if f.value_high is not None:
        vals.add(round(abs(f.value_high), 4))
    return vals


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _quotations(cases: dict) -> dict[str, tuple[Any, str]]:
    """Every case quotation by 'case-id/record-id': (record, its exact words)."""
    out: dict[str, tuple[Any, str]] = {}
    for cid, case in cases.items():
        for e in case.events:
            if e.quote:
                out[f"{cid}/{e.id}"] = (e, e.quote)
        for s in case.statements:
            out[f"{cid}/{s.id}"] = (s, s.text)
        for d in case.documents:
            for v in d.versions:
                out[f"{cid}/{v.id}"] = (v, v.text)
    return out


def _passages(span: str) -> list[str]:
    """The parts of a quoted span between ellipses, long enough to identify a quotation."""
    parts = [p.strip(" .,;:") for p in re.split(r"…|\.\.\.", span)]
    return [p for p in parts if len(p.split()) >= 4]


def _check_question(ctx: ParseContext, hosts: Hosts, q, research, quotations: dict[str, tuple[Any, str]],
                    failed: frozenset[str] = frozenset(), research_failed: bool = False) -> None:
    """``failed``: the cases that failed their own checks, and ``research_failed``: the research did. Their records
    cannot be looked up, so a reference to them is not called unknown (their own check reports what is wrong)."""
    figures = {f.id: f for f in research.figures} if research else {}
    # sources: originals, and not a copy of what a research record already says
    figure_pages: dict[str, list[str]] = {}
    if research:
        for f in research.figures:
            for u in (f.source, f.read_at):
                if u:
                    figure_pages.setdefault(u.rstrip("/"), []).append(f.id)
    for i, s in enumerate(q.sources, 1):
        _original(ctx, hosts, s, "url", s.url)
        _primary_not_copy(ctx, s, s.read_at)
        for u in (s.url, s.read_at):
            ids = figure_pages.get((u or "").rstrip("/"))
            if ids:
                ctx.at(q, f"sources[{i}]", f"this is the page of the research figure(s) {', '.join(ids)}: name them "
                                           "in 'figures' instead, so the value, status and source shown come from "
                                           "that one record")
                break
    # figures by id
    used = []
    for i, fid in enumerate(q.figures, 1):
        if fid not in figures and research_failed:
            continue
        if fid not in figures:
            close = difflib.get_close_matches(fid, sorted(figures), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.at(q, f"figures[{i}]",
                   f"unknown research figure '{fid}': no figure with this id in data/research.{hint}")
        else:
            used.append(figures[fid])
    allowed = set().union(*(_figure_values(f) for f in used)) if used else set()
    value = question_type(q).number_answer(q) if used and not q.simulation else None
    if value is not None and round(abs(value), 4) not in allowed:
        shown = ", ".join(f"{f.id} = {f.shown}" for f in used)
        ctx.at(q, "answer", f"{q.answer:g} is not the value of the figure it refers to ({shown}): the answer must "
                            "be the record's value")
    by_value: dict[float, list[str]] = {}
    for f in (research.figures if research else ()):
        if f.unit in ("percent", "percentage-points"):
            for v in _figure_values(f):
                by_value.setdefault(v, []).append(f.id)
    for field, text in _question_texts(q):
        for m in _PERCENT.finditer(text):
            before = text[:m.start()]
            if _BOUND.search(before):
                continue
            approx = bool(_APPROX.search(before))
            for g in m.groups():
                if g is None:
                    continue
                v = round(_num(g), 4)
                if q.simulation and v not in by_value:
                    continue  # the simulation's output, not a research figure (a test recomputes it)
                if approx:
                    if used and not any(abs(v - a) <= APPROX_POINTS for a in allowed):
                        shown = ", ".join(f"{f.id} = {f.shown}" for f in used)
                        ctx.at(q, field, f"states '{m.group(0)}', but no figure it refers to is within "
                                         f"{APPROX_POINTS:g} points of {g} ({shown}): give the record's value")
                    continue
                if used:
                    if v not in allowed:
                        shown = ", ".join(f"{f.id} = {f.shown}" for f in used)
                        ctx.at(q, field, f"states '{m.group(0)}', but no figure it refers to has the value {g} "
                                         f"({shown}): give the record's value, or name the figure in 'figures'")
                elif v in by_value:
                    ctx.at(q, field, f"states '{m.group(0)}', and {g} is the value of the research figure "
                                     f"{', '.join(by_value[v])}: name it in 'figures', so its status and source are "
                                     "shown from that one record")
    # quotations by id
    referenced: list[str] = []
    if any(ref.split("/")[0] in failed for ref in q.quotes):
        return  # what it quotes cannot be read: its words are checked once that case is
    for i, ref in enumerate(q.quotes, 1):
        if ref not in quotations:
            close = difflib.get_close_matches(ref, sorted(quotations), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.at(q, f"quotes[{i}]", f"unknown quotation '{ref}': expected 'case-id/record-id' of an event with a "
                                      f"quote, a statement or a document version.{hint}")
        else:
            referenced.append(_norm(quotations[ref][1]))
    others = {k: _norm(v[1]) for k, v in quotations.items() if k not in q.quotes}
    for field, text in _question_texts(q):
        for span in _QUOTED.findall(text):
            for part in _passages(_norm(span)):
                if any(part in r for r in referenced):
                    continue
                exact = [k for k, words in others.items() if part in words]
                if exact:
                    ctx.at(q, field, f"quotes \"{part[:60]}\" from {exact[0]}: name it in 'quotes', so the wording, "
                                     "status and source are shown from that one record")
                    continue
                near = _near_quotation(part, referenced, others)
                if near:
                    ctx.at(q, field, f"\"{part[:60]}\" is not the exact wording of {near}: quote the record exactly")


def _near_quotation(part: str, referenced: list[str], others: dict[str, str]) -> str | None:
    """The record whose words this passage nearly (but not exactly) repeats, or None."""
    n = len(part)
    tokens = set(re.findall(r"\w+", part.lower()))
    candidates = [("a quotation it refers to", r) for r in referenced] + list(others.items())
    for name, words in candidates:
        if n > len(words) + 10:
            continue
        if len(tokens & set(re.findall(r"\w+", words.lower()))) < 0.6 * len(tokens):
            continue  # too few words in common to be a misquotation of it (and difflib is slow)
        m = difflib.SequenceMatcher(None, part.lower(), words.lower(), autojunk=False)
        block = m.find_longest_match(0, len(part), 0, len(words))
        if block.size < n * 0.5:
            continue
        start = max(0, block.b - block.a)
        window = words[start:start + n]
        if difflib.SequenceMatcher(None, part.lower(), window.lower()).ratio() >= 0.9:
            return name
    return None


# ------------------------------------------------------------------------------------------ internal notes
def _walk_text(record: Any, path: str = "") -> Iterator[tuple[Any, str, str]]:
    """(record, field, text) for every text field students may see, in a record and its nested records."""
    if not dataclasses.is_dataclass(record):
        return
    for f in dataclasses.fields(record):
        if f.name in INSTRUCTOR_FIELDS or f.name in ("url", "source", "id"):
            continue
        value = getattr(record, f.name)
        if isinstance(value, str):
            yield record, f.name, value
        elif dataclasses.is_dataclass(value):
            yield from _walk_text(value)
        elif isinstance(value, tuple):
            for i, item in enumerate(value, 1):
                if isinstance(item, str):
                    yield record, f"{f.name}[{i}]", item
                elif dataclasses.is_dataclass(item):
                    yield from _walk_text(item)


def _check_internal_notes(ctx: ParseContext, records: Iterable[Any]) -> None:
    for record in records:
        for owner, field, text in _walk_text(record):
            phrase = internal_phrase(text)
            if phrase and field in SOURCE_NAMES.get(type(owner).__name__, ()) and working_note_in_name(text):
                continue  # a source's name: reported once, by _check_source_names
            if phrase:
                ctx.at(owner, field, f"students see this text, and it reads like an internal working note "
                                     f"(\"{phrase}\"): move the note to 'checked_note', which only instructors see")


# ---------------------------------------------------------------------------------------------------- driver
def check_consistency(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the rules above over everything under ``root``; returns the number of records checked.

    Content that fails its own checks is skipped here (those checks report it).
    """
    own = ParseContext()
    try:
        hosts = load_hosts(root)
    except ContentError:
        hosts = Hosts({})  # the hosts file's own check reports it
    n = 0
    cases = {}
    failed: set[str] = set()
    for cid in case_ids(root):
        try:
            cases[cid] = load_case(Path(root) / "cases" / cid)
        except ContentError:
            failed.add(cid)
    for case in cases.values():
        _check_case_copies(own, hosts, case)
        _check_source_names(own, case.sources)
        _check_internal_notes(own, [case.meta, *case.events, *case.statements, *case.documents, *case.sources])
        n += len(case.sources)
    research, research_failed = None, False
    if (Path(root) / "research").is_dir():
        try:
            research = load_research(root)
        except ContentError:
            research = None
            research_failed = True
    if research is not None:
        _check_figure_copies(own, hosts, research)
        _check_internal_notes(own, [*research.studies, *research.figures])
        n += len(research.figures)
    try:
        law = load_law(root) if (Path(root) / "law").is_dir() else {}
    except ContentError:
        law = {}
    _check_law_copies(own, hosts, law)
    _check_source_names(own, law.values())
    _check_internal_notes(own, law.values())
    n += len(law)
    quotations = _quotations(cases)
    for qid in quiz_ids(root):
        try:
            quiz = load_quiz(quizzes_dir(root) / f"{qid}.yaml")
        except ContentError:
            continue
        for q in quiz.questions:
            _check_question(own, hosts, q, research, quotations, frozenset(failed), research_failed)
            _check_source_names(own, q.sources)
            _check_internal_notes(own, [q])
            n += 1
    seen: set[Problem] = set()
    for p in own.problems:  # a quiz that includes others sees their questions again: report each problem once
        if p not in seen:
            seen.add(p)
            ctx.problems.append(p)
    return n


#: Not a kind of file but rules across kinds: listed last in the registry, so each kind has been checked on its own.
CONSISTENCY = ContentKind("consistency", "links, figures and quotations across files", "every file above",
                          (), check_consistency, None, after=("cases", "law", "quizzes", "research", "hosts"))
