"""Notebook 05's task, without widgets: the kit's coding of every case is read from the case's data, a dimension the
data does not code says so, and a student's coding is compared dimension by dimension."""

from __future__ import annotations

import pytest

from kit.cases import case_rows, individual_can_act, load_cases, opt_out_steps
from kit.coding import DIMENSIONS, NOT_IN_DATA, compare, key, kit_coding, split_key

CASES = {c.meta.id: c for c in load_cases()}
ROWS = {r["id"]: r for r in case_rows(list(CASES.values()))}


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_the_kits_coding_of_every_case_is_its_data(case_id):
    case, row = CASES[case_id], ROWS[case_id]
    coded = kit_coding(row, case)
    assert list(coded) == [d.id for d in DIMENSIONS]
    choice = case.meta.choice
    assert coded["default"].kit == (choice.default if choice else "none")
    steps = opt_out_steps(case)
    assert coded["steps"].kit == (str(steps) if steps is not None and steps < 5 else "5+" if steps is not None
                                  else NOT_IN_DATA if individual_can_act(case) else "nobody")
    who = coded["who"].kit
    assert who == ("nobody" if choice is None or choice.mechanism == "none"
                   else "each" if individual_can_act(case) else "for-everyone")
    names = {a.name for a in case.meta.actors if choice and a.id in choice.who_can_act}
    assert all(n in coded["who"].evidence for n in names)
    permission = row.get("permission") or NOT_IN_DATA
    assert coded["permission"].kit == permission
    # what the data does not code, it says so, with its own words to compare with
    assert coded["decided"].kit is None and coded["decided"].field is None
    assert coded["after"].kit is None and coded["after"].evidence == (case.meta.outcome or "")


def test_the_coding_follows_an_edit_to_the_data(data_copy):
    """Facts exist once: a case's default changed in its file is the kit's coding on the next call."""
    path = data_copy / "cases" / "slack-2024" / "case.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  default: in\n", "  default: out\n"),
                    encoding="utf-8")
    cases = {c.meta.id: c for c in load_cases(data_copy)}
    row = next(r for r in case_rows(list(cases.values())) if r["id"] == "slack-2024")
    assert kit_coding(row, cases["slack-2024"])["default"].kit == "out"


def test_slack_as_the_data_codes_it():
    coded = kit_coding(ROWS["slack-2024"], CASES["slack-2024"])
    assert (coded["default"].kit, coded["who"].kit, coded["steps"].kit) == ("in", "for-everyone", "2")
    assert "Primary Owner" in coded["who"].evidence and "Workspace Owner" in coded["who"].evidence
    assert "rewrote" in coded["after"].evidence


def test_a_students_coding_is_compared_dimension_by_dimension():
    chosen = {"default": "in", "who": "each", "steps": "3", "decided": "company", "after": "words",
              "permission": "made-up"}
    result = {c.dimension: c for c in compare(ROWS["slack-2024"], CASES["slack-2024"], chosen)}
    assert result["default"].agree is True
    assert result["who"].agree is False and result["steps"].agree is False
    assert result["decided"].agree is None and result["decided"].student == "company"  # the data does not code it
    assert result["after"].agree is None
    assert result["permission"].student is None  # a value the dimension does not offer counts as not given


def test_keys():
    assert key("slack-2024", "steps") == "coding:slack-2024:steps"
    assert split_key("coding:slack-2024:steps") == ("slack-2024", "steps")
    assert split_key("coding:slack-2024:nope") is None and split_key("writing:x:1") is None
