"""The French notebooks are twins of the English ones: the same kit calls in the same order, the language set first.

Each French notebook ``notebooks/fr/NN_….ipynb`` is paired with the English ``notebooks/NN_….ipynb`` by its number.
Its code cells are parsed with ``ast`` (never run here; nbval and the browser tests run them), and the sequence of
``kit.…(…)`` calls, with their arguments, must equal the English one, apart from one ``kit.set_language("fr")``
that comes before every other kit call. A call added to one edition and not the other fails here, naming both files.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from tests.conftest import ROOT

EN = {p.name[:2]: p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
FR = {p.name[:2]: p for p in sorted((ROOT / "notebooks" / "fr").glob("[0-9][0-9]_*.ipynb"))}
SET_FRENCH = ast.unparse(ast.parse('kit.set_language("fr")'))


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def kit_calls(path) -> list[str]:
    """Every call of a ``kit.`` function in the code cells of ``path``, in order, as source (``kit.show_quiz('x')``)."""
    calls = []
    for cell in _cells(path):
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]), filename=str(path))
        found = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                 and node.func.value.id == "kit"]
        calls += [ast.unparse(node) for node in sorted(found, key=lambda n: (n.lineno, n.col_offset))]
    return calls


def _tags(path) -> list[tuple[str, list[str]]]:
    return [(c["cell_type"], sorted(c.get("metadata", {}).get("tags", []))) for c in _cells(path)
            if c.get("metadata", {}).get("tags")]


def test_every_english_notebook_has_one_french_twin_and_no_french_notebook_is_an_orphan():
    assert EN, "no English notebooks found"
    assert sorted(EN) == sorted(FR), (
        f"English notebooks {sorted(EN)} and French notebooks {sorted(FR)} differ: "
        "each notebooks/NN_….ipynb needs a notebooks/fr/NN_….ipynb")
    assert len(list((ROOT / "notebooks" / "fr").glob("*.ipynb"))) == len(FR), "a French notebook lacks its NN_ prefix"


@pytest.mark.parametrize("number", sorted(EN))
def test_french_notebook_makes_the_same_kit_calls_in_the_same_order(number):
    en, fr = EN[number], FR.get(number)
    assert fr is not None, f"no French twin of {en.name} in notebooks/fr/"
    english, french = kit_calls(en), kit_calls(fr)
    assert SET_FRENCH not in english, f"{en.name} sets the French language"
    assert french[:1] == [SET_FRENCH], (
        f"fr/{fr.name}: the first kit call must be {SET_FRENCH}, before any view is made; it is {french[:1]}")
    assert french.count(SET_FRENCH) == 1, f"fr/{fr.name} sets the language more than once"
    assert french[1:] == english, (
        f"fr/{fr.name} and {en.name} make different kit calls:\n  French:  {french[1:]}\n  English: {english}")


@pytest.mark.parametrize("number", sorted(EN))
def test_french_notebook_tags_its_instructor_and_solution_cells_as_the_english_one(number):
    en, fr = EN[number], FR[number]
    assert _tags(fr) == _tags(en), f"fr/{fr.name} tags {_tags(fr)}, {en.name} tags {_tags(en)}"


@pytest.mark.parametrize("number", sorted(FR))
def test_french_notebook_links_only_to_french_notebooks_that_exist(number):
    path = FR[number]
    text = "".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    for name in re.findall(r"\b(\d\d_[\w-]+\.ipynb)\b", text):
        assert (path.parent / name).exists(), f"fr/{path.name} points students to {name}, which is not in notebooks/fr/"


def test_the_twin_check_sees_a_call_that_drifted(tmp_path):
    # The check itself must fail on drift: a French twin that shows another case is caught.
    nb = json.loads(FR["01"].read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["source"] = ["".join(cell["source"]).replace('"slack-2024"', '"zoom-2023"')]
    drifted = tmp_path / FR["01"].name
    drifted.write_text(json.dumps(nb), encoding="utf-8")
    assert kit_calls(drifted)[1:] != kit_calls(EN["01"])
    assert kit_calls(drifted)[0] == SET_FRENCH


GUIDE = ROOT / "docs" / "guide_enseignant.md"


def _outside_code(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))


@pytest.mark.parametrize("path", [*FR.values(), ROOT / "data" / "ui" / "fr.yaml", GUIDE],
                         ids=[*(p.name for p in FR.values()), "fr.yaml", GUIDE.name])
def test_french_text_keeps_non_breaking_spaces_before_double_punctuation_and_inside_guillemets(path):
    if path.suffix == ".ipynb":
        text = "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    for n, line in enumerate(_outside_code(text).splitlines(), 1):
        bad = re.search(r" [;:!?»%]|« ", line)
        assert not bad, f"{path.name}, line {n}: an ordinary space in {bad.group()!r} (French typography wants a " \
                        f"non-breaking space): {line.strip()[:100]}"


def test_the_french_guide_puts_a_no_break_space_before_each_labels_colon_and_names_levels_in_french():
    """The generated parts of the French guide: « *Une bonne réponse* : », « Question d'ouverture : », never a colon
    glued to its label (French typography), and Bloom's levels in French words (*appliquer*, not *apply*)."""
    text = GUIDE.read_text(encoding="utf-8")
    glued = [line[:80] for line in text.splitlines() if re.search(r"[*\w]:\s", line) and "://" not in line
             and not line.startswith(("<!--", "`", "    "))]
    assert glued == [], "labels with their colon glued on:\n" + "\n".join(glued[:10])
    english = re.findall(r"\*(remember|understand|apply|analyse|evaluate|create)\*", text)
    assert english == [], f"Bloom's levels left in English: {sorted(set(english))}"


def test_the_french_guide_names_every_french_notebook():
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [p.stem for p in FR.values() if p.stem not in guide]
    assert not missing, f"docs/guide_enseignant.md does not mention {missing}"
