"""Extractor quality on the hand-annotated corpus: ``python -m benchmarks.ingest_quality``.

Each corpus line is a sentence with the (nation, sector, role, status) claims a careful reader would accept.
Printed: precision and recall overall, ignoring status, for leads only, per language and per role, then every
miss and every false finding so a change to the extractor can be judged sentence by sentence.
"""

from __future__ import annotations

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
        return (f"{name:<28}precision {self.precision:6.1%}   recall {self.recall:6.1%}   "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


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


def report(cases: list[Case]) -> str:
    """The printed report."""
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
    for case in cases:
        missed, extra = case.expected - case.found, case.found - case.expected
        if missed or extra:
            out.append(f"{case.file}: {case.text}")
            out.extend(f"    missed {m}" for m in sorted(missed, key=str))
            out.extend(f"    FALSE  {x}" for x in sorted(extra, key=str))
    return "\n".join(out)


@dataclass
class RealArticle:
    """Excerpts of one real article with the (nation, sector) leads a careful reader finds in them."""

    id: str
    split: str  # "dev": the extractor's rules were written looking at it; "test": only scored
    lang: str
    url: str
    outlet: str
    text: str
    expected: set[Label]
    found: set[Label] = field(default_factory=set)

    @property
    def expected_leads(self) -> set[tuple[str | None, str]]:
        """(nation, sector) of the expected leads."""
        return {(n, s) for n, s, role, _ in self.expected if role == "lead"}

    @property
    def found_leads(self) -> set[tuple[str | None, str]]:
        """(nation, sector) of the leads found (denials are not leads)."""
        return {(n, s) for n, s, role, status in self.found if role == "lead" and status != "denied"}


def load_realworld(path: Path = REALWORLD) -> list[RealArticle]:
    """The real-world set (tests/realworld/articles.jsonl)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            expected = {(e["nation"], e["sector"], e["role"], e["status"]) for e in raw["expected"]}
            out.append(RealArticle(raw["id"], raw["split"], raw["lang"], raw["url"], raw["outlet"], raw["text"],
                                   expected))
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


def realworld_report(articles: list[RealArticle]) -> str:
    """The printed report for the real-world set, per split and per language."""
    out = [f"real-world set: {len(articles)} articles ({sum(bool(a.expected) for a in articles)} assigning a nation "
           f"to a sector, {sum(not a.expected for a in articles)} traps), languages "
           f"{', '.join(sorted({a.lang for a in articles}))}", ""]
    out.append(lead_score(articles).line("leads, all"))
    for split in ("dev", "test"):
        out.append(lead_score([a for a in articles if a.split == split]).line(f"leads, {split} split"))
    for lang in sorted({a.lang for a in articles}):
        out.append(lead_score([a for a in articles if a.lang == lang]).line(f"leads, language {lang}"))
    out.append(f"confirmed from hedged text: {len(hedged_confirmed(articles))}")
    out.append(f"leads naming a nation the article assigns nothing (outlets...): {len(foreign_nations(articles))}")
    for a in articles:
        missed, extra = a.expected_leads - a.found_leads, a.found_leads - a.expected_leads
        if missed or extra:
            out.append(f"{a.id} ({a.outlet}):")
            out.extend(f"    missed {m}" for m in sorted(missed, key=str))
            out.extend(f"    FALSE  {x}" for x in sorted(extra, key=str))
    return "\n".join(out)


def main() -> int:
    """Run the hand-written corpus and the real-world set and print both reports."""
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    print(realworld_report(run_realworld(load_realworld(), gazetteer)))
    print()
    print(report(run_corpus(load_corpus(), gazetteer)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
