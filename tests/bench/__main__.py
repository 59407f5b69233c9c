"""`make bench`: run every tests/bench/bench_*.py and print what was measured against its budget.

Each module has ``run() -> list[(what, measured_ms, budget_ms)]`` (or ``(what, value, budget, unit)``),
measuring the median of several runs. This is a
report, not a test: it never fails the build, and timings are never asserted in the test suite.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
from pathlib import Path


def main() -> int:
    import matplotlib

    matplotlib.use("Agg")
    here = Path(__file__).resolve().parent
    rows = []
    for path in sorted(here.glob("bench_*.py")):
        module = importlib.import_module(f"tests.bench.{path.stem}")
        rows += [(path.stem.removeprefix("bench_"), *row) for row in module.run()]
    width = max(len(f"{a}: {b}") for a, b, *_ in rows) if rows else 20
    print(f"# kit benchmarks — Python {platform.python_version()}, {os.cpu_count()} cores, median of runs")
    print(f"{'what':<{width}}  {'measured':>10}  {'budget':>8}")
    over = 0
    for area, what, ms, budget, *unit in rows:  # a row may name its unit (default ms), e.g. "MiB"
        unit = unit[0] if unit else "ms"
        flag = "" if ms <= budget else "  OVER BUDGET"
        over += bool(flag)
        print(f"{area + ': ' + what:<{width}}  {ms:>8.1f}{unit:<3}  {budget:>6.0f}{unit}{flag}")
    print(f"# {len(rows)} measurements, {over} over budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
