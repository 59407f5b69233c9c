"""The claim-checking exercise, without widgets: the candidates offered as evidence, and the grading of an answer.

A student reads a public statement against one version of a policy, chooses a verdict (supported, contradicted,
not addressed) and the sentence that is the evidence. The answer is right when the verdict is the model verdict;
the evidence is right when it is one of the item's evidence sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content.case import Case, Statement
from .content.claims import VERDICTS, Claim, load_claims
from .content.errors import BadArgument, NotFound
from .text import Sentence, sentences
from .vocabulary import Ranked, Vocabulary, rank_evidence

__all__ = ["Answer", "ClaimItem", "Result", "check", "items"]


@dataclass(frozen=True)
class ClaimItem:
    """A claim with what the exercise shows: the statement, the version's sentences, ranked candidates."""

    claim: Claim
    statement: Statement
    sentences: tuple[Sentence, ...]
    candidates: tuple[Ranked, ...]

    @property
    def id(self) -> str:
        return self.claim.id

    def sentence(self, sentence_id: str) -> Sentence:
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise NotFound(f"no sentence '{sentence_id}' in this version")

    @property
    def model_sentence(self) -> Sentence:
        return self.sentence(self.claim.evidence[0])


def items(case: Case, vocabulary: Vocabulary) -> tuple[ClaimItem, ...]:
    """The case's claim items, each with its candidate evidence ranked for its statement."""
    out = []
    for claim in load_claims(case):
        version = case.document(claim.document).version(claim.version)
        sents = sentences(version.text, version.id)
        statement = case.statement(claim.statement)
        out.append(ClaimItem(claim, statement, sents, tuple(rank_evidence(statement.text, sents, vocabulary))))
    return tuple(out)


@dataclass(frozen=True)
class Answer:
    verdict: str | None
    evidence: str | None


@dataclass(frozen=True)
class Result:
    verdict_ok: bool
    evidence_ok: bool
    answer: Answer

    @property
    def correct(self) -> bool:
        return self.verdict_ok and self.evidence_ok


def check(item: ClaimItem, verdict: str | None, evidence: str | None) -> Result:
    """Grade an answer. ValueError for a verdict that is not one of the three, or an unknown sentence id."""
    if verdict is not None and verdict not in VERDICTS:
        raise BadArgument(f"unknown verdict '{verdict}': expected one of {', '.join(VERDICTS)}")
    if evidence is not None:
        item.sentence(evidence)
    return Result(verdict == item.claim.verdict, evidence in item.claim.evidence, Answer(verdict, evidence))
