"""``python -m kit guide``: the parts of the instructor guide made from the data, in each language.

The guides (``docs/instructor_guide.md``, ``docs/guide_enseignant.md``) hold generated blocks between two comment
lines, ``<!-- BEGIN GENERATED name -->`` and ``<!-- END GENERATED name -->``; everything else is written by hand.
The blocks:

* ``plans``: every lesson plan as a table (minutes, activity, grouping, kit material, the check that closes it), from
  ``data/plans.yaml`` and the estimator, then the instructor's own checks and the plans' activities with their
  model verdicts;
* ``notebooks``: per notebook, its objectives, its estimated time and each activity it shows, with the prompts as
  students read them and the facilitation notes behind them (:mod:`kit.activities`), so the guide's prompts are
  the notebooks' prompts;
* ``rubric``: the audit's rubric, when the kit has the audit (``data/audit.yaml``).

``python -m kit guide`` rewrites the blocks; ``--check`` only says which guide is out of date (a test runs it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..activities import Activity, AskedPrompt, notebook_activities, notebook_title
from ..content.audit import load_audit
from ..content.facilitation import Facilitation
from ..content.language import speaking
from ..content.law import load_checklist
from ..content.lessons import load_lessons, notebook_file, notebooks_dir
from ..content.strings import DEFAULT
from ..i18n import t
from ..lessons import lesson_estimate, time_words
from ..locale import colon, one_line, typo
from ..plans import KitCheck, PlannedRow, PlannedSession, checked_plans, load_unit, planned

__all__ = ["GUIDES", "Guide", "blocks", "out_of_date", "render", "write"]

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"(<!-- BEGIN GENERATED (?P<name>[a-z-]+)[^>]*-->\n)(?P<body>.*?)(<!-- END GENERATED (?P=name) -->)",
                   re.S)


@dataclass(frozen=True)
class Guide:
    lang: str
    path: Path
    notebooks: Path  # the edition's notebooks (the guide names their files)


GUIDES = (Guide("en", ROOT / "docs" / "instructor_guide.md", ROOT / "notebooks"),
          Guide("fr", ROOT / "docs" / "guide_enseignant.md", ROOT / "notebooks" / "fr"))


# ------------------------------------------------------------------------------------------------ plans
def _cells(row: PlannedRow) -> str:
    ids = [c.cell for c in row.cells]
    if not ids:
        return ""
    return f"`{ids[0]}`" if len(ids) == 1 else f"`{ids[0]}`–`{ids[-1]}`"


def check_words(check) -> str:
    """A check as the plans name it: a notebook cell and what its view is, or an own check's name."""
    if isinstance(check, KitCheck):
        return t("teach.check_cell", notebook=check.notebook, cell=check.cell, what=check.what)
    return check.name if check is not None else "—"


def material_words(row: PlannedRow, plans) -> str:
    parts = []
    if row.row.notebook:
        parts.append(t("teach.material_cells", notebook=row.row.notebook, cells=_cells(row)))
    for ref in row.row.prompts:
        parts.append(t("teach.material_prompt", prompt=ref))
    activity = plans.activity(row.row.uses)
    if activity is not None:
        parts.append(t("teach.material_activity", title=activity.title))
    return typo("; ").join(parts) or "—"  # « ; » in French, its narrow no-break space before it


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def session_table(s: PlannedSession, plans) -> list[str]:
    lines = [f"| {t('teach.col_minutes')} | {t('teach.col_activity')} | {t('teach.col_grouping')} | "
             f"{t('teach.col_material')} | {t('teach.col_check')} |", "|---|---|---|---|---|"]
    for r in s.rows:
        lines.append(f"| {r.start}–{r.end} | {_cell(r.row.activity)} | {t('teach.grouping_' + r.row.grouping)} | "
                     f"{_cell(material_words(r, plans))} | {_cell(check_words(r.check))} |")
    return lines


def plans_md(root: Path | None = None) -> str:
    plans = checked_plans(root)
    unit = load_unit(root)
    out: list[str] = []
    for plan, sessions in zip(plans.plans, planned(plans, unit), strict=True):
        out += [f"### {t('teach.plan_heading', title=plan.title, minutes=plan.minutes)}", "",
                one_line(plan.audience), ""]
        for s in sessions:
            setting = t("teach.setting_" + s.session.setting)
            out += [f"#### {t('teach.session_heading', title=s.session.title, minutes=s.minutes, setting=setting)}",
                    ""]
            if s.session.hook:
                out += [colon(t('teach.hook'), f"*{one_line(s.session.hook)}*"), ""]
            out += session_table(s, plans) + [""]
    out += [f"### {t('teach.own_checks')}", ""]
    out += [f"- {colon(f'**{c.name}**', one_line(c.how))}" for c in plans.checks] + [""]
    for a in plans.activities:
        out += activity_md(a)
    return "\n".join(out).rstrip() + "\n"


def activity_md(a) -> list[str]:
    """One of the plans' activities: what students do, the mechanism, the model verdicts and the notes."""
    checklist = load_checklist()
    out = [f"### {t('teach.activity_heading', title=a.title)}", "", one_line(a.task), "",
           colon(t('teach.mechanism'), one_line(a.mechanism)), "",
           f"| {t('teach.col_condition')} | {t('teach.col_verdict')} | {t('teach.col_reason')} |", "|---|---|---|"]
    for v in a.verdicts:
        out.append(f"| {_cell(checklist.condition(v.condition).name)} | {t('checklist.verdict_' + v.verdict)} | "
                   f"{_cell(v.reason)} |")
    out += ["", one_line(a.summary), ""]
    out += [f"- {one_line(d)}" for d in a.discussion] + [""]
    out += notes_md(a.facilitation)
    return out


