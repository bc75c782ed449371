"""Extractor quality: ``python -m benchmarks.ingest_quality [--split dev|test|all] [--show-test-misses]``.

Three measurements, printed side by side:

- the real-world set (tests/realworld/articles.jsonl): excerpts of real articles, each with the (nation, sector)
  leads a careful reader finds, split into ``dev`` (rules may be tuned while reading it) and ``test`` (only
  scored; lines of a later batch carry ``added``, and each batch is also scored on its own, per split).
  Lead precision/recall per split and per language, and two safety counts: ``confirmed`` proposed where
  the reader found hedged/reported text, and an outlet or a party (Israel, Hamas) proposed as a contributor;
  lines marked ``"sealed": true`` belong to neither split's figures: each sealed batch is scored only in its
  own row (recall, precision, safety counts, per language) and its misses are never printed;
- the seeds' sentences (tests/ingest_corpus/seeds.jsonl) and the hand-written corpus (the other files there):
  each line a sentence with the (nation, sector, role, status) claims a careful reader would accept.

Misses are printed for the dev split and the hand corpus only: the test split's misses (and the corpus's
``holdout.jsonl``, likewise held out) stay hidden unless ``--show-test-misses`` is given, so nobody tunes rules on
what is meant to measure them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mapview.data.project import ProjectPaths
from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer, load_gazetteer

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "ingest_corpus"
REALWORLD = Path(__file__).resolve().parents[1] / "tests" / "realworld" / "articles.jsonl"
Label = tuple[str | None, str, str, str]
SPLITS = ("dev", "test")
# corpus files held out from tuning: their misses are printed only with --show-test-misses
HELD_OUT_FILES = frozenset({"holdout.jsonl"})
SEEDS_FILE = "seeds.jsonl"
# The 26 articles of issue #10: split by hand, and all of them read while the rules were written; every later
# article is split by the hash of its URL before the extractor ever ran on it.
FIRST_SET = frozenset({
    "detaykibris-kosova-arnavutluk", "sondakika-endonezya-refah-hanyunus", "sabah-kosova-kazakistan",
    "yeniakit-fas-us", "newsy-today-indonesia-defense-lines", "indosberita-khan-younis-rafah", "murianetwork-bahbah",
    "republika-wilayah-rafah-khan-yunis", "shorouk-kan-indonesian-forces", "anews-kan-area-between",
    "oasis-kan-barracks", "365news-five-countries", "straitstimes-five-countries", "headline-pk-sector-by-sector",
    "one-uz-stationed-rafah", "haberler-refah-konuslanarak", "aljazeera-rafah-first", "albawaba-rafah-first",
    "mersad24-five-sectors", "wantimpres-dimulai-di-rafah", "ilidea-lokasi-awal-rafah", "ocnal-begin-in-rafah",
    "alkofiya-rafah-first", "mogazmasr-five-sectors", "gbaf-begins-in-rafah", "anewz-azerbaijan-indonesia-lead",
})
# Parties to the conflict: never contributors to the force, so any proposal naming one is wrong.
PARTIES = frozenset({"Israel", "Hamas", "Palestine"})


@dataclass
class Case:
    """One annotated sentence and what the extractor found in it."""

    file: str
    text: str
    lang: str
    expected: set[Label]
    found: set[Label] = field(default_factory=set)


@dataclass
class Score:
    """True positives, false positives and misses; precision and recall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: set, found: set) -> None:
        """Count one case."""
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)

    @property
    def precision(self) -> float:
        """Share of findings that were expected (1.0 when nothing was found)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected claims found (1.0 when nothing was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        """One printed row."""
        # nothing found (expected): "n/a", not 100 %; a row of traps only must not read as a perfect score
        precision = f"{self.precision:6.1%}" if self.tp + self.fp else f"{'n/a':>6}"
        recall = f"{self.recall:6.1%}" if self.tp + self.fn else f"{'n/a':>6}"
        return f"{name:<28}precision {precision}   recall {recall}   (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def load_corpus(folder: Path = CORPUS) -> list[Case]:
    """Every annotated sentence of the corpus folder's ``*.jsonl`` files."""
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            raw = json.loads(line)
            expected = {(e["nation"], e["sector"], e["role"], e["status"]) for e in raw["expected"]}
            cases.append(Case(f"{path.name}:{number}", raw["text"], raw["lang"], expected))
    return cases


