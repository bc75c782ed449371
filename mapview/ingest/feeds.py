"""Follow feeds: a project's RSS/Atom feeds and keywords, and a check that ingests their new items for review.

The list lives in ``claims/feeds.json`` (schema ``mapview-feeds/1``), beside the claims it feeds, written
atomically under the project lock::

    {"schema": "mapview-feeds/1", "keywords": ["stabilization force"],
     "feeds": [{"name": "Balkan Defence Review", "url": "https://…/rss", "keywords": [],
                "etag": "…", "last_modified": "…", "checked": "2026-03-02T10:00:00+00:00", "error": null}],
     "seen": {"https://…/article": {"feed": "…", "sha256": "…", "at": "…"}}}

A check asks each feed only for what changed (``If-None-Match`` / ``If-Modified-Since``), skips items whose address
or text was seen before, keeps those whose title or summary holds a keyword (the feed's, else the project's; no
keywords: every item), fetches them as Add from URL does, and ingests them: their proposals join the review queue
naming the feed. Each feed is checked in its own thread with its own timeouts, so a slow feed delays none of the
others; a feed that fails becomes a Problem, never an exception.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mapview.data.atomic import atomic_write_text
from mapview.data.problems import Problem
from mapview.ingest.fetch import FetchCancelled, Fetched, FetchError, WebAddress, fetch, fetch_article
from mapview.ingest.formats import ArticleRecord, clean_field
from mapview.ingest.proposals import ProposalsError, read_json_object

SCHEMA = "mapview-feeds/1"
FEEDS_NAME = "feeds.json"
FEED_TIMEOUT_S = 15.0  # a feed's read timeout and the deadline of its download
ITEM_TIMEOUT_S = 20.0  # each article page
MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_ITEMS_PER_CHECK = 50  # per feed: a first check of a long feed takes its newest items only
MAX_WORKERS = 6
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

Progress = Callable[[str, int, int | None], None]


class FeedsError(ProposalsError):
    """The feeds file cannot be read or a feed cannot be added; the message says why."""


def feeds_path_for(claims_path: Path) -> Path:
    """``feeds.json`` beside the project's claims file."""
    return Path(claims_path).parent / FEEDS_NAME


def read_feeds(path: Path) -> dict:
    """The feeds document (an empty one when the file is missing); FeedsError when it is damaged."""
    try:
        doc = read_json_object(path, "feeds file")
    except ProposalsError as exc:
        raise FeedsError(str(exc)) from None
    if doc is None:
        return {"schema": SCHEMA, "keywords": [], "feeds": [], "seen": {}}
    if not isinstance(doc.get("feeds", []), list) or not isinstance(doc.get("seen", {}), dict):
        raise FeedsError(f"{path}: expected 'feeds' to be a list and 'seen' an object")
    doc.setdefault("feeds", [])
    doc.setdefault("seen", {})
    doc.setdefault("keywords", [])
    return doc


def write_feeds(path: Path, doc: dict) -> None:
    """Write the feeds document atomically (the caller holds the project lock)."""
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def add_feed(doc: dict, url: str, name: str | None = None, keywords: list[str] | None = None) -> dict:
    """Add (or update) a feed in the document; FeedsError when the address is not a web address."""
    from mapview.ingest.fetch import is_web_address

    if not is_web_address(url):
        raise FeedsError(f"{url}: not a web address (give one starting with http:// or https://)")
    existing = next((f for f in doc["feeds"] if isinstance(f, dict) and f.get("url") == url), None)
    if existing is None:
        existing = {"url": url}
        doc["feeds"].append(existing)
    existing["name"] = clean_field(name) or existing.get("name") or url
    existing["keywords"] = [k for k in (keywords if keywords is not None else existing.get("keywords", [])) if k]
    return existing


def remove_feed(doc: dict, url_or_name: str) -> bool:
    """Remove the feed with that address or name; False when there is none."""
    before = len(doc["feeds"])
    doc["feeds"] = [f for f in doc["feeds"] if not (isinstance(f, dict) and url_or_name in (f.get("url"),
                                                                                           f.get("name")))]
    return len(doc["feeds"]) != before


@dataclass
class FeedResult:
    """One feed's check: its new records, what its fetches were, the state to keep, its problems."""

    feed: dict
    records: list[tuple[WebAddress, ArticleRecord]] = field(default_factory=list)
    fetched: dict[int, tuple[Fetched, str | None]] = field(default_factory=dict)
    seen: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    items: int = 0  # items in the feed
    matched: int = 0  # new items whose words matched
    not_modified: bool = False


