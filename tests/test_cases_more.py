"""Malformed case files using the optional cross-case fields: each names the file and the field."""

from __future__ import annotations

import pytest

from kit.content import ContentError, load_case


def _replace(old, new):
    def edit(text):
        assert old in text, f"fixture changed: {old!r} not found"
        return text.replace(old, new, 1)
    return edit


def _append_choice(line):
    return _replace("  status: inferred\n", f"  status: inferred\n  {line}\n")


CASES = [
    ("bad-mechanism", "case.yaml", _append_choice("mechanism: e-mail"), "choice.mechanism", "did you mean 'email'"),
    ("bool-as-text", "case.yaml", _append_choice("individual_can_act: sometimes"), "choice.individual_can_act",
     "expected true or false"),
    ("bad-region-group", "case.yaml", _replace("summary:", "region_group: europa\nsummary:"), "region_group",
     "did you mean 'europe'"),
    ("unknown-choice-field", "case.yaml", _append_choice("mechanisms: email"), "choice.mechanisms",
     "did you mean 'mechanism'"),
    ("event-without-status", "timeline.yaml", _replace("    status: seen-secondary\n", ""), "status", "missing"),
    ("who-can-act-unknown", "case.yaml", _replace("who_can_act: [owner]", "who_can_act: [company]"),
     "choice.who_can_act[1]", "unknown actor 'company'"),
]


@pytest.mark.parametrize("file,edit,field,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_case_names_file_and_field(mini_case, file, edit, field, words):
    path = mini_case / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_case(mini_case)
    p = info.value.first
    assert p.file == f"mini-case/{file}", str(info.value)
    assert p.field == field, str(info.value)
    assert words in p.message, str(info.value)


def test_optional_fields_load(mini_case):
    path = mini_case / "case.yaml"
    text = path.read_text().replace("  status: inferred\n", "  status: inferred\n  mechanism: email\n"
                                    "  individual_can_act: false\n")
    path.write_text(text.replace("summary:", "region_group: worldwide\nsummary:"))
    case = load_case(mini_case)
    assert case.meta.choice.mechanism == "email" and case.meta.choice.individual_can_act is False
    assert case.meta.region_group == "worldwide"
