"""``verify`` on 10,000 claims: our anchoring against the simple version a competent engineer would write.

The baseline normalises each article once per run (a ``str.translate`` of quotes and dashes, whitespace runs
collapsed, NFC), takes the stored TextPosition when it still holds the quote, and otherwise searches the
normalised article for the normalised quote. It answers found / not found; ours also says where a moved passage
now stands (offsets mapped back to the raw text) and when a quote occurs twice which one is meant. Both sides run
over the same parsed passages, each run starting cold (our per-article normalisation cache is cleared first), and
both must find the same passages. A second row times the whole claims check (every field validated, status
derived) for which there is no baseline.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from benchmarks.common import Result, best_of
from mapview.data.anchors import anchor_quote, normalise_cached, resolve, selectors_to_anchor
from mapview.data.claims import parse_claims
from mapview.data.project import ProjectPaths
from mapview.data.sources import load_sources

N_CLAIMS = 10_000
_FOLDS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                        "\u00a0": " "})
_SPACES = re.compile(r"\s+")


def synthetic_claims(seeds: Path, n: int = N_CLAIMS) -> dict:
    """Claims citing random sentences of the seeds; a third carry stale offsets so the quote search runs."""
    rng = random.Random(7)
    sources, _ = load_sources(seeds)
    pool = []
    for source in sources.values():
        for sentence in re.findall(r"[A-Z][^.\n]{30,200}\.", source.text or ""):
            pool.append((source.id, sentence))
    claims = []
    for i in range(n):
        source_id, sentence = rng.choice(pool)
        anchor = anchor_quote(sources[source_id].text, sentence)
        selectors = anchor.to_selectors()
        if i % 3 == 0:
            selectors[1] = {"type": "TextPositionSelector", "start": anchor.start + 5, "end": anchor.end + 5}
        claims.append({"id": f"c{i}", "nation": "Kosovo", "role": "troops", "sector": None,
                       "status": "reported", "evidence": [{"source": source_id, "selector": selectors}]})
    return {"schema": "mapview-claims/1", "claims": claims}


def _fold(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text.translate(_FOLDS))).strip()


def naive_verify(passages: list, texts: dict[str, str]) -> int:
    """Baseline: each article normalised once, the stored position checked first, else a search."""
    folded: dict[str, str] = {}
    found = 0
    for source_id, anchor in passages:
        text = texts[source_id]
        if text[anchor.start:anchor.end] == anchor.exact:
            found += 1
            continue
        if source_id not in folded:
            folded[source_id] = _fold(text)
        if _fold(anchor.exact) in folded[source_id]:
            found += 1
    return found


def our_verify(passages: list, texts: dict[str, str]) -> int:
    """Ours on the same passages, from cold: position first, then the quote, offsets mapped back."""
    normalise_cached.cache_clear()
    return sum(resolve(texts[source_id], anchor).found for source_id, anchor in passages)


def run() -> list[Result]:
    """Measure verify on 10,000 claims."""
    paths = ProjectPaths.defaults()
    sources, _ = load_sources(paths.seeds)
    texts = {sid: s.text for sid, s in sources.items() if s.text}
    doc = json.loads(json.dumps(synthetic_claims(paths.seeds)))
    passages = [(ev["source"], selectors_to_anchor(ev["selector"])) for c in doc["claims"] for ev in c["evidence"]]
    if not our_verify(passages, texts) == naive_verify(passages, texts) == len(passages):
        raise RuntimeError("ours and the baseline do not find the same passages")
    ours = best_of(lambda: our_verify(passages, texts), repeat=5)
    baseline = best_of(lambda: naive_verify(passages, texts), repeat=5)

    def whole_check() -> None:
        normalise_cached.cache_clear()
        parse_claims(doc, set(), sources, "bench")

    return [Result(f"verify {N_CLAIMS:,} passages (anchoring)", ours, baseline, "ms", ""),
            Result(f"verify {N_CLAIMS:,} claims (whole check)", best_of(whole_check, repeat=3), None, "ms", "")]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
