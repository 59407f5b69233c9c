"""``python -m kit handouts``: a printable handout for every class session of the lesson plans, in each language, as
PDF: the key points of the notebooks the session uses, the prompts students discuss with room to write, a blank
consent checklist (and the plans' activity the session runs), and the audit's steps where the kit has the audit.

Each handout is written as a page of HTML from the data, then printed to PDF by the Chromium the browser tests use
(Debian's, ``KIT_CHROMIUM`` names another), driven by Playwright: nothing is downloaded, nothing loaded from outside.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.audit import load_audit
from ..content.language import speaking
from ..content.law import load_checklist
from ..content.lessons import load_lessons
from ..content.plans import load_plans
from ..content.strings import languages
from ..i18n import t
from ..plans import PlannedSession
from .slides import class_sessions, deck_name, esc, session_prompts

__all__ = ["CHROMIUM", "HandoutsError", "build", "handout_html"]

CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
       color: #000; }
h1 { font-size: 18pt; margin: 0 0 2mm 0; }
h2 { font-size: 13pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #000; break-after: avoid; }
.sub { margin: 0 0 4mm 0; }
.name { border-bottom: 1px solid #000; width: 80mm; display: inline-block; }
.prompt { break-inside: avoid; margin: 3mm 0 5mm 0; }
.box { border: 1px solid #000; height: 42mm; margin-top: 2mm; }
table { border-collapse: collapse; width: 100%; break-inside: auto; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
td.reason { height: 16mm; width: 45%; }
tr { break-inside: avoid; }
ol li, ul li { margin: 1mm 0; }
.small { font-size: 9.5pt; }
"""


class HandoutsError(Exception):
    """The Chromium that prints the handouts is missing."""


def _audit_steps(root: Path | None) -> list[tuple[str, str]]:
    """The audit's steps (title, instructions) (issue 21)."""
    return [(s.title, s.instructions) for s in load_audit(root).steps]


def handout_html(s: PlannedSession, lang: str, root: Path | None = None) -> str:
    plans = load_plans(root)  # checked against the notebooks once, by class_sessions, which gave ``s``
    lessons = load_lessons(root)
    checklist = load_checklist(root)
    parts = [f"<h1>{esc(s.session.title)}</h1><p class='sub'>{esc(s.plan.title)}</p>",
             f"<p>{esc(t('handout.name'))}: <span class='name'>&nbsp;</span></p>"]
    if s.session.hook:
        parts.append(f"<p><strong>{esc(s.session.hook)}</strong></p>")
    for nb in s.notebooks:
        points = lessons.lesson(nb).key_points
        if points:
            parts.append(f"<h2>{esc(t('handout.key_points', notebook=nb))}</h2><ul class='small'>"
                         + "".join(f"<li>{esc(p)}</li>" for p in points) + "</ul>")
    prompts = session_prompts(s, root)
    if prompts:
        parts.append(f"<h2>{esc(t('handout.prompts'))}</h2>")
        parts += [f"<div class='prompt'><p>{i}. {esc(p.text)}</p><div class='box' role='img' "
                  f"aria-label='{esc(t('handout.write_here'))}'></div></div>" for i, p in enumerate(prompts, 1)]
    for r in s.rows:
        a = plans.activity(r.row.uses)
        if a is not None:
            parts.append(f"<h2>{esc(t('handout.activity', title=a.title))}</h2><p>{esc(a.task)}</p>"
                         f"<p class='small'>{esc(a.mechanism)}</p>")
    rows = "".join(f"<tr><td><strong>{esc(c.name)}</strong><br><span class='small'>{esc(c.question)}</span></td>"
                   f"<td class='small'>{esc(t('handout.verdicts'))}</td><td class='reason'></td></tr>"
                   for c in checklist.conditions_for("consent"))
    parts.append(f"<h2>{esc(t('handout.checklist'))}</h2><p class='small'>{esc(t('handout.checklist_intro'))}</p>"
                 f"<table><thead><tr><th>{esc(t('handout.col_condition'))}</th><th>{esc(t('handout.col_verdict'))}"
                 f"</th><th>{esc(t('handout.col_reason'))}</th></tr></thead><tbody>{rows}</tbody></table>")
    steps = _audit_steps(root)
    if steps:
        parts.append(f"<h2>{esc(t('handout.audit'))}</h2><ol class='small'>"
                     + "".join(f"<li><strong>{esc(title)}</strong>: {esc(how)}</li>" for title, how in steps)
                     + "</ol>")
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{esc(s.session.title)}</title>"
            f"<style>{CSS}</style></head><body><main>{''.join(parts)}</main></body></html>\n")


def build(out: Path, langs: tuple[str, ...] | None = None, root: Path | None = None, browser=None) -> list[Path]:
    """Write every handout as HTML and PDF into ``out/<language>/``; returns the PDFs written. ``browser``: a
    Playwright Chromium already running (the tests' one); otherwise the Chromium at :data:`CHROMIUM` is started."""
    if browser is None and not Path(CHROMIUM).exists():
        raise HandoutsError(f"the handouts are printed by Chromium at {CHROMIUM}: install Debian's package "
                            "(apt-get install chromium) or set KIT_CHROMIUM")
    out = Path(out)
    pages: list[tuple[Path, PlannedSession]] = []
    for lang in langs or tuple(languages()):
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        with speaking(lang):
            for s in class_sessions(root):
                path = folder / f"{deck_name(s)}.html"
                path.write_text(handout_html(s, lang, root), encoding="utf-8")
                footer = t("handout.footer", plan=s.plan.title, session=s.session.title)
                pages.append((path, s, footer))
    if browser is not None:
        return _print(browser, pages)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        own = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            return _print(own, pages)
        finally:
            own.close()


def _print(browser, pages) -> list[Path]:
    """Print each page to PDF; a request for anything but a local file is refused."""
    written = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        for path, _s, footer in pages:
            page.goto(path.resolve().as_uri())
            pdf = path.with_suffix(".pdf")
            page.pdf(path=str(pdf), format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>",
                     footer_template=f"<div style='font-size:8px;width:100%;text-align:center'>{esc(footer)}"
                                     " · <span class='pageNumber'></span>/<span class='totalPages'></span></div>",
                     margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
            written.append(pdf)
    finally:
        context.close()
    return written
