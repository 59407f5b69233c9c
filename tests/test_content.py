"""The content layer: valid content loads; every kind of mistake becomes one ContentError naming file, line, field."""

from __future__ import annotations

import pytest

from kit.content import ContentError, PartialDate, load_case
from kit.content.schema import Invalid


def test_fixture_case_loads(mini_case):
    case = load_case(mini_case)
    assert case.id == "mini-case"
    assert [e.id for e in case.timeline] == ["first", "second"]
    assert case.document("policy").version("new").text == "We may use your messages."
    assert case.source("example-news").publisher == "Example Times"


def _replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, f"fixture changed: {old!r} not found"
        return text.replace(old, new, 1)

    return edit


def _whole(new: str):
    return lambda _text: new


# (id, file to edit, edit, expected: file, line, entry, field, words in the message)
MALFORMED = [
    (
        "yaml-syntax",
        "timeline.yaml",
        _replace("    title: The policy changes", "    title: [The policy changes"),
        "timeline.yaml",
        None,
        None,
        None,
        "YAML syntax error",
    ),
    (
        "tab-indent",
        "sources.yaml",
        _replace("    title: Example page", "\ttitle: Example page"),
        "sources.yaml",
        3,
        None,
        None,
        "tab",
    ),
    (
        "missing-field",
        "timeline.yaml",
        _replace("    what: Example Co changed its policy.\n", ""),
        "timeline.yaml",
        2,
        "event 'first'",
        "what",
        "missing",
    ),
    (
        "unknown-field-typo",
        "timeline.yaml",
        _replace("    title: The press notices", "    titel: The press notices"),
        "timeline.yaml",
        10,
        "event 'second'",
        "titel",
        "did you mean 'title'",
    ),
    (
        "wrong-type-list",
        "timeline.yaml",
        _replace("sources: [example-news]", "sources: example-news"),
        "timeline.yaml",
        12,
        "event 'second'",
        "sources",
        "expected a list",
    ),
    (
        "bad-date",
        "timeline.yaml",
        _replace("date: 2024-02-10", "date: 2024-13-01"),
        "timeline.yaml",
        9,
        "event 'second'",
        "date",
        "not a real date",
    ),
    (
        "bad-date-format",
        "statements.yaml",
        _replace("date: 2024-02-11", "date: 11 Feb 2024"),
        "statements.yaml",
        5,
        "statement 'ceo'",
        "date",
        "YYYY-MM-DD",
    ),
    (
        "unknown-source-id",
        "timeline.yaml",
        _replace("sources: [example-news]", "sources: [example-newz]"),
        "timeline.yaml",
        12,
        "event 'second'",
        "sources[1]",
        "unknown source 'example-newz'",
    ),
    (
        "duplicate-event-id",
        "timeline.yaml",
        _replace("  - id: second", "  - id: first"),
        "timeline.yaml",
        8,
        "event 'first'",
        "id",
        "duplicate id",
    ),
    (
        "duplicate-source-id",
        "sources.yaml",
        _replace("  - id: example-news", "  - id: example-page"),
        "sources.yaml",
        8,
        "source 'example-page'",
        "id",
        "duplicate id",
    ),
    (
        "empty-text",
        "statements.yaml",
        _replace("text: We respect your data.", "text: '   '"),
        "statements.yaml",
        6,
        "statement 'ceo'",
        "text",
        "is empty",
    ),
    (
        "missing-source",
        "statements.yaml",
        _replace("sources: [example-news]", "sources: []"),
        "statements.yaml",
        7,
        "statement 'ceo'",
        "sources",
        "needs at least one source",
    ),
    (
        "bad-status",
        "timeline.yaml",
        _replace("status: seen-secondary", "status: seen-secondry"),
        "timeline.yaml",
        13,
        "event 'second'",
        "status",
        "did you mean 'seen-secondary'",
    ),
    (
        "bad-url",
        "sources.yaml",
        _replace("url: https://news.example.org/story", "url: news.example.org/story"),
        "sources.yaml",
        11,
        "source 'example-news'",
        "url",
        "http",
    ),
    (
        "bad-id",
        "timeline.yaml",
        _replace("  - id: second", "  - id: Second Event"),
        "timeline.yaml",
        8,
        "event 'Second Event'",
        "id",
        "lower-case",
    ),
    (
        "unknown-actor",
        "case.yaml",
        _replace("    - actor: owner", "    - actor: ownr"),
        "case.yaml",
        25,
        "case 'mini-case'",
        "choice.steps[1].actor",
        "unknown actor 'ownr'",
    ),
    (
        "case-id-not-folder",
        "case.yaml",
        _replace("id: mini-case", "id: other-case"),
        "case.yaml",
        1,
        "case 'other-case'",
        "id",
        "folder's name",
    ),
    (
        "version-missing-text",
        "documents.yaml",
        _replace("        text: We may use your messages.\n", ""),
        "documents.yaml",
        13,
        "document 'policy', version 'new'",
        "text",
        "missing",
    ),
    (
        "duplicate-key",
        "sources.yaml",
        _replace("    kind: press", "    kind: press\n    kind: press"),
        "sources.yaml",
        13,
        None,
        "kind",
        "appears twice",
    ),
    ("empty-file", "timeline.yaml", _whole(""), "timeline.yaml", None, None, None, "the file is empty"),
    (
        "list-not-mapping",
        "case.yaml",
        _replace("period:\n  start: 2024-01\n  end: 2024-02-10", "period: [2024-01]"),
        "case.yaml",
        4,
        "case 'mini-case'",
        "period",
        "expected a mapping",
    ),
    (
        "yes-read-as-bool",
        "statements.yaml",
        _replace("channel: A blog", "channel: yes"),
        "statements.yaml",
        4,
        "statement 'ceo'",
        "channel",
        "put it in quotes",
    ),
    (
        "bad-default",
        "case.yaml",
        _replace("default: in", "default: opt-out"),
        "case.yaml",
        19,
        "case 'mini-case'",
        "choice.default",
        "expected one of 'in', 'out'",
    ),
]


