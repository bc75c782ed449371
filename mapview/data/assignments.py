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

from mapview.data.claims import Claim, ClaimSet, Disagreement, Evidence
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


@dataclass(frozen=True)
class SiteMark:
    """One site between two sectors as the map marks it on their shared edge: the two sector ids, the nation
    named there with the strongest status (``contested`` when the claims name several, or deny it), and the
    claims behind it."""

    area: tuple[str, str]
    lead: Lead
    claims: tuple[Claim, ...]


@dataclass
class AssignmentView:
    """The whole derived view: sectors, force-wide claims and the disagreements among the sources."""

    sectors: list[SectorView]
    force: list[Claim]
    disagreements: list[Disagreement]
    as_of: date | None = None
    include_undated: bool = True
    related: list[Claim] = field(default_factory=list)  # efforts the sources tie to the ISF that are not part of it
    sites: list[Claim] = field(default_factory=list)  # one site between two sectors: drawn on their shared edge

    def by_id(self) -> dict[str, SectorView]:
        """Sector views keyed by sector id."""
        return {v.sector.id: v for v in self.sectors}

    @cached_property
    def listed_claims(self) -> list[Claim]:
        """Every claim the view lists (each sector's, broken ones included, then the force-wide ones); worked out
        once per view (a view is never changed once derived)."""
        listed = [c for v in self.sectors for c in v.claims + v.broken_claims] + list(self.force)
        if self.sites or any(c.area for v in self.sectors for c in v.broken_claims):
            return list({id(c): c for c in listed}.values())  # a site between two sectors is listed with both
        return listed

    @cached_property
    def site_marks(self) -> list[SiteMark]:
        """The marks drawn on shared edges: one per pair of sectors that sound site claims name (any role), in the
        order first named; a pair whose claims name no nation (or only deny one) gets none."""
        by_area: dict[tuple[str, str], list[Claim]] = {}
        for claim in self.sites:
            by_area.setdefault((claim.area[0], claim.area[1]), []).append(claim)
        marks = []
        for area, claims in by_area.items():
            lead = _lead_and_lead_ids(claims, any_role=True)[0]
            if lead is not None:
                marks.append(SiteMark(area, lead, tuple(claims)))
        return marks

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
    """Decide a sector's lead from its sound claims (a site between two sectors leads neither)."""
    return _lead_and_lead_ids([c for c in claims if not c.area])[0]


def _lead_and_lead_ids(claims: list[Claim], any_role: bool = False) -> tuple[Lead | None, list[str]]:
    """The sector's lead and the ids of its lead claims (what a contested lead's disagreement lists), the claims
    visited once; ``any_role``: every claim counts (who stands at a site between two sectors, whatever its role)."""
    ids: list[str] = []
    leads: list[Claim] = []
    for c in claims:
        if any_role or c.role == "lead":
            ids.append(c.id)
            if c.nation:
                leads.append(c)
    disputed = {c.nation for c in leads if c.basis is not None and c.basis.disputed}
    named = [c for c in leads if c.status != "denied" or c.nation in disputed]
    denied = {c.nation for c in leads if c.status == "denied"} | disputed
    nations = list(dict.fromkeys(c.nation for c in named if c.nation))
    if not nations:
        return None, ids
    if len(nations) > 1 or denied & set(nations):  # a disputed lead claim names and denies its nation
        return Lead(None, "contested", tuple(sorted(set(nations) | (denied & set(nations))))), ids
    strongest = max((c.status for c in named), key=lambda s: STRENGTH.get(s, 0))
    sources = {e.source_key for c in named for e in c.evidence}
    return Lead(nations[0], strongest, sources=len(sources)), ids


_NEVER = date.max  # an evidence day that no as-of day reaches (no source, or undated and undated excluded)
_ALWAYS = date.min  # an evidence day every as-of day reaches (undated, undated included)
_FORCE, _RELATED = "\0force", "\0related"  # where a claim with no sector, or outside the ISF, is listed
_SITE = "\0site"  # where a claim of one site between two sectors waits before it is listed with both


@dataclass(frozen=True)
class DayIndex:
    """What an as-of change needs from a claim set, worked out once: every drawable claim with the first day on
    which one of its passages counts and the day from which all of them count.

    Only claims whose passages straddle the day are rebuilt (their status derived again from the passages kept);
    every other claim is taken whole or left out by two comparisons.
    """

    claims: tuple[Claim, ...]
    first: tuple[date, ...]
    whole: tuple[date, ...]
    place: tuple[str | None, ...]  # where each claim is listed: its sector's id, _FORCE, _RELATED or _SITE
    broken: tuple[Claim, ...]  # the claims listed apart (not retired, failed verification), in order


