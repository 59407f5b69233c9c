"""Issue 11: no content mistake reaches a student as a traceback, a hang or a blank view, and `kit check` finds it.

Each case below makes one mistake in a copy of the shipped content and asserts the problem `kit check` reports:
the file, the line, the entry and the field, and the words of the message. The classes of the issue:
2 (what a view needs, checked), 3 (bounded input), 4 (accepted, then crashed or misled). Classes 1, 5 and 6 are
in tests/test_hostile_views.py.
"""

from __future__ import annotations

import os
import shutil

import pytest

from kit.content import check_all
from kit.content.cache import clear
from kit.content.registry import kind


def _replace(old: str, new: str):
    def edit(root, rel):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"shipped content changed: {old!r} not found in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _replace_all(old: str, new: str):
    def edit(root, rel):
        for path in (root / rel).parent.glob("*.yaml"):
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return edit


def _whole(text: str | bytes):
    def edit(root, rel):
        path = root / rel
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return edit


def _cut_from(marker: str, tail: str):
    """Keep the file up to ``marker``, then put ``tail``."""

    def edit(root, rel):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert marker in text, f"shipped content changed: {marker!r} not found in {rel}"
        path.write_text(text[: text.index(marker)] + tail, encoding="utf-8")

    return edit


def _rename(new_rel: str):
    def edit(root, rel):
        os.replace(root / rel, root / new_rel)

    return edit


def _copy(new_rel: str):
    def edit(root, rel):
        shutil.copy(root / rel, root / new_rel)

    return edit


def _remove(root, rel):
    path = root / rel
    shutil.rmtree(path) if path.is_dir() else path.unlink()


def _folder_instead(root, rel):
    (root / rel).unlink()
    (root / rel).mkdir()


def _self_symlink(root, rel):
    (root / rel).unlink()
    os.symlink(root / rel, root / rel)


def _fifo(root, rel):
    os.mkfifo(root / rel)


def _append(extra: str):
    def edit(root, rel):
        with open(root / rel, "a", encoding="utf-8") as f:
            f.write(extra)

    return edit


def _append_bytes(extra: bytes):
    def edit(root, rel):
        with open(root / rel, "ab") as f:
            f.write(extra)

    return edit


def _both(*edits):
    def edit(root, rel):
        for e in edits:
            e(root, rel)

    return edit


def _bomb(levels: int = 12) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


