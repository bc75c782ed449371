"""``mapview ingest FILE... [--json] [--dry-run]``: copy articles into the seeds and propose claims for review.

Each readable UTF-8 article is copied byte for byte into ``seeds/`` as ``NNN_<sha256[:16]>.txt`` (an article
whose content is already there is not copied again), described in ``seeds/sources.json`` (title and date
inferred from its text, each with its passage) and read by the extractor; its proposals join
``claims/proposals.json`` as ``"review": "pending"``. Proposals already made, rejected before, or already
claimed in ``claims.json`` are not made again. ``--dry-run`` reads everything and writes nothing.

Exit codes: 0 all files ingested, 1 some file refused (or the project's files cannot be read), 2 usage.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sys
from argparse import Namespace
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mapview.data.atomic import atomic_write_files, atomic_write_text, restore_file, unwritable_reason
from mapview.data.fileread import FileReadError, read_bytes
from mapview.data.lock import ProjectBusy, project_lock
from mapview.data.problems import inert, inert_json
from mapview.data.project import ProjectPaths
from mapview.data.sources import INGESTED_NAME, MAX_ARTICLE_BYTES, METADATA_NAME
from mapview.ingest.extract import Extraction, Finding, UnclassifiedMention, extract_all
from mapview.ingest.formats import ArticleRecord, InputError, read_input, stored_size_refusal
from mapview.ingest.gazetteer import Gazetteer, load_gazetteer
from mapview.ingest.langdata import LanguageGuess
from mapview.ingest.metadata import source_entry
from mapview.ingest.proposals import (
    MAX_STATE_BYTES,
    PassageKey,
    Proposal,
    ProposalsError,
    archived_ids,
    group_findings,
    mentions_path_for,
    mentions_text,
    proposals_files,
    read_json_object,
    read_mentions,
    read_proposals,
)
from mapview.ingest.review import ReviewError, proposals_path_for, rejected_keys, rejected_path_for
from mapview.wording import area_text

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
ORIGINALS = "originals"  # inside seeds/: each ingested file as given, for audit and re-extraction
SOURCES_SCHEMA = "mapview-sources/1"


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
    record: ArticleRecord | None = None
    original_file: str | None = None  # where the original is kept, relative to seeds/
    mentions: list[UnclassifiedMention] = field(default_factory=list)
    healed: bool = False  # copied by an interrupted ingest, described (and read) only now
    language: LanguageGuess | None = None  # the article's language, as far as ingest can tell
    notice: str | None = None  # for the reviewer: the article is in a language ingest does not read


@dataclass
class Plan:
    """Everything an ingest run would write, computed without writing anything."""

    articles: list[Article] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    sources_doc: dict = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)  # existing + new, as the file will hold them
    mentions: list[dict[str, object]] = field(default_factory=list)  # existing + new, as mentions.json holds them


def _scalar(value: object) -> bool:
    """True for what can stand in a key (text, a number, None); lists and objects from a hand-edited file cannot."""
    return value is None or isinstance(value, str | int | float)


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
                    if not all(_scalar(v) for v in key):  # a list where a name belongs: verify reports it
                        continue
                    index.setdefault(key, []).append((sel.get("start", -1), sel.get("end", -1)))
    return index


def _keep(finding: Finding, source: str, rejected: set[PassageKey], claimed: dict) -> bool:
    sector = finding.area[0] if finding.area else finding.sector  # a site's area is proposed under its first sector
    if (source, finding.start, finding.end, finding.nation, sector, finding.role) in rejected:
        return False
    spans = claimed.get((source, finding.nation, sector, finding.role), [])
    return not any(isinstance(s, int) and isinstance(e, int) and s < finding.end and finding.start < e
                   for s, e in spans)


def _existing_seeds(seeds: Path) -> tuple[dict[str, str], int]:
    """sha256 of every article in the seeds -> its name, and the next free NNN."""
    by_hash: dict[str, str] = {}
    next_number = 0
    for path in sorted(seeds.glob("*.txt")):
        try:  # a FIFO or a link to /dev/zero named *.txt is skipped, never read (verify names it)
            by_hash.setdefault(hashlib.sha256(read_bytes(path, "article", MAX_ARTICLE_BYTES)).hexdigest(), path.name)
        except FileReadError:
            continue
        if m := INGESTED_NAME.match(path.name):
            next_number = max(next_number, int(m.group(1)) + 1)
    return by_hash, next_number


def _undescribed(seeds: Path, described: set) -> list[ArticleRecord]:
    """Articles ingest copied into the seeds but never described (the run was killed in between), read again:
    from the original kept beside them when it yields the same text, else from the stored text itself."""
    records = []
    for path in sorted(seeds.glob("*.txt")):
        if path.name in described or not INGESTED_NAME.match(path.name):
            continue
        try:
            stored = read_bytes(path, "article", MAX_ARTICLE_BYTES)
            record = read_input(path)
        except (OSError, InputError):
            continue  # verify names it; it cannot be described from here
        if record.text.encode("utf-8") != stored:
            continue  # not in the stored form ingest writes: describing it would make it a new article
        for original in sorted((seeds / ORIGINALS).glob(f"{path.stem}.*")):
            with contextlib.suppress(InputError):
                page = read_input(original)
                if page.text.encode("utf-8") == stored:  # the page's own title, outlet, url and date
                    record = page
                    break
        records.append(dataclasses.replace(record, given_name=path.name))
    return records


def _read_one(given: Path, user: dict[str, object] | None) -> tuple[ArticleRecord | None, str | None]:
    """One given file's ArticleRecord, or the refusal line saying why it cannot be one."""
    from mapview.ingest.formats.paste import with_user_fields

    try:
        record = read_input(Path(given))
    except InputError as exc:
        return None, f"refused: {exc}"
    if user:
        record = with_user_fields(record, **user, day_field="the --date given to `mapview ingest`")
    return record, None


