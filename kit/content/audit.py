"""The audit (``data/audit.yaml``): the steps of notebook 07, the six clause-reading questions, the kinds of service
a student may audit, the rubric an audit is scored on, and a worked example audit of a case the kit ships.

What a student writes in an audit is not here: it is kept by :mod:`kit.writing` as it is entered and read by
:mod:`kit.audit`. The example takes its texts, its claims' verdicts and evidence and its checklist verdicts from the
case's files and from ``data/checklist.yaml`` (facts exist once); it adds the reading, the claims in a student's
words, the redesign and the scores, in the kit's own words. Translated like every other content file
(``data/translations/<lang>/audit.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_by_loading, check_duplicates, check_refs, data_root, load_file, load_one_file
from .case import CaseFile
from .cases import case_ids, load_case
from .claims import load_claims
from .errors import ContentError, display_path
from .law import BASES, load_checklist
from .schema import Id, Line, ParseContext, Record, Text, doc

__all__ = ["AUDIT", "BASIS_CHOICES", "BOXES", "PASTE_KINDS", "STEPS", "AuditFile", "Criterion", "Example", "Rubric",
           "Step", "audit_path", "case_titles", "check_audit", "load_audit"]

StepId = Literal["paste", "reading", "claims", "checklist", "redesign", "report"]
#: The steps of an audit, in order: each has a view of its own (kit.show_audit).
STEPS: tuple[str, ...] = ("paste", "reading", "claims", "checklist", "redesign", "report")
#: The boxes each step's view shows with a prompt from the data (a step not listed has none).
BOXES: dict[str, tuple[str, ...]] = {"paste": ("service",), "claims": ("claim", "why"), "checklist": ("basis",),
                                     "redesign": ("mechanism", "cost")}
#: The kinds of box a student pastes or writes in, each with its own length limit (kit.audit.LIMITS).
PASTE_KINDS: tuple[str, ...] = ("policy", "statement", "answer", "line")
BasisChoice = Literal["consent", "legitimate-interest", "not-said"]
#: What a student may say of the basis a company relies on: one of the checklist's bases, or that it does not say.
BASIS_CHOICES: tuple[str, ...] = (*BASES, "not-said")


@dataclass(frozen=True, kw_only=True)
class Box(Record):
    entry_name = "box"
    id: Id = doc("which box of the step's view: the ids a step needs are listed in kit/content/audit.py (BOXES)")
    prompt: Text = doc("what the student writes in it, as the view shows above the box", translate=True)


@dataclass(frozen=True, kw_only=True)
class Step(Record):
    entry_name = "step"
    id: StepId = doc("which step: paste, reading, claims, checklist, redesign or report")
    title: Line = doc("the step's heading, like 'Paste the texts'", translate=True)
    instructions: Text = doc("what the student does in this step, in a few sentences", translate=True)
    boxes: tuple[Box, ...] = doc("the prompts of the step's writing boxes", ())


@dataclass(frozen=True, kw_only=True)
class ReadingQuestion(Record):
    entry_name = "reading question"
    id: Id = doc("a short id, like 'who' (the answers file keeps the answer under it)")
    question: Line = doc("the question, as notebook 02 §1 asks it, like 'Who acts?'", translate=True)
    prompt: Text = doc("what to look for in the passage to answer it", translate=True)


@dataclass(frozen=True, kw_only=True)
class Service(Record):
    entry_name = "service"
    id: Id = doc("a short id, like 'chat-assistant'")
    kind: Line = doc("the kind of service and setting, as students read it", translate=True)
    look_for: Text = doc("where to find the texts to paste, and what to compare", translate=True)
    cases: tuple[Id, ...] = doc("cases of data/cases with dated facts on such a service (notebook 05 shows them)", ())


@dataclass(frozen=True, kw_only=True)
class LanguageHint(Record):
    entry_name = "language"
    code: Id = doc("a two-letter language code, like 'de'")
    words: tuple[Line, ...] = doc("the commonest short words of the language (articles, pronouns, prepositions)",
                                  nonempty=True)


@dataclass(frozen=True, kw_only=True)
class Level(Record):
    entry_name = "level"
    id: Id = doc("a short id, like 'excellent'")
    score: int = doc("the points this level is worth (the best level first, each worth less than the one before)",
                     bounds=(0, 100))
    label: Line = doc("the level's name, like 'Excellent'", translate=True)


@dataclass(frozen=True, kw_only=True)
class Criterion(Record):
    entry_name = "criterion"
    id: Id = doc("a short id, like 'evidence' (grade sheets and answers files keep scores under it)")
    name: Line = doc("the criterion's name, like 'Evidence from the text'", translate=True)
    assesses: Text = doc("what the criterion looks at, in a sentence or two", translate=True)
    steps: tuple[StepId, ...] = doc("the steps of the audit whose answers it scores", nonempty=True)
    levels: tuple[Text, ...] = doc("what an audit at each level does, one description per level of the rubric, best "
                                   "first", nonempty=True, translate=True)


@dataclass(frozen=True, kw_only=True)
class Rubric(Record):
    entry_name = "rubric"
    levels: tuple[Level, ...] = doc("the levels, best first", nonempty=True)
    criteria: tuple[Criterion, ...] = doc("the criteria an audit is scored on", nonempty=True)

    @property
    def top(self) -> int:
        return self.levels[0].score

    def level(self, score: int) -> Level | None:
        return next((lv for lv in self.levels if lv.score == score), None)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


@dataclass(frozen=True, kw_only=True)
class ExampleAnswer(Record):
    entry_name = "answer"
    question: Id = doc("the id of a reading question")
    answer: Text = doc("the example's answer, citing sentence numbers", translate=True)


@dataclass(frozen=True, kw_only=True)
class ExampleClaim(Record):
    entry_name = "example claim"
    claim: Id = doc("the id of a claim item of the case (claims.yaml): its statement, verdict, evidence and reasons")
    words: Text = doc("the claim the statement makes, in one sentence, as a student would write it", translate=True)


@dataclass(frozen=True, kw_only=True)
class ExampleScore(Record):
    entry_name = "score"
    criterion: Id = doc("the id of a rubric criterion")
    level: int = doc("the level the example earns, by its score", bounds=(0, 100))
    why: Text = doc("why it earns that level", translate=True)


@dataclass(frozen=True, kw_only=True)
class Example(Record):
    entry_name = "example"
    case: Id = doc("the case audited (a folder of data/cases)")
    document: Id = doc("the policy document of the case (documents.yaml)")
    version: Id = doc("the version of that document the example reads")
    service: Line = doc("what is audited, as the report's title names it", translate=True)
    note: Text = doc("what the example is and is not, shown above it", translate=True)
    reading: tuple[ExampleAnswer, ...] = doc("an answer to each reading question", nonempty=True)
    claims: tuple[ExampleClaim, ...] = doc("the statements checked, by claim item of the case", nonempty=True)
    basis: BasisChoice = doc("the basis the example says the company relies on, or not-said")
    tested: Literal["consent", "legitimate-interest"] = doc("the basis whose conditions the example tests")
    basis_why: Text = doc("why, citing sentence numbers", translate=True)
    assessment: Id = doc("the model assessment of data/checklist.yaml whose verdicts and reasons the example gives")
    redesign: Text = doc("the example's mechanism", translate=True)
    cost: Text = doc("what it would cost the company", translate=True)
    scores: tuple[ExampleScore, ...] = doc("the level the example earns on each criterion, and why", nonempty=True)


@dataclass(frozen=True, kw_only=True)
class AuditFile(Record):
    entry_name = "audit file"
    steps: tuple[Step, ...] = doc("the steps of an audit, in order", nonempty=True)
    reading: tuple[ReadingQuestion, ...] = doc("the clause-reading questions", nonempty=True)
    services: tuple[Service, ...] = doc("kinds of service to audit, suggested to students", nonempty=True)
    languages: tuple[LanguageHint, ...] = doc("languages the kit can tell a pasted text is written in", ())
    rubric: Rubric = doc("the rubric an audit is scored on")
    example: Example = doc("a worked example audit of a case the kit ships")

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def box(self, step_id: str, box_id: str) -> str:
        """The prompt of a step's box."""
        return next(b.prompt for b in self.step(step_id).boxes if b.id == box_id)


