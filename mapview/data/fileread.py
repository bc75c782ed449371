"""The one way the project reads a file: regular files only, size checked while reading, a message naming the file.

A FIFO, a socket, a device (a link to ``/dev/zero``) or a folder is refused before a single byte is read: the file
is opened with ``O_NONBLOCK`` (so opening a FIFO with no writer returns at once instead of waiting) and checked
with ``fstat`` on the opened descriptor (so a file swapped between a check and the read cannot slip through).
The size limit holds while reading (at most ``limit + 1`` bytes are read), not by a ``stat`` taken beforehand
that a growing file or a device outruns.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mapview.data.problems import Problem

_CHUNK = 1 << 20


class FileReadError(OSError):
    """A file that cannot be read as the project needs; ``reason`` says why (without the file's name),
    ``str()`` names the file too."""

    def __init__(self, path: Path | str, what: str, reason: str, missing: bool = False) -> None:
        self.path = str(path)
        self.what = what
        self.reason = reason
        self.missing = missing
        super().__init__(f"{shown_path(path)}: {reason}")

    def problem(self, shown: str | None = None) -> Problem:
        """The failure as a Problem entry for the file (``shown``: how the file is named there)."""
        return Problem(shown if shown is not None else shown_path(self.path), "", self.reason)


def shown_path(path: Path | str) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 shown as ``\\xNN`` escapes."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
        if any("\udc80" <= ch <= "\udcff" for ch in text) else text


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def open_regular(path: Path | str, what: str) -> int:
    """A read-only descriptor of ``path`` when it is a regular file (links followed); FileReadError otherwise.
    The caller closes it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise FileReadError(path, what, f"{what} is missing", missing=True) from None
    except IsADirectoryError:
        raise FileReadError(path, what, f"{what} is a folder") from None
    except OSError as exc:
        raise FileReadError(path, what, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise FileReadError(path, what, f"cannot read {what}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise FileReadError(path, what, f"{what} is {_kind(mode)}")
    return fd


def check_regular(path: Path | str, what: str) -> None:
    """FileReadError unless ``path`` is a regular file that can be opened (nothing is read): for files a
    library opens itself (a Shapefile's .dbf, .prj, .cpg beside it)."""
    os.close(open_regular(path, what))


def read_bytes(path: Path | str, what: str, limit: int) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes; FileReadError naming the file otherwise.

    At most ``limit + 1`` bytes are read, so a file that grows while it is read (or lies about its size) is
    refused by what was read, and the message says by how much it is over (as far as known).
    """
    fd = open_regular(path, what)
    try:
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            try:
                size = max(os.fstat(fd).st_size, got)
            except OSError:
                size = got
            raise FileReadError(path, what, too_large(what, size, limit))
        return b"".join(chunks)
    except OSError as exc:
        if isinstance(exc, FileReadError):
            raise
        raise FileReadError(path, what, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def too_large(what: str, size: int, limit: int, unit: str = "bytes") -> str:
    """The one wording of a size refusal: which limit, and how far over it."""
    return f"{what} is {size:,} {unit}; the limit is {limit:,} {unit} ({size - limit:,} {unit} over)"


def read_problem(path: Path | str, what: str, limit: int, shown: str | None = None) -> tuple[bytes | None,
                                                                                             Problem | None]:
    """``read_bytes`` with the failure as a Problem instead of an exception."""
    try:
        return read_bytes(path, what, limit), None
    except FileReadError as exc:
        return None, exc.problem(shown)
