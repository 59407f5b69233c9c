"""How long a notebook takes a student, and how long they go without being told how they are doing: the estimator,
written once. Notebook headers (``kit.show_lesson``), ``kit check``'s report and the guide's lesson plans use it.

**The rules.**

* Reading: the words a student is shown, at :data:`PROSE_WPM` words a minute (markdown prose and the kit's own words)
  and :data:`LEGAL_WPM` for the exact wording of a legal text. A markdown cell counts its words; a kit view counts
  the words it shows, read from the data it shows (:data:`VIEWS` says which, for each kind of view).
* Activities: a view that asks students to do something adds minutes of doing (per item where it has items: a
  question, a claim, a condition, a prompt), on top of reading its words. ``data/lessons.yaml`` declares the
  minutes of an activity whose default does not fit (an exercise with the simulation, the claim checker read
  properly).
* A **check** is a view that tells students how they did: a quiz, the claim checker, the checklist's comparison, a
  writing set with model answers. The **stretch without a check** runs from the notebook's start, or from the last
  check's first feedback, to the next check's first feedback (by default its minutes divided by its items).
* Cells tagged ``instructor`` or ``solution`` are left out: students do not see them.
* Teaching time is reading and looking (a chart, a table to filter); exercises are what students do (a quiz, the
  claim checker, a checklist, writing, the simulation, an activity ``data/lessons.yaml`` declares), their own words
  included.

Everything here is pure: :func:`estimate` takes the notebook's cells and a way to measure a kit call, and
:func:`measure_call` measures a call from the content (no widgets, no kernel).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audit import example_audit
from .audit_report import MarkdownFormat, ReportContext, report, section
from .cases import load_cases
from .coding import DIMENSIONS, NOT_IN_DATA
from .content import load_case
from .content.audit import load_audit
from .content.case import STATUSES
from .content.claims import load_claims
from .content.glossary import load_glossary
from .content.law import load_checklist, load_law
from .content.lessons import load_lessons, notebook_cells
from .content.quiz import load_quiz
from .content.regimes import load_regimes
from .content.research import load_research, load_simulation
from .content.vocabulary import load_vocabulary_file
from .content.writing import load_writing, prompt_texts
from .glossary import entries
from .i18n import t
from .law import select_texts

__all__ = ["AUDIT_STATEMENTS", "AUDIT_STEPS", "HIDDEN_TAGS", "LEGAL_WPM", "PROSE_WPM", "RUBRIC_SCORE", "VIEWS",
           "AuditDoing", "CellTime", "Estimate", "Measure", "ViewKind", "calls", "estimate", "estimate_notebook",
           "measure_call", "record_texts", "words"]

#: Words a minute: prose and the kit's own words, and the exact wording of legal texts (read slowly, compared).
PROSE_WPM = 200
LEGAL_WPM = 130
#: Cells students never see.
HIDDEN_TAGS = frozenset({"instructor", "solution"})

_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


def words(text: str | None) -> int:
    """How many words a text has (a hyphenated or elided word counts once)."""
    return len(_WORD.findall(text or ""))


def _markdown_words(source: str) -> int:
    text = re.sub(r"<[^>]+>", " ", source)  # markup
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's address
    return words(text)


def record_texts(record: Any, leave_out: Iterable[str] = ()) -> Iterator[tuple[str, bool]]:
    """Every text of a content record a student reads, with whether it is an exact quotation: the fields in the
    kit's own words (``translate``) and quotations (``quote``), in nested records too; names and titles of sources
    (``translate="name"``), working notes, ids and facilitation notes (for instructors only) are not read.
    ``leave_out`` names fields to skip."""
    skip = set(leave_out) | {"facilitation"}
    if isinstance(record, (list, tuple)):
        for item in record:
            yield from record_texts(item, skip)
        return
    if not dataclasses.is_dataclass(record):
        return
    for f in dataclasses.fields(record):
        if f.name in skip or not f.init:
            continue
        value = getattr(record, f.name)
        meta = f.metadata
        shown = meta.get("translate") not in (None, False, "name") or meta.get("quote")
        if shown and isinstance(value, str):
            yield value, bool(meta.get("quote"))
        elif shown and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            for v in value:
                yield v, bool(meta.get("quote"))
        elif isinstance(value, (tuple, list)) or dataclasses.is_dataclass(value):
            yield from record_texts(value, skip)


def _count(texts: Iterable[tuple[str, bool]] | Iterable[str]) -> int:
    return sum(words(t[0] if isinstance(t, tuple) else t) for t in texts)


# ------------------------------------------------------------------------------------------------ measuring
@dataclass(frozen=True)
class Measure:
    """What a cell asks of a student: words to read (prose, legal wording), minutes of doing, and whether they are
    told how they did (a check, of ``items`` items; ``first_feedback``: the minutes until the first time, where the
    view knows better than its minutes divided by its items)."""

    prose: int = 0
    legal: int = 0
    activity: float = 0.0
    check: bool = False
    items: int = 0
    what: str = ""
    exercise: bool = False
    first_feedback: float | None = None

    @property
    def reading(self) -> float:
        return self.prose / PROSE_WPM + self.legal / LEGAL_WPM

    @property
    def minutes(self) -> float:
        return self.reading + self.activity


@dataclass(frozen=True)
class ViewKind:
    """A kind of kit view, as the estimator counts it: ``counts`` says in words which data's words it counts;
    ``check``: whether it tells students how they did (``None``: when its content has model answers); ``minutes``:
    minutes of doing or looking, per item where ``per_item``; ``exercise``: its time is exercise time, not teaching;
    ``measure(*args, **kwargs)`` does the counting."""

    counts: str
    check: bool | None
    minutes: float
    per_item: bool
    measure: Callable[..., Measure]
    exercise: bool = False


def _case(case_id: str = "slack-2024", *_a, **_k):

    return load_case(case_id)


def _fixed(minutes: float, what: str) -> Callable[..., Measure]:
    return lambda *_a, **_k: Measure(activity=minutes, what=what)


def _status_key(*_a, **_k) -> Measure:

    return Measure(prose=_count([t("status.heading"), t("status.explain"), *(t(f"status.{s}") for s in STATUSES)]))


def _summary(case_id="slack-2024", *_a, **_k) -> Measure:
    m = _case(case_id).meta
    return Measure(prose=_count([m.title, m.summary]))


def _timeline(case_id="slack-2024", *_a, **_k) -> Measure:
    return Measure(prose=_count(record_texts(_case(case_id).timeline)))


def _opt_out(case_id="slack-2024", *_a, **_k) -> Measure:
    m = _case(case_id).meta
    return Measure(prose=_count(record_texts((m.actors, m.choice))), activity=VIEWS["show_opt_out"].minutes)


def _comparer(case_id="slack-2024", document=None, *_a, **_k) -> Measure:
    case = _case(case_id)
    doc = case.document(document) if document else case.documents[0]
    return Measure(prose=_count(record_texts(doc.versions[-2:])), activity=VIEWS["show_version_comparer"].minutes)


def _vocabulary(*_a, **_k) -> Measure:

    v = load_vocabulary_file()
    return Measure(prose=_count(record_texts((v.groups, [t.definition for t in v.terms]))),
                   activity=VIEWS["show_vocabulary"].minutes)


def _claims(case_id="slack-2024", *_a, **_k) -> Measure:

    case = _case(case_id)
    claims = load_claims(case)
    statements = [case.statement(c.statement) for c in claims]
    n = len(claims)
    return Measure(prose=_count(record_texts((statements, claims))), check=True, items=n,
                   activity=n * VIEWS["show_claim_checker"].minutes)


def _default_effects(*_a, **_k) -> Measure:

    r = load_research()
    shown = [f for f in r.figures if f.chart in r.charts]
    studies = [s for s in r.studies if s.id in {f.study for f in shown}]
    return Measure(prose=_count([*(f.note for f in shown), *(s.caveat or "" for s in studies)]),
                   activity=len(r.charts) * VIEWS["show_default_effects"].minutes)


def _simulation(preset=None, *_a, **_k) -> Measure:

    sim = load_simulation()
    texts = list(sim.assumptions) + [p.description for p in sim.presets if p.id == preset]
    return Measure(prose=_count(texts), activity=VIEWS["show_simulation"].minutes)


def _quiz(quiz_id, *_a, **_k) -> Measure:

    quiz = load_quiz(quiz_id)
    n = len(quiz.questions)
    return Measure(prose=_count([quiz.title, quiz.intro or ""])
                   + _count(record_texts(quiz.questions, leave_out=("sources",))), check=True,
                   items=n, activity=n * VIEWS["show_quiz"].minutes)


def _writing(set_id, *_a, **_k) -> Measure:

    wset = next(s for s in load_writing().sets if s.id == set_id)
    n = len(wset.prompts)
    answers = [p for p in wset.prompts if p.model_answer]
    texts = [*prompt_texts(wset), *(p.model_answer for p in answers), *(d for p in answers for d in p.discussion)]
    return Measure(prose=_count(texts), check=bool(answers) and len(answers) == n, items=n,
                   activity=n * VIEWS["show_writing"].minutes)


def _law(ids=None, *_a, **_k) -> Measure:

    texts = select_texts(load_law(), ids)
    return Measure(prose=_count([x for t in texts for x in (t.title, t.explanation, t.note or "")]),
                   legal=_count([t.text or "" for t in texts]))


def _checklist(case_id="slack-2024", *_a, **_k) -> Measure:

    checklist = load_checklist()
    a = next(x for x in checklist.assessments if case_id in (x.id, x.case))
    conditions = [c for c in checklist.conditions if c.basis == a.basis]
    n = len(conditions)
    return Measure(prose=_count(record_texts((conditions, a), leave_out=("law",))), check=True, items=n,
                   activity=n * VIEWS["show_checklist"].minutes)


def _cases_table(*_a, **_k) -> Measure:

    cases = [c.meta for c in load_cases()]
    texts = [x for m in cases for x in (m.title, m.region or "", m.outcome or "", m.legal_basis or "")]
    return Measure(prose=_count(texts), activity=VIEWS["show_cases_table"].minutes)


#: Notebook 05's coding task asks for Slack and two other cases (its markdown says so): three comparisons.
CODED_CASES = 3


def _coding(*_a, **_k) -> Measure:

    texts = [t("coding.title"), t("coding.intro"), t("coding.after_compare")]
    for d in DIMENSIONS:
        texts += [t(f"coding.{d.id}_question"), *(t(f"coding.{d.id}_{v}") for v in d.values if v != NOT_IN_DATA)]
    return Measure(prose=_count(texts), check=True, items=CODED_CASES,
                   activity=CODED_CASES * VIEWS["show_coding"].minutes)


def _glossary(*_a, **_k) -> Measure:

    found = entries(load_glossary(), load_vocabulary_file(), load_law())
    return Measure(prose=_count(x for e in found for x in (e.term, e.definition)))


def _regimes(content=None, *_a, **_k) -> Measure:

    r = load_regimes()
    shown = next((c for c in r.contents if c.id == content), r.contents[0])
    return Measure(prose=_count([r.title, r.intro, r.note or ""]) + _count(record_texts((r.regimes, r.questions,
                                                                                       shown))),
                   activity=VIEWS["show_regimes"].minutes)


@dataclass(frozen=True)
class AuditDoing:
    """What a step of the audit (notebook 07) asks besides reading its words: ``items`` things to fill in (None: as
    many as the data gives it), ``per_item`` minutes each, ``before`` minutes before the first one, and whether each
    item can be compared with the worked example (then the step is a check, whose first feedback comes after its
    words, ``before``, the first item and the example's part for one item)."""

    items: int | None
    per_item: float
    before: float = 0.0
    compared: bool = True


#: The statements a student checks in an audit: as many as the worked example checks (up to five may be pasted).
AUDIT_STATEMENTS = 3
#: Each step of the audit, as the estimator counts it (the words are its title, instructions and prompts, and what
#: the worked example shows for it, read from data/audit.yaml and the content it names).
AUDIT_STEPS: dict[str, AuditDoing] = {
    # choosing the service, then the policy passage and the statements, each with where it came from and when
    "paste": AuditDoing(1 + AUDIT_STATEMENTS, 2.0, before=2.0),
    # reading one's own passage (a few paragraphs), then an answer of a few sentences with sentence numbers each
    "reading": AuditDoing(None, 3.0, before=2.0),
    # for each statement: the claim in a sentence, a verdict, the evidence's numbers and a few sentences why
    "claims": AuditDoing(AUDIT_STATEMENTS, 4.0),
    # the basis and how one knows it, then a verdict and a paragraph of reasons for each condition
    "checklist": AuditDoing(None, 3.0),
    # a concrete mechanism, then its cost
    "redesign": AuditDoing(None, 5.0),
    # make the report, read it through, download it: it lists what is missing, it does not judge
    "report": AuditDoing(1, 5.0, compared=False),
}
#: Minutes to choose one's level on a criterion of the rubric (its four descriptions are read as words).
RUBRIC_SCORE = 1.0


def _audit_example():
    """The audit's content, the checklist, and the worked example as the notebook shows it (a report's parts)."""
    content, checklist = load_audit(), load_checklist()
    case = _case(content.example.case)
    example = example_audit(content, case, {c.id: c for c in load_claims(case)}, checklist)
    return content, checklist, example, ReportContext(content, checklist, example=True), MarkdownFormat()


def _audit_step(step="paste", *_a, **_k) -> Measure:
    content, checklist, example, ctx, fmt = _audit_example()
    doing = AUDIT_STEPS[step]
    conditions = checklist.conditions_for(content.example.tested)
    own = [*record_texts(content.step(step))]
    if step == "paste":
        own += record_texts(content.services, leave_out=("cases",))
    elif step == "reading":
        own += record_texts(content.reading)
    elif step == "checklist":
        own += record_texts(conditions, leave_out=("law",))
    items = doing.items or {"reading": len(content.reading), "checklist": 1 + len(conditions),
                            "redesign": len(content.step("redesign").boxes)}[step]
    prose = _count(own)
    # What a comparison shows of the example: its part for the same item (a question, the basis, a condition, a
    # box), or its whole step beside the student's texts and statements.
    seen = words(section(example, ctx, fmt, step, 3)) if doing.compared else 0
    first_seen = seen if step in ("paste", "claims") else seen / items
    m = Measure(prose=prose + seen, activity=doing.before + items * doing.per_item, check=doing.compared,
                items=items if doing.compared else 0)
    if doing.compared:
        m = dataclasses.replace(m, first_feedback=(prose + first_seen) / PROSE_WPM + doing.before + doing.per_item)
    return m


def _audit_rubric(*_a, **_k) -> Measure:
    content, _checklist, example, ctx, fmt = _audit_example()
    r = content.rubric
    rubric = _count([*record_texts(r.levels), *record_texts(r.criteria)])
    scoring = len(r.criteria) * RUBRIC_SCORE
    return Measure(prose=rubric + words(report(example, ctx, fmt)), activity=scoring, check=True,
                   items=len(r.criteria), first_feedback=rubric / PROSE_WPM + scoring)


def _case_questions(case_id="slack-2024", *_a, **_k) -> Measure:
    return Measure(prose=_count(_case(case_id).meta.questions))


def _lesson(lesson_id, *_a, **_k) -> Measure:

    lesson = load_lessons().lesson(lesson_id)
    return Measure(prose=_count([*lesson.questions, *(o.text for o in lesson.objectives)]))


def _key_points(lesson_id, *_a, **_k) -> Measure:

    return Measure(prose=_count(load_lessons().lesson(lesson_id).key_points))


def _unit_summary(*_a, **_k) -> Measure:

    return Measure(prose=_count(record_texts(load_lessons().summary)))


#: Every kind of kit view a notebook shows, and how the estimator counts it. Minutes are of doing, besides reading.
VIEWS: dict[str, ViewKind] = {
    "show_status_key": ViewKind("the labels of certainty and what they mean (UI strings)", False, 0, False,
                                _status_key),
    "show_case_summary": ViewKind("the case's title and summary", False, 0, False, _summary),
    "show_case_timeline": ViewKind("every event's title, what happened, quotation and notes", False, 0, False,
                                   _timeline),
    "show_timeline_plot": ViewKind("none: a figure to look at", False, 1, False, _fixed(1, "a figure")),
    "show_opt_out": ViewKind("the case's actors (who could do what) and its choice", False, 1, False, _opt_out),
    "show_version_comparer": ViewKind("the last two versions of the policy and their notes", False, 2, False,
                                      _comparer),
    "show_vocabulary": ViewKind("the term groups and the terms' definitions", False, 3, False, _vocabulary),
    "show_claim_checker": ViewKind("each statement, and the model's feedback and nuance", True, 1.5, True, _claims,
                                   exercise=True),
    "show_default_effects": ViewKind("the notes of the charted figures and their studies' caveats (the table of "
                                     "every figure is reference)", False, 1, True, _default_effects),
    "show_simulation": ViewKind("the model's assumptions and the preset's description", False, 5, False,
                                _simulation, exercise=True),
    "show_quiz": ViewKind("the questions, options, hints, feedback and explanations", True, 1, True, _quiz,
                          exercise=True),
    "show_writing": ViewKind("the prompts, model answers and discussion points", None, 4, True, _writing,
                             exercise=True),
    "show_law": ViewKind("each text's title, plain words and note; its exact wording at the legal rate", False, 0,
                         False, _law),
    "show_checklist": ViewKind("the conditions, the mechanism assessed and the model's reasons", True, 1.5, True,
                               _checklist, exercise=True),
    "show_cases_table": ViewKind("each case's title, region, outcome and stated basis", False, 2, False,
                                 _cases_table),
    "show_coding": ViewKind("the task, each dimension's question and values (the cases' data is read in the table "
                            "and the case views)", True, 5, True, _coding, exercise=True),
    "show_case_plots": ViewKind("none: three figures to look at", False, 1.5, False, _fixed(1.5, "three figures")),
    "show_glossary": ViewKind("each term and its definition", False, 0, False, _glossary),
    "show_regimes": ViewKind("the regimes, the rows' questions and one kind of content's answers and examples (others "
                             "on the picker)", False, 3, False, _regimes),
    "show_questions": ViewKind("the case's questions", False, 0, False, _case_questions),
    "show_lesson": ViewKind("the notebook's questions and objectives", False, 0, False, _lesson),
    "show_key_points": ViewKind("the notebook's key points", False, 0, False, _key_points),
    "show_unit_summary": ViewKind("the unit summary", False, 0, False, _unit_summary),
    "show_audit": ViewKind("the step's title, instructions and prompts (and the kinds of service, the reading "
                           "questions or the conditions it shows), and the worked example's part for the step that "
                           "each item is compared with; minutes of doing per item in AUDIT_STEPS", None, 0, True,
                           _audit_step, exercise=True),
    "show_audit_rubric": ViewKind("the rubric's criteria and level descriptions, then the whole worked example, shown "
                                  "once every criterion is scored (the first feedback)", True, RUBRIC_SCORE, True,
                                  _audit_rubric, exercise=True),
}
#: Calls that show nothing a student reads (the language, the instructor's class view).
SILENT = frozenset({"set_language", "show_class_results"})


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple
    kwargs: Mapping[str, Any]
    source: str


def calls(source: str) -> list[Call]:
    """The ``kit.<name>(…)`` calls of a code cell, with their literal arguments (a call whose arguments are not
    literals keeps them as None)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "kit":
            try:
                args = tuple(ast.literal_eval(a) for a in node.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except ValueError:
                args, kwargs = (), {}
            out.append(Call(node.func.attr, args, kwargs, ast.get_source_segment(source, node) or node.func.attr))
    return sorted(out, key=lambda c: source.find(c.source))


def measure_call(call: Call) -> Measure:
    """What a kit call asks of a student, from the content it shows (a call the table does not know: nothing)."""
    if call.name in SILENT:
        return Measure(what=call.source)
    kind = VIEWS.get(call.name)
    if kind is None:
        return Measure(what=f"{call.source} (not a view the estimator knows)")
    m = kind.measure(*call.args, **call.kwargs)
    return dataclasses.replace(m, what=call.source, exercise=kind.exercise)


# ------------------------------------------------------------------------------------------------ estimating
@dataclass(frozen=True)
class Declared:
    """A declared time for a cell's activity (``data/lessons.yaml``): its minutes, its first feedback, and whether it
    is a check (None: the view's own answer)."""

    minutes: float
    first_feedback: float | None = None
    check: bool | None = None


@dataclass(frozen=True)
class CellTime:
    """One cell as the estimator sees it."""

    cell: str
    what: str
    teaching: float
    exercises: float
    check: bool
    first_feedback: float | None  # for a check: minutes until its first feedback
    since_check: float  # minutes without a check at the cell's end (a check: at its first feedback)

    @property
    def minutes(self) -> float:
        return self.teaching + self.exercises


@dataclass(frozen=True)
class Estimate:
    """A notebook's estimated time and its longest stretch without a check."""

    cells: tuple[CellTime, ...]
    longest: float
    longest_from: str | None
    longest_to: str | None

    @property
    def teaching(self) -> float:
        return sum(c.teaching for c in self.cells)

    @property
    def exercises(self) -> float:
        return sum(c.exercises for c in self.cells)

    @property
    def total(self) -> float:
        return self.teaching + self.exercises

    @property
    def checks(self) -> int:
        return sum(1 for c in self.cells if c.check)


def estimate(cells: Iterable[Mapping[str, Any]], measure: Callable[[Call], Measure] = measure_call,
             declared: Mapping[str, Declared] | None = None) -> Estimate:
    """The estimate of a notebook's ``cells`` (as its JSON holds them: ``id``, ``cell_type``, ``source``,
    ``metadata.tags``), each kit call measured by ``measure``; ``declared`` gives the time of an activity by cell id."""
    declared = declared or {}
    rows: list[CellTime] = []
    stretch, longest, start, span = 0.0, 0.0, None, (None, None)
    for cell in cells:
        tags = set((cell.get("metadata") or {}).get("tags") or ())
        if tags & HIDDEN_TAGS:
            continue
        cid = str(cell.get("id") or f"cell {len(rows) + 1}")
        source = "".join(cell.get("source") or "") if not isinstance(cell.get("source"), str) else cell["source"]
        if cell.get("cell_type") == "markdown":
            m = Measure(prose=_markdown_words(source), what="prose")
            exercise = False
        else:
            parts = [measure(c) for c in calls(source)]
            m = Measure(prose=sum(p.prose for p in parts), legal=sum(p.legal for p in parts),
                        activity=sum(p.activity for p in parts), check=any(p.check for p in parts),
                        items=sum(p.items for p in parts), what="; ".join(p.what for p in parts) or "code",
                        first_feedback=parts[0].first_feedback if len(parts) == 1 else None)
            exercise = any(p.exercise for p in parts)
        minutes, check = m.minutes, m.check
        first = (m.first_feedback if m.first_feedback is not None else minutes / m.items if m.items else minutes) \
            if check else None
        if cid in declared:
            d = declared[cid]
            minutes, exercise = d.minutes, True
            check = d.check if d.check is not None else check
            first = d.first_feedback if d.first_feedback is not None else \
                ((minutes / m.items if m.items else minutes) if check else None)
        if start is None:
            start = cid
        stretch += min(first, minutes) if check and first is not None else minutes
        if stretch > longest:
            longest, span = stretch, (start, cid)
        rows.append(CellTime(cid, m.what, 0.0 if exercise else minutes, minutes if exercise else 0.0, check,
                             first, stretch))
        if check:
            stretch, start = 0.0, None
    return Estimate(tuple(rows), longest, *span)


def estimate_notebook(path: Path, declared: Mapping[str, Declared] | None = None,
                      measure: Callable[[Call], Measure] = measure_call) -> Estimate:
    """The estimate of the notebook file at ``path`` (:func:`estimate` of its cells)."""

    return estimate(notebook_cells(path), measure, declared)
