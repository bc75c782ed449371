"""Claims: what the sources say about who does what where, each anchored to verbatim passages.

Schema (``mapview-claims/1``, documented in ``claims/README.md``)::

    {"schema": "mapview-claims/1",
     "claims": [{"id", "nation", "role", "sector" | null, "status", "figures"?: {..}, "note"?: str,
                 "evidence": [{"source": "<seed file name>",
                               "selector": [{"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
                                            {"type": "TextPositionSelector", "start", "end"}]}]}],
     "disagreements": [{"id", "topic", "claims": [claim ids], "note"?: str}]}

On load every passage is re-found in its article. A claim with any passage that cannot be found, or that names
an unknown sector, nation or source, is marked broken and is never drawn as sound.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from mapview.data.anchors import AnchorResult, TextAnchor, resolve, selectors_to_anchor
from mapview.data.jsonio import read_json
from mapview.data.nations import is_known_nation
from mapview.data.problems import Problem
from mapview.data.sources import Source
from mapview.data.status import Attribution, StatusBasis, derive_status, parse_attribution, stronger

SCHEMA = "mapview-claims/2"
OLDER_SCHEMAS = ("mapview-claims/1",)  # read as well: status as stored where passages record no attribution
ROLES = (
    "lead", "deputy-command", "command", "troops", "police", "police-training", "medical", "observers",
    "deployment-phase", "base", "mandate", "authorisation", "opposition",
)
SCOPES = ("isf", "other")  # "other": a related effort that is not part of the force (e.g. training PA police)
STATUSES = ("confirmed", "reported", "speculative", "denied")
Status = Literal["confirmed", "reported", "speculative", "denied"]
_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,80}")


def claim_basis(evidence: list[Evidence], stored: str, **facts: object) -> StatusBasis:
    """The status engine's verdict for a claim backed by ``evidence`` (``derive_status``, asked once per pattern;
    ``facts`` are its other keyword arguments).

    The verdict depends on the passages' attributions, the stored status and which passages share a source, not on
    the sources' names: claims with the same pattern (most of a large project) share one answer.
    """
    attributions = tuple(e.attribution for e in evidence)
    keys = [e.source_key for e in evidence]
    first: dict[str, int] = {}
    pattern = tuple(first.setdefault(k, len(first)) for k in keys)  # which passages share a source
    try:
        return _basis_of_pattern(attributions, pattern, stored, tuple(sorted(facts.items())))
    except TypeError:  # something unhashable: ask the engine directly
        return derive_status(list(attributions), keys, stored, **facts)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _basis_of_pattern(attributions: tuple[Attribution | None, ...], pattern: tuple[int, ...], stored: str,
                      facts: tuple[tuple[str, object], ...]) -> StatusBasis:
    return derive_status(list(attributions), [str(i) for i in pattern], stored, **dict(facts))  # type: ignore[arg-type]


@dataclass(slots=True)  # slots: one per passage, tens of thousands in a large project
class Evidence:
    """One passage backing a claim: its source, its selectors, and where it was found now."""

    source_id: str
    anchor: TextAnchor
    result: AnchorResult
    source: Source | None = None
    attribution: Attribution | None = None  # who says it and how (None: not recorded)

    @property
    def found(self) -> bool:
        """True when the passage was re-found in its article."""
        return self.result.found

    @property
    def start(self) -> int:
        """Raw start offset where the passage stands now (stored offset when broken)."""
        return self.result.start if self.result.start is not None else self.anchor.start

    @property
    def end(self) -> int:
        """Raw end offset where the passage stands now (stored offset when broken)."""
        return self.result.end if self.result.end is not None else self.anchor.end

    @property
    def text(self) -> str:
        """The passage as it stands in the article now, or the stored quote when broken."""
        if self.found and self.source is not None and self.source.text is not None:
            return self.source.text[self.start:self.end]
        return self.anchor.exact

    def to_json(self) -> dict[str, object]:
        """Evidence as the compact JSON the CLI prints."""
        out: dict[str, object] = {"source": self.source_id, "start": self.start, "end": self.end,
                                  "exact": self.text, "anchor": self.result.status}
        if self.attribution is not None:
            out.update(self.attribution.to_json())
            out["passage_status"] = self.attribution.status
        return out

    @property
    def source_key(self) -> str:
        """What makes two passages' sources independent: the outlet when known, else the article."""
        return (self.source.outlet if self.source is not None and self.source.outlet else None) or self.source_id


