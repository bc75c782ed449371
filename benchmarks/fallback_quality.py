"""A co-occurrence fallback, measured: ``python -m benchmarks.fallback_quality --split dev [--misses]``.

The question (issue #20): would a rule NOT written from the dev articles' wordings reach held-out text? The
fallback here uses only the language files' generic vocabulary (nation names and demonyms, sector names, words for
troops and police, negation, hedges and denials through the one status engine, and the trap tables) and none of
the assignment, deployment, base, lead, placement or phase cue patterns:

    a clause names exactly one contributing nation with a word for its troops or police beside it (no other
    nation, a party included, nearer that word) and one sector or one site between two; no trap applies -> a lead
    of that nation there, never "confirmed" (an official said the sentence, not the placement read into it).

Two trap sets: ``named`` (crossings, negation, stances, history, shared sites, hospitals, borders, denials, and
persons' or trainers' nations) and ``all`` (also a speaker's nation, the other Rafah — "the Egyptian side",
"Egyptian Rafah" —, civilians, and tasks such as training, talks or aid). Printed for each:

- the fallback ALONE on the dev split of tests/realworld/articles.jsonl: lead recall and precision over the dev
  articles' ``expected`` (the fallback was not written from dev's wordings; the trap tables it reads were, in
  part, written from dev's traps);
- the fallback alone on the hand corpus (tests/ingest_corpus; of ``holdout.jsonl`` only the figure);
- beside the extractor on dev: the leads it adds in sentences where the extractor proposes nothing for that
  (nation, sector), and how many are false (dev is already read in full, so every one is);
- the phrasing battery (the battery-* cases of tests/ingest_cases; 12 languages, sentences written by another
  session, not from dev): the fallback alone on its stated and hedged sentences and on its traps, and the leads it
  adds beside the extractor (right ones and ones in traps).

The earlier variants (sentence or clause, a troop word required or not, a window, the force named in the article,
no party named, trap tables off) were measured with this file as of commit dcb11bf; the figures are in
benchmarks/README.md. Only ``--split dev`` is accepted: the test split and the sealed lines are dropped as each
line is read, and never scored or printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ingest_quality import CORPUS, HELD_OUT_FILES, REALWORLD, SEEDS_FILE, Score
from mapview.data.project import ProjectPaths
from mapview.data.status import Attribution
from mapview.ingest.attribution import detect
from mapview.ingest.cues import CUES
from mapview.ingest.extract import (
    TROOP_GAP,
    Finding,
    _area,
    _border_after,
    _clauses,
    _contingent,
    _crossing,
    _gap,
    _medical_site,
    _negated,
    _negated_nation,
    _no_placement,
    _persons_nation,
    _speaking_nation,
    _stance,
    _troop_words,
    contributors,
    extract_all,
)
from mapview.ingest.gazetteer import Gazetteer, Mention, load_gazetteer
from mapview.ingest.langdata import detect_language, read_as, reading_codes
from mapview.ingest.segment import sentences_around

Pair = tuple[str, str]  # (nation, sector)
COOCCURRENCE = "co-occurrence only (no placing words read): one nation's troops and one sector named in one clause"
TRAP_SETS = ("named", "all")


def _owned_troops(text: str, mine: list[Mention], named: list[Mention]) -> Mention | None:
    """The nation of ``mine`` with a word for troops (not a title's) or police within TROOP_GAP that no other
    nation named is nearer ("Jakarta - l'armée israélienne" is Israel's army)."""
    for n in mine:
        lo, hi = max(0, n.start - TROOP_GAP), n.end + TROOP_GAP
        words = [m.span() for m in CUES.police.finditer(text, lo, hi)]
        words += [m.span() for m in _troop_words(text, lo, hi)] if _contingent(text, [n]) else []
        if any(not any(o.key != n.key and _gap(o.start, o.end, a, b) < _gap(n.start, n.end, a, b) for o in named)
               for a, b in words):
            return n
    return None


def _trapped(text: str, nation: Mention, here: list[Mention], named: list[Mention], clause: tuple[int, int],
             sentence: tuple[int, int], all_traps: bool) -> bool:
    """True when a trap table says the clause places no contingent (see the module's docstring)."""
    last = max(here, key=lambda m: m.end)
    if (_negated_nation(text, nation, sentence[0]) or any(_negated(text, m, clause) for m in here)
            or CUES.not_nation.search(text, *clause)  # "not for Rafah", "were not planned"
            or _stance(text, clause, sentence) or CUES.past.search(text, *clause) or CUES.shared.search(text, *clause)
            or any(_medical_site(text, m) for m in here)
            or CUES.medical.search(text, max(clause[0], nation.start - TROOP_GAP),
                                   min(clause[1], nation.end + TROOP_GAP))
            or _border_after(text, last)):
        return True
    return all_traps and (any(_no_placement(text, clause, m, named, sentence) for m in here)
                          or bool(CUES.civilian.search(text, *clause))
                          or any(not CUES.police.fullmatch(t.group()) and not CUES.medical.fullmatch(t.group())
                                 for t in CUES.task.finditer(text, *clause)))  # training, talks, aid


def cooccurrence_leads(text: str, start: int, end: int, gazetteer: Gazetteer, proposed: list[Finding],
                       all_traps: bool = True) -> list[Finding]:
    """The fallback's leads in the sentence ``text[start:end]`` (read with the languages ``read_as`` sets), for the
    (nation, sector) pairs ``proposed`` has nothing for in this sentence."""
    sectors = [m for m in gazetteer.find_sectors(text[start:end], start) if m.kind == "sector"]
    sectors = [m for m in sectors if not _crossing(text, m)]
    if not sectors:
        return []
    named = gazetteer.find_nations(text[start:end], start)
    nations = [n for n in contributors(text, named) if not _persons_nation(text, n)]  # "Egypt will train police"
    if all_traps and not CUES.possessive.search(text, start, end):
        nations = [n for n in nations if not _speaking_nation(text, n, [*sectors, *named], end)]
    have = {(f.nation, f.sector) for f in proposed if f.start < end and start < f.end}
    out: list[Finding] = []
    for clause in _clauses(text, start, end, nations) if nations else []:
        here = [m for m in sectors if clause[0] <= m.start < clause[1]]
        keys = list(dict.fromkeys(m.key for m in here))
        mine = [n for n in nations if clause[0] <= n.start < clause[1]]
        area = _area(text, sectors, here[0]) if len(keys) == 2 else ()
        if not here or len({n.key for n in mine}) != 1 or len(keys) > 2 or (len(keys) == 2 and not area):
            continue
        if any((mine[0].key, key) in have for key in keys):
            continue
        nation = _owned_troops(text, mine, named)
        if nation is None or _trapped(text, nation, here, named, clause, (start, end), all_traps):
            continue
        said = detect(text, start, end, nation.key, gazetteer.find_nations, clause)
        if said.attribution.manner == "denied":
            continue
        attribution = said.attribution
        if attribution.status == "confirmed":
            attribution = Attribution("media", attribution.manner, attribution.speaker)
        out.extend(Finding(nation.key, key, "lead", attribution, start, end, None, (COOCCURRENCE, *said.cues), area)
                   for key in keys)
    return out


def fallback_all(text: str, gazetteer: Gazetteer, proposed: list[Finding], all_traps: bool) -> list[Finding]:
    """The fallback's leads in every sentence of an article that names a sector, where ``proposed`` (the
    extractor's findings, or none for the fallback alone) has nothing for the pair; none in a language no file
    reads."""
    language = detect_language(text)
    if not language.read:
        return []
    gazetteer = gazetteer.for_one_article()
    out: list[Finding] = []
    for start, end in sentences_around(text, [m.start for m in gazetteer.find_sectors(text)]):
        with read_as(reading_codes(language, text[start:end])):
            out.extend(cooccurrence_leads(text, start, end, gazetteer, proposed, all_traps))
    return out


@dataclass
class Article:
    """One dev article (or battery sentence after its context): its text and the leads a careful reader finds."""

    id: str
    lang: str
    text: str
    expected: set[Pair]
    kind: str = ""  # battery only: "stated", "hedged", "denied" or "trap"


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


def load_hand_corpus(folder: Path = CORPUS) -> dict[str, list[Article]]:
    """The hand corpus' sentences: "seeds" (the seeds' sentences), "hand" (written to cover the cues) and
    "holdout" (written after the tuning: only its figure is printed, never which sentence was missed)."""
    parts: dict[str, list[Article]] = {"seeds": [], "hand": [], "holdout": []}
    for path in sorted(folder.glob("*.jsonl")):
        part = "holdout" if path.name in HELD_OUT_FILES else "seeds" if path.name == SEEDS_FILE else "hand"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                raw = json.loads(line)
                expected = {(e["nation"], e["sector"]) for e in raw["expected"]
                            if e["role"] == "lead" and e["status"] != "denied"}
                parts[part].append(Article(f"{path.name}:{number}", raw["lang"], raw["text"], expected))
    return parts


def load_battery() -> list[Article]:
    """The phrasing battery (the cases of tests/ingest_cases/<lang>.toml read after their "battery" context), each
    sentence after its language's context sentence (as the test reads it); a denial expects no lead."""
    from tests.test_ingest_cases import CASES  # noqa: PLC0415

    battery = []
    for case in CASES:
        if not case.name.startswith("battery-"):
            continue
        _, i, kind = case.name.split("-")
        lead = {(str(e["nation"]), str(e["sector"])) for e in case.leads or ()}
        battery.append(Article(f"{case.lang}-{i}-{kind}", case.lang, case.article,
                               lead if kind != "denied" else set(), kind))
    return battery


def leads(findings: Iterable[Finding]) -> set[Pair]:
    """(nation, sector) of the leads among ``findings`` (denials are not leads)."""
    return {(f.nation, f.sector) for f in findings if f.role == "lead" and f.status != "denied" and f.nation}


def measure(dev: list[Article], corpus: dict[str, list[Article]], battery: list[Article], gazetteer: Gazetteer,
            all_traps: bool, misses: bool) -> list[str]:
    """The printed rows for one trap set."""
    rows: list[str] = []
    for name, articles in (("dev", dev), *corpus.items(), ("battery", battery)):
        alone = Score()
        for a in articles:
            alone.add(a.expected, leads(fallback_all(a.text, gazetteer, [], all_traps)))
        rows.append("  " + alone.line(f"{name}, fallback alone"))
    fired = [a for a in battery if a.kind in ("trap", "denied")
             and leads(fallback_all(a.text, gazetteer, [], all_traps))]
    rows.append(f"    battery traps and denials given a lead by the fallback alone: {len(fired)} of "
                f"{sum(a.kind in ('trap', 'denied') for a in battery)}")
    for name, articles in (("dev", dev), ("battery", battery)):
        added: Counter[bool] = Counter()
        for a in articles:
            extracted = extract_all(a.text, gazetteer).findings
            extra = leads(fallback_all(a.text, gazetteer, extracted, all_traps)) - leads(extracted)
            added.update(pair in a.expected for pair in extra)
            if misses and name == "dev" and extra - a.expected:
                rows.append(f"      {a.id} [{a.lang}]: false lead added {sorted(extra - a.expected)}")
        rows.append(f"    {name}: leads it adds where the extractor proposes nothing for the pair: "
                    f"{added[True] + added[False]} ({added[True]} right, {added[False]} false)")
    if misses:
        for a in dev:
            found = leads(fallback_all(a.text, gazetteer, [], all_traps))
            if found - a.expected:
                rows.append(f"      {a.id} [{a.lang}]: fallback alone, false {sorted(found - a.expected)}")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Measure the fallback on the dev split, the hand corpus and the battery, alone and beside the extractor."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fallback_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, help="must be 'dev': nothing else is ever measured here")
    parser.add_argument("--misses", action="store_true", help="list each false lead on dev")
    args = parser.parse_args(argv)
    if args.split != "dev":
        parser.error("only --split dev is measured here: the test split and sealed lines are held out")
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    dev, corpus, battery = load_dev(), load_hand_corpus(), load_battery()
    print(f"dev split: {len(dev)} articles, {sum(len(a.expected) for a in dev)} expected leads, "
          f"{sum(not a.expected for a in dev)} traps; hand corpus: "
          + ", ".join(f"{name} {len(part)} sentences" for name, part in corpus.items())
          + f"; battery: {len(battery)} sentences in {len({a.lang for a in battery})} languages")
    for traps in TRAP_SETS:
        print(f"trap tables: {traps}")
        print("\n".join(measure(dev, corpus, battery, gazetteer, traps == "all", args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