SLACK = "cases/slack-2024"
# (id, file edited, edit, file reported, line (int, or the text that starts the reported line), entry, field, words)
CASES = [
    # --- class 2: kit check checks what a view needs ---------------------------------------------------------
    ("ui-key-misspelt", "ui/en.yaml", _replace("  error: ", "  eror: "), "ui/en.yaml", None, None, "common.error",
     "the kit's code asks for this UI string"),
    ("ui-placeholder-not-passed", "ui/en.yaml", _replace('"Event {n} of {total}"', '"Event {n} of {count}"'),
     "ui/en.yaml", '  position: "Event {n} of {count}"', None, "timeline.position", "{count}"),
    ("ui-placeholder-in-plain-string", "ui/en.yaml", _replace('  note: "Note"', '  note: "Note {what}"'),
     "ui/en.yaml", '  note: "Note {what}"', None, "common.note", "does not fill"),
    ("ui-computed-key-missing", "ui/en.yaml", _replace("  inferred:", "  inferd:"), "ui/en.yaml", None, None,
     "status.inferred", "the kit's code asks for this UI string"),
    ("ui-empty", "ui/en.yaml", _whole(""), "ui/en.yaml", None, None, None, "the file is empty"),
    ("ui-only-comments", "ui/en.yaml", _whole("# nothing yet\n"), "ui/en.yaml", None, None, None, "empty"),
    ("vocabulary-missing", "vocabulary.yaml", _remove, "vocabulary.yaml", None, None, None, "file missing"),
    ("research-missing", "research", _remove, "research", None, None, None, "no research folder"),
    ("cases-missing", "cases", _remove, "cases", None, None, None, "no case folders"),
    ("quizzes-missing", "quizzes", _remove, "quizzes", None, None, None, "no quizzes folder"),
    ("timeline-empty", f"{SLACK}/timeline.yaml", _whole("events: []\n"), f"{SLACK}/timeline.yaml", 1,
     None, "events", "the view needs at least one"),
    ("writing-sets-empty", "writing.yaml", _whole("sets: []\n"), "writing.yaml", 1, None, "sets",
     "the view needs at least one"),
    ("presets-empty", "research/simulation.yaml", _cut_from("presets:", "presets: []\n"),
     "research/simulation.yaml", "presets: []", None, "presets", "the view needs at least one"),
    ("assumptions-empty", "research/simulation.yaml", _replace("assumptions:\n", "assumptions: []\nold_assumptions:\n"),
     "research/simulation.yaml", "assumptions: []", None, "assumptions", "the view needs at least one"),
    ("population-billion", "research/simulation.yaml", _replace("population: 100000", "population: 1000000000"),
     "research/simulation.yaml", "population: 1000000000", None, "population", "between"),
    ("workspace-huge", "research/simulation.yaml", _replace("workspace_size: 50", "workspace_size: 5000000"),
     "research/simulation.yaml", "    workspace_size: 5000000", "preset 'slack-as-it-was'", "workspace_size",
     "between"),
    ("quiz-saved-as-yml", "quizzes/02-policy.yaml", _rename("quizzes/02-policy.yml"), "quizzes/02-policy.yml",
     None, None, None, "not read"),
    ("law-upper-case-suffix", "law/03-us.yaml", _rename("law/03-us.YAML"), "law/03-us.YAML", None, None, None,
     "not read"),
    ("checklist-yml-beside", "checklist.yaml", _copy("checklist.yml"), "checklist.yml", None, None, None,
     "not read"),
    ("case-backup-file", f"{SLACK}/timeline.yaml", _copy(f"{SLACK}/timeline.yaml.bak"),
     f"{SLACK}/timeline.yaml.bak", None, None, None, "not read"),
    ("research-txt", "research/defaults.yaml", _copy("research/defaults.yaml.txt"), "research/defaults.yaml.txt",
     None, None, None, "not read"),
    ("law-texts-empty", "law/03-us.yaml", _whole("texts: []\n"), "law/03-us.yaml", 1, None, "texts",
     "the view needs at least one"),
    ("vocabulary-terms-empty", "vocabulary.yaml", _cut_from("terms:", "terms: []\n"), "vocabulary.yaml",
     "terms: []", None, "terms", "the view needs at least one"),
    ("claims-empty", f"{SLACK}/claims.yaml", _whole("claims: []\n"), f"{SLACK}/claims.yaml", 1, None, "claims",
     "the view needs at least one"),
    ("checklist-conditions-empty", "checklist.yaml", _replace("conditions:", "conditions: []\nold_conditions:"),
     "checklist.yaml", "conditions: []", None, "conditions", "the view needs at least one"),
    ("chart-left-without-figures", "research/defaults.yaml", _replace_all("chart: madrian-shea", "chart: m-s"),
     "research/defaults.yaml", "charts: [", None, "charts[5]", "no figures for the chart 'madrian-shea'"),
    # --- class 3: bounded input ---------------------------------------------------------------------------------
    ("deep-flow-nesting", f"{SLACK}/timeline.yaml", _whole("events: " + "[" * 1000 + "]" * 1000 + "\n"),
     f"{SLACK}/timeline.yaml", 1, None, "events", "nested more than"),  # the field it happened in is named
    ("deep-block-nesting", "quizzes/01-slack-case.yaml",
     _whole("".join(" " * (2 * i) + f"k{i}:\n" for i in range(200)) + " " * 400 + "x: 1\n"),
     "quizzes/01-slack-case.yaml", 41, None, "k0.k1.k2.k3…", "nested more than"),
    ("alias-bomb-law", "law/03-us.yaml", _whole(_bomb()), "law/03-us.yaml", 5, None, "a4[8]", "alias"),
    ("alias-bomb-ui", "ui/en.yaml", _whole(_bomb()), "ui/en.yaml", 5, None, "a4[8]", "alias"),
    ("include-cycle", "quizzes/final.yaml", _replace("language: en\n", "language: en\ninclude: [final]\n"),
     "quizzes/final.yaml", "include: [final]", "quiz 'final'", "include[1]", "include cycle"),
    ("symlink-loop", "research/defaults.yaml", _self_symlink, "research/defaults.yaml", None, None, None,
     "loops back to itself"),
    ("file-too-large", "vocabulary.yaml", _append("# " + "x" * (2 * 1024 * 1024) + "\n"), "vocabulary.yaml",
     None, None, None, "too large"),
    ("file-is-a-folder", f"{SLACK}/case.yaml", _folder_instead, f"{SLACK}/case.yaml", None, None, None,
     "is a folder"),
    ("quiz-is-a-pipe", "quizzes/04-pipe.yaml", _fifo, "quizzes/04-pipe.yaml", None, None, None,
     "not a regular file"),
    # --- class 4: accepted, then crashed or misled --------------------------------------------------------------
    ("lone-surrogate", f"{SLACK}/timeline.yaml",
     _replace("title: The privacy principles page is already online", 'title: "Online \\ud800 page"'),
     f"{SLACK}/timeline.yaml", 'title: "Online', None, "title", "lone surrogate"),
    ("lone-surrogate-ui", "ui/en.yaml", _replace('  note: "Note"', '  note: "Note \\udfff"'), "ui/en.yaml",
     '  note: "Note', None, "note", "lone surrogate"),
    ("nul-byte", f"{SLACK}/statements.yaml", _append("# a stray \x00 here\n"), f"{SLACK}/statements.yaml",
     "# a stray", None, None, "control character U+0000"),
    ("control-escape", "law/03-us.yaml", _replace("reference: §1798.120(a)", 'reference: "§1798.120(a)\\x07"'),
     "law/03-us.yaml", 'reference: "§1798', None, "reference", "control character U+0007"),
    ("not-utf8-line", "checklist.yaml", _append_bytes(b"# caf\xe9\n"), "checklist.yaml", "# caf", None, None,
     "not UTF-8"),
    ("nan-numeric-answer", "quizzes/03-exercise-3.yaml", _replace("    answer: 70\n", "    answer: .nan\n"),
     "quizzes/03-exercise-3.yaml", "    answer: .nan", "quiz '03-exercise-3', question 'want-in'", "answer",
     "finite"),
    ("inf-tolerance", "quizzes/03-exercise-3.yaml", _replace("tolerance: 1\n", "tolerance: .inf\n"),
     "quizzes/03-exercise-3.yaml", "    tolerance: .inf", "quiz '03-exercise-3', question 'want-in'",
     "tolerance", "finite"),
    ("nan-figure", "research/defaults.yaml", _replace("    value: 99.97", "    value: .nan"),
     "research/defaults.yaml", "    value: .nan", "figure 'jg-hungary'", "value", "finite"),
    ("inf-preset-share", "research/simulation.yaml", _replace("    want: 0.5", "    want: -.inf"),
     "research/simulation.yaml", "    want: -.inf", "preset 'slack-as-it-was'", "want", "finite"),
    ("ordering-identical-items", "quizzes/03-exercise-4.yaml",
     _replace('text: "The default becomes Out (Four changes)"', 'text: "One click instead of an email (Two changes)"'),
     "quizzes/03-exercise-4.yaml", '        text: "One click instead of an email (Two changes)"\n    answer',
     "quiz '03-exercise-4', question 'biggest-change', option 'default'", "text", "cannot tell them apart"),
    ("period-ends-before-start", f"{SLACK}/case.yaml", _replace("  end: 2024-05-20", "  end: 2023-01-01"),
     f"{SLACK}/case.yaml", "  end: 2023-01-01", "case 'slack-2024'", "period.end", "before it starts"),
    ("zero-width-title", f"{SLACK}/timeline.yaml",
     _replace("title: The privacy principles page is already online", "title: \u200b\u200b\u2060"),
     f"{SLACK}/timeline.yaml", "    title: \u200b", "event 'first-archive-capture'", "title", "is empty"),
    ("filler-only-law-title", "law/03-us.yaml",
     _replace('title: "California (CCPA/CPRA) §1798.120(a): the right to opt out of sale or sharing"',
              "title: \u3164\u3164"),
     "law/03-us.yaml", "    title: \u3164", "legal text 'ccpa-1798-120-a'", "title", "is empty"),
    ("invisible-ui-string", "ui/en.yaml", _replace('  note: "Note"', '  note: "\u200b\u00ad"'), "ui/en.yaml",
     '  note: "\u200b', None, "common.note", "expected some text"),
    ("zero-width-vocabulary-label", "vocabulary.yaml",
     _replace("label: Choice and consent", "label: \ufeff\u200c"), "vocabulary.yaml", "    label: \ufeff",
     "group 'choice'", "label", "is empty"),
    ("claim-feedback-blank", f"{SLACK}/claims.yaml", _both(_replace("    feedback: >-\n", "    feedback: \"\u200d\"\n"
                                                                                         "    old_feedback: >-\n")),
     f"{SLACK}/claims.yaml", '    feedback: "', "claim 'blog-traditional-ml'", "feedback", "is empty"),
]


