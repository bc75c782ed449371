"""Shared timing helpers and the result table every benchmark prints."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    """One figure: our time and the naive baseline's, in the same unit, measured in the same run."""

    name: str
    ours: float
    baseline: float | None
    unit: str = "ms"
    target: str = ""

    @property
    def ratio(self) -> float | None:
        """How many times faster ours is than the baseline (baseline / ours)."""
        if self.baseline is None or self.ours <= 0:
            return None
        return self.baseline / self.ours


def best_of(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds over ``repeat`` rounds of ``number`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) * 1000 / number)
    return statistics.median(samples)


def print_table(results: list[Result]) -> None:
    """Print results as an aligned table with ratios."""
    print(f"{'benchmark':<44}{'ours':>12}{'baseline':>12}{'ratio':>9}  target")
    for r in results:
        base = f"{r.baseline:.2f}" if r.baseline is not None else "-"
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "-"
        print(f"{r.name:<44}{r.ours:>10.2f}{r.unit:>2}{base:>10}{r.unit:>2}{ratio:>9}  {r.target}")
