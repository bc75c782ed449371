"""Source articles and their metadata (title, outlet, publication date and the passage each was read from).

Articles live in the seeds folder as UTF-8 text, byte for byte as received. ``seeds/sources.json`` describes
them; every title, outlet and date in it carries the anchored passage it was inferred from, verified on load.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from mapview.data.anchors import AnchorResult, TextAnchor, resolve, selectors_to_anchor
from mapview.data.fileread import read_problem
from mapview.data.jsonio import read_json
from mapview.data.paths import confined_file
from mapview.data.problems import Problem, errors

METADATA_NAME = "sources.json"
INGESTED_NAME = re.compile(r"^(\d{3,})_[0-9a-f]{16}\.txt$")  # how ingest names the articles it copies
MAX_ARTICLE_BYTES = 2_000_000
DATE_ORIGINS = ("text", "page", "user")
MAX_METADATA_BYTES = 5_000_000

DateKind = Literal["exact", "approximate"]


@dataclass(frozen=True)
class Basis:
    """A passage of the article that supports a metadata field, and where it was found."""

    anchor: TextAnchor
    result: AnchorResult


@dataclass(frozen=True)
class PublicationDate:
    """When an article appeared, as far as its own text tells: exact day, or an approximate range."""

    kind: DateKind
    label: str
    earliest: date
    latest: date | None
    reasoning: str
    basis: Basis | None = None
    origin: str = "text"  # "text" (a passage of the article), "page" (the saved page's metadata), "user"

    def is_on_or_before(self, day: date) -> bool:
        """True when the article may have appeared by ``day`` (approximate dates count from their earliest day)."""
        return self.earliest <= day

    def display(self) -> str:
        """Short text for the UI: the date, with a ≈ for approximate ones."""
        return self.label if self.kind == "exact" else f"≈ {self.label}"


# Where a source's title came from: the page's own title or headline, what the user typed, or a line of the text
# read as the title (the first line, or the first sentence of an article that has no headline).
TITLE_FROM = ("page", "headline", "user", "first-line", "first-sentence", "file")  # file: unreadable, its name


def title_from_kind(kind: str) -> str:
    """Where a title found in the text came from, read from its entry's ``title_kind`` ('headline', 'first
    sentence (the article has no headline)', 'first line (inferred by `mapview ingest`)', 'given by the user,
    found in the text'): one of TITLE_FROM; the first line when the entry does not say."""
    kind = kind.casefold()
    if kind.startswith("given by the page"):
        return "page"
    if kind.startswith("given by the user"):
        return "user"
    if kind.startswith("headline"):
        return "headline"
    if kind.startswith("first sentence"):
        return "first-sentence"
    return "first-line"


@dataclass
class Source:
    """One article: its raw text (or None when it could not be read) and what its text tells about it."""

    id: str
    path: Path
    text: str | None
    title: str
    date: PublicationDate | None = None
    outlet: str | None = None
    url: str | None = None
    notes: str = ""
    sha256: str | None = None
    title_basis: Basis | None = None
    outlet_basis: Basis | None = None
    problems: list[Problem] = field(default_factory=list)
    title_from: str = "first-line"  # where the title came from: one of TITLE_FROM

    @property
    def readable(self) -> bool:
        """True when the article text was loaded."""
        return self.text is not None

    def date_display(self) -> str:
        """The date for display, or 'undated'."""
        return self.date.display() if self.date else "undated"


def read_article(path: Path, display_name: str) -> tuple[str | None, list[Problem]]:
    """Read one article as UTF-8 text, exactly as stored (no newline translation)."""
    data, refused = read_problem(path, "article", MAX_ARTICLE_BYTES, display_name)
    if data is None:
        return None, [refused]
    if b"\x00" in data:
        return None, [Problem(display_name, "", "article is binary (contains NUL bytes), not UTF-8 text")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(display_name, f"byte {exc.start}", "article is not valid UTF-8 text")]


def first_line_title(text: str, limit: int = 160) -> str:
    """A fallback title: the first non-blank line, shortened to ``limit`` characters."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return "(empty article)"


def _parse_basis(raw: object, text: str, file: str, where: str, problems: list[Problem]) -> Basis | None:
    if raw is None:
        return None
    try:
        anchor = selectors_to_anchor(raw)
    except ValueError as exc:
        problems.append(Problem(file, where, str(exc)))
        return None
    result = resolve(text, anchor)
    if not result.found:
        problems.append(Problem(file, where, f"basis passage broken: {result.message}"))
    return Basis(anchor, result)


def _parse_day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_date(raw: object, text: str, file: str, where: str, problems: list[Problem]) -> PublicationDate | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(file, where, "date must be an object or null"))
        return None
    kind = raw.get("kind")
    earliest = _parse_day(raw.get("earliest"))
    latest = _parse_day(raw.get("latest")) if raw.get("latest") is not None else None
    if kind not in ("exact", "approximate"):
        problems.append(Problem(file, where, f"date.kind must be 'exact' or 'approximate', not {kind!r}"))
        return None
    if earliest is None or (raw.get("latest") is not None and latest is None):
        problems.append(Problem(file, where, "date.earliest/latest must be YYYY-MM-DD"))
        return None
    origin = raw.get("from", "text")
    if origin not in DATE_ORIGINS:
        problems.append(Problem(file, where, f"date.from must be one of {', '.join(DATE_ORIGINS)}, not {origin!r}"))
        return None
    basis = None
    if origin == "text":  # read in the article: its passage must be there
        basis = _parse_basis(raw.get("evidence"), text, file, f"{where}.evidence", problems)
        if basis is None or not basis.result.found:
            problems.append(Problem(file, where, "date has no verified passage in the article; treated as undated"))
            return None
    return PublicationDate(
        kind=kind,
        label=str(raw.get("label") or earliest.isoformat()),
        earliest=earliest,
        latest=latest,
        reasoning=str(raw.get("reasoning", "")),
        basis=basis,
        origin=origin,
    )


def load_metadata(seeds_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read ``sources.json``; a missing file is fine (titles then come from first lines)."""
    path = seeds_dir / METADATA_NAME
    shown = str(path)
    if not path.exists():
        return {}, [Problem(shown, "", "no source metadata file; titles come from first lines, dates unknown",
                            "warning")]
    doc, problems = read_json(path, "source metadata", MAX_METADATA_BYTES)
    if doc is None:
        return {}, problems
    entries = doc.get("sources") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return {}, [Problem(shown, "", "expected an object with a 'sources' list")]
    by_id: dict[str, dict] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(Problem(shown, f"sources[{i}]", "each source needs a string 'id' (its file name)"))
            continue
        if entry["id"] in by_id:
            problems.append(Problem(shown, f"sources[{i}]", f"duplicate source id {entry['id']!r}"))
            continue
        by_id[entry["id"]] = entry | {"_index": i}
    return by_id, problems