def audit_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "audit.yaml"


def _check_steps(ctx: ParseContext, parsed: AuditFile) -> None:
    check_duplicates(ctx, parsed.steps, "step")
    given = [s.id for s in parsed.steps]
    missing = [s for s in STEPS if s not in given]
    if missing:
        ctx.at(parsed, "steps", f"no step {', '.join(missing)}: an audit has the steps {', '.join(STEPS)}")
    for s in parsed.steps:
        check_duplicates(ctx, s.boxes, "box")
        needed = BOXES.get(s.id, ())
        for b in s.boxes:
            if b.id not in needed:
                wanted = f"one of {', '.join(needed)}" if needed else "none (this step's view has no box)"
                ctx.at(b, "id", f"the step '{s.id}' has no box '{b.id}': expected {wanted}")
        for box_id in needed:
            if box_id not in {b.id for b in s.boxes}:
                ctx.at(s, "boxes", f"no prompt for the box '{box_id}': the '{s.id}' view shows it")


def _check_rubric(ctx: ParseContext, rubric: Rubric) -> None:
    check_duplicates(ctx, rubric.levels, "level")
    check_duplicates(ctx, rubric.criteria, "criterion")
    scores = [lv.score for lv in rubric.levels]
    for before, lv in zip(rubric.levels, rubric.levels[1:], strict=False):
        if lv.score >= before.score:
            ctx.at(lv, "score", f"{lv.score} is not less than the level before it ({before.score}): list the levels "
                                "best first, each worth less")
    for c in rubric.criteria:
        if len(c.levels) != len(scores):
            ctx.at(c, "levels", f"{len(c.levels)} description(s) for {len(scores)} levels: give one per level of the "
                                "rubric, best first")


