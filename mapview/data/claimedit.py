"""Claim edits made where the analyst reads: create a claim from a selected passage, retire one, undo either.

Each edit is a pure change of the claims document (a function from the file's JSON to the new JSON), applied to
the file **as it is on disk now**, under the project lock: two windows (or a window and an ingest) never lose each
other's changes, because each re-reads the file before it writes. Before every write the old file is kept in
``claims/backups/``; every write is atomic, and every change records when it was made in the claim's
``history``. A passage is anchored with the same W3C selectors as every other, on the article as it is on disk:
if the article changed since it was opened (the selected words are no longer there), the edit is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mapview.data.anchors import make_anchor, resolve
from mapview.data.atomic import atomic_write_bytes, atomic_write_text
from mapview.data.claims import ROLES, SCHEMA
from mapview.data.fileread import FileReadError, read_bytes
from mapview.data.jsonio import MAX_JSON_BYTES, read_json
from mapview.data.lock import project_lock
from mapview.data.project import ProjectPaths
from mapview.data.sources import read_article
from mapview.data.status import MANNERS, SAID_BY

Change = Callable[[dict], dict]


class EditError(Exception):
    """An edit that cannot be made; the message says why, and nothing was written."""


@dataclass(frozen=True)
class ClaimFields:
    """What the analyst says of a selected passage: who does what where, and who says it how."""

    nation: str | None
    role: str
    sector: str | None
    said_by: str
    manner: str
    speaker: str = ""
    note: str = ""
    figures: dict[str, object] = field(default_factory=dict)


def now() -> str:
    """The moment an edit is made, as recorded in a claim's history (UTC, to the second)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def backup_claims(claims_path: Path, data: bytes) -> Path:
    """Keep a copy of the claims file as it was, in ``claims/backups/claims-<UTC time>.json``."""
    folder = Path(claims_path).parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{Path(claims_path).stem}-{stamp}.json"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{Path(claims_path).stem}-{stamp}-{n}.json"
    atomic_write_bytes(target, data)
    return target


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "claim"


def passage_from_selection(paths: ProjectPaths, source_id: str, start: int, end: int, selected: str) -> dict:
    """The evidence object for ``text[start:end]`` of an article, anchored on the article as it is on disk now.

    EditError when the selection is empty or the article no longer holds those words there."""
    if not selected.strip() or end <= start:
        raise EditError("select the words of the passage first")
    text, problems = read_article(Path(paths.seeds) / source_id, source_id)
    if text is None:
        raise EditError(f"cannot read the article {source_id}: {problems[0].message if problems else 'unknown'}")
    if text[start:end] != selected:
        raise EditError(f"the article {source_id} changed since it was opened: the selected words are no longer "
                        "at that place. Reopen the article and select the passage again")
    anchor = make_anchor(text, start, end)
    if not resolve(text, anchor).found:
        raise EditError("the selected passage cannot be anchored uniquely; select a longer passage")
    return {"source": source_id, "selector": anchor.to_selectors()}


def new_claim(fields: ClaimFields, passage: dict, taken: set[str]) -> dict:
    """The claim object for a new claim (an id not in ``taken``); EditError for fields that cannot be."""
    if fields.role not in ROLES:
        raise EditError(f"role {fields.role!r} is not one of {', '.join(ROLES)}")
    if fields.said_by not in SAID_BY or fields.manner not in MANNERS:
        raise EditError("say who says the passage and how (stated, hedged or denied)")
    if fields.role == "lead" and (fields.nation is None or fields.sector is None):
        raise EditError("a sector lead needs a nation and a sector")
    base = _slug("-".join(x for x in (fields.nation or "isf", fields.role, fields.sector or "") if x))
    claim_id, n = base, 2
    while claim_id in taken:
        claim_id, n = f"{base}-{n}", n + 1
    evidence = dict(passage, said_by=fields.said_by, manner=fields.manner)
    if fields.speaker:
        evidence["speaker"] = fields.speaker
    raw: dict[str, object] = {"id": claim_id, "nation": fields.nation, "role": fields.role, "sector": fields.sector,
                              "evidence": [evidence], "history": [{"action": "created", "at": now()}]}
    if fields.note:
        raw["note"] = fields.note
    if fields.figures:
        raw["figures"] = dict(fields.figures)
    return raw


