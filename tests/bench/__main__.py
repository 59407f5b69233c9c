"""`make bench`: run every tests/bench/bench_*.py and print what was measured against its budget.

Each module has ``run() -> list[(what, measured_ms, budget_ms)]``, measuring the median of several runs; a row may
add a fourth item, its unit (``"ms"`` when absent, e.g. ``"MiB"`` for memory). ``python -m tests.bench NAME...``
runs only bench_NAME.py. This is a report, not a test: it never fails the build, and timings are never asserted in
the test suite.
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
    wanted = sys.argv[1:]  # `python -m tests.bench notebooks`: only bench_notebooks.py
    for path in sorted(here.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        module = importlib.import_module(f"tests.bench.{path.stem}")
        rows += [(path.stem.removeprefix("bench_"), *row) for row in module.run()]
    width = max(len(f"{a}: {b}") for a, b, *_ in rows) if rows else 20
    print(f"# kit benchmarks — Python {platform.python_version()}, {os.cpu_count()} cores, median of runs")
    print(f"{'what':<{width}}  {'measured':>11}  {'budget':>9}")
    over = 0
    for area, what, ms, budget, *unit in rows:
        unit = unit[0] if unit else "ms"
        flag = "" if ms <= budget else "  OVER BUDGET"
        over += bool(flag)
        print(f"{area + ': ' + what:<{width}}  {ms:>8.1f}{unit:<3}  {budget:>6.0f}{unit:<3}{flag}")
    print(f"# {len(rows)} measurements, {over} over budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
