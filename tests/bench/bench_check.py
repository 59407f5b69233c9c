"""Benchmark (issue 11): ``python -m kit check`` on the shipped content and on single-file mistakes, each a fresh
process (start-up included), and its peak memory. Targets: under 2 s and under 200 MiB for every one."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BUDGET_MS = 2000.0
BUDGET_MIB = 200.0

# Runs kit check in this process and prints its peak resident memory (KiB) after it. VmHWM, not getrusage: Linux
# carries ru_maxrss across exec, so a child would report the bench's own (larger) peak from before it started.
_PROBE = ("import sys\n"
          "from kit.instructor.cli import main\n"
          "code = main(['check', '--data', sys.argv[1]])\n"
          "hwm = next(x for x in open('/proc/self/status') if x.startswith('VmHWM:')).split()[1]\n"
          "print('maxrss', hwm, file=sys.stderr)\n")


def _bomb() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


MISTAKES = {
    "alias bomb (billion laughs) in a law file": ("law/03-us.yaml", _bomb()),
    "1,000-level nesting in a timeline": ("cases/slack-2024/timeline.yaml", "events: " + "[" * 1000 + "]" * 1000),
    "a 50 MB UI strings file": ("ui/en.yaml", "# " + "x" * 50_000_000 + "\n"),
    "a quiz that includes the quiz including it": ("quizzes/03-defaults.yaml", None),
    "YAML syntax error in a case": ("cases/slack-2024/case.yaml", "id: [slack\n"),
}


def _measure(data: Path, repeat: int = 3) -> tuple[float, float]:
    times, peaks = [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(repeat):
        start = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", _PROBE, str(data)], capture_output=True, text=True, cwd=ROOT,
                           env=env)
        times.append((time.perf_counter() - start) * 1000)
        line = next(x for x in r.stderr.splitlines() if x.startswith("maxrss"))
        peaks.append(int(line.split()[1]) / 1024)
    return statistics.median(times), max(peaks)


def run() -> list[tuple]:
    rows: list[tuple] = []
    ms, mib = _measure(ROOT / "data")
    rows += [("kit check, shipped content (fresh process)", ms, BUDGET_MS),
             ("kit check, shipped content: peak memory", mib, BUDGET_MIB, "MiB")]
    with tempfile.TemporaryDirectory() as tmp:
        for what, (rel, text) in MISTAKES.items():
            data = Path(tmp) / "data"
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(ROOT / "data", data)
            path = data / rel
            if text is None:
                path.write_text(path.read_text().replace("language: en\n", "language: en\ninclude: [final]\n", 1))
            else:
                path.write_text(text)
            ms, mib = _measure(data, repeat=1 if "50 MB" in what else 3)
            rows += [(f"kit check, {what}", ms, BUDGET_MS), (f"kit check, {what}: peak memory", mib, BUDGET_MIB,
                                                             "MiB")]
    return rows