def text_digest(text: str) -> str:
    """The sha256 of an article's text: its key in the seeds (``NNN_<digest[:16]>.txt``) and in ``extracted``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ReadAndExtracted = tuple[ArticleRecord | None, str | None, Extraction | None]
_HELPER_STATE: tuple[Gazetteer, dict[str, object] | None] | None = None  # set in a helper process only


def _start_helper(gazetteer: Gazetteer, user: dict[str, object] | None) -> None:
    """In a helper process: keep what every chunk needs (the gazetteer is sent once, not with each chunk)."""
    global _HELPER_STATE
    _HELPER_STATE = (gazetteer, user)
    # a spawned helper compiles the extractor's tables here, before it says it is ready, not on its first files
    extract_all("Indonesian troops will be based in Rafah, Kan reported.", gazetteer)


def _read_and_extract_chunk(files: Sequence[Path], gazetteer: Gazetteer | None = None,
                            user: dict[str, object] | None = None) -> list[ReadAndExtracted]:
    """Read and extract each file of a chunk: (record, None, extraction) or (None, refusal, None)."""
    if gazetteer is None:
        assert _HELPER_STATE is not None, "a helper process starts with _start_helper"
        gazetteer, user = _HELPER_STATE
    out: list[ReadAndExtracted] = []
    for given in files:
        record, refusal = _read_one(given, user)
        extraction = extract_all(record.text, gazetteer) if record is not None \
            and stored_size_refusal(record) is None else None
        out.append((record, refusal, extraction))
    return out


def read_and_extract(files: list[Path], gazetteer: Gazetteer, user: dict[str, object] | None = None
                     ) -> tuple[list[tuple[Path, ArticleRecord]], list[str], dict[str, Extraction]]:
    """Each given file with its ArticleRecord, a refusal line for each file that cannot be one, and what each
    article yields by its text's digest (as ``extract_records``), in one pass, on every core for a large batch
    (``parallel.map_on_all_cores``): what an ingest of a folder of saved pages spends nearly all its time on.

    ``user``: what the user gave for the article (``url``, ``outlet``, ``day``, ``title``; ingest's --url,
    --outlet, --date, --title), recorded as the user's in place of what the file says (formats.paste).
    """
    from mapview.ingest.parallel import map_on_all_cores

    files = [Path(f) for f in files]
    done = map_on_all_cores(_read_and_extract_chunk, files, _start_helper, (gazetteer, user),
                            here=lambda chunk: _read_and_extract_chunk(chunk, gazetteer, user))
    read, refused, extracted = [], [], {}
    for given, (record, refusal, extraction) in zip(files, done, strict=True):
        if record is None:
            refused.append(refusal or "refused")
            continue
        read.append((given, record))
        if extraction is not None:
            extracted[text_digest(record.text)] = extraction
    return read, refused, extracted


def user_fields(args: Namespace) -> dict[str, object]:
    """What ``ingest --url/--outlet/--date/--title`` gave (only the options given)."""
    given = {"url": getattr(args, "url", None), "outlet": getattr(args, "outlet", None),
             "day": getattr(args, "date", None), "title": getattr(args, "title", None)}
    return {k: v for k, v in given.items() if v is not None}


def plan_ingest(files: list[Path], paths: ProjectPaths, gazetteer: Gazetteer | None = None) -> Plan:
    """Read the given files (saved pages, PDFs, text) and work out what ingesting them means."""
    gazetteer = gazetteer or load_gazetteer(paths.sectors)
    read, refused, extracted = read_and_extract(files, gazetteer)
    plan = plan_records([r for _, r in read], paths, gazetteer, [g for g, _ in read], extracted)
    plan.refused[:0] = refused
    return plan


def extract_records(records: list[ArticleRecord], gazetteer: Gazetteer,
                    known: dict[str, Extraction] | None = None) -> dict[str, Extraction]:
    """What each article yields, by the sha256 of its text, for ``plan_records(extracted=...)``.

    Reading the articles is nearly all of an ingest's time and needs nothing of the project: callers do it before
    taking the project lock, which they then hold only to number, filter and write (a lock held through the reading
    kept other ingests and reviews waiting until they gave up on a busy machine)."""
    extracted: dict[str, Extraction] = dict(known or {})  # read already (``read_and_extract``)
    for record in records:
        if stored_size_refusal(record) is None:
            digest = text_digest(record.text)
            if digest not in extracted:
                extracted[digest] = extract_all(record.text, gazetteer)
    return extracted


def plan_records(records: list[ArticleRecord], paths: ProjectPaths, gazetteer: Gazetteer | None = None,
                 given: list[Path] | None = None, extracted: dict[str, Extraction] | None = None) -> Plan:
    """Work out what ingesting these articles means, without writing anything.

    Raises ProposalsError (or ReviewError) when a project file it would update cannot be read. An article whose
    stored text is over the article limit is refused here, whichever reader (or fetch) produced it. ``extracted``:
    ``extract_records`` of these records with the same gazetteer (an article not in it is read here).
    """
    oversized = [stored_size_refusal(r) for r in records]
    if given is not None:
        given = [g for g, refusal in zip(given, oversized, strict=True) if refusal is None]
    records = [r for r, refusal in zip(records, oversized, strict=True) if refusal is None]
    sources_doc = read_json_object(paths.seeds / METADATA_NAME, "source metadata")
    if sources_doc is None:
        sources_doc = {"schema": SOURCES_SCHEMA, "sources": []}
    if not isinstance(sources_doc.get("sources"), list):
        raise ProposalsError(f"{paths.seeds / METADATA_NAME}: expected an object with a 'sources' list")
    proposals_path = proposals_path_for(paths.claims)
    plan = Plan(sources_doc=sources_doc, proposals=read_proposals(proposals_path),
                mentions=read_mentions(mentions_path_for(paths.claims)))
    plan.refused.extend(f"refused: {refusal}" for refusal in oversized if refusal is not None)
    rejected = rejected_keys(rejected_path_for(proposals_path))
    claimed = _claimed(paths.claims)
    described = {e.get("id") for e in sources_doc["sources"]
                 if isinstance(e, dict) and isinstance(e.get("id"), str)}  # a list there is damage verify names
    known_ids = {p.id for p in plan.proposals} | archived_ids(proposals_path.parent)  # decided, then archived
    known_mentions = {(m.get("source"), m.get("start"), m.get("end")) for m in plan.mentions}
    by_hash, next_number = _existing_seeds(paths.seeds)
    gazetteer = gazetteer or load_gazetteer(paths.sectors)
    names = given or [Path(r.given_name) for r in records]
    undescribed = _undescribed(paths.seeds, described)  # left by an ingest stopped between copy and describe
    names, records = [*(paths.seeds / r.given_name for r in undescribed), *names], [*undescribed, *records]
    for index, (shown, record) in enumerate(zip(names, records, strict=True)):
        text = record.text
        data = text.encode("utf-8")
        digest = text_digest(text)
        source_id = by_hash.get(digest)
        new = source_id is None
        if source_id is None:
            source_id = f"{next_number:03d}_{digest[:16]}.txt"
            next_number += 1
            by_hash[digest] = source_id
        original_file = None
        if record.kind != "text" or record.original != data:
            original_file = f"{ORIGINALS}/{Path(source_id).stem}{record.suffix}"
        entry = None
        if source_id not in described:
            entry = source_entry(source_id, text, digest, record.given_name, record, original_file,
                                 hashlib.sha256(record.original).hexdigest())
            described.add(source_id)
            plan.sources_doc["sources"].append(entry)
        extraction = (extracted or {}).get(digest)
        if extraction is None:
            extraction = extract_all(text, gazetteer, source=source_id)
        else:  # read before the source had its name
            extraction = dataclasses.replace(extraction, mentions=[dataclasses.replace(m, source=source_id)
                                                                   for m in extraction.mentions])
        kept = [f for f in extraction.findings if _keep(f, source_id, rejected, claimed)]
        proposals = [p for p in group_findings(source_id, text, kept, gazetteer.sector_names)
                     if p.id not in known_ids]
        known_ids.update(p.id for p in proposals)
        plan.proposals.extend(proposals)
        mentions = [m for m in extraction.mentions if (m.source, m.start, m.end) not in known_mentions]
        known_mentions.update((m.source, m.start, m.end) for m in mentions)
        plan.mentions.extend(m.to_json() for m in mentions)
        plan.articles.append(Article(shown, source_id, text, data, new, entry, proposals,
                                     len(extraction.findings) - len(kept), record, original_file, mentions,
                                     healed=index < len(undescribed), language=extraction.language,
                                     notice=extraction.notice))
    return plan


def ingest_articles(read: list[tuple[Path, ArticleRecord]], paths: ProjectPaths, gazetteer: Gazetteer | None = None,
                    refused: list[str] | None = None, fetched: dict | None = None, dry_run: bool = False,
                    then: Callable[[Plan], None] | None = None, extracted: dict[str, Extraction] | None = None
                    ) -> Plan:
    """Ingest articles already read, each with the file or address it came from: extract them first, then number,
    filter and write them under the project lock (a dry run writes nothing, not even the lock file).

    ``refused``: refusal lines of the reading, put first in the plan's; ``fetched``: what ``fetch.note_fetched``
    records of the fetched ones; ``then``: a last write under the same lock, after the plan's (a feeds file
    recording what was seen); ``extracted``: what ``read_and_extract`` already found, by text digest. Raises what
    plan_records and apply_plan raise, and ProjectBusy."""
    from mapview.ingest.fetch import note_fetched

    records = [r for _, r in read]
    gazetteer = gazetteer or load_gazetteer(paths.sectors)
    extracted = extract_records(records, gazetteer, extracted)  # the slow part, before the lock
    # number, filter and write under one lock: a concurrent ingest or review would otherwise lose entries
    with contextlib.nullcontext() if dry_run else project_lock(paths):
        plan = plan_records(records, paths, gazetteer, [g for g, _ in read], extracted)
        plan.refused[:0] = refused or []
        note_fetched(plan, fetched or {})
        if not dry_run:
            apply_plan(plan, paths)
            if then is not None:
                then(plan)
    return plan


class IngestWriteError(ProposalsError):
    """A write of an ingest run failed (read-only folder, full disk); the message names the path and what was undone."""


def _needed_folders(plan: Plan, paths: ProjectPaths) -> list[Path]:
    """The folders an ingest run will create files in."""
    folders = []
    if any(a.new or a.entry is not None for a in plan.articles):
        folders.append(paths.seeds)
        originals = paths.seeds / ORIGINALS
        if originals.is_dir() and any(a.new and a.original_file for a in plan.articles):
            folders.append(originals)
    if any(a.proposals or a.mentions for a in plan.articles):
        folders.append(Path(paths.claims).parent)
    return folders


def apply_plan(plan: Plan, paths: ProjectPaths) -> None:
    """Write what the plan says, all or nothing as far as the disk allows.

    Every folder written to is checked first. Then the new articles, sources.json, proposals.json and
    mentions.json are written in that order, each atomically, so that the project is whole at every step (an
    article copied but not yet described is re-described by the next run). When a write fails (a full disk), what
    this run wrote is undone in reverse and IngestWriteError names the path; should an undo fail too, the project
    is left at the last whole step, which the message says.
    """
    for folder in _needed_folders(plan, paths):
        if (reason := unwritable_reason(folder)) is not None:
            raise IngestWriteError(f"cannot write in {folder}: {reason}; nothing written")
    writes = []  # the project files, in this order; computed first so that a refusal writes nothing
    if any(a.entry is not None for a in plan.articles):
        writes.append((paths.seeds / METADATA_NAME, json.dumps(plan.sources_doc, ensure_ascii=False, indent=1) + "\n"))
    if any(a.proposals for a in plan.articles):
        writes += proposals_files(proposals_path_for(paths.claims), plan.proposals)  # archives first
    if any(a.mentions for a in plan.articles):
        writes.append((mentions_path_for(paths.claims), mentions_text(plan.mentions)))
    created: list[Path] = []  # files (and the originals folder) this run made, in order
    replaced: list[tuple[Path, bytes | None]] = []  # project files this run rewrote, with what they held
    target = paths.seeds
    articles: dict[Path, bytes] = {}  # the article files to create, in order
    try:
        for article in plan.articles:
            if article.new and article.original_file and article.record is not None:
                target = paths.seeds / article.original_file
                if not target.exists():
                    if not target.parent.is_dir():
                        target.parent.mkdir()
                        created.append(target.parent)
                    articles.setdefault(target, article.record.original)
            if article.new:
                target = paths.seeds / article.source_id
                if not target.exists():
                    articles.setdefault(target, article.data)
        # each one atomically, the disk flushed once for them all, each folder synced once: before sources.json
        # describes them
        target = next(iter(articles), target)
        atomic_write_files(list(articles.items()), created)
        for target, text in writes:
            old = read_bytes(target, "project file", MAX_STATE_BYTES) if target.exists() else None
            atomic_write_text(target, text)
            replaced.append((target, old))
    except OSError as exc:
        if target in articles:  # the batch stopped at its first article not in place
            target = next((path for path in articles if path not in created), target)
        left = _undo(created, replaced)
        undone = ("nothing written" if not left else
                  f"the run could not be fully undone ({left}); run ingest again to finish it")
        raise IngestWriteError(f"cannot write {target}: {exc.strerror or exc}; {undone}") from None


def _undo(created: list[Path], replaced: list[tuple[Path, bytes | None]]) -> str:
    """Undo a failed run's writes, newest first; '' when all were undone, else what stays."""
    for path, old in reversed(replaced):
        try:
            restore_file(path, old)
        except OSError as exc:
            # stop here: what remains (articles, sources.json, ...) is a whole earlier step of the run
            return f"{path} could not be restored: {exc.strerror or exc}"
    for path in reversed(created):
        with contextlib.suppress(OSError):
            path.rmdir() if path.is_dir() else path.unlink()
    return ""