# ------------------------------------------------------------------------------------------------ notebooks
def _label(key: str, value: str) -> str:
    """An italic label and its text, with the language's colon (« *Une bonne réponse* : … » in French)."""
    return colon(f"*{t(key)}*", value)


def level_word(level: str) -> str:
    """A level of Bloom's scale in the guide's language (the data names it in English)."""
    return t(f"lesson.level_{level}")


def notes_md(notes: Facilitation | None) -> list[str]:
    if notes is None:
        return [f"*{t('teach.no_notes')}*", ""]
    out = [f"- {_label('teach.notes_good', one_line(notes.good_answer))}"]
    if notes.misconceptions:
        out.append("- " + _label("teach.notes_misconceptions",
                                 " ".join(f"({i}) {one_line(m)}" for i, m in enumerate(notes.misconceptions, 1))))
    if notes.push:
        out.append(f"- {_label('teach.notes_push', one_line(notes.push))}")
    if notes.format or notes.minutes:
        how = one_line(notes.format or "")
        minutes = t("teach.notes_minutes", minutes=notes.minutes) if notes.minutes else ""
        out.append(f"- {_label('teach.notes_format', how + (' ' if how and minutes else '') + minutes)}")
    return out + [""]


def prompt_md(p: AskedPrompt) -> list[str]:
    return [f"> {one_line(p.text)}", "", *notes_md(p.notes)]


def activity_section(a: Activity) -> list[str]:
    out = [f"#### {t('teach.cell_heading', cell=a.cell, what=a.what)}", ""]
    if a.has_own_notes:
        out += notes_md(a.notes)
    for p in a.prompts:
        out += prompt_md(p)
    return out


def notebooks_md(guide: Guide, root: Path | None = None) -> str:
    out: list[str] = []
    for lesson in load_lessons(root).notebooks:
        path = notebook_file(lesson.id, guide.notebooks)
        english = notebook_file(lesson.id, notebooks_dir(root))
        if path is None or english is None:
            continue
        out += [f"### {notebook_title(path)} (`{path.name}`)", ""]
        with speaking(DEFAULT):  # the plans' minutes: the English edition's estimate (kit.plans.load_unit)
            est = lesson_estimate(lesson.id, root)
        if est is not None:
            total, teaching, exercises = time_words(est)
            out += [t("teach.notebook_time", total=total, teaching=teaching, exercises=exercises), ""]
        out += [t("lesson.objectives_intro"), ""]
        out += [f"- {one_line(o.text)} (*{level_word(o.level)}*, `{o.id}`)" for o in lesson.objectives] + [""]
        for a in notebook_activities(lesson.id, root):
            out += activity_section(a)
    return "\n".join(out).rstrip() + "\n"


def rubric_md(root: Path | None = None) -> str:
    """The audit's rubric: each criterion, its level on Bloom's scale and the objectives it assesses, and what an
    audit at each level does."""
    rubric = load_audit(root).rubric
    levels = [f"{lv.label} ({lv.score})" for lv in rubric.levels]
    out = [f"| {t('teach.col_criterion')} | " + " | ".join(levels) + " |", "|---" * (len(levels) + 1) + "|"]
    for c in rubric.criteria:
        assesses = ", ".join(f"`{o}`" for o in c.objectives)
        aims = f" ({' · '.join(x for x in (f'*{level_word(c.level)}*' if c.level else '', assesses) if x)})" \
            if c.level or assesses else ""
        named = colon(f"**{_cell(c.name)}**", _cell(c.assesses))
        out.append(f"| {named}{aims} | " + " | ".join(_cell(x) for x in c.levels) + " |")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------ the files
def blocks(guide: Guide, root: Path | None = None) -> dict[str, str]:
    """Each generated block's text, in the guide's language."""
    with speaking(guide.lang):
        return {"plans": plans_md(root), "notebooks": notebooks_md(guide, root), "rubric": rubric_md(root)}


def render(text: str, made: dict[str, str]) -> str:
    """The guide's text with each generated block replaced by what the data gives (a block the data has nothing for
    is left as it is)."""

    def put(m: re.Match) -> str:
        body = made.get(m["name"])
        return m.group(0) if body is None else f"{m.group(1)}\n{body}\n{m.group(4)}"

    return BLOCK.sub(put, text)


def out_of_date(guides: tuple[Guide, ...] = GUIDES, root: Path | None = None) -> list[str]:
    """The guides whose generated blocks differ from what the data gives now (empty: all current)."""
    stale = []
    for g in guides:
        text = g.path.read_text(encoding="utf-8")
        if render(text, blocks(g, root)) != text:
            stale.append(str(g.path.relative_to(ROOT)))
    return stale


def write(guides: tuple[Guide, ...] = GUIDES, root: Path | None = None) -> list[str]:
    """Rewrite the generated blocks of each guide; returns the guides that changed."""
    changed = []
    for g in guides:
        text = g.path.read_text(encoding="utf-8")
        new = render(text, blocks(g, root))
        if new != text:
            g.path.write_text(new, encoding="utf-8")
            changed.append(str(g.path.relative_to(ROOT)))
    return changed