def run_corpus(cases: list[Case], gazetteer: Gazetteer) -> list[Case]:
    """Fill in what the extractor finds in each sentence."""
    for case in cases:
        case.found = {f.label() for f in extract(case.text, gazetteer)}
    return cases


def score(cases: Iterable[Case], keep=lambda label: True, strip_status: bool = False) -> Score:
    """Precision/recall over the cases, for the labels ``keep`` selects, optionally ignoring the status."""
    total = Score()
    for case in cases:
        expected = {lab for lab in case.expected if keep(lab)}
        found = {lab for lab in case.found if keep(lab)}
        if strip_status:
            expected, found = {lab[:3] for lab in expected}, {lab[:3] for lab in found}
        total.add(expected, found)
    return total


def _is_lead(label: Label) -> bool:
    return label[2] == "lead" and label[3] != "denied"


def report(cases: list[Case], show_held_out: bool = True) -> str:
    """The printed report; ``show_held_out=False`` leaves out the misses of the held-out file(s)."""
    out = [f"ingest quality: {len(cases)} annotated sentences, "
           f"{sum(len(c.expected) for c in cases)} expected claims, "
           f"{sum(not c.expected for c in cases)} negatives", ""]
    out.append(score(cases).line("all (exact status)"))
    out.append(score(cases, strip_status=True).line("all (status ignored)"))
    out.append(score(cases, _is_lead).line("leads (not denied)"))
    out.append("")
    for lang in sorted({c.lang for c in cases}):
        out.append(score([c for c in cases if c.lang == lang]).line(f"language {lang}"))
    out.append("")
    for name in sorted({c.file.split(":")[0] for c in cases}):
        out.append(score([c for c in cases if c.file.split(":")[0] == name]).line(f"file {name}"))
    out.append("")
    roles = Counter(lab[2] for c in cases for lab in c.expected | c.found)
    for role in sorted(roles):
        out.append(score(cases, lambda lab, role=role: lab[2] == role).line(f"role {role}"))
    out.append("")
    hidden = 0
    for case in cases:
        missed, extra = case.expected - case.found, case.found - case.expected
        if (missed or extra) and not show_held_out and case.file.split(":")[0] in HELD_OUT_FILES:
            hidden += 1
        elif missed or extra:
            out.append(f"{case.file}: {case.text}")
            out.extend(f"    missed {m}" for m in sorted(missed, key=str))
            out.extend(f"    FALSE  {x}" for x in sorted(extra, key=str))
    if hidden:
        out.append(f"({hidden} held-out sentence(s) with a miss or a false finding not shown; --show-test-misses)")
    return "\n".join(out)


@dataclass
class RealArticle:
    """Excerpts of one real article with the (nation, sector) leads a careful reader finds in them."""

    id: str
    split: str  # "dev": rules may be tuned while reading it; "test": only scored, its misses stay hidden
    lang: str
    url: str
    outlet: str
    text: str
    expected: set[Label]
    found: set[Label] = field(default_factory=set)
    date: str | None = None
    why: str = ""
    added: str | None = None  # the day a later batch was added (e.g. "2026-12-05"); scored on its own too
    sealed: bool = False  # held out of both splits: scored only in its own row, its misses never printed

    @property
    def expected_leads(self) -> set[tuple[str | None, str]]:
        """(nation, sector) of the expected leads."""
        return {(n, s) for n, s, role, _ in self.expected if role == "lead"}

    @property
    def found_leads(self) -> set[tuple[str | None, str]]:
        """(nation, sector) of the leads found (denials are not leads)."""
        return {(n, s) for n, s, role, status in self.found if role == "lead" and status != "denied"}


