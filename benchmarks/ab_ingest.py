"""Two checkouts' reading and extraction of the same saved pages, in alternating batches, CPU seconds per side.

The machine's speed moves by tens of per cent from one minute to the next (the bench's own baseline took 24 to
42 s for the same work within a session), so two whole runs of ``bench_ingest_html`` minutes apart cannot tell a
few per cent. Here one long-lived process per checkout reads the same 1,000 pages (``bench_ingest_html``'s) in
batches, the two taking turns batch by batch (which goes first alternates), so that both meet the same machine;
each process has read three pages first (imports, language files). The first batch includes compiling the tables
the batch's languages need, as an ingest's does.

    python -m benchmarks.ab_ingest OLD_CHECKOUT [NEW_CHECKOUT] [--batch 25]

(a checkout: a folder holding ``mapview/``, e.g. ``git worktree add /tmp/old <rev>``; NEW defaults to this one).
Prints each side's CPU seconds, their ratio, and the median and quartiles of the per-batch ratios: run it twice
with the sides swapped, and with the same checkout on both sides to see the noise (same code: 0.95-1.06 per batch
between quartiles, 1.02 in total in one run here).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = 1000


def _worker(checkout: str, folder: str) -> None:
    """One side: read and extract the batches it is sent on stdin ("start end"), answer with CPU seconds."""
    import os

    sys.path.insert(0, checkout)
    os.environ["MAPVIEW_INGEST_WORKERS"] = "0"
    from mapview.ingest import command
    from mapview.ingest.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(Path(checkout) / "geodata" / "sectors.geojson")
    pages = sorted(Path(folder).glob("*.html"))
    command._read_and_extract_chunk(pages[:3], gazetteer, None)
    print("ready", flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        cpu = time.process_time()
        command._read_and_extract_chunk(pages[start:end], gazetteer, None)
        print(json.dumps(time.process_time() - cpu), flush=True)


def compare(old: Path, new: Path, batch: int = 25) -> str:
    """The comparison's one-line summary (see the module docstring)."""
    from benchmarks.bench_ingest_html import build_pages

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_pages(folder, PAGES)
        sides = {}
        for name, checkout in (("old", old), ("new", new)):
            sides[name] = subprocess.Popen([sys.executable, __file__, "--worker", str(checkout), str(folder)],
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            if sides[name].stdout.readline().strip() != "ready":
                raise RuntimeError(f"{checkout}: the worker did not start")
        cpu = {"old": 0.0, "new": 0.0}
        ratios = []
        for number, start in enumerate(range(0, PAGES, batch)):
            took = {}
            for name in (("old", "new") if number % 2 == 0 else ("new", "old")):
                sides[name].stdin.write(f"{start} {start + batch}\n")
                sides[name].stdin.flush()
                took[name] = json.loads(sides[name].stdout.readline())
                cpu[name] += took[name]
            ratios.append(took["new"] / took["old"])
        for side in sides.values():
            side.stdin.close()
            side.wait()
    ratios.sort()
    quartile = len(ratios) // 4
    return (f"{PAGES} pages read and extracted in batches of {batch}: old {old} {cpu['old']:.2f} s CPU, new {new} "
            f"{cpu['new']:.2f} s CPU, new/old {cpu['new'] / cpu['old']:.3f}; per batch median "
            f"{ratios[len(ratios) // 2]:.3f} (quartiles {ratios[quartile]:.3f}-{ratios[-1 - quartile]:.3f})")


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        _worker(argv[1], argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args(argv)
    print(compare(args.old.resolve(), args.new.resolve(), args.batch))


if __name__ == "__main__":
    main()
