"""Ingest: extraction speed from ``ingest_speed`` (owned by the ingest work) as throughput, plus quality scores.

``ingest_speed.run`` times 1,000 articles of about 5 KB (ours, ours without pysbd, and the naive pysbd-everywhere
baseline in the same run); here the same figures are also given in MB/s, and the headline precision/recall of
``ingest_quality`` on the annotated corpus is printed so a speed-up that costs accuracy shows up in the same run.
"""

from __future__ import annotations

from dataclasses import replace

from benchmarks import ingest_quality, ingest_speed
from benchmarks.common import Result

TARGET_MS = 10_000.0  # 1,000 articles of 5 KB in under 10 s on one core


def run() -> list[Result]:
    """Extraction time and throughput, ours vs naive; prints the quality summary."""
    timings = ingest_speed.run()
    megabytes = sum(len(a.encode("utf-8")) for a in ingest_speed.build_articles()) / 1e6
    results: list[Result] = []
    for r in timings:
        limit = TARGET_MS if r.target else None
        results.append(replace(r, limit=limit))
        rate = Result(r.name.replace("extract", "throughput").replace("same", "throughput"),
                      megabytes / (r.ours / 1000), megabytes / (r.baseline / 1000) if r.baseline else None,
                      "MB/s", f"> {megabytes / (TARGET_MS / 1000):.2f} MB/s" if limit else "",
                      megabytes / (TARGET_MS / 1000) if limit else None,
                      higher_is_better=True)
        results.append(rate)
    gazetteer = ingest_quality.load_gazetteer(ingest_quality.ProjectPaths.defaults().sectors)
    cases = ingest_quality.run_corpus(ingest_quality.load_corpus(), gazetteer)
    print(f"ingest quality on {len(cases)} annotated sentences:")
    print("  " + ingest_quality.score(cases).line("all (exact status)"))
    leads = ingest_quality.score(cases, lambda label: label[2] == "lead" and label[3] != "denied")
    print("  " + leads.line("leads (not denied)"))
    return results


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
