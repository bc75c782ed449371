"""Plain-text wording the window shows for leads, claims, passages and nations (no Qt, so it is easy to test).

Everything here only *words* what the data layer decided; no rule about who leads what lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mapview.data.assignments import AssignmentView, Lead, SectorView
from mapview.data.claims import Claim, Evidence
from mapview.data.problems import Problem, inert
from mapview.data.sources import Source

ROLE_LABELS = {
    "lead": "sector lead",
    "deputy-command": "deputy command",
    "command": "command",
    "troops": "troops",
    "police": "police",
    "police-training": "police training",
    "medical": "medical",
    "observers": "observers",
    "deployment-phase": "deployment phase",
    "base": "base",
}
FORCE_NAME = "ISF (force as a whole)"


def lead_text(lead: Lead | None) -> str:
    """'Kosovo (reported)', 'contested: A / B' or 'no lead reported'."""
    if lead is None:
        return "no lead reported"
    if lead.status == "contested" or lead.nation is None:
        return "contested: " + " / ".join(lead.candidates) if lead.candidates else "contested"
    return f"{lead.nation} ({lead.status})"


def sector_caption(view: SectorView) -> str:
    """One line naming the sector and its lead, used for the tooltip: 'North Gaza — Kosovo (reported)'."""
    text = f"{view.sector.name} — {lead_text(view.lead)}"
    if view.has_broken_evidence:
        text += " — broken evidence"
    return text


def role_label(role: str) -> str:
    """Human wording of a claim role."""
    return ROLE_LABELS.get(role, role.replace("-", " "))


def figures_text(figures: dict[str, object]) -> str:
    """'personnel: 20,000; rank: Major General' from a claim's figures."""
    parts = []
    for key, value in figures.items():
        shown = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return "; ".join(parts)


def claim_heading(claim: Claim, sector_names: dict[str, str] | None = None) -> str:
    """'Kosovo — sector lead — reported — North Gaza' (the sector only when names are given)."""
    parts = [claim.nation or FORCE_NAME, role_label(claim.role), claim.status]
    if sector_names is not None:
        parts.append(sector_names.get(claim.sector, claim.sector) if claim.sector else "force-wide")
    return " — ".join(parts)


def broken_reasons(claim: Claim) -> list[str]:
    """Why a claim is broken: its error messages."""
    return [p.message for p in claim.problems if p.severity == "error"]


def source_date_text(source: Source | None) -> str:
    """'≈ 2026', '2025-11-20' or 'undated'."""
    return source.date_display() if source is not None else "undated"


def passage_source_line(evidence: Evidence) -> str:
    """'Title — ≈ 2026 — 000_x.txt' for the line under a passage."""
    source = evidence.source
    title = source.title if source is not None else evidence.source_id
    return f"{title} — {source_date_text(source)} — {evidence.source_id}"


def citation_text(evidence: Evidence) -> str:
    """The passage with its citation, as copied to the clipboard."""
    source = evidence.source
    title = source.title if source is not None else evidence.source_id
    outlet = f", {source.outlet}" if source is not None and source.outlet else ""
    where = f"chars {evidence.start}–{evidence.end}" if evidence.found else "passage NOT FOUND in the article"
    return (f"“{evidence.text}”\n— {title}{outlet} ({source_date_text(source)}); "
            f"source file {evidence.source_id}, {where}")


def as_of_text(as_of: date | None) -> str:
    """'all dates' or 'as of 2025-12-31 (undated sources included)'."""
    return "all dates" if as_of is None else f"as of {as_of.isoformat()} (undated sources included)"


def distinct_source_days(sources: dict[str, Source]) -> list[date]:
    """The distinct earliest publication days of the dated sources, oldest first."""
    return sorted({s.date.earliest for s in sources.values() if s.date is not None})


def north_to_south(view: AssignmentView) -> list[str]:
    """Sector ids ordered north to south by their label point (the keyboard order)."""
    return [v.sector.id for v in sorted(view.sectors, key=lambda v: -v.sector.label_point[1])]


def passages_in_source(claims: list[Claim], source_id: str) -> list[tuple[int, int]]:
    """Raw (start, end) spans of every found passage of ``source_id`` that backs a claim, in text order."""
    spans = {(e.start, e.end) for c in claims for e in c.evidence if e.source_id == source_id and e.found}
    return sorted(spans)


@dataclass
class NationSummary:
    """One nation (or the force as a whole) with everything the claims say about it."""

    name: str
    roles: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    sector_ids: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    broken: int = 0

    def line(self, sector_names: dict[str, str]) -> str:
        """'Kosovo — sector lead (reported), troops (confirmed) — North Gaza'."""
        parts = [self.name, ", ".join(self.roles)]
        if self.sector_ids:
            parts.append(", ".join(sector_names.get(s, s) for s in self.sector_ids))
        if self.figures:
            parts.append("; ".join(self.figures))
        if self.broken:
            parts.append(f"{self.broken} broken")
        return " — ".join(p for p in parts if p)


def nation_summaries(view: AssignmentView) -> list[NationSummary]:
    """Every nation named by a claim in the view (broken claims included, marked), alphabetically; the force last."""
    by_name: dict[str, NationSummary] = {}
    claims = [c for v in view.sectors for c in v.claims + v.broken_claims] + list(view.force)
    for claim in claims:
        name = claim.nation or FORCE_NAME
        summary = by_name.setdefault(name, NationSummary(name))
        summary.claims.append(claim)
        role = f"{role_label(claim.role)} ({claim.status})"
        if role not in summary.roles:
            summary.roles.append(role)
        if claim.figures:
            summary.figures.append(figures_text(claim.figures))
        if claim.sector and claim.sector not in summary.sector_ids:
            summary.sector_ids.append(claim.sector)
        summary.broken += claim.broken
    return sorted(by_name.values(), key=lambda s: (s.name == FORCE_NAME, s.name))


def problem_row(problem: Problem) -> tuple[str, str, str, str]:
    """(severity, file, location, message) for the problems table, with control and bidi characters escaped."""
    return problem.severity, inert(problem.file), inert(problem.location), inert(problem.message)
