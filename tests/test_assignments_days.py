"""An as-of change decided from the claim set's day index gives the view the rule gives claim by claim."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from mapview.data.assignments import claim_as_of, derive, sector_lead
from mapview.data.claims import ClaimSet
from mapview.data.project import Project


def _by_rule(project: Project, as_of: date | None, include_undated: bool) -> dict[str, list[tuple]]:
    """Each sector's claims as of the day, asked of ``claim_as_of`` for every claim (the simple way): its own
    claims, then the sites between it and a neighbour (listed with both sectors)."""
    out: dict[str, list[tuple]] = {s.id: [] for s in project.sectors.sectors}
    sites: dict[str, list[tuple]] = {s.id: [] for s in project.sectors.sectors}
    for claim in project.claims.claims:
        if claim.retired is not None or claim.broken:
            continue
        current = claim_as_of(claim, as_of, include_undated)
        if current is None or current.scope != "isf":
            continue
        for sector_id in current.area:
            sites[sector_id].append((current.id, current.status, len(current.evidence)))
        if not current.area and current.sector in out:
            out[current.sector].append((current.id, current.status, len(current.evidence)))
    return {sector_id: out[sector_id] + sites[sector_id] for sector_id in out}


def _days(project: Project) -> list[date | None]:
    days = {s.date.earliest for s in project.sources.values() if s.date is not None}
    return [None, *sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)})]


def test_every_day_gives_the_claims_and_leads_the_rule_gives(project: Project) -> None:
    assert any(len(c.evidence) > 1 for c in project.claims.claims)  # claims whose passages straddle a day
    for include_undated in (True, False):
        for day in _days(project):
            view = derive(project.sectors.sectors, project.claims, day, include_undated)
            expected = _by_rule(project, day, include_undated)
            for sector_view in view.sectors:
                shown = [(c.id, c.status, len(c.evidence)) for c in sector_view.claims]
                assert shown == expected[sector_view.sector.id], (day, include_undated)
                assert sector_view.lead == sector_lead(sector_view.claims)


def test_undated_and_unknown_sources_follow_the_undated_choice(project: Project) -> None:
    undated = next(iter(project.sources))
    sources = {k: (replace(v, date=None) if k == undated else v) for k, v in project.sources.items()}
    claims = [replace(c, evidence=[replace(e, source=sources.get(e.source_id)) for e in c.evidence])
              for c in project.claims.claims]
    claim_set = ClaimSet(claims, project.claims.disagreements)
    relying = [c.id for c in claims if any(e.source_id == undated for e in c.evidence) and not c.broken]
    assert relying
    day = max(s.date.earliest for s in sources.values() if s.date is not None)
    for include_undated in (True, False):
        view = derive(project.sectors.sectors, claim_set, day, include_undated)
        listed = {c.id: c for v in view.sectors for c in v.claims} | {c.id: c for c in view.force + view.related}
        for claim_id in relying:
            claim = next(c for c in claims if c.id == claim_id)
            expected = claim_as_of(claim, day, include_undated)
            assert (claim_id in listed) == (expected is not None)
            if expected is not None:
                assert len(listed[claim_id].evidence) == len(expected.evidence)


def test_the_same_day_gives_the_same_view_back(project: Project) -> None:
    day = date(2025, 11, 1)
    first = project.view(day)
    assert project.view(None) is project.view(None)
    assert project.view(day) is first  # panels find the lists they built for it
    assert project.view(day, include_undated=False) is not first
