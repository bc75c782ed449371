"""Run every benchmark module (``python -m benchmarks`` or ``make bench``) and print ours vs baseline."""

from __future__ import annotations

import importlib
import os
import sys
import traceback

from benchmarks.common import Result, print_table

MODULES = [
    "bench_startup",
    "bench_window",
    "bench_export",
    "bench_export_process",
    "bench_ingest",
    "bench_ingest_html",
    "bench_verify",
    "bench_scale",
]


def main() -> int:
    """Run the benchmark modules in order; one failing module is reported and the others still run."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    failed = 0
    for name in MODULES:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            results.extend(module.run())
        except Exception:  # a benchmark's failure must not hide the others' numbers
            failed += 1
            print(f"benchmark {name} failed:", file=sys.stderr)
            traceback.print_exc()
    print_table(results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
