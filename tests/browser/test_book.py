"""The reading edition (``make book``) in a real browser: every page, offline, accessible, readable on a phone.

The site is built once per session from the notebooks the static-form tests executed, into a temporary folder, and
opened from disk: any request for something outside that folder (a CDN, a web font, analytics) fails the test.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from kit.book import build
from tests.browser.conftest import axe_scan, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(executed_notebooks, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book") / "site"
    build(executed_notebooks, out)
    return out


@pytest.fixture(scope="module")
def reader(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_has_an_index_and_a_page_per_notebook(site, executed_notebooks):
    for lang, notebooks in executed_notebooks.items():
        folder = site if lang == "en" else site / lang
        assert (folder / "index.html").exists()
        for path, _nb in notebooks:
            assert (folder / path.with_suffix(".html").name).exists(), f"no page for {path.name}"


def test_every_page_loads_nothing_from_outside_and_every_link_works(site, reader):
    root = site.resolve()
    outside, broken, missing_alt, problems = [], [], [], []
    page = reader.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for path in _pages(site):
        requested.clear()
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        for url in requested:
            parsed = urlparse(url)
            if parsed.scheme == "data":
                continue
            if parsed.scheme != "file" or not Path(unquote(parsed.path)).resolve().is_relative_to(root):
                outside.append(f"{path.name}: {url[:120]}")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parsed = urlparse(href)
            if parsed.scheme in ("http", "https", "mailto"):
                continue
            target = Path(unquote(parsed.path))
            if parsed.scheme != "file" or not target.exists() or not target.resolve().is_relative_to(root):
                broken.append(f"{path.name}: {href}")
            elif parsed.fragment and target.resolve() == path.resolve():
                # a browser tries the fragment as written, then decoded (nbconvert's heading ids are %-encoded)
                found = page.evaluate("(ids) => ids.some(id => !!document.getElementById(id))",
                                      [parsed.fragment, unquote(parsed.fragment)])
                if not found:
                    broken.append(f"{path.name}: {href}")
        missing_alt += [f"{path.name}: image {i}" for i, alt in enumerate(
            page.eval_on_selector_all("img", "els => els.map(e => (e.getAttribute('alt') || '').trim())")) if not alt]
        text = page.inner_text("body")
        for bad in ("children=(", "Traceback", "Error displaying widget"):
            if bad in text:
                problems.append(f"{path.name} shows {bad!r}")
    page.close()
    assert not outside, "requests left the site:\n" + "\n".join(outside)
    assert not broken, "broken internal links:\n" + "\n".join(broken)
    assert not missing_alt, "images without alt text:\n" + "\n".join(missing_alt)
    assert not problems, "\n".join(problems)


def test_figures_have_captions_and_answers_are_folded(site, reader):
    page = reader.new_page()
    page.goto((site / "01_the_slack_case.html").resolve().as_uri())
    assert page.locator("figure img[alt] + figcaption").count() >= 1
    answer = page.locator("details.kit-answer").first
    assert answer.locator("summary").inner_text().strip() == "Show the answer"
    assert not answer.locator("summary ~ *").first.is_visible(), "an answer shows before it is asked for"
    answer.locator("summary").click()
    assert answer.locator("summary ~ *").first.is_visible()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_serious_accessibility_violations(site, reader, scheme):
    page = reader.new_page()
    page.emulate_media(color_scheme=scheme)
    found = []
    for path in _pages(site):
        page.goto(path.resolve().as_uri())
        violations = axe_scan(page)
        if violations:
            found.append(f"{path.relative_to(site)} ({scheme}):\n{describe(violations)}")
    page.close()
    assert not found, "\n".join(found)


def test_pages_fit_a_phone_and_print_without_navigation(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    wide = []
    for path in _pages(site):
        page.goto(path.resolve().as_uri())
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            wide.append(f"{path.name}: {width}px wide")
    assert not wide, "pages scroll sideways on a 375 px phone:\n" + "\n".join(wide)
    page.emulate_media(media="print")
    page.goto((site / "03_opt_in_vs_opt_out.html").resolve().as_uri())
    assert not page.locator(".book-pager").is_visible()
    assert page.locator("main figure img").first.is_visible()
    context.close()


# ------------------------------------------------------------------------------------------- issue 27, items 4 and 9
def _brightness(page, locator) -> float:
    """The mean brightness (0 black – 255 white) of what the reader sees of ``locator``."""
    import io

    from PIL import Image, ImageStat

    shot = Image.open(io.BytesIO(locator.screenshot())).convert("L")
    return ImageStat.Stat(shot).mean[0]


@pytest.mark.parametrize("page_name", ["03_opt_in_vs_opt_out.html", "fr/05_au_dela_de_slack.html"])
def test_figures_are_toned_down_in_dark_mode(site, reader, page_name):
    """Issue 27 item 9: the charts (drawn on white) were bright white boxes on the dark page."""
    page = reader.new_page()
    try:
        page.goto((site / page_name).resolve().as_uri())
        image = page.locator("main figure img").first
        page.emulate_media(color_scheme="light")
        light = _brightness(page, image)
        page.emulate_media(color_scheme="dark")
        page.wait_for_timeout(200)
        dark = _brightness(page, image)
        body = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    finally:
        page.close()
    assert light > 150, f"{page_name}: the chart in light mode is not as drawn ({light:.0f})"
    assert dark < 110, f"{page_name}: the chart is a bright box ({dark:.0f} of 255) on the dark page ({body})"


def test_no_table_cell_breaks_a_word_on_a_phone_or_a_desk(site, browser):
    """Issue 27 item 4: at 375 px years and badges stacked letter by letter; a wide table scrolls in its box."""
    from tests.browser.test_tables import BROKEN_WORDS

    broken = []
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 800)
        page = context.new_page()
        for path in _pages(site):
            page.goto(path.resolve().as_uri())
            if page.locator("main td").count():
                broken += [f"{path.relative_to(site)} at {width} px: {b}" for b in page.evaluate(BROKEN_WORDS, "main")]
        context.close()
    assert not broken, "words broken inside table cells:\n" + "\n".join(dict.fromkeys(broken[:20]))
