"""Writing systems an article is written in, told from its letters: what fonts a reader's screen needs to show it.

Only the scripts a Latin-script desktop may lack a font for are listed; the window checks each against the fonts
installed (mapview/qt/fontcheck.py) and says, in the Problems panel, which articles would show as empty boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Script name (as a user reads it) -> its letters. Han covers Chinese and the kanji of Japanese.
SCRIPT_LETTERS: dict[str, str] = {
    "Korean (Hangul)": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3",
    "Japanese (kana)": "\u3040-\u30ff",
    "Chinese (Han)": "\u3400-\u4dbf\u4e00-\u9fff",
    "Hebrew": "\u0590-\u05ff",
    "Arabic": "\u0600-\u06ff\u0750-\u077f",
    "Thai": "\u0e00-\u0e7f",
    "Devanagari": "\u0900-\u097f",
    "Bengali": "\u0980-\u09ff",
    "Greek": "\u0370-\u03ff",
    "Cyrillic": "\u0400-\u04ff",
    "Ethiopic": "\u1200-\u137f",
}
_SCRIPTS = [(name, re.compile(f"[{letters}]")) for name, letters in SCRIPT_LETTERS.items()]
_ANY = re.compile(f"[{''.join(SCRIPT_LETTERS.values())}]")
SAMPLE_CHARS = 4000  # an article keeps its script: its first characters tell it (5,000 articles load in ms)


def scripts_in(text: str, sample: int = SAMPLE_CHARS) -> set[str]:
    """The listed scripts the first ``sample`` characters of ``text`` use."""
    head = text[:sample]
    if _ANY.search(head) is None:  # most articles: one scan, nothing found
        return set()
    return {name for name, letters in _SCRIPTS if letters.search(head)}


def articles_by_script(texts: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """For each listed script, the names of the articles (``(name, text)`` pairs) written in it, in given order."""
    found: dict[str, list[str]] = {}
    for name, text in texts:
        for script in scripts_in(text):
            found.setdefault(script, []).append(name)
    return found
