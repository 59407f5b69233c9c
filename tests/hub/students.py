"""What a student and an instructor do in the browser on the hub: log in, open a notebook, Run All, answer, share.

Shared by tests/hub/test_hub.py and ``make bench-class`` (tests/hub/bench_class.py).
"""

from __future__ import annotations

import asyncio
import urllib.parse

from playwright.async_api import TimeoutError as PlaywrightTimeout

from kit.content.quiz import load_quiz

from .hubctl import PASSWORD

QUIZ_NB = "notebooks/08_final_quiz.ipynb"
CLASS_NB = "notebooks/instructor/class_results.ipynb"
QUIZ = load_quiz("final")

# The same conditions as tests/browser/conftest.py: the kernel idle and every code cell executed.
ALL_RUN = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return cells.every(c => c.model.executionCount !== null && !c.hasClass('jp-mod-running')
                          && c.promptNode && !c.promptNode.textContent.includes('*'));
}"""
KERNEL_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""


async def login_async(browser, hub, name: str, notebook: str, timeout_ms: int = 1_200_000, stats=None):
    """:func:`open_notebook` for the bench (async): log in with ``next`` pointing at ``notebook``; returns once the hub
    has started the student's server and sent the browser on to the notebook."""
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    # Through /hub/spawn (which starts the server, then sends the browser on), as the hub's own login does: a link
    # straight to /user/NAME/... whose server is not running stops at "server not running" (424).
    target = f"/user/{name}/lab/tree/{notebook}?reset"
    target = f"/hub/spawn/{name}?next={urllib.parse.quote(target, safe='')}"
    for attempt in range(5):
        # Under load, JupyterHub sometimes answers a login form with "403: XSRF cookie does not match" (seen with
        # 30 logins at once); a person would reload the page and log in again, and so does this.
        await page.goto(f"{hub.base}/hub/login?next={urllib.parse.quote(target, safe='')}")
        await page.fill("#username_input", name)
        await page.fill("#password_input", PASSWORD)
        await page.click("#login_submit")
        await page.wait_for_load_state()
        if "/hub/login" not in page.url or attempt == 4:
            break
    # The hub's "server starting" page follows the spawn's progress and moves on when the server is ready. With 30
    # pages in one headless Chromium on 2 cores, about half stayed on it after their server was ready (seen here);
    # a student would reload the page, and so does this, 30 s after the hub says the server is ready. The reloads are
    # counted and reported.
    deadline = asyncio.get_running_loop().time() + timeout_ms / 1000
    ready_since = None
    while True:
        try:
            await page.wait_for_url(f"**/user/{name}/lab/tree/**", timeout=10_000, wait_until="commit")
            return page
        except PlaywrightTimeout:
            pass
        now = asyncio.get_running_loop().time()
        if now > deadline:
            raise TimeoutError(f"{name}: still on {page.url} after {timeout_ms / 1000:.0f} s")
        if ready_since is None:
            server = ((await asyncio.to_thread(hub._api, "GET", f"/users/{name}")).get("servers") or {}).get("")
            if server and server.get("ready"):
                ready_since = now
        elif now - ready_since > 30:
            if stats is not None:
                stats["reloads"] = stats.get("reloads", 0) + 1
            await page.reload(wait_until="commit")
            ready_since = now


def open_notebook(browser, hub, name: str, notebook: str, timeout_ms: int = 240_000):
    """A new browser context that logs in to the hub as ``name`` and is sent on to ``notebook`` in their JupyterLab
    (the login form's ``next``, as an nbgitpuller link does). Returns as soon as the hub accepted the login, while
    JupyterLab is still loading, so several students' pages load at once; :func:`press_run_all` waits for it."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    target = f"/user/{name}/lab/tree/{notebook}?reset"
    page.goto(f"{hub.base}/hub/login?next={urllib.parse.quote(target, safe='')}")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit", no_wait_after=True)
    page.wait_for_url(f"**/user/{name}/lab/tree/**", timeout=timeout_ms, wait_until="commit")
    return page


def press_run_all(page, timeout_ms: int = 240_000):
    """Once the notebook's kernel is ready, press Run All, without waiting for the cells to finish (so several
    students' kernels run at once, as in class); :func:`finish_run_all` waits and checks."""
    page.wait_for_function(KERNEL_READY, timeout=timeout_ms)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    return page


def finish_run_all(page, name: str, notebook: str, timeout_ms: int = 240_000):
    """Wait until every cell of the open notebook ran; check that no cell failed."""
    page.wait_for_function(ALL_RUN, timeout=timeout_ms, polling=250)
    page.wait_for_timeout(300)
    errors = page.locator(".jp-OutputArea-output.jp-mod-error, .jp-RenderedText[data-mime-type="
                          "'application/vnd.jupyter.stderr']")
    assert errors.count() == 0, f"{name} {notebook}: a cell shows an error:\n{errors.first.inner_text()[:2000]}"
    assert "Error displaying widget" not in page.locator(".jp-NotebookPanel").inner_text()
    return page


LAB_STARTED = "() => !!window.jupyterapp && !!window.jupyterapp.shell"
#: Seconds a student waits for JupyterLab to appear before reloading the page (see :func:`run_all_async`).
LAB_PATIENCE = 180


async def run_all_async(page, name: str, timeout_ms: int = 1_200_000, stats=None):
    """Run All in the notebook the page opened (:func:`login_async`); wait until every cell ran; no cell failed.

    With 30 students at once on 2 cores, one page in 30 got JupyterLab's HTML and then never started it (no request
    after the page itself, for 17 minutes; seen here). A student would reload the page; so does this, after
    :data:`LAB_PATIENCE` seconds without JupyterLab. The reloads are counted (``stats["lab_reloads"]``) and reported.
    """
    deadline = asyncio.get_running_loop().time() + timeout_ms / 1000
    while True:
        try:
            await page.wait_for_function(LAB_STARTED, timeout=LAB_PATIENCE * 1000, polling=1000)
            break
        except PlaywrightTimeout:
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"{name}: JupyterLab never started on {page.url}") from None
            if stats is not None:
                stats["lab_reloads"] = stats.get("lab_reloads", 0) + 1
            await page.reload(wait_until="commit")
    await page.wait_for_function(KERNEL_READY, timeout=timeout_ms)
    await page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    await page.wait_for_function(ALL_RUN, timeout=timeout_ms, polling=1000)
    errors = page.locator(".jp-OutputArea-output.jp-mod-error")
    if await errors.count():
        raise AssertionError(f"{name}: a cell shows an error: {(await errors.first.inner_text())[:500]}")
    return page


def question(page, qid: str):
    return page.locator(".kit-quiz-question", has_text=QUIZ.question(qid).text.split("\n")[0][:60]).first


def option_text(qid: str, oid: str) -> str:
    return QUIZ.question(qid).option(oid).text


def choice_option(box, qid: str, oid: str):
    """The option ``oid`` in the one-choice list of question ``qid`` shown in ``box`` (a list box: its labels carry
    tabs where the text has spaces, so the match is on the text with its spaces made plain)."""
    return box.locator(".kit-choice option").filter(has_text=" ".join(option_text(qid, oid).split()))

