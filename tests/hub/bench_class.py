"""``make bench-class``: 30 students log in to a real JupyterHub at once, Run All of notebook 08, answer, share.

Reports errors (target 0), answers lost (target 0: a student whose shared copy is missing or lacks the answer they
gave), the time from login to a finished Run All (median and 95th percentile) and the memory per student (their
single-user server plus kernel, proportional set size, after everyone finished). A report, never a timed test.
Needs root, like tests/hub. ``KIT_BENCH_STUDENTS`` changes the number of students; ``KIT_BENCH_BUDGET`` (seconds,
default 1800) bounds the run: students not finished by then are reported as errors, beside the others' figures.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from tests.conftest import CHROMIUM, FLAGS  # the same Chromium as every browser test
from tests.hub import hubctl
from tests.hub.students import QUIZ, QUIZ_NB, choice_option, login_async, run_all_async

N = int(os.environ.get("KIT_BENCH_STUDENTS", "30"))
BUDGET = float(os.environ.get("KIT_BENCH_BUDGET", "1800"))  # seconds; students still working then count as errors
LOG = Path(os.environ.get("KIT_BENCH_LOG", "/tmp/consent-kit-bench-class.log"))


#: Seconds a student waits for the page to answer a click before clicking again, as a person would.
PATIENCE = 120


async def until(t: dict, step: str, act, shown) -> None:
    """Do ``act`` until ``shown`` is on the page: a person who clicks and sees nothing for :data:`PATIENCE` seconds
    clicks again. ``t["step"]`` says where the student is (reported for a student who never finishes); the clicks
    made again are counted in ``t["again"]``."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    t["step"] = step
    while True:
        await act()
        try:
            await shown.wait_for(timeout=PATIENCE * 1000)
            return
        except PlaywrightTimeout:
            t["again"] = t.get("again", 0) + 1


#: The one-choice question of the final quiz each student answers (rightly) before sharing.
QID = "slack-as-consent"


async def student(browser, hub, name: str, t: dict) -> None:
    start = time.monotonic()
    t["step"] = "logging in"
    page = await login_async(browser, hub, name, QUIZ_NB, stats=t)
    t["login"] = time.monotonic() - start
    t["step"] = "Run All"
    await run_all_async(page, name, stats=t)
    t["run_all"] = time.monotonic() - start
    box = page.locator(".kit-quiz-question", has_text=QUIZ.question(QID).text.split("\n")[0][:60]).first
    option = choice_option(box, QID, QUIZ.question(QID).answer)
    await until(t, "picking an answer", option.click, box.locator(".kit-choice option:checked"))
    await until(t, "checking the answer", box.locator(".widget-button", has_text="Check").click,
                box.locator(".kit-quiz-feedback", has_text="Correct"))
    share = page.locator(".kit-share")
    await until(t, "sharing", share.locator(".widget-checkbox input").check,
                share.locator(".kit-share-status", has_text="Shared with your instructor: 1 answers"))
    t["step"] = "done"
    t["shared"] = time.monotonic() - start


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def percentile(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


async def main_async(hub) -> dict:
    from playwright.async_api import async_playwright

    times = {name: {} for name in hub.students}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        tasks: dict = {}
        try:
            tasks = {n: asyncio.create_task(student(browser, hub, n, times[n])) for n in hub.students}
            _, late = await asyncio.wait(tasks.values(), timeout=BUDGET)
            errors = {}
            for n, task in tasks.items():
                if task in late:  # the figures of those who finished are still reported
                    errors[n] = (f"not finished within the bench's {BUDGET:.0f} s (KIT_BENCH_BUDGET), still "
                                 f"{times[n].get('step', 'starting')}")
                elif task.exception() is not None:
                    r = task.exception()
                    errors[n] = (f"{type(r).__name__} while {times[n].get('step', 'starting')}: "
                                 f"{str(r).splitlines()[0][:200] if str(r) else ''}")
            memory = {n: sum(pss_kib(pid) for pid in pids) for n, pids in hub.user_pids().items()
                      if n in hub.students}
        finally:
            for task in tasks.values():
                task.cancel()
            await browser.close()
    return {"times": times, "errors": errors, "memory": memory}


def main() -> int:
    why = hubctl.problem()
    if why:
        print(f"bench-class: {why}", file=sys.stderr)
        return 2
    t0 = time.monotonic()
    hub = hubctl.Hub(students=N, log_name="bench")
    try:
        out = asyncio.run(main_async(hub))
        shared = {}
        for p in hub.class_dir.glob("answers-final-*.json"):
            shared[p.name] = json.loads(p.read_text())
        lost = 0
        for name in hub.students:  # a student whose page said "shared" but whose copy is missing or wrong
            if "shared" not in out["times"][name]:
                continue  # never got that far: an error above, not a lost answer
            try:
                ident = (hub.home(name) / ".consent-kit" / "class-id").read_text().strip()
                doc = shared[f"answers-final-{ident}.json"]
                ok = doc["answers"][QID]["response"] == QUIZ.question(QID).answer
            except (OSError, KeyError):
                ok = False
            lost += not ok
    finally:
        shutil.copy(hub.log_path, LOG)  # kept for reading after the hub's folder is gone
        hub.close()
    runs = [t["run_all"] for t in out["times"].values() if "run_all" in t]
    logins = [t["login"] for t in out["times"].values() if "login" in t]
    mem = [kib / 1024 for kib in out["memory"].values() if kib]
    print(f"bench-class: {N} students at once on one JupyterHub (LocalProcessSpawner, {os.cpu_count()} cores), "
          f"{time.monotonic() - t0:.0f} s in all")
    print(f"  errors:        {len(out['errors'])} (target 0)")
    for name, e in sorted(out["errors"].items()):
        print(f"    {name}: {e}")
    shared_n = sum("shared" in t for t in out["times"].values())
    print(f"  answers lost:  {lost} of {shared_n} shared (target 0)")
    reloads = {n: t["reloads"] for n, t in out["times"].items() if t.get("reloads")}
    print(f"  'server starting' pages reloaded by hand: {len(reloads)} students ({sum(reloads.values())} reloads)")
    again = {n: t["again"] for n, t in out["times"].items() if t.get("again")}
    print(f"  clicks made again after {PATIENCE} s without an answer on the page: {len(again)} students "
          f"({sum(again.values())} clicks)")
    lab = {n: t["lab_reloads"] for n, t in out["times"].items() if t.get("lab_reloads")}
    print(f"  JupyterLab pages that never started, reloaded by hand: {len(lab)} students ({sum(lab.values())} "
          f"reloads)")
    if logins:
        print(f"  login to server ready:       median {statistics.median(logins):6.1f} s   "
              f"p95 {percentile(logins, 0.95):6.1f} s")
    if runs:
        print(f"  login to finished Run All:   median {statistics.median(runs):6.1f} s   "
              f"p95 {percentile(runs, 0.95):6.1f} s   (n={len(runs)})")
    if mem:
        print(f"  memory per student (server + kernel, PSS): median {statistics.median(mem):.0f} MiB, "
              f"max {max(mem):.0f} MiB, total {sum(mem):.0f} MiB")
    print(f"  the hub's log (hub, proxy and every single-user server): {LOG}")
    return 1 if out["errors"] or lost else 0


if __name__ == "__main__":
    sys.exit(main())
