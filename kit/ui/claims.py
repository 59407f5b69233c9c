"""The claim checker: for each public statement, choose a verdict and the policy sentence that is the evidence,
then check; the feedback says in words and symbols what was right, gives the model answer and explains it."""

from __future__ import annotations

from .. import writing
from ..claims import ClaimItem, Result, check
from ..content.case import Case
from ..content.claims import VERDICTS
from ..content.errors import BadArgument
from ..i18n import t
from ..text import Sentence
from . import html as h
from . import widgets as w
from .diff import sentence_ids_html, sentence_label
from .static import Static, show_answer

__all__ = ["ClaimView", "feedback_html", "model_answer_html", "statement_html"]


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def statement_html(case: Case, item: ClaimItem, position: int, total: int) -> str:
    s, c = item.statement, item.claim
    doc = case.document(c.document)
    version = doc.version(c.version)
    parts = [
        f"<div style='color:{h.MUTED}'>{h.esc(t('claims.position', n=position, total=total))}</div>",
        f"<div>{h.esc(t('claims.said_by', speaker=s.speaker, channel=s.channel, date=s.date.human()))}</div>",
        h.quote_of(s, "text"),  # i13: with the kit's rendering in another language
    ]
    if s.context:
        parts.append(h.para(s.context))
    parts.append(h.status_line(s.status))
    parts.append(h.labelled(t("common.sources"), h.sources_html(case, s.sources)))
    against = t("claims.read_against", document=doc.title, version=version.label, date=version.date.human())
    parts.append(f"<p><strong>{h.esc(against)}</strong></p>")
    parts.append(sentence_ids_html(version))
    return h.card("".join(parts), label=s.speaker)


def _model_evidence(best: Sentence) -> str:
    """The model answer's evidence: the sentence named in the reader's words (issue 25), then quoted."""
    return h.labelled(t("claims.model_evidence"), f"<code>{h.esc(sentence_label(best.id))}</code>" + h.quote(best.text))


def feedback_html(item: ClaimItem, result: Result) -> str:
    c = item.claim
    a = result.answer
    model = t(f"claims.{c.verdict}")
    lines = [t("claims.verdict_ok", verdict=model) if result.verdict_ok
             else t("claims.verdict_bad", chosen=t(f"claims.{a.verdict}"), verdict=model),
             t("claims.evidence_ok", id=sentence_label(a.evidence)) if result.evidence_ok
             else t("claims.evidence_bad", id=sentence_label(a.evidence))]
    best = item.model_sentence
    parts = [f"<p style='margin:0.2em 0'><strong>{h.esc(line)}</strong></p>" for line in lines]
    parts.append(h.heading(t("claims.model"), 5))
    parts.append(h.labelled(t("claims.verdict"), h.esc(model)))
    parts.append(_model_evidence(best))
    parts.append(h.labelled(t("claims.why"), h.para(c.feedback)))
    if c.nuance:
        parts.append(h.labelled(t("claims.nuance"), h.para(c.nuance)))
    return h.card("".join(parts), label=t("claims.model"))


def model_answer_html(item: ClaimItem) -> str:
    """The model answer of an item on its own: verdict, the evidence sentence, why, and any nuance."""
    c, best = item.claim, item.model_sentence
    parts = [h.labelled(t("claims.verdict"), h.esc(t(f"claims.{c.verdict}"))),
             _model_evidence(best),
             h.labelled(t("claims.why"), h.para(c.feedback))]
    if c.nuance:
        parts.append(h.labelled(t("claims.nuance"), h.para(c.nuance)))
    return "".join(parts)


