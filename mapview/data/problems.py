"""Problem records: what a loader found wrong, with file and location, instead of an exception."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: which file, where in it, and what, in words a user can act on."""

    file: str
    location: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return f"{self.severity}: {where}: {self.message}"

    def to_json(self) -> dict[str, str]:
        """The problem as a JSON-ready dict."""
        return {"severity": self.severity, "file": self.file, "location": self.location, "message": self.message}


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that make something unsound (not warnings)."""
    return [p for p in problems if p.severity == "error"]