def plan_json(plan: Plan) -> dict[str, object]:
    """``ingest --json``: one object with the sources read, the proposals made and the unclassified mentions
    (schema in claims/README.md, "ingest --json")."""
    sources = []
    for a in plan.articles:
        entry = a.entry or next((e for e in plan.sources_doc.get("sources", [])
                                 if isinstance(e, dict) and e.get("id") == a.source_id), {})
        date = entry.get("date") if isinstance(entry.get("date"), dict) else None
        sources.append({
            "file": str(a.given), "id": a.source_id, "new": a.new,
            "kind": a.record.kind if a.record else "text",
            "title": entry.get("title"), "outlet": entry.get("outlet"), "url": entry.get("url"),
            "date": None if date is None else {k: date.get(k) for k in ("label", "earliest", "latest", "from",
                                                                         "reasoning")},
            "original": entry.get("original"),
            "characters": len(a.text),
            "language": None if a.language is None else {"code": a.language.code, "name": a.language.name,
                                                         "read": a.language.read},
            "notice": a.notice,
        })
    return {"sources": sources,
            "proposals": [p.summary_json() for a in plan.articles for p in a.proposals],
            "mentions": [m.to_json() for a in plan.articles for m in a.mentions],
            "refused": list(plan.refused)}


def _print_text(plan: Plan, names: dict[str, str], dry_run: bool, paths: ProjectPaths) -> None:
    for article in plan.articles:
        where = ("new" if article.new else "left undescribed by an interrupted ingest, described now"
                 if article.healed else "already in the seeds")
        date = (article.entry or {}).get("date")
        dated = f", date {date['label']}" if isinstance(date, dict) else ""
        print(f"{inert(str(article.given))} -> {paths.seeds.name}/{article.source_id} ({where}{dated})")
        if article.entry and article.entry.get("title"):
            print(f"  title: {inert(str(article.entry['title']))}")
        if article.notice:
            print(f"  notice: {article.notice}")
        if not article.proposals:
            print("  no new proposals" + (f" ({article.known} already claimed or rejected)" if article.known else ""))
        for p in article.proposals:
            sector = names.get(p.sector or "", p.sector or "force-wide")
            if p.area:
                sector = area_text(p.area, names)
            print(f"  [{p.role}/{p.status}] {p.nation or 'ISF'} -> {sector}   id {p.id}")
            for ev in p.evidence:
                print(f"      {ev.anchor.start}-{ev.anchor.end}: “{inert(ev.anchor.exact)}”")
        if article.mentions:
            print(f"  {len(article.mentions)} sentence(s) name a sector and a nation but gave no proposal: "
                  "listed for review as unclassified mentions")
    total = sum(len(a.proposals) for a in plan.articles)
    if dry_run:
        print(f"dry run: {total} proposal(s); nothing written")
    else:
        print(f"{total} proposal(s) added to {proposals_path_for(paths.claims)} for review")