class ClaimView(Static, w.VBox):
    """Pick a statement; choose a verdict (a one-choice list) and evidence (ranked dropdown); Check.

    Each item's verdict and evidence are handed in (:mod:`kit.writing`) as they are chosen, with whether they were
    checked; picking an item, or reading a saved file, shows its choices (and its feedback, once checked) again.
    """

    def __init__(self, case: Case, claim_items: tuple[ClaimItem, ...]):
        if not claim_items:
            raise BadArgument(f"the case '{case.id}' has no claim items (claims.yaml)")
        self.case, self.items = case, claim_items
        # A one-choice list, not a drop-down: a statement's opening words were cut at 800 px (issue 27 item 8).
        self.picker = w.one_choice([(f"{it.statement.speaker} — {_short(it.statement.text, 80)}", i)
                                    for i, it in enumerate(claim_items)], value=0, description=t("claims.pick"))
        self.picker.tooltip = t("claims.pick_tooltip")
        self.statement = w.HTML()
        self.verdict = w.one_choice([(t(f"claims.{v}"), v) for v in VERDICTS], description=t("claims.verdict"))
        self.verdict.tooltip = t("claims.verdict_tooltip")
        self.evidence = w.Dropdown(description=t("claims.evidence"), layout={"width": "min(100%, 46em)"})
        self.evidence.tooltip = t("claims.evidence_tooltip")
        self.check_button = w.Button(description=t("claims.check"), tooltip=t("claims.check_tooltip"),
                                     button_style="primary", icon="check")
        self.check_button.on_click(lambda _b: self.check())
        self.feedback = w.HTML()
        self.feedback.add_class("kit-claim-feedback")
        self._filling = False
        self.picker.observe(lambda _c: self._show(), names="value")
        self.verdict.observe(lambda _c: self._entered(), names="value")
        self.evidence.observe(lambda _c: self._entered(), names="value")
        super().__init__([w.HTML(h.heading(t("claims.title"), level=3)), self.picker, self.statement, self.verdict,
                          self.evidence, self.check_button, self.feedback])
        self.add_class("kit-claims")
        self._show()
        writing.subscribe(f"claims:{case.id}", on_restore=self._show)

    @property
    def item(self) -> ClaimItem:
        return self.items[self.picker.value]

    def _key(self) -> str:
        return f"claim:{self.item.claim.id}"

    def _show(self) -> None:
        """The item picked, with what was chosen for it before (and its feedback, if it was checked)."""
        item = self.item
        saved = writing.get(self._key())
        saved = saved if isinstance(saved, dict) else {}
        self._filling = True
        try:
            self.statement.value = statement_html(self.case, item, self.picker.value + 1, len(self.items))
            self.verdict.value = saved.get("verdict") if saved.get("verdict") in VERDICTS else None
            self.evidence.options = [(t("claims.evidence_none"), None)] + [
                # i25: the label in the reader's words, the value (saved, compared) the id
                (f"{sentence_label(r.sentence.id)} — {_short(r.sentence.text)}", r.sentence.id)
                for r in item.candidates]
            ids = {i for _label, i in self.evidence.options}
            self.evidence.value = saved.get("evidence") if saved.get("evidence") in ids else None
            self.feedback.value = ""
        finally:
            self._filling = False
        if saved.get("checked") and self.verdict.value is not None and self.evidence.value is not None:
            self.feedback.value = feedback_html(item, check(item, self.verdict.value, self.evidence.value))

    def _entered(self, checked: bool = False) -> None:
        """Hand the item's choices in as they are made; a change after Check clears feedback it no longer fits."""
        if self._filling:
            return
        answer = {"verdict": self.verdict.value, "evidence": self.evidence.value}
        if checked:
            answer["checked"] = True
        else:
            self.feedback.value = ""
        writing.put(self._key(), answer)

    def static_html(self) -> str:
        """Every item: the statement, the policy sentences it is read against, the model answer collapsed."""
        n = len(self.items)
        return h.heading(t("claims.title"), level=3) + "".join(
            statement_html(self.case, it, i, n) + show_answer(model_answer_html(it))
            for i, it in enumerate(self.items, 1))

    def static_text(self) -> str:
        return t("static.claims", title=t("claims.title"), n=len(self.items))

    def check(self) -> Result | None:
        if self.verdict.value is None or self.evidence.value is None:
            self.feedback.value = f"<p><strong>{h.esc(t('claims.choose_first'))}</strong></p>"
            return None
        result = check(self.item, self.verdict.value, self.evidence.value)
        self.feedback.value = feedback_html(self.item, result)
        self._entered(checked=True)
        return result
