"""Slides and handouts (issue 22), as a projector and a printer show them: each deck's every slide renders and fits,
nothing leaves the machine, axe finds nothing serious; each handout PDF opens and reads as its session."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from kit.instructor import handouts, slides
from tests.browser.conftest import axe_scan, describe

pytestmark = pytest.mark.browser


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("slides")
    assert slides.build(out)
    return out


def test_every_slide_renders_fits_and_loads_nothing_from_outside(decks, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    root, outside, problems, found = decks.resolve(), [], [], []
    paths = sorted(decks.glob("*/*--*.html"))
    assert len(paths) >= 12
    for path in paths:
        requested.clear()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        total = page.evaluate("() => Reveal.getTotalSlides()")
        assert 8 <= total <= 25, f"{path.name}: {total} slides"
        for i in range(total):
            page.evaluate("(i) => Reveal.slide(i)", i)
            page.wait_for_timeout(50)
            state = page.evaluate("""() => { const s = Reveal.getCurrentSlide();
                return {text: s.innerText.trim().length, height: s.scrollHeight, room: 720,
                        imgs: [...s.querySelectorAll('img')].map(im => im.complete && im.naturalWidth > 0
                               && !!im.getAttribute('alt'))}; }""")
            if not state["text"] or state["height"] > state["room"] or not all(state["imgs"]):
                problems.append(f"{path.parent.name}/{path.name} slide {i + 1}: {state}")
        for url in requested:
            parsed = urlparse(url)
            if parsed.scheme != "data" and (parsed.scheme != "file"
                                            or not Path(unquote(parsed.path)).resolve().is_relative_to(root)):
                outside.append(f"{path.name}: {url[:100]}")
        violations = axe_scan(page, ".reveal")
        if violations:
            found.append(f"{path.name}:\n{describe(violations)}")
    context.close()
    assert not outside, "requests left the machine:\n" + "\n".join(outside)
    assert not problems, "slides that do not render whole:\n" + "\n".join(problems)
    assert not found, "\n".join(found)


def test_french_slides_keep_their_no_break_spaces(decks):
    """A French slide never breaks a line inside « » or before « : » (the data's no-break spaces reach the deck)."""
    broken = []
    for path in sorted(decks.glob("fr/*--*.html")):
        text = path.read_text(encoding="utf-8")
        broken += [f"{path.name}: …{m.group()}…" for m in re.finditer(r".{0,20}(« | »| :).{0,10}", text)]
    assert not broken, "ordinary spaces where French typography wants no-break ones:\n" + "\n".join(broken[:10])


def test_the_speaker_notes_hold_the_prompts_notes(decks):
    text = (decks / "en" / "two-sessions--case-and-words.html").read_text(encoding="utf-8")
    assert "<aside class='notes'>" in text and "A good answer" in text
    french = (decks / "fr" / "two-sessions--case-and-words.html").read_text(encoding="utf-8")
    assert "Une bonne réponse" in french and 'lang="fr"' in french


def test_each_handout_is_a_pdf_that_reads_as_its_session(tmp_path, browser):
    from pypdf import PdfReader

    from kit.content.language import speaking
    from kit.content.plans import load_plans
    from kit.plans import load_unit, planned

    written = handouts.build(tmp_path, browser=browser)
    assert len(written) >= 12
    for pdf in written:
        lang = pdf.parent.name
        with speaking(lang):
            session = next(s for ss in planned(load_plans(), load_unit()) for s in ss
                           if slides.deck_name(s) == pdf.stem)
            reader = PdfReader(str(pdf))
            text = _plain(" ".join(p.extract_text() or "" for p in reader.pages))  # ligatures (ﬀ) read as letters
            assert _plain(session.session.title) in text, pdf.name
            checklist = "The consent checklist, blank" if lang == "en" else "La grille du consentement, vierge"
            assert checklist in text, pdf.name
            for p in slides.session_prompts(session, None)[:1]:
                assert _plain(p.text)[:40] in text, (pdf.name, p.text[:40])
