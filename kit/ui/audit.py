"""The audit notebook's views (``kit.show_audit(step)``, ``kit.show_audit_rubric()``): one per step, thin.

Every control is bound to one ``audit:`` entry of :mod:`kit.writing` (:class:`Form`): what a student types or
chooses is put in as it is entered, so the notebook's one "Keep your answers" (shown in the first step) saves it at
once, and every view fills itself again when a saved or loaded file is read. What a paste is worth, the numbered
sentences, the evidence, how far each step has got and the report come from :mod:`kit.audit` and
:mod:`kit.audit_report`; nothing a student pasted is ever shown as markup (every text passes through ``h.esc``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import audit as A
from .. import writing
from ..audit_report import HtmlFormat, ReportContext, read_report, report, report_document, report_name, section
from ..content.audit import BASIS_CHOICES, AuditFile
from ..content.claims import VERDICTS as CLAIM_VERDICTS
from ..content.language import DEFAULT, current
from ..content.law import BASES, Checklist
from ..content.law import VERDICTS as CONDITION_VERDICTS
from ..content.schema import is_blank
from ..i18n import t
from ..locale import colon, series
from ..progress import data_uri
from ..vocabulary import Vocabulary, rank_evidence
from . import html as h
from . import widgets as w
from .diff import TEXT_STYLE
from .keep import KeepAnswers
from .law import condition_html
from .share import ShareView, share_view
from .static import Static, details
from .vocabulary import counts_html, highlight_html

__all__ = ["AuditKeep", "ClaimsStep", "ChecklistStep", "Form", "PasteStep", "ReadingStep", "RedesignStep",
           "ReportStep", "RubricView", "WorkedCompare", "audit_view", "current_audit"]

WIDE = "min(100%, 46em)"
#: A box for a paragraph of reasons, as the issue asks: room for several lines.
PARAGRAPH = {"width": WIDE, "height": "8em"}


def current_audit() -> A.Audit:
    """The audit as the notebook holds it now (every ``audit:`` entry of :mod:`kit.writing`)."""
    return A.from_answers(writing.entries())


# ------------------------------------------------------------------------------------------------ bound controls
class Form:
    """A view's controls, each bound to one audit entry: a change is put in :mod:`kit.writing` as it is made (unless
    its ``check`` refuses it), and :meth:`refill` puts the entries back in the controls."""

    def __init__(self) -> None:
        self.bound: list[tuple[Any, str, Callable[[Any], Any], Callable[[Any], Any],
                               Callable[[Any], bool] | None]] = []
        self.filling = False

    def bind(self, control, k: str, shown: Callable[[Any], Any] | None = None,
             kept: Callable[[Any], Any] | None = None, check: Callable[[Any], bool] | None = None):
        """``shown(entry)`` is what the control shows of the entry, ``kept(value)`` what is put in for the control's
        value; ``check(value)`` may refuse a value (it stays in the control, the entry as it was)."""
        shown = shown or _as_text
        kept = kept or (lambda v: v)
        self.bound.append((control, k, shown, kept, check))
        control.value = shown(writing.get(k))
        if check is not None and control.value:
            check(control.value)  # the notices of a value already entered
        control.observe(lambda c: self._entered(control, k, kept, check), names="value")
        return control

    def _entered(self, control, k, kept, check) -> None:
        if self.filling:
            return
        if check is not None and not check(control.value):
            return
        writing.put(k, kept(control.value))

    def refill(self) -> None:
        self.filling = True
        try:
            for control, k, shown, _kept, check in self.bound:
                control.value = shown(writing.get(k))
                if check is not None:
                    check(control.value)  # its notices follow the value read back
        finally:
            self.filling = False


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _choice(allowed) -> Callable[[Any], Any]:
    return lambda v: v if v in allowed else None


def _text(description: str, placeholder: str = "", tooltip: str = "", lines: int = 1, layout=None):
    """A line (``lines`` 1, no height) or a box for several lines, taken when the student leaves it."""
    if lines == 1 and not (layout and "height" in layout):
        box = w.Text(description=description, placeholder=placeholder, continuous_update=False,
                     style={"description_width": "initial"}, layout=layout or {"width": WIDE})
    else:
        box = w.Textarea(description=description, placeholder=placeholder, continuous_update=False,
                         style={"description_width": "initial"},
                         layout=layout or {"width": WIDE, "height": f"{1.6 * lines + 0.6:.1f}em"})
    box.tooltip = tooltip or description
    return box


def _notices_html(notices: list[A.Notice]) -> str:
    if not notices:
        return ""
    items = "".join(f"<li>{h.esc(n.symbol + ' ' + n.text)}</li>" for n in notices)
    return (f"<div role='status' class='kit-audit-notices'><ul style='margin:0.2em 0;padding-left:1.4em'>{items}"
            "</ul></div>")


def _misfits_html(misfits, prefixes: tuple[str, ...]) -> str:
    mine = [m for m in misfits if m.key.startswith(prefixes)]
    if not mine:
        return ""
    return h.card(h.para(t("audit.misfits_heading")) + h.bullets(h.esc(m.message()) for m in mine),
                  label=t("audit.misfits_heading"))


# ------------------------------------------------------------------------------------ compare with the example
class WorkedCompare(w.VBox):
    """"Compare with the worked example" under one item of a step (the policy pasted, a reading question, a claim, the
    basis, a condition, a redesign box): once the student has entered something there, that item of their audit
    beside the worked example's, each as the report shows it (:func:`kit.audit_report.section`), so a student alone
    gets feedback as they go, as a writing prompt's model answer gives it. The example audits another service (Slack,
    a case the kit ships): the note says to compare how it reasons, not its verdicts, and nothing about the
    student's own service is answered. With nothing entered yet, it asks for an answer first."""

    def __init__(self, step: str, item: str, what: str, example: A.Audit, content: AuditFile, checklist: Checklist,
                 entered: Callable[[A.Audit], bool]):
        self.step, self.item, self.example = step, item, example
        self.content, self.checklist, self.entered = content, checklist, entered
        self.button = w.Button(description=t("audit.compare"), tooltip=t("audit.compare_tooltip", what=what),
                               icon="columns")
        self.button.on_click(lambda _b: self.compare())
        self.output = w.HTML()
        self.output.add_class("kit-audit-compare")
        self.shown = False
        super().__init__([self.button, self.output])

    def compare(self) -> bool:
        audit = current_audit()
        if not self.entered(audit):
            self.shown = False
            self.output.value = f"<p role='status'><strong>{h.esc(t('audit.compare_first'))}</strong></p>"
            return False
        self.shown = True
        self.output.value = self._html(audit)
        return True

    def follow(self) -> None:
        """A comparison on show follows what the student entered (taken away when they empty the item)."""
        if self.shown:
            self.compare()

    def _html(self, audit: A.Audit) -> str:
        fmt, level = HtmlFormat(), 6
        example, item = self.example, self.item
        if self.step == "checklist" and item != "basis" and audit.tested_basis:
            example = A.example_tested_as(example, self.content.example.case, self.checklist, audit.tested_basis)
        # The example's same item where it has one (a question, the basis, a condition, a box); its whole step where
        # the student's items are their own (their texts, their statements).
        example_item = item if self.step in ("reading", "checklist", "redesign") else None
        mine = section(audit, ReportContext(self.content, self.checklist), fmt, self.step, level, item)
        theirs = section(example, ReportContext(self.content, self.checklist, example=True), fmt, self.step, level,
                         example_item)
        if self.step == "reading":
            numbered = fmt.sentences([(s.number, s.text) for s in example.sentences()])
            theirs += details(t("audit.compare_sentences"), numbered, "kit-audit-compare-sentences")
        body = (f"<p style='color:{h.MUTED}'>{h.esc(t('audit.compare_note'))}</p>"
                + h.side_by_side(t("audit.compare_yours"), mine, t("audit.compare_example"), theirs))
        return h.card(body, label=t("audit.compare"))


