"""The case schema: a company's practice told as dated, sourced records, one folder per case.

A case folder ``data/cases/<id>/`` holds:

* ``case.yaml``: what the case is (company, title, period, summary), who the actors are and what the consent
  choice was (the default, who could act, the steps);
* ``sources.yaml``: every source the other files cite, by id, with its URL and kind;
* ``timeline.yaml``: dated events;
* ``documents.yaml`` (optional): policy wording, each document with one or more dated versions;
* ``statements.yaml`` (optional): public statements, with exact words, speaker, channel and date.

Every event, version and statement names its sources and says how well it was checked (``status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from .errors import NotFound
from .schema import Email, Id, Language, Line, PartialDate, Record, Text, Url, When, doc

Status = Literal["seen-primary", "seen-secondary", "inferred", "unverified"]
STATUSES: tuple[str, ...] = ("seen-primary", "seen-secondary", "inferred", "unverified")
SourceKind = Literal["official", "company", "press", "forum", "social", "research", "legal", "other"]
Default = Literal["in", "out", "ask", "none"]
#: How a choice is made, for the cross-case table (optional; see Choice.mechanism).
Mechanism = Literal["email", "setting", "form", "setting-and-form", "pop-up", "admin-setting", "none", "unclear"]
#: Where a case applied, grouped for filtering (optional; see CaseFile.region_group).
RegionGroup = Literal["worldwide", "worldwide-except-europe", "europe", "us"]
#: Licence or consent (issue 24): what a case mostly turns on (see Permission.kind).
PermissionKind = Literal["licence", "consent", "legitimate-interest"]
PERMISSIONS: tuple[str, ...] = ("licence", "consent", "legitimate-interest")

CHECKED_NOTE_DOC = (
    "for instructors only: how the kit checked this (which copies were read, what was not opened); never shown to "
    "students"
)

STATUS_DOC = (
    "how well it was checked: seen-primary (read on the original page), seen-secondary (read only in a copy, "
    "mirror or quotation), inferred (deduced by the kit's authors) or unverified"
)


# ------------------------------------------------------------------------------------------------ sources.yaml
@dataclass(frozen=True, kw_only=True)
class Source(Record):
    entry_name = "source"
    id: Id = doc("a short id other files use to cite this source, like 'slack-blog-2024-05-17'")
    title: Line = doc("the title of the page, article or document (or, when it has none, the kit's description of "
                      "it, which a language then translates)", translate="name")
    publisher: Line = doc("who published it (a company, an outlet, a court)", translate="name")
    url: Url | None = doc("the address of the original page (students follow this link); leave it out only when the "
                          "original's address is not known, and then give read_at", None)
    kind: SourceKind = doc("official, company, press, forum, social, research, legal or other")
    date: When | None = doc("when it was published, if known", None)
    author: Line | None = doc("the author, if named", None)
    read_at: Url | None = doc("where the text was actually read, when that was a copy or mirror (shown to students "
                              "only as the words 'read in a copy', never as a link)", None)
    note: Text | None = doc("anything a reader should know about this source", None, translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class SourcesFile(Record):
    entry_name = "sources file"
    sources: tuple[Source, ...] = doc("the list of sources", nonempty=True)


# --------------------------------------------------------------------------------------------------- case.yaml
@dataclass(frozen=True, kw_only=True)
class Period(Record):
    entry_name = "period"
    start: When = doc("when the case starts")
    end: When | None = doc("when it ends, if it has", None)


@dataclass(frozen=True, kw_only=True)
class Actor(Record):
    entry_name = "actor"
    id: Id = doc("a short id, like 'workspace-owner'")
    name: Line = doc("the role's name as users know it", translate=True)
    description: Text = doc("who this is, in the kit's own words", translate=True)
    can: tuple[Text, ...] = doc("what this actor could do about the consent choice", (), translate=True)
    cannot: tuple[Text, ...] = doc("what this actor could not do", (), translate=True)


@dataclass(frozen=True, kw_only=True)
class Step(Record):
    entry_name = "step"
    actor: Id = doc("the id of the actor who takes this step")
    text: Text = doc("the step, in the kit's own words", translate=True)


@dataclass(frozen=True, kw_only=True)
class Choice(Record):
    entry_name = "choice"
    applies_to: Text = doc("what the choice covers (which data, which models)", translate=True)
    default: Default = doc("in (used unless someone opts out), out (not used unless someone opts in), "
                           "ask (everyone must choose) or none (no choice offered)")
    data_concerned: Text = doc("the data at stake", translate=True)
    method: Line = doc("how the choice is made: an email, a settings toggle, a form …", translate=True)
    who_can_act: tuple[Id, ...] = doc("ids of the actors who may make the choice")
    steps: tuple[Step, ...] = doc("the steps, in order")
    after: Text | None = doc("what happens after the choice is made", None, translate=True)
    contact: Email | None = doc("the address requests go to, if by email", None)
    status: Status = doc(STATUS_DOC)
    sources: tuple[Id, ...] = doc("ids of the sources (from sources.yaml) this rests on")
    note: Text | None = doc("caveats, in the kit's own words", None, translate=True)
    # Optional fields for the cross-case table (notebook 05); existing cases need not have them.
    mechanism: Mechanism | None = doc(
        "the kind of mechanism, for comparing cases: email, setting, form, setting-and-form, pop-up, admin-setting, "
        "none (no way to opt out or object) or unclear", None)
    individual_can_act: bool | None = doc(
        "true if an individual user could opt out or object for themselves, false if not; leave out if unknown", None)


@dataclass(frozen=True, kw_only=True)
class Permission(Record):
    """Licence or consent (issue 24): which permission a company's use of the content mostly rests on, coded by the
    kit. A licence in the terms gives no GDPR legal basis, and a GDPR basis gives no copyright permission: the coding
    says which question the case mostly raises, not that the other does not arise."""

    entry_name = "permission"
    kind: PermissionKind = doc(
        "licence (copyright or contract: a licence in the terms of service, a content licence such as CC BY-SA, a "
        "licensing deal, or copyright's mining exception), consent (each person's own agreement to the use of their "
        "personal data, whether asked for or read from a setting they did not change) or legitimate-interest (the "
        "company relied on GDPR Art. 6(1)(f) and offered a way to object)")
    reason: Text = doc("why, in a sentence or two of the kit's own words", translate=True)
    sources: tuple[Id, ...] = doc("ids of the sources (from sources.yaml) the coding rests on", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class CaseFile(Record):
    entry_name = "case"
    id: Id = doc("the case id; must be the folder's name")
    company: Line = doc("the company, as students read it ('Slack (owned by Salesforce)')", translate="name")
    title: Line = doc("a short title for the case", translate=True)
    period: Period = doc("start (and end) of the case")
    summary: Text = doc("what happened, in a few sentences of the kit's own words", translate=True)
    language: Language = doc("the language the case is written in", "en")
    region: Line | None = doc("where it applied", None, translate=True)
    legal_basis: Text | None = doc("the legal basis the company claimed, if known", None, translate=True)
    outcome: Text | None = doc("how it ended, in the kit's own words", None, translate=True)
    actors: tuple[Actor, ...] = doc("who could do what", ())
    choice: Choice | None = doc("the consent choice: default, who could act and how", None)
    questions: tuple[Text, ...] = doc("questions for students to think about", (), translate=True)
    region_group: RegionGroup | None = doc(
        "where it applied, grouped for filtering: worldwide, worldwide-except-europe, europe or us", None)
    permission: Permission | None = doc(
        "licence or consent: which permission the case mostly turns on (licence, consent or legitimate-interest), "
        "why, and the sources; shown in notebook 05's table", None)


# ----------------------------------------------------------------------------------------------- timeline.yaml
@dataclass(frozen=True, kw_only=True)
class Event(Record):
    entry_name = "event"
    id: Id = doc("a short id, like 'slack-ai-launch'")
    date: When = doc("when it happened (YYYY-MM-DD, YYYY-MM or YYYY)")
    title: Line = doc("a short title", translate=True)
    what: Text = doc("what happened, in the kit's own words", translate=True)
    sources: tuple[Id, ...] = doc("ids of the sources (from sources.yaml) that report it")
    status: Status = doc(STATUS_DOC)
    who: Line | None = doc("who did it or said it", None, translate="name")
    quote: Text | None = doc("their exact words, if the event is something said", None, quote=True)
    date_note: Text | None = doc("when sources disagree on the date or it is uncertain, say so here", None,
                                 translate=True)
    note: Text | None = doc("how the status was reached, or other caveats", None, translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class TimelineFile(Record):
    entry_name = "timeline file"
    events: tuple[Event, ...] = doc("the dated events", nonempty=True)


# ---------------------------------------------------------------------------------------------- documents.yaml
@dataclass(frozen=True, kw_only=True)
class Version(Record):
    entry_name = "version"
    id: Id = doc("a short id, like 'before-2024-05-17'")
    label: Line = doc("how students see this version named", translate=True)
    date: When = doc("when this wording was in force or seen")
    text: Text = doc("the exact wording, as in the source; mark cuts with …", quote=True)
    sources: tuple[Id, ...] = doc("ids of the sources the wording was read in")
    status: Status = doc(STATUS_DOC)
    date_note: Text | None = doc("when the date is uncertain or disputed, say so here", None, translate=True)
    note: Text | None = doc("differences between copies, or other caveats", None, translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class Document(Record):
    entry_name = "document"
    id: Id = doc("a short id, like 'privacy-principles'")
    title: Line = doc("the document's title, as students read it", translate="name")
    owner: Line = doc("whose document it is", translate="name")
    url: Url = doc("where it is published")
    versions: tuple[Version, ...] = doc("its versions, oldest first", nonempty=True)

    def version(self, version_id: str) -> Version:
        for v in self.versions:
            if v.id == version_id:
                return v
        raise NotFound(version_id)


@dataclass(frozen=True, kw_only=True)
class DocumentsFile(Record):
    entry_name = "documents file"
    documents: tuple[Document, ...] = doc("the documents", nonempty=True)


# --------------------------------------------------------------------------------------------- statements.yaml
@dataclass(frozen=True, kw_only=True)
class Statement(Record):
    entry_name = "statement"
    id: Id = doc("a short id, like 'blog-ml-models'")
    speaker: Line = doc("who said it", translate="name")
    channel: Line = doc("where it was said (blog, X, marketing page, email …)", translate=True)
    date: When = doc("when it was said")
    text: Text = doc("the exact words", quote=True)
    sources: tuple[Id, ...] = doc("ids of the sources the words were read in")
    status: Status = doc(STATUS_DOC)
    context: Text | None = doc("what the statement responded to, in the kit's own words", None, translate=True)
    date_note: Text | None = doc("when the date is uncertain, say so here", None, translate=True)
    note: Text | None = doc("caveats", None, translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class StatementsFile(Record):
    entry_name = "statements file"
    statements: tuple[Statement, ...] = doc("the public statements", nonempty=True)


# ------------------------------------------------------------------------------------------------- the case
@dataclass(frozen=True)
class Case:
    """A whole case, checked: every id resolves and every record has a source."""

    meta: CaseFile
    events: tuple[Event, ...]
    documents: tuple[Document, ...]
    statements: tuple[Statement, ...]
    sources: tuple[Source, ...]
    folder: str
    #: The claim items of ``claims.yaml`` as parsed with the case (their references are checked by
    #: :func:`kit.content.claims.load_claims`, so a mistake there does not stop the case's other views).
    claims: tuple = ()
    #: The facilitation notes of ``claims.yaml`` (for the instructor guide; no student view shows them).
    claims_notes: object = None

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def company(self) -> str:
        return self.meta.company

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    def sources_of(self, record) -> tuple[Source, ...]:
        return tuple(self._sources_by_id[s] for s in record.sources)

    def actor(self, actor_id: str) -> Actor:
        for a in self.meta.actors:
            if a.id == actor_id:
                return a
        raise NotFound(actor_id)

    def document(self, document_id: str) -> Document:
        for d in self.documents:
            if d.id == document_id:
                return d
        raise NotFound(document_id)

    def statement(self, statement_id: str) -> Statement:
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise NotFound(statement_id)

    @property
    def timeline(self) -> tuple[Event, ...]:
        """Events in date order (a stable sort: same-day events keep the file's order)."""
        return tuple(sorted(self.events, key=lambda e: e.date.sort_key))

    @property
    def dates(self) -> tuple[PartialDate, ...]:
        return tuple(e.date for e in self.timeline)