def fetch_records(urls: list[str]) -> tuple[list[tuple[Path, ArticleRecord]], list[str], dict]:
    """Fetch each web address (outside the project lock: a slow server must not hold it): the records read, a
    refusal line for each address that gave no article, and what ``fetch.note_fetched`` records of each fetch."""
    from mapview.ingest.fetch import FetchError, WebAddress, fetch_article

    records, refused, fetched = [], [], {}
    for url in urls:
        try:
            record, page = fetch_article(url)
        except FetchError as exc:
            refused.append(f"refused: {exc}")
            continue
        records.append((WebAddress(url), record))
        fetched[id(record)] = (page, None)
    return records, refused, fetched


def run_ingest_command(args: Namespace, paths: ProjectPaths) -> int:
    """Run ``mapview ingest``; returns the exit code."""
    from mapview.ingest.fetch import is_web_address

    given = [str(f) for f in getattr(args, "files", None) or []]
    urls = [g for g in given if is_web_address(g)]
    files = [Path(g) for g in given if not is_web_address(g)]
    if not given:
        print("error: give at least one article file", file=sys.stderr)
        return EXIT_USAGE
    user = user_fields(args)
    if user and (len(given) != 1 or urls):
        options = "/".join(f"--{'date' if name == 'day' else name}" for name in user)
        print(f"error: {options} describe{'s' if len(user) == 1 else ''} one article: give one file "
              "(a fetched page's own metadata is read from it)", file=sys.stderr)
        return EXIT_USAGE
    if not paths.seeds.is_dir():
        print(f"error: seeds folder {paths.seeds} does not exist", file=sys.stderr)
        return EXIT_USAGE
    gazetteer = load_gazetteer(paths.sectors)
    if not gazetteer.sector_names:
        print(f"error: no usable sector in {paths.sectors}; nothing to propose against", file=sys.stderr)
        return EXIT_REFUSED
    fetched_records, fetch_refused, fetched = fetch_records(urls)
    read, refused, extracted = read_and_extract(files, gazetteer, user)
    try:
        plan = ingest_articles(read + fetched_records, paths, gazetteer, refused + fetch_refused, fetched,
                               args.dry_run, extracted=extracted)
    except IngestWriteError as exc:  # its message says what was undone
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except (ProposalsError, ReviewError) as exc:
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return EXIT_REFUSED
    except ProjectBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    for message in plan.refused:
        print(inert(message), file=sys.stderr)
    if args.json:
        print(inert_json(plan_json(plan)))
    else:
        _print_text(plan, gazetteer.sector_names, args.dry_run, paths)
    return EXIT_REFUSED if plan.refused else EXIT_OK