# --------------------------------------------------------------------------------------------------- the steps
class _Step(Static, w.VBox):
    """A step: its number, title and instructions, then its own controls; refilled when a file is read."""

    step = ""
    #: The keys this step's controls hold (its part of a hand-edited file's misfits).
    prefixes: tuple[str, ...] = ()
    #: The worked example, as an audit: each item's "Compare with the worked example" (None: no comparisons).
    example: A.Audit | None = None

    def __init__(self, content: AuditFile, checklist: Checklist, body: list):
        self.content, self.checklist = content, checklist
        self.number = A.STEP_NUMBERS[self.step]
        info = content.step(self.step)
        self.head_html = (h.heading(t("audit.step_heading", n=self.number, title=info.title), 3)
                          + h.para(info.instructions))
        self.misfits = w.HTML()
        super().__init__([w.HTML(self.head_html), self.misfits, *body])
        self.add_class("kit-audit")
        self.add_class(f"kit-audit-{self.step}")
        writing.subscribe(f"audit:{self.step}", on_restore=self._restored, on_change=self._entered)
        self._show_misfits()

    def _begin(self, content: AuditFile, checklist: Checklist, example: A.Audit | None = None,
               vocabulary: Vocabulary | None = None) -> None:
        """What a step's constructor sets before it makes its controls (which bind to ``self.form``)."""
        self.content, self.checklist, self.example, self.vocabulary = content, checklist, example, vocabulary
        self.form = Form()

    def _show_misfits(self) -> None:
        self.misfits.value = _misfits_html(current_audit().misfits, self.prefixes)

    def _entered(self) -> None:
        self.changed()
        for c in self.compares():
            c.follow()

    def _restored(self) -> None:
        self.refill()
        for c in self.compares():
            c.follow()

    def refill(self) -> None:
        self._show_misfits()

    def changed(self) -> None:
        """Another entry changed (in this view or another): what depends on it follows."""

    def compares(self) -> list[WorkedCompare]:
        """The step's "Compare with the worked example" buttons, as they are now."""
        return []

    def worked(self, item: str, what: str, entered: Callable[[A.Audit], bool]) -> list:
        """The "Compare with the worked example" of one item, as a list of controls (empty without an example)."""
        if self.example is None:
            return []
        return [WorkedCompare(self.step, item, what, self.example, self.content, self.checklist, entered)]

    def static_text(self) -> str:
        return t("audit.step_heading", n=self.number, title=self.content.step(self.step).title)

    def prompt(self, box: str) -> str:
        return self.content.box(self.step, box)


