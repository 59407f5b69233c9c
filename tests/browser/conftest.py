"""Real Jupyter frontends in headless Chromium (Debian's /usr/bin/chromium, driven by Python Playwright).

One browser per test session is shared by two frontends, each a server started on its own temporary copy of
``notebooks/`` (a frontend autosaves, and must never rewrite the repository's notebooks), with settings that keep it
quiet and offline: ``lab`` (JupyterLab) and ``notebook7`` (Jupyter Notebook 7, what many hubs open by default).
``frontend.notebook(name)`` opens a notebook, runs all cells once per session, checks the outputs for errors, and
returns the page: each notebook of both editions runs once in JupyterLab, and every test that opens it shares that
page; ``focus(control)`` gives a control in it the focus as a reader does, before a test presses keys. Notebook 7 is
another page around the same widget manager and theme: what only it can break is how the kit's views load and look
in that page, so it runs one notebook that shows every kind of view once (``VIEWS``, built from the English
notebooks by ``views_notebook``), not every notebook again. ``axe_scan(page, context)`` runs axe-core (installed
from the npm registry by the Makefile into tests/browser/node) and returns the serious and critical violations.

The browser itself is the session's one Chromium, the ``browser`` fixture of tests/conftest.py (shared with the hub
test). No browser is downloaded: a missing /usr/bin/chromium fails these tests with an instruction, it never skips
them.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.hub.hubctl import rest

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_MS = 120_000

# Everything a run of all cells must finish: the kernel idle and every code cell executed.
_ALL_RUN = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return cells.every(c => c.model.executionCount !== null && !c.hasClass('jp-mod-running')
                          && c.promptNode && !c.promptNode.textContent.includes('*'));
}"""

# The kernel connected and idle. A kernel started while its page was loading or busy can send its last status before
# the page listens, and the page then shows it "starting" for good although it waits: after 20 s in the same state,
# the page asks the kernel for its info (then every 20 s), which it answers between a "busy" and an "idle" the page
# hears; a socket left unconnected for 20 s is reconnected, as JupyterLab's "Reconnect to Kernel" does. The clock
# restarts at every change of state, so a slow start is left to end on its own. No test restarts a kernel (a
# restarted one once kept a loaded CI run waiting two minutes): ``Frontend.reopen`` opens the notebook on a new one.
_KERNEL_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k) return false;
  if (k.connectionStatus === 'connected' && k.status === 'idle') return true;
  const now = Date.now(), state = k.connectionStatus + '/' + k.status;
  if (window.__kitKernel !== k || window.__kitState !== state) {
    window.__kitKernel = k; window.__kitState = state; window.__kitSince = now;
    return false;
  }
  if (k.connectionStatus !== 'connected') {
    if (now - window.__kitSince > 20000) { window.__kitSince = now; k.reconnect().catch(() => {}); }
  } else if (now - window.__kitSince > 20000) {
    window.__kitSince = now; k.requestKernelInfo().catch(() => {});
  }
  return false;
}"""


#: The notebook Notebook 7 runs (module docstring), written into its copy of notebooks/.
VIEWS = "kit_views.ipynb"


def views_notebook(folder: Path) -> Path:
    """``folder/VIEWS``: ``import kit``, then one cell per ``kit.show_…`` function the English notebooks in ``folder``
    call, in the order they first call it, with the arguments of its last call (so the quiz is the final quiz, which
    has every question type the notebooks use)."""
    import nbformat

    last: dict[str, str] = {}
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for view in re.findall(r"\bkit\.(show_\w+)\(", cell.source if cell.cell_type == "code" else ""):
                last[view] = cell.source
    cells = [nbformat.v4.new_markdown_cell("Every kind of kit view once, for the browser tests in Jupyter Notebook 7 "
                                           "(tests/browser/conftest.py)."),
             nbformat.v4.new_code_cell("import kit")]
    cells += [nbformat.v4.new_code_cell(source) for source in dict.fromkeys(last.values())]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                        "display_name": "Python 3"}})
    nbformat.write(nb, folder / VIEWS)
    return folder / VIEWS


# When a control in a cell's output gets the focus, JupyterLab makes that cell the active one and, over the next
# frames (tens of milliseconds; more on a busy machine), builds the cell toolbar (duplicate, move, insert, delete: one
# Tab stop) and puts it at the top of the cell. Until it is in place the tab order around the control is still
# changing: Shift+Tab then Tab pressed in those milliseconds ended on the new toolbar, not back on the control. A
# reader's next key comes long after; a test waits for the same moment.
_CELL_SETTLED = """(control) => {
  const cell = control.closest('.jp-Notebook-cell');
  if (!cell) return true;
  const bar = cell.classList.contains('jp-mod-active') && cell.querySelector('.jp-cell-toolbar');
  const items = bar ? [...bar.querySelectorAll('.jp-Toolbar-item')] : [];
  return items.length > 0 && items.every(i => i.querySelector('jp-button')) && !!bar.querySelector('[tabindex="0"]');
}"""


def focus(control) -> None:
    """Give ``control`` (a locator in a JupyterLab page) the focus, as a reader's click or Tab does, and wait until
    JupyterLab has settled on it: its cell active, with the cell's toolbar in place (``_CELL_SETTLED``)."""
    control.focus()
    control.page.wait_for_function(_CELL_SETTLED, arg=control.element_handle(), timeout=10_000)
    expect(control).to_be_focused()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