# ----- changes (pure: document in, document out) -------------------------------------------------------------

def add_claim(raw: dict) -> Change:
    """Add a claim (its id made unique against the file as it is when written)."""
    def change(doc: dict) -> dict:
        if any(c.get("id") == raw["id"] for c in doc["claims"] if isinstance(c, dict)):
            raise EditError(f"a claim {raw['id']!r} is already in the file (another window added it?)")
        return doc | {"claims": [*doc["claims"], raw]}
    return change


def remove_claim(claim_id: str) -> Change:
    """Take a claim this session created out again (undo of add_claim); the backup keeps it."""
    def change(doc: dict) -> dict:
        return doc | {"claims": [c for c in doc["claims"] if not (isinstance(c, dict) and c.get("id") == claim_id)]}
    return change


def retire_claim(claim_id: str, reason: str, retired: bool = True) -> Change:
    """Retire a claim (kept in the file with the reason and date, never drawn), or bring it back."""
    def change(doc: dict) -> dict:
        claims = []
        found = False
        for c in doc["claims"]:
            if isinstance(c, dict) and c.get("id") == claim_id:
                found = True
                c = dict(c)
                history = [*c.get("history", []), {"action": "retired" if retired else "restored", "at": now(),
                                                   **({"reason": reason} if retired else {})}]
                c["history"] = history
                if retired:
                    c["retired"] = {"reason": reason, "at": history[-1]["at"]}
                else:
                    c.pop("retired", None)
            claims.append(c)
        if not found:
            raise EditError(f"no claim {claim_id!r} in the file")
        return doc | {"claims": claims}
    return change


def apply_edit(paths: ProjectPaths, change: Change) -> dict:
    """Apply ``change`` to the claims file as it is now, under the project lock; backup, then atomic write."""
    claims_path = Path(paths.claims)
    with project_lock(paths):
        doc: dict = {"schema": SCHEMA, "claims": [], "disagreements": []}
        old: bytes | None = None
        if claims_path.exists():
            read, problems = read_json(claims_path, "claims file")
            if not isinstance(read, dict) or not isinstance(read.get("claims"), list):
                reason = problems[0].message if problems else "expected an object with a 'claims' list"
                raise EditError(f"{claims_path}: {reason}; nothing was written")
            try:
                doc, old = read, read_bytes(claims_path, "claims file", MAX_JSON_BYTES)
            except FileReadError as exc:
                raise EditError(f"{exc}; nothing was written") from None
        new = change(doc)
        if old is not None:
            backup_claims(claims_path, old)
        atomic_write_text(claims_path, json.dumps(new, ensure_ascii=False, indent=1) + "\n")
        return new


def _edit_one(doc: dict, claim_id: str, edit: Callable[[dict], dict]) -> dict:
    claims, found = [], False
    for c in doc["claims"]:
        if isinstance(c, dict) and c.get("id") == claim_id:
            found, c = True, edit(dict(c))
        claims.append(c)
    if not found:
        raise EditError(f"no claim {claim_id!r} in the file (another window removed it?)")
    return doc | {"claims": claims}


def add_passage(claim_id: str, passage: dict) -> Change:
    """Add a passage (with its said_by/manner) to a claim."""
    def change(doc: dict) -> dict:
        def edit(c: dict) -> dict:
            c["evidence"] = [*c.get("evidence", []), passage]
            c["history"] = [*c.get("history", []), {"action": "passage added", "at": now()}]
            return c
        return _edit_one(doc, claim_id, edit)
    return change


def remove_passage(claim_id: str, passage: dict) -> Change:
    """Take a passage added this session off a claim again (undo of add_passage)."""
    def change(doc: dict) -> dict:
        def edit(c: dict) -> dict:
            c["evidence"] = [e for e in c.get("evidence", []) if e != passage]
            return c
        return _edit_one(doc, claim_id, edit)
    return change


EMPTY_IS_ABSENT = ("note", "figures", "area")  # empty is the same as none: never written as a value


def _field(claim: dict, key: str) -> object:
    """A claim's value for ``key`` with an empty note, figures or area read as absent (None)."""
    value = claim.get(key)
    return None if key in EMPTY_IS_ABSENT and not value else value