class PasteStep(_Step):
    """Step 1: the service, the policy passage and up to five statements, each with where and when; the keep box."""

    step = "paste"
    prefixes = (A.key("service"), A.key("policy"), A.key("statement"))

    def __init__(self, content: AuditFile, checklist: Checklist, vocabulary: Vocabulary, cases: dict,
                 answers_file: Path | None = None, example: A.Audit | None = None):
        self._begin(content, checklist, example, vocabulary)
        # The keep box first: it reads a file saved before, and the controls below are then made with its entries.
        self.keep = _session.new_keep(answers_file)
        self.suggestions = w.HTML(self._suggestions_html(cases))
        self.notes: dict[str, w.HTML] = {}
        rows: list = [self.suggestions, w.HTML(h.para(content.box("paste", "service")))]
        self.service = self._box(rows, A.key("service"), "line",
                                 _text(t("audit.service"), t("audit.service_placeholder"), t("audit.service_tooltip")))
        rows.append(w.HTML(h.heading(t("audit.report.policy"), 4)))
        self.policy = self._box(rows, A.key("policy"), "policy",
                                _text(t("audit.policy"), t("audit.policy_placeholder"), t("audit.policy_tooltip"),
                                      layout={"width": WIDE, "height": "16em"}))
        self._where_when(rows, A.key("policy"))
        self._compares = self.worked("policy", t("audit.report.policy"), lambda a: a.policy.pasted)
        rows += self._compares
        rows.append(w.HTML(h.heading(t("audit.statements_heading", n=A.MAX_STATEMENTS), 4)
                           + h.para(t("audit.statements_help"))))
        self.statements = []
        for n in range(1, A.MAX_STATEMENTS + 1):
            k = A.key("statement", n)
            self.statements.append(self._box(rows, k, "statement",
                                             _text(t("audit.statement_n", n=n), t("audit.statement_placeholder"),
                                                   t("audit.statement_tooltip", n=n), lines=3)))
            self._where_when(rows, k)
        rows += [w.HTML(h.para(t("audit.keep_help"))), self.keep]
        super().__init__(content, checklist, rows)

    def _suggestions_html(self, cases: dict) -> str:
        items = []
        for s in self.content.services:
            known = [cases[c] for c in s.cases if c in cases]
            facts = h.para(colon(t("audit.facts_on"), series(known))) if known else ""
            items.append(f"<strong>{h.esc(s.kind)}</strong>{h.para(s.look_for)}{facts}")
        judged = sorted({cases[a.case] for a in self.checklist.assessments if a.case in cases})
        body = h.bullets(items) + (h.para(t("audit.judged", cases=series(judged))) if judged else "")
        return h.card(h.heading(t("audit.suggestions"), 4) + body, label=t("audit.suggestions"))

    def _box(self, rows: list, k: str, what: str, control):
        """``control`` bound to the entry ``k``, checked as a paste of kind ``what``, its notices shown below it."""
        self.notes[k] = w.HTML()
        self.form.bind(control, k, check=self._checker(what, k))
        rows += [control, self.notes[k]]
        return control

    def _where_when(self, rows: list, k: str) -> None:
        self._box(rows, f"{k}:where", "line",
                  _text(t("audit.where"), t("audit.where_placeholder"), t("audit.where_tooltip")))
        self._box(rows, f"{k}:read_on", "date",
                  _text(t("audit.read_on"), t("audit.read_on_placeholder"), t("audit.read_on_tooltip"),
                        layout={"width": "min(100%, 24em)"}))

    def _checker(self, what: str, k: str) -> Callable[[Any], bool]:
        """Whether a value is kept: a paste too long is not (it stays in its box); each value's notices shown."""
        def check(value: Any) -> bool:
            text = value if isinstance(value, str) else ""
            if what == "date":
                _date, why = A.read_date(text)
                notices = [A.Notice("warning", why)] if why else []
            else:
                policy = writing.get(A.key("policy"))
                notices = A.paste_notices(text, what, self.content.languages,
                                          policy=policy if isinstance(policy, str) else None,
                                          known=_vocabulary_languages())
            refused = any(n.kind == "refused" for n in notices)
            if refused and writing.get(k):
                notices.append(A.Notice("note", t("audit.kept_before")))
            note = self.notes.get(k)
            if note is not None:
                note.value = _notices_html(notices)
            return not refused
        return check

    def compares(self) -> list[WorkedCompare]:
        return self._compares

    def refill(self) -> None:
        self.form.refill()
        super().refill()

    def static_html(self) -> str:
        fields = [t("audit.service"), t("audit.policy"), t("audit.where"), t("audit.read_on"),
                  t("audit.statements_heading", n=A.MAX_STATEMENTS)]
        return (self.head_html + self.suggestions.value + h.para(self.prompt("service"))
                + h.labelled(t("audit.fields"), h.bullets(h.esc(f) for f in fields)))


