"""Reading JSON data files safely: size limit, regular files only, every failure a Problem (never an exception)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from mapview.data.problems import Problem

MAX_JSON_BYTES = 50_000_000


def regular_file_problem(path: Path, shown: str, what: str, max_bytes: int) -> Problem | None:
    """A Problem when ``path`` is missing, not a regular file (folder, FIFO, device) or larger than ``max_bytes``."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return Problem(shown, "", f"{what} is missing")
    except OSError as exc:
        return Problem(shown, "", f"cannot read {what}: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        # a FIFO or /dev/zero would block or never end; a folder cannot be read as a file
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return Problem(shown, "", f"{what} is {kind}")
    if info.st_size > max_bytes:
        return Problem(shown, "", f"{what} is {info.st_size:,} bytes; the limit is {max_bytes:,}")
    return None


def read_json(path: Path, what: str, max_bytes: int = MAX_JSON_BYTES) -> tuple[object | None, list[Problem]]:
    """Read a UTF-8 JSON file, turning every failure into a Problem that names the file and the place."""
    path = Path(path)
    shown = str(path)
    refused = regular_file_problem(path, shown, what, max_bytes)
    if refused is not None:
        return None, [refused]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, "", f"cannot read {what}: {exc.strerror or exc}")]
    if len(raw) > max_bytes:  # the file grew between stat and read
        return None, [Problem(shown, "", f"{what} is {len(raw):,} bytes; the limit is {max_bytes:,}")]
    try:
        doc = json.loads(raw.decode("utf-8-sig"))  # a BOM from Windows editors is harmless
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, f"byte {exc.start}", f"{what} is not UTF-8 text")]
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, f"line {exc.lineno} column {exc.colno}", f"malformed JSON: {exc.msg}")]
    except RecursionError:
        return None, [Problem(shown, "", f"{what} is nested too deeply to read")]
    except ValueError as exc:  # e.g. an integer literal with more digits than Python converts
        return None, [Problem(shown, "", f"malformed JSON: {exc}")]
    if doc is None:
        return None, [Problem(shown, "", f"{what} holds only JSON null")]
    return doc, []
