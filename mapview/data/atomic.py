"""Atomic file writes: temp file in the same folder, fsync, rename; the old file is never left half-written."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

SYNCFS_FROM = 8  # files in a batch from which one flush of the whole filesystem beats an fsync of each


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (readers see the old or the new file, never a part)."""
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` through a binary file, atomically: what the block writes replaces the file when the block
    ends; an error in the block leaves the old file as it was (and no temp file). For output too large to hold
    in memory at once (a dossier of 50,000 claims), written piece by piece."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _set_mode(tmp_name, path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def atomic_write_files(files: Sequence[tuple[Path, bytes]], replaced: list[Path] | None = None) -> None:
    """Replace each ``path`` with its ``data``, each atomically as :func:`atomic_write_bytes` would, with the disk
    flushed once for them all rather than once per file (ingest writes two files per article; an fsync and a
    folder fsync for each took seconds for 1,000 pages).

    Every temp file is written first; their data is made durable together (for a batch of SYNCFS_FROM files or
    more, one ``syncfs`` of the filesystem on Linux; else an fsync of each); then each is renamed into place, in
    order, and each folder fsynced once. An error before the renames replaces nothing and leaves no temp file;
    ``replaced`` (when given) receives each path once it is in place, so that a caller can undo a batch that
    failed part-way."""
    syncfs = _syncfs() if len(files) >= SYNCFS_FROM else None
    temps: list[tuple[str, Path]] = []
    done = 0
    try:
        for path, data in files:
            path = Path(path)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((tmp_name, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if syncfs is None:
                    handle.flush()
                    os.fsync(handle.fileno())
        if syncfs is not None:
            for folder in {os.stat(path.parent).st_dev: path.parent for _, path in temps}.values():
                syncfs(folder)
        for tmp_name, path in temps:
            _set_mode(tmp_name, path)
            os.replace(tmp_name, path)
            done += 1
            if replaced is not None:
                replaced.append(path)
    except BaseException:
        for tmp_name, _ in temps[done:]:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise
    for folder in dict.fromkeys(path.parent for _, path in temps):
        _fsync_dir(folder)


def _set_mode(tmp_name: str, path: Path) -> None:
    """Give a temp file the permissions of the file it replaces (mkstemp creates 0600), or 0644 for a new one."""
    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
    else:
        os.chmod(tmp_name, 0o644)


def _syncfs() -> Callable[[Path], None] | None:
    """Linux's syncfs(2) (flush every file of one filesystem to disk, and wait) as a function of a folder on it;
    None where the C library has no syncfs."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # noqa: PLC0415 - only for batches

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None

    def syncfs(folder: Path) -> None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if function(fd) != 0:
                error = ctypes.get_errno()
                raise OSError(error, os.strerror(error), str(folder))
        finally:
            os.close(fd)

    return syncfs


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def restore_file(path: Path, old: bytes | None) -> None:
    """Undo a write: put ``path`` back to its ``old`` bytes atomically, or remove it when it did not exist."""
    if old is None:
        Path(path).unlink(missing_ok=True)
    else:
        atomic_write_bytes(path, old)


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
