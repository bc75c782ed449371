"""Extraction speed: ``python -m benchmarks.ingest_speed``; target 1,000 articles of 5 KB in under 10 s on one core.

The articles are built deterministically from the seeds' paragraphs and a fixed set of the quality corpus's
sentences (``workload_sentences.json``; about 5 KB each, a few sector mentions per article, as in real
reporting). Measured in the same run:

- ours: ``mapview.ingest.extract.extract`` (one regex pass per gazetteer; pysbd only on small windows around
  sector mentions that have a nation or a deployment/base cue nearby);
- ours without pysbd (the regex pre-split alone), to show what pysbd costs;
- the naive baseline: pysbd on the whole article, then every gazetteer entry looked for with ``str.find`` in
  every sentence (timed on a sample and scaled, since it is slow).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from benchmarks.common import Result, print_table
from mapview.data.project import ProjectPaths
from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer, load_gazetteer
from mapview.ingest.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 1000
ARTICLE_BYTES = 5000
BASELINE_SAMPLE = 50
WORKLOAD = Path(__file__).resolve().parent / "workload_sentences.json"


def build_articles(count: int = ARTICLES, size: int = ARTICLE_BYTES, seed: int = 2026) -> list[str]:
    """``count`` articles of about ``size`` UTF-8 bytes, mixing seed paragraphs and the workload's sentences."""
    import json

    paragraphs = [p.strip() for path in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 40]
    # a fixed set: the hand corpus's sentences as they were when issue #20 set the 15 s target (its en, tr, sq, id,
    # ar and seeds files at be2c02e). The corpus has grown many times over since, in many more languages; drawing
    # from it would change what is measured each time a test sentence is added.
    corpus = json.loads(WORKLOAD.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        parts: list[str] = []
        while len("\n".join(parts).encode("utf-8")) < size:
            parts.append(rng.choice(corpus) if rng.random() < 0.15 else rng.choice(paragraphs))
        articles.append("\n".join(parts))
    return articles


def naive_extract(text: str, gazetteer: Gazetteer) -> int:
    """Baseline: pysbd on everything, then ``str.find`` of every entry in every sentence (lower-cased)."""
    needles = [e.surface.casefold() for e in gazetteer.entries]
    hits = 0
    for start, end in sentences(text):
        sentence = text[start:end].casefold()
        hits += sum(sentence.find(n) >= 0 for n in needles)
    return hits


def _time(fn, articles: list[str]) -> float:
    start = time.perf_counter()
    for article in articles:
        fn(article)
    return time.perf_counter() - start


def run() -> list[Result]:
    """Measure and return the results (seconds for 1,000 articles; the baseline scaled from a sample)."""
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    articles = build_articles()
    megabytes = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    extract(articles[0], gazetteer)  # warm the caches (regexes, pysbd segmenters)
    ours = _time(lambda a: extract(a, gazetteer), articles)
    fast = _time(lambda a: extract(a, gazetteer, use_pysbd=False), articles)
    sample = articles[:BASELINE_SAMPLE]
    naive = _time(lambda a: naive_extract(a, gazetteer), sample) * len(articles) / len(sample)
    findings = sum(len(extract(a, gazetteer)) for a in articles[:100])
    print(f"{len(articles)} articles, {megabytes:.2f} MB; {findings} findings in the first 100")
    print(f"ours:          {ours:6.2f} s  {megabytes / ours:6.2f} MB/s  (pysbd around candidates)")
    print(f"ours, no pysbd:{fast:6.2f} s  {megabytes / fast:6.2f} MB/s  (regex pre-split only)")
    print(f"naive:         {naive:6.2f} s  {megabytes / naive:6.2f} MB/s  (pysbd everywhere + str.find, "
          f"scaled from {len(sample)} articles)")
    print(f"speed-up over naive: {naive / ours:.1f}x; target: 1,000 x 5 KB under 10 s -> "
          f"{'met' if ours < 10 else 'NOT met'}")
    return [
        Result("ingest: extract 1,000 x 5 KB articles", ours * 1000, naive * 1000, "ms", "< 10 s", limit=10_000),
        Result("ingest: same, regex pre-split only", fast * 1000, naive * 1000, "ms", ""),
    ]


def main() -> int:
    """Print the measurements and the shared result table."""
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
