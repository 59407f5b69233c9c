"""An audit as a student builds it in notebook 07, without widgets: what was pasted and written, what is wrong with a
paste, the policy's numbered sentences, how far each step has got, and the worked example as an audit.

What a student enters is kept by :mod:`kit.writing` as it is entered, one entry per control, under ``audit:`` keys
(:func:`key` builds them), so it is saved with the notebook's answers, comes back after a restart, is shared and is
read by ``kit results`` like every other hand-in:

============================================  =====================================================================
``audit:service``                             the service and setting audited
``audit:policy`` (``:where``, ``:read_on``)   the policy passage, where it came from, the date it was read
``audit:statement:<n>`` (same three)          up to :data:`MAX_STATEMENTS` public statements, ``n`` from 1
``audit:reading:<question>``                  the answer to a clause-reading question
``audit:claim:<n>`` (``:verdict``,            the claim statement ``n`` makes, the verdict, the evidence (the
``:evidence``, ``:why``)                      policy's sentences, as texts: their numbers follow the policy), why
``audit:basis`` (``:tested``, ``:why``)       the basis the company relies on (or ``not-said``), the one tested
``audit:condition:<id>:verdict`` (``:reason``)  a condition of the checklist
``audit:redesign:mechanism`` (``:cost``)      the redesign and its cost
``audit:self:<criterion>``                    the level a student gives their own audit (a rubric score)
============================================  =====================================================================

An answers file edited by hand may hold anything under these keys: :func:`from_answers` keeps what fits and lists
the rest as :class:`Misfit` (the entries stay in the file, so nothing is lost); nothing pasted is ever markup, only
text (the views and the report escape it).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .content.audit import BASIS_CHOICES, PASTE_KINDS, STEPS, AuditFile, LanguageHint
from .content.claims import VERDICTS as CLAIM_VERDICTS
from .content.dates import PartialDate, babel_locale
from .content.errors import Invalid
from .content.language import current
from .content.law import BASES, Checklist, Condition
from .content.law import VERDICTS as CONDITION_VERDICTS
from .content.schema import is_blank
from .i18n import t
from .locale import colon, number, series
from .text import Sentence, split_paragraphs, split_sentences, words
from .text import sentences as version_sentences

__all__ = ["ANSWERS_ID", "LIMITS", "MAX_STATEMENTS", "PREFIX", "Audit", "ClaimCheck", "ConditionCheck", "Misfit",
           "Notice", "Pasted", "StepState", "answers_fingerprint", "evidence_numbers", "example_audit",
           "from_answers", "from_responses", "guess_language", "key", "numbers_text", "parse_numbers",
           "paste_notices", "policy_sentences", "progress", "read_date"]

#: The answers file of an audit: ``answers-audit.json``, shared as ``answers-audit-<id>.json``.
ANSWERS_ID = "audit"
PREFIX = "audit:"
MAX_STATEMENTS = 5
#: Each step's number, as the notebook and the report show it.
STEP_NUMBERS = {step: n for n, step in enumerate(STEPS, 1)}
#: The longest text the kit takes in each kind of box, in characters. A policy passage is a few paragraphs (20,000
#: characters is some eight pages); a longer paste is said to be too long and not kept, and stays in its box.
LIMITS = dict(zip(PASTE_KINDS, (20_000, 3_000, 20_000, 600), strict=True))
#: A "sentence" longer than this many words means the kit found no sentence break in it.
LONG_SENTENCE = 80
#: An HTML tag, comment or doctype in a pasted text (shown as text, never as markup).
_MARKUP = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9-]*\b[^<>]*|/\s*[a-zA-Z][a-zA-Z0-9-]*\s*|!--.*?--|![a-zA-Z][^<>]*)>",
                     re.DOTALL)
_LINE = re.compile(r"[^\n]+")


def key(*parts: object) -> str:
    """The kit.writing key of an audit entry: ``key("claim", 2, "verdict")`` is ``audit:claim:2:verdict``."""
    return PREFIX + ":".join(str(p) for p in parts)


# ------------------------------------------------------------------------------------------------- the audit
@dataclass(frozen=True)
class Pasted:
    """A pasted text, where it came from and the date it was read (as typed)."""

    text: str = ""
    where: str = ""
    read_on: str = ""

    @property
    def pasted(self) -> bool:
        return not is_blank(self.text)

    @property
    def started(self) -> bool:
        return any(not is_blank(v) for v in (self.text, self.where, self.read_on))

    def date(self) -> PartialDate | None:
        return read_date(self.read_on)[0]


@dataclass(frozen=True)
class ClaimCheck:
    """A statement's claim, the verdict, the evidence (policy sentences, as texts) and why."""

    claim: str = ""
    verdict: str | None = None
    evidence: tuple[str, ...] = ()
    why: str = ""

    @property
    def started(self) -> bool:
        return bool(self.verdict or self.evidence or not is_blank(self.claim) or not is_blank(self.why))


