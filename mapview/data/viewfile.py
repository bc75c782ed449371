"""The map area each project's window showed last, kept per user (``$XDG_CONFIG_HOME/mapview/views.json``, keyed
by the project's claims file) so that ``mapview export --extent current`` exports what the user is looking at.

Per user, not in the project: a shared project folder must not change because someone zoomed. Written atomically
under a file lock (several windows may save at once); read with a clear message when missing or damaged.
"""

from __future__ import annotations

import json
import math
import os
from datetime import UTC, datetime
from pathlib import Path

from mapview.data.atomic import atomic_write_text
from mapview.data.fileread import FileReadError, read_bytes, shown_path

MAX_BYTES = 1024 * 1024
LOCK_TIMEOUT_S = 5

Extent = tuple[float, float, float, float]
GIVE_A_BOX = "or give minx,miny,maxx,maxy"


def views_file() -> Path:
    """The per-user file of saved views."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "mapview" / "views.json"


def _key(claims_path: Path) -> str:
    return str(Path(claims_path).resolve())


def _read(path: Path) -> dict[str, object]:
    """The saved views; ValueError when the file is damaged (missing: empty). A FIFO or a link to /dev/zero
    in its place is refused without reading (it would block, or never end)."""
    try:
        document = json.loads(read_bytes(path, "the saved views file", MAX_BYTES).decode("utf-8"))
    except FileReadError as exc:
        if exc.missing:
            return {}
        raise ValueError(f"{exc.reason}; delete {shown_path(path)}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"{shown_path(path)} cannot be read ({exc}); delete it") from None
    views = document.get("views") if isinstance(document, dict) else None
    if not isinstance(views, dict):
        raise ValueError(f"{path} holds no views; delete it")
    return views


def save_view_extent(claims_path: Path, extent: Extent) -> Path:
    """Record a project's map area (minx, miny, maxx, maxy in degrees); a damaged file is replaced."""
    from filelock import FileLock

    path = views_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S):
        try:
            views = _read(path)
        except ValueError:
            views = {}
        views[_key(claims_path)] = {"extent": [round(v, 7) for v in extent],
                                    "saved": datetime.now(UTC).isoformat(timespec="seconds")}
        atomic_write_text(path, json.dumps({"schema": "mapview-views/1", "views": views}, indent=1) + "\n")
    return path


def load_view_extent(claims_path: Path) -> Extent:
    """The map area the project's window showed last; ValueError saying what to do when there is none."""
    path = views_file()
    try:
        views = _read(path)
    except ValueError as exc:
        raise ValueError(f"--extent current: {exc}; {GIVE_A_BOX}") from None
    entry = views.get(_key(claims_path))
    if entry is None:
        raise ValueError(f"--extent current: no saved view for {claims_path} in {path}: open the window "
                         f"(python main.py), zoom to the area, then export again; {GIVE_A_BOX}")
    extent = entry.get("extent") if isinstance(entry, dict) else None
    if (not isinstance(extent, list) or len(extent) != 4
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in extent)):
        raise ValueError(f"--extent current: the view saved in {path} is not valid; {GIVE_A_BOX}")
    minx, miny, maxx, maxy = (float(v) for v in extent)
    if not (minx < maxx and miny < maxy):
        raise ValueError(f"--extent current: the view saved in {path} is an empty area; {GIVE_A_BOX}")
    return minx, miny, maxx, maxy
