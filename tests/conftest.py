"""Shared fixtures: a copy of the small fictional case, a copy of the whole content folder, and one headless Chromium
for the whole session (the browser tests and the real-JupyterHub test both drive it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Debian's Chromium (apt-get install chromium); no browser is ever downloaded. KIT_CHROMIUM names another.
CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
#: The figure cache (kit/plots/cache.py) of this session: a new folder, never the tester's ~/.cache. The notebooks
#: nbval runs and the JupyterLab servers the browser tests start inherit it; the session's end removes it.
FIGURES = tempfile.mkdtemp(prefix="kit-test-figures-")
os.environ["KIT_FIGURE_CACHE"] = FIGURES
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(FIGURES, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_hand_ins():
    """Each test starts as a fresh kernel would: no writing, checklist or claim entries kept from another test."""
    from kit import writing

    writing.clear()
    yield
    writing.clear()


@pytest.fixture
def mini_case(tmp_path, monkeypatch) -> Path:
    """A writable copy of tests/fixtures/mini-case, with the working directory at its parent (short paths)."""
    dest = tmp_path / "mini-case"
    shutil.copytree(FIXTURES / "mini-case", dest)
    monkeypatch.chdir(tmp_path)
    return dest


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of data/, made the kit's content folder through KIT_DATA."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    monkeypatch.setenv("KIT_DATA", str(dest))
    return dest


def downloaded(view) -> tuple[str, dict]:
    """The file name and the answers of a view's "Download my answers" link (its data: URI, decoded)."""
    import base64
    import json
    import re

    m = re.search(r"download='([^']+)' href='data:application/json;charset=utf-8;base64,([^']+)'",
                  view.keep.download.value)
    assert m, view.keep.download.value
    return m.group(1), json.loads(base64.b64decode(m.group(2)))


def visible_text(widget) -> str:
    """The words a person sees in a widget and everything inside it, in order, without markup.

    HTML is read as a browser shows it (tags dropped, entities decoded, whitespace collapsed); a control shows its
    description and its value (a dropdown its chosen label, a box its text); a widget hidden with
    ``layout.display = "none"`` shows nothing. Tests assert on this instead of on markup.
    """
    import html as _html
    import re

    parts: list[str] = []

    def walk(w) -> None:
        layout = getattr(w, "layout", None)
        if layout is not None and getattr(layout, "display", None) == "none":
            return
        description = getattr(w, "description", "")
        if description:
            parts.append(description)
        # by class, not by name: the kit's own widgets subclass these (StaticHTML is an HTML)
        name = next((c.__name__ for c in type(w).__mro__ if c.__module__.startswith("ipywidgets")), "")
        if name in ("HTML", "HTMLMath", "Label"):
            text = re.sub(r"<(script|style)\b.*?</\1>", " ", w.value, flags=re.S | re.I)
            parts.append(_html.unescape(re.sub(r"<[^>]+>", " ", text)))
        elif name in ("Dropdown", "RadioButtons", "Select", "ToggleButtons"):
            if w.label is not None:
                parts.append(str(w.label))
        elif name in ("SelectMultiple",):
            parts.extend(str(x) for x in w.label)
        elif name in ("Text", "Textarea", "IntSlider", "FloatSlider", "IntText", "FloatText"):
            parts.append(str(w.value))
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="session")
def executed_notebooks(tmp_path_factory):
    """Every notebook (every language) run once per session, as ``make book`` runs them: ``{lang: [(path, nb)]}``.

    The static-form tests and the reading-edition tests share this one run.
    """
    from kit.book import execute_all, notebook_sets

    return execute_all(notebook_sets(ROOT / "notebooks"))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (``CHROMIUM``) for the whole session, shared by every user of a browser.

    Playwright's sync API allows one ``sync_playwright()`` open at a time in a thread, so the browser tests
    (tests/browser) and the hub test (tests/hub) must share this one rather than each open their own. A missing
    Chromium fails with an instruction, never skips; the browser that runs is checked to be that executable (not a
    Chromium Playwright might have downloaded), by its version.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM}: install Debian's package "
                    "(apt-get install chromium) or set KIT_CHROMIUM", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            said = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60).stdout
            assert browser.version in said, \
                f"the browser that started is Chromium {browser.version}, not {CHROMIUM} ({said.strip()})"
            yield browser
        finally:
            browser.close()
