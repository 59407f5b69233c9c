"""The notebook-01 views, driven from Python as a student would: click, pick, read what the view shows."""

from __future__ import annotations

import ipywidgets as w
import pytest
from conftest import visible_text

import kit
from kit.ui.optout import OptOutView
from kit.ui.timeline import TimelineView


@pytest.fixture
def timeline():
    return kit.show_case_timeline("slack-2024")


@pytest.fixture
def events():
    """The events as the timeline orders them, worked out from the content (not copied from it)."""
    return kit.load_case("slack-2024").timeline


def test_timeline_starts_at_the_first_event(timeline, events):
    assert isinstance(timeline, TimelineView)
    shown = visible_text(timeline.detail)
    assert f"Event 1 of {len(events)}" in shown
    assert events[0].date.human() in shown
    assert timeline.previous_button.disabled and timeline.first_button.disabled
    assert not timeline.next_button.disabled


def test_next_and_previous_step_through_events(timeline, events):
    timeline.next_button.click()
    assert f"Event 2 of {len(events)}" in visible_text(timeline.detail)
    assert timeline.picker.value == 1
    timeline.previous_button.click()
    assert f"Event 1 of {len(events)}" in visible_text(timeline.detail)


def test_last_and_first_jump_and_disable_the_ends(timeline, events):
    timeline.last_button.click()
    assert events[-1].title in visible_text(timeline.detail)
    assert timeline.next_button.disabled and timeline.last_button.disabled
    timeline.first_button.click()
    assert f"Event 1 of {len(events)}" in visible_text(timeline.detail)


def test_picking_an_event_shows_what_who_quote_sources_and_status(timeline):
    index = next(i for i, (label, _) in enumerate(timeline.picker.options) if "Slack replies on X" in label)
    timeline.picker.value = index
    html = timeline.detail.value
    assert "Slack replies on X" in html
    assert "customers can exclude their data" in html  # the quote
    assert "NewsBytes" in html and "https://newsbytesapp.com/" in html  # the source
    assert "◐ Seen only in a copy or quotation" in html  # status in words and a symbol
    assert "About the date" in html


def test_conflicting_dates_are_shown(timeline):
    index = next(i for i, (label, _) in enumerate(timeline.picker.options) if "rewritten" in label)
    timeline.picker.value = index
    assert "TidBITS says" in timeline.detail.value


def test_every_control_has_a_readable_description(timeline):
    for b in (timeline.first_button, timeline.previous_button, timeline.next_button, timeline.last_button):
        assert b.description.strip() and b.tooltip.strip()
    assert timeline.picker.description == "Event"


def test_opt_out_view_starts_from_the_member_who_could_not_act():
    view = kit.show_opt_out("slack-2024")
    assert isinstance(view, OptOutView)
    assert view.role.value == "member"
    assert "✘ Member (an individual user) could not make this choice." in view.chosen.value
    assert "✔ Primary Owner could make this choice." in view.other.value
    assert "Default: included" in view.summary.value
    assert "feedback@slack.com" in view.summary.value


def test_switching_role_marks_the_owners_steps_as_yours():
    view = kit.show_opt_out("slack-2024")
    view.role.value = "workspace-owner"
    assert "✔ Workspace Owner could make this choice." in view.chosen.value
    assert view.chosen.value.count("◆ this is you") == 2
    assert "✘ Member (an individual user) could not make this choice." in view.other.value


def test_timeline_plot_has_alt_text_and_caption():
    out = kit.show_timeline_plot("slack-2024")
    assert isinstance(out, w.HTML)
    assert "<img src='data:image/svg+xml;base64," in out.value
    assert "alt='A timeline of 15 events from October 2020 to 20 May 2024" in out.value
    assert "<figcaption" in out.value


def test_timeline_figure_is_built_from_the_data():
    from kit.plots.timeline import timeline_figure

    case = kit.load_case("slack-2024")
    from tests import svgfig

    numbers = [n for n, _box, _face in svgfig.markers(timeline_figure(case))]
    assert sorted(numbers) == list(range(1, 16))  # every event is drawn once, numbered as in the timeline


def test_a_typo_in_a_case_id_shows_a_message_not_a_traceback():
    out = kit.show_case_timeline("slak-2024")
    assert isinstance(out, w.HTML)
    assert "no case &#x27;slak-2024&#x27;" in out.value and "slack-2024" in out.value


def test_broken_content_shows_the_problem_in_the_notebook(data_copy):
    path = data_copy / "cases" / "slack-2024" / "timeline.yaml"
    path.write_text(path.read_text().replace("date: 2024-05-16", "date: 2024-05-32", 1))
    out = kit.show_case_timeline("slack-2024")
    assert isinstance(out, w.HTML)
    assert "timeline.yaml" in out.value and "field &#x27;date&#x27;" in out.value


def test_content_text_is_escaped_not_run(mini_case):
    path = mini_case / "timeline.yaml"
    path.write_text(path.read_text().replace("Example Co changed its policy.",
                                             "'<script>alert(1)</script> <img src=x onerror=alert(2)>'"))
    view = kit.show_case_timeline(str(mini_case))
    assert "<script>" not in view.detail.value and "<img src=x" not in view.detail.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.detail.value


def test_questions_come_from_the_data():
    out = kit.show_questions("slack-2024")
    case = kit.load_case("slack-2024")
    assert len(case.meta.questions) >= 2
    for q in case.meta.questions:
        assert q[:40].replace("'", "&#x27;").replace('"', "&quot;") in out.value


def test_a_primary_owner_is_not_told_a_workspace_owners_step_is_them():
    """Issue 16, item 8: the steps are written for a Workspace Owner; a Primary Owner may take them too."""
    view = kit.show_opt_out("slack-2024")
    view.role.value = "primary-owner"
    assert "◆ this is you" not in view.chosen.value
    assert view.chosen.value.count("◇ open to you too") == 2


def test_the_company_is_not_a_role_and_nothing_recorded_is_said_once():
    view = kit.show_opt_out("linkedin-2024")
    assert [v for _label, v in view.role.options] == ["member"]  # never "you are LinkedIn, the company"
    # beside the member: nobody is on the other side of the choice (issue 27 item 6), not "LinkedIn could not"
    assert "Every person this choice concerns could make it for themselves" in view.other.value
    assert "LinkedIn could not" not in view.other.value and "Nothing recorded." not in view.other.value
