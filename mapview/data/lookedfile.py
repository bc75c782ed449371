"""When the user last looked at each project's changes, kept per user (``$XDG_CONFIG_HOME/mapview/looked.json``,
keyed by the project's claims file), so that the Changes list can show what changed "since I last looked".

Per user, not in the project: a shared folder must not change because one reader caught up. Written atomically
under a file lock (several windows may mark at once); a missing or damaged file reads as "never looked".
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

from mapview.data.atomic import atomic_write_text

MAX_BYTES = 1024 * 1024
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


def last_looked(claims_path: Path) -> date | None:
    """The day the user last marked this project's changes as looked at, or None."""
    entry = _entries(looked_file()).get(str(Path(claims_path).resolve()))
    try:
        return date.fromisoformat(entry["day"]) if isinstance(entry, dict) else None
    except (KeyError, TypeError, ValueError):
        return None


def mark_looked(claims_path: Path, day: date) -> Path:
    """Record that the user looked at this project's changes on ``day``; a damaged file is replaced."""
    from filelock import FileLock

    path = looked_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S):
        entries = _entries(path)
        entries[str(Path(claims_path).resolve())] = {"day": day.isoformat(),
                                                     "at": datetime.now(UTC).isoformat(timespec="seconds")}
        atomic_write_text(path, json.dumps({"schema": SCHEMA, "projects": entries}, indent=1) + "\n")
    return path
