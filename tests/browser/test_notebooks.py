"""Every notebook of both editions, in JupyterLab and in Notebook 7: runs top to bottom, shows no error, widgets
render and respond; the French edition's controls are labelled in French."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import VIEWS

ROOT = Path(__file__).resolve().parents[2]
FRENCH = sorted(f"fr/{p.name}" for p in (ROOT / "notebooks" / "fr").glob("*.ipynb"))
ENGLISH = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
# Both editions in JupyterLab; in Notebook 7 (the same widget manager, another page around it) every kind of view
# once (tests/browser/conftest.py): running the notebooks again there would repeat what JupyterLab shows.
WHERE = [("lab", n) for n in ENGLISH + FRENCH] + [("notebook7", VIEWS)]
pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("where", "name"), WHERE)
def test_notebook_runs_and_its_widgets_render(request, where, name):
    page = request.getfixturevalue(where).notebook(name)
    widgets = page.locator(".jp-OutputArea-output .widget-box, .jp-OutputArea-output .widget-html")
    expect(widgets.first).to_be_visible()
    # Every code cell that calls kit.show_… leaves a widget on the page.
    cells = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'code' && /kit\\.show_/.test(c.model.sharedModel.getSource())).length""")
    views = page.locator(".jp-Cell .jp-OutputArea-output:has(.jupyter-widgets)").count()
    assert views >= cells, f"{name}: {cells} cells show a view, but only {views} rendered"
    # One click on a button that is shown and not disabled must change what the notebook shows (a question asked
    # before discarding work stays hidden until then).
    buttons = page.locator(".widget-button:not([disabled]):visible, .widget-toggle-button:not([disabled]):visible")
    if buttons.count():
        before = page.locator(".jp-NotebookPanel .jp-OutputArea").all_inner_texts()
        buttons.first.click()
        expect(page.locator(".jp-NotebookPanel .jp-OutputArea")).not_to_have_text(before, timeout=10_000)


def test_timeline_steps_and_shows_sources(lab):
    page = lab.notebook("01_the_slack_case.ipynb")
    timeline = page.locator(".widget-vbox", has=page.locator("select")).first
    detail = timeline.locator(".kit-card").first
    timeline.locator("select").select_option(index=0)  # the page is shared: start from the first event
    expect(detail).to_contain_text("Event 1 of")
    expect(timeline.locator(".widget-button", has_text="Previous")).to_be_disabled()
    timeline.locator(".widget-button", has_text="Next").click()
    expect(detail).to_contain_text("Event 2 of")
    expect(detail).to_contain_text("Sources")
    timeline.locator("select").select_option(index=9)
    expect(detail).to_contain_text("Event 10 of")


def test_opt_out_role_switch(lab):
    page = lab.notebook("01_the_slack_case.ipynb")
    page.locator(".widget-toggle-button", has_text="Workspace Owner").click()
    expect(page.get_by_text("✔ Workspace Owner could make this choice.")).to_be_visible()
    page.locator(".widget-toggle-button", has_text="Member").click()
    expect(page.get_by_text("✘ Member (an individual user) could not make this choice.")).to_be_visible()


def _ui_strings(lang: str) -> dict[str, str]:
    def flat(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value
    return dict(flat(yaml.safe_load((ROOT / "data" / "ui" / f"{lang}.yaml").read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", FRENCH)
def test_french_notebook_speaks_french(lab, name):
    english, french = _ui_strings("en"), _ui_strings("fr")
    english_only = {text for key, text in english.items() if "{" not in text and text != french.get(key)}
    french_only = {text for key, text in french.items() if "{" not in text and text != english.get(key)
                   and len(text) > 5}
    page = lab.notebook(name)
    shown = "\n".join(page.locator(".jp-OutputArea-output").all_inner_texts())
    assert any(text in shown for text in french_only), f"{name}: no text from data/ui/fr.yaml on the page"
    controls = [text.strip() for text in page.locator(
        ".jp-OutputArea-output .widget-button, .jp-OutputArea-output .widget-toggle-button, "
        ".jp-OutputArea-output .widget-label, .jp-OutputArea-output .widget-checkbox").all_inner_texts()]
    leaked = sorted({text for text in controls if text in english_only})
    assert not leaked, f"{name}: controls still labelled in English: {leaked}"
