"""The derived view: per sector, the lead nation and how sure the sources are, optionally as of a date.

Rules (kept here, never in a widget):
- only sound claims count (every passage re-found, every reference known); broken ones are listed apart;
- as of a day, a passage counts only when its source was published on or before that day (approximate dates
  count from their earliest possible day); undated sources count only when ``include_undated`` is set;
- the lead is the one nation named by the sector's non-denied ``lead`` claims, with the strongest status among
  them; two or more nations, a denial of the named lead, or a lead claim whose own passages disagree (a
  *disputed* claim, mapview/data/status.py) make the sector ``contested``;
- every disputed claim and every contested sector is listed as a disagreement;
- a claim of one site between two sectors (``area``) is listed with both sectors and drawn on their shared edge,
  but colours neither: no passage of it places the nation *in* either sector, so it never makes a sector's lead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from mapview.data.claims import Claim, ClaimSet, Disagreement
from mapview.data.sectors import Sector
from mapview.data.sources import Source
from mapview.data.status import STRENGTH


@dataclass(frozen=True)
class Lead:
    """Who leads a sector: one nation with its status, or ``contested`` with the candidates."""

    nation: str | None
    status: str
    candidates: tuple[str, ...] = ()
    sources: int = 0  # independent sources (outlets, else articles) behind the lead's claims

    @property
    def single_source(self) -> bool:
        """True when one source alone names this lead."""
        return not self.contested and self.sources == 1

    @property
    def contested(self) -> bool:
        """True when the sources name more than one lead, or deny the one named (then ``nation`` is None)."""
        return self.status == "contested" or self.nation is None

    def to_json(self) -> dict[str, object]:
        """The lead as the JSON the CLI prints."""
        out: dict[str, object] = {"nation": self.nation, "status": self.status, "independent_sources": self.sources}
        if self.candidates:
            out["candidates"] = list(self.candidates)
        return out


@dataclass
class SectorView:
    """One sector as the map shows it."""

    sector: Sector
    lead: Lead | None
    claims: list[Claim] = field(default_factory=list)
    broken_claims: list[Claim] = field(default_factory=list)

    @property
    def has_broken_evidence(self) -> bool:
        """True when some claim about this sector failed verification."""
        return bool(self.broken_claims)


@dataclass
class AssignmentView:
    """The whole derived view: sectors, force-wide claims and the disagreements among the sources."""

    sectors: list[SectorView]
    force: list[Claim]
    disagreements: list[Disagreement]
    as_of: date | None = None
    include_undated: bool = True
    related: list[Claim] = field(default_factory=list)  # efforts the sources tie to the ISF that are not part of it

    def by_id(self) -> dict[str, SectorView]:
        """Sector views keyed by sector id."""
        return {v.sector.id: v for v in self.sectors}

    @cached_property
    def listed_claims(self) -> list[Claim]:
        """Every claim the view lists (each sector's, broken ones included, then the force-wide ones); worked out
        once per view (a view is never changed once derived)."""
        listed = [c for v in self.sectors for c in v.claims + v.broken_claims] + list(self.force)
        return list({id(c): c for c in listed}.values())  # a site between two sectors is listed with both

    @cached_property
    def sites(self) -> list[Claim]:
        """The sound claims of one site between two sectors (each once), drawn on the two sectors' shared edge."""
        return list({c.id: c for v in self.sectors for c in v.claims if c.between}.values())

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        """The listed claims by id."""
        return {c.id: c for c in self.listed_claims}

    def disagreements_of(self, claim_id: str) -> list[Disagreement]:
        """The disagreements a claim takes part in."""
        return [d for d in self.disagreements if claim_id in d.claim_ids]


def source_counts(source: Source | None, as_of: date | None, include_undated: bool) -> bool:
    """True when a source may be used for a view as of ``as_of``."""
    if as_of is None:
        return True
    if source is None:
        return False
    if source.date is None:
        return include_undated
    return source.date.is_on_or_before(as_of)


def claim_as_of(claim: Claim, as_of: date | None, include_undated: bool) -> Claim | None:
    """The claim with only the passages whose sources count as of the day, or None when none remain."""
    if as_of is None:
        return claim
    kept = [e for e in claim.evidence if source_counts(e.source, as_of, include_undated)]
    if not kept:
        return None
    return claim if len(kept) == len(claim.evidence) else claim.with_evidence(kept)


def sector_lead(claims: list[Claim]) -> Lead | None:
    """Decide a sector's lead from its sound claims."""
    leads = [c for c in claims if c.role == "lead" and c.nation and not c.between]
    disputed = {c.nation for c in leads if c.basis is not None and c.basis.disputed}
    named = [c for c in leads if c.status != "denied" or c.nation in disputed]
    denied = {c.nation for c in leads if c.status == "denied"} | disputed
    nations = list(dict.fromkeys(c.nation for c in named if c.nation))
    if not nations:
        return None
    if len(nations) > 1 or denied & set(nations):  # a disputed lead claim names and denies its nation
        return Lead(None, "contested", tuple(sorted(set(nations) | (denied & set(nations)))))
    strongest = max((c.status for c in named), key=lambda s: STRENGTH.get(s, 0))
    sources = {e.source_key for c in named for e in c.evidence}
    return Lead(nations[0], strongest, sources=len(sources))


def derive(sectors: list[Sector], claim_set: ClaimSet, as_of: date | None = None,
           include_undated: bool = True) -> AssignmentView:
    """Build the per-sector view (and force-wide claims) from sectors and verified claims."""
    per_sector: dict[str, list[Claim]] = {s.id: [] for s in sectors}
    broken: dict[str, list[Claim]] = {s.id: [] for s in sectors}
    force: list[Claim] = []
    related: list[Claim] = []
    for claim in claim_set.claims:
        if claim.retired is not None:  # retired by an analyst: kept in the file, never drawn
            continue
        if claim.broken:
            for sector in claim.area if claim.between else [claim.sector]:
                if sector in broken:
                    broken[sector].append(claim)
            continue
        current = claim_as_of(claim, as_of, include_undated)
        if current is None:
            continue
        if current.scope != "isf":
            related.append(current)
        elif current.sector is None:
            force.append(current)
        else:
            for sector in current.area if current.between else [current.sector]:
                if sector in per_sector:
                    per_sector[sector].append(current)
    views = [SectorView(s, sector_lead(per_sector[s.id]), per_sector[s.id], broken[s.id]) for s in sectors]
    visible = {c.id for c in force} | {c.id for v in views for c in v.claims}
    disagreements = [d for d in claim_set.disagreements if sum(c in visible for c in d.claim_ids) >= 2]
    for view in views:
        if view.lead and view.lead.contested:
            disagreements.append(Disagreement(
                f"lead-{view.sector.id}", f"Lead nation of {view.sector.name}",
                [c.id for c in view.claims if c.role == "lead" and not c.between],
                "the sources name different leads, or one denies the named lead"))
    listed = {c for d in disagreements for c in d.claim_ids}
    for claim in [*force, *{c.id: c for v in views for c in v.claims}.values()]:
        if claim.basis is not None and claim.basis.disputed and claim.id not in listed:
            disagreements.append(Disagreement(
                f"disputed-{claim.id}", f"{claim.nation or 'The force'}: {claim.role} — denied by some sources",
                [claim.id], "some passages of this claim state it and others deny it"))
    return AssignmentView(views, force, disagreements, as_of, include_undated, related)
