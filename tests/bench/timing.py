"""Shared timing helper for the benchmarks."""

from __future__ import annotations

import statistics
import time


def median_ms(fn, repeat: int = 15, warmup: int = 2) -> float:
    """Median wall time of ``fn()`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
