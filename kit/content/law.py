"""Legal texts (``data/law/*.yaml``) and the consent checklist (``data/checklist.yaml``): schema, loading, checks.

A legal text is a short, exact passage (a GDPR article, a court's headnote, a regulator's post) with where it was
read, how well it was checked, and a plain-language explanation in the kit's own words. Where the kit has no exact
wording it leaves ``text`` out and says what the text does in ``explanation`` only.

The checklist names the conditions a legal basis must meet (consent; or legitimate interest: its three steps, the
purpose test, the information owed and the right to object), each tied to the ids of the legal texts it rests on,
and holds the model assessments of companies' mechanisms, each tied to a case and saying which relationship
(which company, as controller, towards whom) it assesses.

The link students follow on a legal text (``url``) is the official publisher's page: ``kit check`` accepts only the
hosts listed in ``data/official_hosts.yaml`` (EUR-Lex, curia, the EDPB, regulators, legislatures and courts), and a
copy the kit read goes in ``read_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .base import ContentKind, check_duplicates, check_refs, check_stray_files, data_root, load_checked, load_file
from .case import CHECKED_NOTE_DOC, STATUS_DOC, Status
from .cases import case_ids
from .errors import NotFound, display_path, safe_resolve
from .facilitation import Facilitation, facilitation_doc
from .schema import Id, Line, ParseContext, Record, Text, Url, When, doc

__all__ = [
    "Assessment",
    "Checklist",
    "ChecklistFile",
    "Condition",
    "LawFile",
    "OfficialHost",
    "OfficialHostsFile",
    "LawText",
    "Translation",
    "Verdict",
    "check_law_and_checklist",
    "load_checklist",
    "load_law",
    "official_host",
]

LawKind = Literal["law", "case-law", "guidance", "regulator"]
Basis = Literal["consent", "legitimate-interest"]
VerdictWord = Literal["met", "not-met", "unclear"]
VERDICTS: tuple[str, ...] = ("met", "not-met", "unclear")
BASES: tuple[str, ...] = ("consent", "legitimate-interest")


# --------------------------------------------------------------------------------------------- data/law/*.yaml
@dataclass(frozen=True, kw_only=True)
class Translation(Record):
    entry_name = "translation"
    language: Literal["fr"] = doc("the language of this wording")
    text: Text = doc("the exact wording in that language, as in the source; mark cuts with …")
    url: Url = doc("the original page of this wording (students follow this link)")
    read_at: Url | None = doc("where this wording was actually read, when that was a copy", None)
    status: Status = doc(STATUS_DOC)
    copies_checked: int | None = doc("how many independent copies of the official wording it was compared with, word "
                                     "for word, when the official page itself was not opened", None, bounds=(1, 50))
    note: Text | None = doc("caveats about this copy", None, translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class LawText(Record):
    entry_name = "legal text"
    id: Id = doc("a short id the checklist uses, like 'gdpr-art-7-3'")
    title: Line = doc("what students see as the heading, like 'GDPR Article 7(3): withdrawing consent'", translate=True)
    instrument: Line = doc("the law, judgment or document it comes from, by the name its publisher uses (each "
                           "language gives the official name in its own words, like « Règlement (UE) 2016/679 "
                           "(RGPD) »)", translate=True)
    reference: Line = doc("the article, paragraph or case number, as that language writes it (« considérant 32 »)",
                          translate=True)
    kind: LawKind = doc("law, case-law, guidance or regulator (a regulator's statement or post)")
    region: Line = doc("where it applies, like 'EU/EEA' or 'California'", translate=True)
    date: When | None = doc("when it was adopted, decided or published, if the fact sheet gives it", None)
    text: Text | None = doc("the exact words, short, as read in the source; leave out if no exact wording was seen",
                            None, quote=True)
    explanation: Text = doc("what it means, in plain language and the kit's own words", translate=True)
    url: Url = doc("the original page of the wording (or, without wording, of the facts): students follow this link")
    read_at: Url | None = doc("where the wording was actually read, when that was a copy (shown to students only as "
                              "the words 'read in a copy')", None)
    other_urls: tuple[Url, ...] = doc("other copies that agree (for instructors; not shown to students)", ())
    status: Status = doc(STATUS_DOC)
    copies_checked: int | None = doc("for a law or a judgment whose official page was not opened: how many "
                                     "independent copies of the official text the wording was compared with, word "
                                     "for word. The card then says so instead of showing a certainty label, since "
                                     "the law itself is not uncertain", None, bounds=(1, 50))
    checked: Text | None = doc("for instructors only: how the wording was checked (copies compared, pages opened); "
                               "never shown to students", None, translate=True)
    note: Text | None = doc("caveats for students: cuts, misquotations seen elsewhere, unverified parts", None,
                            translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)
    translations: tuple[Translation, ...] = doc("the same wording in other languages", ())


@dataclass(frozen=True, kw_only=True)
class LawFile(Record):
    entry_name = "legal texts file"
    texts: tuple[LawText, ...] = doc("the legal texts", nonempty=True)


# ------------------------------------------------------------------------------------ data/official_hosts.yaml
@dataclass(frozen=True, kw_only=True)
class OfficialHost(Record):
    entry_name = "official host"
    host: Line = doc("a host name that publishes law officially, like 'eur-lex.europa.eu' (its subdomains count too)")
    publisher: Line = doc("who publishes there, like 'Publications Office of the EU (EUR-Lex)'")


@dataclass(frozen=True, kw_only=True)
class OfficialHostsFile(Record):
    entry_name = "official hosts file"
    hosts: tuple[OfficialHost, ...] = doc("the hosts whose pages a legal text's url may link", nonempty=True)


OFFICIAL_HOSTS_FILE = "official_hosts.yaml"


def official_host(url: str, hosts) -> bool:
    """Whether ``url`` is on one of ``hosts`` (a host or any of its subdomains: 'www.edpb.europa.eu' is on
    'edpb.europa.eu')."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def _check_official(ctx: ParseContext, texts: list[LawText], hosts: list[OfficialHost], where: str) -> None:
    """Every legal text's url, and its translations' urls, must be an official publisher's page."""
    names = [h.host.lower().strip(".") for h in hosts]
    for record in [*texts, *(tr for t in texts for tr in t.translations)]:
        if official_host(record.url, names):
            continue
        host = urlsplit(record.url).hostname or record.url
        ctx.at(record, "url", f"'{host}' is not an official publisher of legal texts, and students follow this "
                              f"link: link the official page (one of the hosts in {where}, such as "
                              f"{', '.join(names[:4])}) and put the address of the copy you read in read_at")


