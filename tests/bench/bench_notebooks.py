"""Each notebook of both editions as a student's Run All: wall time as a ratio to a floor, and the kernel's peak memory.

The floor (tests/bench/notebooks/floor.ipynb) only imports pandas, matplotlib and ipywidgets. Every notebook and the
floor run in the same run, each in its own ``pytest --nbval-lax --nbval-current-env`` subprocess (pytest's and the
kernel's start-up count, as they do for a student), with ``tests/nbval_lazy.py`` loaded: nbval formats every kernel
message for a debug line it does not write, about 0.7 ms a message, which charged the kit's widgets (one message
each) a few hundred milliseconds a notebook that a student's Run All never pays. A copy of each notebook, in a
temporary folder, gets one last cell that writes the kernel's peak resident memory (VmHWM in /proc/self/status,
Linux) to a file. The budget is the floor: 1.0 × its time and at most its memory (issue 15).

On a machine shared with other work one run says little, so the floor and the notebooks run in rounds, interleaved
(floor, 00, 01, …, then again), ``KIT_BENCH_ROUNDS`` times (5 unless set), and each figure is the median of its
rounds; each round starts at another notebook (with five rounds: 00, 03, 07, fr/01, fr/05), so that a slow spell of
the machine at the same point of every round does not fall on the same notebooks each time. The floor runs three
times a round (before the notebooks, between the filled and the empty halves, and at the end), and its figure is the
median of them all: with one run a round, its median moved between benches from 1.89 to 2.14 s, and every ratio with
it. Five rounds, not three: with three, a notebook moved by up to a tenth of the floor between two benches a few
commits apart (fr/06: 0.89 ×, then 1.03 × after changes that made it faster), as a median of three moves with one
slow run. Beside wall time, the CPU time of pytest and its kernel (user + system, from the children's rusage) is
reported as a ratio too: other people's work slows the wall clock much more than it changes CPU time.
``KIT_BENCH_NOTEBOOKS=01,05`` measures only the notebooks whose names start so, in both editions (the floor always
runs); French ones are named ``fr/…``.

The parse cache (kit/content/parsed.py) is filled first, in a folder of the bench's own, by ``python -m kit
prepare``, as Binder's postBuild and ``make lab`` fill a student's: the rounds measure that Run All. Each round also
runs each notebook with an empty cache folder of its own (the first Run All on a machine where the content was never
parsed), reported on rows of its own, the median of the rounds too (one run each said more about the machine than
about the notebook: the same notebook came out 0.9 × and 1.3 × the floor in two runs). Their budget is 1.2 × the
floor's time, where a notebook with a filled cache has 1.0 ×. (Until the cases' timelines became SVG, a figure cache
of matplotlib's drawings was filled and emptied with it; every figure is now written as it is shown.)
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOOR = Path(__file__).resolve().parent / "notebooks" / "floor.ipynb"
#: With an empty parse cache a notebook may take 1.2 × the floor's time (issue 26); with a filled one, the floor's.
EMPTY_BUDGET = 1.2
PEAK_CELL = (
    "import os as _os\n"
    "_hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
    "open(_os.environ['KIT_BENCH_PEAK'], 'w').write(_hwm)"
)


def notebooks() -> list[Path]:
    wanted = [w.strip() for w in os.environ.get("KIT_BENCH_NOTEBOOKS", "").split(",") if w.strip()]
    found = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")) + sorted((ROOT / "notebooks" / "fr").glob("[0-9]*.ipynb"))
    return [p for p in found if not wanted or p.name.startswith(tuple(wanted))]


def _label(path: Path) -> str:
    """The notebook's name in the report: ``fr/`` before a French one."""
    return f"fr/{path.stem}" if path.parent.name == "fr" else path.stem


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measure(notebook: Path, tmp: Path, caches: Path) -> tuple[float, float, float]:
    """One Run All of ``notebook`` with the parse cache in ``caches``: (wall time in ms, CPU time in ms, kernel peak
    memory in MiB)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                        "source": PEAK_CELL})
    copy = tmp / notebook.name
    copy.write_text(json.dumps(nb), encoding="utf-8")
    peak = tmp / (notebook.stem + ".peak")
    env = {**os.environ, "KIT_BENCH_PEAK": str(peak), "MPLBACKEND": "Agg", "KIT_PARSE_CACHE": str(caches / "parsed"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.nbval_lazy",
                           "--nbval-lax",
                           "--nbval-current-env", "--nbval-cell-timeout=120", str(copy)],
                          cwd=tmp, env=env, capture_output=True, text=True)
    took = (time.perf_counter() - start) * 1000
    cpu = (_children_cpu() - cpu) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{notebook.name} failed under nbval:\n{done.stdout[-2000:]}")
    return took, cpu, int(peak.read_text()) / 1024


def run():
    rounds = int(os.environ.get("KIT_BENCH_ROUNDS", "5"))
    paths = [FLOOR, *notebooks()]
    samples: dict[Path, list[tuple[float, float, float]]] = {p: [] for p in paths}
    with tempfile.TemporaryDirectory(prefix="kit-bench-notebooks-") as tmp:
        filled = Path(tmp) / "filled"
        subprocess.run([sys.executable, "-m", "kit", "prepare"], check=True, capture_output=True,
                       env={**os.environ, "KIT_PARSE_CACHE": str(filled / "parsed")})
        empty: dict[Path, list[tuple[float, float, float]]] = {p: [] for p in paths[1:]}
        for r in range(rounds):
            # each round starts at another notebook, so none always runs at the same place in the round
            shift = r * (len(paths) - 1) // rounds
            order = paths[1 + shift:] + paths[1:1 + shift]
            for path in [FLOOR, *order]:
                samples[path].append(measure(path, Path(tmp), filled))
            samples[FLOOR].append(measure(FLOOR, Path(tmp), filled))  # the floor again, between the two halves
            for path in order:  # the same notebook with caches of its own, empty at each round
                empty[path].append(measure(path, Path(tmp), Path(tmp) / f"empty-{_label(path).replace('/', '-')}-{r}"))
            samples[FLOOR].append(measure(FLOOR, Path(tmp), filled))  # and at the round's end
    med = {p: tuple(statistics.median(s[i] for s in samples[p]) for i in range(3)) for p in paths}
    cold = {p: tuple(statistics.median(s[i] for s in empty[p]) for i in range(3)) for p in paths[1:]}
    floor_ms, floor_cpu, floor_mib = med.pop(FLOOR)
    rows = [(f"floor (imports pandas, matplotlib, ipywidgets): Run All, median of {3 * rounds}", floor_ms, floor_ms,
             "ms"),
            ("floor: CPU time (pytest and kernel)", floor_cpu, floor_cpu, "ms"),
            ("floor: kernel peak memory", floor_mib, floor_mib, "MiB")]
    named = [(_label(path), m, 1.0) for path, m in med.items()]
    # every file parsed, median of the rounds; the budget is 1.2 × the floor (issue 26)
    named += [(f"{_label(path)}, cache empty", m, EMPTY_BUDGET) for path, m in cold.items()]
    for name, (ms, cpu, mib), budget in named:
        rows.append((f"{name}: Run All, {ms / floor_ms:.2f} × floor", ms, budget * floor_ms, "ms"))
        rows.append((f"{name}: CPU time, {cpu / floor_cpu:.2f} × floor", cpu, budget * floor_cpu, "ms"))
        rows.append((f"{name}: kernel peak memory, {mib / floor_mib:.2f} × floor", mib, floor_mib, "MiB"))
    return rows
