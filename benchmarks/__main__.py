"""Run every benchmark module (``python -m benchmarks`` or ``make bench``) and print ours vs baseline."""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import os
import sys
import traceback
from pathlib import Path

from benchmarks.common import Result, print_table

MODULES = [
    "bench_startup",
    "bench_window",
    "bench_export",
    "bench_export_process",
    "bench_ingest",
    "bench_ingest_html",
    "bench_verify",
    "bench_stale_anchors",
    "bench_scale",
    "bench_qgis",
]


def _scenarios() -> str:
    """Each benchmark module and the first line of what it measures."""
    lines = []
    for name in MODULES:
        module = importlib.util.find_spec(f"benchmarks.{name}")
        source = Path(module.origin).read_text(encoding="utf-8") if module and module.origin else ""
        doc = ast.get_docstring(ast.parse(source)) or ""
        first = " ".join(doc.split("\n\n")[0].split()).split(". ")[0].rstrip(".")
        lines.append(f"  {name:<22} {first}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark modules in order (or those named); one failing module is reported and the others still
    run. ``--help`` lists them without running any."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Time mapview against fair baselines, in the same run (`make bench` runs them all).",
        epilog="scenarios (run in this order):\n" + _scenarios())
    parser.add_argument("names", nargs="*", metavar="SCENARIO", help="run only these (default: all)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in MODULES]
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    failed = 0
    for name in args.names or MODULES:
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
