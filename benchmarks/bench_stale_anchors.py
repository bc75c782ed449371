"""Stale short quotes: ``python -m benchmarks.bench_stale_anchors`` re-finds 100 two-word quotes whose stored
offsets went stale (a paragraph was added at the top) in a 2.5 MB article, index included.

Ours: the segment offset map (``normalise``) and one scan for each quote's prefix (``resolve``). Baseline: the
simple thing, timed over the same work: the per-character offset map and every occurrence of each quote scored by
its context (``_normalise_by_character`` + ``_resolve_by_scoring``, the rule before). The answers must be equal.
"""

from __future__ import annotations

import random
import sys
import time

from benchmarks.common import Result, print_table

WORDS = ["the", "force", "could", "lead", "sector", "north",
         "gaza", "kosovo", "troops", "said", "officials", "report", "deploy", "command", "brigade"]


def stale_article(chars: int = 2_500_000, quotes: int = 100, seed: int = 3):
    """A long article of repetitive words, ``quotes`` anchors of two common words, and the article edited above them."""
    from mapview.data.anchors import make_anchor

    rng = random.Random(seed)
    parts, size = [], 0
    while size < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(12)) + f" ({len(parts)}). "
        parts.append(sentence + ("\n\n" if len(parts) % 7 == 0 else ""))
        size += len(parts[-1])
    text = "".join(parts)
    anchors = []
    while len(anchors) < quotes:
        start = text.find(" ", rng.randrange(len(text) - 100)) + 1
        end = text.find(" ", text.find(" ", start) + 1)
        if text[start:end].replace(" ", "").isalpha():
            anchors.append(make_anchor(text, start, end))
    return "A paragraph added at the top.\n\n" + text, anchors


def run() -> list[Result]:
    """Time both ways, best of 5 each, and check they agree."""
    from mapview.data.anchors import (
        AnchorResult,
        _normalise_by_character,
        _resolve_by_scoring,
        normalise,
        normalise_cached,
        resolve,
    )

    text, anchors = stale_article()
    ours_ms, base_ms, ours, base = [], [], [], []
    for _ in range(5):
        normalise_cached.cache_clear()
        start = time.perf_counter()
        ours = [resolve(text, a) for a in anchors]
        ours_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        norm = _normalise_by_character(text)
        base = [AnchorResult("exact", a.start, a.end) if text[a.start:a.end] == a.exact  # position first, as ours
                else _resolve_by_scoring(norm, a) for a in anchors]
        base_ms.append((time.perf_counter() - start) * 1000)
    assert ours == base, "the fast path must give the answers the scoring gives"
    assert normalise(text).text == _normalise_by_character(text).text
    print(f"{len(text):,} characters, {len(anchors)} stale quotes, "
          f"{sum(r.status == 'relocated' for r in ours)} relocated, answers equal to the baseline's")
    return [Result("stale short quotes: 100 in a 2.5 MB article", sorted(ours_ms)[2], sorted(base_ms)[2], "ms",
                   "<= 50 ms", limit=50)]


def main() -> int:
    """Print the table."""
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
