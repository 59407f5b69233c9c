"""Keyboard alone, in a real JupyterLab: a quiz question of each type and a claim-checker item, answered and checked.

Only Tab, Shift+Tab, arrow keys, Space, Enter and typing are used; the first control of each question gets focus as
a reader reaches it after tabbing. One answer out of several (a single-choice or true/false question, the claim
checker's verdict) is a one-choice list (kit.ui.widgets.one_choice): one Tab stop, the arrow keys choose, Tab goes
on to Check. Tick boxes are each a Tab stop, chosen with Space.
Drop-down lists (ordering positions, the claim's evidence) are set with the arrow keys on the focused list, which
the setting in jupyterlab-settings/ keeps from JupyterLab's notebook shortcuts; the notebook's cells must not change.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kit.content.quiz import load_quiz
from kit.quiz import shuffled_options
from tests.browser.conftest import focus

pytestmark = pytest.mark.browser

NB = "08_final_quiz.ipynb"
QUIZ = load_quiz("final")
# The final quiz has no ordering question: exercise 4's self-check in notebook 03 has one.
NB3 = "03_opt_in_vs_opt_out.ipynb"
EXERCISE_4 = load_quiz("03-exercise-4")

_STATE = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return {cells: nb.widgets.length, types: nb.widgets.map(c => c.model.type).join(',')};
}"""


def _question(page, qid, quiz=QUIZ):
    return page.locator(".kit-quiz-question", has_text=quiz.question(qid).text.split("\n")[0][:60]).first


def _focused(locator) -> bool:
    return locator.evaluate("e => e === document.activeElement")