AXE = ROOT / "tests" / "browser" / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: The URL of a notebook in each frontend.
#: In JupyterLab each notebook's page has a workspace of its own: pages saving their layout to one shared workspace
#: made a reloaded page (the audit's reload test) reopen the other pages' notebooks, a second frontend on their
#: kernels, after which the first page's widgets no longer answered.
OPEN = {"lab": "lab/workspaces/{workspace}/tree/{name}?reset&token={token}",
        "notebook": "notebooks/{name}?token={token}"}


def axe_scan(page, context: str = "body") -> list[dict]:
    """The serious and critical axe-core violations inside ``context`` (a CSS selector), colour contrast included."""
    assert AXE.exists(), f"axe-core is missing at {AXE}: run 'make test' (it installs tests/browser/node)"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async (context) => {
        const r = await window.axe.run(context, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                                  html: n.html.slice(0, 300)})), count: v.nodes.length}));
    }""", context)
    return result


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {v['count']} elements): {v['help']}")
        for n in v["nodes"]:
            lines.append(f"    {n['target']}: {n['summary']}\n      {n['html']}")
    return "\n".join(lines)


class Frontend:
    """A Jupyter server with one frontend (``kind`` is "lab" or "notebook"), driven through the shared browser."""

    def __init__(self, kind: str, base: str, token: str, browser, root: Path):
        self.kind, self.base, self.token, self.browser, self.root = kind, base, token, browser, root
        self._pages: dict[str, object] = {}

    def set_theme(self, page, dark: bool) -> None:
        """Switch the frontend's theme (it applies to every open page of this server) and wait until it shows."""
        theme = "JupyterLab Dark" if dark else "JupyterLab Light"
        page.evaluate("(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme)
        page.wait_for_function("(dark) => document.body.dataset.jpThemeLight === (dark ? 'false' : 'true')",
                               arg=dark)
        page.wait_for_timeout(500)  # the theme's style sheet applies

    def notebook(self, name: str):
        """The page of ``name`` with all its cells run (once per session), after checking it shows no error."""
        if name not in self._pages:
            self._pages[name] = self._open_and_run(name)
            return self._pages[name]
        page = self._pages[name]
        # A page opened earlier in the session is reused: its kernel must still be there to answer (a test that
        # reopened its notebook elsewhere would have taken it over).
        state = page.evaluate("""() => { const w = window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return {kernel: k ? `${k.connectionStatus}/${k.status}` : 'none'}; }""")
        assert state["kernel"].startswith("connected/"), f"{self.kind} {name}: its kernel is gone ({state})"
        return page

    def reopen(self, page, name: str, original: Path):
        """Close ``page`` (the page of ``name``), shut its kernel down through the server, put ``original`` back as
        ``name`` (the notebook as handed out, without the outputs an autosave may have kept) and open it anew in a
        new page, all cells run by a new kernel: what a student who closed the tab and came back the next day sees.
        Asking the old kernel to restart instead could leave the page waiting for a status it never heard, on a
        loaded machine."""
        page.context.close()
        self._pages.pop(name, None)
        old = []
        for session in rest("GET", f"{self.base}/api/sessions", self.token):
            if session["path"] == name or session["path"].endswith("/" + name):
                old.append(session["kernel"]["id"])
                rest("DELETE", f"{self.base}/api/sessions/{session['id']}", self.token)
        assert old, f"{self.kind} {name}: no session to close"
        shutil.copy(original, self.root / name)
        self._pages[name] = page = self._open_and_run(name)
        kernel = page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.id")
        assert kernel not in old, f"{self.kind} {name}: reopened on its old kernel {kernel}"
        return page

    def _open_and_run(self, name: str):
        assert (self.root / name).exists(), f"no notebook {name} in notebooks/"
        context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(RUN_TIMEOUT_MS)
        workspace = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
        page.goto(f"{self.base}/" + OPEN[self.kind].format(name=name, token=self.token, workspace=workspace))
        page.wait_for_function(_KERNEL_READY, timeout=RUN_TIMEOUT_MS, polling=250)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(_ALL_RUN, timeout=RUN_TIMEOUT_MS, polling=250)
        page.wait_for_timeout(300)  # let the last widget views attach
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        tracebacks = page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error'], "
                                  ".jp-OutputArea-output.jp-mod-error")
        assert tracebacks.count() == 0, \
            f"{self.kind} {name}: a cell shows an error:\n{tracebacks.first.inner_text()[:2000]}"
        body = page.locator(".jp-NotebookPanel").inner_text()
        assert "Error displaying widget" not in body, f"{self.kind} {name}: a widget failed to display"
        assert errors.count() == 0, f"{self.kind} {name}: a cell wrote to stderr:\n{errors.first.inner_text()[:2000]}"
        return page


