"""Shared timing helpers and the result table every benchmark prints.

Only the standard library is imported here, so ``naive_start`` can use the process clock without paying for
anything it would not import itself.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Result:
    """One figure: ours and the naive baseline's, in the same unit, measured in the same run.

    ``limit`` is the target as a number in ``unit`` (ours must stay below it, or above it when
    ``higher_is_better``); ``target`` is how it is printed.
    """

    name: str
    ours: float
    baseline: float | None
    unit: str = "ms"
    target: str = ""
    limit: float | None = None
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        """How many times better ours is than the baseline (baseline / ours for times, ours / baseline for rates)."""
        if self.baseline is None or self.ours <= 0 or self.baseline <= 0:
            return None
        return self.ours / self.baseline if self.higher_is_better else self.baseline / self.ours

    @property
    def met(self) -> bool | None:
        """Whether ours meets ``limit`` (None when there is no numeric target)."""
        if self.limit is None:
            return None
        return self.ours > self.limit if self.higher_is_better else self.ours < self.limit


def _burn(stop) -> None:
    """Keep one core busy until ``stop`` is set (the other program a user has running)."""
    while not stop.is_set():
        for _ in range(100_000):
            pass


@contextmanager
def burning_core() -> Iterator[None]:
    """A second process burning one core for the duration of the block; stopped (and waited for) after it."""
    import multiprocessing

    stop = multiprocessing.Event()
    burner = multiprocessing.Process(target=_burn, args=(stop,), daemon=True)
    burner.start()
    try:
        yield
    finally:
        stop.set()
        burner.join(5)
        if burner.is_alive():
            burner.terminate()


def best_of(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds over ``repeat`` rounds of ``number`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) * 1000 / number)
    return statistics.median(samples)


def timed(fn: Callable[[], object]) -> float:
    """Wall time of one call of ``fn`` in milliseconds."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.2f}"


def print_table(results: list[Result]) -> None:
    """Print results as an aligned table: ours, baseline, ratio (x times better), target and whether it is met."""
    print(f"{'benchmark':<46}{'ours':>14}{'baseline':>14}{'ratio':>9}  {'target':<12}met")
    for r in results:
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "-"
        met = {True: "yes", False: "NO", None: ""}[r.met]
        print(f"{r.name:<46}{_number(r.ours):>9} {r.unit:<4}{_number(r.baseline):>9} {r.unit:<4}{ratio:>9}  "
              f"{r.target:<12}{met}")