def _vocabulary_languages() -> tuple[str, ...]:
    """The languages the highlighter knows: English, and the edition's."""
    return tuple(dict.fromkeys((DEFAULT, current())))


def sentences_html(sentences, vocabulary: Vocabulary) -> str:
    """The policy's numbered sentences, the consent vocabulary marked in each."""
    ids = [term.id for term in vocabulary.terms]
    items = "".join(f"<li value='{s.number}' style='margin:0.25em 0'>{highlight_html(s.text, vocabulary, ids)}</li>"
                    for s in sentences)
    return (f"<ol class='kit-audit-sentences' aria-label='{h.esc(t('audit.sentences_label'))}' "
            f"style='padding-left:2.6em;margin:0.3em 0'>{items}</ol>")


class ReadingStep(_Step):
    """Step 2: the numbered sentences with the vocabulary marked, and the six questions."""

    step = "reading"
    prefixes = (A.key("reading"),)

    def __init__(self, content: AuditFile, checklist: Checklist, vocabulary: Vocabulary,
                 example: A.Audit | None = None):
        self._begin(content, checklist, example, vocabulary)
        self.text = w.HTML()
        self._policy: str | None = None
        self._compares: list[WorkedCompare] = []
        rows: list = [self.text]
        for i, q in enumerate(content.reading, 1):
            rows.append(w.HTML(f"<p style='margin:0.6em 0 0.2em 0'><strong>{i}. {h.esc(q.question)}</strong> "
                               f"{h.esc(q.prompt)}</p>"))
            rows.append(self.form.bind(_text(t("audit.answer_n", n=i), t("audit.answer_placeholder"),
                                             t("audit.answer_tooltip", question=q.question), layout=PARAGRAPH),
                                       A.key("reading", q.id), check=_answer_check))
            compare = self.worked(q.id, q.question, lambda a, q=q.id: not is_blank(a.reading.get(q, "")))
            self._compares += compare
            rows += compare
        super().__init__(content, checklist, rows)
        self.changed()

    def changed(self) -> None:
        policy = _as_text(writing.get(A.key("policy")))
        if policy == self._policy:
            return
        self._policy = policy
        sentences = A.policy_sentences(policy)
        if not sentences:
            self.text.value = h.card(h.para(t("audit.paste_first")), label=t("audit.report.policy"))
            return
        ids = [term.id for term in self.vocabulary.terms]
        used = [i for i in ids if self.vocabulary.find_term(policy, i)]
        counts = counts_html(self.vocabulary, used, {t("audit.report.policy"): policy}) if used else \
            h.para(t("audit.no_terms"))
        self.text.value = h.card(h.heading(t("audit.sentences_heading", n=len(sentences)), 4)
                                 + sentences_html(sentences, self.vocabulary) + counts,
                                 label=t("audit.sentences_label"))

    def compares(self) -> list[WorkedCompare]:
        return self._compares

    def refill(self) -> None:
        self.form.refill()
        self.changed()
        super().refill()

    def static_html(self) -> str:
        items = "".join(f"<li><strong>{h.esc(q.question)}</strong> {h.esc(q.prompt)}</li>" for q in
                        self.content.reading)
        return self.head_html + f"<ol>{items}</ol>"


def _answer_check(value: Any) -> bool:
    return A.too_long(value if isinstance(value, str) else "", "answer") is None


