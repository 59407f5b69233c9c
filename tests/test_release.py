"""kit release: each transformation on its own, the student version against a golden copy, and a real round trip."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from kit.instructor.cli import main
from kit.instructor.release import (
    ANSWER_KEY_FIELDS,
    STUB,
    ReleaseError,
    clear_outputs,
    clear_solution_regions,
    instructor_version,
    read_notebook,
    release,
    remove_instructor_cells,
    remove_solution_cells,
    strip_answer_keys,
    strip_keys,
    student_version,
    tagged_cells,
    write_notebook,
)

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).resolve().parent / "fixtures" / "release"


@pytest.fixture
def lesson():
    return read_notebook(FIX / "lesson.ipynb")


def ids(nb) -> list[str]:
    return [c["id"] for c in nb.cells]


def code_nb(*sources: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


# ------------------------------------------------------------------------------------------ each step alone
def test_remove_solution_cells_drops_every_solution_cell_and_nothing_else(lesson):
    out = remove_solution_cells(lesson)
    assert ids(out) == [i for i in ids(lesson) if i not in ("answer-md", "answer-test")]
    assert "teach" in ids(out)  # instructor notes are another step's job


def test_remove_instructor_cells_drops_only_instructor_cells(lesson):
    out = remove_instructor_cells(lesson)
    assert ids(out) == [i for i in ids(lesson) if i != "teach"]


def test_steps_leave_their_argument_alone(lesson):
    before = copy.deepcopy(lesson)
    for step in (remove_solution_cells, remove_instructor_cells, clear_outputs, clear_solution_regions,
                 student_version, instructor_version):
        step(lesson)
    assert lesson == before


def test_clear_solution_regions_keeps_the_lines_around_and_the_indentation():
    nb = code_nb("def f(n):\n    # BEGIN SOLUTION\n    return 2 * n\n    # END SOLUTION\n\nprint(f)")
    out = clear_solution_regions(nb)
    assert out.cells[0].source == f"def f(n):\n    {STUB}\n\nprint(f)"
    compile(out.cells[0].source, "cell", "exec")  # the stub keeps the function valid Python


def test_clear_solution_regions_accepts_nbgrader_style_markers_and_several_regions():
    nb = code_nb("### BEGIN SOLUTION\na = 1\n### END SOLUTION\nb = 2\n# BEGIN SOLUTION\nc = 3\n# END SOLUTION")
    assert clear_solution_regions(nb, stub="pass").cells[0].source == "pass\nb = 2\npass"


def test_clear_solution_regions_leaves_markdown_and_plain_code_alone():
    nb = code_nb("x = 'SOLUTION is a word here'")
    nb.cells.append(nbformat.v4.new_markdown_cell("# BEGIN SOLUTION\ntext\n# END SOLUTION"))
    assert clear_solution_regions(nb) == nb


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# BEGIN SOLUTION\nx = 1", "'# BEGIN SOLUTION' without a matching '# END SOLUTION'"),
        ("x = 1\n# END SOLUTION", "line 2: '# END SOLUTION' without a '# BEGIN SOLUTION' before it"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION", "line 2: '# BEGIN SOLUTION' inside another"),
    ],
)
def test_an_unbalanced_region_is_named_by_notebook_cell_and_line(source, message):
    nb = code_nb("ok = 1", source)
    with pytest.raises(ReleaseError) as e:
        clear_solution_regions(nb, name="03_x.ipynb")
    assert str(e.value).startswith("03_x.ipynb, cell 2")
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_clear_outputs_empties_outputs_and_execution_counts(lesson):
    assert any(c.get("outputs") for c in lesson.cells)
    out = clear_outputs(lesson)
    code = [c for c in out.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert [c.source for c in out.cells] == [c.source for c in lesson.cells]


# -------------------------------------------------------------------------------------------- versions
def test_no_tagged_cell_survives_the_student_version(lesson):
    assert tagged_cells(lesson) == [2, 7, 8]
    out = student_version(lesson)
    assert tagged_cells(out) == []
    text = nbformat.writes(out)
    assert "Instructor notes" not in text and "**Answer**" not in text and "BEGIN SOLUTION" not in text
    assert "keep-me" in text and "hide-input" in text  # other tags are kept


def test_student_version_matches_the_golden_copy(lesson):
    produced = nbformat.writes(student_version(lesson, name="lesson.ipynb")) + "\n"
    assert produced == (FIX / "golden" / "lesson.ipynb").read_text(encoding="utf-8")


def test_instructor_version_keeps_every_cell_and_tag_but_no_output(lesson):
    out = instructor_version(lesson)
    assert ids(out) == ids(lesson)
    assert [c.metadata for c in out.cells] == [c.metadata for c in lesson.cells]
    assert not any(c.get("outputs") or c.get("execution_count") for c in out.cells)


def test_an_untagged_output_free_notebook_is_written_back_byte_for_byte(tmp_path):
    src = FIX / "untagged.ipynb"
    write_notebook(student_version(read_notebook(src)), tmp_path / "out.ipynb")
    assert (tmp_path / "out.ipynb").read_bytes() == src.read_bytes()


def test_the_tagged_real_notebooks_round_trip_through_read_and_write(tmp_path):
    # The notebooks are written by nbformat as the release writes them, so the instructor version keeps their bytes.
    for name in ("00_start_here.ipynb", "01_the_slack_case.ipynb"):
        src = ROOT / "notebooks" / name
        write_notebook(instructor_version(read_notebook(src)), tmp_path / src.name)
        assert (tmp_path / src.name).read_bytes() == src.read_bytes(), src.name


# ------------------------------------------------------------------------------------------------ folders
def test_release_writes_every_notebook_and_copies_other_files(tmp_path):
    src = tmp_path / "nbs"
    src.mkdir()
    for f in ("lesson.ipynb", "untagged.ipynb"):
        (src / f).write_bytes((FIX / f).read_bytes())
    (src / "figure.png").write_bytes(b"\x89PNG fake")
    (src / ".ipynb_checkpoints").mkdir()
    (src / ".ipynb_checkpoints" / "lesson-checkpoint.ipynb").write_bytes((FIX / "lesson.ipynb").read_bytes())
    written = release(src, tmp_path / "out")
    out = tmp_path / "out" / "notebooks"
    assert sorted(p.name for p in written) == ["lesson.ipynb", "untagged.ipynb"]
    assert (out / "lesson.ipynb").read_bytes() == (FIX / "golden" / "lesson.ipynb").read_bytes()
    assert (out / "figure.png").read_bytes() == b"\x89PNG fake"
    assert not (out / ".ipynb_checkpoints").exists()

    release(src, tmp_path / "teacher", instructor=True)
    assert tagged_cells(read_notebook(tmp_path / "teacher" / "notebooks" / "lesson.ipynb")) == [2, 7, 8]


def test_release_refuses_a_non_empty_output_folder_and_a_missing_source(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    with pytest.raises(ReleaseError, match="already exists and is not empty"):
        release(FIX, tmp_path / "out")
    assert (tmp_path / "out" / "keep.txt").read_text() == "mine"
    with pytest.raises(ReleaseError, match="no notebooks folder"):
        release(tmp_path / "nowhere", tmp_path / "new")


def test_a_bad_notebook_leaves_no_half_written_release(tmp_path):
    src = tmp_path / "nbs"
    src.mkdir()
    (src / "a.ipynb").write_bytes((FIX / "untagged.ipynb").read_bytes())
    write_notebook(code_nb("# BEGIN SOLUTION\nx = 1"), src / "b.ipynb")
    with pytest.raises(ReleaseError, match=r"b\.ipynb, cell 1"):
        release(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()


# -------------------------------------------------------------------------------------------- answer keys
QUIZ = """# a comment
id: demo
title: Demo quiz
questions:
  - id: q1
    type: single
    text: Who could opt out?
    options:
      - id: owners
        text: Owners
        feedback: Right, only owners.
      - id: members
        text: Members
    answer: owners
    explanation: The principles named owners.
  - id: q2
    type: reflection
    text: Is that consent?
    model_answer: Probably not.
    discussion: ["Who chose?"]
    sources:
      - url: https://example.org
        status: seen-primary
        date: 2024-05-17