def tab_to(page, target, limit: int = 25, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus."""
    for _ in range(limit):
        if _focused(target):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    assert _focused(target), f"{limit} presses of Tab did not reach {target}"


def arrow_to(page, select, value: str, limit: int = 25) -> None:
    """Press ArrowDown (or ArrowUp) on the focused drop-down list until it shows ``value``; it may start empty."""
    for _ in range(limit):
        here, there = select.evaluate("(s, v) => [s.selectedIndex, [...s.options].findIndex(o => o.value === v)]",
                                      value)
        if here == there:
            return
        page.keyboard.press("ArrowDown" if here < there else "ArrowUp")
        page.wait_for_timeout(100)
    expect(select).to_have_value(value)


def _plain(text: str) -> str:
    """``text`` with its spaces made plain: a one-choice list's labels carry tabs where the text has spaces."""
    return " ".join(text.split())


def _chosen(select) -> str:
    """The text of the option a list box shows as chosen ("" when none), its spaces made plain."""
    return select.evaluate("s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].textContent"
                           ".replace(/\\s+/g, ' ').trim()")


def choose(page, select, text: str, limit: int = 10) -> None:
    """Press ArrowDown (or ArrowUp) on the focused list box until the option ``text`` is chosen; it may start with
    none chosen."""
    for _ in range(limit):
        here, there = select.evaluate("(s, t) => [s.selectedIndex, [...s.options].findIndex(o => o.textContent"
                                      ".replace(/\\s+/g, ' ').trim() === t)]", text)
        assert there >= 0, f"no option {text!r} in the list"
        if here == there:
            return
        page.keyboard.press("ArrowDown" if here < there else "ArrowUp")
        page.wait_for_timeout(100)
    assert _chosen(select) == text, f"{limit} presses of the arrow keys did not choose {text!r}"


def _check_by_keyboard(page, box):
    button = box.locator(".widget-button", has_text="Check").or_(box.locator(".widget-button", has_text="Submit"))
    tab_to(page, button.first)
    page.keyboard.press("Enter")
    return box.locator(".kit-quiz-feedback")


def test_single_choice_by_keyboard(lab):
    """Issue 27 item 3: the options are one Tab stop; the arrow keys choose; one Tab reaches Check; Enter checks."""
    page = lab.notebook(NB)
    q = QUIZ.question("planet49-setting")
    box = _question(page, q.id)
    choice = box.locator(".kit-choice select")
    expect(choice).to_have_count(1)
    expect(choice.locator("option")).to_have_count(len(q.options))
    focus(choice)
    choose(page, choice, _plain(q.option(q.answer).text))
    page.keyboard.press("Tab")
    check = box.locator(".widget-button", has_text="Check")
    expect(check).to_be_focused()
    page.keyboard.press("Enter")
    expect(box.locator(".kit-quiz-feedback")).to_contain_text("✔ Correct.", timeout=10_000)


def test_multiple_choice_by_keyboard(lab):
    page = lab.notebook(NB)
    q = QUIZ.question("x-setting-wording")
    box = _question(page, q.id)
    boxes = box.locator(".widget-checkbox input")
    focus(boxes.first)
    order = [o.id for o in shuffled_options(q, 0)]
    for oid in sorted(q.answer, key=order.index):
        tab_to(page, boxes.nth(order.index(oid)))
        page.keyboard.press("Space")
    for i, oid in enumerate(order):
        (expect(boxes.nth(i)).to_be_checked if oid in q.answer else expect(boxes.nth(i)).not_to_be_checked)()
    expect(_check_by_keyboard(page, box)).to_contain_text("✔ Correct.", timeout=10_000)


def test_true_false_by_keyboard_with_shift_tab(lab):
    """From Check, one Shift+Tab reaches the true/false list (one Tab stop); the arrow keys choose the answer."""
    page = lab.notebook(NB)
    q = QUIZ.question("opt-in-sample")
    box = _question(page, q.id)
    choice = box.locator(".kit-choice select")
    check = box.locator(".widget-button", has_text="Check")
    focus(check)
    page.keyboard.press("Shift+Tab")
    expect(choice).to_be_focused()
    choose(page, choice, "True" if q.answer else "False")
    page.keyboard.press("Tab")
    expect(check).to_be_focused()
    page.keyboard.press("Enter")
    expect(box.locator(".kit-quiz-feedback")).to_contain_text("✔ Correct.", timeout=10_000)


def test_numeric_by_keyboard(lab):
    page = lab.notebook(NB)
    q = QUIZ.question("sim-team-lead")
    box = _question(page, q.id)
    field = box.locator(".widget-text input")
    focus(field)
    page.keyboard.type(f"{q.answer:g}")
    expect(_check_by_keyboard(page, box)).to_contain_text("✔ Correct.", timeout=10_000)


# A kernel slow to take what the page sends it, as on a busy hub: each value a quiz number box gets costs it a moment.
_SLOW = """
import time as _kit_time, ipywidgets as _kit_ipw
from kit.i18n import t as _kit_t

def _kit_slow(change):
    _kit_time.sleep(1.5)

_kit_boxes = [b for b in _kit_ipw.Widget.widgets.values()
              if isinstance(b, _kit_ipw.Text) and b.placeholder == _kit_t("quiz.number_tooltip")]
for b in _kit_boxes:
    b.observe(_kit_slow, names="value")
"""
_FAST = """
for b in _kit_boxes:
    b.unobserve(_kit_slow, names="value")
"""
_RUN = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const reply = await kernel.requestExecute({code, silent: true, store_history: false}).done;
  return reply.content.status;
}"""


def test_a_number_checked_at_once_on_a_slow_kernel_is_checked_whole(lab):
    """Typed, then Tab and Enter on Check straight away, while the kernel is slow: the kernel checks the number in the
    box. Sent at each keystroke, "48.8" went as "4", "48"…; ipywidgets holds a box's next value back until the kernel
    has taken the one before, but not a button's click, so the click overtook it and "4" was checked."""
    page = lab.notebook(NB3)
    q = EXERCISE_4.question("full-awareness")
    box = _question(page, q.id, EXERCISE_4)
    field = box.locator(".widget-text input")
    assert page.evaluate(_RUN, _SLOW) == "ok"
    try:
        focus(field)
        page.keyboard.type(f"{q.answer:g}")
        expect(_check_by_keyboard(page, box)).to_contain_text("✔ Correct.", timeout=10_000)
    finally:
        assert page.evaluate(_RUN, _FAST) == "ok"


def test_reflection_by_keyboard(lab):
    page = lab.notebook(NB)
    box = _question(page, "reflect-consent")
    area = box.locator("textarea")
    focus(area)
    page.keyboard.type("Silence is not a yes.")
    expect(_check_by_keyboard(page, box)).to_contain_text("Answered", timeout=10_000)


def _option_value(select, label_start: str) -> str:
    """The value attribute of the option whose label starts with ``label_start`` (ipywidgets writes its spaces as
    no-break spaces)."""
    return select.evaluate("(s, t) => [...s.options].find(o => o.textContent.replace(/\\u00a0/g, ' ')"
                           ".startsWith(t)).value", label_start)


