"""Three regimes, one dataset (``data/regimes.yaml``, issue 24): one kind of content taken through GDPR consent, GDPR
legitimate interest with a right to object, and the copyright text-and-data-mining exception with its opt-out, side by
side.

The file holds:

* ``regimes``: the columns. Each says which field of law it belongs to, what happens to the content when nobody acts
  (``default``: in, used unless someone acts; out, not used unless someone agrees) and the legal texts it rests on;
* ``questions``: the words of the rows. The rows themselves are fixed by the schema (who must act, when, what silence
  means, what the company must publish), so that no cell can be left out;
* ``contents``: the kinds of content (public posts, workplace messages, a photographer's images). Each answers every
  question for every regime, in the kit's own words, and each answer names the legal texts of ``data/law`` it rests
  on, by id. A kind of content may add examples where the regimes were tested: a case of ``data/cases`` or sources.

``kit check`` checks that every kind answers every regime once, that every legal text and case named exists, and that
an example has a case or a source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_duplicates, check_refs, data_root, load_checked, load_file
from .case import STATUS_DOC, Status
from .cases import case_ids
from .errors import ContentError, NotFound, display_path, safe_resolve
from .law import load_law
from .schema import Id, Line, ParseContext, Record, Text, Url, When, doc

__all__ = ["QUESTIONS", "REGIMES", "Answer", "Answers", "Content", "Example", "ExampleSource", "Questions", "Regime",
           "RegimesFile", "check_regimes", "load_regimes", "regimes_path"]

#: The rows of the comparison, in order: fields of :class:`Questions` and of :class:`Answers`.
QUESTIONS: tuple[str, ...] = ("who_acts", "when", "silence", "publish")
FILE = "regimes.yaml"


@dataclass(frozen=True, kw_only=True)
class Regime(Record):
    entry_name = "regime"
    id: Id = doc("a short id, like 'consent'; each kind of content answers under this id")
    name: Line = doc("the regime's name as students see it, like 'GDPR: consent'", translate=True)
    short: Line = doc("a short name for a sentence, like 'consent' or 'the mining exception'", translate=True)
    field: Literal["data-protection", "copyright"] = doc("the body of law: data-protection or copyright")
    default: Literal["in", "out"] = doc(
        "what happens to the content when nobody acts: in (used unless someone acts: an opt-out) or out (not used "
        "unless someone agrees: an opt-in)")
    summary: Text = doc("the regime in one or two sentences of the kit's own words", translate=True)
    law: tuple[Id, ...] = doc("ids of the legal texts (data/law) the regime rests on", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class Questions(Record):
    entry_name = "questions"
    who_acts: Line = doc("the row asking who must act, and how", translate=True)
    when: Line = doc("the row asking when they must act", translate=True)
    silence: Line = doc("the row asking what silence (nobody acting) means", translate=True)
    publish: Line = doc("the row asking what the company must publish or tell", translate=True)


@dataclass(frozen=True, kw_only=True)
class Answer(Record):
    entry_name = "answer"
    text: Text = doc("the answer for this kind of content under this regime, in the kit's own words", translate=True)
    law: tuple[Id, ...] = doc("ids of the legal texts (data/law) the answer rests on", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class Answers(Record):
    entry_name = "answers"
    id: Id = doc("the id of the regime these answers are for (one of the regimes above)")
    who: Line = doc("who must act, in a few words, like 'each person who posted' (shown in the summary above the "
                    "table)", translate=True)
    who_acts: Answer = doc("who must act, and how")
    when: Answer = doc("when they must act")
    silence: Answer = doc("what silence means")
    publish: Answer = doc("what the company must publish or tell")


@dataclass(frozen=True, kw_only=True)
class ExampleSource(Record):
    entry_name = "source"
    about: Line = doc("what the page is, in the kit's own words, like 'a law firm's summary of the judgment'",
                      translate=True)
    publisher: Line = doc("who published it")
    url: Url = doc("the address of the page (students follow this link)")
    date: When | None = doc("when it was published, if known", None)
    status: Status = doc(STATUS_DOC)


@dataclass(frozen=True, kw_only=True)
class Example(Record):
    entry_name = "example"
    id: Id = doc("a short id, like 'laion'")
    title: Line = doc("a short title, like 'Kneschke v LAION (Hamburg, 2024–2025)'", translate=True)
    text: Text = doc("what happened and what it shows, in the kit's own words", translate=True)
    date: When | None = doc("when it happened or was decided", None)
    case: Id | None = doc("a case of data/cases that tells it with its sources", None)
    sources: tuple[ExampleSource, ...] = doc("the pages it was read in (needed when no case is named)", ())


@dataclass(frozen=True, kw_only=True)
class Content(Record):
    entry_name = "kind of content"
    id: Id = doc("a short id, like 'public-posts', used in kit.show_regimes('<id>')")
    name: Line = doc("its name as students see it on the picker", translate=True)
    description: Text = doc("what the content is and whose it is, in the kit's own words", translate=True)
    regimes: tuple[Answers, ...] = doc("the answers under each regime, one entry per regime", nonempty=True)
    examples: tuple[Example, ...] = doc("where the regimes were tested for this kind of content", ())

    def answers(self, regime_id: str) -> Answers:
        for a in self.regimes:
            if a.id == regime_id:
                return a
        raise NotFound(f"the kind of content '{self.id}' has no answers for the regime '{regime_id}'")


@dataclass(frozen=True, kw_only=True)
class RegimesFile(Record):
    entry_name = "regimes file"
    title: Line = doc("the view's heading", translate=True)
    intro: Text = doc("what the comparison shows, a sentence or two above it", translate=True)
    note: Text | None = doc("a caveat shown under the comparison", None, translate=True)
    regimes: tuple[Regime, ...] = doc("the regimes, in the order of the columns", nonempty=True)
    questions: Questions = doc("the words of the rows")
    contents: tuple[Content, ...] = doc("the kinds of content, in the order of the picker", nonempty=True)

    def content(self, content_id: str) -> Content:
        for c in self.contents:
            if c.id == content_id:
                return c
        known = ", ".join(c.id for c in self.contents)
        raise NotFound(f"no kind of content '{content_id}' in data/{FILE} (there are: {known})")

    def regime(self, regime_id: str) -> Regime:
        for r in self.regimes:
            if r.id == regime_id:
                return r
        raise NotFound(f"no regime '{regime_id}' in data/{FILE}")


def regimes_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / FILE


def _law_ids(root: Path) -> set[str] | None:
    """The ids of the legal texts, or None when they do not load (the law check reports why)."""
    try:
        return set(load_law(root))
    except ContentError:
        return None


def _parse(path: Path, root: Path, ctx: ParseContext) -> RegimesFile | None:
    parsed = load_file(path, RegimesFile, ctx)
    if parsed is None:
        return None
    check_duplicates(ctx, parsed.regimes, "regime")
    check_duplicates(ctx, parsed.contents, "kind of content")
    law = _law_ids(root)
    where_law = display_path(root / "law")
    cases = case_ids(root)
    regime_ids = [r.id for r in parsed.regimes]

    def refs(record, ids) -> None:
        if law is not None:
            check_refs(ctx, record, "law", ids, law, "legal text", where_law)

    for r in parsed.regimes:
        refs(r, r.law)
    for c in parsed.contents:
        check_duplicates(ctx, c.regimes, "regime's answers")
        check_duplicates(ctx, c.examples, "example")
        for a in c.regimes:
            if a.id not in regime_ids:
                check_refs(ctx, a, "id", a.id, regime_ids, "regime", "the regimes of this file")
            for q in QUESTIONS:
                refs(getattr(a, q), getattr(a, q).law)
        missing = [r for r in regime_ids if r not in {a.id for a in c.regimes}]
        if missing:
            ctx.at(c, "regimes", f"no answers for the regime(s) {', '.join(missing)}: every kind of content answers "
                                 "every regime, so that the columns line up")
        for e in c.examples:
            if e.case is not None:
                check_refs(ctx, e, "case", e.case, cases, "case", display_path(root / "cases"))
            elif not e.sources:
                ctx.at(e, "sources", "an example needs a case (an id from data/cases) or at least one source")
    return parsed


def load_regimes(root: Path | None = None) -> RegimesFile:
    """``data/regimes.yaml``, checked against the legal texts and the cases (cached until a file changes)."""
    root = Path(root) if root else data_root()
    path = regimes_path(root)
    if not path.exists():
        raise ContentError.at_file(path, "file missing: the three regimes compared (data/regimes.yaml)")
    inputs = [path, *sorted((root / "law").glob("*.yaml")), root / "cases"]
    return load_checked(f"regimes:{safe_resolve(path)}", inputs, lambda ctx: _parse(path, root, ctx))


def check_regimes(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the regimes file (the number of answers checked)."""
    path = regimes_path(root)
    if not path.exists():
        ctx.add(display_path(path), None, None, None, "file missing: notebook 06 compares three regimes from it")
        return 0
    parsed = _parse(path, root, ctx)
    return sum(len(c.regimes) * len(QUESTIONS) for c in parsed.contents) if parsed else 0


REGIMES = ContentKind("regimes", "regime answers", FILE, (RegimesFile,), check_regimes, load_regimes,
                      translated=((FILE, RegimesFile),), after=("cases", "law"))
