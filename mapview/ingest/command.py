"""``mapview ingest FILE... [--json] [--dry-run]``: copy articles into the seeds and propose claims for review.

Each readable UTF-8 article is copied byte for byte into ``seeds/`` as ``NNN_<sha256[:16]>.txt`` (an article
whose content is already there is not copied again), described in ``seeds/sources.json`` (title and date
inferred from its text, each with its passage) and read by the extractor; its proposals join
``claims/proposals.json`` as ``"review": "pending"``. Proposals already made, rejected before, or already
claimed in ``claims.json`` are not made again. ``--dry-run`` reads everything and writes nothing.

Exit codes: 0 all files ingested, 1 some file refused (or the project's files cannot be read), 2 usage.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from argparse import Namespace
from dataclasses import dataclass, field
from pathlib import Path

from mapview.data.atomic import atomic_write_bytes, atomic_write_text
from mapview.data.project import ProjectPaths
from mapview.data.sources import METADATA_NAME, read_article
from mapview.ingest.extract import Finding, extract
from mapview.ingest.gazetteer import Gazetteer, load_gazetteer
from mapview.ingest.metadata import source_entry
from mapview.ingest.proposals import (
    PassageKey,
    Proposal,
    ProposalsError,
    group_findings,
    read_json_object,
    read_proposals,
    write_proposals,
)
from mapview.ingest.review import ReviewError, proposals_path_for, rejected_keys, rejected_path_for

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
SOURCES_SCHEMA = "mapview-sources/1"
_SEED_NAME = re.compile(r"^(\d{3,})_[0-9a-f]{16}\.txt$")


@dataclass
class Article:
    """One given file: where it goes in the seeds, whether it is new, and what is proposed from it."""

    given: Path
    source_id: str
    text: str
    data: bytes
    new: bool
    entry: dict[str, object] | None
    proposals: list[Proposal]
    known: int = 0  # findings left out as already proposed, claimed or rejected


@dataclass
class Plan:
    """Everything an ingest run would write, computed without writing anything."""

    articles: list[Article] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    sources_doc: dict = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)  # existing + new, as the file will hold them


def _claimed(claims_path: Path) -> dict[tuple[str, str | None, str | None, str], list[tuple[int, int]]]:
    """Spans already cited by claims, by (source, nation, sector, role); empty when the file is unreadable."""
    try:
        doc = read_json_object(claims_path, "claims file") or {}
    except ProposalsError:
        return {}
    index: dict[tuple[str, str | None, str | None, str], list[tuple[int, int]]] = {}
    for claim in doc.get("claims", []) if isinstance(doc.get("claims"), list) else []:
        if not isinstance(claim, dict) or not isinstance(claim.get("evidence"), list):
            continue
        for ev in claim["evidence"]:
            selectors = ev.get("selector") if isinstance(ev, dict) else None
            for sel in selectors if isinstance(selectors, list) else []:
                if isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
                    key = (ev.get("source"), claim.get("nation"), claim.get("sector"), claim.get("role"))
                    index.setdefault(key, []).append((sel.get("start", -1), sel.get("end", -1)))
    return index


def _keep(finding: Finding, source: str, rejected: set[PassageKey], claimed: dict) -> bool:
    if (source, finding.start, finding.end, finding.nation, finding.sector, finding.role) in rejected:
        return False
    spans = claimed.get((source, finding.nation, finding.sector, finding.role), [])
    return not any(isinstance(s, int) and isinstance(e, int) and s < finding.end and finding.start < e
                   for s, e in spans)


def _existing_seeds(seeds: Path) -> tuple[dict[str, str], int]:
    """sha256 of every article in the seeds -> its name, and the next free NNN."""
    by_hash: dict[str, str] = {}
    next_number = 0
    for path in sorted(seeds.glob("*.txt")):
        try:
            by_hash.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path.name)
        except OSError:
            continue
        if m := _SEED_NAME.match(path.name):
            next_number = max(next_number, int(m.group(1)) + 1)
    return by_hash, next_number


def plan_ingest(files: list[Path], paths: ProjectPaths, gazetteer: Gazetteer | None = None) -> Plan:
    """Read the given articles and the project's state and work out what ingesting them means.

    Raises ProposalsError (or ReviewError) when a project file it would update cannot be read.
    """
    sources_doc = read_json_object(paths.seeds / METADATA_NAME, "source metadata")
    if sources_doc is None:
        sources_doc = {"schema": SOURCES_SCHEMA, "sources": []}
    if not isinstance(sources_doc.get("sources"), list):
        raise ProposalsError(f"{paths.seeds / METADATA_NAME}: expected an object with a 'sources' list")
    proposals_path = proposals_path_for(paths.claims)
    plan = Plan(sources_doc=sources_doc, proposals=read_proposals(proposals_path))
    rejected = rejected_keys(rejected_path_for(proposals_path))
    claimed = _claimed(paths.claims)
    described = {e.get("id") for e in sources_doc["sources"] if isinstance(e, dict)}
    known_ids = {p.id for p in plan.proposals}
    by_hash, next_number = _existing_seeds(paths.seeds)
    gazetteer = gazetteer or load_gazetteer(paths.sectors)
    for given in files:
        text, problems = read_article(Path(given), str(given))
        if text is None:
            plan.refused.extend(f"refused: {p.file}: {p.message}" for p in problems)
            continue
        if not text.strip():
            plan.refused.append(f"refused: {given}: article is empty")
            continue
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        source_id = by_hash.get(digest)
        new = source_id is None
        if source_id is None:
            source_id = f"{next_number:03d}_{digest[:16]}.txt"
            next_number += 1
            by_hash[digest] = source_id
        entry = None
        if source_id not in described:
            entry = source_entry(source_id, text, digest, Path(given).name)
            described.add(source_id)
            plan.sources_doc["sources"].append(entry)
        findings = extract(text, gazetteer)
        kept = [f for f in findings if _keep(f, source_id, rejected, claimed)]
        proposals = [p for p in group_findings(source_id, text, kept, gazetteer.sector_names)
                     if p.id not in known_ids]
        known_ids.update(p.id for p in proposals)
        plan.proposals.extend(proposals)
        plan.articles.append(Article(Path(given), source_id, text, data, new, entry, proposals,
                                     len(findings) - len(kept)))
    return plan


def apply_plan(plan: Plan, paths: ProjectPaths) -> None:
    """Write what the plan says: new articles, then sources.json, then proposals.json (each atomically)."""
    for article in plan.articles:
        if article.new:
            target = paths.seeds / article.source_id
            if not target.exists():
                atomic_write_bytes(target, article.data)
    if any(a.entry is not None for a in plan.articles):
        atomic_write_text(paths.seeds / METADATA_NAME,
                          json.dumps(plan.sources_doc, ensure_ascii=False, indent=1) + "\n")
    if any(a.proposals for a in plan.articles):
        write_proposals(proposals_path_for(paths.claims), plan.proposals)


def _print_text(plan: Plan, names: dict[str, str], dry_run: bool, paths: ProjectPaths) -> None:
    for article in plan.articles:
        where = "new" if article.new else "already in the seeds"
        date = (article.entry or {}).get("date")
        dated = f", date {date['label']}" if isinstance(date, dict) else ""
        print(f"{article.given} -> {paths.seeds.name}/{article.source_id} ({where}{dated})")
        if article.entry and article.entry.get("title"):
            print(f"  title: {article.entry['title']}")
        if not article.proposals:
            print("  no new proposals" + (f" ({article.known} already claimed or rejected)" if article.known else ""))
        for p in article.proposals:
            sector = names.get(p.sector or "", p.sector or "force-wide")
            print(f"  [{p.role}/{p.status}] {p.nation or 'ISF'} -> {sector}   id {p.id}")
            for ev in p.evidence:
                print(f"      {ev.anchor.start}-{ev.anchor.end}: “{ev.anchor.exact}”")
    total = sum(len(a.proposals) for a in plan.articles)
    if dry_run:
        print(f"dry run: {total} proposal(s); nothing written")
    else:
        print(f"{total} proposal(s) added to {proposals_path_for(paths.claims)} for review")


def run_ingest_command(args: Namespace, paths: ProjectPaths) -> int:
    """Run ``mapview ingest``; returns the exit code."""
    files = list(getattr(args, "files", None) or [])
    if not files:
        print("error: give at least one article file", file=sys.stderr)
        return EXIT_USAGE
    if not paths.seeds.is_dir():
        print(f"error: seeds folder {paths.seeds} does not exist", file=sys.stderr)
        return EXIT_USAGE
    gazetteer = load_gazetteer(paths.sectors)
    if not gazetteer.sector_names:
        print(f"error: no usable sector in {paths.sectors}; nothing to propose against", file=sys.stderr)
        return EXIT_REFUSED
    try:
        plan = plan_ingest(files, paths, gazetteer)
    except (ProposalsError, ReviewError) as exc:
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return EXIT_REFUSED
    if not args.dry_run:
        apply_plan(plan, paths)
    for message in plan.refused:
        print(message, file=sys.stderr)
    if args.json:
        print(json.dumps([p.summary_json() for a in plan.articles for p in a.proposals], ensure_ascii=False,
                         indent=1))
    else:
        _print_text(plan, gazetteer.sector_names, args.dry_run, paths)
    return EXIT_REFUSED if plan.refused else EXIT_OK