@dataclass(frozen=True)
class ConditionCheck:
    verdict: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Misfit:
    """An entry of a saved file that does not fit an audit: it stays in the file, and the view says so."""

    key: str
    value: str
    expected: str

    def message(self) -> str:
        return t("audit.misfit", entry=self.key, value=self.value, expected=self.expected)


@dataclass(frozen=True)
class Audit:
    """Everything a student entered, checked for its kind (text, a verdict word, a list of sentences)."""

    service: str = ""
    policy: Pasted = Pasted()
    statements: tuple[Pasted, ...] = (Pasted(),) * MAX_STATEMENTS
    reading: Mapping[str, str] = field(default_factory=dict)
    claims: Mapping[int, ClaimCheck] = field(default_factory=dict)
    basis: str | None = None
    tested: str | None = None
    basis_why: str = ""
    conditions: Mapping[str, ConditionCheck] = field(default_factory=dict)
    mechanism: str = ""
    cost: str = ""
    self_levels: Mapping[str, int] = field(default_factory=dict)
    misfits: tuple[Misfit, ...] = ()

    @property
    def tested_basis(self) -> str | None:
        """The basis whose conditions are tested: the one named, else the one chosen to test."""
        return self.basis if self.basis in BASES else self.tested if self.basis == "not-said" else None

    def sentences(self) -> tuple[Sentence, ...]:
        return policy_sentences(self.policy.text)

    def statement(self, n: int) -> Pasted:
        return self.statements[n - 1]

    def claim(self, n: int) -> ClaimCheck:
        return self.claims.get(n, ClaimCheck())

    def checked_statements(self) -> tuple[int, ...]:
        """The statements a claim check is shown for: those pasted, and those with a claim check already."""
        return tuple(n for n in range(1, MAX_STATEMENTS + 1)
                     if self.statement(n).pasted or self.claim(n).started)

    def condition(self, condition_id: str) -> ConditionCheck:
        return self.conditions.get(condition_id, ConditionCheck())


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def from_responses(responses: Mapping[str, Any]) -> Audit:
    """An audit from ``{key: what the control holds}`` (:func:`kit.writing.get` of each ``audit:`` key). An entry of
    the wrong kind (a file edited by hand) is left out and listed in ``misfits``."""
    misfits: list[Misfit] = []
    texts: dict[str, str] = {}
    reading: dict[str, str] = {}
    claims: dict[int, dict[str, Any]] = {}
    conditions: dict[str, dict[str, Any]] = {}
    levels: dict[str, int] = {}
    choice: dict[str, str] = {}

    def wrong(k: str, value: Any, expected: str) -> None:
        misfits.append(Misfit(k, _shown(value), expected))

    def text(k: str, value: Any) -> str | None:
        if isinstance(value, str):
            return value
        wrong(k, value, t("audit.expect_text"))
        return None

    for k, value in responses.items():
        if not isinstance(k, str) or not k.startswith(PREFIX) or value is None:
            continue
        parts = k[len(PREFIX):].split(":")
        head, rest = parts[0], parts[1:]
        if ":".join(parts) in _TEXTS or (head == "statement" and rest and _slot(rest[0])
                                          and rest[1:] in ([], ["where"], ["read_on"])):
            v = text(k, value)
            if v is not None:
                texts[k] = v
        elif head == "reading" and len(rest) == 1:
            v = text(k, value)
            if v is not None:
                reading[rest[0]] = v
        elif head == "claim" and rest and _slot(rest[0]) and rest[1:] in ([], ["verdict"], ["evidence"], ["why"]):
            n, what = int(rest[0]), (rest[1] if len(rest) > 1 else "claim")
            if what == "verdict" and value not in CLAIM_VERDICTS:
                wrong(k, value, t("audit.expect_one_of", words=series(t(f"claims.{v}") for v in CLAIM_VERDICTS)))
            elif what == "evidence" and not (isinstance(value, list) and all(isinstance(s, str) for s in value)):
                wrong(k, value, t("audit.expect_sentences"))
            elif what in ("claim", "why") and not isinstance(value, str):
                wrong(k, value, t("audit.expect_text"))
            else:
                claims.setdefault(n, {})[what] = tuple(value) if what == "evidence" else value
        elif head == "basis" and rest in ([], ["tested"]):
            allowed = BASIS_CHOICES if not rest else BASES
            if value in allowed:
                choice["tested" if rest else "basis"] = value
            else:
                wrong(k, value, t("audit.expect_one_of", words=series(allowed)))
        elif head == "condition" and len(rest) == 2 and rest[1] in ("verdict", "reason"):
            if rest[1] == "verdict" and value not in CONDITION_VERDICTS:
                wrong(k, value, t("audit.expect_one_of",
                                  words=series(t(f"checklist.verdict_{v}") for v in CONDITION_VERDICTS)))
            elif rest[1] == "reason" and not isinstance(value, str):
                wrong(k, value, t("audit.expect_text"))
            else:
                conditions.setdefault(rest[0], {})[rest[1]] = value
        elif head == "self" and len(rest) == 1:
            if isinstance(value, int) and not isinstance(value, bool):
                levels[rest[0]] = value
            else:
                wrong(k, value, t("audit.expect_level"))
        else:
            wrong(k, value, t("audit.expect_key"))

    def pasted(prefix: str) -> Pasted:
        return Pasted(texts.get(prefix, ""), texts.get(f"{prefix}:where", ""), texts.get(f"{prefix}:read_on", ""))

    return Audit(
        service=texts.get(key("service"), ""),
        policy=pasted(key("policy")),
        statements=tuple(pasted(key("statement", n)) for n in range(1, MAX_STATEMENTS + 1)),
        reading=reading,
        claims={n: ClaimCheck(c.get("claim", ""), c.get("verdict"), c.get("evidence", ()), c.get("why", ""))
                for n, c in sorted(claims.items())},
        basis=choice.get("basis"), tested=choice.get("tested"), basis_why=texts.get(key("basis", "why"), ""),
        conditions={cid: ConditionCheck(c.get("verdict"), c.get("reason", "")) for cid, c in conditions.items()},
        mechanism=texts.get(key("redesign", "mechanism"), ""), cost=texts.get(key("redesign", "cost"), ""),
        self_levels=levels, misfits=tuple(misfits))