@dataclass
class FeedCheck:
    """Every feed's result, in the feeds file's order."""

    results: list[FeedResult]

    @property
    def records(self) -> list[tuple[WebAddress, ArticleRecord]]:
        """Every new article read, feed by feed."""
        return [r for result in self.results for r in result.records]

    @property
    def fetched(self) -> dict[int, tuple[Fetched, str | None]]:
        """What each record's fetch was, and its feed."""
        return {k: v for result in self.results for k, v in result.fetched.items()}

    @property
    def problems(self) -> list[Problem]:
        """Every feed's problems."""
        return [p for result in self.results for p in result.problems]


def _matches(entry: dict, keywords: list[str]) -> bool:
    if not keywords:
        return True
    words = " ".join(str(entry.get(k, "")) for k in ("title", "summary", "description")).casefold()
    return any(k.casefold() in words for k in keywords)


def _text_hash(record: ArticleRecord) -> str:
    return hashlib.sha256(record.text.encode("utf-8")).hexdigest()


def check_feed(feed: dict, keywords: list[str], seen: dict[str, dict], known_hashes: set[str], where: str,
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> FeedResult:
    """Check one feed for new items and fetch those that match; never raises (problems are returned)."""
    import feedparser

    result = FeedResult(feed)
    name = str(feed.get("name") or feed.get("url"))
    url = str(feed.get("url", ""))
    headers = {}
    if feed.get("etag"):
        headers["If-None-Match"] = str(feed["etag"])
    if feed.get("last_modified"):
        headers["If-Modified-Since"] = str(feed["last_modified"])
    try:
        page = fetch(url, accept=FEED_ACCEPT, headers=headers, max_bytes=MAX_FEED_BYTES,
                     read_timeout_s=FEED_TIMEOUT_S, deadline_s=FEED_TIMEOUT_S, cancelled=cancelled)
    except FetchCancelled:
        return result
    except FetchError as exc:
        result.problems.append(Problem(where, f"feed {name}", f"not checked: {exc}"))
        return result
    result.etag, result.last_modified = page.etag, page.last_modified
    if page.status == 304:
        result.not_modified = True
        return result
    parsed = feedparser.parse(page.data, response_headers={"content-type": page.content_type or "application/xml",
                                                           "content-location": page.final_url})
    entries = list(parsed.entries)
    if not entries and parsed.bozo:
        result.problems.append(Problem(where, f"feed {name}", f"not a readable RSS or Atom feed ({url}): "
                                       f"{parsed.get('bozo_exception', 'unreadable')}"))
        return result
    result.items = len(entries)
    own = [k for k in feed.get("keywords", []) if isinstance(k, str) and k.strip()]
    for entry in entries[:MAX_ITEMS_PER_CHECK]:
        if cancelled is not None and cancelled():
            break
        link = entry.get("link")
        if not isinstance(link, str) or link in seen or link in result.seen:
            continue
        if not _matches(entry, own or keywords):
            continue
        result.matched += 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            record, article = fetch_article(link, cancelled=cancelled, read_timeout_s=ITEM_TIMEOUT_S,
                                            deadline_s=ITEM_TIMEOUT_S * 2,
                                            progress=(lambda d, t, u=link: progress(u, d, t)) if progress else None)
        except FetchCancelled:
            break
        except FetchError as exc:
            result.seen[link] = {"feed": name, "at": now, "refused": str(exc)}
            result.problems.append(Problem(where, f"feed {name}", f"item not added: {exc}", "warning"))
            continue
        digest = _text_hash(record)
        result.seen[link] = {"feed": name, "at": now, "sha256": digest}
        if digest in known_hashes:  # the same text under another address (a syndicated copy)
            continue
        known_hashes.add(digest)
        result.records.append((WebAddress(link), record))
        result.fetched[id(record)] = (article, name)
    return result


def check_feeds(doc: dict, where: str, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> FeedCheck:
    """Check every feed of the document, each in its own thread; nothing is written here."""
    feeds = [f for f in doc.get("feeds", []) if isinstance(f, dict) and f.get("url")]
    seen = dict(doc.get("seen", {}))
    hashes = {str(v.get("sha256")) for v in seen.values() if isinstance(v, dict) and v.get("sha256")}
    keywords = [k for k in doc.get("keywords", []) if isinstance(k, str) and k.strip()]
    if not feeds:
        return FeedCheck([])
    with ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(feeds)), thread_name_prefix="feed") as pool:
        futures = [pool.submit(check_feed, feed, keywords, seen, hashes, where, progress, cancelled)
                   for feed in feeds]
        results = []
        for feed, future in zip(feeds, futures, strict=True):
            try:
                results.append(future.result())
            except Exception as exc:  # noqa: BLE001 (a feed that breaks the parser is a problem, not a crash)
                results.append(FeedResult(feed, problems=[Problem(where, f"feed {feed.get('name')}",
                                                                  f"not checked: {type(exc).__name__}: {exc}")]))
    # the same text from two feeds in one check: keep the first
    kept: set[str] = set()
    for result in results:
        unique = []
        for given, record in result.records:
            digest = _text_hash(record)
            if digest not in kept:
                kept.add(digest)
                unique.append((given, record))
        result.records = unique
    return FeedCheck(results)


