"""Path confinement: names that come from data files may only point inside the project's data folders."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The folder holding ``seeds/`` and ``geodata/``: $MAPVIEW_ROOT, else the checkout this package is in."""
    env = os.environ.get("MAPVIEW_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def default_paths() -> dict[str, Path]:
    """Default sectors file, claims file, context layer and seeds folder of the project."""
    root = project_root()
    return {
        "sectors": root / "geodata" / "sectors.geojson",
        "context": root / "geodata" / "context.geojson",
        "claims": root / "claims" / "claims.json",
        "seeds": root / "seeds",
    }


def confined_file(folder: Path, name: str, resolved_folder: Path | None = None) -> tuple[Path | None, str]:
    """Resolve ``name`` inside ``folder``; refuse absolute paths, separators, ``..`` and links leading out.

    ``resolved_folder`` is ``folder.resolve()`` when the caller already has it (a load resolves the seeds folder
    once, not once per article); a plain name that is not a link then needs no resolving of its own.
    """
    if not isinstance(name, str) or not name:
        return None, "file name must be a non-empty string"
    if "/" in name or "\\" in name or name in (".", "..") or "\x00" in name or Path(name).is_absolute():
        return None, f"file name {name!r} must be a plain name inside {folder.name}/ (no folders, no '..')"
    base = resolved_folder or folder.resolve()
    path = base / name
    if path.is_symlink() or not path.exists():  # only a link can lead elsewhere; a missing name resolves as is
        path = path.resolve()
    if path.parent != base:
        return None, f"file name {name!r} leads outside {folder.name}/"
    return path, ""