def load_realworld(path: Path = REALWORLD, sealed: bool = False) -> list[RealArticle]:
    """The real-world set (tests/realworld/articles.jsonl): its dev and test splits, or with ``sealed=True`` only
    the sealed lines (``"sealed": true``), which are kept out of both splits' figures and misses."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            if bool(raw.get("sealed")) != sealed:
                continue
            expected = {(e["nation"], e["sector"], e["role"], e["status"]) for e in raw["expected"]}
            out.append(RealArticle(raw["id"], raw["split"], raw["lang"], raw["url"], raw["outlet"], raw["text"],
                                   expected, date=raw.get("date"), why=raw.get("why", ""),
                                   added=raw.get("added"), sealed=bool(raw.get("sealed"))))
    return out


def run_realworld(articles: list[RealArticle], gazetteer: Gazetteer) -> list[RealArticle]:
    """Fill in what the extractor finds in each article's excerpts."""
    for article in articles:
        article.found = {f.label() for f in extract(article.text, gazetteer)}
    return articles


def lead_score(articles: Iterable[RealArticle]) -> Score:
    """Precision/recall of (nation, sector) leads over whole articles."""
    total = Score()
    for article in articles:
        total.add(article.expected_leads, article.found_leads)
    return total


def hedged_confirmed(articles: Iterable[RealArticle]) -> list[tuple[str, Label]]:
    """Leads given ``confirmed`` where the reader's expectation is hedged or reported (the set annotates leads only:
    a force-wide deployment the force's commander states is confirmed by the rules, and not annotated)."""
    return [(a.id, f) for a in articles for f in a.found if f[3] == "confirmed" and f[2] == "lead"
            and not any(e[:2] == f[:2] and e[3] == "confirmed" for e in a.expected)]


def foreign_nations(articles: Iterable[RealArticle]) -> list[tuple[str, Label]]:
    """Leads naming a nation the article assigns nothing to (an outlet's country read as a nation, say)."""
    return [(a.id, f) for a in articles for f in a.found if f[2] == "lead" and f[3] != "denied"
            and f[0] not in {e[0] for e in a.expected}]


def party_findings(articles: Iterable[RealArticle]) -> list[tuple[str, Label]]:
    """Findings of any role (denials aside) that name a party to the conflict (Israel, Hamas) as the nation."""
    return [(a.id, f) for a in articles for f in a.found if f[0] in PARTIES and f[3] != "denied"]


def outlet_or_party_contributors(articles: Iterable[RealArticle]) -> list[tuple[str, Label]]:
    """Every proposal of a contributor the article does not support: a lead for a nation the reader assigns
    nothing (an outlet's country, a nation only listed) and any finding naming a party."""
    articles = list(articles)
    return sorted(set(foreign_nations(articles)) | set(party_findings(articles)), key=str)


def _lead_is_missed_or_false(article: RealArticle) -> bool:
    return article.expected_leads != article.found_leads


def _misses(articles: Iterable[RealArticle]) -> list[str]:
    """The lines naming each article's missed and false leads, wrong confirmations and party/outlet findings."""
    out = []
    for a in articles:
        missed, extra = a.expected_leads - a.found_leads, a.found_leads - a.expected_leads
        unsafe = [f for _, f in hedged_confirmed([a])] + [f for _, f in party_findings([a])
                                                          if f[2] != "lead" or f[:2] not in extra]
        if missed or extra or unsafe:
            out.append(f"{a.id} [{a.lang}] ({a.outlet}):")
            out.extend(f"    missed {m}" for m in sorted(missed, key=str))
            out.extend(f"    FALSE  {x}" for x in sorted(extra, key=str))
            out.extend(f"    UNSAFE {u}" for u in sorted(set(unsafe), key=str))
    return out