class _ClaimRow(w.VBox):
    """One statement: the text (where, when), the claim, the verdict, the evidence and why."""

    def __init__(self, step: ClaimsStep, n: int):
        self.n, self.step = n, step
        self._drawn: tuple | None = None
        form = step.form
        self.statement = w.HTML()
        self.claim = form.bind(_text(t("audit.claim"), step.prompt("claim"), lines=2), A.key("claim", n),
                               check=_answer_check)
        self.verdict = form.bind(w.one_choice([(t(f"claims.{v}"), v) for v in CLAIM_VERDICTS],
                                              description=t("claims.verdict")), A.key("claim", n, "verdict"),
                                 shown=_choice(CLAIM_VERDICTS))
        self.verdict.tooltip = t("audit.verdict_tooltip", n=n)
        self.evidence = form.bind(_text(t("audit.evidence"), t("audit.evidence_placeholder"),
                                        t("audit.evidence_tooltip", n=n), layout={"width": "min(100%, 30em)"}),
                                  A.key("claim", n, "evidence"), shown=self._numbers, kept=self._texts,
                                  check=self._check_numbers)
        self.echo = w.HTML()
        self.why = form.bind(_text(t("audit.why"), step.prompt("why"), layout=PARAGRAPH), A.key("claim", n, "why"),
                             check=_answer_check)
        self.compares = step.worked(str(n), t("audit.statement_n", n=n), lambda a: a.claim(n).started)
        super().__init__([self.statement, self.claim, self.verdict, self.evidence, self.echo, self.why,
                          *self.compares],
                         layout={"border_bottom": "1px solid var(--jp-border-color2, #ccc)", "padding": "0.3em 0"})
        self.add_class("kit-audit-claim")
        self.show()

    def _numbers(self, entry: Any) -> str:
        found, _gone = A.evidence_numbers(entry if isinstance(entry, list) else (), self.step.sentences)
        return A.numbers_text(found)

    def _texts(self, value: Any) -> list[str] | None:
        numbers, _problem = A.parse_numbers(value, len(self.step.sentences))
        by_n = {s.number: s.text for s in self.step.sentences}
        return [by_n[n] for n in numbers] or None

    def _check_numbers(self, value: Any) -> bool:
        _numbers, problem = A.parse_numbers(value if isinstance(value, str) else "", len(self.step.sentences))
        if problem:
            self._drawn = None  # the echo says what is wrong until the numbers are mended
            self.echo.value = f"<p role='status'><strong>{h.esc('⚠ ' + problem)}</strong></p>"
            return False
        return True

    def show(self, audit: A.Audit | None = None) -> None:
        """The statement and the chosen evidence as the policy is now (redrawn only when they changed)."""
        audit = audit or current_audit()
        sentences, p, evidence = self.step.sentences, audit.statement(self.n), audit.claim(self.n).evidence
        drawn = (sentences, p, evidence)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        when, _why = A.read_date(p.read_on)
        meta = " · ".join(x for x in (p.where.strip(), when.human() if when else p.read_on.strip()) if x)
        parts = [h.heading(t("audit.statement_n", n=self.n), 4)]
        if p.pasted:
            parts.append(f"<blockquote class='kit-quote' style='{TEXT_STYLE}'>{h.esc(p.text)}</blockquote>")
            ranked = [r for r in rank_evidence(p.text, sentences, self.step.vocabulary) if r.score > 0][:4]
            if ranked:
                parts.append(h.para(t("audit.related", numbers=A.numbers_text(r.sentence.number for r in ranked))))
        else:
            parts.append(h.para(t("audit.statement_empty", n=self.n)))
        if meta:
            parts.append(f"<div style='color:{h.MUTED}'>{h.esc(meta)}</div>")
        self.statement.value = "".join(parts)
        found, gone = A.evidence_numbers(evidence, sentences)
        by_n = {s.number: s.text for s in sentences}
        lines = [f"<li><strong>{k}.</strong> <span class='kit-quote'>{h.esc(by_n[k])}</span></li>" for k in found]
        lines += [f"<li>{h.esc('⚠ ' + t('audit.evidence_gone', text=g))}</li>" for g in gone]
        self.echo.value = (f"<div role='status'><ul style='margin:0.2em 0;padding-left:1.4em'>{''.join(lines)}</ul>"
                           "</div>" if lines else "")


class ClaimsStep(_Step):
    """Step 3: a row per statement pasted (or already checked): the claim, the verdict, the evidence, why."""

    step = "claims"
    prefixes = (A.key("claim"),)

    def __init__(self, content: AuditFile, checklist: Checklist, vocabulary: Vocabulary,
                 example: A.Audit | None = None):
        self._begin(content, checklist, example, vocabulary)
        self.rows_box = w.VBox()
        self.empty = w.HTML()
        self.rows: list[_ClaimRow] = []
        self._seen: tuple | None = None
        self.sentences = ()
        super().__init__(content, checklist, [self.empty, self.rows_box])
        self.changed()

    def changed(self) -> None:
        audit = current_audit()
        texts = (audit.policy.text, tuple(audit.statement(n) for n in range(1, A.MAX_STATEMENTS + 1)))
        numbers = audit.checked_statements()
        if texts != self._seen or tuple(r.n for r in self.rows) != numbers:
            self.sentences = audit.sentences()
            if tuple(r.n for r in self.rows) != numbers:
                self.form = Form()
                self.rows = [_ClaimRow(self, n) for n in numbers]
                w.put_in(self.rows_box, self.rows)
            elif self._seen is not None and texts[0] != self._seen[0]:
                self.form.refill()  # the evidence's numbers, in the policy as it is now
            self._seen = texts
        for r in self.rows:
            r.show(audit)
        self.empty.value = "" if numbers else h.para(t("audit.no_statements_yet"))

    def compares(self) -> list[WorkedCompare]:
        return [c for r in self.rows for c in r.compares]

    def refill(self) -> None:
        self._seen = None
        self.changed()
        self.form.refill()
        self.changed()
        super().refill()

    def static_html(self) -> str:
        fields = [t("audit.claim"), t("claims.verdict"), t("audit.evidence"), t("audit.why")]
        return (self.head_html + h.labelled(t("audit.fields_each"), h.bullets(h.esc(f) for f in fields))
                + h.para(self.prompt("claim")) + h.para(self.prompt("why")))