# ----------------------------------------------------------------------------------------- data/checklist.yaml
@dataclass(frozen=True, kw_only=True)
class Condition(Record):
    entry_name = "condition"
    id: Id = doc("a short id, like 'freely-given'")
    name: Line = doc("the condition's name as students see it", translate=True)
    basis: Basis = doc("consent (a condition for valid consent) or legitimate-interest (a condition for relying on "
                       "legitimate interest, including the right to object)")
    question: Text = doc("the question a student asks of a mechanism, in plain words", translate=True)
    law: tuple[Id, ...] = doc("ids of the legal texts (from data/law) the condition rests on")


@dataclass(frozen=True, kw_only=True)
class Verdict(Record):
    entry_name = "verdict"
    condition: Id = doc("the id of a condition")
    verdict: VerdictWord = doc("met, not-met or unclear")
    reason: Text = doc("why, in the kit's own words", translate=True)


@dataclass(frozen=True, kw_only=True)
class Assessment(Record):
    entry_name = "assessment"
    id: Id = doc("a short id, like 'slack-2024'")
    case: Id = doc("the id of the case (a folder under data/cases)")
    mechanism: Text = doc("the mechanism assessed, in one or two sentences", translate=True)
    relationship: Text = doc("which relationship the verdicts assess: who decides the purpose (the controller), for "
                             "whom a company acts as processor, and whose data, towards whom", translate=True)
    basis: Basis = doc("which conditions apply: consent, or legitimate-interest (its three steps, purpose, "
                       "information and objection)")
    verdicts: tuple[Verdict, ...] = doc("one verdict for each condition of that basis")
    note: Text | None = doc("caveats about the assessment", None, translate=True)
    facilitation: Facilitation | None = facilitation_doc("running the checklist on this mechanism in class")

    def verdict(self, condition_id: str) -> Verdict:
        for v in self.verdicts:
            if v.condition == condition_id:
                return v
        raise NotFound(condition_id)


@dataclass(frozen=True, kw_only=True)
class ChecklistFile(Record):
    entry_name = "checklist file"
    conditions: tuple[Condition, ...] = doc("the conditions, in the order students meet them", nonempty=True)
    assessments: tuple[Assessment, ...] = doc("the model assessments of companies' mechanisms",
                                             nonempty=True)


@dataclass(frozen=True)
class Checklist:
    """The checked checklist: conditions, model assessments and the legal texts they cite."""

    conditions: tuple[Condition, ...]
    assessments: tuple[Assessment, ...]
    law: dict[str, LawText]

    def conditions_for(self, basis: str) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if c.basis == basis)

    def condition(self, condition_id: str) -> Condition:
        for c in self.conditions:
            if c.id == condition_id:
                return c
        raise NotFound(f"no condition '{condition_id}' in data/checklist.yaml")

    def assessment(self, assessment_id: str) -> Assessment:
        for a in self.assessments:
            if a.id == assessment_id or a.case == assessment_id:
                return a
        known = ", ".join(a.id for a in self.assessments)
        raise NotFound(f"no model assessment '{assessment_id}' in data/checklist.yaml (there are: {known})")


# ------------------------------------------------------------------------------------------------- loading
def _root(root: Path | None) -> Path:
    return Path(root) if root else data_root()