def _count_line(name: str, articles: list[RealArticle], pick) -> str:
    """One safety count, over ``articles`` and per split among them."""
    splits = [split for split in SPLITS if any(a.split == split for a in articles)]
    per_split = ", ".join(f"{split} {len(pick([a for a in articles if a.split == split]))}" for split in splits)
    return f"{name:<52}{len(pick(articles)):>3}   ({per_split})"


def realworld_report(articles: list[RealArticle], split: str = "all", show_test_misses: bool = False) -> str:
    """The printed report for the real-world set: per split and per language, the two safety counts, and the
    misses of the dev split (the test split's only with ``show_test_misses``)."""
    shown = [a for a in articles if split in ("all", a.split)]
    langs = sorted({a.lang for a in articles})
    out = [f"real-world set: {len(articles)} articles in {len(langs)} languages "
           f"({sum(bool(a.expected_leads) for a in articles)} placing a nation in a sector, "
           f"{sum(not a.expected_leads for a in articles)} traps); dev {sum(a.split == 'dev' for a in articles)}, "
           f"test {sum(a.split == 'test' for a in articles)}", ""]
    for name in [s for s in SPLITS if split in ("all", s)]:
        out.append(lead_score([a for a in articles if a.split == name]).line(f"leads, {name} split"))
    if split == "all":
        out.append(lead_score(articles).line("leads, both splits"))
    out.append("")
    out.append(f"{'language':<10}{'articles':>9}   " + "   ".join(f"{s + ' recall / precision (tp fp fn)':<42}"
                                                            for s in SPLITS if split in ("all", s)))
    for lang in langs:
        mine = [a for a in articles if a.lang == lang]
        cells = []
        for name in [s for s in SPLITS if split in ("all", s)]:
            part = [a for a in mine if a.split == name]
            sc = lead_score(part)
            recall = f"{sc.recall:6.1%}" if sc.tp + sc.fn else "   n/a"
            precision = f"{sc.precision:6.1%}" if sc.tp + sc.fp else "   n/a"
            cells.append(f"{len(part):>2} art. " + (f"{recall} / {precision} ({sc.tp} {sc.fp} {sc.fn})"
                                                    if part else "-").ljust(32))
        out.append(f"{lang:<10}{len(mine):>9}   " + "   ".join(cells))
    out.append("")
    counted = shown if split == "dev" else articles  # a tuner sees nothing of the test split
    out.append(_count_line("no confirmed from hedged text — findings breaking it:", counted, hedged_confirmed))
    out.append(_count_line("no outlet/party proposed as contributor — breaking it:", counted,
                           outlet_or_party_contributors))
    out.append(_count_line("  of which a lead for a nation the article assigns nothing:", counted, foreign_nations))
    out.append(_count_line("  of which a finding naming a party (Israel, Hamas):", counted, party_findings))
    out.append(_count_line("traps (no lead expected) given a lead:", counted,
                           lambda part: [a for a in part if not a.expected_leads and a.found_leads]))
    out.append("")
    dev = [a for a in shown if a.split == "dev"]
    test = [a for a in shown if a.split == "test"]
    if dev:
        out.append("dev split, articles with a miss, a false lead or an unsafe finding:")
        out.extend(_misses(dev) or ["    none"])
    if test and show_test_misses:
        out.append("test split (--show-test-misses: do not tune rules on these):")
        out.extend(_misses(test) or ["    none"])
    elif test:
        out.append(f"test split: misses of {sum(_lead_is_missed_or_false(a) for a in test)} article(s) not shown "
                   "(held out; --show-test-misses prints them)")
    return "\n".join(out)


