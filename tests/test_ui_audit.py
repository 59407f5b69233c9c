"""The audit's views (kit/ui/audit.py), driven from Python as a student would use them: a whole audit of a service the
kit does not ship, kept as it is entered and back after a restart, every bad paste said in the view and nothing lost,
the report downloaded in both formats, the rubric's self-scoring before the worked example, and the static forms the
reading edition shows."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import unquote

import pytest
from conftest import FIXTURES, visible_text

import kit
from kit import audit as A
from kit import writing
from kit.audit_report import read_report
from kit.content.audit import load_audit
from kit.content.language import speaking

POLICY = (FIXTURES / "audit" / "policy.txt").read_text(encoding="utf-8")
STATEMENTS = (FIXTURES / "audit" / "statements.txt").read_text(encoding="utf-8").split("\n---\n")


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    return tmp_path / "saved"


def notebook():
    """Notebook 07's kit calls, in its order."""
    return {step: kit.show_audit(step) for step in ("paste", "reading", "claims", "checklist", "redesign",
                                                     "report")}


def restart():
    writing.clear()


def fill(views, statements=2):
    paste = views["paste"]
    paste.service.value = "Quillnote's “Help improve Quillnote” setting"
    paste.policy.value = POLICY
    boxes = [c for c in paste.children if isinstance(c, kit.ui.widgets.Text)]  # the where / read-on lines
    wheres = [b for b in boxes if b.description == "Where it came from"]
    dates = [b for b in boxes if b.description == "Read on"]
    for n in range(statements + 1):
        wheres[n].value = "https://quillnote.example/privacy" if n == 0 else "Quillnote help centre"
        dates[n].value = "2025-03-14"
    for n in range(statements):
        paste.statements[n].value = STATEMENTS[n]
    reading = views["reading"]
    for box in [c for c in reading.children if isinstance(c, kit.ui.widgets.Textarea)]:
        box.value = "Sentence 3 says who acts."
    claims = views["claims"]
    for row in claims.rows:
        row.claim.value = f"The claim of statement {row.n}."
        row.verdict.value = "contradicted"
        row.evidence.value = "4, 6"
        row.why.value = "The policy trains on documents by default."
    checklist = views["checklist"]
    checklist.basis.value = "legitimate-interest"
    for row in checklist.rows:
        row.verdict.value = "unclear"
        row.reason.value = "The passage does not say.\n\nA second paragraph."
    for box in [c for c in views["redesign"].children if isinstance(c, kit.ui.widgets.Textarea)]:
        box.value = "Off until each person turns it on."


def data_uri(html: str, fmt: str) -> tuple[str, str]:
    m = re.search(rf"download='([^']+)' href='data:text/{'html' if fmt == 'html' else 'markdown'};charset=utf-8;"
                  r"base64,([^']+)'", html)
    assert m, html
    return m.group(1), base64.b64decode(m.group(2)).decode("utf-8")


def test_a_whole_audit_of_a_service_the_kit_does_not_ship_and_its_report(answers_dir):
    views = notebook()
    views["paste"].keep.student.value = "Ada Lovelace"
    fill(views)
    reading = visible_text(views["reading"])
    assert "The policy passage, 9 numbered sentences" in reading
    assert "For business accounts, an administrator decides for the whole organisation." in reading
    marks = re.findall(r"<mark class='kit-term' data-term='([^']+)'", views["reading"].text.value)
    assert {"default", "generative", "train"} <= set(marks), marks
    row = views["claims"].rows[0]
    assert "4. We use this content to train and improve the models" in visible_text(row.echo)
    assert "Sentences that share words with it" in visible_text(row.statement)
    assert "7 of 7 conditions have a verdict and a reason." in visible_text(views["checklist"])
    report = views["report"]
    assert "✔ Paste the texts: complete" in visible_text(report.state)
    assert "◐" not in visible_text(report.state) and "…" not in visible_text(report.state)
    report.make_button.click()
    assert "Every step is complete." in visible_text(report.status)
    name, page = data_uri(report.downloads.value, "html")
    assert name == "audit-report-Ada-Lovelace.html" and read_report(page).edited is False
    assert "By Ada Lovelace" in page and "We use this content to train" in page
    name, md = data_uri(report.downloads.value, "md")
    assert name == "audit-report-Ada-Lovelace.md" and md.startswith("# Audit: Quillnote")
    assert "The claim of statement 2." in visible_text(report.preview)
    [c for c in views["redesign"].children if isinstance(c, kit.ui.widgets.Textarea)][-1].value = "A changed cost."
    assert "changed since the report was made" in visible_text(report.status)


