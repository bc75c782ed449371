"""A co-occurrence fallback, measured: ``python -m benchmarks.fallback_quality --split dev [--misses]``.

The question (issue #20): would a rule NOT written from the dev articles' wordings reach held-out text? The
fallback uses only the language files' generic vocabulary (nation names and demonyms, sector names, words for
troops and police, negation, hedges and denials through the one status engine, and the trap tables: crossings,
borders, hospitals, history, stances, shared sites, outlets, parties) and none of the assignment, deployment,
base, lead, placement or phase cue patterns:

    a sentence (or a clause) names exactly one contributing nation and exactly one sector (or a site between two
    sectors), a word for troops or police stands next to that nation, and no trap applies -> a lead of that
    nation in that sector, its status the status engine's (never "confirmed": an official's word is reported).

Printed, per variant (scope, window, troops required, the force named in the article):

- the fallback ALONE on the dev split of tests/realworld/articles.jsonl: lead recall and precision over the
  dev articles' ``expected`` (the fallback was not written from dev's wordings, so this estimates unseen text;
  the trap tables it reads were, in part, so its precision here is if anything optimistic);
- the fallback alone on the hand corpus (tests/ingest_corpus, its held-out ``holdout.jsonl`` left out);
- the extractor, and the extractor plus the fallback where the extractor proposes nothing for that (nation,
  sector) in that sentence, on dev: the extra leads the fallback adds there and how many are false.

Only ``--split dev`` is accepted: the test split and the sealed lines are never loaded, scored or printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.ingest_quality import CORPUS, HELD_OUT_FILES, REALWORLD, SEEDS_FILE, Score
from mapview.data.project import ProjectPaths
from mapview.data.status import OFFICIAL, Attribution
from mapview.ingest.attribution import detect
from mapview.ingest.cues import CUES
from mapview.ingest.extract import (
    NOT_CONTRIBUTORS,
    TROOP_GAP,
    Finding,
    _area,
    _clauses,
    _contingent,
    _crossing,
    _medical_site,
    _negated,
    _negated_nation,
    _persons_nation,
    _stance,
    _troop_words,
    contributors,
    extract_all,
)
from mapview.ingest.gazetteer import Gazetteer, Mention, load_gazetteer
from mapview.ingest.langdata import SAMPLE_CHARS, detect_language, read_as, reading_codes
from mapview.ingest.segment import sentences_around

Pair = tuple[str, str]  # (nation, sector)
MARK = "co-occurrence"  # the first cue of every fallback finding: a reviewer sees where it came from


@dataclass(frozen=True)
class Variant:
    """One setting of the fallback."""

    name: str
    scope: str = "sentence"  # "sentence" or "clause": where the one nation and the one sector must stand
    window: int | None = None  # at most this many characters between the nation and the sector (None: any)
    troops: bool = True  # a word for troops or police within TROOP_GAP of the nation
    force: bool = False  # the article names the stabilization force somewhere
    no_party: bool = False  # no party to the conflict (Israel, Hamas) named in the scope
    traps: bool = True  # the trap tables (crossing, negation, stance, history, shared, hospital, border, denial)


VARIANTS = (
    Variant("sentence, troops"),
    Variant("sentence, no troop word", troops=False),
    Variant("sentence, troops, NO trap tables (ablation)", traps=False),
    Variant("sentence, troops, force named", force=True),
    Variant("sentence, troops, no party", no_party=True),
    Variant("sentence, troops, window 80", window=80),
    Variant("clause, troops", scope="clause"),
    Variant("clause, troops, window 80", scope="clause", window=80),
    Variant("clause, troops, window 80, force, no party", scope="clause", window=80, force=True, no_party=True),
)


def _with_troops(text: str, nations: list[Mention], named: list[Mention]) -> list[Mention]:
    """The nations with a word for troops (not a title's: "army chief") or for police within TROOP_GAP that is
    not nearer another nation named (a party's included: "Jakarta - L'armée israélienne" is Israel's army)."""
    out = []
    for n in nations:
        lo, hi = max(0, n.start - TROOP_GAP), n.end + TROOP_GAP
        words = [m.span() for m in CUES.police.finditer(text, lo, hi)]
        if _contingent(text, [n]):
            words += [m.span() for m in _troop_words(text, lo, hi)]
        for a, b in words:
            mine = max(0, max(a, n.start) - min(b, n.end))
            if not any(o.key != n.key and max(0, max(a, o.start) - min(b, o.end)) < mine for o in named):
                out.append(n)
                break
    return out


def _gap(a: Mention, b: Mention) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _trap(text: str, nation: Mention, sectors: list[Mention], scope: tuple[int, int],
          sentence: tuple[int, int]) -> str | None:
    """The trap table that says the co-occurrence places no contingent (a negation before the nation or a sector,
    a stance for or against it, history, a site shared by several nations, a hospital, a border), or None."""
    if _negated_nation(text, nation, sentence[0]) or any(_negated(text, m, scope) for m in sectors):
        return "negation"
    if _stance(text, scope, sentence):
        return "stance"
    if CUES.past.search(text, *scope):
        return "history"
    if CUES.shared.search(text, *scope):
        return "shared site"
    if CUES.medical.search(text, max(scope[0], nation.start - TROOP_GAP), min(scope[1], nation.end + TROOP_GAP)) \
            or any(_medical_site(text, m) for m in sectors):
        return "hospital"  # "the Indonesian Hospital", "Jordanian field hospital": a facility
    last = max(sectors, key=lambda m: m.end)
    if CUES.border.match(text[last.end:last.end + 12].lstrip(" -‐")):
        return "border"  # "the Rafah border"
    return None


def cooccurrence_leads(text: str, start: int, end: int, gazetteer: Gazetteer, variant: Variant,
                       rejected: Counter[tuple[str, bool]] | None = None,
                       expected: set[Pair] = frozenset()) -> list[Finding]:
    """The fallback's leads in the sentence ``text[start:end]`` (read with the languages set by ``read_as``).

    ``rejected`` counts (trap, whether the pair rejected was an expected lead) for each co-occurrence a trap
    table turned down."""
    sentence = (start, end)
    sectors = [m for m in gazetteer.find_sectors(text[start:end], start) if m.kind == "sector"]
    crossings = [m for m in sectors if _crossing(text, m)] if variant.traps else []
    sectors = [m for m in sectors if m not in crossings]
    named = gazetteer.find_nations(text[start:end], start)
    nations = [n for n in contributors(text, named) if not _persons_nation(text, n)]  # "Egypt will train police"
    scopes = _clauses(text, start, end, nations) if variant.scope == "clause" else [sentence]
    out = []
    for scope in scopes:
        here = [m for m in sectors if scope[0] <= m.start < scope[1]]
        keys = list(dict.fromkeys(m.key for m in here))
        mine = [n for n in nations if scope[0] <= n.start < scope[1]]
        if not here or len({n.key for n in mine}) != 1 or len(keys) > 2:
            continue
        if len(keys) == 2 and not _area(text, sectors, here[0]):
            continue  # two sectors, not one site between them
        if variant.no_party and any(scope[0] <= n.start < scope[1] and n.key in NOT_CONTRIBUTORS for n in named):
            continue
        with_troops = _with_troops(text, mine, named)
        if variant.troops and not with_troops:
            continue
        nation = (with_troops or mine)[0]
        if variant.window is not None and min(_gap(nation, m) for m in here) > variant.window:
            continue
        said = detect(text, start, end, nation.key, gazetteer.find_nations, scope)
        trap = _trap(text, nation, here, scope, sentence) if variant.traps else None
        if trap is None and variant.traps and said.attribution.manner == "denied":
            trap = "denial"
        if trap is not None:
            if rejected is not None:
                rejected.update((trap, (nation.key, k) in expected) for k in keys)
            continue
        attribution = said.attribution
        if attribution.said_by in OFFICIAL and attribution.manner == "stated":  # co-occurrence never confirms
            attribution = Attribution("media", "stated", attribution.speaker)
        area = _area(text, sectors, here[0]) if len(keys) == 2 else ()
        for key in keys:
            out.append(Finding(nation.key, key, "lead", attribution, start, end, None, (MARK, *said.cues), area))
    return out


def fallback_all(text: str, gazetteer: Gazetteer, variant: Variant,
                 rejected: Counter[tuple[str, bool]] | None = None, expected: set[Pair] = frozenset()
                 ) -> list[Finding]:
    """The fallback's leads in every sentence of an article that names a sector (none in a language no file
    reads)."""
    language = detect_language(text)
    if not language.read:
        return []
    if variant.force:
        with read_as(reading_codes(language, text[:SAMPLE_CHARS])):
            if not CUES.force.search(text):
                return []
    gazetteer = gazetteer.for_one_article()
    positions = [m.start for m in gazetteer.find_sectors(text)]
    out: list[Finding] = []
    for start, end in sentences_around(text, positions):
        with read_as(reading_codes(language, text[start:end])):
            out.extend(cooccurrence_leads(text, start, end, gazetteer, variant, rejected, expected))
    return out


@dataclass
class Article:
    """One dev article: its text, the leads a careful reader finds, and what each reading proposes."""

    id: str
    lang: str
    text: str
    expected: set[Pair]
    extracted: list[Finding] = field(default_factory=list)


def load_dev(path: Path = REALWORLD) -> list[Article]:
    """The dev split's articles (sealed lines and the test split are dropped as each line is read)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        if raw.get("sealed") or raw.get("split") != "dev":
            continue
        expected = {(e["nation"], e["sector"]) for e in raw["expected"] if e["role"] == "lead"}
        out.append(Article(raw["id"], raw["lang"], raw["text"], expected))
    return out


@dataclass
class Sentence:
    """One hand-corpus sentence and its expected leads (denials are not leads)."""

    where: str
    text: str
    expected: set[Pair]


def load_hand_corpus(folder: Path = CORPUS) -> dict[str, list[Sentence]]:
    """The hand corpus' sentences: "seeds" (the seeds' sentences), "hand" (written to cover the cues) and
    "holdout" (written after the tuning: only its figure is printed, never which sentence was missed)."""
    parts: dict[str, list[Sentence]] = {"seeds": [], "hand": [], "holdout": []}
    for path in sorted(folder.glob("*.jsonl")):
        part = "holdout" if path.name in HELD_OUT_FILES else "seeds" if path.name == SEEDS_FILE else "hand"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                raw = json.loads(line)
                expected = {(e["nation"], e["sector"]) for e in raw["expected"]
                            if e["role"] == "lead" and e["status"] != "denied"}
                parts[part].append(Sentence(f"{path.name}:{number}", raw["text"], expected))
    return parts


def leads(findings: Iterable[Finding]) -> set[Pair]:
    """(nation, sector) of the leads among ``findings`` (denials are not leads)."""
    return {(f.nation, f.sector) for f in findings if f.role == "lead" and f.status != "denied" and f.nation}


def added_where_silent(extracted: list[Finding], fallback: list[Finding]) -> list[Finding]:
    """The fallback's findings in sentences where the extractor proposes nothing for that (nation, sector)."""
    return [f for f in fallback
            if not any(e.nation == f.nation and e.sector == f.sector and e.start < f.end and f.start < e.end
                       for e in extracted)]


def measure(variant: Variant, dev: list[Article], corpus: dict[str, list[Sentence]], gazetteer: Gazetteer,
            misses: bool) -> list[str]:
    """The printed rows of one variant."""
    alone, combined, extractor = Score(), Score(), Score()
    added_true = added_false = 0
    shown: list[str] = []
    rejected: Counter[tuple[str, bool]] = Counter()
    for a in dev:
        found = fallback_all(a.text, gazetteer, variant, rejected, a.expected)
        alone.add(a.expected, leads(found))
        base = leads(a.extracted)
        extractor.add(a.expected, base)
        extra = leads(added_where_silent(a.extracted, found)) - base
        combined.add(a.expected, base | extra)
        added_true += len(extra & a.expected)
        added_false += len(extra - a.expected)
        if misses and (leads(found) != a.expected or extra - a.expected):
            shown.append(f"    {a.id} [{a.lang}]: missed {sorted(a.expected - leads(found))}, "
                         f"false {sorted(leads(found) - a.expected)}, added false {sorted(extra - a.expected)}")
    on_corpus = {}
    for name, sentences in corpus.items():
        on_corpus[name] = Score()
        for s in sentences:
            on_corpus[name].add(s.expected, leads(fallback_all(s.text, gazetteer, variant)))
    return [f"{variant.name}:",
            "  " + alone.line("dev, fallback alone"),
            "  " + on_corpus["hand"].line("hand corpus, alone"),
            "  " + on_corpus["seeds"].line("seeds' sentences, alone"),
            "  " + on_corpus["holdout"].line("corpus holdout, alone"),
            "  " + extractor.line("dev, extractor"),
            "  " + combined.line("dev, extractor + fallback"),
            f"    leads the fallback adds where the extractor is silent: {added_true + added_false} "
            f"({added_false} false)",
            "    turned down by a trap table on dev (pairs that were a lead / were not): "
            + (", ".join(f"{trap} {rejected[(trap, True)]}/{rejected[(trap, False)]}"
                         for trap in sorted({t for t, _ in rejected})) or "none"),
            *shown]


def main(argv: list[str] | None = None) -> int:
    """Measure every variant on the dev split and the hand corpus; print one block per variant."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fallback_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, help="must be 'dev': nothing else is ever measured here")
    parser.add_argument("--misses", action="store_true", help="list each dev article the fallback gets wrong")
    parser.add_argument("--variant", help="only the variants whose name contains this")
    args = parser.parse_args(argv)
    if args.split != "dev":
        parser.error("only --split dev is measured here: the test split and sealed lines are held out")
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    dev = load_dev()
    for a in dev:
        a.extracted = extract_all(a.text, gazetteer).findings
    corpus = load_hand_corpus()
    print(f"dev split: {len(dev)} articles, {sum(len(a.expected) for a in dev)} expected leads, "
          f"{sum(not a.expected for a in dev)} traps; hand corpus: "
          + ", ".join(f"{name} {len(part)} sentences" for name, part in corpus.items()))
    for variant in VARIANTS:
        if args.variant and args.variant not in variant.name:
            continue
        print("\n".join(measure(variant, dev, corpus, gazetteer, args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