def sealed_report(sealed: list[RealArticle]) -> str:
    """Each sealed batch in its own row: lead recall/precision, the safety counts and the figures per language;
    never which article was missed."""
    out = []
    for day in sorted({a.added or "" for a in sealed}):
        batch = [a for a in sealed if (a.added or "") == day]
        name = f"sealed {day}".strip()
        out.append(lead_score(batch).line(name) + f"   {len(batch)} articles "
                   f"({sum(bool(a.expected_leads) for a in batch)} placing, {sum(not a.expected_leads for a in batch)} "
                   "traps)")
        for label, unsafe in (("confirmed from hedged text", hedged_confirmed(batch)),
                              ("outlet or party as contributor", outlet_or_party_contributors(batch)),
                              ("  lead for a nation the article assigns nothing", foreign_nations(batch)),
                              ("  finding naming a party", party_findings(batch)),
                              ("traps given a lead", [a for a in batch if not a.expected_leads and a.found_leads])):
            out.append(f"    {label + ':':<52}{len(unsafe):>3}")
        for lang in sorted({a.lang for a in batch}):
            mine = [a for a in batch if a.lang == lang]
            out.append("    " + lead_score(mine).line(f"{lang} ({len(mine)} art.)"))
    return "\n".join(out)


def headline(articles: list[RealArticle], cases: list[Case], split: str = "all") -> str:
    """Lead recall/precision of the real-world splits beside the seeds' sentences and the hand corpus (with
    ``split="dev"``, nothing of the test split: a tuner sees only what it may tune on)."""
    corpus_leads = lambda label: label[2] == "lead" and label[3] != "denied"  # noqa: E731
    seeds = [c for c in cases if c.file.split(":")[0] == SEEDS_FILE]
    hand = [c for c in cases if c.file.split(":")[0] not in HELD_OUT_FILES | {SEEDS_FILE}]
    held = [c for c in cases if c.file.split(":")[0] in HELD_OUT_FILES]
    later = [a for a in articles if a.id not in FIRST_SET]
    rows = [lead_score([a for a in articles if a.split == "dev"]).line("real-world dev, leads"),
            lead_score([a for a in articles if a.split == "test"]).line("real-world test, leads"),
            lead_score([a for a in later if a.split == "dev"]).line("  dev, added after #10"),
            lead_score([a for a in later if a.split == "test"]).line("  test, added after #10"),
            *[lead_score([a for a in articles if a.added == day and a.split == part]).line(f"  {part}, added {day}")
              for day in sorted({a.added for a in articles if a.added}) for part in SPLITS],
            score(seeds, corpus_leads).line("seeds' sentences, leads"),
            score(hand, corpus_leads).line("hand corpus, leads"),
            score(held, corpus_leads).line("corpus holdout, leads")]
    if split == "dev":
        rows = [row for row in rows if "test" not in row]
    return "\n".join(["lead recall and precision, side by side (hand corpus: en/tr/sq/id/ar/es/bn/pt/it files, "
                       "tuned on):", *rows])


def main(argv: list[str] | None = None) -> int:
    """Run the real-world set and the hand-written corpus and print both reports."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all",
                        help="which real-world split's figures and misses to print (default: both figures, "
                             "dev misses)")
    parser.add_argument("--show-test-misses", action="store_true",
                        help="also print the test split's misses (and the corpus holdout's); never while tuning")
    args = parser.parse_args(argv)
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    articles = run_realworld(load_realworld(), gazetteer)
    sealed = run_realworld(load_realworld(sealed=True), gazetteer)
    cases = run_corpus(load_corpus(), gazetteer)
    print(headline(articles, cases, args.split))
    print()
    if sealed and args.split == "all":  # a tuner runs --split dev and sees nothing of a sealed batch
        print("sealed batches (in neither split; misses never printed):")
        print(sealed_report(sealed))
        print()
    print(realworld_report(articles, split=args.split, show_test_misses=args.show_test_misses))
    print()
    print(report(cases, show_held_out=args.show_test_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