def _check_example(ctx: ParseContext, root: Path, parsed: AuditFile) -> None:
    ex = parsed.example
    check_refs(ctx, ex, "reading", [a.question for a in ex.reading], [q.id for q in parsed.reading],
               "reading question", "the reading questions of this file")
    answered = {a.question for a in ex.reading}
    missing = [q.id for q in parsed.reading if q.id not in answered]
    if missing:
        ctx.at(ex, "reading", f"no answer to the reading question(s) {', '.join(missing)}")
    criteria = [c.id for c in parsed.rubric.criteria]
    check_refs(ctx, ex, "scores", [s.criterion for s in ex.scores], criteria, "criterion", "the rubric")
    scored = {s.criterion for s in ex.scores}
    if [c for c in criteria if c not in scored]:
        ctx.at(ex, "scores", f"no score for the criterion(s) {', '.join(c for c in criteria if c not in scored)}")
    levels = [lv.score for lv in parsed.rubric.levels]
    for s in ex.scores:
        if s.level not in levels:
            ctx.at(s, "level", f"{s.level} is not a level of the rubric: expected one of {', '.join(map(str, levels))}")
    if ex.basis != "not-said" and ex.basis != ex.tested:
        ctx.at(ex, "tested", f"the example says the company relies on {ex.basis}, so it tests {ex.basis}")
    if ex.case not in case_ids(root):
        check_refs(ctx, ex, "case", ex.case, case_ids(root), "case", display_path(root / "cases"))
        return
    try:
        case = load_case(root / "cases" / ex.case)
        claims = {c.id: c for c in load_claims(case)}
        checklist = load_checklist(root)
    except ContentError:
        return  # the case's and the checklist's own checks report it
    try:
        case.document(ex.document).version(ex.version)
    except KeyError:
        ctx.at(ex, "version", f"the case '{ex.case}' has no version '{ex.version}' of a document '{ex.document}'")
        return
    check_refs(ctx, ex, "claims", [c.claim for c in ex.claims], claims, "claim item",
               display_path(root / "cases" / ex.case / "claims.yaml"))
    for c in ex.claims:
        item = claims.get(c.claim)
        if item is not None and (item.document, item.version) != (ex.document, ex.version):
            ctx.at(c, "claim", f"the claim item '{c.claim}' is read against {item.document} {item.version}, not "
                               f"the example's {ex.document} {ex.version}")
    known = {a.id: a for a in checklist.assessments}
    check_refs(ctx, ex, "assessment", ex.assessment, known, "model assessment", "data/checklist.yaml")
    a = known.get(ex.assessment)
    if a is not None and (a.case != ex.case or a.basis != ex.tested):
        ctx.at(ex, "assessment", f"the assessment '{a.id}' tests {a.case} under {a.basis}; the example tests "
                                 f"{ex.case} under {ex.tested}")


