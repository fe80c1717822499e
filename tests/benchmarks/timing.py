"""Timing one action repeatedly, for the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings_ms(action: Callable[[], object], repeat: int) -> dict[str, float]:
    """Median, 95th percentile and maximum of ``repeat`` runs after one warm-up, in ms."""
    action()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
        "max_ms": round(samples[-1], 2),
        "runs": repeat,
    }