#: The keys (after ``audit:``) that hold text and nothing else.
_TEXTS = frozenset(("service", "policy", "policy:where", "policy:read_on", "basis:why", "redesign:mechanism",
                    "redesign:cost"))


def _slot(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= MAX_STATEMENTS


def from_answers(answers: Mapping[str, Any]) -> Audit:
    """An audit from an answers file's ``answers`` (``{key: {"response": …}}``, as :mod:`kit.progress` writes)."""
    return from_responses({k: v.get("response") for k, v in answers.items()
                           if isinstance(k, str) and k.startswith(PREFIX) and isinstance(v, Mapping)})


def answers_fingerprint(answers: Mapping[str, Any]) -> str:
    """A short fingerprint of an audit's entries: the same audit, the same fingerprint (a grade remembers the one it
    scored, so the class view can say when an audit changed since)."""
    mine = {k: v.get("response") if isinstance(v, Mapping) else v for k, v in answers.items()
            if isinstance(k, str) and k.startswith(PREFIX) and not k.startswith(PREFIX + "self:")}
    blob = json.dumps(mine, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------------------------------- the policy
def policy_sentences(text: str) -> tuple[Sentence, ...]:
    """The passage's sentences, numbered from 1 through the whole passage (``id`` is the number, as text).

    Paragraphs are separated by blank lines; a line break also ends a sentence (a pasted list's items, headings);
    within a line, sentences end as in notebook 02 (:func:`kit.text.split_sentences`).
    """
    out: list[Sentence] = []
    for p, (a, b) in enumerate(split_paragraphs(text), 1):
        for line in _LINE.finditer(text, a, b):
            pos = line.start()
            for chunk in split_sentences(line.group(0)):
                stripped = chunk.strip()
                lead = len(chunk) - len(chunk.lstrip())
                if stripped and not is_blank(stripped):
                    n = len(out) + 1
                    out.append(Sentence(str(n), p, n, stripped, pos + lead, pos + lead + len(stripped)))
                pos += len(chunk)
    return tuple(out)


def parse_numbers(text: str, count: int) -> tuple[tuple[int, ...], str | None]:
    """Sentence numbers as a student types them ("3, 5-7", "3 et 5"): the numbers in order without repeats, and
    what is wrong (a number past the last sentence, something that is not a number), in words, or None."""
    found: list[int] = []
    for m in re.finditer(r"(\d+)\s*(?:[-–]\s*(\d+))?", text):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if b < a:
            a, b = b, a
        if b - a > count:
            return (), t("audit.evidence_range", text=m.group(0), count=count)
        found.extend(range(a, b + 1))
    rest = re.sub(r"(\d+)\s*(?:[-–]\s*(\d+))?", " ", text)
    if any(w.lower() not in _JOINERS for w in re.findall(r"[^\W\d_]+", rest)):
        return (), t("audit.evidence_not_numbers", text=text.strip()[:60])
    if count == 0 and found:
        return (), t("audit.evidence_no_policy")
    late = [n for n in found if n < 1 or n > count]
    if late:
        return (), t("audit.evidence_past_end", numbers=", ".join(map(str, late)), count=count)
    return tuple(dict.fromkeys(found)), None


#: Words a student may put between sentence numbers ("sentences 3 and 5", « phrases 3 et 5 »).
_JOINERS = frozenset(("and", "et", "sentence", "sentences", "phrase", "phrases", "s"))


def numbers_text(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def evidence_numbers(evidence: Iterable[str], sentences: tuple[Sentence, ...]) -> tuple[tuple[int, ...],
                                                                                         tuple[str, ...]]:
    """The numbers, in the policy as it is now, of the evidence sentences (kept as texts), and the texts no longer in
    it (the student changed the policy after choosing them: the view shows them, so nothing is lost)."""
    by_text: dict[str, int] = {}
    for s in sentences:
        by_text.setdefault(" ".join(s.text.split()), s.number)
    found, gone = [], []
    for text in evidence:
        n = by_text.get(" ".join(text.split()))
        (found if n is not None else gone).append(n if n is not None else text)
    return tuple(found), tuple(gone)


# ---------------------------------------------------------------------------------------------- bad input
@dataclass(frozen=True)
class Notice:
    """What the kit says about a paste: ``refused`` (too long: not kept, left in its box), ``warning`` or ``note``."""

    kind: Literal["refused", "warning", "note"]
    text: str

    @property
    def symbol(self) -> str:
        return {"refused": "✘", "warning": "⚠", "note": "ℹ"}[self.kind]


def too_long(text: str, what: str) -> Notice | None:
    limit = LIMITS[what]
    if len(text) <= limit:
        return None
    return Notice("refused", t(f"audit.too_long_{what}", n=number(len(text)), limit=number(limit)))


def read_date(text: str) -> tuple[PartialDate | None, str | None]:
    """The date a text was read, as typed (``2025-03-14``, ``2025-03``): the date, or what is wrong in words."""
    if is_blank(text):
        return None, None
    try:
        date = PartialDate.parse(text.strip())
    except Invalid:
        return None, t("audit.date_unreadable", text=text.strip()[:40])
    if date.sort_key > (_dt.date.today().year, _dt.date.today().month, _dt.date.today().day):
        return date, t("audit.date_future", date=date.human())
    return date, None


def guess_language(text: str, hints: Iterable[LanguageHint]) -> str | None:
    """The language a text seems to be written in, from its commonest short words, or None when the text is too
    short or no language stands out."""
    tokens = [w.lower() for w in words(text)]
    if len(tokens) < 8:
        return None
    counts = sorted(((sum(1 for w in tokens if w in set(h.words)), h.code) for h in hints), reverse=True)
    if not counts or counts[0][0] < max(3, len(tokens) * 0.12):
        return None
    if len(counts) > 1 and counts[1][0] * 1.5 > counts[0][0]:
        return None
    return counts[0][1]


def language_name(code: str) -> str:
    """The name of a language in the current language ("German", « allemand »)."""
    try:
        name = babel_locale(current()).languages.get(code)
    except Exception:  # noqa: BLE001 - babel without the locale: the code is still a name
        name = None
    return name or code


def paste_notices(text: str, what: str, hints: Iterable[LanguageHint] = (), policy: str | None = None,
                  known: Iterable[str] = ()) -> list[Notice]:
    """What the kit says about a text pasted in a box of the kind ``what`` (policy, statement, answer, line):
    too long (not kept), only invisible characters, HTML or script in it (shown as text), no sentence breaks (the
    policy), another language than the policy (a statement) or than the vocabulary ``known`` (the policy)."""
    long = too_long(text, what)
    if long is not None:
        return [long]
    if not text:
        return []
    if is_blank(text):
        return [Notice("warning", t("audit.blank_paste"))]
    out: list[Notice] = []
    tags = list(dict.fromkeys(m.group(0)[:30] for m in _MARKUP.finditer(text) if not m.group(0)[1:].lstrip()
                              .startswith("/")))
    if tags:
        out.append(Notice("note", t("audit.markup", tags=" ".join(tags[:3]))))
    hints = tuple(hints)
    if what == "policy":
        long_ones = [(s.number, len(words(s.text))) for s in policy_sentences(text)
                     if len(words(s.text)) > LONG_SENTENCE]
        if long_ones:
            n, count = long_ones[0]
            more = len(long_ones) - 1
            out.append(Notice("warning", t("audit.no_breaks", n=n, words=number(count))
                              + (" " + t("audit.no_breaks_more", more=more) if more else "")))
        lang = guess_language(text, hints)
        if lang is not None and known and lang not in set(known):
            out.append(Notice("note", t("audit.policy_language", language=language_name(lang))))
    if what == "statement" and policy:
        lang, policy_lang = guess_language(text, hints), guess_language(policy, hints)
        if lang and policy_lang and lang != policy_lang:
            out.append(Notice("note", t("audit.statement_language", language=language_name(lang),
                                        policy=language_name(policy_lang))))
    return out


# --------------------------------------------------------------------------------------------- how far it got
@dataclass(frozen=True)
class StepState:
    """How far a step has got: ``done``, ``started`` or ``empty``, and what is still missing, in words."""

    step: str
    state: Literal["done", "started", "empty"]
    missing: tuple[str, ...] = ()

    @property
    def symbol(self) -> str:
        return {"done": "✔", "started": "◐", "empty": "…"}[self.state]


def _state(step: str, parts: list[tuple[bool, str]]) -> StepState:
    """A step's state from its parts: (given, what is missing when not given)."""
    missing = tuple(why for ok, why in parts if not ok)
    if not missing:
        return StepState(step, "done")
    return StepState(step, "empty" if len(missing) == len(parts) else "started", missing)


def _filled(text: str) -> bool:
    return not is_blank(text)


def progress(audit: Audit, content: AuditFile, checklist: Checklist) -> tuple[StepState, ...]:
    """Each step's state (the report step's is the whole audit's)."""
    paste: list[tuple[bool, str]] = [(_filled(audit.service), t("audit.missing_service")),
                                     (audit.policy.pasted, t("audit.missing_policy"))]
    for label, p in [(t("audit.the_policy"), audit.policy),
                     *((t("audit.the_statement", n=n), audit.statement(n)) for n in range(1, MAX_STATEMENTS + 1))]:
        if p.pasted:
            paste.append((_filled(p.where), t("audit.missing_where", text=label)))
            date, why = read_date(p.read_on)
            paste.append((date is not None and why is None, why or t("audit.missing_date", text=label)))
    statements = [n for n in range(1, MAX_STATEMENTS + 1) if audit.statement(n).pasted]
    paste.append((bool(statements), t("audit.missing_statement")))
    reading = [(_filled(audit.reading.get(q.id, "")), t("audit.missing_answer", question=q.question))
               for q in content.reading]
    claims: list[tuple[bool, str]] = [] if statements else [(False, t("audit.missing_statement"))]
    for n in statements:
        c = audit.claim(n)
        claims += [(_filled(c.claim), t("audit.missing_claim", n=n)), (c.verdict is not None,
                                                                       t("audit.missing_verdict", n=n)),
                   (bool(c.evidence) or c.verdict == "not-addressed", t("audit.missing_evidence", n=n))]
    basis = audit.tested_basis
    check: list[tuple[bool, str]] = [(basis is not None, t("audit.missing_basis"))]
    for c in checklist.conditions_for(basis) if basis else ():
        cc = audit.condition(c.id)
        check += [(cc.verdict is not None and _filled(cc.reason), t("audit.missing_condition", name=c.name))]
    redesign = [(_filled(audit.mechanism), t("audit.missing_mechanism")), (_filled(audit.cost),
                                                                           t("audit.missing_cost"))]
    steps = [_state("paste", paste), _state("reading", reading), _state("claims", claims),
             _state("checklist", check), _state("redesign", redesign)]
    whole = [(s.state == "done", t("audit.missing_step", step=content.step(s.step).title)) for s in steps]
    return (*steps, _state("report", whole))


def conditions_tested(audit: Audit, checklist: Checklist) -> tuple[Condition, ...]:
    basis = audit.tested_basis
    return checklist.conditions_for(basis) if basis else ()


# ------------------------------------------------------------------------------------------ the worked example
def example_audit(content: AuditFile, case, claims: Mapping[str, Any], checklist: Checklist) -> Audit:
    """The worked example as an audit: the case's texts and claim items, the checklist's assessment, and what the
    example adds (``content.example``). ``claims`` maps the case's claim ids to their items."""
    ex = content.example
    document = case.document(ex.document)
    version = document.version(ex.version)
    by_id = {s.id: s.text for s in version_sentences(version.text, version.id)}
    statements, checks = [], {}
    for n, c in enumerate(ex.claims, 1):
        item = claims[c.claim]
        s = case.statement(item.statement)
        statements.append(Pasted(s.text, f"{s.speaker}, {s.channel}", s.date.iso()))
        why = item.feedback + (f"\n\n{item.nuance}" if item.nuance else "")
        checks[n] = ClaimCheck(c.words, item.verdict, tuple(by_id[i] for i in item.evidence if i in by_id), why)
    statements += [Pasted()] * (MAX_STATEMENTS - len(statements))
    assessment = checklist.assessment(ex.assessment)
    return Audit(
        service=ex.service,
        policy=Pasted(version.text, colon(f"{document.title}, {version.label}", document.url), version.date.iso()),
        statements=tuple(statements[:MAX_STATEMENTS]), reading={a.question: a.answer for a in ex.reading},
        claims=checks, basis=ex.basis, tested=ex.tested, basis_why=ex.basis_why,
        conditions={v.condition: ConditionCheck(v.verdict, v.reason) for v in assessment.verdicts},
        mechanism=ex.redesign, cost=ex.cost)