def set_fields(claim_id: str, values: dict[str, object]) -> Change:
    """Set a claim's nation, sector, role, note, figures, area (the keys given). Only fields whose value really
    changes are written, and the history records exactly those, each with its old and new value; an empty note,
    figures or area (None removes a site's area) removes the field rather than writing an empty one. Nothing
    changed: the claim is left as it is."""
    def change(doc: dict) -> dict:
        def edit(c: dict) -> dict:
            changes = {}
            for key, value in values.items():
                new = None if key in EMPTY_IS_ABSENT and not value else value
                if _field(c, key) != new:
                    changes[key] = {"from": _field(c, key), "to": new}
                    if new is None and key in EMPTY_IS_ABSENT:
                        c.pop(key, None)
                    else:
                        c[key] = new
            if changes:
                c["history"] = [*c.get("history", []), {"action": "edited", "at": now(), "changes": changes}]
            return c
        return _edit_one(doc, claim_id, edit)
    return change


def join_as_site(first_id: str, second_id: str) -> Change:
    """Make two claims that cite the same passages for the same nation and role, one in each of two sectors, the
    one claim of a site between those sectors: the first gets ``area`` [its sector, the second's] and the second
    is taken out (the backup keeps it; the first's history names it; a disagreement naming it names the first).
    EditError when the two differ in anything
    but their id, sector and history (their passages, nation, role, status or note)."""
    def change(doc: dict) -> dict:
        by_id = {c.get("id"): c for c in doc["claims"] if isinstance(c, dict)}
        first, second = by_id.get(first_id), by_id.get(second_id)
        if first is None or second is None:
            raise EditError(f"no claim {first_id if first is None else second_id!r} in the file")
        keys = (set(first) | set(second)) - {"id", "sector", "history"}
        differ = sorted(k for k in keys if first.get(k) != second.get(k))
        if differ:
            raise EditError(f"{first_id} and {second_id} differ in {', '.join(differ)}: not one site's two halves")
        if not first.get("sector") or not second.get("sector") or first["sector"] == second["sector"]:
            raise EditError("a site between two sectors needs two different sectors")
        area = [first["sector"], second["sector"]]
        joined = dict(first, area=area)
        joined["history"] = [*first.get("history", []), {"action": "joined as one site", "at": now(),
                                                          "area": area, "joined": second_id}]
        claims = [joined if c is first else c for c in doc["claims"] if c is not second]
        disagreements = [d | {"claims": list(dict.fromkeys(first_id if c == second_id else c for c in d["claims"]))}
                         if isinstance(d, dict) and isinstance(d.get("claims"), list) else d
                         for d in doc.get("disagreements", [])]
        return doc | {"claims": claims, "disagreements": disagreements}
    return change


def as_undo(change: Change, claim_id: str | None, what: str) -> Change:
    """An undo made as a change of the file as it is now (someone else changed it since): the claim keeps the
    history it had, plus one entry saying what was undone, never a history entry of its own as if edited anew."""
    def undo(doc: dict) -> dict:
        kept = {c.get("id"): list(c.get("history", [])) for c in doc["claims"] if isinstance(c, dict)}
        new = change(doc)
        for c in new["claims"]:
            if isinstance(c, dict) and claim_id is not None and c.get("id") == claim_id:
                c["history"] = [*kept.get(claim_id, []), {"action": "undone", "at": now(), "what": what}]
        return new
    return undo


def add_disagreement(disagreement_id: str, topic: str, claim_ids: list[str]) -> Change:
    """Record that claims disagree (shown side by side, never resolved silently)."""
    def change(doc: dict) -> dict:
        existing = doc.get("disagreements", [])
        if any(isinstance(d, dict) and d.get("id") == disagreement_id for d in existing):
            raise EditError(f"a disagreement {disagreement_id!r} is already recorded")
        entry = {"id": disagreement_id, "topic": topic, "claims": claim_ids, "note": f"marked {now()}"}
        return doc | {"disagreements": [*existing, entry]}
    return change


def remove_disagreement(disagreement_id: str) -> Change:
    """Take a disagreement marked this session out again."""
    def change(doc: dict) -> dict:
        kept = [d for d in doc.get("disagreements", []) if not (isinstance(d, dict) and d.get("id") == disagreement_id)]
        return doc | {"disagreements": kept}
    return change