def _law_files(root: Path) -> list[Path]:
    return sorted((root / "law").glob("*.yaml"))


def _parse_law(root: Path, ctx: ParseContext) -> tuple[list[LawText], bool]:
    """The legal texts, and whether every file of them parsed (a text in one that did not is not "unknown")."""
    files = _law_files(root)
    if not files:
        ctx.add(display_path(root / "law"), None, None, None, "no legal texts: expected .yaml files in this folder")
    texts: list[LawText] = []
    complete = True
    for path in files:
        parsed = load_file(path, LawFile, ctx)
        if parsed is not None:
            texts.extend(parsed.texts)
        complete = complete and parsed is not None
    check_duplicates(ctx, texts, "legal text")
    return texts, complete


def _parse_checklist(root: Path, ctx: ParseContext, law_ids: set[str] | None) -> ChecklistFile | None:
    path = root / "checklist.yaml"
    if not path.exists():
        ctx.add(display_path(path), None, None, None, "file missing: the consent checklist")
        return None
    parsed = load_file(path, ChecklistFile, ctx)
    if parsed is None:
        return None
    where_law = display_path(root / "law")
    check_duplicates(ctx, parsed.conditions, "condition")
    check_duplicates(ctx, parsed.assessments, "assessment")
    for c in parsed.conditions:
        check_refs(ctx, c, "law", c.law, law_ids, "legal text", where_law)
    by_id = {c.id: c for c in parsed.conditions}
    cases = case_ids(root)
    for a in parsed.assessments:
        check_refs(ctx, a, "case", a.case, cases, "case", display_path(root / "cases"))
        expected = [c.id for c in parsed.conditions if c.basis == a.basis]
        seen: set[str] = set()
        for v in a.verdicts:
            if v.condition not in by_id:
                check_refs(ctx, v, "condition", v.condition, by_id, "condition", "the conditions of this file")
            elif by_id[v.condition].basis != a.basis:
                ctx.at(v, "condition", f"the condition '{v.condition}' is for {by_id[v.condition].basis}, but this "
                                       f"assessment's basis is {a.basis}")
            elif v.condition in seen:
                ctx.at(v, "condition", f"the condition '{v.condition}' is assessed twice")
            seen.add(v.condition)
        missing = [c for c in expected if c not in seen]
        if missing:
            ctx.at(a, "verdicts", f"no verdict for the condition(s) {', '.join(missing)}: give each a verdict")
    return parsed


def _inputs(root: Path) -> list[Path]:
    """The files the legal texts and the checklist are read from (the case folders' names are checked too)."""
    return [*_law_files(root), root / "checklist.yaml", root / "cases"]


def load_law(root: Path | None = None) -> dict[str, LawText]:
    """Every legal text under ``data/law``, by id, in file order. Raises ContentError naming every problem."""
    root = _root(root)
    return load_checked(f"law:{safe_resolve(root)}", _inputs(root),
                        lambda ctx: {x.id: x for x in _parse_law(root, ctx)[0]})


def load_checklist(root: Path | None = None) -> Checklist:
    """The consent checklist with its model assessments, checked against the legal texts and the cases."""
    root = _root(root)

    def parse(ctx: ParseContext) -> Checklist | None:
        law = load_law(root)
        parsed = _parse_checklist(root, ctx, set(law))
        return Checklist(parsed.conditions, parsed.assessments, law) if parsed else None

    return load_checked(f"checklist:{safe_resolve(root)}", _inputs(root), parse)


def _parse_official_hosts(root: Path, ctx: ParseContext) -> list[OfficialHost] | None:
    path = root / OFFICIAL_HOSTS_FILE
    if not path.exists():
        ctx.add(display_path(path), None, None, None, "file missing: the official publishers a legal text's url may "
                                                      "link (a list of hosts)")
        return None
    parsed = load_file(path, OfficialHostsFile, ctx)
    return list(parsed.hosts) if parsed else None


def check_law_and_checklist(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: every legal text (its url an official publisher's) and the checklist; returns how many
    texts and conditions were checked."""
    check_stray_files(root / "law", ctx)
    check_stray_files(root, ctx, only_near_misses=True)  # checklist.yml, vocabulary.yml at the top of data/
    texts, complete = _parse_law(root, ctx)
    hosts = _parse_official_hosts(root, ctx)
    if hosts:
        _check_official(ctx, texts, hosts, display_path(root / OFFICIAL_HOSTS_FILE))
    parsed = _parse_checklist(root, ctx, {t.id for t in texts} if complete else None)
    return len(texts) + (len(parsed.conditions) + len(parsed.assessments) if parsed else 0)



LAW = ContentKind("law", "legal texts and checklist entries", "law/*.yaml, checklist.yaml, official_hosts.yaml",
                  (LawFile, ChecklistFile, OfficialHostsFile),
                  check_law_and_checklist, load_checklist,
                  translated=(("law/*.yaml", LawFile), ("checklist.yaml", ChecklistFile)))
