"""What changed on the map between two derived views: a pure function of two AssignmentViews.

:func:`compare` lists every sector whose lead, status or contest changed, every claim that is new, retired or
changed (status or passages), and every disagreement that is new or resolved, each with the passages that caused
it (passages counted in the later view and not in the earlier one, or the other way round).

:func:`changes_between` builds the two views a user means by "since DAY": the project as of that day (sources
published on or before it; undated sources count in both views, so they never show as a change; a claim retired
after the day still counts then) and as of the later day, or with every source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from mapview.data.assignments import AssignmentView, Lead, derive
from mapview.data.claims import Claim, ClaimSet, Disagreement, Evidence
from mapview.data.lookedfile import Look
from mapview.data.sectors import Sector

LEAD, STATUS, CONTEST = "lead", "status", "contest"  # what changed about a sector
NEW, RETIRED, CHANGED = "new", "retired", "changed"  # what happened to a claim or a disagreement

PassageId = tuple[str, str, int, int]  # (claim id, source, start, end)


@dataclass(frozen=True)
class PassageChange:
    """A passage that caused a change: counted in the later view (``added``) or only in the earlier one."""

    claim_id: str
    evidence: Evidence
    added: bool = True

    def to_json(self) -> dict[str, object]:
        """The passage as ``changes --json`` prints it."""
        source = self.evidence.source
        return {"claim": self.claim_id, "added": self.added, "source": self.evidence.source_id,
                "start": self.evidence.start, "end": self.evidence.end, "exact": self.evidence.text,
                "date": source.date.label if source is not None and source.date is not None else None}


@dataclass(frozen=True)
class SectorChange:
    """A sector whose lead, status or contest differs between the two views."""

    sector_id: str
    sector_name: str
    kinds: tuple[str, ...]  # LEAD, STATUS, CONTEST
    before: Lead | None
    after: Lead | None
    passages: tuple[PassageChange, ...]


@dataclass(frozen=True)
class ClaimChange:
    """A claim that is new in the later view, gone from it (retired, or no longer counted), or changed."""

    kind: str  # NEW, RETIRED, CHANGED
    claim: Claim  # as the later view has it (the earlier one's when retired)
    before_status: str | None
    after_status: str | None
    passages: tuple[PassageChange, ...]


@dataclass(frozen=True)
class DisagreementChange:
    """A disagreement among the sources that appears in the later view, or is gone from it."""

    kind: str  # NEW, RETIRED
    disagreement: Disagreement
    passages: tuple[PassageChange, ...]


@dataclass
class Changes:
    """Everything that differs from the earlier view to the later one; empty lists when nothing does."""

    since: date | None
    until: date | None
    looked: datetime | None = None  # set when the earlier view is what the project held when the user last looked
    sectors: list[SectorChange] = field(default_factory=list)
    claims: list[ClaimChange] = field(default_factory=list)
    disagreements: list[DisagreementChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.sectors or self.claims or self.disagreements)

    @property
    def sector_ids(self) -> list[str]:
        """The ids of the sectors whose lead, status or contest changed."""
        return [c.sector_id for c in self.sectors]


def _passage_id(claim_id: str, evidence: Evidence) -> PassageId:
    return claim_id, evidence.source_id, evidence.start, evidence.end


def _passages(claims: list[Claim]) -> dict[PassageId, PassageChange]:
    return {_passage_id(c.id, e): PassageChange(c.id, e) for c in claims for e in c.evidence}


def _difference(before: list[Claim], after: list[Claim]) -> tuple[PassageChange, ...]:
    """Passages of ``after`` not in ``before`` (added), then those of ``before`` not in ``after`` (no longer)."""
    old, new = _passages(before), _passages(after)
    added = [p for key, p in new.items() if key not in old]
    gone = [replace(p, added=False) for key, p in old.items() if key not in new]
    return tuple(added + gone)


def _sector_kinds(before: Lead | None, after: Lead | None) -> tuple[str, ...]:
    was = before is not None and before.contested
    now = after is not None and after.contested
    if was or now:
        if was != now or (before.candidates if before else ()) != (after.candidates if after else ()):
            return (CONTEST,)
        return ()
    nation_before = before.nation if before else None
    nation_after = after.nation if after else None
    if nation_before != nation_after:
        return (LEAD,)
    if before is not None and after is not None and before.status != after.status:
        return (STATUS,)
    return ()


def _all_claims(view: AssignmentView) -> list[Claim]:
    return [c for v in view.sectors for c in v.claims] + list(view.force) + list(view.related)


def compare(before: AssignmentView, after: AssignmentView) -> Changes:
    """Every change from ``before`` to ``after``; sectors in the views' order (north to south), then claims in
    the later view's order (retired ones last), then disagreements."""
    changes = Changes(before.as_of, after.as_of)
    old_sectors = before.by_id()
    for view in after.sectors:
        old = old_sectors.get(view.sector.id)
        old_lead = old.lead if old is not None else None
        kinds = _sector_kinds(old_lead, view.lead)
        if kinds:
            leads_before = [c for c in (old.claims if old else []) if c.role == "lead"]
            leads_after = [c for c in view.claims if c.role == "lead"]
            changes.sectors.append(SectorChange(view.sector.id, view.sector.name, kinds, old_lead, view.lead,
                                                _difference(leads_before, leads_after)))
    old_claims = {c.id: c for c in _all_claims(before)}
    new_claims = {c.id: c for c in _all_claims(after)}
    for claim_id, claim in new_claims.items():
        old_claim = old_claims.get(claim_id)
        if old_claim is None:
            changes.claims.append(ClaimChange(NEW, claim, None, claim.status, _difference([], [claim])))
            continue
        passages = _difference([old_claim], [claim])
        if passages or old_claim.status != claim.status:
            changes.claims.append(ClaimChange(CHANGED, claim, old_claim.status, claim.status, passages))
    for claim_id, claim in old_claims.items():
        if claim_id not in new_claims:
            changes.claims.append(ClaimChange(RETIRED, claim, claim.status, None, _difference([claim], [])))
    old_disagreements = {d.id: d for d in before.disagreements}
    new_disagreements = {d.id: d for d in after.disagreements}
    for d_id, disagreement in new_disagreements.items():
        if d_id not in old_disagreements:
            sides_before = [old_claims[c] for c in disagreement.claim_ids if c in old_claims]
            sides_after = [new_claims[c] for c in disagreement.claim_ids if c in new_claims]
            changes.disagreements.append(DisagreementChange(NEW, disagreement,
                                                            _added_only(_difference(sides_before, sides_after))))
    for d_id, disagreement in old_disagreements.items():
        if d_id not in new_disagreements:
            sides_before = [old_claims[c] for c in disagreement.claim_ids if c in old_claims]
            sides_after = [new_claims[c] for c in disagreement.claim_ids if c in new_claims]
            changes.disagreements.append(DisagreementChange(RETIRED, disagreement,
                                                            _difference(sides_before, sides_after)))
    return changes


