"""One lock per project, across processes: every read-modify-write of the project's files goes under it.

Two ``ingest`` runs, a review in the window and a CLI ingest, or two windows, would otherwise each read
``sources.json`` / ``proposals.json`` / ``claims.json``, add to what they read and write it back, and the second
write would drop the first one's entries (and reuse its ``NNN`` article numbers). The lock is an OS file lock
(filelock) on ``.mapview.lock`` beside the claims file; it is released when the holder exits, even when killed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mapview.data.project import ProjectPaths

LOCK_NAME = ".mapview.lock"
DEFAULT_TIMEOUT = 30.0
_LOCKS: dict[str, object] = {}  # one FileLock per lock file: filelock counts re-entry on one object only


class ProjectBusy(Exception):
    """Another process held the project's lock for longer than we would wait; the message says what to do."""


def lock_path(paths: ProjectPaths) -> Path:
    """Where the project's lock file lives (beside the claims file)."""
    return Path(paths.claims).with_name(LOCK_NAME)


@contextmanager
def project_lock(paths: ProjectPaths, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the project's lock for the block; ProjectBusy when another process keeps it past ``timeout`` s.

    Re-entrant within a thread: a block already holding the lock (the window's undo record around a decision)
    may call code that takes it again; another thread or process waits."""
    from filelock import FileLock, Timeout

    path = lock_path(paths)
    if not path.parent.is_dir():  # filelock would create it: a mistyped --claims must not make a new project
        raise ProjectBusy(f"the claims folder {path.parent} does not exist (check --claims); nothing written")
    try:
        lock = _LOCKS.setdefault(str(path.resolve()), FileLock(str(path)))
        assert isinstance(lock, FileLock)
        lock.acquire(timeout=timeout)
    except Timeout:
        raise ProjectBusy(f"the project ({path.parent}) is being changed by another mapview process (ingest, a "
                          f"review, another window); nothing was written: try again when it has finished") from None
    except OSError as exc:
        raise ProjectBusy(f"cannot lock the project at {path}: {exc.strerror or exc}; nothing was written") from None
    try:
        yield
    finally:
        lock.release()
