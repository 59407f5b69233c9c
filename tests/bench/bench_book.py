"""`make book`: the whole reading edition, every notebook executed and every page written (one run: it takes long)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run():
    with tempfile.TemporaryDirectory(prefix="kit-bench-book-") as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kit.book", "--out", str(Path(tmp) / "site")], cwd=ROOT, check=True,
                       capture_output=True)
        took = (time.perf_counter() - start) * 1000
    return [("make book: run every notebook, write site/ (one run)", took, 120_000)]