def record_check(doc: dict, check: FeedCheck) -> dict:
    """The feeds document after a check: each feed's ETag, Last-Modified, time and error; the items seen."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    by_url = {f.get("url"): f for f in doc["feeds"] if isinstance(f, dict)}
    for result in check.results:
        feed = by_url.get(result.feed.get("url"))
        if feed is None:  # removed while it was checked
            continue
        if result.etag:
            feed["etag"] = result.etag
        if result.last_modified:
            feed["last_modified"] = result.last_modified
        feed["checked"] = now
        errors = [p.message for p in result.problems if p.severity == "error"]
        feed["error"] = errors[0] if errors else None
        doc["seen"].update(result.seen)
    return doc


def summary_lines(check: FeedCheck) -> list[str]:
    """One line per feed: items, new matching items, articles added, or why it was not checked."""
    lines = []
    for result in check.results:
        name = result.feed.get("name") or result.feed.get("url")
        errors = [p.message for p in result.problems if p.severity == "error"]
        if errors:
            lines.append(f"{name}: {errors[0]}")
        elif result.not_modified:
            lines.append(f"{name}: not changed since the last check")
        else:
            lines.append(f"{name}: {result.items} item(s), {result.matched} new matching, "
                         f"{len(result.records)} article(s) read")
    return lines


def ingest_check(paths, check: FeedCheck):
    """Ingest a check's new articles and record what was seen, under the project lock, all or nothing as far as
    ingest is: the feeds file is written last, so a failed ingest leaves its items unseen and they come again.
    The articles are read (extracted) before the lock is taken, which is held only to number, filter and write.
    Returns the ingest plan (its articles and proposals)."""
    from mapview.ingest.command import ingest_articles

    path = feeds_path_for(paths.claims)

    def record_seen(_plan) -> None:
        # read again under the lock: another window or process may have changed the feeds file meanwhile
        write_feeds(path, record_check(read_feeds(path), check))

    return ingest_articles(check.records, paths, fetched=check.fetched, then=record_seen)


def run_follow_command(args, paths) -> int:
    """``mapview follow``: list, add or remove feeds, or check them; 0 done, 1 a feed failed or nothing could be
    written, 2 usage."""
    import sys

    from mapview.data.lock import ProjectBusy, project_lock
    from mapview.data.problems import inert

    path = feeds_path_for(paths.claims)
    try:
        if args.add or args.remove or args.keyword_all is not None:
            with project_lock(paths):
                doc = read_feeds(path)
                if args.add:
                    feed = add_feed(doc, args.add, args.name, args.keyword or None)
                    print(f"following {inert(feed['name'])} ({inert(feed['url'])})")
                if args.remove and not remove_feed(doc, args.remove):
                    print(f"error: no feed {inert(args.remove)} in {path}", file=sys.stderr)
                    return 1
                if args.keyword_all is not None:
                    doc["keywords"] = [k.strip() for k in args.keyword_all.split(",") if k.strip()]
                write_feeds(path, doc)
            return 0
        doc = read_feeds(path)
        if args.list or not doc["feeds"]:
            if not doc["feeds"]:
                print("no feeds followed yet; add one with: mapview follow --add URL [--name NAME] [--keyword WORD]")
            for feed in doc["feeds"]:
                words = ", ".join(feed.get("keywords") or doc["keywords"]) or "every item"
                state = f"; last error: {feed['error']}" if feed.get("error") else ""
                print(inert(f"{feed.get('name')} — {feed.get('url')} — keywords: {words} — checked "
                            f"{feed.get('checked') or 'never'}{state}"))
            return 0
        check = check_feeds(doc, str(path))
        plan = ingest_check(paths, check)
    except (FeedsError, ProposalsError, ProjectBusy, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for problem in check.problems:
        print(problem, file=sys.stderr)
    proposals = [p for a in plan.articles for p in a.proposals]
    if args.json:
        print(json.dumps({"feeds": summary_lines(check),
                          "articles": [{"id": a.source_id, "url": str(a.given), "new": a.new,
                                        "proposals": len(a.proposals)} for a in plan.articles],
                          "proposals": [p.summary_json() | {"feed": p.extra.get("feed")} for p in proposals],
                          "problems": [p.to_json() for p in check.problems]}, ensure_ascii=False, indent=1))
    else:
        for line in summary_lines(check):
            print(inert(line))
        print(f"{len(plan.articles)} new article(s), {len(proposals)} proposal(s) added for review")
    return 1 if any(p.severity == "error" for p in check.problems) else 0
