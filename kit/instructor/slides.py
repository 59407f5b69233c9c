"""``python -m kit slides``: a slide deck for every class session of the lesson plans, in each language, from the data.

A deck (about fifteen slides) has the session's title, its opening question, its plan, the case in pictures (the
kit's own figures, with their alt text and captions), the key ideas of the
notebooks it uses, each prompt students discuss, the plans' activity it runs, the checks that close its rows, and a
closing slide. The speaker notes hold the facilitation notes of each prompt and the row's minutes.

The decks use reveal.js, installed from the npm registry at the version ``teaching/node/package-lock.json`` locks
(``make slides`` runs ``npm ci`` there), and copied into the built folder: a deck loads nothing from elsewhere (no
CDN, no web font), so it runs from a USB stick in a room without a network. Large type, for a projector.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..activities import AskedPrompt, notebook_activities
from ..content import load_case
from ..content.facilitation import Facilitation
from ..content.language import speaking
from ..content.law import load_checklist
from ..content.lessons import load_lessons
from ..content.plans import load_plans
from ..content.research import load_research, load_simulation
from ..content.strings import languages
from ..i18n import t
from ..locale import one_line
from ..plans import KitCheck, PlannedSession, checked_plans, load_unit, planned

__all__ = ["REVEAL", "SlidesError", "build", "class_sessions", "deck_html", "deck_name", "session_prompts"]

ROOT = Path(__file__).resolve().parents[2]
#: reveal.js as npm installs it (make slides): the files a deck needs, copied into the built folder's lib/.
REVEAL = ROOT / "teaching" / "node" / "node_modules" / "reveal.js" / "dist"
LIB_FILES = {"reveal.css": "reveal.css", "reveal.js": "reveal.js", "theme/white-contrast.css": "theme.css",
             "plugin/notes.js": "notes.js"}

CSS = """
.reveal { font-size: 40px; }
.reveal h1 { font-size: 1.7em; }
.reveal h2 { font-size: 1.25em; margin-bottom: 0.5em; }
.reveal .slides section { text-align: left; }
.reveal .hook { font-size: 1.3em; line-height: 1.3; }
.reveal .small { font-size: 0.62em; line-height: 1.35; }
.reveal .prompt { font-size: 0.9em; line-height: 1.35; border-left: 0.25em solid #1a4d80; padding-left: 0.6em; }
.reveal ul, .reveal ol { display: block; margin-left: 1em; }
.reveal li { margin: 0.25em 0; }
.reveal table { font-size: 0.55em; border-collapse: collapse; }
.reveal table th, .reveal table td { border-bottom: 1px solid #555; padding: 0.2em 0.5em; text-align: left; }
.reveal td.min { white-space: nowrap; }
.reveal figure { margin: 0; text-align: center; }
.reveal figure img { max-height: 470px; width: auto; max-width: 100%; margin: 0; }
.reveal figcaption { font-size: 0.5em; }
.reveal .where { font-size: 0.55em; color: #333; }
"""


#: Rows of a plan on one slide.
PLAN_ROWS = 6


class SlidesError(Exception):
    """reveal.js is not installed where make slides puts it."""


def esc(text: str | None) -> str:
    return html.escape(one_line(text), quote=True)  # no-break spaces kept: « abordée » never breaks before its »


@dataclass(frozen=True)
class Slide:
    body: str
    notes: str = ""
    cls: str = ""


def class_sessions(root: Path | None = None) -> list[PlannedSession]:
    """Every class session of every plan, worked out, in the current language."""
    plans = checked_plans(root)
    return [s for sessions in planned(plans, load_unit(root)) for s in sessions if s.session.setting == "class"]


def deck_name(s: PlannedSession) -> str:
    return f"{s.plan.id}--{s.session.id}"


def notes_html(notes: Facilitation | None) -> str:
    if notes is None:
        return ""
    parts = [f"<p>{esc(t('teach.notes_good'))}: {esc(notes.good_answer)}</p>"]
    if notes.misconceptions:
        parts.append(f"<p>{esc(t('teach.notes_misconceptions'))}:</p><ul>"
                     + "".join(f"<li>{esc(m)}</li>" for m in notes.misconceptions) + "</ul>")
    if notes.push:
        parts.append(f"<p>{esc(t('teach.notes_push'))}: {esc(notes.push)}</p>")
    if notes.format:
        parts.append(f"<p>{esc(t('teach.notes_format'))}: {esc(notes.format)}</p>")
    return "".join(parts)


def _figures(s: PlannedSession) -> list[str]:
    """The case in pictures: the kit's figures, as the notebooks show them (the same drawing and cache)."""
    from ..ui.timeline import timeline_plot_view

    out = [timeline_plot_view(load_case("slack-2024")).value]
    if "03" in s.notebooks:
        from ..ui.research import DefaultEffectsView, SimulationView

        research = load_research()
        view = DefaultEffectsView(research)
        if research.charts:
            out.append(view.charts[research.charts[0]])
        out.append(SimulationView(load_simulation(), "slack-as-it-was").plot.value)
    return out


def _figure_only(figure_html: str) -> str:
    """A view's figure without its inline sizes (the slide's style sheet sizes it)."""
    return re.sub(r" style='[^']*'", "", figure_html)


def _check_words(check) -> str:
    if isinstance(check, KitCheck):
        return t("slides.check_cell", notebook=check.notebook, cell=check.cell)
    return check.name


def slides(s: PlannedSession, root: Path | None = None) -> list[Slide]:
    plans = load_plans(root)  # checked against the notebooks once, by class_sessions, which gave ``s``
    lessons = load_lessons(root)
    deck: list[Slide] = []
    sess = s.session
    deck.append(Slide(f"<h1>{esc(sess.title)}</h1><p>{esc(s.plan.title)}</p>"
                      f"<p class='where'>{esc(t('slides.length', minutes=s.minutes))}</p>",
                      f"<p>{esc(s.plan.audience)}</p>"))
    if sess.hook:
        first = s.rows[0]
        deck.append(Slide(f"<h2>{esc(t('slides.hook'))}</h2><p class='hook'>{esc(sess.hook)}</p>",
                          f"<p>{esc(first.row.activity)} ({first.minutes} min)</p>"))
    for start in range(0, len(s.rows), PLAN_ROWS):  # a long plan on several slides, so nothing is cut
        rows = "".join(f"<tr><td class='min'>{r.start}–{r.end}</td><td>{esc(t('teach.grouping_' + r.row.grouping))}"
                       f"</td><td>{esc(r.row.activity)}</td></tr>" for r in s.rows[start:start + PLAN_ROWS])
        deck.append(Slide(f"<h2>{esc(t('slides.plan'))}</h2><table><thead><tr><th>{esc(t('teach.col_minutes'))}"
                          f"</th><th>{esc(t('teach.col_grouping'))}</th><th>{esc(t('teach.col_activity'))}</th></tr>"
                          f"</thead><tbody>{rows}</tbody></table>"))
    for fig in _figures(s):
        deck.append(Slide(f"<h2>{esc(t('slides.pictures'))}</h2>{_figure_only(fig)}"))
    for nb in s.notebooks:
        points = lessons.lesson(nb).key_points
        if points:
            deck.append(Slide(f"<h2>{esc(t('slides.key_ideas', notebook=nb))}</h2><ul class='small'>"
                              + "".join(f"<li>{esc(p)}</li>" for p in points) + "</ul>"))
    for i, p in enumerate(session_prompts(s, root), 1):
        deck.append(Slide(f"<h2>{esc(t('slides.prompt', n=i))}</h2><p class='prompt'>{esc(p.text)}</p>",
                          notes_html(p.notes)))
    for r in s.rows:
        a = plans.activity(r.row.uses)
        if a is not None:
            deck += _activity_slides(a, r.minutes)
    checks = "".join(f"<li>{esc(_check_words(c))}</li>" for c in s.checks)
    deck.append(Slide(f"<h2>{esc(t('slides.checks'))}</h2><ul class='small'>{checks}</ul>",
                      "".join(f"<p>{esc(c.name)}: {esc(c.how)}</p>" for c in s.checks if not isinstance(c, KitCheck))))
    last = s.rows[-1]
    deck.append(Slide(f"<h2>{esc(t('slides.close'))}</h2><p class='hook'>{esc(last.row.activity)}</p>",
                      f"<p>{last.minutes} min</p>"))
    return deck


def session_prompts(s: PlannedSession, root: Path | None) -> list[AskedPrompt]:
    """The prompts the session discusses or has students write, as students read them, with their notes."""
    by_ref: dict[str, AskedPrompt] = {}
    for nb in s.notebooks:
        for a in notebook_activities(nb, root):
            for p in a.prompts:
                by_ref[p.ref] = p
    for p in s.prompts:  # prompts a notebook shows outside the session's notebooks (a quiz's reflections)
        if p.ref not in by_ref:
            for a in notebook_activities(p.notebook, root):
                for q in a.prompts:
                    by_ref.setdefault(q.ref, q)
    return [by_ref[p.ref] for p in s.prompts if p.ref in by_ref]


def _activity_slides(a, minutes: int) -> list[Slide]:
    checklist = load_checklist()
    conditions = checklist.conditions_for(a.basis)
    out = [Slide(f"<h2>{esc(a.title)}</h2><p class='small'>{esc(a.task)}</p><p class='small'>{esc(a.mechanism)}</p>",
                 notes_html(a.facilitation) + f"<p>{minutes} min</p>"),
           Slide(f"<h2>{esc(t('slides.conditions'))}</h2><ol class='small'>"
                 + "".join(f"<li><strong>{esc(c.name)}</strong>: {esc(c.question)}</li>" for c in conditions)
                 + "</ol>")]
    rows = "".join(f"<tr><td>{esc(checklist.condition(v.condition).name)}</td>"
                   f"<td>{esc(t('checklist.verdict_' + v.verdict))}</td></tr>" for v in a.verdicts)
    out.append(Slide(f"<h2>{esc(t('slides.model_verdicts'))}</h2><table><tbody>{rows}</tbody></table>"
                     f"<p class='small'>{esc(a.summary)}</p>",
                     "".join(f"<p>{esc(checklist.condition(v.condition).name)}: {esc(v.reason)}</p>"
                             for v in a.verdicts)))
    if a.discussion:
        out.append(Slide(f"<h2>{esc(t('slides.discuss'))}</h2><ul class='small'>"
                         + "".join(f"<li>{esc(d)}</li>" for d in a.discussion) + "</ul>"))
    return out


def deck_html(s: PlannedSession, lang: str, root: Path | None = None) -> str:
    sections = []
    for sl in slides(s, root):
        notes = f"<aside class='notes'>{sl.notes}</aside>" if sl.notes else ""
        sections.append(f"<section>{sl.body}{notes}</section>")
    title = esc(f"{s.session.title}: {s.plan.title}")
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="../lib/reveal.css">
<link rel="stylesheet" href="../lib/theme.css">
<link rel="stylesheet" href="../lib/kit-slides.css">
</head>
<body>
<main class="reveal"><div class="slides">
{chr(10).join(sections)}
</div></main>
<script src="../lib/reveal.js"></script>
<script src="../lib/notes.js"></script>
<script>Reveal.initialize({{hash: true, width: 1280, height: 720, margin: 0.04, plugins: [RevealNotes]}});</script>
</body>
</html>
"""


def index_html(decks: list[tuple[str, PlannedSession]], lang: str) -> str:
    items = "".join(f"<li><a href='{name}.html'>{esc(s.session.title)}</a>: {esc(s.plan.title)} "
                    f"({s.minutes} min)</li>" for name, s in decks)
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{esc(t('slides.index'))}</title>"
            f"</head><body><main><h1>{esc(t('slides.index'))}</h1><ul>{items}</ul></main></body></html>\n")


def build(out: Path, langs: tuple[str, ...] | None = None, root: Path | None = None) -> list[Path]:
    """Write every deck, in each language, into ``out/<language>/``, with reveal.js in ``out/lib/``. Returns the
    decks written."""
    if not (REVEAL / "reveal.js").exists():
        raise SlidesError(f"reveal.js is missing at {REVEAL}: run 'make slides' (it installs it from the npm registry "
                          "at the locked version)")
    out = Path(out)
    lib = out / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for src, name in LIB_FILES.items():
        shutil.copyfile(REVEAL / src, lib / name)
    (lib / "kit-slides.css").write_text(CSS, encoding="utf-8")
    written = []
    for lang in langs or tuple(languages()):
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        with speaking(lang):
            decks = [(deck_name(s), s) for s in class_sessions(root)]
            for name, s in decks:
                path = folder / f"{name}.html"
                path.write_text(deck_html(s, lang, root), encoding="utf-8")
                written.append(path)
            (folder / "index.html").write_text(index_html(decks, lang), encoding="utf-8")
    return written
