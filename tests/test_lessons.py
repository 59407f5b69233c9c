"""Lessons as data (issue 20): each notebook's questions, objectives and key points, the unit summary; what assesses
each objective, as kit check words it; the notebook headers, key points and summary as students see them; kit check's
report per notebook; and the targets of a complete lesson, read from the data."""

from __future__ import annotations

import json
import re

from conftest import ROOT, visible_text

import kit
from kit.content.language import speaking
from kit.content.lessons import load_lessons
from kit.instructor.cli import main
from kit.lessons import missed_targets, notebook_reports, time_words


def problems_of(root) -> list[str]:
    return [str(p) for p in kit.check_all(root)[1]]


# ------------------------------------------------------------------------------------------------ the data
def test_every_notebook_has_its_lesson_and_every_objective_an_id_a_level_and_words_in_both_languages():
    lessons = load_lessons()
    numbers = sorted(p.name[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert [n.id for n in lessons.notebooks] == numbers
    for lesson in lessons.notebooks:
        assert lesson.questions and lesson.objectives
        for o in lesson.objectives:
            assert re.fullmatch(r"o[0-9a-z]+-[a-z-]+", o.id) and o.level and o.text
    with speaking("fr"):
        fr = load_lessons()
    for en_lesson, fr_lesson in zip(lessons.notebooks, fr.notebooks, strict=True):
        assert fr_lesson.questions != en_lesson.questions
        assert all(a.text != b.text for a, b in zip(en_lesson.objectives, fr_lesson.objectives, strict=True))


def test_an_item_naming_an_unknown_objective_is_named_where_it_is(data_copy):
    path = data_copy / "writing.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("objectives: [o2-sources]", "objectives: [o2-source]"), encoding="utf-8")
    line = text.splitlines().index("        objectives: [o2-sources]") + 1
    found = [p for p in problems_of(data_copy) if "o2-source'" in p]
    assert found == [
        f"{path}, line {line} (writing set 'policy-reflection', prompt 'which-to-rely-on'), field 'objectives[1]': "
        f"unknown objective 'o2-source': no objective with this id in {data_copy / 'lessons.yaml'}. "
        "Did you mean 'o2-sources'?"]


def test_an_objective_no_item_assesses_is_rejected(data_copy):
    path = data_copy / "writing.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("objectives: [o5-judge]", "objectives: [o5-compare]"),
                    encoding="utf-8")
    lessons = (data_copy / "lessons.yaml").read_text(encoding="utf-8").splitlines()
    line = lessons.index("      - id: o5-judge") + 1
    assert (f"{data_copy / 'lessons.yaml'}, line {line} (notebook '05', objective 'o5-judge'), field 'id': the "
            "objective 'o5-judge' is assessed by no item: name it in 'objectives' of a quiz question (data/quizzes) "
            "or a writing prompt (data/writing.yaml) that assesses it") in problems_of(data_copy)


def test_a_lesson_names_a_real_notebook_and_its_activities_real_cells(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    monkeypatch.setenv("KIT_DATA", str(tmp_path / "data"))
    path = tmp_path / "data" / "lessons.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  - id: "05"', '  - id: "55"').replace("      - cell: c06\n", "      - cell: c6\n"),
                    encoding="utf-8")
    lines = text.splitlines()
    cell_line, id_line = lines.index("      - cell: c06") + 1, lines.index('  - id: "05"') + 1
    found = [p for p in problems_of(tmp_path / "data") if p.startswith(str(path))]
    nbs = tmp_path / "notebooks"
    assert found == [
        f"{path}, line {cell_line} (notebook '03'), field 'activities[1].cell': unknown "
        f"cell 'c6': no cell with this id in {nbs / '03_opt_in_vs_opt_out.ipynb'}. Did you mean 'c06'?",
        f"{path}, line {id_line} (notebook '55'), field 'id': no notebook 55_*.ipynb in "
        f"{nbs}: the id is the number a notebook's file name begins with",
        f"{path}, field 'notebooks': the notebook 05_beyond_slack.ipynb has no entry: add one with id '05' (its "
        "questions, objectives and key points)"]


# ------------------------------------------------------------------------------------------------ the views
def test_the_header_shows_the_questions_objectives_and_estimated_time():
    header = kit.show_lesson("01")
    said = visible_text(header)
    lesson = load_lessons().lesson("01")
    assert all(q in said for q in lesson.questions)
    assert "By the end of this notebook you will be able to:" in said
    assert all(o.text in said for o in lesson.objectives)
    total, teaching, exercises = time_words(notebook_reports()[1].estimate)
    assert f"Estimated time: about {total} minutes: {teaching} of reading and {exercises} of exercises." in said
    assert total == teaching + exercises and total % 5 == 0 and exercises > 0
    assert "Estimated time" in header.static_html() and "Estimated time" in header.static_text()


def test_the_header_and_key_points_in_french():
    with speaking("fr"):
        said = visible_text(kit.show_lesson("03"))
        points = visible_text(kit.show_key_points("03"))
    assert "À la fin de ce notebook, vous saurez" in said and "Durée estimée" in said and "minutes" in said
    assert "By the end" not in said
    assert points.startswith("Points clés") and "consentement effectif" in points


def test_the_key_points_and_the_unit_summary():
    points = visible_text(kit.show_key_points("02"))
    assert points.startswith("Key points") and "Silence is not a promise." in points
    summary = kit.show_unit_summary()
    said = visible_text(summary)
    assert said.startswith("What to take away") and all(
        s.heading in said for s in load_lessons().summary.sections)
    assert "What to take away" in summary.static_html()


def test_an_unknown_notebook_is_said_not_raised():
    shown = visible_text(kit.show_lesson("09"))
    assert "09" in shown and "Traceback" not in shown


# ------------------------------------------------------------------------------------------------ kit check
def test_kit_check_prints_each_notebooks_time_stretch_and_items(capsys):
    main(["check"])
    out = capsys.readouterr().out
    for lesson in load_lessons().notebooks:
        assert re.search(rf"kit check: notebook {lesson.id}: about \d+ min \(reading \d+, exercises \d+\), \d+ checks; "
                         r"longest stretch without a check \d+ min", out), lesson.id
        assert re.search(rf"kit check: notebook {lesson.id}: graded items \d+ \(.*\); written items \d+ \(.*\); "
                         r"unassessed objectives: ", out), lesson.id
    assert re.search(r"kit check: graded items of the kit: \d+ \(.*\); \d+% at apply or above [✔✘] \(target 60%\)",
                     out)


def test_the_header_and_kit_check_use_the_same_numbers():
    reports = notebook_reports()
    for r in reports:
        if r.estimate is None:
            continue
        header = visible_text(kit.show_lesson(r.lesson.id))
        total, _, _ = time_words(r.estimate)
        assert f"about {total} minutes" in header, r.lesson.id


def test_each_notebook_shows_its_header_first_and_its_key_points_last_in_both_editions():
    ids = {n.id for n in load_lessons().notebooks}
    last = max(ids)
    for folder in (ROOT / "notebooks", ROOT / "notebooks" / "fr"):
        for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
            number = path.name[:2]
            code = ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                    if c["cell_type"] == "code"]
            assert f'kit.show_lesson("{number}")' in code[0], f"{path.name}: the header is the first view"
            end = "kit.show_glossary()" if number == last else f'kit.show_key_points("{number}")'
            assert end in code[-1], f"{path.name}: the last cell shows {end}"
            if number == last:
                assert "kit.show_unit_summary()" in "".join(code[-2:]), path.name


# ------------------------------------------------------------------------------------------------ the targets
def test_the_targets_of_a_complete_lesson_are_met():
    """Issue 20: at least 60 % of graded items at apply or above; at most 3 final-quiz items repeated from the
    notebook quizzes; a scenario item in every notebook's quizzes; no stretch over 15 minutes without a check. Read
    from the data: the quiz engineer's rewritten quizzes meet them."""
    assert missed_targets() == []


def test_a_quiz_that_does_not_parse_leaves_the_objectives_it_may_assess_alone(data_copy):
    path = data_copy / "quizzes" / "04-us.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nquestions:\n", "\nquestions:\n     bad: [\n", 1),
                    encoding="utf-8")
    found = problems_of(data_copy)
    assert any(p.startswith(str(path)) for p in found)
    assert not [p for p in found if "is assessed by no item" in p]  # what reads the quiz waits for it
