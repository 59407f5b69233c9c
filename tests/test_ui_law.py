"""Drive the checklist and the cases filters from Python, as a student would."""

from __future__ import annotations

import kit


def test_checklist_marks_and_compares():
    view = kit.show_checklist("slack-2024")
    row = next(r for r in view.rows if r.condition.id == "affirmative-act")
    row.verdict.value = "met"
    row.reason.value = "They could email."
    view.compare_button.click()
    assert "✘" in row.feedback.value and "You said met; the model says not met" in row.feedback.value
    assert "You agree with the model on 0 of 7" in view.summary.value
    row.verdict.value = "not-met"
    view.compare_button.click()
    assert "✔" in row.feedback.value
    assert all(r.verdict.description and r.reason.description for r in view.rows)


def test_picking_another_mechanism_rebuilds_the_conditions():
    view = kit.show_checklist()
    view.picker.value = "meta-2024"
    assert [r.condition.id for r in view.rows] == ["objection-brought-to-attention", "objection-effective"]
    assert "legitimate interest" in view.mechanism.value


def test_unknown_case_gives_a_message_not_a_traceback():
    assert "no model assessment" in kit.show_checklist("nobody").value


def test_cases_filters_update_the_table():
    view = kit.show_cases_table()
    assert "12 of 12" in view.count.value or "of" in view.count.value
    view.region.value = "europe"
    assert "Meta" in view.table.value and "Slack" not in view.table.value
    view.region.value = ""
    view.year.value = (2025,)
    assert "Anthropic" in view.table.value and "Zoom" not in view.table.value
    view.year.value = (2023,)
    view.mechanism.value = "pop-up"
    assert "No case matches" in view.table.value
    assert all(c.description for c in (view.year, view.default, view.mechanism, view.region, view.permission))


def test_table_escapes_content(monkeypatch):
    from kit.cases import cases_frame
    from kit.ui.cases import table_html

    df = cases_frame()
    df.loc[0, "company"] = "<script>alert(1)</script>"
    assert "&lt;script&gt;" in table_html(df) and "<script>" not in table_html(df)


def test_plots_follow_the_filters():
    view = kit.show_case_plots()
    assert len(view.figures.children) == 3 and "alt=" in view.figures.children[0].value
    view.mechanism.value = "form"
    assert "Meta" in view.figures.children[2].value and "Slack" not in view.figures.children[2].value


def test_law_view_shows_texts_and_statuses():
    html = kit.show_law(["gdpr-art-7-3", "edpb-guidelines-05-2020"]).value
    assert "as easy to withdraw as to give consent" in html and "No exact wording is quoted" in html
    assert "Seen only in a copy" in html


def test_law_shows_the_plain_reading_first_and_exact_words_on_demand():
    """Issue 16, item 8: notebook 04 showed ~4,200 words of legal text before its exercise."""
    html = kit.show_law(["gdpr-art-7-3"]).value
    assert html.index("In plain words") < html.index("Exact words")
    exact = html.index("Exact words")
    assert html.rfind("<details", 0, exact) > html.rfind("</details>", 0, exact)  # inside a closed fold-out
    assert "<details open" not in html


def test_steps_chart_does_not_say_admin():
    from kit.i18n import t

    assert "admin" not in t("cases.not_individual")


def test_cases_table_shows_a_summary_and_each_case_on_demand():
    """Issue 16, item 5: ten columns made notebook 05's table ~6,300 px tall and cut its last column."""
    view = kit.show_cases_table()
    html = view.table.value
    # six columns: the fifth of issue 16 and, since issue 24, licence or consent
    assert html.count("<th ") == 6 and html.count("<details>") == len(view.filtered)
    assert "Licence or consent" in html and "Why (licence or consent)" in html
    assert "Outcome" in html and "How sure" in html  # inside each case's fold-out, not as columns