def test_a_half_finished_audit_is_saved_as_entered_and_comes_back_after_a_restart(answers_dir):
    views = notebook()
    views["paste"].keep.save_box.value = True
    views["paste"].policy.value = POLICY
    views["paste"].statements[0].value = STATEMENTS[0]
    views["claims"].rows[0].evidence.value = "4"
    views["checklist"].basis.value = "not-said"
    views["checklist"].tested.value = "consent"
    views["checklist"].rows[0].reason.value = "Nobody is asked."
    saved = json.loads((answers_dir / "answers-audit.json").read_text(encoding="utf-8"))["answers"]
    assert saved["audit:claim:1:evidence"]["response"] == [A.policy_sentences(POLICY)[3].text]
    assert saved["audit:basis:tested"]["response"] == "consent"

    restart()
    views = notebook()  # Run All after the restart
    assert "Restored your saved answers" in visible_text(views["paste"].keep)
    assert views["paste"].policy.value == POLICY and views["paste"].statements[0].value == STATEMENTS[0]
    assert views["claims"].rows[0].evidence.value == "4"
    assert views["checklist"].tested.value == "consent" and views["checklist"].tested.layout.display is None
    assert views["checklist"].rows[0].condition.id == "freely-given"
    assert views["checklist"].rows[0].reason.value == "Nobody is asked."
    assert "The checklist: started" in visible_text(views["report"].state)

    restart()  # the views shown before the file is read (the keep box's cell run last) are filled too
    later = {s: kit.show_audit(s) for s in ("claims", "checklist")}
    kit.show_audit("paste")
    assert later["claims"].rows[0].evidence.value == "4" and later["checklist"].rows[0].reason.value


def test_a_paste_of_one_megabyte_is_refused_in_the_view_and_nothing_is_lost(answers_dir):
    views = notebook()
    paste = views["paste"]
    paste.policy.value = POLICY
    paste.policy.value = "x" * 1_048_576
    said = visible_text(paste.notes[A.key("policy")])
    assert "✘ This paste is 1,048,576 characters long; the audit takes at most 20,000" in said
    assert "Your audit keeps the text you entered here before." in said
    assert writing.get(A.key("policy")) == POLICY and len(paste.policy.value) == 1_048_576  # kept, and in its box
    assert "9 numbered sentences" in visible_text(views["reading"])


def test_html_or_script_pasted_is_shown_as_text_and_said(answers_dir):
    views = notebook()
    hostile = "We train on <b>everything</b>.<script>alert('x')</script> <img src=x onerror=alert(1)>"
    views["paste"].policy.value = hostile
    views["paste"].statements[0].value = "<iframe src='https://evil.example'></iframe> We never train."
    assert "holds HTML or script (<b> <script> <img src=x onerror=alert(1)>)" in visible_text(
        views["paste"].notes[A.key("policy")])
    for view in views.values():
        for widget in _html_widgets(view):
            assert not re.search(r"<(script|iframe|img|b)\b", widget.value), widget.value
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in views["reading"].text.value


def _html_widgets(view):
    for child in getattr(view, "children", ()):
        if isinstance(child, kit.ui.widgets.HTML):
            yield child
        yield from _html_widgets(child)


def test_empty_and_unbroken_and_foreign_pastes_are_said_in_the_view(answers_dir):
    views = notebook()
    paste = views["paste"]
    paste.policy.value = " \u200b "
    assert "Only spaces or invisible characters" in visible_text(paste.notes[A.key("policy")])
    assert "Paste the policy passage in step 1 first" in visible_text(views["reading"])
    paste.policy.value = "we use your data to train our models " * 30
    assert "Sentence 1 runs to 240 words" in visible_text(paste.notes[A.key("policy")])
    paste.policy.value = POLICY
    paste.statements[2].value = STATEMENTS[2]
    assert "seems to be in German, the policy in English" in visible_text(paste.notes[A.key("statement", 3)])
    paste.statements[2].value = ""
    assert views["claims"].rows == [] and "Paste at least one public statement" in visible_text(views["claims"])


def test_evidence_typed_wrong_is_said_and_the_evidence_before_is_kept(answers_dir):
    views = notebook()
    views["paste"].policy.value = POLICY
    views["paste"].statements[0].value = STATEMENTS[0]
    row = views["claims"].rows[0]
    row.evidence.value = "4"
    row.evidence.value = "12"
    assert "The passage has 9 sentences: there is no sentence 12." in visible_text(row.echo)
    assert writing.get(A.key("claim", 1, "evidence")) == [A.policy_sentences(POLICY)[3].text]
    views["paste"].policy.value = "A new first sentence.\n\n" + POLICY  # the evidence follows its sentence
    assert row.evidence.value == "5" and "5. We use this content" in visible_text(row.echo)
    views["paste"].policy.value = POLICY.replace("We use this content", "We may use this content")
    assert "no longer in the policy passage" in visible_text(row.echo) and row.evidence.value == ""


