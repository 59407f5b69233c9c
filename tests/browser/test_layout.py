"""What the page shows, measured in a real JupyterLab: options that do not overlap, nothing wider than its output.

Both tests reuse the session's already-run notebook pages and only change the window's width while they measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

QUIZ_NOTEBOOKS = ["01_the_slack_case.ipynb", "02_policy_vs_statements.ipynb", "03_opt_in_vs_opt_out.ipynb",
                  "06_consent_in_2026.ipynb", "08_final_quiz.ipynb"]
ALL_NOTEBOOKS = ["00_start_here.ipynb", "01_the_slack_case.ipynb", "02_policy_vs_statements.ipynb",
                 "03_opt_in_vs_opt_out.ipynb", "04_consent_and_the_law.ipynb", "05_beyond_slack.ipynb",
                 "06_consent_in_2026.ipynb", "07_audit.ipynb", "08_final_quiz.ipynb"]
#: i25: French words are longer ("Charger des ré…" was cut): the French edition is measured too
FRENCH_NOTEBOOKS = sorted(f"fr/{p.name}" for p in (Path(__file__).resolve().parents[2] / "notebooks" / "fr")
                          .glob("[0-9][0-9]_*.ipynb"))

# For every answer option of every question: its box, and the box of its radio circle or tick box (an option of a
# one-choice list draws its ○ inside its own box).
_OPTIONS = """() => [...document.querySelectorAll('.kit-quiz-question')].map((q, qi) => {
  const title = (q.querySelector('h4') || q).textContent.slice(0, 60);
  const opts = [...q.querySelectorAll('.widget-radio-box label, .widget-checkbox, .kit-choice option')].map(l => {
    const r = l.getBoundingClientRect(), i = (l.querySelector('input') || l).getBoundingClientRect();
    return {text: l.textContent.slice(0, 50), top: r.top, bottom: r.bottom, left: r.left, right: r.right,
            itop: i.top, ibottom: i.bottom, ileft: i.left, iright: i.right};
  });
  return {title, opts};
})"""


def _at_width(page, width):
    page.set_viewport_size({"width": width, "height": 1000})
    page.wait_for_timeout(600)  # JupyterLab lays the panels out again after a resize


def _overlaps(questions):
    problems = []
    for q in questions:
        opts = q["opts"]
        for o in opts:
            if not (o["top"] - 1 <= o["itop"] and o["ibottom"] <= o["bottom"] + 1):
                problems.append(f"{q['title']!r}: the circle of {o['text']!r} lies outside its option")
        for a, b in zip(opts, opts[1:], strict=False):
            if b["top"] < a["bottom"] - 1:
                problems.append(f"{q['title']!r}: {a['text']!r} (bottom {a['bottom']:.0f}) overlaps "
                                f"{b['text']!r} (top {b['top']:.0f})")
            if b["itop"] < a["ibottom"] - 1:
                problems.append(f"{q['title']!r}: the circles of {a['text']!r} and {b['text']!r} overlap")
    return problems


@pytest.mark.parametrize("name", QUIZ_NOTEBOOKS)
def test_quiz_options_never_overlap(lab, name):
    page = lab.notebook(name)
    try:
        for width in (800, 1280):
            _at_width(page, width)
            questions = page.evaluate(_OPTIONS)
            assert questions and any(q["opts"] for q in questions), f"{name}: no quiz options found"
            problems = _overlaps(questions)
            assert not problems, f"{name} at {width} px:\n" + "\n".join(problems[:10])
    finally:
        _at_width(page, 1400)
# Every element of every kit view: its right edge must stay inside the output area that holds the view, and no
# element may hide part of its content (a button reading "Compare with …", a table cut at the right). A wide table
# scrolls inside a named region the keyboard reaches (issue 27 item 4): that box shows all of it, by scrolling.
_OVERFLOW = """() => {
  const out = [];
  const scrolls = el => el.matches('[role=region][tabindex="0"][aria-label]')
                        && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const view of document.querySelectorAll('.jp-OutputArea-output .kit-view')) {
    const area = view.closest('.jp-OutputArea-output').getBoundingClientRect();
    if (area.width === 0) continue;
    for (const el of [view, ...view.querySelectorAll('*')]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.kit-sr-only')) continue;
      const box = el.parentElement && el.parentElement.closest('[role=region][tabindex="0"]');
      if (box && scrolls(box)) continue;  // inside a scrolling table's box: reached by scrolling it
      const name = (el.className && el.className.baseVal === undefined ? el.className : el.tagName)
                   + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
      if (r.right > area.right + 1 || r.left < area.left - 1) {
        out.push(`${name} spans ${r.left.toFixed(0)}–${r.right.toFixed(0)}, its output area ` +
                 `${area.left.toFixed(0)}–${area.right.toFixed(0)}`);
        continue;
      }
      const st = getComputedStyle(el);
      if (el.tagName === 'INPUT' && el.placeholder && !el.value) {  // a placeholder cut at the box's edge
        const ctx = (window.__kitCanvas ||= document.createElement('canvas')).getContext('2d');
        ctx.font = st.font;
        const room = el.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
        const need = ctx.measureText(el.placeholder).width;
        if (need > room + 1) out.push(`${name} placeholder "${el.placeholder.slice(0, 40)}" needs ` +
                                      `${need.toFixed(0)} px in ${room.toFixed(0)} px`);
      }
      const clips = ['hidden', 'clip', 'auto', 'scroll'].includes(st.overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 2 && !scrolls(el) && !el.classList.contains('noUi-target')
          && !el.closest('.widget-slider')) {
        out.push(`${name} hides part of its content (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("name", ALL_NOTEBOOKS + FRENCH_NOTEBOOKS)
def test_no_kit_view_overflows_its_output_area(lab, name):
    page = lab.notebook(name)
    try:
        for width in (800, 1280):
            _at_width(page, width)
            assert page.locator(".jp-OutputArea-output .kit-view").count(), f"{name}: no kit view found"
            problems = page.evaluate(_OVERFLOW)
            assert not problems, f"{name} at {width} px:\n" + "\n".join(dict.fromkeys(problems[:12]))
    finally:
        _at_width(page, 1400)


def test_links_look_like_links_and_figures_follow_the_dark_theme(lab):
    """Issue 16, item 8: links were not styled as links; figures stayed glaring white in the dark theme."""
    page = lab.notebook("01_the_slack_case.ipynb")
    link = page.locator(".kit-view a[href^='http']").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
    image = page.locator(".kit-view figure img").first
    assert image.evaluate("i => getComputedStyle(i).filter") == "none"  # light theme: the figure as drawn
    try:
        page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
        assert "invert" in image.evaluate("i => getComputedStyle(i).filter")
    finally:
        page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Light'})")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'")