class _ConditionRow(w.VBox):
    def __init__(self, form: Form, condition, checklist: Checklist, compares: list):
        self.condition, self.compares = condition, compares
        self.verdict = form.bind(w.one_choice([(t(f"checklist.verdict_{v}"), v) for v in CONDITION_VERDICTS],
                                              description=t("checklist.verdict_label")),
                                 A.key("condition", condition.id, "verdict"), shown=_choice(CONDITION_VERDICTS))
        self.verdict.tooltip = t("checklist.verdict_description", name=condition.name)
        self.reason = form.bind(_text(t("checklist.reason_label"), t("audit.reason_placeholder"),
                                      t("checklist.reason_description", name=condition.name), layout=PARAGRAPH),
                                A.key("condition", condition.id, "reason"), check=_answer_check)
        super().__init__([w.HTML(condition_html(condition, checklist)), self.verdict, self.reason, *compares],
                         layout={"border_bottom": "1px solid var(--jp-border-color2, #ccc)", "padding": "0.3em 0"})


class ChecklistStep(_Step):
    """Step 4: the basis the company relies on (or that it does not say, and which one is tested), then a verdict
    and a paragraph of reasons for each condition of that basis. No model answer for the student's service: each
    item compares with how the worked example judged Slack (:class:`WorkedCompare`)."""

    step = "checklist"
    prefixes = (A.key("basis"), A.key("condition"))

    def __init__(self, content: AuditFile, checklist: Checklist, example: A.Audit | None = None):
        self._begin(content, checklist, example)
        self.rows_form = Form()
        self.basis = self.form.bind(w.one_choice([(t(f"audit.basis_{b}"), b) for b in BASIS_CHOICES],
                                                 description=t("audit.basis")),
                                    A.key("basis"),
                                    shown=_choice(BASIS_CHOICES))
        self.basis.tooltip = t("audit.basis_tooltip")
        self.tested = self.form.bind(w.one_choice([(t(f"audit.tested_{b}"), b) for b in BASES],
                                                  description=t("audit.tested"), layout=w.Layout()),
                                     A.key("basis", "tested"), shown=_choice(BASES))
        self.tested.tooltip = t("audit.tested_tooltip")
        self.why = self.form.bind(_text(t("audit.basis_why"), t("audit.reason_placeholder"), layout=PARAGRAPH),
                                  A.key("basis", "why"), check=_answer_check)
        self.basis_compares = self.worked("basis", t("audit.basis"),
                                          lambda a: a.basis is not None or not is_blank(a.basis_why))
        self.rows_box = w.VBox()
        self.count = w.HTML()
        self.rows: list[_ConditionRow] = []
        self._basis: str | None = "?"
        super().__init__(content, checklist, [self.basis, self.tested, w.HTML(h.para(content.box("checklist",
                                                                                                 "basis"))),
                                              self.why, *self.basis_compares, self.rows_box, self.count])
        self.changed()

    def changed(self) -> None:
        audit = current_audit()
        self.tested.layout.display = None if audit.basis == "not-said" else "none"
        basis = audit.tested_basis
        if basis != self._basis:
            self._basis = basis
            self.rows_form = Form()
            conditions = A.conditions_tested(audit, self.checklist)
            self.rows = [_ConditionRow(self.rows_form, c, self.checklist, self._condition_compares(c))
                         for c in conditions]
            heading = [w.HTML(h.heading(t(f"audit.conditions_{basis}"), 4))] if basis else \
                [w.HTML(h.para(t("audit.choose_basis")))]
            w.put_in(self.rows_box, [*heading, *self.rows])
        done = sum(1 for r in self.rows if audit.condition(r.condition.id).verdict
                   and audit.condition(r.condition.id).reason.strip())
        words = t("audit.conditions_done", n=done, total=len(self.rows))
        self.count.value = f"<p role='status'><strong>{h.esc(words)}</strong></p>" if self.rows else ""

    def _condition_compares(self, condition) -> list:
        def entered(a: A.Audit) -> bool:
            c = a.condition(condition.id)
            return c.verdict is not None or not is_blank(c.reason)
        return self.worked(condition.id, condition.name, entered)

    def compares(self) -> list[WorkedCompare]:
        return [*self.basis_compares, *(c for r in self.rows for c in r.compares)]

    def refill(self) -> None:
        self.form.refill()
        self._basis = "?"
        self.changed()
        self.rows_form.refill()
        super().refill()

    def static_html(self) -> str:
        parts = [self.head_html, h.para(self.prompt("basis"))]
        for basis in BASES:
            items = "".join(f"<li style='margin:0.3em 0'>{condition_html(c, self.checklist)}</li>"
                            for c in self.checklist.conditions_for(basis))
            parts.append(h.heading(t(f"audit.conditions_{basis}"), 4) + f"<ol>{items}</ol>")
        return "".join(parts)