@pytest.fixture(scope="session")
def browser(browser):
    """The session's one headless Chromium (tests/conftest.py), once the JupyterLab setting the views need is in."""
    installed = Path(sys.prefix) / "share/jupyter/lab/settings/overrides.d/consent-kit.json"
    shipped = ROOT / "jupyterlab-settings" / "consent-kit.json"
    if not installed.exists() or installed.read_text() != shipped.read_text():
        pytest.fail(f"{installed} is missing or out of date: run `make .venv/.installed` (it installs the setting "
                    "that keeps notebook shortcuts out of kit views)", pytrace=False)
    return browser


def _serve(kind: str, tmp: Path, browser):
    """Start ``jupyter lab`` or ``jupyter notebook`` on a copy of notebooks/ in ``tmp``; yield its Frontend."""
    root = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    if kind == "notebook":
        views_notebook(root)
    settings = tmp / "settings"
    for plugin, values in {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                           "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True},
        # JupyterLab's menus in English whatever the machine's locale (the French language pack is installed).
        "@jupyterlab/translation-extension/plugin.jupyterlab-settings": {"locale": "en"},
    }.items():
        path = settings / plugin
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ)
    for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")]:
        (tmp / sub).mkdir()
        env[var] = str(tmp / sub)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    env["KIT_ANSWERS_DIR"] = str(tmp / "answers")
    token, port = secrets.token_hex(16), _free_port()
    base = f"http://127.0.0.1:{port}"
    quiet = (["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
             if kind == "lab" else [])
    log = open(tmp / "jupyter.log", "w")  # noqa: SIM115 - closed in the finally below, after the server stops
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", kind, "--no-browser", f"--IdentityProvider.token={token}",
         f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0",
         f"--ServerApp.root_dir={root}", "--expose-app-in-browser", *quiet, "--allow-root"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"jupyter {kind} did not start:\n{(tmp / 'jupyter.log').read_text()[-3000:]}",
                            pytrace=False)
            time.sleep(0.2)
        yield Frontend(kind, base, token, browser, root)
    finally:
        _stop(server)
        log.close()


def _stop(server: subprocess.Popen) -> None:
    """Stop a Jupyter server at the end of the session, and its kernels, at once: nothing of theirs is kept. Asked
    politely, the server shuts some forty kernels down one by one (14 s of every run); killing the kernels first was
    slower still (26 s). So the server goes first, without ceremony, then the kernels it leaves behind."""
    import psutil  # ipykernel's dependency: there wherever a kernel runs

    try:
        kernels = psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        kernels = []
    server.kill()
    server.wait(10)
    for kernel in kernels:
        try:
            kernel.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(kernels, timeout=5)


@pytest.fixture(scope="session")
def lab(tmp_path_factory, browser):
    """JupyterLab."""
    yield from _serve("lab", tmp_path_factory.mktemp("lab"), browser)


@pytest.fixture(scope="session")
def notebook7(tmp_path_factory, browser):
    """Jupyter Notebook 7, whose copy of notebooks/ also holds ``VIEWS``."""
    yield from _serve("notebook", tmp_path_factory.mktemp("notebook7"), browser)
