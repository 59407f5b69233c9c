"""Shared fixtures: a copy of the small fictional case, a copy of the whole content folder, every notebook executed
once (by nbval), and one headless Chromium for the whole session (the browser tests and the real-JupyterHub test both
drive it).

Each notebook is executed once per session outside the browser: nbval runs it (``make test`` passes ``--nbval-lax``
and ``notebooks``), cell by cell in its own kernel, and fails on any error; the outputs it received are kept, and the
static-form and reading-edition tests read them (``executed_notebooks``) instead of running the notebook again. So
that they are there in time, nbval's cells run first in the session. A notebook nbval did not run in full (a run of
some test files only, or ``-k``) is executed by ``kit.book.execute`` when a test asks for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests import nbval_lazy  # noqa: F401  (nbval's debug log formatted only when written)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Debian's Chromium (apt-get install chromium); no browser is ever downloaded. KIT_CHROMIUM names another.
CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
#: The parse cache (kit/content/parsed.py) of this session: a new folder, never the tester's ~/.cache. The notebooks
#: nbval runs and the JupyterLab servers the browser tests start inherit it, so each notebook's kernel reads back what
#: an earlier one parsed, as a student's does; the session's end removes it.
PARSED = tempfile.mkdtemp(prefix="kit-test-parsed-")
os.environ["KIT_PARSE_CACHE"] = PARSED
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


#: Per notebook (its resolved path), the outputs nbval received for each code cell, by the cell's number.
NBVAL_OUTPUTS: dict[Path, dict[int, list]] = {}
#: Empty answers folders of nbval's kernels (one per notebook, as ``kit.book.execute`` gives each): no one's saved
#: answers reach the outputs the static-form and reading-edition tests read.
ANSWERS = tempfile.mkdtemp(prefix="kit-test-answers-")
#: tests/bench/notebooks/floor.ipynb is ``make bench``'s yardstick, not a notebook of the kit: nbval leaves it.
collect_ignore = ["bench/notebooks"]


def _nbval_cell(item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def pytest_collection_modifyitems(session, config, items):
    """nbval's cells first (in their order), so each notebook's outputs are kept before a test reads them."""
    items.sort(key=lambda item: not _nbval_cell(item))


class _NbvalOutputs:
    """Hooks on nbval's cells, which are collected from notebooks/, outside this folder: a conftest's own hooks reach
    only the items under it, so these are registered as a plugin of the session (``pytest_configure`` below)."""

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        """A notebook's kernel (started in the setup of its first cell) gets an empty answers folder and no
        KIT_LANG: a French notebook must choose its language itself, as it does for a student."""
        if not _nbval_cell(item):
            yield
            return
        with pytest.MonkeyPatch.context() as env:
            env.setenv("KIT_ANSWERS_DIR", tempfile.mkdtemp(dir=ANSWERS))
            env.delenv("KIT_LANG", raising=False)
            yield

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        yield
        if _nbval_cell(item) and item.test_outputs is not None:
            NBVAL_OUTPUTS.setdefault(Path(item.path).resolve(), {})[item.cell_num] = list(item.test_outputs)


def pytest_configure(config):
    config.pluginmanager.register(_NbvalOutputs(), "kit-nbval-outputs")


def nbval_executed(path: Path):
    """``path`` with the outputs nbval received for each code cell, or None if nbval did not run every cell."""
    import nbformat

    got = NBVAL_OUTPUTS.get(Path(path).resolve(), {})
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if sorted(got) != list(range(len(code))):
        return None
    for i, cell in enumerate(code):
        cell.outputs = [nbformat.v4.new_output(**out) for out in got[i]]
        cell.execution_count = i + 1
    return nb


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(PARSED, ignore_errors=True)
    shutil.rmtree(ANSWERS, ignore_errors=True)


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
def executed_notebooks():
    """Every notebook of every language with its outputs, as ``make book`` reads them: ``{lang: [(path, nb)]}``.

    The outputs are nbval's (module docstring); a notebook nbval did not run in full is executed here, as ``make
    book`` executes it. The static-form tests and the reading-edition tests share them.
    """
    from kit.book import execute_all, notebook_sets

    sets = notebook_sets(ROOT / "notebooks")
    kept = {path: nbval_executed(path) for paths in sets.values() for path in paths}
    ran = execute_all({lang: [p for p in paths if kept[p] is None] for lang, paths in sets.items()})
    ran = {path: nb for pairs in ran.values() for path, nb in pairs}
    return {lang: [(p, ran[p] if kept[p] is None else kept[p]) for p in paths] for lang, paths in sets.items()}


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
