"""``verify`` on 10,000 claims: our cached, position-first anchoring vs a naive re-normalise-and-search."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from benchmarks.common import Result, best_of
from mapview.data.anchors import anchor_quote, normalise, selectors_to_anchor
from mapview.data.claims import parse_claims
from mapview.data.project import ProjectPaths
from mapview.data.sources import load_sources

N_CLAIMS = 10_000


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


def naive_verify(doc: dict, texts: dict[str, str]) -> int:
    """Baseline: normalise the whole article again for every passage and search the quote."""
    found = 0
    for claim in doc["claims"]:
        for ev in claim["evidence"]:
            anchor = selectors_to_anchor(ev["selector"])
            if normalise(anchor.exact).text.strip() in normalise(texts[ev["source"]]).text:
                found += 1
    return found


def run() -> list[Result]:
    """Measure verify on 10,000 claims."""
    paths = ProjectPaths.defaults()
    sources, _ = load_sources(paths.seeds)
    texts = {sid: s.text for sid, s in sources.items() if s.text}
    doc = json.loads(json.dumps(synthetic_claims(paths.seeds)))
    ours = best_of(lambda: parse_claims(doc, set(), sources, "bench"), repeat=3)
    baseline = best_of(lambda: naive_verify(doc, texts), repeat=3)
    return [Result(f"verify {N_CLAIMS:,} claims", ours, baseline, "ms", "")]
