"""Each English notebook as a student's Run All: wall time as a ratio to a floor, and the kernel's peak memory.

The floor (tests/bench/notebooks/floor.ipynb) only imports pandas, matplotlib and ipywidgets. Every notebook and the
floor run in the same run, each in its own ``pytest --nbval-lax --nbval-current-env`` subprocess (pytest's and the
kernel's start-up count, as they do for a student). A copy of each notebook, in a temporary folder, gets one last cell
that writes the kernel's peak resident memory (VmHWM in /proc/self/status, Linux) to a file. The budget is the floor:
1.0 × its time and at most its memory (issue 15).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOOR = Path(__file__).resolve().parent / "notebooks" / "floor.ipynb"
PEAK_CELL = (
    "import os as _os\n"
    "_hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
    "open(_os.environ['KIT_BENCH_PEAK'], 'w').write(_hwm)"
)


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def measure(notebook: Path, tmp: Path) -> tuple[float, float]:
    """One Run All of ``notebook``: (wall time in ms, kernel peak memory in MiB)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                        "source": PEAK_CELL})
    copy = tmp / notebook.name
    copy.write_text(json.dumps(nb), encoding="utf-8")
    peak = tmp / (notebook.stem + ".peak")
    env = {**os.environ, "KIT_BENCH_PEAK": str(peak), "MPLBACKEND": "Agg"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                           "--nbval-current-env", "--nbval-cell-timeout=120", str(copy)],
                          cwd=tmp, env=env, capture_output=True, text=True)
    took = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{notebook.name} failed under nbval:\n{done.stdout[-2000:]}")
    return took, int(peak.read_text()) / 1024


def run():
    with tempfile.TemporaryDirectory(prefix="kit-bench-notebooks-") as tmp:
        floor_ms, floor_mib = measure(FLOOR, Path(tmp))
        results = [(path.stem, *measure(path, Path(tmp))) for path in notebooks()]
    rows = [("floor (imports pandas, matplotlib, ipywidgets): Run All", floor_ms, floor_ms, "ms"),
            ("floor: kernel peak memory", floor_mib, floor_mib, "MiB")]
    for name, ms, mib in results:
        rows.append((f"{name}: Run All, {ms / floor_ms:.2f} × floor", ms, floor_ms, "ms"))
        rows.append((f"{name}: kernel peak memory, {mib / floor_mib:.2f} × floor", mib, floor_mib, "MiB"))
    return rows