def _kind(rel: str):
    """The kind of content a file belongs to: only that kind is checked, to keep the suite fast."""
    for prefix, name in (("ui", "strings"), ("cases", "cases"), ("quizzes", "quizzes"), ("research", "research"),
                         ("law", "law"), ("checklist", "law"), ("vocabulary", "vocabulary"),
                         ("writing", "writing")):
        if rel.startswith(prefix):
            return (kind(name),)
    raise AssertionError(rel)  # pragma: no cover


def _line_of(root, rel: str, marker: str) -> int:
    text = (root / rel).read_text(encoding="utf-8", errors="replace")
    assert marker in text, f"{marker!r} not in the edited {rel}"
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("rel,edit,exp_file,exp_line,exp_entry,exp_field,words", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_kit_check_names_file_line_entry_and_field(data_copy, rel, edit, exp_file, exp_line, exp_entry, exp_field,
                                                   words):
    clear()
    edit(data_copy, rel)
    _counts, problems = check_all(data_copy, _kind(rel))
    mine = [p for p in problems if p.file.replace(os.sep, "/").endswith(exp_file) and words in p.message]
    assert mine, "\n".join(map(str, problems)) or "no problem reported"
    p = mine[0]
    if isinstance(exp_line, str):
        exp_line = _line_of(data_copy, exp_file, exp_line)
    assert p.line == exp_line, str(p)
    assert p.entry == exp_entry, str(p)
    assert p.field == exp_field, str(p)
    # What a person reads carries all of it.
    text = str(p)
    assert exp_file in text.replace(os.sep, "/") and words in text
    if exp_line is not None:
        assert f"line {exp_line}" in text
    if exp_field:
        assert f"field '{exp_field}'" in text


def test_there_are_forty_new_cases_covering_every_kind():
    assert len(CASES) >= 40
    kinds = {"cases": "cases/", "law": ("law/", "checklist"), "quizzes": "quizzes/", "research": "research",
             "vocabulary": "vocabulary", "strings": "ui/"}
    for name, marks in kinds.items():
        marks = (marks,) if isinstance(marks, str) else marks
        assert any(any(m in c[1] for m in marks) for c in CASES), name


def test_a_file_read_again_is_a_fresh_copy_and_an_edit_is_read_at_once(tmp_path):
    """Texts already parsed are read back from memory (kit check reads each file five times): the copy a caller
    gets is its own, an edited file is parsed anew, and numbers keep the digits they were written with."""
    from kit.content.yamlio import load_yaml, written

    path = tmp_path / "quiz.yaml"
    path.write_text("id: q\noptions: [12.50, b]\n", encoding="utf-8")
    first = load_yaml(path)
    first["options"].append("added by a view")
    second = load_yaml(path)
    assert second["options"] == [12.5, "b"] and written(second["options"][0]) == "12.50"
    assert second.key_lines == {"id": 1, "options": 2}
    path.write_text("id: q\noptions: [12.50, c]\n", encoding="utf-8")
    assert load_yaml(path)["options"][1] == "c"