"""


def test_strip_keys_removes_answer_fields_at_any_depth():
    tree = yaml.safe_load(QUIZ)
    out = strip_keys(tree)
    q1, q2 = out["questions"]
    assert "answer" not in q1 and "explanation" not in q1
    assert q1["options"] == [{"id": "owners", "text": "Owners"}, {"id": "members", "text": "Members"}]
    assert set(q2) == {"id", "type", "text", "sources"}
    assert tree["questions"][0]["answer"] == "owners"  # the argument is left alone


def test_strip_answer_keys_writes_a_data_copy_without_keys(tmp_path):
    data = tmp_path / "data"
    (data / "quizzes").mkdir(parents=True)
    (data / "quizzes" / "demo.yaml").write_text(QUIZ, encoding="utf-8")
    (data / "ui").mkdir()
    (data / "ui" / "en.yaml").write_text("a: b\n", encoding="utf-8")
    written = strip_answer_keys(data, tmp_path / "student-data")
    assert [p.name for p in written] == ["demo.yaml"]
    text = (tmp_path / "student-data" / "quizzes" / "demo.yaml").read_text(encoding="utf-8")
    assert set(ANSWER_KEY_FIELDS) == {"answer", "feedback", "explanation", "model_answer", "discussion"}
    for key in ANSWER_KEY_FIELDS:
        assert f"{key}:" not in text
    assert "Who could opt out?" in text and "date: 2024-05-17" in text  # dates stay as written
    assert (tmp_path / "student-data" / "ui" / "en.yaml").read_text() == "a: b\n"
    assert (data / "quizzes" / "demo.yaml").read_text(encoding="utf-8") == QUIZ
    # The rest of the quiz is unchanged; the file says its keys are withheld, so the quiz records, not grades.
    assert yaml.safe_load(text) == {**strip_keys(yaml.safe_load(QUIZ)), "answer_keys": "withheld"}


def test_strip_answer_keys_is_tolerant_of_no_quizzes_and_names_bad_yaml(tmp_path):
    (tmp_path / "data").mkdir()
    assert strip_answer_keys(tmp_path / "data", tmp_path / "out1") == []
    (tmp_path / "data" / "quizzes").mkdir()
    (tmp_path / "data" / "quizzes" / "bad.yaml").write_text("a: [1,\n", encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"bad\.yaml, line \d+: not valid YAML"):
        strip_answer_keys(tmp_path / "data", tmp_path / "out2")


def test_cli_release_without_answer_keys(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "quizzes").mkdir(parents=True)
    (data / "quizzes" / "demo.yaml").write_text(QUIZ, encoding="utf-8")
    src = tmp_path / "nbs"
    src.mkdir()
    (src / "lesson.ipynb").write_bytes((FIX / "lesson.ipynb").read_bytes())
    code = main(["release", "--out", str(tmp_path / "out"), "--notebooks", str(src), "--without-answer-keys",
                 "--data", str(data)])
    said = capsys.readouterr().out
    assert code == 0
    assert "student version of 1 notebook(s)" in said
    assert "the answer keys removed from 1 file(s): quizzes/demo.yaml" in said
    assert "answer:" not in (tmp_path / "out" / "notebooks" / "data" / "quizzes" / "demo.yaml").read_text(
        encoding="utf-8")


# ---------------------------------------------------------------------------------------------- round trip
def _code(path: Path) -> list[str]:
    return [c.source for c in read_notebook(path).cells if c.cell_type == "code"]


def test_released_real_notebooks_pass_nbval(tmp_path):
    """Release the kit's own notebooks, then run through nbval, from the released folder alone, what only the release
    can break (issue 16 item 12): a kernel started there imports the kit copied there, reads the content copied there
    (all of it passes kit check) and shows a quiz; and every student copy whose code the release changed (a solution
    region stubbed, a tagged code cell removed) runs top to bottom. A copy whose code is its source's, with the same
    kit and content, is the notebook nbval runs in notebooks/ (issue 26 item 8: each notebook run once)."""
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    folder = tmp_path / "rel" / "notebooks"
    notebooks = sorted(folder.glob("*.ipynb"))
    assert notebooks, "no notebook was released"
    for nb in notebooks:
        assert not tagged_cells(read_notebook(nb)), nb.name
    assert (folder / "kit" / "__init__.py").is_file() and (folder / "data" / "quizzes" / "final.yaml").is_file()
    changed = [nb for nb in notebooks if _code(nb) != _code(ROOT / "notebooks" / nb.name)]
    where = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import pathlib, kit\nfrom kit.content.base import data_root\nhere = pathlib.Path.cwd().resolve()\n"
        "assert pathlib.Path(kit.__file__).resolve().parent == here / 'kit', kit.__file__\n"
        "assert data_root().resolve() == here / 'data', data_root()\n"
        "from kit.content.registry import check_all\nproblems = check_all()[1]\nassert not problems, problems[:5]\n"
        "kit.show_quiz('final')")])
    nbformat.write(where, str(folder / "zz_where_is_kit.ipynb"))
    env = {k: v for k, v in os.environ.items() if k not in ("KIT_DATA", "PYTHONPATH")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
         "--nbval-cell-timeout=120", *map(str, changed), str(folder / "zz_where_is_kit.ipynb")],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    cells = sum(len(_code(nb)) for nb in changed) + 1  # nbval's tests: one per code cell
    assert f"{cells} passed" in result.stdout and "failed" not in result.stdout, result.stdout[-3000:]


def test_instructor_notebooks_are_left_out_of_student_releases(tmp_path):
    from kit.instructor.release import release

    src = tmp_path / "nb"
    (src / "instructor").mkdir(parents=True)
    shutil.copy(FIX / "lesson.ipynb", src / "lesson.ipynb")
    shutil.copy(FIX / "lesson.ipynb", src / "instructor" / "class_results.ipynb")
    release(src, tmp_path / "students")
    assert sorted(p.name for p in (tmp_path / "students" / "notebooks").rglob("*.ipynb")) == ["lesson.ipynb"]
    release(src, tmp_path / "teachers", instructor=True)
    assert (tmp_path / "teachers" / "notebooks" / "instructor" / "class_results.ipynb").exists()
def test_student_notebooks_keep_instructor_notes_in_tagged_cells():
    """Text for instructors is in cells tagged 'instructor' (removed from student copies), never in student cells."""
    import re

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = read_notebook(path)
        for i, cell in enumerate(nb.cells, 1):
            if set(cell.get("metadata", {}).get("tags", [])) & {"instructor", "solution"}:
                continue
            # a paragraph addressed to instructors: "**For instructors:** …", "**Instructor notes** …"
            assert not re.search(r"\*\*\s*(for instructors|instructor notes|answer notes)", cell.source, re.I), \
                f"{path.name}, cell {i}: instructor text in a student cell"


def test_released_folder_holds_what_import_kit_needs(tmp_path):
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    folder = tmp_path / "rel" / "notebooks"
    assert (folder / "kit" / "__init__.py").is_file() and (folder / "kit" / "ui" / "quiz.py").is_file()
    assert (folder / "data" / "writing.yaml").is_file() and not list(folder.rglob("__pycache__"))
    nb6 = (folder / "08_final_quiz.ipynb").read_text(encoding="utf-8")
    assert "For instructors" not in nb6 and "kit results" not in nb6


# ------------------------------------------------------------------------------- model answers, kept or withheld
def _writing_output(nb) -> str:
    """The HTML the writing cell of an executed notebook shows where widgets do not run."""
    cell = next(c for c in nb.cells if c.cell_type == "code" and "kit.show_writing(" in c.source)
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


@pytest.mark.parametrize("withheld", [False, True], ids=["kept", "withheld"])
def test_a_released_notebook_shows_the_model_answers_unless_they_are_withheld(tmp_path, monkeypatch, withheld):
    """Issue 20: 'kit release --without-model-answers' for graded homework; without it (self-study) every prompt keeps
    its model answer. Tested on what the released notebook shows when it runs, with its own kit and data."""
    from kit.book import execute
    from kit.content.writing import load_writing

    monkeypatch.delenv("KIT_DATA", raising=False)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_the_slack_case.ipynb", src)
    out = tmp_path / "out"
    args = ["release", "--out", str(out), "--notebooks", str(src)]
    assert main(args + (["--without-model-answers"] if withheld else [])) == 0
    data = out / "notebooks" / "data"
    shown = _writing_output(execute(out / "notebooks" / "01_the_slack_case.ipynb"))
    model = load_writing().sets[0].prompts[0]
    assert "Questions to think about" in shown
    if withheld:
        assert "Show a model answer" not in shown and model.model_answer[:40] not in shown
        assert "Your instructor will discuss these questions with you: this copy has no model answers." in shown
        text = (data / "writing.yaml").read_text(encoding="utf-8")
        assert "model_answers: withheld" in text
        assert not re.search(r"^\s*(model_answer|discussion|facilitation):", text, re.M)
        fr = (data / "translations" / "fr" / "writing.yaml").read_text(encoding="utf-8")
        assert ".model_answer:" not in fr and ".facilitation." not in fr and ".discussion[" not in fr
        assert "model_answer:" not in (data / "quizzes" / "final.yaml").read_text(encoding="utf-8")
        assert "answer:" in (data / "quizzes" / "final.yaml").read_text(encoding="utf-8")  # keys are another option
    else:
        assert shown.count("Show a model answer") == 3 and model.model_answer[:40] in shown
        assert model.facilitation.good_answer[:40] not in shown  # notes for instructors stay out of every copy


def test_withholding_model_answers_adds_no_problem_to_the_content(tmp_path):
    import kit
    from kit.instructor.release import strip_withheld

    before = {(p.field, p.message) for p in kit.check_all(ROOT / "data")[1]}
    written = strip_withheld(ROOT / "data", tmp_path / "student", ("model_answer", "answer_key"))
    assert {p.relative_to(tmp_path / "student").as_posix() for p in written} >= {"writing.yaml", "quizzes/final.yaml"}
    after = {(p.field, p.message) for p in kit.check_all(tmp_path / "student")[1]}
    assert after <= before
