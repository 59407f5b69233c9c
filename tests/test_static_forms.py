"""Every view also carries a static form: HTML of its current state and a one-line text beside the live widget.

What a reader sees where widgets cannot run (GitHub's preview, nbviewer, ``nbconvert``, the reading edition): first
from Python, view by view; then in each notebook executed and converted with ``jupyter nbconvert`` to HTML and to
Markdown.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys

import nbformat
import pytest

import kit
from kit.content.quiz import load_quiz
from kit.content.research import load_simulation
from kit.i18n import t

WIDGET = "application/vnd.jupyter.widget-view+json"
SHOW_ANSWER = "Show the answer"


def _bundle(view):
    b = view._repr_mimebundle_()
    assert WIDGET in b, "the live widget must stay in the output"
    for mime in ("text/html", "text/plain"):
        assert "children=(" not in b[mime] and "HTML(value=" not in b[mime], f"{mime} shows the Python repr"
    assert "\n" not in b["text/plain"].strip(), "the text form is one line"
    return b["text/html"], b["text/plain"]


def _first_question(quiz_id: str) -> str:
    return load_quiz(quiz_id).questions[0].text.split("\n")[0][:50]


def test_timeline_static_form_lists_every_event_with_sources_and_status():
    case = kit.load_case("slack-2024")
    body, text = _bundle(kit.show_case_timeline("slack-2024"))
    events = case.timeline
    positions = [body.find(html.escape(e.title, quote=True)) for e in events]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), "events missing or out of order"
    assert body.count(t("common.sources")) == len(events)
    assert body.count(t("status.heading")) >= len(events)
    assert f"{len(events)} events" in text


def test_quiz_static_form_has_questions_options_and_collapsed_answers():
    quiz = load_quiz("final")
    body, text = _bundle(kit.show_quiz("final"))
    for q in quiz.questions:
        assert html.escape(q.text.split("\n")[0][:50], quote=True) in body
    single = next(q for q in quiz.questions if q.type == "single")
    assert html.escape(single.option(single.answer).text, quote=True) in body
    assert body.count(f"<summary style='cursor:pointer'><strong>{SHOW_ANSWER}</strong>") == len(quiz.questions)
    assert "<details" in body and "<script" not in body
    assert f"{len(quiz.questions)} questions" in text


def test_claim_checker_static_form_has_statements_sentences_and_model_answers():
    body, text = _bundle(kit.show_claim_checker("slack-2024"))
    assert body.count(SHOW_ANSWER) == 9 and t("claims.model_evidence") in body
    assert "before.p1.s2" in body  # the policy sentence ids the statements are read against
    assert "public statements" in text


@pytest.mark.parametrize("call, expected", [
    (lambda: kit.show_version_comparer("slack-2024"), ["<ins class='kit-ins'", "<del class='kit-del'", "[+",
                                                       "sentences changed"]),
    (lambda: kit.show_vocabulary("slack-2024"), ["<table class='kit-counts'", "<mark class='kit-term'"]),
    (lambda: kit.show_simulation(), ["<img src='data:image/svg+xml;base64,", "alt='", "<figcaption", "kit-sim-0",
                                     "Want in (%)"]),
    (lambda: kit.show_default_effects(), ["<img src='data:image/svg+xml;base64,", "<figcaption", "<table"]),
    (lambda: kit.show_checklist("slack-2024"), ["Freely given", SHOW_ANSWER, "The model&#x27;s reason"]),
    (lambda: kit.show_cases_table(), ["<table class='kit-cases'", "Slack", "Zoom"]),
    (lambda: kit.show_case_plots(), ["<img src='data:image/svg+xml;base64,", "<figcaption"]),
    (lambda: kit.show_opt_out("slack-2024"), ["Who could opt out", "Member"]),
    (lambda: kit.show_timeline_plot("slack-2024"), ["<img src='data:image/svg+xml;base64,", "<figcaption"]),
    (lambda: kit.show_case_summary("slack-2024"), ["Slack"]),
    (lambda: kit.show_status_key(), [t("status.heading")]),
    (lambda: kit.show_questions("slack-2024"), ["<ol>"]),
    (lambda: kit.show_law("gdpr-art-7-3"), ["GDPR Article 7(3)"]),
    (lambda: kit.show_regimes(), ["<table class='kit-regimes'", "Public posts under three regimes",
                                  "A photographer&#x27;s images under three regimes", "Rests on"]),
    (lambda: kit.show_coding(), ["Who could opt out or object, and for whom?", SHOW_ANSWER, "<table class='kit-coding'",
                                 "from choice.default"]),
    (lambda: kit.show_case_timeline("no-such-case"), ["no-such-case"]),
], ids=["compare", "vocabulary", "simulation", "default-effects", "checklist", "cases-table", "case-plots",
        "opt-out", "timeline-plot", "case-summary", "status-key", "questions", "law", "regimes", "coding", "error"])
def test_every_view_has_a_static_form(call, expected):
    body, text = _bundle(call())
    for snippet in expected:
        assert snippet in body, f"static form lacks {snippet!r}"
    assert text.strip()


def test_static_form_follows_the_current_state():
    view = kit.show_simulation()
    view.apply_preset("opt-in")
    body, text = _bundle(view)
    assert load_simulation().preset("opt-in").label in text and view.numbers.value in body


# ------------------------------------------------------------------------------------------------- nbconvert
def _expected() -> dict[str, tuple[list[str], list[str]]]:
    """Per notebook: text a reader must see, and markup that must be there (figures, tables, folded answers)."""
    slack, meta = kit.load_case("slack-2024"), kit.load_case("meta-2024")
    return {
        "00_start_here": ([t("status.heading"), slack.meta.title], []),
        "01_the_slack_case": ([slack.timeline[0].title, t("optout.title"), _first_question("01-slack-case"),
                               SHOW_ANSWER], ["<figcaption", "<details"]),
        "02_policy_vs_statements": (["sentences changed", _first_question("02-policy"), t("claims.model_evidence")],
                                    ["<mark class", "<ins class"]),
        "03_opt_in_vs_opt_out": ([t("defaults.title"), t("defaults.sim.title"), _first_question("03-defaults")],
                                 ["<img ", "alt="]),
        "04_consent_and_the_law": ([t("law.title"), "Freely given", SHOW_ANSWER], ["<details"]),
        "05_beyond_slack": ([meta.timeline[0].title, "Zoom"], ["<table class=", "<figcaption"]),
        "06_consent_in_2026": (["Three regimes, one dataset", "Workplace messages under three regimes",
                                _first_question("06-regimes"), SHOW_ANSWER],
                               ["<table class=", "<caption", "<details"]),
        "07_audit": (["Step 1. Paste the texts", "Who acts?", "Objection possible at any time", "Step 6. The report",
                      t("audit.rubric_caption"), t("audit.show_example")], ["kit-rubric", "<details"]),
        "08_final_quiz": ([_first_question("final"), SHOW_ANSWER], ["<details"]),
    }


@pytest.fixture(scope="module")
def converted(executed_notebooks, tmp_path_factory):
    """Each executed notebook written out, then converted by the ``jupyter nbconvert`` command to HTML and Markdown."""
    folder = tmp_path_factory.mktemp("converted")
    paths = []
    for path, nb in executed_notebooks["en"]:
        target = folder / path.name
        nbformat.write(nb, target)
        paths.append(target)
    for fmt in ("html", "markdown"):
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", fmt, "--log-level=WARN",
                        *map(str, paths)], check=True, cwd=folder)
    return folder


def _visible(page: str) -> str:
    """The page without scripts and style sheets: what a reader's browser shows (nbconvert's own scripts aside)."""
    return re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S | re.I)


def _text(markup: str) -> str:
    """The words of some HTML, entities decoded and white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.parametrize("stem", sorted(_expected()))
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_converted_notebook_shows_every_view_statically(converted, stem, fmt):
    text = (converted / f"{stem}.{fmt}").read_text(encoding="utf-8")
    shown = _visible(text) if fmt == "html" else text
    words, markup = _expected()[stem]
    for snippet in words:
        assert " ".join(snippet.split()) in _text(shown), f"{stem}.{fmt}: the static content {snippet!r} is missing"
    for snippet in markup:
        assert snippet in shown, f"{stem}.{fmt}: no {snippet!r} in the static content"
    assert "children=(" not in text, f"{stem}.{fmt} shows a widget's Python repr"
    assert "Traceback" not in shown and "Error displaying widget" not in shown


def test_a_views_bundle_is_made_without_its_python_repr_which_stays_ipywidgets_own(monkeypatch):
    import ipywidgets

    view = kit.show_quiz("02-vocabulary")
    full = repr(view)
    assert full.startswith("QuizView(") and "children=(" in full
    monkeypatch.setattr(ipywidgets.Widget, "__repr__", lambda self: pytest.fail("the bundle made the view's repr"))
    bundle = view._repr_mimebundle_()
    assert bundle[WIDGET]["model_id"] == view.model_id and bundle["text/plain"] == view.static_text()
    monkeypatch.undo()
    assert repr(view) == full
