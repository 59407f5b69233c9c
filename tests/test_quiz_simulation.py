"""The simulation's numbers a quiz states (questions marked ``simulation: true``) are what the simulation gives.

kit check does not ask them to be research figures (they are the kit's model's output, not a study's); this test is
what keeps them true: each is recomputed with kit/research.py, with the seed and population of
data/research/simulation.yaml, and looked for in the words a student reads (English and French), as the notebook
shows it (one decimal, thousands separated).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import kit
from kit.content.quiz import load_quiz
from kit.content.research import load_simulation
from kit.locale import number
from kit.research import params_from_preset, simulate

SIM = load_simulation()


def preset(pid: str, **changes):
    return replace(params_from_preset(SIM.preset(pid), n=SIM.population, seed=SIM.seed), **changes)


def pct(x: float) -> str:
    return number(round(100 * x, 1), 1)


def words(q) -> str:
    return " ".join([q.text, q.explanation or "", q.model_answer or "", *(o.text for o in q.options)])


def exercise_3():
    base = preset("opt-in")
    fit = replace(base, want=0.70, awareness=0.60, cost_minutes=0)
    replication = replace(base, want=0.70, awareness=0.89, cost_minutes=0)
    for a, c in ((0.75, 2.2), (0.8, 2.9), (1.0, 5.1)):  # Part 2: other awareness and cost, the same two results
        p = replace(base, want=0.70, awareness=a, cost_minutes=c)
        assert abs(simulate(p, "out").share_included - 0.42) < 0.005
        assert abs(simulate(p, "in").share_included - 0.82) < 0.005
    return {
        ("03-exercise-3", "want-in"): [pct(simulate(fit, "out").share_included),
                                       pct(simulate(fit, "in").share_included)],
        ("03-exercise-3", "kept-default"): [pct(simulate(replication, "out").share_included),
                                            pct(simulate(replication, "in").share_included)],
    }


def exercise_4():
    slack = preset("slack-as-it-was")
    o = simulate(slack)
    full = simulate(replace(slack, awareness=1.0, cost_minutes=0))
    each_preset = simulate(slack, who_acts="each")
    ladder = [simulate(preset(p.id)).share_mismatch for p in SIM.presets]
    return {
        ("03-exercise-4", "slack-mismatch"): [pct(o.share_mismatch), number(o.included_unwanted),
                                              number(o.excluded_wanted), number(o.could_act), str(o.acted)],
        ("03-exercise-4", "full-awareness"): [pct(full.share_mismatch), number(full.included_unwanted),
                                              number(full.excluded_wanted)],
        ("03-exercise-4", "each-person"): [pct(each_preset.share_mismatch)],  # the preset's own awareness and cost
        ("03-exercise-4", "biggest-change"): [pct(m) for m in ladder],
        ("03-exercise-4", "defend"): [pct(m) for m in ladder[-2:]],
        ("final", "sim-team-lead"): [pct(simulate(preset("slack-as-it-was", awareness=1.0, cost_minutes=0, want=0.5,
                                                      workspace_size=10)).share_mismatch)],
        ("03-defaults", "sim-matched"): [pct(simulate(preset("one-click-opt-out")).share_included),
                                         pct(ladder[-2]), pct(simulate(preset("opt-in")).share_included),
                                         pct(ladder[-1])],
    }


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_simulation_number_a_quiz_states_is_what_the_simulation_gives(language):
    kit.set_language(language)
    try:
        expected = {**exercise_3(), **exercise_4()}
        for (quiz_id, qid), numbers in expected.items():
            q = load_quiz(quiz_id).question(qid)
            assert q.simulation, f"{quiz_id}/{qid} states the simulation's numbers: mark it simulation: true"
            said = words(q)
            for n in numbers:
                assert n in said, f"{quiz_id}/{qid} ({language}): the simulation gives {n}, not in the question"
    finally:
        kit.set_language("en")


def test_the_numeric_answers_are_the_simulations():
    slack = preset("slack-as-it-was")
    answers = {
        ("03-exercise-4", "slack-mismatch"): 100 * simulate(slack).share_mismatch,
        ("03-exercise-4", "full-awareness"): 100 * simulate(replace(slack, awareness=1.0,
                                                                    cost_minutes=0)).share_mismatch,
        ("03-exercise-4", "each-person"): 100 * simulate(replace(slack, awareness=1.0, cost_minutes=0),
                                                         who_acts="each").share_mismatch,
        ("03-exercise-3", "kept-default"): 100 - 89,  # cost 0: those who keep any default are those not aware
        ("final", "sim-team-lead"): 100 * simulate(preset("slack-as-it-was", awareness=1.0, cost_minutes=0,
                                                          workspace_size=10)).share_mismatch,
    }
    for (quiz_id, qid), value in answers.items():
        q = load_quiz(quiz_id).question(qid)
        assert abs(q.answer - value) <= q.tolerance, f"{qid}: the simulation gives {value:.2f}, the key {q.answer}"
    # Part 4's order: the four changes of the presets' ladder, from the one that cuts the mismatch most
    mismatch = [simulate(preset(p.id)).share_mismatch for p in SIM.presets]
    cuts = [before - after for before, after in zip(mismatch, mismatch[1:], strict=False)]
    step_ids = ["each", "click", "told", "default"]  # the change each preset makes, in the presets' order
    by_cut = [step_ids[i] for i in sorted(range(len(cuts)), key=lambda i: -cuts[i])]
    assert list(load_quiz("03-exercise-4").question("biggest-change").answer) == by_cut
