"""Notebook 04's short checks (issue 23): one quiz after each group of legal texts, each a few scenario questions
that ask students to apply a condition to a mechanism the texts do not describe, never to recall a number or a date;
every source a legal text's official page."""

from __future__ import annotations

import json

import pytest
import yaml

from kit.content.law import official_host
from kit.content.quiz import load_quiz, quiz_ids
from tests.conftest import ROOT

GROUPS = ["04-consent", "04-at-work", "04-legitimate-interest", "04-us"]


def test_each_group_of_legal_texts_has_its_quiz():
    assert set(GROUPS) <= set(quiz_ids())


@pytest.mark.parametrize("quiz_id", GROUPS)
def test_a_group_quiz_is_short_scenario_questions_with_feedback(quiz_id):
    quiz = load_quiz(quiz_id)
    assert 2 <= len(quiz.questions) <= 3
    for q in quiz.questions:
        assert q.type in ("single", "multiple", "true-false"), f"{q.id}: apply a condition, recall no number or date"
        assert len(q.text.split()) >= 25, f"{q.id}: a scenario describes a mechanism"
        assert q.explanation and q.sources, q.id
        wrong = [o for o in q.options if o.id not in (q.answer if isinstance(q.answer, tuple) else (q.answer,))]
        assert all(o.feedback for o in wrong if q.type == "single"), f"{q.id}: every wrong choice says why"


@pytest.mark.parametrize("quiz_id", GROUPS)
def test_a_group_quiz_cites_the_official_pages(quiz_id):
    hosts = [h["host"] for h in yaml.safe_load((ROOT / "data" / "official_hosts.yaml").read_text())["hosts"]]
    for q in load_quiz(quiz_id).questions:
        for s in q.sources:
            assert official_host(s.url, hosts), (q.id, s.url)


def test_notebook_04_shows_a_check_after_each_group_in_both_editions():
    """The checks sit between the groups: each show_quiz comes after a show_law and before the next group."""
    for path in (ROOT / "notebooks" / "04_consent_and_the_law.ipynb",
                 ROOT / "notebooks" / "fr" / "04_consentement_et_droit.ipynb"):
        calls = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                src = "".join(cell["source"])
                calls += [line.strip() for line in src.splitlines() if line.strip().startswith("kit.show_")]
        quizzes = [c for c in calls if c.startswith("kit.show_quiz")]
        assert quizzes == [f'kit.show_quiz("{g}")' for g in GROUPS], path.name
        for quiz in quizzes:
            i = calls.index(quiz)
            assert calls[i - 1].startswith("kit.show_law("), (path.name, quiz)
