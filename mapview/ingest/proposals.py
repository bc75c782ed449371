"""Proposals: the extractor's findings grouped into claims awaiting review, and the files that hold them.

``claims/proposals.json`` (schema ``mapview-proposals/1``) holds claims in the claims-file schema plus
``"review": "pending" | "accepted" | "rejected"`` (and ``"claim_id"`` once accepted). Findings of one article
about the same nation, sector and role become one proposal with every sentence as a passage; a denial stays a
proposal of its own. Each passage records who says it and how (``said_by``, ``manner``, ``speaker``), and a
proposal's status is derived from them by :mod:`mapview.data.status`, as a claim's is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mapview.data.anchors import TextAnchor, make_anchor, selectors_to_anchor
from mapview.data.atomic import atomic_write_text
from mapview.data.jsonio import read_json
from mapview.data.status import Attribution, StatusBasis, derive_status, parse_attribution

if TYPE_CHECKING:  # the extractor (and pysbd) load only when an article is ingested
    from mapview.ingest.extract import Finding

SCHEMA = "mapview-proposals/1"
REVIEWS = ("pending", "accepted", "rejected")
MAX_STATE_BYTES = 20_000_000
# (source, start, end, nation, sector, role): what a rejection remembers of each passage
PassageKey = tuple[str, int, int, str | None, str | None, str]


class ProposalsError(Exception):
    """A proposals, rejected or claims file cannot be read or does not hold what it should."""


@dataclass
class Passage:
    """One passage of a proposal: its source, its W3C selectors, and who says it and how."""

    source: str
    anchor: TextAnchor
    attribution: Attribution | None = None

    def to_json(self) -> dict[str, object]:
        """Evidence in the claims-file schema."""
        out: dict[str, object] = {"source": self.source}
        if self.attribution is not None:
            out.update(self.attribution.to_json())
        out["selector"] = self.anchor.to_selectors()
        return out


@dataclass
class Proposal:
    """A claim the extractor proposes; nothing in it is drawn until a person accepts it."""

    id: str
    nation: str | None
    role: str
    sector: str | None
    status: str
    evidence: list[Passage]
    note: str = ""
    review: str = "pending"
    claim_id: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def area(self) -> list[str]:
        """The sectors of one site between them ("between Rafah and Khan Yunis"), ``sector`` first; else []."""
        area = self.extra.get("area")
        return [str(a) for a in area] if isinstance(area, list) else []

    @property
    def source(self) -> str:
        """The article the proposal was read from (its first passage's source)."""
        return self.evidence[0].source if self.evidence else ""

    @property
    def basis(self) -> StatusBasis:
        """The status its passages give, by the one engine (mapview.data.status), as for a claim."""
        return derive_status([p.attribution for p in self.evidence], [p.source for p in self.evidence],
                             self.status, force_wide=self.nation is None)

    def passage_keys(self) -> list[PassageKey]:
        """The keys a rejection remembers, one per passage."""
        return [(p.source, p.anchor.start, p.anchor.end, self.nation, self.sector, self.role) for p in self.evidence]

    def claim_json(self) -> dict[str, object]:
        """The proposal as a claim in the claims-file schema (no review fields)."""
        out: dict[str, object] = {"id": self.id, "nation": self.nation, "role": self.role, "sector": self.sector,
                                  "status": self.status}
        if self.area:
            out["area"] = list(self.area)
        if self.note:
            out["note"] = self.note
        out["evidence"] = [p.to_json() for p in self.evidence]
        return out

    def to_json(self) -> dict[str, object]:
        """The proposal as stored in ``proposals.json``."""
        out = self.claim_json() | self.extra | {"review": self.review}
        if self.claim_id:
            out["claim_id"] = self.claim_id
        return out

    def summary_json(self) -> dict[str, object]:
        """The compact form ``ingest --json`` prints."""
        return {"id": self.id, "source": self.source, "nation": self.nation, "sector": self.sector,
                **({"area": list(self.area)} if self.area else {}), "role": self.role, "status": self.status,
                "basis": self.basis.to_json(), "note": self.note,
                "evidence": [{"start": p.anchor.start, "end": p.anchor.end, "exact": p.anchor.exact}
                             | (p.attribution.to_json() if p.attribution else {}) for p in self.evidence]}

    @classmethod
    def from_json(cls, raw: object, where: str) -> Proposal:
        """Parse one stored proposal; raise ProposalsError naming ``where`` when it is malformed."""
        if not isinstance(raw, dict):
            raise ProposalsError(f"{where}: a proposal must be an object")
        try:
            evidence = []
            for e in raw["evidence"]:
                attribution, error = parse_attribution(e)
                if error:
                    raise ValueError(error)
                evidence.append(Passage(str(e["source"]), selectors_to_anchor(e["selector"]), attribution))
            proposal = cls(str(raw["id"]), raw.get("nation"), str(raw["role"]), raw.get("sector"),
                           str(raw["status"]), evidence, str(raw.get("note", "")), str(raw.get("review", "pending")),
                           raw.get("claim_id"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProposalsError(f"{where}: malformed proposal ({exc})") from exc
        if proposal.review not in REVIEWS:
            raise ProposalsError(f"{where}: review must be one of {', '.join(REVIEWS)}")
        known = {"id", "nation", "role", "sector", "status", "note", "evidence", "review", "claim_id"}
        proposal.extra = {k: v for k, v in raw.items() if k not in known}
        proposal.status = proposal.basis.status  # never stronger than its passages, whatever the file says
        return proposal


def slug(value: str) -> str:
    """Lower-case id fragment: letters and digits, other runs turned into '-'."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def proposal_id(nation: str | None, role: str, sector: str | None, source: str, status: str) -> str:
    """A stable id: the same finding in the same article always gets the same id."""
    stem = re.sub(r"[^a-z0-9._]+", "-", Path(source).stem.lower()).strip("-_.") or "source"
    head = f"{slug(nation) if nation else 'isf'}-{role}-{sector or 'force'}{'-denied' if status == 'denied' else ''}"
    return f"{head[: 80 - min(len(stem), 40)]}.{stem[:40]}"


def _note(group: list[Finding], names: dict[str, str]) -> str:
    parts = []
    area = group[0].area
    if area:
        parts.append(f"One site between {' and '.join(names.get(a, a) for a in area)}: both sectors are its area "
                     "(one claim, not a lead in each).")
    places = sorted({f.place for f in group if f.place})
    if places:
        sector = names.get(group[0].sector, group[0].sector)
        parts.append(f"The text names {', '.join(places)}, a place in {sector}, not the sector itself.")
    per_sentence = {(f.start, f.end): f.status for f in group}  # one site's two sectors: one sentence, once
    statuses = Counter(per_sentence.values())
    if len(per_sentence) > 1:
        parts.append("Sentences: " + ", ".join(f"{n} {s}" for s, n in statuses.most_common()) + ".")
    cues = list(dict.fromkeys(c for f in group for c in f.cues))
    if cues:
        parts.append("Cues: " + "; ".join(f"“{c}”" for c in cues[:8]) + ".")
    return "Proposed by the extractor. " + " ".join(parts)


def group_findings(source: str, text: str, findings: list[Finding],
                   sector_names: dict[str, str] | None = None) -> list[Proposal]:
    """One proposal per (nation, sector, role) of an article (denials apart), passages in text order.

    Findings about one site between two sectors ("between Rafah and Khan Yunis") make one proposal whose
    ``area`` names both sectors (``sector`` is the first named), not a lead in each.
    """
    groups: dict[tuple[str | None, tuple[str, ...], str, bool], list[Finding]] = {}
    for finding in findings:
        key = (finding.nation, finding.area or (finding.sector,), finding.role, finding.status == "denied")
        groups.setdefault(key, []).append(finding)
    proposals = []
    for (nation, area, role, _denied), group in groups.items():
        said = {(f.start, f.end): f.attribution for f in group}  # one sentence, one speaker and manner
        evidence = [Passage(source, make_anchor(text, s, e), said[(s, e)]) for s, e in sorted(said)]
        basis = derive_status([p.attribution for p in evidence], [source] * len(evidence), "reported",
                              force_wide=nation is None)
        pid = proposal_id(nation, role, "-and-".join(area), source, basis.status)
        proposal = Proposal(pid, nation, role, area[0], basis.status, evidence, _note(group, sector_names or {}))
        if len(area) > 1:
            proposal.extra["area"] = list(area)
        proposals.append(proposal)
    return proposals


def read_json_object(path: Path, what: str) -> dict | None:
    """A JSON object file (None when missing); ProposalsError when it cannot be read or is not an object."""
    path = Path(path)
    if not path.exists():
        return None
    doc, problems = read_json(path, what, MAX_STATE_BYTES)
    if problems:
        raise ProposalsError("; ".join(str(p) for p in problems))
    if not isinstance(doc, dict):
        raise ProposalsError(f"{path}: {what} must be a JSON object")
    return doc


def read_proposals(path: Path) -> list[Proposal]:
    """Every proposal stored in ``path`` (none when the file does not exist yet)."""
    doc = read_json_object(path, "proposals file")
    if doc is None:
        return []
    raw = doc.get("claims")
    if not isinstance(raw, list):
        raise ProposalsError(f"{path}: expected an object with a 'claims' list")
    return [Proposal.from_json(item, f"{path}: claims[{i}]") for i, item in enumerate(raw)]


ROTATE_AT_BYTES = MAX_STATE_BYTES // 2  # past this, decided proposals move out of proposals.json
ARCHIVE_PREFIX = "proposals-archive-"
_ARCHIVE_NAME = re.compile(rf"^{ARCHIVE_PREFIX}(\d+)\.json$")


def _proposals_text(proposals: list[Proposal], description: str) -> str:
    doc = {"schema": SCHEMA, "description": description, "claims": [p.to_json() for p in proposals]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


_LIVE = "Claims proposed by `mapview ingest`, awaiting review; none is drawn until accepted."
_ARCHIVED = ("Proposals already accepted or rejected, moved out of proposals.json to keep it small; kept for the "
             "record (and so that they are not proposed again). Nothing here is drawn.")


def archives(folder: Path) -> list[Path]:
    """The archive files of decided proposals in a claims folder, oldest first."""
    found = [(int(m.group(1)), p) for p in Path(folder).glob(f"{ARCHIVE_PREFIX}*.json")
             if (m := _ARCHIVE_NAME.match(p.name))]
    return [p for _, p in sorted(found)]


def archived_ids(folder: Path) -> set[str]:
    """Ids of every archived proposal (an unreadable archive counts as empty: at worst, a re-proposal)."""
    ids: set[str] = set()
    for path in archives(folder):
        doc, problems = read_json(path, "proposals archive", MAX_STATE_BYTES)
        items = doc.get("claims") if isinstance(doc, dict) and not problems else None
        ids.update(str(c["id"]) for c in items or [] if isinstance(c, dict) and "id" in c)
    return ids


def proposals_files(path: Path, proposals: list[Proposal]) -> list[tuple[Path, str]]:
    """What writing these proposals means: ``proposals.json``, preceded by new archive files when it would grow
    past ROTATE_AT_BYTES (its decided proposals move there, in files each well under the read limit).

    Raises ProposalsError, before anything is written, when the pending proposals alone would pass the limit.
    """
    path = Path(path)
    text = _proposals_text(proposals, _LIVE)
    if len(text.encode("utf-8")) <= ROTATE_AT_BYTES:
        return [(path, text)]
    live = [p for p in proposals if p.review == "pending"]
    decided = [p for p in proposals if p.review != "pending"]
    out: list[tuple[Path, str]] = []
    number = max((int(m.group(1)) for a in archives(path.parent) if (m := _ARCHIVE_NAME.match(a.name))), default=0)
    chunk: list[Proposal] = []
    size = 0
    for proposal in decided:
        one = len(json.dumps(proposal.to_json(), ensure_ascii=False, indent=2).encode("utf-8")) + 4
        if chunk and size + one > ROTATE_AT_BYTES:
            number += 1
            out.append((path.with_name(f"{ARCHIVE_PREFIX}{number}.json"), _proposals_text(chunk, _ARCHIVED)))
            chunk, size = [], 0
        chunk.append(proposal)
        size += one
    if chunk:
        number += 1
        out.append((path.with_name(f"{ARCHIVE_PREFIX}{number}.json"), _proposals_text(chunk, _ARCHIVED)))
    text = _proposals_text(live, _LIVE)
    if len(text.encode("utf-8")) > MAX_STATE_BYTES:
        raise ProposalsError(f"{path}: the pending proposals would take {len(text.encode('utf-8')):,} bytes, past "
                             f"the limit of {MAX_STATE_BYTES:,}; review some before ingesting more")
    return [*out, (path, text)]


def write_proposals(path: Path, proposals: list[Proposal]) -> None:
    """Write the proposals file atomically, moving decided proposals to an archive when it grows large.

    The archive is written (atomically) before ``proposals.json`` drops its proposals: a kill in between leaves
    them in both files, never in neither. Call under the project lock.
    """
    for target, text in proposals_files(Path(path), proposals):
        atomic_write_text(target, text)


MENTIONS_SCHEMA = "mapview-mentions/1"


def mentions_path_for(claims_path: Path) -> Path:
    """``claims/mentions.json``: sentences naming a sector and a nation from which nothing was proposed."""
    return Path(claims_path).with_name("mentions.json")


def read_mentions(path: Path) -> list[dict[str, object]]:
    """The stored unclassified mentions (none when the file does not exist yet); malformed items are dropped."""
    doc = read_json_object(path, "mentions file")
    if doc is None:
        return []
    raw = doc.get("mentions")
    if not isinstance(raw, list):
        raise ProposalsError(f"{path}: expected an object with a 'mentions' list")
    keep = []
    for item in raw:
        if (isinstance(item, dict) and isinstance(item.get("source"), str) and isinstance(item.get("text"), str)
                and isinstance(item.get("start"), int) and isinstance(item.get("end"), int)):
            keep.append(item)
    return keep


def mentions_text(mentions: list[dict[str, object]]) -> str:
    """The mentions file's content."""
    doc = {"schema": MENTIONS_SCHEMA,
           "description": "Sentences naming a sector and a nation from which `mapview ingest` proposed nothing: "
                          "for a reviewer to read; nothing here is drawn.",
           "mentions": mentions}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def write_mentions(path: Path, mentions: list[dict[str, object]]) -> None:
    """Write the mentions file atomically."""
    atomic_write_text(Path(path), mentions_text(mentions))