def test_a_file_edited_by_hand_is_read_as_far_as_it_fits_and_the_rest_is_named(answers_dir):
    views = notebook()
    doc = {"format": "consent-kit-answers", "version": 1, "quiz": "audit", "student": None, "answers": {
        "audit:policy": {"response": POLICY}, "audit:claim:1:verdict": {"response": "maybe"},
        "audit:statement:1": {"response": STATEMENTS[0]}, "audit:basis": {"response": ["consent"]}}}
    assert views["paste"].keep.load_text(json.dumps(doc), "edited.json")
    assert views["paste"].policy.value == POLICY and views["claims"].rows[0].verdict.value is None
    said = visible_text(views["claims"])
    assert "The saved entry audit:claim:1:verdict holds 'maybe', which is not one of" in said
    assert "audit:basis" in visible_text(views["checklist"]) and "audit:basis" not in said
    assert writing.get("audit:claim:1:verdict") == "maybe"  # kept in the file, as it was


def test_a_report_given_to_load_answers_is_named_and_nothing_changes(answers_dir):
    views = notebook()
    fill(views, statements=1)
    views["report"].make_button.click()
    _name, page = data_uri(views["report"].downloads.value, "md")
    before = writing.entries()
    assert not views["paste"].keep.load_text(page.encode(), "audit-report.md")
    assert "audit-report.md is an audit report, for reading and handing in" in visible_text(views["paste"].keep)
    assert not views["paste"].keep.load_text(page.replace("Off until", "On until"), "mine.md")
    assert "mine.md is an audit report that was changed after the kit made it" in visible_text(views["paste"].keep)
    assert writing.entries() == before


def test_the_rubric_shows_the_worked_example_after_the_reader_scores_their_own(answers_dir):
    view = kit.show_audit_rubric()
    assert not view.show_example()
    assert "Score your audit on every criterion first: Evidence from the text; Correct use" in visible_text(view)
    assert view.example_html.value == ""
    for c in load_audit().rubric.criteria:
        view.choices[c.id].value = 3
    assert view.show_example()
    shown = visible_text(view.example_html)
    assert "Worked example: A worked example, written by the kit's authors" in shown
    assert "Fairness to the company's reading: Good (3 of 4)" in shown
    assert "Slack" in shown and "sentence 5" in shown
    assert writing.get(A.key("self", "law")) == 3  # the reader's own scores are kept with the audit


def test_each_view_has_a_static_form_for_the_reading_edition():
    views = notebook()
    for step, view in views.items():
        bundle = view._repr_mimebundle_()
        assert bundle["text/plain"].startswith(f"Step {A.STEP_NUMBERS[step]}."), bundle["text/plain"]
        assert "Widget" not in bundle["text/html"] and "VBox(" not in bundle["text/html"]
    assert "Who acts?" in views["reading"]._repr_mimebundle_()["text/html"]
    assert "Objection possible at any time" in views["checklist"]._repr_mimebundle_()["text/html"]
    rubric = kit.show_audit_rubric()._repr_mimebundle_()
    assert rubric["text/plain"] == "The audit's rubric: 4 criteria, 4 levels, and a worked example"
    assert "<details class='kit-audit-example'" in rubric["text/html"] and "How this example scores" in unquote(
        rubric["text/html"])


def test_the_french_views_speak_french():
    with speaking("fr"):
        paste = kit.show_audit("paste")
        rubric = kit.show_audit_rubric()
    text = visible_text(paste)
    assert "Étape 1. Coller les textes" in text and "Provenance" in text and "Lu le" in text
    assert "Where it came from" not in text and "Paste the texts" not in text
    assert "Évaluer votre propre audit" in visible_text(rubric) and "Satisfaisant" in visible_text(rubric)


def test_a_step_that_does_not_exist_is_one_line():
    view = kit.show_audit("pasta")
    assert visible_text(view) == ("⚠ no audit step 'pasta' (there are: paste, reading, claims, checklist, redesign, "
                                  "report)")


def test_a_mistake_in_the_audits_content_is_a_message_and_its_words_are_never_markup(data_copy):
    path = data_copy / "audit.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    label: Excellent\n", "    label: <b>Excellent</b><script>x()</script>\n"),
                    encoding="utf-8")
    view = kit.show_audit_rubric()
    assert "<b>Excellent</b><script>x()</script> (4)" in visible_text(view)
    assert "<script>x()" not in view.children[0].value
    path.write_text(text.replace("  - id: redesign\n    title: Redesign\n", "  - id: redesign\n"), encoding="utf-8")
    for out in (kit.show_audit("paste"), kit.show_audit_rubric()):
        shown = visible_text(out)
        assert "kit-error" in out._dom_classes and "audit.yaml" in shown and "'title'" in shown, shown
