"""Atomic file writes: temp file in the same folder, fsync, rename; the old file is never left half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(path: Path, data: bytes, sync_folder: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (readers see the old or the new file, never a part).

    ``sync_folder=False`` leaves the folder's fsync (which makes the rename itself durable) to the caller, who
    writes many files into one folder and calls :func:`sync_folder` once after the last of them."""
    with atomic_writer(path, sync_folder) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path, sync_folder: bool = True) -> Iterator[BinaryIO]:
    """Write ``path`` through a binary file, atomically: what the block writes replaces the file when the block
    ends; an error in the block leaves the old file as it was (and no temp file). For output too large to hold
    in memory at once (a dossier of 50,000 claims), written piece by piece. ``sync_folder``: as for
    :func:`atomic_write_bytes`."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # keep the target's permissions; mkstemp creates 0600
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if sync_folder:
        _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def restore_file(path: Path, old: bytes | None) -> None:
    """Undo a write: put ``path`` back to its ``old`` bytes atomically, or remove it when it did not exist."""
    if old is None:
        Path(path).unlink(missing_ok=True)
    else:
        atomic_write_bytes(path, old)


def sync_folder(folder: Path) -> None:
    """Make the renames into ``folder`` durable: one fsync of the folder covers every file renamed into it
    before (for batches written with ``sync_folder=False``)."""
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); silently skipped where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unwritable_reason(folder: Path) -> str | None:
    """Why no file can be created in ``folder`` (missing, read-only, ...), or None when one can.

    Probed by creating (and removing) a temp file exactly as an atomic write would: permission bits alone do not
    say it (root ignores them; a read-only mount or an ACL overrides them).
    """
    folder = Path(folder)
    if not folder.is_dir():
        return "no such folder"
    try:
        fd, name = tempfile.mkstemp(prefix=".mapview-probe.", suffix=".tmp", dir=folder)
    except OSError as exc:
        return exc.strerror or str(exc)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return None
