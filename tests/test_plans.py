"""Lesson plans (issue 22): every plan adds up, names material and checks that exist, and takes the minutes of kit
material from the estimator; a plan that does not is named by kit check, file, line and field."""

from __future__ import annotations

import re

import pytest

from kit.checks import check_all
from kit.content.plans import load_plans
from kit.plans import KitCheck, load_unit, planned, problems, whole_minutes


def test_every_plan_adds_up_and_names_only_what_exists():
    plans = load_plans()
    assert [m for _r, _f, m in problems(plans)] == []
    worked = planned(plans, load_unit())
    assert {p.id for p in plans.plans} >= {"two-sessions", "one-period", "law-class", "computing-class",
                                           "self-study", "homework-split"}
    for plan, sessions in zip(plans.plans, worked, strict=True):
        assert sum(s.minutes for s in sessions) == plan.minutes, plan.id
        for s in sessions:
            assert s.minutes == s.session.minutes and s.rows[-1].end == s.session.minutes, (plan.id, s.session.id)
            assert all(r.check is not None for r in s.rows), (plan.id, s.session.id)


def test_kit_material_takes_the_estimators_minutes():
    unit = load_unit()
    for sessions in planned(load_plans(), unit):
        for s in sessions:
            for r in s.rows:
                if r.row.notebook:
                    assert r.cells, (s.session.id, r.row.cells)
                    assert r.minutes == whole_minutes(sum(c.minutes for c in r.cells))
                else:
                    assert r.minutes == r.row.minutes
                if isinstance(r.check, KitCheck):
                    assert unit.cell(r.check.notebook, r.check.cell).check


@pytest.fixture
def repo_copy(tmp_path, monkeypatch):
    """The content with the notebooks beside it, as in the repository (the plans are checked against them)."""
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    monkeypatch.setenv("KIT_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.mark.parametrize("old, new, field, message", [
    ("            minutes: 8\n            prompts: [policy-reflection/clarification-or-change]",
     "            minutes: 9\n            prompts: [policy-reflection/clarification-or-change]",
     "minutes", "the rows add up to 91 minutes ("),
    ("            cells: [c07..c08]\n            check: 02/c08",
     "            cells: [c07..c88]\n            check: 02/c08",
     "cells", "no cell 'c88' that students see in notebook 02"),
    ("            cells: [c00..c07]\n            check: report-back",
     "            cells: [c00..c07]\n            check: 01/c07",
     "check", "'01/c07' (kit.show_opt_out(\"slack-2024\")) is not a check"),
    ("            check: show-of-hands", "            check: show-hands", "check", "unknown check 'show-hands'"),
    ("prompts: [policy-reflection/clarification-or-change]", "prompts: [policy-reflection/nothing]", "prompts",
     "unknown prompt 'policy-reflection/nothing'"),
    ("            notebook: \"01\"\n            cells: [c08..c09]",
     "            notebook: \"09\"\n            cells: [c08..c09]", "notebook", "no notebook 09_*.ipynb"),
])
def test_a_plan_that_is_wrong_is_named_by_kit_check(repo_copy, old, new, field, message):
    data_copy = repo_copy
    path = data_copy / "plans.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _counts, found = check_all(data_copy)
    mine = [p for p in found if p.file.endswith("plans.yaml")]
    assert any(p.field.endswith(field) and message in p.message for p in mine), [str(p) for p in mine]
    assert all(re.search(r"plans\.yaml, line \d+", str(p)) for p in mine)


def test_an_activity_needs_a_verdict_for_every_condition_of_its_basis(repo_copy):
    data_copy = repo_copy
    path = data_copy / "plans.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - condition: demonstrable")
    end = text.index("    summary:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    _counts, found = check_all(data_copy)
    assert any("no verdict for demonstrable" in p.message for p in found), [str(p) for p in found][-5:]