class RedesignStep(_Step):
    """Step 5: the mechanism and its cost."""

    step = "redesign"
    prefixes = (A.key("redesign"),)

    def __init__(self, content: AuditFile, checklist: Checklist, example: A.Audit | None = None):
        self._begin(content, checklist, example)
        self._compares: list[WorkedCompare] = []
        rows = []
        for box, label in (("mechanism", "audit.mechanism"), ("cost", "audit.cost")):
            rows.append(w.HTML(h.para(content.box("redesign", box))))
            rows.append(self.form.bind(_text(t(label), t("audit.reason_placeholder"),
                                             layout={"width": WIDE, "height": "10em"}), A.key("redesign", box),
                                       check=_answer_check))
            compare = self.worked(box, t(label), lambda a, box=box: not is_blank(getattr(a, box)))
            self._compares += compare
            rows += compare
        super().__init__(content, checklist, rows)

    def compares(self) -> list[WorkedCompare]:
        return self._compares

    def refill(self) -> None:
        self.form.refill()
        super().refill()

    def static_html(self) -> str:
        return self.head_html + h.bullets(h.esc(self.prompt(b)) for b in ("mechanism", "cost"))


class ReportStep(_Step):
    """Step 6: how far each step has got, "Make my report", the downloads (HTML, Markdown), a preview, sharing."""

    step = "report"
    prefixes = (A.key("self"),)

    def __init__(self, content: AuditFile, checklist: Checklist):
        self.state = w.HTML()
        self.make_button = w.Button(description=t("audit.make"), tooltip=t("audit.make_tooltip"),
                                    button_style="primary", icon="file-text")
        self.make_button.on_click(lambda _b: self.make())
        self.status = w.HTML()
        self.downloads = w.HTML()
        self.preview = w.HTML()
        self.preview.add_class("kit-audit-preview")
        self._made: str | None = None
        self.share = share_view(A.ANSWERS_ID, _session.payload)
        _session.share = self.share
        super().__init__(content, checklist, [self.state, self.make_button, self.status, self.downloads,
                                              self.preview, *([self.share] if self.share else [])])
        self.changed()

    def _context(self) -> ReportContext:
        return ReportContext(self.content, self.checklist, student=_session.student(),
                             fingerprint=A.answers_fingerprint(writing.entries()))

    def changed(self) -> None:
        steps = {s.id: s.title for s in self.content.steps}
        states = A.progress(current_audit(), self.content, self.checklist)
        items = []
        for s in states[:-1]:
            line = f"{s.symbol} {t(f'audit.state_{s.state}', step=steps[s.step])}"
            items.append(h.esc(line) + (h.bullets(h.esc(m) for m in s.missing[:6]) if s.missing else ""))
        self.state.value = h.card(h.heading(t("audit.report.progress"), 4) + h.bullets(items),
                                  label=t("audit.report.progress"))
        if self._made is not None and self._made != A.answers_fingerprint(writing.entries()):
            self.status.value = f"<p role='status'><strong>{h.esc(t('audit.changed_since'))}</strong></p>"

    def make(self) -> None:
        audit, ctx = current_audit(), self._context()
        html_text = report_document(audit, ctx, "html")
        md_text = report_document(audit, ctx, "md")
        self._made = A.answers_fingerprint(writing.entries())
        links = []
        for fmt, text, label in (("html", html_text, "audit.download_html"), ("md", md_text, "audit.download_md")):
            mime = "text/html" if fmt == "html" else "text/markdown"
            links.append(f"<a download='{h.esc(report_name(ctx.student, fmt))}' href='{data_uri(text, mime)}' "
                         f"class='kit-download kit-download-{fmt}'>{h.esc(t(label))}</a>")
        self.downloads.value = f"<p>{'<br>'.join(links)}<br><small>{h.esc(t('audit.download_help'))}</small></p>"
        self.preview.value = h.card(report(audit, ctx, HtmlFormat(), level=4), label=t("audit.preview"))
        done = A.progress(audit, self.content, self.checklist)[-1].state == "done"
        now = _dt.datetime.now().strftime("%H:%M")
        self.status.value = (f"<p role='status'><strong>{h.esc(t('audit.made', time=now))}</strong> "
                             f"{h.esc(t('audit.made_complete' if done else 'audit.made_incomplete'))}</p>")

    def static_html(self) -> str:
        return self.head_html

    def refill(self) -> None:
        self.changed()
        super().refill()


# ------------------------------------------------------------------------------------------------- keep, share
class AuditKeep(KeepAnswers):
    """The notebook's "Keep your answers", which also tells a report (HTML or Markdown) given to "Load answers" for
    what it is: the kit keeps an audit in the answers file, and the page is left as it was."""

    def load_text(self, content: bytes | str, name: str = "the file") -> bool:
        found = read_report(content)
        if found is not None:
            self.say(found.message(name))
            return False
        return super().load_text(content, name)