def _parse(root: Path, ctx: ParseContext) -> AuditFile | None:
    parsed = load_file(audit_path(root), AuditFile, ctx)
    if parsed is None:
        return None
    _check_steps(ctx, parsed)
    check_duplicates(ctx, parsed.reading, "reading question")
    check_duplicates(ctx, parsed.services, "service")
    known_cases = case_ids(root)
    for s in parsed.services:
        check_refs(ctx, s, "cases", s.cases, known_cases, "case", display_path(root / "cases"), required=False)
    codes = [lang.code for lang in parsed.languages]
    for i, lang in enumerate(parsed.languages):
        if len(lang.code) != 2:
            ctx.at(lang, "code", f"'{lang.code}' is not a two-letter language code, like 'de'")
        if lang.code in codes[:i]:
            ctx.at(lang, "code", f"the language '{lang.code}' is listed twice")
    _check_rubric(ctx, parsed.rubric)
    _check_example(ctx, root, parsed)
    return parsed


def load_audit(root: Path | None = None) -> AuditFile:
    """The audit's steps, questions, suggestions, rubric and example, checked (cached until a file they read
    changes)."""
    root = Path(root) if root else data_root()
    cases = root / "cases"
    folders = sorted(p for p in cases.iterdir() if p.is_dir()) if cases.is_dir() else []
    return load_one_file(audit_path(root), "the audit's steps, rubric and worked example",
                         lambda ctx: _parse(root, ctx), also=[cases, *folders, root / "checklist.yaml"])


def case_titles(ids, root: Path | None = None) -> dict[str, str]:
    """The titles of the cases ``ids`` (in the current language), read from each one's ``case.yaml`` alone: what
    the suggestions name, without loading a whole case for its title (a first Run All of notebook 07 loaded ten).
    A case whose ``case.yaml`` does not load is left out (``kit check`` names it)."""
    root = Path(root) if root else data_root()
    out = {}
    for cid in dict.fromkeys(ids):
        path = root / "cases" / cid / "case.yaml"
        try:
            meta = load_one_file(path, "a case's description", lambda ctx, path=path: load_file(path, CaseFile, ctx))
        except ContentError:
            continue
        out[cid] = meta.title
    return out


def check_audit(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the audit file (the number of steps, questions, services and criteria)."""
    if not audit_path(root).exists():
        return 0
    return check_by_loading(ctx, lambda: load_audit(root),
                            lambda a: len(a.steps) + len(a.reading) + len(a.services) + len(a.rubric.criteria))


AUDIT = ContentKind("audit", "audit steps, questions and rubric criteria", "audit.yaml", (AuditFile,), check_audit,
                    load_audit, translated=(("audit.yaml", AuditFile),), after=("cases", "law"))