def _added_only(passages: tuple[PassageChange, ...]) -> tuple[PassageChange, ...]:
    return tuple(p for p in passages if p.added) or passages


def _retired_by(claim: Claim, moment: date | datetime | None) -> bool:
    """True when the claim was retired on or before ``moment`` (a day, or an aware time; None: ever); an unreadable
    retirement date counts as retired."""
    if claim.retired is None:
        return False
    if moment is None:
        return True
    try:
        when = datetime.fromisoformat(str(claim.retired.get("at", "")))
    except ValueError:
        return True
    if isinstance(moment, datetime):
        return when.tzinfo is None or when <= moment
    return when.date() <= moment


def claims_known(claim_set: ClaimSet, moment: date | datetime | None) -> ClaimSet:
    """The claims as they stood on a day (or at a time): a claim retired later still counts then."""
    claims = [c if not c.retired or _retired_by(c, moment) else replace(c, retired=None) for c in claim_set.claims]
    return ClaimSet(claims, claim_set.disagreements, claim_set.path)


def claims_seen(claim_set: ClaimSet, look: Look) -> ClaimSet:
    """The claims as the user saw them when they last looked: claims made since are not there, only passages
    from the articles the project held then count (a claim with none left is not there), and a claim retired
    since still counts."""
    known = claims_known(claim_set, look.at)
    claims = []
    for claim in known.claims:
        if not look.saw_claim(claim.id):
            continue
        kept = [e for e in claim.evidence if look.saw_source(e.source_id)]
        if kept:
            claims.append(claim if len(kept) == len(claim.evidence) else claim.with_evidence(kept))
    return ClaimSet(claims, known.disagreements, known.path)


def changes_since_looked(sectors: list[Sector], claim_set: ClaimSet, look: Look,
                         ) -> tuple[Changes, AssignmentView, AssignmentView]:
    """What changed since the user last looked, whatever the publication dates of the articles added since: the
    map as they saw it (every source they had), against the map now (every source)."""
    before = derive(sectors, claims_seen(claim_set, look), None, include_undated=True)
    after = derive(sectors, claim_set, None, include_undated=True)
    changes = compare(before, after)
    changes.since, changes.looked = look.at.date(), look.at
    return changes, before, after


def view_on(sectors: list[Sector], claim_set: ClaimSet, day: date | None) -> AssignmentView:
    """The map as of ``day`` (None: every source), undated sources included, claims retired later still counted."""
    return derive(sectors, claims_known(claim_set, day), day, include_undated=True)


def changes_between(sectors: list[Sector], claim_set: ClaimSet, since: date,
                    until: date | None = None) -> tuple[Changes, AssignmentView, AssignmentView]:
    """What changed after ``since`` up to ``until`` (None: every source), with the earlier and later views."""
    before = view_on(sectors, claim_set, since)
    after = view_on(sectors, claim_set, until)
    return compare(before, after), before, after


def default_since(sources: dict) -> date | None:
    """The day the Changes list starts from before the user has ever looked: the day before the newest dated
    source, else None (no dated source)."""
    from datetime import timedelta

    days = [s.date.earliest for s in sources.values() if getattr(s, "date", None) is not None]
    return max(days) - timedelta(days=1) if days else None
