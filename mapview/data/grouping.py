"""Disagreement at scale: a sector's (or nation's) claims grouped by nation, with each group's independent sources
and latest date, and each disagreement among them listed once (never every pair). Pure; used by the panels and the
dossier alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mapview.data.assignments import AssignmentView
from mapview.data.claims import Claim, Disagreement


@dataclass(frozen=True)
class NationGroup:
    """One nation's claims (None: the force as a whole), its independent sources and its latest dated source."""

    nation: str | None
    claims: tuple[Claim, ...]
    sources: int
    latest: date | None
    leads: int  # how many of the claims are lead claims


def latest_day(claims: tuple[Claim, ...]) -> date | None:
    """The latest publication day among the dated sources of ``claims`` (None when none is dated)."""
    days = [day for c in claims if (day := c.latest_day) is not None]
    return max(days) if days else None


def group_by_nation(claims: list[Claim]) -> list[NationGroup]:
    """Claims grouped by nation: nations with lead claims first (most sources first), then the rest, the force
    as a whole last; claims keep their order inside a group."""
    grouped: dict[str | None, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.nation, []).append(claim)
    groups = [NationGroup(nation, tuple(items), len(frozenset().union(*(c.source_keys for c in items))),
                          latest_day(tuple(items)), sum(c.role == "lead" for c in items))
              for nation, items in grouped.items()]
    return sorted(groups, key=lambda g: (g.nation is None, -g.leads, -g.sources, g.nation or ""))


def disagreements_among(view: AssignmentView, claims: list[Claim]) -> list[Disagreement]:
    """Each disagreement that involves any of ``claims``, once, in the view's order."""
    ids = {c.id for c in claims}
    return [d for d in view.disagreements if not ids.isdisjoint(d.claim_ids)]  # stops at the first shared claim