class _Session:
    """The notebook's keep box (shown in step 1) and share box (step 6): the share follows each save."""

    def __init__(self) -> None:
        self.keep: AuditKeep | None = None
        self.share: ShareView | None = None

    def new_keep(self, path: Path | None = None) -> AuditKeep:
        self.keep = AuditKeep(A.ANSWERS_ID, path=path, on_change=self._saved)
        return self.keep

    def student(self) -> str | None:
        return self.keep.student_name if self.keep is not None else None

    def payload(self) -> tuple[dict, str | None]:
        if self.keep is None:
            return writing.entries(), None
        return self.keep.answers(), self.keep.student_name

    def _saved(self, save: bool) -> None:
        if self.share is not None:
            self.share.update(save)


_session = _Session()


# ------------------------------------------------------------------------------------------------- the rubric
def rubric_table(content: AuditFile) -> str:
    """The rubric: a row per criterion, a column per level, each cell the level's description."""
    r = content.rubric
    cell = f"style='border:1px solid {h.BORDER};padding:0.3em 0.5em;vertical-align:top;text-align:left'"
    head = "".join(f"<th scope='col' {cell}>{h.esc(f'{lv.label} ({lv.score})')}</th>" for lv in r.levels)
    rows = "".join(f"<tr><th scope='row' {cell}>{h.esc(c.name)}<div style='font-weight:normal;color:{h.MUTED}'>"
                   f"{h.esc(c.assesses)}</div></th>" + "".join(f"<td {cell}>{h.esc(d)}</td>" for d in c.levels)
                   + "</tr>" for c in r.criteria)
    table = (f"<table class='kit-rubric' style='border-collapse:collapse;margin:0.3em 0'><caption "
             f"style='text-align:left'>{h.esc(t('audit.rubric_caption'))}</caption><thead><tr><th scope='col' "
             f"{cell}>{h.esc(t('audit.criterion'))}</th>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return h.scroll_box(table, t("audit.rubric_caption"))


class RubricView(Static, w.VBox):
    """Score your own audit against the rubric; then the worked example, with the scores it earns."""

    def __init__(self, content: AuditFile, checklist: Checklist, example: A.Audit):
        self.content, self.checklist, self.example = content, checklist, example
        self.form = Form()
        r = content.rubric
        self.choices = {}
        rows: list = [w.HTML(h.heading(t("audit.rubric_title"), 3) + h.para(t("audit.rubric_intro"))
                             + rubric_table(content))]
        for c in r.criteria:
            box = self.form.bind(w.one_choice([(t("audit.level_option", score=lv.score, label=lv.label), lv.score)
                                               for lv in r.levels], description=c.name),
                                 A.key("self", c.id), shown=_choice([lv.score for lv in r.levels]))
            box.tooltip = t("audit.self_tooltip", criterion=c.name)
            self.choices[c.id] = box
            rows.append(box)
        self.example_button = w.Button(description=t("audit.show_example"), tooltip=t("audit.show_example_tooltip"),
                                       icon="eye")
        self.example_button.on_click(lambda _b: self.show_example())
        self.status = w.HTML()
        self.example_html = w.HTML()
        self.example_html.add_class("kit-audit-example")
        super().__init__([*rows, self.example_button, self.status, self.example_html])
        self.add_class("kit-audit-rubric")
        writing.subscribe("audit:rubric", on_restore=self.form.refill)

    def _example_body(self) -> str:
        ctx = ReportContext(self.content, self.checklist, example=True)
        return report(self.example, ctx, HtmlFormat(), level=4)

    def show_example(self) -> bool:
        missing = [c.name for c in self.content.rubric.criteria if self.choices[c.id].value is None]
        if missing:
            self.status.value = (f"<p role='status'><strong>{h.esc(t('audit.score_first', criteria=series(missing)))}"
                                 "</strong></p>")
            return False
        self.status.value = ""
        self.example_html.value = h.card(self._example_body(), label=t("audit.example_label"))
        return True

    def static_html(self) -> str:
        return (h.heading(t("audit.rubric_title"), 3) + h.para(t("audit.rubric_intro")) + rubric_table(self.content)
                + details(t("audit.show_example"), self._example_body(), "kit-audit-example"))

    def static_text(self) -> str:
        return t("audit.rubric_summary", n=len(self.content.rubric.criteria), levels=len(self.content.rubric.levels))


def audit_view(step: str, content: AuditFile, checklist: Checklist, vocabulary: Vocabulary, cases: dict,
               answers_file: Path | None = None, example: A.Audit | None = None):
    """The view of one step; ``example`` (the worked example, :func:`kit.audit.example_audit`) gives each item its
    "Compare with the worked example"."""
    if step == "paste":
        return PasteStep(content, checklist, vocabulary, cases, answers_file, example)
    if step == "reading":
        return ReadingStep(content, checklist, vocabulary, example)
    if step == "claims":
        return ClaimsStep(content, checklist, vocabulary, example)
    if step == "checklist":
        return ChecklistStep(content, checklist, example)
    if step == "redesign":
        return RedesignStep(content, checklist, example)
    return ReportStep(content, checklist)
