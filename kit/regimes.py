"""Three regimes, one dataset: the comparison a kind of content gets under each regime. Pure logic, no widgets.

:func:`comparison` resolves one kind of content of ``data/regimes.yaml`` into a grid, a row per question and a column
per regime, each cell holding the kit's answer and the legal texts it rests on. It also says what happens when nobody
acts under each regime (:attr:`Column.default`) and whether the regimes disagree on that (:attr:`Comparison.split`),
in words from ``data/ui`` (:func:`outcome`, :func:`contrast`), so that a view only lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .content.errors import NotFound
from .content.law import LawText
from .content.regimes import QUESTIONS, Content, Example, Regime, RegimesFile
from .i18n import t

__all__ = ["Cell", "Column", "Comparison", "comparison", "contrast", "outcome", "short_title"]

#: How each default is marked beside its words: the words carry the meaning, the mark only repeats it.
MARKS = {"in": "●", "out": "○"}


def short_title(text: LawText) -> str:
    """A legal text's title up to its colon ("GDPR Article 7(3)"), the whole title when it has none."""
    head, sep, _ = text.title.partition(":")
    return head.strip() if sep and head.strip() else text.title


@dataclass(frozen=True)
class Cell:
    """One answer: the kit's words and the legal texts they rest on."""

    text: str
    law: tuple[LawText, ...]


@dataclass(frozen=True)
class Column:
    """A regime's answers for the chosen kind of content, in the order of :data:`QUESTIONS`."""

    regime: Regime
    cells: tuple[Cell, ...]
    who: str  # who must act, in a few words

    @property
    def default(self) -> str:
        """"in" (used unless someone acts) or "out" (not used unless someone agrees)."""
        return self.regime.default

    def cell(self, question: str) -> Cell:
        if question not in QUESTIONS:
            raise NotFound(f"no question '{question}' (there are: {', '.join(QUESTIONS)})")
        return self.cells[QUESTIONS.index(question)]


@dataclass(frozen=True)
class Comparison:
    """One kind of content under every regime."""

    content: Content
    questions: tuple[tuple[str, str], ...]  # (question id, the words of the row)
    columns: tuple[Column, ...]

    @property
    def examples(self) -> tuple[Example, ...]:
        return self.content.examples

    def column(self, regime_id: str) -> Column:
        for c in self.columns:
            if c.regime.id == regime_id:
                return c
        raise NotFound(f"no regime '{regime_id}' in the comparison")

    @property
    def split(self) -> bool:
        """True when the regimes disagree on what silence means: one keeps the content out, another lets it in."""
        return len({c.default for c in self.columns}) > 1

    def defaults(self) -> dict[str, str]:
        """Each regime's id and its default ("in" or "out")."""
        return {c.regime.id: c.default for c in self.columns}


def comparison(regimes: RegimesFile, law: Mapping[str, LawText], content_id: str) -> Comparison:
    """The comparison for ``content_id``. Raises NotFound for an unknown kind of content or legal text."""
    content = regimes.content(content_id)
    columns = []
    for regime in regimes.regimes:
        answers = content.answers(regime.id)
        cells = []
        for q in QUESTIONS:
            answer = getattr(answers, q)
            missing = [i for i in answer.law if i not in law]
            if missing:
                raise NotFound(f"no legal text '{missing[0]}' in data/law (named by data/regimes.yaml)")
            cells.append(Cell(answer.text, tuple(law[i] for i in answer.law)))
        columns.append(Column(regime, tuple(cells), answers.who))
    questions = tuple((q, getattr(regimes.questions, q)) for q in QUESTIONS)
    return Comparison(content, questions, tuple(columns))


def outcome(column: Column) -> str:
    """What happens when nobody acts under this regime and who must act, in words ("GDPR: consent — out by default
    …; who must act: each person who posted")."""
    return t("regimes.outcome", regime=column.regime.name, default=t("regimes.default_" + column.default),
             who=column.who)


def contrast(comp: Comparison) -> str:
    """One sentence on the defaults: the same content, opposite defaults (or, if they agree, the same default)."""
    names = {d: [c.regime.short for c in comp.columns if c.default == d] for d in ("in", "out")}
    joined = {d: t("regimes.and").join(n) for d, n in names.items()}
    if comp.split:
        return t("regimes.contrast_split", content=comp.content.name, out=joined["out"], into=joined["in"])
    only = "in" if names["in"] else "out"
    return t("regimes.contrast_same", content=comp.content.name, default=t("regimes.default_" + only))