@dataclass
class Claim:
    """A statement by the sources: ``nation`` has ``role`` (in ``sector``, or force-wide), with a status."""

    id: str
    nation: str | None
    role: str
    sector: str | None
    status: Status
    evidence: list[Evidence]
    figures: dict[str, object] = field(default_factory=dict)
    note: str = ""
    problems: list[Problem] = field(default_factory=list)
    stored_status: str = ""  # the status written in the file (used only for passages with no attribution)
    basis: StatusBasis | None = None
    scope: str = "isf"  # "other": a related effort the sources mention that is not part of the force
    scope_note: str = ""
    retired: dict | None = None  # {"reason", "at"}: kept in the file and in its history, never drawn
    history: list[dict] = field(default_factory=list)  # [{"action", "at", ...}]: edits made in the window
    status_reason: str = ""  # a reviewer's written reason for a status the rules do not give
    area: list[str] = field(default_factory=list)  # one site between two sectors: both ids (``sector`` is the first)

    @property
    def between(self) -> bool:
        """True for one site between two sectors (``area``): listed with both, coloured in neither."""
        return len(self.area) == 2

    def with_evidence(self, evidence: list[Evidence]) -> Claim:
        """The claim backed by ``evidence`` only (e.g. as of a day), its status derived again from it."""
        from dataclasses import replace

        basis = claim_basis(evidence, self.stored_status or self.status, force_wide=self.nation is None,
                            override=self.stored_status, reason=self.status_reason)
        return replace(self, evidence=evidence, status=basis.status, basis=basis)

    # Facts asked of every claim on every click or day change, worked out once and kept in the instance (a claim is
    # not changed once loaded; ``replace`` makes a new one). Plain properties over __dict__, because
    # functools.cached_property takes a lock on every first access (Python 3.11), which costs more than the fact.

    @property
    def broken(self) -> bool:
        """True when any passage or reference of the claim failed verification."""
        try:
            return self.__dict__["_broken"]
        except KeyError:
            value = self.__dict__["_broken"] = any(p.severity == "error" for p in self.problems)
            return value

    @property
    def source_keys(self) -> frozenset[str]:
        """The independent sources (outlets, else articles) of the claim's passages."""
        if "_source_keys" not in self.__dict__:
            self.remember_sources()
        return self.__dict__["_source_keys"]

    @property
    def latest_day(self) -> date | None:
        """The latest publication day among the claim's dated sources (None when none is dated)."""
        if "_source_keys" not in self.__dict__:
            self.remember_sources()
        return self.__dict__["_latest_day"]

    def remember_sources(self) -> None:
        """Work out :attr:`source_keys` and :attr:`latest_day` in one pass over the passages."""
        keys, days = set(), []
        for e in self.evidence:
            keys.add(e.source_key)
            if e.source is not None and e.source.date is not None:
                days.append(e.source.date.earliest)
        self.__dict__.update(_source_keys=frozenset(keys), _latest_day=max(days) if days else None)

    @property
    def source_ids(self) -> list[str]:
        """The sources cited, in evidence order, without repeats."""
        return list(dict.fromkeys(e.source_id for e in self.evidence))

    def to_json(self) -> dict[str, object]:
        """The claim as the JSON the CLI prints."""
        return {
            "id": self.id, "nation": self.nation, "role": self.role, "sector": self.sector,
            "status": self.status, "figures": self.figures, "note": self.note, "broken": self.broken,
            "basis": self.basis.to_json() if self.basis else None, "scope": self.scope,
            **({"area": list(self.area)} if self.area else {}),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass
class Disagreement:
    """A point the sources disagree on, linking the claims that differ."""

    id: str
    topic: str
    claim_ids: list[str]
    note: str = ""


@dataclass
class ClaimSet:
    """Everything the claims file holds, after verification."""

    claims: list[Claim]
    disagreements: list[Disagreement]
    path: str = ""

    def by_id(self) -> dict[str, Claim]:
        """Claims keyed by id."""
        return {c.id: c for c in self.claims}


def _parse_evidence(raw: object, sources: dict[str, Source], shown: str, where: str,
                    problems: list[Problem]) -> Evidence | None:
    if not isinstance(raw, dict):
        problems.append(Problem(shown, where, "evidence must be an object with 'source' and 'selector'"))
        return None
    source_id = raw.get("source")
    if not isinstance(source_id, str):
        problems.append(Problem(shown, where, "evidence.source must be a seed file name"))
        return None
    source_id = sys.intern(source_id)  # one string per article, not one per passage (the JSON parser makes copies)
    try:
        anchor = selectors_to_anchor(raw.get("selector"))
    except ValueError as exc:
        problems.append(Problem(shown, where, str(exc)))
        return None
    attribution, attribution_error = parse_attribution(raw)

    if attribution_error:
        problems.append(Problem(shown, where, attribution_error))
    source = sources.get(source_id)
    if source is None:
        problems.append(Problem(shown, where, f"unknown source {source_id!r} (not in the seeds folder)"))
        return Evidence(source_id, anchor, AnchorResult("broken", None, None, "unknown source"),
                        attribution=attribution)
    if source.text is None:
        problems.append(Problem(shown, where, f"source {source_id!r} could not be read"))
        return Evidence(source_id, anchor, AnchorResult("broken", None, None, "source unreadable"), source,
                        attribution)
    result = resolve(source.text, anchor)
    if not result.found:
        problems.append(Problem(shown, where, f"broken passage in {source_id}: {result.message}: "
                                f"{anchor.exact[:80]!r}"))
    elif result.status == "relocated":
        problems.append(Problem(shown, where, f"{source_id}: {result.message} (selector is out of date)",
                                "warning"))
    return Evidence(source_id, anchor, result, source, attribution)


def _interned(value: object) -> object:
    """A name repeated across thousands of claims (nation, role, sector, status) stored once."""
    return sys.intern(value) if type(value) is str else value


def parse_claim(raw: object, index: int, sectors: set[str], sources: dict[str, Source],
                shown: str) -> tuple[Claim | None, list[Problem]]:
    """Validate one claim object; a claim with a bad reference is kept but carries error problems."""
    where = f"claims[{index}]"
    if not isinstance(raw, dict):
        return None, [Problem(shown, where, "a claim must be an object")]
    claim_id = raw.get("id")
    if not isinstance(claim_id, str) or not _ID_PATTERN.fullmatch(claim_id):
        return None, [Problem(shown, where, "claim id must be lower-case letters, digits, '.', '_' or '-'")]
    where = f"{where} ({claim_id})"
    problems: list[Problem] = []
    nation, role, sector, status = (_interned(raw.get(key)) for key in ("nation", "role", "sector", "status"))
    if role not in ROLES:
        return None, [Problem(shown, where, f"role {role!r} is not one of {', '.join(ROLES)}")]
    if status is not None and status not in STATUSES:
        return None, [Problem(shown, where, f"status {status!r} is not one of {', '.join(STATUSES)}")]
    if nation is not None and not isinstance(nation, str):
        return None, [Problem(shown, where, "nation must be a name or null")]
    if nation is None and role == "lead":
        problems.append(Problem(shown, where, "a sector lead must name a nation"))
    if isinstance(nation, str) and not is_known_nation(nation):
        problems.append(Problem(shown, where, f"unknown nation {nation!r} (add it to mapview/data/nations.py)"))
    if sector is not None and not isinstance(sector, str):  # a list or object cannot name (or key) a sector
        return None, [Problem(shown, where, "sector must be a sector id or null")]
    if sector is not None and sector not in sectors:
        problems.append(Problem(shown, where, f"unknown sector {sector!r}"))
    if role == "lead" and sector is None:
        problems.append(Problem(shown, where, "a lead claim needs a sector"))
    area = _parse_area(raw.get("area"), sector, sectors, shown, where, problems)
    figures = raw.get("figures", {})
    if not isinstance(figures, dict):
        problems.append(Problem(shown, where, "figures must be an object"))
        figures = {}
    for key, value in list(figures.items()):
        if isinstance(value, float) and not math.isfinite(value):  # NaN / Infinity: not JSON (RFC 8259)
            problems.append(Problem(shown, f"{where}.figures.{key}", f"{value} is not a JSON number; figure ignored"))
            figures = {k: v for k, v in figures.items() if k != key}
    raw_evidence = raw.get("evidence")
    evidence: list[Evidence] = []
    if not isinstance(raw_evidence, list) or not raw_evidence:
        problems.append(Problem(shown, where, "a claim needs at least one evidence passage"))
    else:
        for j, item in enumerate(raw_evidence):
            found = _parse_evidence(item, sources, shown, f"{where}.evidence[{j}]", problems)
            if found is not None:
                evidence.append(found)
    unrecorded = [e for e in evidence if e.attribution is None]
    if status is None and unrecorded:
        problems.append(Problem(shown, where, "no status and passages that do not record who says them "
                                "(said_by, manner): the status cannot be derived"))
    reason = raw.get("status_reason", "")
    if not isinstance(reason, str):
        problems.append(Problem(shown, where, "status_reason must be text; ignored"))
        reason = ""
    basis = claim_basis(evidence, status or "reported", force_wide=nation is None, override=status or "",
                        reason=reason)
    if status and not reason.strip() and basis.recorded and stronger(status, basis.rules_status):
        problems.append(Problem(shown, where, f"stored status {status!r} is stronger than its passages give "
                                f"({basis.rules_status!r}, by who says them and how); shown as "
                                f"{basis.rules_status!r}. Give a status_reason or remove the status", "warning"))
    scope = raw.get("scope", "isf")
    if scope not in SCOPES:
        problems.append(Problem(shown, where, f"scope {scope!r} is not one of {', '.join(SCOPES)}; read as 'isf'"))
        scope = "isf"
    retired = raw.get("retired") if isinstance(raw.get("retired"), dict) else None
    history = [h for h in raw.get("history", []) if isinstance(h, dict)] if isinstance(raw.get("history"), list) else []
    claim = Claim(claim_id, nation, role, sector, basis.status, evidence, figures, str(raw.get("note", "")),
                  problems, status or "", basis, scope, str(raw.get("scope_note", "")), retired, history,
                  reason.strip(), area)
    claim.remember_sources()  # what the lists group by, worked out while the passages are at hand (once per load)
    return claim, problems


def _parse_area(raw: object, sector: object, sectors: set[str], shown: str, where: str,
                problems: list[Problem]) -> list[str]:
    """A claim's ``area`` (one site between two sectors): two different known sector ids, the first its ``sector``.
    Whether they share an edge needs their outlines: ``mapview.data.areas.check_areas``."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) != 2 or not all(isinstance(a, str) for a in raw) or raw[0] == raw[1]:
        problems.append(Problem(shown, where, "area must list two different sector ids (one site between them)"))
        return []
    unknown = [a for a in raw if a not in sectors]
    if unknown:
        problems.append(Problem(shown, where, f"area names unknown sector(s): {', '.join(map(repr, unknown))}"))
    if sector != raw[0]:
        problems.append(Problem(shown, where, f"area {raw!r} must start with the claim's sector {sector!r}"))
    return list(raw)


def parse_claims(doc: object, sectors: set[str], sources: dict[str, Source],
                 shown: str, consume: bool = False) -> tuple[ClaimSet, list[Problem]]:
    """Validate a parsed claims document against the known sectors and sources (``consume``: the document is
    not used afterwards, so each claim object is dropped from it once parsed)."""
    claim_set = ClaimSet([], [], shown)
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        return claim_set, [Problem(shown, "", "expected an object with a 'claims' list")]
    problems: list[Problem] = []
    if doc.get("schema") != SCHEMA and doc.get("schema") not in OLDER_SCHEMAS:
        problems.append(Problem(shown, "schema", f"expected schema {SCHEMA!r}, found {doc.get('schema')!r}",
                                "warning"))
    seen: set[str] = set()
    raw_claims = doc["claims"]
    for i, raw in enumerate(raw_claims):
        if consume:  # the parsed object's memory is reused by the next claims instead of fragmenting the heap
            raw_claims[i] = None
        claim, claim_problems = parse_claim(raw, i, sectors, sources, shown)
        problems.extend(claim_problems)
        if claim is None:
            continue
        if claim.id in seen:
            problems.append(Problem(shown, f"claims[{i}]", f"duplicate claim id {claim.id!r}; ignored"))
            continue
        seen.add(claim.id)
        claim_set.claims.append(claim)
    raw_disagreements = doc.get("disagreements", [])
    if not isinstance(raw_disagreements, list):
        problems.append(Problem(shown, "disagreements", "'disagreements' must be a list; ignored"))
        raw_disagreements = []
    for i, raw in enumerate(raw_disagreements):
        where = f"disagreements[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("claims"), list):
            problems.append(Problem(shown, where, "a disagreement needs an 'id' and a 'claims' list"))
            continue
        unknown = [c for c in raw["claims"] if not isinstance(c, str) or c not in seen]
        if unknown:
            problems.append(Problem(shown, where, f"names unknown claim(s): {', '.join(map(repr, unknown))}"))
        known = [c for c in raw["claims"] if isinstance(c, str) and c in seen]
        claim_set.disagreements.append(
            Disagreement(raw["id"], str(raw.get("topic", raw["id"])), known, str(raw.get("note", ""))))
    return claim_set, problems


def load_claims(path: Path, sectors: set[str], sources: dict[str, Source]) -> tuple[ClaimSet, list[Problem]]:
    """Load the claims file and verify every passage against the loaded sources."""
    path = Path(path)
    doc, problems = read_json(path, "claims file")
    if doc is None:
        return ClaimSet([], [], str(path)), problems
    return parse_claims(doc, sectors, sources, str(path), consume=True)
