"""When the user last looked at each project's changes, kept per user (``$XDG_CONFIG_HOME/mapview/looked.json``,
keyed by the project's claims file), so that the Changes list can show what changed "since I last looked".

A look records when it was and which articles and claims the project held then (as short hashes of their ids: a
project of 10,000 claims costs ~130 KB), so that an article added since counts as new whatever day it was
published.

Per user, not in the project: a shared folder must not change because one reader caught up. Written atomically
under a file lock (several windows may mark at once); a missing or damaged file reads as "never looked".
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from mapview.data.atomic import atomic_write_text

MAX_BYTES = 20 * 1024 * 1024
LOCK_TIMEOUT_S = 5
SCHEMA = "mapview-looked/1"


def looked_file() -> Path:
    """The per-user file of last-looked days."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "mapview" / "looked.json"


def _entries(path: Path) -> dict[str, object]:
    """The saved entries; empty when the file is missing, too large or damaged."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    entries = document.get("projects") if isinstance(document, dict) else None
    return entries if isinstance(entries, dict) else {}


def id_key(value: str) -> str:
    """The short hash a look keeps of an article's or a claim's id."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Look:
    """When the user last looked, and which articles and claims the project held then."""

    at: datetime
    sources: frozenset[str] = field(default_factory=frozenset)  # id_key of each article
    claims: frozenset[str] = field(default_factory=frozenset)  # id_key of each claim

    @property
    def day(self) -> date:
        """The day of the look."""
        return self.at.date()

    def saw_source(self, source_id: str) -> bool:
        """Whether the project held this article then."""
        return id_key(source_id) in self.sources

    def saw_claim(self, claim_id: str) -> bool:
        """Whether the project held this claim then."""
        return id_key(claim_id) in self.claims


def last_look(claims_path: Path) -> Look | None:
    """The user's last look at this project, or None (never, or the file is missing or damaged)."""
    entry = _entries(looked_file()).get(str(Path(claims_path).resolve()))
    try:
        at = datetime.fromisoformat(entry["at"])
        if at.tzinfo is None:
            return None
        return Look(at, frozenset(map(str, entry.get("sources", []))), frozenset(map(str, entry.get("claims", []))))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def last_looked(claims_path: Path) -> date | None:
    """The day the user last marked this project's changes as looked at, or None."""
    look = last_look(claims_path)
    return look.day if look is not None else None


def mark_looked(claims_path: Path, sources: Iterable[str], claims: Iterable[str],
                at: datetime | None = None) -> Path:
    """Record that the user looked at this project now (or ``at``), when it held these articles and claims; a
    damaged file is replaced."""
    from filelock import FileLock

    path = looked_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S):
        entries = _entries(path)
        moment = at or datetime.now(UTC)
        entries[str(Path(claims_path).resolve())] = {
            "day": moment.date().isoformat(), "at": moment.isoformat(timespec="seconds"),
            "sources": sorted({id_key(s) for s in sources}), "claims": sorted({id_key(c) for c in claims})}
        atomic_write_text(path, json.dumps({"schema": SCHEMA, "projects": entries}, indent=1) + "\n")
    return path
