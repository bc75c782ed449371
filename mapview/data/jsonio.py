"""Reading JSON data files safely (through :mod:`mapview.data.fileread`): every failure a Problem, never an
exception."""

from __future__ import annotations

import json
from pathlib import Path

from mapview.data.fileread import read_problem, shown_path
from mapview.data.problems import Problem

MAX_JSON_BYTES = 50_000_000


def read_json(path: Path, what: str, max_bytes: int = MAX_JSON_BYTES) -> tuple[object | None, list[Problem]]:
    """Read a UTF-8 JSON file, turning every failure into a Problem that names the file and the place."""
    path = Path(path)
    shown = shown_path(path)
    raw, refused = read_problem(path, what, max_bytes, shown)
    if raw is None:
        return None, [refused]
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
