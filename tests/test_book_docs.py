"""The reading edition keeps a notebook's links to docs/ working (issue 22 item 6: notebook 04 links the legal primer
before its texts, in JupyterLab as a relative link to the Markdown file, in the site as a page of its own)."""

from __future__ import annotations

import json

import nbformat
import pytest

from kit.book import build, doc_links
from tests.conftest import ROOT

EDITIONS = [("en", ROOT / "notebooks" / "04_consent_and_the_law.ipynb", "legal_primer"),
            ("fr", ROOT / "notebooks" / "fr" / "04_consentement_et_droit.ipynb", "introduction_juridique")]


@pytest.mark.parametrize("lang, path, name", EDITIONS)
def test_notebook_04_links_the_primer_before_its_legal_texts(lang, path, name):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    link = next(i for i, s in enumerate(sources) if f"docs/{name}.md)" in s)
    first_law = next(i for i, s in enumerate(sources) if "kit.show_law(" in s)
    assert link < first_law
    # the link is relative to the notebook, so JupyterLab opens the file next to it
    target = (path.parent / sources[link].split("](")[1].split(")")[0]).resolve()
    assert target == (ROOT / "docs" / f"{name}.md").resolve() and target.is_file()


@pytest.mark.parametrize("lang, path, name", EDITIONS)
def test_the_site_gets_the_primer_as_a_page_and_the_link_points_at_it(tmp_path, lang, path, name):
    nb = nbformat.read(path, as_version=4)
    assert doc_links(nb) == [name]
    out = tmp_path / "site"
    written = build({lang: [(path, nb)]} if lang == "en" else {"en": [], lang: [(path, nb)]}, out)
    page = out / "docs" / f"{name}.html"
    assert page in written and page.is_file()
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html and "<h1" in html and "../book.css" in html
    notebook_page = (out if lang == "en" else out / lang) / path.with_suffix(".html").name
    href = ("" if lang == "en" else "../") + f"docs/{name}.html"
    assert f'href="{href}"' in notebook_page.read_text(encoding="utf-8")
    assert (notebook_page.parent / href).resolve() == page.resolve()


def test_primer_and_its_french_twin_cover_the_same_ground():
    en = (ROOT / "docs" / "legal_primer.md").read_text(encoding="utf-8")
    fr = (ROOT / "docs" / "introduction_juridique.md").read_text(encoding="utf-8")
    for word in ("controller", "processor", "lawful bas", "Consent", "Legitimate interest", "Recitals", "EDPB",
                 "regulator"):
        assert word in en, word
    for word in ("responsable du traitement", "sous-traitant", "base légale", "consentement", "intérêt légitime",
                 "considérants", "CEPD", "autorité de contrôle"):
        assert word in fr, word
    assert en.count("\n## ") == fr.count("\n## ")
