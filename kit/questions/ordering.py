"""A question answered by putting the options in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..content.schema import ParseContext
from .choice import OptionList, check_option_ids

if TYPE_CHECKING:
    from ..content.quiz import Question

__all__ = ["Ordering", "duplicates", "pairs_in_order"]


def duplicates(response: Sequence[Any]) -> tuple[Any, ...]:
    """The items chosen more than once in an ordering response, in the order first seen."""
    chosen = [r for r in response if r is not None]
    return tuple(x for x in dict.fromkeys(chosen) if chosen.count(x) > 1)


def pairs_in_order(right: Sequence[str], given: Sequence[str]) -> float:
    """The share of pairs of items in the right relative order (1: all, 0: exactly reversed); items missing from
    ``given`` earn nothing for their pairs."""
    n = len(right)
    if n < 2:
        return 1.0 if list(given) == list(right) else 0.0
    pos: dict[str, int] = {}
    for i, item in enumerate(given):
        pos.setdefault(item, i)
    good = sum(1 for i in range(n) for j in range(i + 1, n)
               if right[i] in pos and right[j] in pos and pos[right[i]] < pos[right[j]])
    return good / (n * (n - 1) / 2)


class Ordering(OptionList):
    """Partial credit: the share of pairs of items in the right relative order. Never shown in its right order."""

    name = "ordering"
    summary = "put the options in order"
    answer_doc = "every option id, in the right order"
    view = "ordering.OrderingInput"
    joiner = " → "
    ordered = True

    def check(self, ctx: ParseContext, question: Question, withheld: bool = False) -> None:
        if any(o.keep_last for o in question.options):
            ctx.at(question, "options", "keep_last makes no sense in an ordering question: the order is the answer")

    def check_answer(self, ctx: ParseContext, question: Question) -> None:
        values = check_option_ids(ctx, question)
        ids = {o.id for o in question.options}
        if values is not None and set(values) <= ids and set(values) != ids:
            missing = ", ".join(sorted(ids - set(values)))
            ctx.at(question, "answer", f"an ordering answer lists every option once; missing: {missing}")

    def problem(self, question: Question, response: Any) -> str | None:
        if isinstance(response, (list, tuple)) and response:
            chosen = [r for r in response if r is not None and r != ""]
            if not chosen:
                return "blank"
            if len(set(chosen)) < len(chosen):
                return "duplicate"
            if len(chosen) < len(response):
                return "incomplete"
        return super().problem(question, response)

    def score(self, question: Question, response: Any) -> tuple[float, bool]:
        given = list(response)
        return pairs_in_order(list(question.answer), given), given == list(question.answer)

    def arrange(self, question: Question, options: list) -> list:
        if len(options) > 1 and [o.id for o in options] == list(question.answer or ()):
            return options[1:] + options[:1]  # shown solved, it would give the answer away
        return options
