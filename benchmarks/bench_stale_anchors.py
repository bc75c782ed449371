"""Stale short quotes: ``python -m benchmarks.bench_stale_anchors`` re-finds 100 two-word quotes whose stored
offsets went stale (a paragraph was added at the top) in a 2.5 MB article, index included.

Ours: the segment offset map (``normalise``) and the article's k-gram index, built once and shared by all its
quotes, where each quote's whole context is looked up (``resolve``). Baseline: the simple thing, timed over the
same work: the per-character offset map and every occurrence of each quote scored by its context, the occurrence
at the stored position winning ties (``_normalise_by_character`` + scoring, the rule before). The answers (status
and span) must be equal.
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


def scored(text: str, norm, anchor) -> tuple[str, int | None, int | None]:
    """The rule the simple way: the words at the stored position with their whole context stand; otherwise every
    occurrence is scored by how much of prefix/suffix stands beside it, the stored occurrence winning ties."""
    from mapview.data.anchors import _context_score_normalised, _find_all_normalised, _resolve_by_scoring, fold

    if text[anchor.start:anchor.end] != anchor.exact:  # (the bench's quotes are verbatim)
        result = _resolve_by_scoring(norm, anchor)
        return result.status, result.start, result.end
    pre, suf = fold(anchor.prefix).strip(), fold(anchor.suffix).strip()
    found = _find_all_normalised(norm, anchor.exact)
    scores = [_context_score_normalised(norm.text, a, b, pre, suf) for a, b, _, _ in found]
    best = max(scores)
    held = max((score for (_, _, s, _), score in zip(found, scores, strict=True) if s == anchor.start), default=0)
    winners = [(s, e) for (_, _, s, e), score in zip(found, scores, strict=True) if score == best]
    if best <= held:
        return "exact", anchor.start, anchor.end
    return ("relocated", *winners[0]) if len(winners) == 1 else ("broken", None, None)


def run() -> list[Result]:
    """Time both ways, 5 rounds each (the median is reported), and check they agree."""
    from mapview.data.anchors import _normalise_by_character, normalise, normalise_cached, resolve

    text, anchors = stale_article()
    ours_ms, base_ms, ours, base = [], [], [], []
    for _ in range(5):
        normalise_cached.cache_clear()  # the article's folded text and its index are built again in every round
        start = time.perf_counter()
        ours = [resolve(text, a) for a in anchors]
        ours_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        norm = _normalise_by_character(text)
        base = [scored(text, norm, a) for a in anchors]
        base_ms.append((time.perf_counter() - start) * 1000)
    assert [(r.status, r.start, r.end) for r in ours] == base, "the index must give the answers the scoring gives"
    assert normalise(text).text == _normalise_by_character(text).text
    held = sum(text[a.start:a.end] == a.exact for a in anchors)
    print(f"{len(text):,} characters, {len(anchors)} stale quotes ({held} with the same words at the old offsets), "
          f"{sum(r.status == 'relocated' for r in ours)} relocated, answers equal to the baseline's")
    return [Result("stale short quotes: 100 in a 2.5 MB article", sorted(ours_ms)[2], sorted(base_ms)[2], "ms",
                   "<= 50 ms", limit=50)]


def main() -> int:
    """Print the table."""
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
