"""The glossary (data/glossary.yaml, kit/content/glossary.py, kit/glossary.py, kit/ui/glossary.py): a kind of content
added with its own files and one registry line; translated like any other; kit.show_glossary() shows it."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from conftest import ROOT

import kit
from kit.content import ContentError
from kit.content.glossary import load_glossary
from kit.content.language import speaking
from kit.content.law import load_law
from kit.content.registry import check_all, kind
from kit.content.vocabulary import load_vocabulary_file

SEED = ["consent", "opt-in", "opt-out", "default", "legitimate-interest", "controller", "processor", "personal-data",
        "pseudonymised-data", "anonymous-data"]


def _terms(html: str) -> list[str]:
    return re.findall(r"<dt[^>]*><strong>([^<]+)</strong>", html)


def test_the_shipped_glossary_is_checked_and_takes_vocabulary_definitions_from_there():
    glossary = load_glossary()
    assert [t.id for t in glossary.terms] == SEED
    counts, problems = check_all(kinds=(kind("glossary"),))
    assert problems == [] and counts["glossary terms"] == len(SEED)
    html = kit.show_glossary().value
    consent = next(t for t in load_vocabulary_file().terms if t.id == "consent").definition
    assert consent in html.replace("&#x27;", "'")  # written once, in the vocabulary


def test_the_view_lists_terms_alphabetically_with_the_law_sources_and_statuses():
    view = kit.show_glossary()
    terms = _terms(view.value)
    assert terms == sorted(terms, key=str.casefold) and len(terms) == len(SEED)
    assert html.escape(load_law()["gdpr-art-6-1-f"].title, quote=True) in view.value  # from data/law, linked
    assert "Seen only in a copy or quotation" in view.value and "read in a copy" in view.value
    assert "See also" in view.value
    bundle = view._repr_mimebundle_()
    assert bundle["text/plain"] == "Glossary: 10 terms, each with its definition"
    assert "controller" in bundle["text/html"]


def test_the_french_glossary_is_in_french_laws_words():
    with speaking("fr"):
        view = kit.show_glossary()
    terms = _terms(view.value)
    assert {"responsable du traitement", "sous-traitant", "données à caractère personnel", "intérêt légitime",
            "consentement"} <= set(terms)
    assert terms.index("données anonymes") < terms.index("intérêt légitime")  # alphabetical, accents aside
    assert "Défini en droit" in view.value and "Controller" not in view.value
    assert "L&#x27;accord d&#x27;une personne" in view.value  # the vocabulary's French definition


@pytest.mark.parametrize("old, new, field, words", [
    ("    vocabulary: opt-in\n", "    vocabulary: opt-in\n    definition: Mine.\n", "definition", "not both"),
    ("    vocabulary: default\n", "", "definition", "missing: write a definition"),
    ("vocabulary: opt-out", "vocabulary: opt-outt", "vocabulary", "unknown consent-vocabulary term 'opt-outt'"),
    ("law: [gdpr-art-6-1-f, gdpr-art-21-1]", "law: [gdpr-art-6-1-g]", "law[1]", "unknown legal text"),
    ("related: [controller]", "related: [controler]", "related[1]", "Did you mean 'controller'?"),
    ("  - id: opt-out\n", "  - id: opt-in\n", "id", "duplicate id: another term already has the id 'opt-in'"),
])
def test_kit_check_names_the_file_the_term_and_the_field(data_copy, old, new, field, words):
    path = data_copy / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _counts, problems = check_all(data_copy, (kind("glossary"),))
    hits = [p for p in problems if p.field == field and words in p.message]
    assert hits and hits[0].file.endswith("glossary.yaml") and hits[0].line and hits[0].entry.startswith("term '"), \
        [str(p) for p in problems]
    with pytest.raises(ContentError):
        load_glossary(data_copy)


def test_a_copy_given_by_path_shows_its_french(tmp_path, monkeypatch):
    copy = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "data", copy)
    monkeypatch.delenv("KIT_DATA", raising=False)
    with speaking("fr"):
        terms = {t.id: t.term for t in load_glossary(copy).terms}
    assert terms["controller"] == "responsable du traitement"
