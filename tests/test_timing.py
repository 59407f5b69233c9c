"""The estimator (kit/timing.py), without a kernel: words read at the prose and legal rates, minutes of doing, checks
and the stretch without one, declared times, cells students never see; and the table of views it measures."""

from __future__ import annotations

import inspect

import pytest

import kit
from kit.timing import (
    LEGAL_WPM,
    PROSE_WPM,
    SILENT,
    VIEWS,
    Declared,
    Measure,
    calls,
    estimate,
    measure_call,
    words,
)


def md(cid: str, n_words: int, tags=()):
    return {"id": cid, "cell_type": "markdown", "source": " ".join(["word"] * n_words),
            "metadata": {"tags": list(tags)}}


def code(cid: str, source: str):
    return {"id": cid, "cell_type": "code", "source": source, "metadata": {}}


FAKE = {  # a made-up measure for each call, so the rules are tested apart from the content
    "read": Measure(prose=2 * PROSE_WPM),  # 2 minutes of reading
    "law": Measure(prose=PROSE_WPM, legal=LEGAL_WPM),  # 1 + 1 minutes
    "quiz": Measure(prose=PROSE_WPM, activity=5, check=True, items=3, exercise=True),  # 6 minutes, 3 items
    "sim": Measure(activity=10, exercise=True),
}


def fake(call):
    return FAKE[call.args[0]]


def test_words_count_what_a_reader_reads():
    assert words("Slack's opt-out: four words?") == 4
    assert words("") == 0 and words(None) == 0


def test_prose_and_legal_wording_are_read_at_their_own_rates():
    est = estimate([md("a", PROSE_WPM), code("b", 'kit.show("law")')], measure=fake)
    assert [round(c.minutes, 2) for c in est.cells] == [1.0, 2.0]
    assert est.teaching == pytest.approx(3.0) and est.exercises == 0


def test_a_check_ends_the_stretch_at_its_first_feedback():
    cells = [md("intro", 4 * PROSE_WPM), code("q", 'kit.show("quiz")'), md("after", 3 * PROSE_WPM)]
    est = estimate(cells, measure=fake)
    q = est.cells[1]
    assert q.check and q.first_feedback == pytest.approx(2.0)  # 6 minutes over 3 items
    assert q.since_check == pytest.approx(6.0)  # 4 of reading, then the first item's feedback
    assert est.cells[2].since_check == pytest.approx(3.0)  # a new stretch starts after the check
    assert (est.longest, est.longest_from, est.longest_to) == (pytest.approx(6.0), "intro", "q")
    assert est.exercises == pytest.approx(6.0) and est.teaching == pytest.approx(7.0)


def test_a_long_activity_without_feedback_makes_a_long_stretch():
    est = estimate([md("a", PROSE_WPM), code("s", 'kit.show("sim")'), code("q", 'kit.show("quiz")')], measure=fake)
    assert est.longest == pytest.approx(1 + 10 + 2) and (est.longest_from, est.longest_to) == ("a", "q")


def test_a_declared_time_replaces_the_views_and_may_make_it_a_check():
    cells = [code("s", 'kit.show("sim")'), md("b", PROSE_WPM)]
    est = estimate(cells, measure=fake, declared={"s": Declared(15, first_feedback=4, check=True)})
    s = est.cells[0]
    assert (s.minutes, s.check, s.first_feedback, s.since_check) == (15, True, 4, 4)
    assert est.exercises == 15


def test_cells_for_instructors_are_left_out():
    est = estimate([md("notes", 1000, tags=["instructor"]), md("answers", 1000, tags=["solution"]), md("c", 200)],
                   measure=fake)
    assert [c.cell for c in est.cells] == ["c"]


def test_calls_reads_each_kit_call_with_its_literal_arguments():
    found = calls('import kit\n\nkit.set_language("fr")\nkit.show_law(["a", "b"])\nkit.show_quiz("x", seed=2)')
    assert [(c.name, c.args, dict(c.kwargs)) for c in found] == [
        ("set_language", ("fr",), {}), ("show_law", (["a", "b"],), {}), ("show_quiz", ("x",), {"seed": 2})]
    assert calls("kit.show_quiz(") == []  # a cell that does not parse measures nothing


def test_every_view_the_kit_offers_is_in_the_table():
    shown = {name for name in kit.__all__ if name.startswith("show_")}
    assert shown - set(VIEWS) - SILENT == set(), "a new view needs a row in kit.timing.VIEWS"
    for name, kind in VIEWS.items():
        assert kind.counts and callable(kind.measure), name
        assert inspect.signature(getattr(kit, name)), name


@pytest.mark.parametrize(("source", "check", "exercise"), [
    ('kit.show_quiz("01-slack-case")', True, True),
    ('kit.show_claim_checker("slack-2024")', True, True),
    ('kit.show_checklist("slack-2024")', True, True),
    ('kit.show_writing("policy-reflection")', True, True),
    ('kit.show_simulation("opt-in")', False, True),
    ('kit.show_case_timeline("slack-2024")', False, False),
    ('kit.show_law(["gdpr-art-7-3"])', False, False),
])
def test_the_kit_views_are_measured_from_the_data_they_show(source, check, exercise):
    (call,) = calls(source)
    m = measure_call(call)
    assert (m.check, m.exercise) == (check, exercise)
    assert m.prose > 0 and m.minutes > 0


def test_a_legal_texts_exact_wording_is_read_at_the_legal_rate():
    from kit.content.law import load_law

    text = load_law()["gdpr-art-7-3"]
    m = measure_call(calls('kit.show_law(["gdpr-art-7-3"])')[0])
    assert m.legal == words(text.text) and m.prose == words(text.title) + words(text.explanation) + words(text.note)


def test_a_writing_set_is_a_check_only_with_its_model_answers(data_copy):
    path = data_copy / "writing.yaml"
    text = path.read_text(encoding="utf-8").replace("sets:\n", "model_answers: withheld\nsets:\n", 1)
    # a released copy without model answers: every model answer, discussion point and note removed
    from kit.content.yamlio import dump_yaml, load_yaml
    from kit.instructor.release import strip_keys

    path.write_text(text, encoding="utf-8")
    tree = strip_keys(load_yaml(path), ("model_answer", "discussion", "facilitation"))
    path.write_text(dump_yaml(tree), encoding="utf-8")
    m = measure_call(calls('kit.show_writing("policy-reflection")')[0])
    assert not m.check and m.items == 2
