"""The consent checklist: compare a student's assessment of a mechanism with the model assessment. No widgets.

A student gives, for each condition, a verdict (met, not-met or unclear) and a reason. :func:`compare` lines each
answer up with the model's verdict and says, in words from ``data/ui``, whether they agree and why the model
decided as it did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .content.errors import BadArgument, NotFound
from .content.law import VERDICTS, Assessment, Checklist, Condition, LawText, load_checklist
from .i18n import t

__all__ = ["Comparison", "Row", "compare", "load_checklist", "select_texts"]


def select_texts(law: Mapping[str, LawText], ids: str | Iterable[str] | None = None) -> list[LawText]:
    """The legal texts with the ids given (one id, several, or None for all), in the order given."""
    ids = [ids] if isinstance(ids, str) else list(ids or law)
    missing = [i for i in ids if i not in law]
    if missing:
        raise NotFound(f"no legal text '{missing[0]}' in data/law (there are: {', '.join(law)})")
    return [law[i] for i in ids]


@dataclass(frozen=True)
class Row:
    """One condition: the student's verdict and reason beside the model's, and the explanation of any difference."""

    condition: Condition
    student: str | None  # None: the student gave no verdict
    student_reason: str
    model: str
    model_reason: str

    @property
    def answered(self) -> bool:
        return self.student is not None

    @property
    def agrees(self) -> bool:
        return self.student == self.model

    @property
    def symbol(self) -> str:
        """✔ the same verdict, … none yet, ↔ another reading (not "wrong": the student's reasons may be as good)."""
        return "✔" if self.agrees else ("…" if not self.answered else "↔")

    def explanation(self) -> str:
        """What the student sees: agreement or difference, in words, then the model's reason."""
        model = t(f"checklist.verdict_{self.model}")
        if not self.answered:
            head = t("checklist.feedback_missing", model=model)
        elif self.agrees:
            head = t("checklist.feedback_same", model=model)
        else:
            head = t("checklist.feedback_differs", student=t(f"checklist.verdict_{self.student}"), model=model)
        extra = ""
        if self.answered and not self.student_reason.strip():
            extra = " " + t("checklist.feedback_no_reason")
        return f"{head} {t('checklist.model_reason', reason=self.model_reason)}{extra}"


@dataclass(frozen=True)
class Comparison:
    assessment: Assessment
    rows: tuple[Row, ...]

    @property
    def agreed(self) -> int:
        return sum(r.agrees for r in self.rows)

    @property
    def answered(self) -> int:
        return sum(r.answered for r in self.rows)

    def summary(self) -> str:
        return t("checklist.summary", agreed=self.agreed, total=len(self.rows), answered=self.answered)


def compare(checklist: Checklist, assessment_id: str, answers: Mapping[str, tuple[str | None, str]]) -> Comparison:
    """Compare ``answers`` (condition id -> (verdict or None, reason)) with the model assessment ``assessment_id``.

    Conditions the student left out count as unanswered. An unknown verdict word raises ValueError; an answer for a
    condition the assessment does not cover raises KeyError.
    """
    a = checklist.assessment(assessment_id)
    conditions = checklist.conditions_for(a.basis)
    known = {c.id for c in conditions}
    for cid, (verdict, _reason) in answers.items():
        if cid not in known:
            raise NotFound(f"the condition '{cid}' is not part of the {a.basis} checklist")
        if verdict is not None and verdict not in VERDICTS:
            raise BadArgument(f"a verdict is one of {', '.join(VERDICTS)}, not {verdict!r}")
    rows = []
    for c in conditions:
        verdict, reason = answers.get(c.id, (None, ""))
        model = a.verdict(c.id)
        rows.append(Row(c, verdict, reason or "", model.verdict, model.reason))
    return Comparison(a, tuple(rows))