def _evidence_day(evidence: Evidence, include_undated: bool) -> date:
    """The first as-of day on which a passage counts (the rule of :func:`source_counts`, as a day)."""
    source = evidence.source
    if source is None:
        return _NEVER
    if source.date is None:
        return _ALWAYS if include_undated else _NEVER
    return source.date.earliest


def day_index(claim_set: ClaimSet, include_undated: bool) -> DayIndex:
    """The claim set's :class:`DayIndex` (built on first use, kept with the claim set)."""
    cache = claim_set.__dict__.setdefault("_day_index", {})
    key = (include_undated, id(claim_set.claims), len(claim_set.claims))  # a claim set is not changed once loaded
    index = cache.get(key)
    if index is None:
        drawable = [c for c in claim_set.claims if c.retired is None and not c.broken]
        days = [[_evidence_day(e, include_undated) for e in c.evidence] or [_NEVER] for c in drawable]
        place = tuple(_RELATED if c.scope != "isf" else _FORCE if c.sector is None else _SITE if c.area else c.sector
                      for c in drawable)
        broken = tuple(c for c in claim_set.claims if c.retired is None and c.broken)
        index = cache[key] = DayIndex(tuple(drawable), tuple(map(min, days)), tuple(map(max, days)), place, broken)
    return index


def derive(sectors: list[Sector], claim_set: ClaimSet, as_of: date | None = None,
           include_undated: bool = True) -> AssignmentView:
    """Build the per-sector view (and force-wide claims) from sectors and verified claims.

    Every claim is placed by the rules above; as of a day, the claim set's :class:`DayIndex` decides most claims by
    two comparisons, so a new day costs a pass over the claims, not over their passages.
    """
    index = day_index(claim_set, include_undated)
    broken: dict[str, list[Claim]] = {s.id: [] for s in sectors}
    for claim in index.broken:
        for sector_id in claim.area or (claim.sector,):
            if sector_id in broken:  # listed apart, never drawn
                broken[sector_id].append(claim)
    listed: dict[str | None, list[Claim]] = {s.id: [] for s in sectors}
    listed[_FORCE], listed[_RELATED], listed[_SITE] = [], [], []
    unknown: list[Claim] = []  # a sector the layer does not have (its claim already carries the problem)
    if as_of is None:
        for claim, place in zip(index.claims, index.place, strict=True):
            listed.get(place, unknown).append(claim)
    else:
        exact = as_of < _NEVER  # on the last day there is, _NEVER would count: every passage is asked
        for claim, first, whole, place in zip(index.claims, index.first, index.whole, index.place, strict=True):
            if exact and first > as_of:
                continue
            current = claim if exact and whole <= as_of else claim_as_of(claim, as_of, include_undated)
            if current is not None:
                listed.get(place, unknown).append(current)
    force, related, sites = listed[_FORCE], listed[_RELATED], listed[_SITE]
    leads = {s.id: _lead_and_lead_ids(listed[s.id]) for s in sectors}  # a site between two sectors leads neither
    at_site: dict[str, list[Claim]] = {}
    for claim in sites:
        for sector_id in claim.area:
            at_site.setdefault(sector_id, []).append(claim)
    views = [SectorView(s, leads[s.id][0], listed[s.id] + at_site[s.id] if s.id in at_site else listed[s.id],
                        broken[s.id]) for s in sectors]
    disagreements: list[Disagreement] = []
    if claim_set.disagreements:
        visible = {c.id for c in force} | {c.id for v in views for c in v.claims}
        disagreements = [d for d in claim_set.disagreements if sum(c in visible for c in d.claim_ids) >= 2]
    for view in views:
        if view.lead and view.lead.contested:
            disagreements.append(Disagreement(
                f"lead-{view.sector.id}", f"Lead nation of {view.sector.name}",
                leads[view.sector.id][1],
                "the sources name different leads, or one denies the named lead"))
    in_disagreement = {c for d in disagreements for c in d.claim_ids}
    for claim in [*force, *(c for s in sectors for c in listed[s.id]), *sites]:  # each claim once
        if claim.basis is not None and claim.basis.disputed and claim.id not in in_disagreement:
            disagreements.append(Disagreement(
                f"disputed-{claim.id}", f"{claim.nation or 'The force'}: {claim.role} — denied by some sources",
                [claim.id], "some passages of this claim state it and others deny it"))
    return AssignmentView(views, force, disagreements, as_of, include_undated, related, sites)
