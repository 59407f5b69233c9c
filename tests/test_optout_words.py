"""Issue 27 item 6: the opt-out view and the cases table say what the data says, in sentences that make sense.

What students met: "✘ Could not: Nothing recorded." for Slack's Primary Owner; "✘ LinkedIn could not make this choice.
The company." beside the LinkedIn member in notebook 05; Zoom with 0 steps in the chart and "? unknown" in the table
(its data says participants get a notice and the consent form goes to whoever switches the features on). Each is
asserted on what the view shows, in both languages, and the rules behind it on the logic.
"""

from __future__ import annotations

import pytest

import kit
from kit.cases import case_rows, individual_can_act, load_cases, opt_out_steps
from kit.content import case_ids, load_case
from kit.i18n import set_language, t
from kit.optout import contrast, is_company, student_roles
from kit.plots.cases import steps_alt
from kit.ui.cases import table_html
from kit.ui.optout import OptOutView
from tests.conftest import visible_text


@pytest.fixture(params=["en", "fr"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("en")


# --------------------------------------------------------------------------------------------------- the logic
def test_each_person_could_act_exactly_when_every_actor_but_the_company_may_choose():
    """The rule that fills in a case that does not say agrees with every case that does."""
    said = [c for c in load_cases() if c.meta.choice and c.meta.choice.individual_can_act is not None]
    assert len(said) >= 10
    for case in said:
        people = [a for a in case.meta.actors if not is_company(case, a)]
        derived = all(a.id in case.meta.choice.who_can_act for a in people)
        assert derived == case.meta.choice.individual_can_act, case.id


def test_zoom_participants_could_not_choose_and_have_no_steps():
    zoom = load_case("zoom-2023")
    assert zoom.meta.choice.individual_can_act is None  # the data leaves it to the rule
    assert individual_can_act(zoom) is False
    assert opt_out_steps(zoom) is None  # out by default, and only the admin's consent form decides for them


def test_a_default_out_that_each_person_chooses_takes_no_step():
    from dataclasses import replace

    zoom = load_case("zoom-2023")
    everyone = replace(zoom, meta=replace(zoom.meta, choice=replace(zoom.meta.choice, individual_can_act=True)))
    assert individual_can_act(everyone) is True and opt_out_steps(everyone) == 0


def test_the_other_side_is_a_person_never_the_company():
    for cid in case_ids():
        case = load_case(cid)
        if case.meta.choice is None:
            continue
        who = set(case.meta.choice.who_can_act)
        for actor in student_roles(case):
            other = contrast(case, actor.id)
            if other is None:
                continue
            assert not is_company(case, case.actor(other)), (cid, actor.id, other)
            assert (other in who) != (actor.id in who), (cid, actor.id, other)
    assert contrast(load_case("linkedin-2024"), "member") is None  # every member could choose: nobody else to show
    assert contrast(load_case("slack-2024"), "member") in {"primary-owner", "org-owner", "workspace-owner"}


# ----------------------------------------------------------------------------------------- what students see
def _words_of(view) -> str:
    return visible_text(view)


def _said(key: str, **kw) -> str:
    """The words of a UI string as :func:`visible_text` reads them (spaces of any width as one space)."""
    return " ".join(t(key, **kw).split())


def test_an_owner_who_could_is_not_told_what_they_could_not(lang):
    view = kit.show_opt_out("slack-2024", role="primary-owner")
    text = _words_of(view.chosen)
    assert _said("optout.can") in text
    assert _said("optout.nothing") not in text, text
    assert _said("optout.cannot") not in text, text  # the data records nothing a Primary Owner could not do


def test_linkedin_in_notebook_05_is_not_a_role_that_could_not_choose(lang):
    view = kit.show_opt_out("linkedin-2024")  # the cell of notebook 05
    assert isinstance(view, OptOutView)
    text = _words_of(view)
    company = load_case("linkedin-2024").actor("linkedin").name
    assert _said("optout.cannot_act", name=company) not in text, text
    assert _said("optout.can_act", name=company) not in text, text
    assert _said("optout.everyone_could") in text, text


def test_no_opt_out_view_shows_the_company_as_a_role(lang):
    for cid in case_ids():
        case = load_case(cid)
        if case.meta.choice is None or not case.meta.actors:
            continue
        view = OptOutView(case)
        for role in [v for _label, v in view.role.options]:
            view.role.value = role
            text = _words_of(view.chosen) + " " + _words_of(view.other)
            for actor in case.meta.actors:
                if is_company(case, actor) and len(student_roles(case)) < len(case.meta.actors):
                    assert _said("optout.can_act", name=actor.name) not in text, (cid, role, text)
                    assert _said("optout.cannot_act", name=actor.name) not in text, (cid, role, text)


def test_zoom_in_the_table_and_the_chart(lang):
    rows = [r for r in case_rows() if r["id"] == "zoom-2023"]
    html = table_html(rows)
    assert "✘ " + t("cases.answer_no") in html and t("cases.answer_unknown") not in html
    assert ">0<" not in html.replace(" ", "")
    alt = steps_alt(rows)
    assert t("cases.no_opt_out") in alt and ": 0" not in alt, alt


def test_where_only_the_company_could_choose_the_view_says_so(lang):
    google = load_case("google-2023")
    view = kit.show_opt_out("google-2023")
    assert view.role.value == "web-author"
    company = google.actor(google.meta.choice.who_can_act[0]).name
    assert _said("optout.only_they_could", who=company) in _words_of(view.other)
