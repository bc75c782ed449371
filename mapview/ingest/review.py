"""Review: a person accepts (optionally edited) or rejects each proposal; pure functions the UI calls.

- :func:`accept` re-verifies every passage against its article (the same check the claims loader runs) before
  the claim joins ``claims.json``; the previous claims file is kept in ``claims/backups/`` first. Each passage
  keeps who says it and how (the proposal's, or the reviewer's change), so the claim's status is derived from
  them by mapview.data.status: accepted unchanged, a claim is never stronger than its passages allow, and a status
  the rules do not give is refused unless the reviewer writes a reason (kept on the claim as ``status_reason``).
- :func:`reject` remembers the proposal in ``claims/rejected.json`` by source + span + nation + sector + role,
  so ingesting the article again does not propose it again.
Every write is atomic.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from mapview.data.areas import check_areas
from mapview.data.atomic import atomic_write_text, restore_file
from mapview.data.claimedit import backup_claims
from mapview.data.claims import SCHEMA as CLAIMS_SCHEMA
from mapview.data.claims import Claim, ClaimSet, parse_claim
from mapview.data.fileread import FileReadError, read_bytes
from mapview.data.sectors import load_sectors
from mapview.data.sources import Source, load_metadata, load_source
from mapview.data.status import Attribution, derive_status, parse_attribution
from mapview.ingest.proposals import (
    MAX_STATE_BYTES,
    PassageKey,
    Proposal,
    ProposalsError,
    read_json_object,
    read_proposals,
    write_proposals,
)

REJECTED_SCHEMA = "mapview-rejected/1"
EDITABLE = ("nation", "sector", "role", "status", "status_reason", "note", "attributions")


class ReviewError(Exception):
    """A review step that cannot be done; nothing was written."""


def proposals_path_for(claims_path: Path) -> Path:
    """Where the proposals for a claims file live: next to it, ``proposals.json``."""
    return Path(claims_path).parent / "proposals.json"


def rejected_path_for(proposals_path: Path) -> Path:
    """Where rejections are remembered: next to the proposals, ``rejected.json``."""
    return Path(proposals_path).parent / "rejected.json"


def load_proposals(path: Path) -> list[Proposal]:
    """Every proposal in the file, whatever its review state (none when there is no file yet)."""
    try:
        return read_proposals(Path(path))
    except ProposalsError as exc:
        raise ReviewError(str(exc)) from exc


def pending(proposals_path: Path) -> list[Proposal]:
    """The proposals still awaiting a decision."""
    return [p for p in load_proposals(proposals_path) if p.review == "pending"]


def _find(proposals: list[Proposal], proposal_id: str) -> Proposal:
    for proposal in proposals:
        if proposal.id == proposal_id:
            if proposal.review != "pending":
                raise ReviewError(f"proposal {proposal_id!r} was already {proposal.review}")
            return proposal
    raise ReviewError(f"no proposal {proposal_id!r}")


def _claims_doc(claims_path: Path) -> tuple[dict, bytes | None]:
    try:
        doc = read_json_object(claims_path, "claims file")
    except ProposalsError as exc:
        raise ReviewError(str(exc)) from exc
    if doc is None:
        return {"schema": CLAIMS_SCHEMA, "claims": [], "disagreements": []}, None
    if not isinstance(doc.get("claims"), list):
        raise ReviewError(f"{claims_path}: expected an object with a 'claims' list")
    try:  # the bytes to put back should a later write fail
        return doc, read_bytes(claims_path, "claims file", MAX_STATE_BYTES)
    except FileReadError as exc:
        raise ReviewError(str(exc)) from None


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted[:76]}-{n}" in taken:
        n += 1
    return f"{wanted[:76]}-{n}"


def _verify(raw: dict, index: int, claims_path: Path, seeds: Path, sectors: Path) -> Claim:
    """Run the claims loader's checks on one claim; ReviewError listing every error."""
    layer, _ = load_sectors(sectors)
    metadata, _ = load_metadata(seeds)
    cited = {e.get("source") for e in raw.get("evidence", []) if isinstance(e, dict)}
    sources: dict[str, Source] = {s: load_source(seeds, s, metadata.get(s)) for s in cited if isinstance(s, str)}
    claim, problems = parse_claim(raw, index, {s.id for s in layer.sectors}, sources, str(claims_path))
    errors = [str(p) for p in problems if p.severity == "error"]
    if claim is not None and claim.between:  # a new site between two sectors: they must touch in this layer
        errors += [str(p) for p in check_areas(ClaimSet([claim], [], str(claims_path)), layer.sectors)]
    if claim is None or errors:
        raise ReviewError("the claim does not verify:\n" + "\n".join(errors or [str(p) for p in problems]))
    return claim