def load_source(seeds_dir: Path, source_id: str, meta: dict | None, resolved_seeds: Path | None = None) -> Source:
    """Load one article and verify every metadata passage against its text (``resolved_seeds``: the seeds folder
    already resolved, when loading many)."""
    meta_file = str(seeds_dir / METADATA_NAME)
    path, path_problem = confined_file(seeds_dir, source_id, resolved_seeds)
    if path is None:
        # name the entry of sources.json that points out, or the file (a link) that leads out of seeds/
        file, where = ((meta_file, f"sources[{meta['_index']}] ({source_id!r})") if meta
                       else (str(seeds_dir / source_id), ""))
        return Source(source_id, seeds_dir / "invalid", None, source_id,
                      problems=[Problem(file, where, path_problem)], title_from="file")
    text, problems = read_article(path, str(path))
    source = Source(source_id, path, text, source_id, problems=problems, title_from="file")
    if text is None:
        return source
    source.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source.title, source.title_from = first_line_title(text), "first-line"
    if not meta:
        return source
    where = f"sources[{meta['_index']}]"
    expected = meta.get("sha256")
    if expected and expected != source.sha256:
        problems.append(Problem(str(path), "", "article differs from the one described in sources.json "
                                "(sha256 changed); its passages are re-verified", "warning"))
    title_basis = _parse_basis(meta.get("title_evidence"), text, meta_file, f"{where}.title_evidence", problems)
    if title_basis and title_basis.result.found and isinstance(meta.get("title"), str):
        source.title, source.title_basis = meta["title"], title_basis
        source.title_from = title_from_kind(str(meta.get("title_kind") or ""))
    if meta.get("title_from") in ("page", "user") and isinstance(meta.get("title"), str) and meta["title"].strip():
        source.title = meta["title"]  # the page's own title, not in the extracted text
        source.title_from = meta["title_from"]
    if meta.get("outlet_from") in ("page", "user"):
        if isinstance(meta.get("outlet"), str) and meta["outlet"].strip():
            source.outlet = meta["outlet"]
    else:
        outlet_basis = _parse_basis(meta.get("outlet_evidence"), text, meta_file, f"{where}.outlet_evidence",
                                    problems)
        if outlet_basis and outlet_basis.result.found and isinstance(meta.get("outlet"), str):
            source.outlet, source.outlet_basis = meta["outlet"], outlet_basis
    if isinstance(meta.get("url"), str) and meta["url"].startswith(("http://", "https://")):
        source.url = meta["url"]
    source.date = _parse_date(meta.get("date"), text, meta_file, f"{where}.date", problems)
    source.notes = str(meta.get("notes", ""))
    return source


def load_sources(seeds_dir: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Load every ``*.txt`` article in the seeds folder plus any listed in the metadata file."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return {}, [Problem(str(seeds_dir), "", "seeds folder does not exist")]
    metadata, problems = load_metadata(seeds_dir)
    if METADATA_NAME in metadata:  # the metadata file describing itself would make it a citable article
        problems.append(Problem(str(seeds_dir / METADATA_NAME), f"sources[{metadata[METADATA_NAME]['_index']}]",
                                f"{METADATA_NAME!r} is the metadata file, not an article; entry ignored"))
        metadata = {k: v for k, v in metadata.items() if k != METADATA_NAME}
    ids = sorted({p.name for p in seeds_dir.glob("*.txt")} | set(metadata))
    described = (seeds_dir / METADATA_NAME).is_file() and not errors(problems)
    sources: dict[str, Source] = {}
    resolved_seeds = seeds_dir.resolve()
    for source_id in ids:
        source = load_source(seeds_dir, source_id, metadata.get(source_id), resolved_seeds)
        sources[source_id] = source
        problems.extend(source.problems)
        if described and source_id not in metadata and INGESTED_NAME.match(source_id):
            # named as ingest names its copies: an ingest was stopped between copying and describing it
            problems.append(Problem(str(seeds_dir / source_id), "", f"article {source_id} has no entry in "
                                    f"{METADATA_NAME}; run ingest again to describe it", "warning"))
    return sources, problems
