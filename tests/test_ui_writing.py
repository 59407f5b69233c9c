"""A model answer behind every prompt (issue 20): "Compare with a model answer" shows the model answer beside what the
student wrote, then the discussion points; facilitation notes never reach a student; every prompt a notebook shows has
a model answer, in both languages; the reading edition folds them behind "Show a model answer"."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, visible_text

import kit
from kit import writing as handed_in
from kit.content.language import speaking
from kit.content.writing import load_writing


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    return tmp_path / "saved"


def facilitation_words(wset) -> list[str]:
    out = []
    for p in wset.prompts:
        f = p.facilitation
        out += [f.good_answer, *f.misconceptions, f.push or "", f.format or ""]
    return [w for w in out if w]


def test_compare_before_writing_asks_for_an_answer_first():
    view = kit.show_writing("policy-reflection")
    first = view.items[0]
    first.compare_button.click()
    assert visible_text(first.comparison) == "Write your answer in the box first; then compare it with a model answer."


def test_compare_shows_the_model_answer_beside_what_was_written_then_the_discussion():
    view = kit.show_writing("law-discussion")
    item = view.items[1]
    item.box.value = "The same move as Planet49: <b>yes</b> by default.\nA second line."
    item.compare_button.click()
    said = visible_text(item.comparison)
    prompt = load_writing().sets[2].prompts[1]
    assert said.startswith("Your answer The same move as Planet49: <b>yes</b> by default. A second line. "
                           "A model answer " + prompt.model_answer[:40])
    assert said.index("Your answer") < said.index("A model answer") < said.index("Points to discuss")
    assert all(d in said for d in prompt.discussion)
    assert "&lt;b&gt;yes&lt;/b&gt;" in item.comparison.value  # what was written is shown as written, never as markup
    html = item.comparison.value
    assert "flex-wrap:wrap" in html and html.count("flex:1 1 18em") == 2  # side by side, stacked when narrow
    item.box.value = "A better answer."  # the comparison follows the text
    assert "Your answer A better answer." in visible_text(item.comparison)
    item.box.value = ""
    assert item.comparison.value == ""


def test_facilitation_notes_never_reach_a_student():
    for wset in load_writing().sets:
        view = kit.show_writing(wset.id)
        for item in view.items:
            item.box.value = "Something."
            item.compare_button.click()
        shown = visible_text(view) + view.static_html() + view.static_text()
        for words in facilitation_words(wset):
            assert words not in shown, (wset.id, words)


def test_every_prompt_a_notebook_shows_has_a_model_answer_in_both_languages():
    used = set()
    for path in [*(ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"), *(ROOT / "notebooks" / "fr").glob("*.ipynb")]:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            used.update(re.findall(r'kit\.show_writing\("([^"]+)"\)', "".join(cell["source"])))
    assert used
    for lang in ("en", "fr"):
        with speaking(lang):
            sets = {s.id: s for s in load_writing().sets}
            for set_id in used:
                for p in sets[set_id].prompts:
                    assert p.model_answer and p.discussion and p.objectives and p.level, (lang, set_id, p.id)
            if lang == "fr":
                answer = sets["policy-reflection"].prompts[0].model_answer
                assert answer.startswith("Pour l'essentiel, une clarification")


def test_the_french_view_compares_in_french():
    with speaking("fr"):
        view = kit.show_writing("beyond-slack")
        item = view.items[0]
        assert item.compare_button.description == "Comparer avec une réponse type"
        item.box.value = "Aucune n'offrait de choix."
        item.compare_button.click()
        said = visible_text(item.comparison)
    assert said.startswith("Votre réponse Aucune n'offrait de choix. Une réponse type Les affaires « aucun choix »")
    assert "Points à discuter" in said


def test_the_reading_edition_folds_each_model_answer_behind_a_button():
    view = kit.show_writing("policy-reflection")
    html = view.static_html()
    assert html.count("<details") == 2 and html.count("Show a model answer") == 2
    assert load_writing().sets[1].prompts[0].model_answer[:30] in html


def test_a_comparison_comes_back_with_the_text_after_a_restart(answers_dir):
    view = kit.show_writing("beyond-slack")
    view.keep.save_box.value = True
    view.items[2].box.value = "X's Grok setting, under Article 21(4)."
    handed_in.clear()
    again = kit.show_writing("beyond-slack")
    assert again.items[2].box.value == "X's Grok setting, under Article 21(4)."
    again.items[2].compare_button.click()
    assert "Your answer X's Grok setting" in visible_text(again.items[2].comparison)
