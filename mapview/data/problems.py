"""Problem records: what a loader found wrong, with file and location, instead of an exception."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# Bidi embeddings, overrides and isolates: shown as escapes so a name cannot reorder the text around it.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def inert(text: str) -> str:
    """``text`` on one line with control and bidi-override characters escaped (safe to print to a terminal)."""
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(ch):04x}" if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch
        for ch in text
    )


def inert_json(document: object) -> str:
    """``document`` as indented JSON for a terminal: control, bidi and undecodable characters inside strings as
    ``\\uXXXX`` escapes (still valid JSON, the same data), so no field reorders or recolours what is printed."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return "\n".join(inert(line) for line in text.split("\n"))  # json.dumps escaped the newlines in strings


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: which file, where in it, and what, in words a user can act on."""

    file: str
    location: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return inert(f"{self.severity}: {where}: {self.message}")

    def to_json(self) -> dict[str, str]:
        """The problem as a JSON-ready dict."""
        return {"severity": self.severity, "file": self.file, "location": self.location, "message": self.message}


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that make something unsound (not warnings)."""
    return [p for p in problems if p.severity == "error"]
