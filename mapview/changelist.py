"""The Changes list as an outline: one row per change (worded by :func:`mapview.wording.change_entries`), under it
the passages that caused it. Pure: no Qt; the Changes panel shows it with the evidence list's model and view."""

from __future__ import annotations

from mapview import wording
from mapview.data.changes import Changes
from mapview.outline import PASSAGE, Outline, passage_lines

CHANGE = "change"  # a row naming one change; ``item`` is (kind, id): ("sector", "north-gaza"), ...
STYLES = {"sector": "group", "claim": "claimHeading", "disagreement": "contradiction"}  # the evidence list's looks


def changes_outline(changes: Changes, names: dict[str, str]) -> Outline:
    """Every change, in the order of ``change_entries`` (sectors, claims, disagreements), each with its passages."""
    outline = Outline()
    entries = wording.change_entries(changes, names)
    outline.total_claims = outline.shown_claims = len(entries)
    if not entries:
        outline.add_note(wording.changes_heading(changes), "emptyNote")
    for entry in entries:
        row = outline.add_row(CHANGE, None, fixed_text=entry.text, object_name=STYLES[entry.kind],
                              item=(entry.kind, entry.key))
        for passage in entry.passages:
            outline.add_row(PASSAGE, row, evidence=passage.evidence, owner=row,
                            word=lambda p=passage: (*passage_lines(p.evidence),
                                                    ("sourceLine", wording.passage_change_note(p))))
    return outline
