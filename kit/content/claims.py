"""Claim-checking items (``claims.yaml`` in a case folder): a public statement, the policy version it is read
against, the model verdict, the policy sentences that are good evidence, and feedback explaining the reading.

The file is parsed once, with the case (an optional entry of ``CASE_FILES``, kept as ``Case.claims``);
:func:`load_claims` then checks the references: the statement must be in ``statements.yaml``, the document and
version in ``documents.yaml``, and every evidence id must name a sentence of that version (ids like ``before.p2.s1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..text import sentences
from .base import check_duplicates, check_refs
from .case import Case
from .errors import display_path
from .facilitation import Facilitation, facilitation_doc
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["VERDICTS", "Claim", "ClaimsFile", "Verdict", "check_claims", "claims_path", "load_claims"]

Verdict = Literal["supported", "contradicted", "not-addressed"]
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "not-addressed")


@dataclass(frozen=True, kw_only=True)
class Claim(Record):
    entry_name = "claim"
    id: Id = doc("a short id for this item, like 'blog-traditional-ml'")
    statement: Id = doc("the id of the public statement to check, from statements.yaml")
    document: Id = doc("the id of the policy document to read it against, from documents.yaml")
    version: Id = doc("the id of the document's version to read it against, like 'before'")
    verdict: Verdict = doc("the model answer: supported, contradicted or not-addressed")
    evidence: tuple[Line, ...] = doc(
        "ids of the sentences that are good evidence, best first, like [before.p1.s2] (see the version comparer "
        "for the ids)")
    feedback: Text = doc("why this is the reading, in the kit's own words", translate=True)
    nuance: Text | None = doc("what makes the reading less simple than the verdict suggests", None, translate=True)


@dataclass(frozen=True, kw_only=True)
class ClaimsFile(Record):
    entry_name = "claims file"
    claims: tuple[Claim, ...] = doc("the claim-checking items", nonempty=True)
    facilitation: Facilitation | None = facilitation_doc("running the claim checker in class")


def claims_path(case: Case) -> Path:
    return Path(case.folder) / "claims.yaml"


def check_claims(case: Case, ctx: ParseContext) -> None:
    """Cross-check every claim item of the case against its statements and documents."""
    folder = Path(case.folder)
    check_duplicates(ctx, case.claims, "claim")
    statement_ids = [s.id for s in case.statements]
    document_ids = [d.id for d in case.documents]
    for claim in case.claims:
        check_refs(ctx, claim, "statement", claim.statement, statement_ids, "statement",
                   display_path(folder / "statements.yaml"))
        if claim.document not in document_ids:
            check_refs(ctx, claim, "document", claim.document, document_ids, "document",
                       display_path(folder / "documents.yaml"))
            continue
        document = case.document(claim.document)
        version_ids = [v.id for v in document.versions]
        if claim.version not in version_ids:
            check_refs(ctx, claim, "version", claim.version, version_ids, "version",
                       f"the versions of '{document.id}' in {display_path(folder / 'documents.yaml')}")
            continue
        version = document.version(claim.version)
        sentence_ids = [s.id for s in sentences(version.text, version.id)]
        if not claim.evidence:
            ctx.at(claim, "evidence", f"needs at least one sentence id, like '{sentence_ids[0]}'")
        check_refs(ctx, claim, "evidence", claim.evidence, sentence_ids, "sentence",
                   f"version '{version.id}' of '{document.id}' (its sentences are "
                   f"{sentence_ids[0]} … {sentence_ids[-1]})", required=False)


def load_claims(case: Case) -> tuple[Claim, ...]:
    """The case's claim items, checked; () when the case has no claims.yaml. Raises ContentError."""
    ctx = ParseContext()
    check_claims(case, ctx)
    ctx.raise_if_any()
    return case.claims
