"""What the page shows, measured in a real JupyterLab: options that do not overlap, nothing wider than its output.

Both tests reuse the session's already-run notebook pages and only change the window's width while they measure.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

QUIZ_NOTEBOOKS = ["01_the_slack_case.ipynb", "02_policy_vs_statements.ipynb", "03_opt_in_vs_opt_out.ipynb",
                  "06_final_quiz.ipynb"]

# For every answer option of every question: its box, and the box of its radio circle or tick box.
_OPTIONS = """() => [...document.querySelectorAll('.kit-quiz-question')].map((q, qi) => {
  const title = (q.querySelector('h4') || q).textContent.slice(0, 60);
  const opts = [...q.querySelectorAll('.widget-radio-box label, .widget-checkbox')].map(l => {
    const r = l.getBoundingClientRect(), i = l.querySelector('input').getBoundingClientRect();
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