def accept(proposal_id: str, claims_path: Path, proposals_path: Path, edits: dict[str, object] | None = None,
           *, seeds: Path | None = None, sectors: Path | None = None) -> Claim:
    """Add the proposal (with the reviewer's edits to nation, sector, role, status, note) to the claims file.

    ``seeds`` and ``sectors`` default to the project layout next to the claims folder. The claim is verified
    first (every passage re-found in its article, nation, sector and role known); if it does not verify,
    ReviewError is raised and nothing is written. Returns the verified claim.
    """
    claims_path, proposals_path = Path(claims_path), Path(proposals_path)
    root = claims_path.parent.parent
    seeds = Path(seeds) if seeds else root / "seeds"
    sectors = Path(sectors) if sectors else root / "geodata" / "sectors.geojson"
    unknown = set(edits or {}) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    proposals = load_proposals(proposals_path)
    proposal = _find(proposals, proposal_id)
    doc, old_bytes = _claims_doc(claims_path)
    # a damaged claim (an id that is a list) stays as it is, listed by verify; it cannot take an id
    taken = {c.get("id") for c in doc["claims"] if isinstance(c, dict) and isinstance(c.get("id"), str)}
    raw = _claim_raw(proposal, dict(edits or {}))
    raw["id"] = _free_id(proposal.id, taken)
    claim = _verify(raw, len(doc["claims"]), claims_path, seeds, sectors)
    if old_bytes is not None:
        backup_claims(claims_path, old_bytes)
    doc["claims"].append(raw)
    atomic_write_text(claims_path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    proposal.review, proposal.claim_id = "accepted", raw["id"]
    _second_write(lambda: write_proposals(proposals_path, proposals), proposals_path, claims_path, old_bytes)
    return claim


def _claim_raw(proposal: Proposal, edits: dict[str, object]) -> dict[str, object]:
    """The claim to add: the proposal with the reviewer's edits, each passage with who says it and how, and a
    status only when the reviewer set one the rules do not give, with its reason."""
    attributions = edits.pop("attributions", None)
    status, reason = edits.pop("status", None), str(edits.pop("status_reason", "") or "").strip()
    raw = proposal.claim_json() | edits
    if raw.get("area") and raw.get("sector") != proposal.sector:  # moved to one sector: no longer a site between two
        del raw["area"]
    evidence = [dict(e) for e in raw["evidence"]]
    if attributions is not None:
        if not isinstance(attributions, list) or len(attributions) != len(evidence):
            raise ReviewError("attributions must give who says each passage and how, one per passage")
        for passage, said in zip(evidence, attributions, strict=True):
            parsed, error = parse_attribution(said if isinstance(said, dict) else {})
            if parsed is None:
                raise ReviewError(f"who says a passage: {error or 'said_by and manner are needed'}")
            passage.update(parsed.to_json())
            if not parsed.speaker:
                passage.pop("speaker", None)
    raw["evidence"] = evidence
    said = [parse_attribution(e)[0] for e in evidence]
    if any(a is None for a in said):  # an older proposal recording no speaker: its status stays as stored
        if status is not None:
            raw["status"] = status
        return raw
    rules = derive_status(said, [str(e["source"]) for e in evidence], "reported",
                          force_wide=raw.get("nation") is None).status
    raw.pop("status", None)
    raw.pop("status_reason", None)
    if status is not None and status != rules:
        if not reason:
            raise ReviewError(f"the passages, by who says them and how, give {rules!r}, not {status!r}: change who "
                              "says them, or write the reason for the status you set")
        raw["status"], raw["status_reason"] = status, reason
    return raw


def derived_status(proposal: Proposal, attributions: list[Attribution | None], nation: str | None) -> str:
    """The status a proposal's passages give with these attributions (what the edit dialog shows)."""
    return derive_status(attributions, [p.source for p in proposal.evidence], proposal.status,
                         force_wide=nation is None).status


def _second_write(write, target: Path, first: Path, first_old: bytes | None) -> None:
    """Write the proposals after the claims (or rejected) file; if that fails, put the first file back as it was,
    so the proposal stays pending with nothing added (accepting it again cannot add it twice)."""
    try:
        write()
    except OSError as exc:
        try:
            restore_file(first, first_old)
        except OSError as undo:
            raise ReviewError(f"{target} could not be written ({exc.strerror or exc}) and {first} could not be "
                              f"put back ({undo.strerror or undo}): check {first} before accepting again") from exc
        raise ReviewError(f"{target} could not be written ({exc.strerror or exc}); nothing was changed") from exc


def _rejected_doc(path: Path) -> dict:
    try:
        doc = read_json_object(path, "rejected file")
    except ProposalsError as exc:
        raise ReviewError(str(exc)) from exc
    if doc is None:
        return {"schema": REJECTED_SCHEMA, "rejected": []}
    if not isinstance(doc.get("rejected"), list):
        raise ReviewError(f"{path}: expected an object with a 'rejected' list")
    return doc


def reject(proposal_id: str, proposals_path: Path, rejected_path: Path | None = None) -> Proposal:
    """Mark the proposal rejected and remember each of its passages so it is not proposed again."""
    proposals_path = Path(proposals_path)
    rejected_path = Path(rejected_path) if rejected_path else rejected_path_for(proposals_path)
    proposals = load_proposals(proposals_path)
    proposal = _find(proposals, proposal_id)
    doc = _rejected_doc(rejected_path)
    try:
        rejected_old = read_bytes(rejected_path, "rejected file", MAX_STATE_BYTES) if rejected_path.exists() else None
    except FileReadError as exc:
        raise ReviewError(str(exc)) from None
    doc["rejected"].append({
        "proposal": proposal.id, "source": proposal.source, "nation": proposal.nation, "sector": proposal.sector,
        "role": proposal.role, "status": proposal.status,
        "passages": [{"start": p.anchor.start, "end": p.anchor.end, "exact": p.anchor.exact}
                     for p in proposal.evidence],
        "rejected_at": datetime.now(UTC).isoformat(timespec="seconds"),
    })
    atomic_write_text(rejected_path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    proposal.review = "rejected"
    _second_write(lambda: write_proposals(proposals_path, proposals), proposals_path, rejected_path, rejected_old)
    return proposal


def rejected_keys(rejected_path: Path) -> set[PassageKey]:
    """Every remembered (source, start, end, nation, sector, role) of rejected passages."""
    keys: set[PassageKey] = set()
    for entry in _rejected_doc(Path(rejected_path))["rejected"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("passages"), list):
            continue
        for passage in entry["passages"]:
            if isinstance(passage, dict):
                key = (entry.get("source"), passage.get("start"), passage.get("end"), entry.get("nation"),
                       entry.get("sector"), entry.get("role"))
                if all(v is None or isinstance(v, str | int | float) for v in key):  # hand-edited lists skipped
                    keys.add(key)
    return keys
