"""Keys inside a kit view, in a real JupyterLab: they work the control and never edit the notebook.

JupyterLab runs its command-mode shortcuts on any focused element that is not editable text ("a"/"b" insert a
cell, "m" makes it Markdown, arrow keys move to another cell). The setting in jupyterlab-settings/ keeps them out of
kit views; these tests press the keys and check both the control and the notebook (cells, their types, the active
cell).
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
# Every key JupyterLab would turn into a notebook edit or a move to another cell.
NOTEBOOK_KEYS = ["a", "b", "m", "y", "r", "c", "x", "v", "z", "Shift+m", "d", "d", "Shift+ArrowDown",
                 "Control+z", "Shift+Enter", "j", "k"]

_STATE = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return {cells: nb.widgets.length, types: nb.widgets.map(c => c.model.type).join(','), active: nb.activeCellIndex};
}"""


# Where the focus is, for a failure message: the element and any dialog JupyterLab has open.
_FOCUS = """() => ({focused: document.activeElement.outerHTML.slice(0, 200),
                   dialog: Array.from(document.querySelectorAll('.jp-Dialog')).map(d => d.innerText.slice(0, 200)),
                   mode: window.jupyterapp.shell.currentWidget.content.mode})"""


def _question(page, qid, quiz=QUIZ):
    return page.locator(".kit-quiz-question", has_text=quiz.question(qid).text.split("\n")[0][:60]).first


def _press(page, keys):
    for k in keys:
        page.keyboard.press(k)
    page.wait_for_timeout(300)


def _chosen(select) -> int:
    return select.evaluate("s => s.selectedIndex")


def test_arrow_keys_choose_in_a_one_choice_list_and_no_key_edits_the_notebook(lab):
    page = lab.notebook(NB)
    qid = "anthropic-date"
    q = QUIZ.question(qid)
    order = [o.id for o in shuffled_options(q, 0)]
    box = _question(page, qid)
    choice = box.locator(".kit-choice select")
    expect(choice).to_have_count(1)
    # A number typed in another question: the browser's own undo (Ctrl+Z) would take it back and move the focus there.
    number = _question(page, "sim-team-lead").locator(".widget-text input")
    number.fill("")
    number.press_sequentially("12")
    choice.select_option(index=0)
    focus(choice)  # focusing a control makes its cell the active one: measured once that has settled
    before = page.evaluate(_STATE)
    _press(page, ["ArrowDown"])
    assert _chosen(choice) == 1
    expect(choice).to_be_focused()
    _press(page, ["ArrowUp"])
    assert _chosen(choice) == 0
    expect(choice).to_be_focused()
    _press(page, NOTEBOOK_KEYS)
    assert page.evaluate(_STATE) == before, "a key pressed on a quiz option changed the notebook"
    assert box.evaluate("b => b.contains(document.activeElement)"), \
        f"the focus left the question, to {page.evaluate(_FOCUS)}"
    expect(number).to_have_value("12")  # Ctrl+Z on an option did not undo another answer
    number.fill("")
    choice.select_option(index=0)
    focus(choice)
    # Arrow down to the right answer, one Tab to Check (the list is one Tab stop), Enter: the kernel got the choice,
    # and focus stays on Check.
    for _ in range(order.index(q.answer)):
        _press(page, ["ArrowDown"])
    assert _chosen(choice) == order.index(q.answer)
    check = box.locator(".widget-button", has_text="Check")
    _press(page, ["Tab"])
    expect(check).to_be_focused()
    _press(page, ["Enter"])
    expect(box.locator(".kit-quiz-feedback")).to_contain_text("✔ Correct.", timeout=10_000)
    expect(check).to_be_focused()
    _press(page, NOTEBOOK_KEYS)
    assert page.evaluate(_STATE) == before, "a key pressed on the Check button changed the notebook"


def test_focus_ring_shows_on_the_blue_button(lab):
    page = lab.notebook(NB)
    box = _question(page, "ftc-quiet-change")
    focus(box.locator(".kit-choice select"))
    _press(page, ["Tab"])  # keyboard focus, as a keyboard user gets it
    check = box.locator(".widget-button.mod-primary", has_text="Check")
    expect(check).to_be_focused()
    ring = check.evaluate("""b => { const s = getComputedStyle(b);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                background: s.backgroundColor, offset: parseFloat(s.outlineOffset)}; }""")
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert ring["color"] != ring["background"] and ring["offset"] >= 1, ring


def test_dropdown_arrow_keys_change_the_choice_not_the_cell(lab):
    page = lab.notebook("03_opt_in_vs_opt_out.ipynb")  # the final quiz has no ordering question; exercise 4 has one
    box = _question(page, "biggest-change", load_quiz("03-exercise-4"))
    select = box.locator(".widget-dropdown select").first
    focus(select)
    before_state = page.evaluate(_STATE)
    value = select.input_value()
    _press(page, ["ArrowDown"])
    expect(select).not_to_have_value(value)
    expect(select).to_be_focused()
    _press(page, NOTEBOOK_KEYS)
    assert page.evaluate(_STATE) == before_state, "a key pressed on a dropdown changed the notebook"


def test_toggle_buttons_and_timeline_keep_keys_and_focus(lab):
    page = lab.notebook("01_the_slack_case.ipynb")
    toggle = page.locator(".widget-toggle-button", has_text="Workspace Owner").first
    focus(toggle)
    before = page.evaluate(_STATE)
    _press(page, ["Space"])
    expect(page.get_by_text("✔ Workspace Owner could make this choice.")).to_be_visible()
    _press(page, NOTEBOOK_KEYS + ["ArrowDown", "ArrowUp"])
    assert page.evaluate(_STATE) == before, "a key pressed on a toggle button changed the notebook"
    # The timeline's Last button disables itself: focus moves to Previous instead of falling to the page.
    timeline = page.locator(".kit-view", has=page.locator(".widget-button", has_text="Last")).first
    last = timeline.locator(".widget-button", has_text="Last")
    focus(last)
    _press(page, ["Enter"])
    expect(last).to_be_disabled()
    expect(timeline.locator(".widget-button", has_text="Previous")).to_be_focused()
    timeline.locator("select").select_option(index=0)  # leave the shared page as the other tests expect it
