"""Issue 27 item 9: the reading edition's pages, as a reader opens them (built here from the notebooks as stored,
without running them: titles and prose are what is asserted; figures and tables are in tests/browser/test_book.py).

* A page's title says nothing twice: the index read "Consent for AI training data: the reading edition · Consent for
  AI training data: the reading edition", its header and its heading the same words again.
* The final quiz's page gave the instructions for the live widgets ("press Check", "Tab moves between controls",
  "tick Save my answers"), which a static page does not have: cells tagged ``live`` stay in the notebooks and are
  replaced, on the page, by one sentence saying how to answer.
"""

from __future__ import annotations

import html
import re

import nbformat
import pytest

from kit.book import build, notebook_sets
from kit.i18n import set_language, t
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    sets = notebook_sets(ROOT / "notebooks")
    stored = {lang: [(p, nbformat.read(p, as_version=4)) for p in paths] for lang, paths in sets.items()}
    out = tmp_path_factory.mktemp("book") / "site"
    build(stored, out)
    return out


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("¶", " ").split())


def repeated(text: str, n: int = 3) -> str | None:
    """The first run of ``n`` words that ``text`` says twice (case and punctuation aside), or None."""
    words = re.findall(r"\w+", text.casefold())
    seen = set()
    for i in range(len(words) - n + 1):
        run = " ".join(words[i:i + n])
        if run in seen:
            return run
        seen.add(run)
    return None


def test_repeated_finds_what_a_reader_would_notice():
    assert repeated("Start here: consent for AI training data · Consent for AI training data: the reading edition")
    assert repeated("08 · Final quiz: opt-in, opt-out and consent · Reading edition") is None


def test_no_page_title_or_heading_says_the_same_thing_twice(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    found = []
    for page in pages:
        doc = page.read_text(encoding="utf-8")
        title = _text(re.search(r"<title>(.*?)</title>", doc, re.S).group(1))
        top = _text(re.search(r"<header.*?</header>", doc, re.S).group(0) + " · "
                    + (re.search(r"<h1.*?</h1>", doc, re.S) or re.search(r"$", doc)).group(0))
        for where, text in (("title", title), ("header and heading", top)):
            again = repeated(text)
            if again:
                found.append(f"{page.relative_to(site)} {where}: {text!r} says {again!r} twice")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang, name", [("en", "08_final_quiz.html"), ("fr", "fr/08_quiz_final.html")])
def test_the_static_quiz_page_gives_no_instructions_for_the_live_widgets(site, lang, name):
    set_language(lang)
    try:
        doc = (site / name).read_text(encoding="utf-8")
        page = _text(doc)
        for button in (t("quiz.check"), t("quiz.hint")):
            assert f"press {button}" not in page and f"appuyez sur {button}" not in page, page
        assert "<kbd>" not in doc  # keys to press on widgets the page does not have
        assert " ".join(t("book.live_note").split()) in page
    finally:
        set_language("en")


def test_live_cells_stay_in_the_notebooks():
    for path in [ROOT / "notebooks" / "08_final_quiz.ipynb", ROOT / "notebooks" / "fr" / "08_quiz_final.ipynb"]:
        nb = nbformat.read(path, as_version=4)
        live = [c for c in nb.cells if "live" in c.metadata.get("tags", [])]
        assert len(live) == 2 and all("<kbd>" in c.source or "**" in c.source for c in live)


def test_make_book_runs_every_notebook_and_keeps_each_in_its_edition_and_order(monkeypatch):
    """``execute_all`` (what ``make book`` runs; the tests read nbval's outputs instead, tests/conftest.py): each
    notebook executed once, in the language of its edition, and given back in its edition, in order."""
    import kit.book

    calls = []

    def execute(path, lang):
        calls.append((lang, path.name))
        return f"{lang}:{path.name}"

    monkeypatch.setattr(kit.book, "execute", execute)
    sets = notebook_sets(ROOT / "notebooks")
    done = kit.book.execute_all(sets)
    assert sorted(calls) == sorted((lang, p.name) for lang, paths in sets.items() for p in paths)
    assert done == {lang: [(p, f"{lang}:{p.name}") for p in paths] for lang, paths in sets.items()}
