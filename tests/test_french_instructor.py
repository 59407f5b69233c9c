"""The French instructor's class view (issue 25): notebooks/fr/instructor/ is the twin of notebooks/instructor/, and
releases treat it as they treat the English one (left out of student copies, kept in the instructor's)."""

from __future__ import annotations

import json

from kit.instructor.cli import main
from tests.conftest import ROOT
from tests.test_editions import SET_FRENCH, kit_calls

EN = ROOT / "notebooks" / "instructor"
FR = ROOT / "notebooks" / "fr" / "instructor"


def _pairs() -> dict[str, str]:
    """English instructor notebook -> French twin, as data/twins/fr.yaml pairs them."""
    from kit.content.twins import read_ties

    ties = read_ties(ROOT / "data" / "twins" / "fr.yaml")
    return {p.english: p.french for p in ties.pairs if "/instructor/" in p.english}


def test_every_english_instructor_notebook_has_a_french_twin_making_the_same_calls():
    english = sorted(p.relative_to(ROOT).as_posix() for p in EN.glob("*.ipynb"))
    pairs = _pairs()
    assert english and sorted(pairs) == english, (english, pairs)
    for en, fr in pairs.items():
        french = kit_calls(ROOT / fr)
        assert french[0] == SET_FRENCH and french[1:] == kit_calls(ROOT / en), (fr, french)
        cells = json.loads((ROOT / fr).read_text(encoding="utf-8"))["cells"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")


def test_the_french_release_leaves_the_class_view_out_of_student_copies_and_keeps_it_for_instructors(tmp_path):
    out = tmp_path / "students"
    assert main(["release", "--lang", "fr", "--out", str(out)]) == 0
    names = {p.relative_to(out / "notebooks").as_posix() for p in (out / "notebooks").rglob("*.ipynb")}
    assert "00_commencer_ici.ipynb" in names and not [n for n in names if n.startswith("instructor/")]
    teachers = tmp_path / "teachers"
    assert main(["release", "--lang", "fr", "--instructor", "--out", str(teachers)]) == 0
    assert (teachers / "notebooks" / "instructor" / "resultats_de_la_classe.ipynb").exists()
    english = tmp_path / "english"
    assert main(["release", "--out", str(english)]) == 0  # the English release leaves the French edition out
    assert not (english / "notebooks" / "fr").exists()


def test_the_french_guide_points_to_the_french_class_view():
    guide = (ROOT / "docs" / "guide_enseignant.md").read_text(encoding="utf-8")
    assert "notebooks/fr/instructor/resultats_de_la_classe.ipynb" in guide
    assert "n'existe qu'en anglais" not in guide
