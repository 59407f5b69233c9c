"""Notebook 05's coding task in a real JupyterLab, in both editions: a student codes Slack on three dimensions,
compares, and reads what agrees in words; the comparison passes axe-core; the case list and every dimension's list
show their choices whole at 800 and 1280 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kit.cases import case_rows, load_cases
from kit.coding import DIMENSIONS, compare
from kit.i18n import set_language, t
from tests.browser.conftest import axe_scan, describe
from tests.browser.test_layout import _LISTS, _at_width

pytestmark = pytest.mark.browser

EDITIONS = [("05_beyond_slack.ipynb", "en"), ("fr/05_au_dela_de_slack.ipynb", "fr")]
CODED = {"default": "in", "who": "each", "steps": "2"}  # Slack: the default and the steps agree, who could act not


def _words(lang: str):
    """The words the view shows in ``lang``: the case's label, each dimension's label and chosen values, the
    comparison's summary, and the kit's own verdicts."""
    set_language(lang)
    try:
        cases = {c.meta.id: c for c in load_cases()}
        rows = {r["id"]: r for r in case_rows(list(cases.values()))}
        row = rows["slack-2024"]
        result = compare(row, cases["slack-2024"], CODED)
        coded = [c for c in result if c.agree is not None]
        return {
            "case": f"{row['company']} ({row['year']})",
            "labels": [t("coding.case"), *(t(f"coding.{d.id}") for d in DIMENSIONS)],
            "values": {d: t(f"coding.{d}_{v}") for d, v in CODED.items()},
            "summary": t("coding.summary", agree=sum(c.agree for c in coded), coded=len(coded)),
            "same": t("coding.same"), "differs": t("coding.differs"), "not_coded": t("coding.not_coded_mark"),
            "compare": t("coding.compare"),
        }
    finally:
        set_language("en")


@pytest.mark.parametrize(("name", "lang"), EDITIONS, ids=["en", "fr"])
def test_coding_slack_and_comparing_says_what_agrees(lab, name, lang):
    words = _words(lang)
    page = lab.notebook(name)
    view = page.locator(".jp-OutputArea-output .kit-coding").first
    lists = view.locator(".kit-choice select")  # the case, then one list per dimension
    expect(lists).to_have_count(1 + len(DIMENSIONS))
    case = lists.first.locator("option").filter(has_text=" ".join(words["case"].split()))
    expect(case).to_have_js_property("selected", True)  # the task starts with Slack
    for dimension, label in words["values"].items():
        i = 1 + [d.id for d in DIMENSIONS].index(dimension)
        option = lists.nth(i).locator("option").filter(has_text=" ".join(label.split()))
        expect(option).to_have_count(1)
        option.click()
        expect(option).to_have_js_property("selected", True)
    view.locator(".widget-button", has_text=words["compare"]).click()
    result = view.locator(".kit-coding-result")
    expect(result).to_contain_text(words["summary"], timeout=10_000)
    for said in ("same", "differs", "not_coded"):
        expect(result).to_contain_text(words[said])
    assert result.locator("table th[scope='col']").count() == 4  # dimension, yours, the kit's, the same?
    violations = axe_scan(page, ".jp-OutputArea-output .kit-coding")
    assert not violations, f"{name}, the comparison:\n{describe(violations)}"


@pytest.mark.parametrize(("name", "lang"), EDITIONS, ids=["en", "fr"])
def test_the_coding_views_lists_show_every_choice_whole(lab, name, lang):
    words = _words(lang)
    page = lab.notebook(name)
    cut = []
    try:
        for width in (800, 1280):
            _at_width(page, width)
            lists = page.evaluate(_LISTS, [words["labels"], [".kit-coding"]])
            assert sorted(x["label"] for x in lists) == sorted(words["labels"]), f"{name}: found {lists}"
            cut += [f"at {width} px, {x['label']} ({'list' if x['list'] else 'drop-down'}, {x['room']:.0f} px): "
                    + "; ".join(f"“{c}…”" for c in x["cut"]) for x in lists if x["cut"]]
    finally:
        _at_width(page, 1400)
    assert not cut, f"{name}:\n" + "\n".join(cut)