@pytest.mark.parametrize(
    "file,edit,exp_file,exp_line,exp_entry,exp_field,exp_words",
    [m[1:] for m in MALFORMED],
    ids=[m[0] for m in MALFORMED],
)
def test_malformed_content_names_file_place_and_field(
    mini_case, file, edit, exp_file, exp_line, exp_entry, exp_field, exp_words
):
    path = mini_case / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_case(mini_case)
    err = info.value
    p = err.first
    assert p.file == f"mini-case/{exp_file}", str(err)
    assert p.field == exp_field, str(err)
    assert p.entry == exp_entry, str(err)
    if exp_line is not None:
        assert p.line == exp_line, str(err)
    assert exp_words in p.message, str(err)
    # The message a user reads carries all of it.
    text = str(err)
    assert f"mini-case/{exp_file}" in text and exp_words in text
    if exp_field:
        assert f"field '{exp_field}'" in text


def test_all_problems_in_a_file_are_reported_at_once(mini_case):
    path = mini_case / "timeline.yaml"
    text = path.read_text().replace("date: 2024-02-10", "date: 2024-02-30").replace("status: seen-primary", "status: x")
    path.write_text(text)
    with pytest.raises(ContentError) as info:
        load_case(mini_case)
    fields = sorted(p.field for p in info.value.problems)
    assert fields == ["date", "status"]
    assert str(info.value).startswith("2 problems in the content:")


def test_missing_required_file(mini_case):
    (mini_case / "sources.yaml").unlink()
    with pytest.raises(ContentError, match=r"mini-case/sources.yaml: file missing"):
        load_case(mini_case)


def test_unknown_file_in_case_folder_is_reported(mini_case):
    (mini_case / "timline.yaml").write_text("events: []\n")
    with pytest.raises(ContentError, match=r"timline.yaml: unknown file in a case folder"):
        load_case(mini_case)


def test_unknown_case_id_lists_the_cases_there_are():
    with pytest.raises(ContentError, match=r"no such case folder \(cases available: .*slack-2024"):
        load_case("slak-2024")


def test_edits_are_picked_up_without_restarting(mini_case):
    assert load_case(mini_case).meta.title == "A small fictional case for tests"
    path = mini_case / "case.yaml"
    path.write_text(path.read_text().replace("A small fictional case for tests", "Renamed case, longer title"))
    assert load_case(mini_case).meta.title == "Renamed case, longer title"


@pytest.mark.parametrize(
    "text,iso,human",
    [
        ("2024", "2024", "2024"),
        ("2024-05", "2024-05", "May 2024"),
        ("2024-05-17", "2024-05-17", "17 May 2024"),
        (2020, "2020", "2020"),
    ],
)
def test_partial_dates(text, iso, human):
    d = PartialDate.parse(text)
    assert d.iso() == iso and d.human() == human


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-5-17", "17/05/2024", "", True, 3.5, "2024-00"])
def test_partial_dates_refuse_bad_input(bad):
    with pytest.raises(Invalid):
        PartialDate.parse(bad)


def test_partial_dates_sort_by_earliest_day():
    dates = [PartialDate.parse(x) for x in ["2024-05-17", "2024-05", "2024", "2023-12-31"]]
    assert [d.iso() for d in sorted(dates)] == ["2023-12-31", "2024", "2024-05", "2024-05-17"]


# ------------------------------------------------------ the optional cross-case fields (notebook 05's table)
def _append_choice(line):
    return _replace("  status: inferred\n", f"  status: inferred\n  {line}\n")


CROSS_CASE_FIELDS = [
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


@pytest.mark.parametrize("file,edit,field,words", [c[1:] for c in CROSS_CASE_FIELDS],
                         ids=[c[0] for c in CROSS_CASE_FIELDS])
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