def test_ordering_by_keyboard_with_arrow_keys(lab):
    page = lab.notebook(NB3)
    q = EXERCISE_4.question("biggest-change")
    text = {o.id: o.text for o in q.options}
    box = _question(page, q.id, EXERCISE_4)
    slots = box.locator(".widget-dropdown select")
    expect(slots).to_have_count(len(q.answer))
    focus(slots.first)
    before = page.evaluate(_STATE)
    for i, oid in enumerate(q.answer):
        tab_to(page, slots.nth(i))
        arrow_to(page, slots.nth(i), _option_value(slots.nth(i), text[oid]))
        expect(slots.nth(i)).to_be_focused()
    expect(_check_by_keyboard(page, box)).to_contain_text("✔ Correct.", timeout=10_000)
    assert page.evaluate(_STATE) == before, "a key pressed in the ordering question changed the notebook"
    slots.first.select_option(index=0)  # leave the shared page so that ArrowDown still moves the first position




def test_claim_item_by_keyboard(lab):
    """Issue 27 item 3: the verdict is one Tab stop; the arrow keys choose; one Tab goes on to the next control
    (the evidence), as the radio-group pattern and notebook 00's instructions say; Enter on Check checks."""
    page = lab.notebook("02_policy_vs_statements.ipynb")
    claims = page.locator(".kit-claims").first
    expect(claims).to_contain_text("do not access message content")  # the first item: the blog on traditional ML
    choices = claims.locator(".kit-choice select")
    expect(choices).to_have_count(2)  # the statement picker, then the verdict
    verdict = choices.nth(1)
    focus(verdict)
    before = page.evaluate(_STATE)
    choose(page, verdict, "Contradicted by the policy")
    page.keyboard.press("Tab")
    evidence = claims.locator(".widget-dropdown select").first  # the statements are a one-choice list above it
    expect(evidence).to_be_focused()  # one Tab: out of the verdict, onto the next control
    arrow_to(page, evidence, _option_value(evidence, "before.p1.s2"))  # the best-ranked candidate
    page.keyboard.press("Tab")
    check = claims.locator(".widget-button", has_text="Check")
    expect(check).to_be_focused()
    page.keyboard.press("Enter")
    feedback = claims.locator(".kit-claim-feedback")
    expect(feedback).to_contain_text("✔ Right verdict", timeout=10_000)
    expect(feedback).to_contain_text("✔ Good evidence: before.p1.s2")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(verdict).to_be_focused()  # and one Shift+Tab back from the evidence: the verdict, as chosen
    assert _chosen(verdict) == "Contradicted by the policy"
    assert page.evaluate(_STATE) == before, "a key pressed in the claim checker changed the notebook"


# The focus ring of every one-choice list, radio option and tick box of the kit's views (3 px outline, 2 px apart),
# measured against the nearest box around it that cuts off what overflows it.
_RING_CUT = """(selector) => {
  const out = [];
  for (const input of document.querySelectorAll(selector)) {
    const r = input.getBoundingClientRect();
    if (!r.width) continue;
    const st = getComputedStyle(input);
    const ring = parseFloat(st.outlineWidth || '0') + parseFloat(st.outlineOffset || '0');
    for (let box = input.parentElement; box; box = box.parentElement) {
      const bs = getComputedStyle(box);
      if (bs.overflowX === 'visible' && bs.overflowY === 'visible') continue;
      const b = box.getBoundingClientRect(), left = b.left + parseFloat(bs.borderLeftWidth);
      if (r.left - ring < left - 0.5) {
        const label = (input.closest('label') || input.parentElement).textContent.trim().slice(0, 40);
        out.push(`${label}: the ring reaches ${(r.left - ring).toFixed(1)}, its box cuts at ${left.toFixed(1)}`);
      }
      break;
    }
  }
  return out;
}"""


@pytest.mark.parametrize("name", ["08_final_quiz.ipynb", "04_consent_and_the_law.ipynb"])
def test_the_focus_ring_of_an_option_is_not_cut_off(lab, name):
    """Issue 27 item 3: the radio focus ring was clipped on its left (the option sat at the edge of its box); the
    final quiz's options are one-choice lists and tick boxes, notebook 04's checklist radio options."""
    page = lab.notebook(name)
    first = page.locator(".kit-view .kit-choice select, .kit-view .widget-radio-box input, "
                         ".kit-view .widget-checkbox input").first
    focus(first)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached by the keyboard: the ring the reader sees (:focus-visible)
    expect(first).to_be_focused()
    assert first.evaluate("e => e.matches(':focus-visible') && parseFloat(getComputedStyle(e).outlineWidth) >= 3")
    selector = ", ".join(f".jp-OutputArea-output .kit-view {c}" for c in (".kit-choice select",
                                                                          ".widget-radio-box input",
                                                                          ".widget-checkbox input"))
    for width in (1280, 800):
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(600)
        first.focus()
        cut = page.evaluate(_RING_CUT, selector)
        assert not cut, f"{name} at {width} px:\n" + "\n".join(cut[:10])
    page.set_viewport_size({"width": 1400, "height": 1000})
