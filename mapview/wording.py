"""Every user-facing sentence about a lead, a status, a claim, a figure, a passage or a date, written once.

The window, the exported maps, the dossier and the CLI all word the same facts through these functions, so they
cannot drift apart. Pure Python (no Qt, no matplotlib): nothing here decides who leads what; it only words what
the data layer decided.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from mapview.data.assignments import AssignmentView, Lead, SectorView, SiteMark
from mapview.data.claims import Claim, Evidence
from mapview.data.problems import Problem, inert
from mapview.data.sources import Source
from mapview.data.status import SAID_BY, Attribution, StatusBasis

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
    "mandate": "mandate",
    "authorisation": "authorisation",
    "opposition": "opposition",
}
FORCE_NAME = "ISF (the force as a whole)"
SINGLE_SOURCE = "single source"
SINGLE_SOURCE_LEGEND = "single source: one outlet"
NO_LEAD = "no lead reported"
SITE_LEGEND = "site between two sectors"  # the band drawn on their shared edge
ALL_DATES = "all dates"


# ----- data fields in text that reorders (SVG, HTML, Markdown) -------------------------------------------------

FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
_ISOLATE: ContextVar[bool] = ContextVar("isolate_data", default=False)
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


@contextlib.contextmanager
def isolated_data() -> Iterator[None]:
    """While active, every data field these functions word (a name, a title, a note, a figure) is wrapped in
    FSI…PDI, its own bidi controls escaped and its line breaks folded (an isolate ends with its line): one field
    can then never reorder the words beside it. For outputs a
    reader's bidi algorithm lays out (SVG, HTML, Markdown); the window shows each field in its own widget."""
    token = _ISOLATE.set(True)
    try:
        yield
    finally:
        _ISOLATE.reset(token)


def datum(value: object) -> str:
    """A data field as text, isolated inside :func:`isolated_data`, unchanged otherwise."""
    text = str(value)
    if not _ISOLATE.get():
        return text
    return FSI + _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", _BREAKS.sub(" ", text)) + PDI


# ----- leads ---------------------------------------------------------------------------------------------------

def lead_who(lead: Lead | None) -> str:
    """Who leads, without the status: 'Kosovo', 'Albania / Kosovo' (contested) or 'no lead reported'."""
    if lead is None:
        return NO_LEAD
    if lead.contested:
        return " / ".join(map(datum, lead.candidates)) if lead.candidates else "contested"
    return datum(lead.nation) if lead.nation else NO_LEAD


def lead_text(lead: Lead | None) -> str:
    """'Kosovo (reported)', 'contested: Albania / Kosovo' or 'no lead reported'."""
    if lead is None:
        return NO_LEAD
    if lead.contested:
        return "contested: " + " / ".join(map(datum, lead.candidates)) if lead.candidates else "contested"
    return f"{datum(lead.nation)} ({lead.status}{', ' + SINGLE_SOURCE if lead.single_source else ''})"


def lead_sentence(lead: Lead | None) -> str:
    """The lead as a sentence: 'Lead: Kosovo (reported).', 'Lead: contested: Albania / Kosovo.'."""
    return f"Lead: {lead_text(lead)}."


def sector_caption(view: SectorView) -> str:
    """One line naming the sector and its lead (tooltip, status bar): 'North Gaza — Kosovo (reported)'."""
    text = f"{datum(view.sector.name)} — {lead_text(view.lead)}"
    if view.has_broken_evidence:
        text += " — broken evidence"
    return text


def sector_label(view: SectorView) -> str:
    """The map label: the sector's name, then its lead, then a broken-evidence warning when there is one."""
    lead = view.lead
    if lead is not None and lead.single_source:  # a third short line keeps the label narrow enough for its sector
        text = f"{datum(view.sector.name)}\n{datum(lead.nation)} ({lead.status})\n{SINGLE_SOURCE}"
    else:
        text = f"{datum(view.sector.name)}\n{lead_text(lead)}"
    if view.has_broken_evidence:
        text += "\n⚠ broken evidence"
    return text


def outlined_sector(name: str) -> str:
    """The legend entry for a sector outlined on an exported map."""
    return f"outlined: {datum(name)} (chosen in the export)"


def legend_title(as_of: date | None) -> str:
    """The map legend's title: 'Sector lead' or 'Sector lead, sources to 2025-12-31'."""
    return "Sector lead" if as_of is None else f"Sector lead, sources to {as_of.isoformat()}"


# ----- claims --------------------------------------------------------------------------------------------------

def role_label(role: str) -> str:
    """Human wording of a claim role: 'deputy-command' → 'deputy command'."""
    return ROLE_LABELS.get(role, role.replace("-", " "))


def who_text(nation: str | None) -> str:
    """A claim's nation, or the force as a whole when it names none."""
    return datum(nation) if nation else FORCE_NAME


def area_text(sector_ids: list[str], sector_names: dict[str, str]) -> str:
    """One site between sectors, as read: "between Rafah and Khan Yunis (one site, both sectors its area)"."""
    names = " and ".join(datum(sector_names.get(s, s)) for s in sector_ids)
    return f"between {names} (one site, both sectors its area)"


def figure_value(value: object) -> str:
    """A figure as shown: integers with thousands separators (20,000), everything else as written."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def figures_text(figures: dict[str, object]) -> str:
    """'personnel: 20,000; rank: Major General' from a claim's figures."""
    return "; ".join(f"{datum(key.replace('_', ' '))}: {datum(figure_value(value))}" for key, value in figures.items())


def between_text(sector_ids: list[str], sector_names: dict[str, str] | None) -> str:
    """'between Rafah and Khan Yunis': where one site between two sectors stands."""
    return "between " + " and ".join(datum((sector_names or {}).get(s, s)) for s in sector_ids)


def claim_heading(claim: Claim, sector_names: dict[str, str] | None = None) -> str:
    """'Kosovo — sector lead — reported — North Gaza' (the sector only when names are given); one site between two
    sectors always says where, and is no sector's lead: 'Indonesia — at one site between Rafah and Khan Yunis
    (reported)', 'Egypt — troops — at one site between Rafah and Khan Yunis (reported)'."""
    if claim.between:
        site = f"at one site {between_text(claim.area, sector_names)} ({claim.status})"
        role = [] if claim.role == "lead" else [role_label(claim.role)]
        return " — ".join([who_text(claim.nation), *role, site])
    parts = [who_text(claim.nation), role_label(claim.role), claim.status]
    if sector_names is not None:
        parts.append(datum(sector_names.get(claim.sector, claim.sector)) if claim.sector else "force-wide")
    return " — ".join(parts)


def site_note(claim: Claim, sector_names: dict[str, str] | None) -> str:
    """Why a site between two sectors colours neither: what the map shows instead."""
    return (f"One site {between_text(claim.area, sector_names)}: drawn as a band on their shared edge, not as the "
            f"lead of either sector (no passage places {who_text(claim.nation)} in one of them).")


def site_mark_text(mark: SiteMark, sector_names: dict[str, str] | None) -> str:
    """What a band on a shared edge shows: 'Indonesia (reported) at one site between Rafah and Khan Yunis'."""
    return f"{lead_text(mark.lead)} at one site {between_text(list(mark.area), sector_names)}"


def site_on_edge_text(mark: SiteMark, sector_names: dict[str, str] | None) -> str:
    """Who stands at a site on a sector's edge, for its hover caption and evidence panel: 'Indonesia: a site
    between Rafah and Khan Yunis (reported, 4 sources)', 'Albania / Egypt: a site between … (contested)'."""
    lead = mark.lead
    sources = f"{lead.sources:,} source{'s' if lead.sources != 1 else ''}"
    how = "contested" if lead.contested else f"{lead.status}, {sources}"
    return f"{lead_who(lead)}: a site {between_text(list(mark.area), sector_names)} ({how})"


def sector_sites_text(view: AssignmentView, sector_id: str) -> list[str]:
    """One line per site the map marks on this sector's edge (see :func:`site_on_edge_text`); none when none."""
    names = {sv.sector.id: sv.sector.name for sv in view.sectors}
    return [site_on_edge_text(mark, names) for mark in view.site_marks if sector_id in mark.area]


def sector_hover_text(view: AssignmentView, sector: SectorView) -> str:
    """The hover caption: the sector and its lead, then each site on its edge on a line of its own."""
    return "\n".join([sector_caption(sector), *sector_sites_text(view, sector.sector.id)])


def site_legend_label(lead: Lead) -> str:
    """The legend entry of a site's band when the map shows bands of several styles: 'site between two sectors:
    Indonesia (reported)'."""
    return f"{SITE_LEGEND}: {lead_text(lead)}"


def status_basis_text(claim: Claim) -> str:
    """Why a claim has its status: 'speculative: 4 passages — a media report, hedged (2); maps or imagery, hedged;
    an analyst or expert, hedged — from 1 independent source; not stated by an official of Kosovo or of the force.'"""
    if claim.basis is None:
        return f"{claim.status}: as stored"
    return _basis_sentence(claim.basis, claim.status, claim.nation, len(claim.evidence), sources=True)


def _basis_sentence(basis: StatusBasis, status: str, nation: str | None, passages: int, sources: bool) -> str:
    parts = [f"{SAID_BY.get(s, s)}, {m}" + (f" ({n})" if n > 1 else "") for s, m, n in basis.counts]
    text = f"{status}: {passages} passage{'s' if passages != 1 else ''}"
    if parts:
        text += " — " + "; ".join(parts)
    if sources:
        n = basis.independent_sources
        text += f" — from {n} independent source{'s' if n != 1 else ''}"
    if not basis.official and status != "denied":
        text += f"; not stated by an official of {datum(nation) + ' or of the force' if nation else 'the force'}"
    if basis.disputed:
        text += "; some passages deny it: the sources disagree"
    if not basis.recorded:
        text += "; who says some passages is not recorded (their status is as stored)"
    if basis.overridden:
        text += f"; the passages give {basis.rules_status}, set to {status} by a reviewer: {basis.reason}"
    return text + "."


def passage_attribution_text(evidence: Evidence) -> str:
    """'said by an official of the force or its command (Jasper Jeffers, ISF commander), stated'."""
    return attribution_text(evidence.attribution)


def attribution_text(a: Attribution | None) -> str:
    """Who says a passage and how: 'said by unnamed officials (Officials), stated'."""
    if a is None:
        return "who says it: not recorded"
    who = SAID_BY.get(a.said_by, a.said_by) + (f" ({datum(a.speaker)})" if a.speaker else "")
    return f"said by {who}, {a.manner}"


def proposed_passage_basis(a: Attribution | None) -> str:
    """A proposed passage's line: who says it, how, and the status that alone gives ('… stated → reported')."""
    return attribution_text(a) + (f" → {a.status}" if a is not None else "")


def proposal_basis_text(basis: StatusBasis, nation: str | None, passages: int) -> str:
    """Why a proposal has its status: 'reported: 1 passage — unnamed officials, stated; not stated by an official
    of Kosovo or of the force.'"""
    return _basis_sentence(basis, basis.status, nation, passages, sources=False)


def derived_status_text(status: str) -> str:
    """The edit dialog's line: the status the passages give, by who says them and how."""
    return f"The passages give: {status} (by who says them and how; change who says them to change it)"


def status_reason_needed(rules: str, chosen: str) -> str:
    """Why the edit dialog will not accept yet: a status the rules do not give needs a reason."""
    return (f"The passages give {rules}, not {chosen}: write the reason for the status you set "
            "(it is kept on the claim and shown as its basis), or change who says them.")


def scope_text(claim: Claim) -> str:
    """The line under a claim that is not part of the force: why it is listed apart."""
    return "Not part of the ISF: " + (datum(claim.scope_note) if claim.scope_note else
                                      "a related effort the sources mention.")


def broken_reasons(claim: Claim) -> list[str]:
    """Why a claim is broken: its error messages."""
    return [p.message for p in claim.problems if p.severity == "error"]


# ----- sources, passages and dates -----------------------------------------------------------------------------

def source_date_text(source: Source | None) -> str:
    """'≈ 2026', '2025-11-20' or 'undated'."""
    return datum(source.date_display()) if source is not None else "undated"


def source_title(evidence: Evidence) -> str:
    """The title of a passage's article, or its file name when the article is unknown."""
    return datum(evidence.source.title if evidence.source is not None else evidence.source_id)


def passage_location(evidence: Evidence) -> str:
    """'characters 120–171', or that the passage is not in the article."""
    if not evidence.found:
        return "passage NOT FOUND in the article"
    return f"characters {evidence.start}–{evidence.end}"


def passage_source_line(evidence: Evidence) -> str:
    """'Title — ≈ 2026 — 000_x.txt' for the line under a passage, then where the title came from when it is not
    the page's ('… — 005_x.txt — title: first line of the text')."""
    origin = title_origin_text(evidence.source) if evidence.source is not None else ""
    return (f"{source_title(evidence)} — {source_date_text(evidence.source)} — {datum(evidence.source_id)}"
            + (f" — {origin}" if origin else ""))


TITLE_ORIGINS = {
    "user": "title: given by the user",
    "first-line": "title: first line of the text",
    "first-sentence": "title: first sentence of the text (no headline)",
    "file": "title: the file's name (the text could not be read)",
}  # the page's own title or headline goes without saying


def title_origin_text(source: Source) -> str:
    """Where a source's title came from when it is not the page's own: 'title: first line of the text'; ''
    for a page's title or headline."""
    return TITLE_ORIGINS.get(source.title_from, "")


def citation_text(evidence: Evidence) -> str:
    """The passage with its citation, as copied to the clipboard and quoted in the dossier."""
    source = evidence.source
    outlet = f", {datum(source.outlet)}" if source is not None and source.outlet else ""
    return (f"“{evidence.text}”\n— {source_title(evidence)}{outlet} ({source_date_text(source)}); "
            f"source file {datum(evidence.source_id)}, {passage_location(evidence)}")


def passage_cite(evidence: Evidence) -> str:
    """The citation line under a quoted passage: 'Title, outlet (date); source file x.txt, characters a–b'."""
    return citation_text(evidence).split("\n— ", 1)[1]


def source_meta_line(source: Source) -> str:
    """'≈ 2026 — Outlet — 000_x.txt' under an article's title, then where the title came from when it is not the
    page's ('… — 005_x.txt — title: first line of the text')."""
    outlet = f" — {datum(source.outlet)}" if source.outlet else ""
    origin = title_origin_text(source)
    return f"{datum(source.date_display())}{outlet} — {datum(source.id)}" + (f" — {origin}" if origin else "")


def as_of_text(as_of: date | None, include_undated: bool = True) -> str:
    """Which sources count: 'all dates' or 'as of 2025-12-31, undated sources included'."""
    if as_of is None:
        return ALL_DATES
    undated = "undated sources included" if include_undated else "undated sources left out"
    return f"as of {as_of.isoformat()}, {undated}"


def day_not_understood(text: str) -> str:
    """Why a typed as-of day was refused because it is not a day."""
    return f"“{text}” is not a day: type it as YYYY-MM-DD, e.g. 2025-12-31. The previous day is kept."


def day_in_future(day: date, today: date) -> str:
    """Why a typed as-of day after today was refused."""
    return (f"{day.isoformat()} is after today ({today.isoformat()}): no source can be dated then. "
            "The previous day is kept; untick “All dates” only for past days.")


def view_dates_text(view: AssignmentView) -> str:
    """``as_of_text`` for a derived view."""
    return as_of_text(view.as_of, view.include_undated)


def articles_text(count: int) -> str:
    """'1 article', '5 articles'."""
    return f"{count} article{'s' if count != 1 else ''}"


# ----- the Source view when its passage stops belonging to what is listed --------------------------------------

def passage_closed_context(origin: str, context_name: str) -> str:
    """Why an open passage was closed when its sector was deselected or another nation was chosen."""
    if origin == "sector":
        return (f"Passage closed: it was from the evidence of {context_name}, which is no longer selected. "
                "Select a sector and click one of its passages to read it here.")
    return (f"Passage closed: it was from the evidence of {context_name}, which is no longer chosen in the "
            "Nations panel.")


def passage_closed_as_of(title: str, dates: str) -> str:
    """Why an open passage was closed when the as-of day filtered its article out."""
    return (f"Passage closed: its article “{title}” is not among the sources used now ({dates}). "
            "Set “All dates” or a later day to read it again.")


def passage_closed_reload(title: str, context_name: str) -> str:
    """Why an open passage was closed after a reload: nothing listed for its sector or nation cites it any more."""
    return (f"Passage closed: after the project was reloaded, no claim listed for {context_name} cites this passage "
            f"of “{title}” any more.")


def passage_not_found_note(evidence: Evidence) -> str:
    """The note above an article whose cited passage was not re-found in it."""
    return f"This passage was not found in the article ({evidence.result.message}); nothing is highlighted."


def passage_reopened_after_reload(evidence: Evidence) -> str:
    """The note shown when a reload re-pointed the open passage to the reloaded record."""
    if not evidence.found:
        return f"The project was reloaded: this passage is no longer found in its article ({evidence.result.message})."
    return f"The project was reloaded: the passage was found again in its article, at {passage_location(evidence)}."


# ----- nations -------------------------------------------------------------------------------------------------

@dataclass
class NationSummary:
    """One nation (or the force as a whole) with everything the claims say about it."""

    name: str
    roles: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    sector_ids: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    broken: int = 0
    site_areas: list[list[str]] = field(default_factory=list)  # sites between two sectors: both ids

    def line(self, sector_names: dict[str, str]) -> str:
        """'Kosovo — sector lead (reported), troops (confirmed) — North Gaza'."""
        parts = [self.name, ", ".join(self.roles)]
        places = [sector_names.get(s, s) for s in self.sector_ids]
        places += ["site " + between_text(a, sector_names) for a in self.site_areas]
        if places:
            parts.append(", ".join(places))
        if self.figures:
            parts.append("; ".join(self.figures))
        if self.broken:
            parts.append(f"{self.broken} broken")
        return " — ".join(p for p in parts if p)


_LAST_SUMMED: list[object] = [None, []]  # the last view summed up, and its summaries (a view never changes)


def nation_summaries(view: AssignmentView) -> list[NationSummary]:
    """Every nation named by a claim in the view (broken claims included, marked), alphabetically; the force last.

    The state and both panels ask for the same view's summaries on every change; the last view's are kept.
    """
    if _LAST_SUMMED[0] is view:
        return list(_LAST_SUMMED[1])  # type: ignore[arg-type]
    summaries = _sum_nations(view)
    _LAST_SUMMED[:] = [view, summaries]
    return list(summaries)


def _sum_nations(view: AssignmentView) -> list[NationSummary]:
    by_name: dict[str, NationSummary] = {}
    seen: dict[str, set[object]] = {}  # per nation, the (role, status) pairs and sectors already listed
    for claim in view.listed_claims:
        name = claim.nation or FORCE_NAME
        summary = by_name.get(name)
        if summary is None:
            summary = by_name[name] = NationSummary(name)
            seen[name] = set()
        summary.claims.append(claim)
        listed = seen[name]
        role = (claim.role, claim.status)
        if role not in listed:
            listed.add(role)
            summary.roles.append(f"{role_label(claim.role)} ({claim.status})")
        if claim.figures:
            summary.figures.append(figures_text(claim.figures))
        if claim.area:  # one site between two sectors
            if ("site", *claim.area) not in listed:
                listed.add(("site", *claim.area))
                summary.site_areas.append(list(claim.area))
        elif claim.sector and ("sector", claim.sector) not in listed:
            listed.add(("sector", claim.sector))
            summary.sector_ids.append(claim.sector)
        if claim.broken:
            summary.broken += 1
    return sorted(by_name.values(), key=lambda s: (s.name == FORCE_NAME, s.name))


# ----- what changed between two days ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeEntry:
    """One line of the Changes list (and of ``changes``): what changed, worded, with the passages that caused it."""

    kind: str  # "sector" | "claim" | "disagreement"
    key: str  # the sector, claim or disagreement id
    text: str
    passages: tuple = ()  # PassageChange


_SECTOR_CHANGE = {"lead": "lead changed", "status": "status changed", "contest": "contest changed"}


def _sector_change_text(change) -> str:
    what = _SECTOR_CHANGE[change.kinds[0]]
    if change.kinds[0] == "contest":
        was = change.before is not None and change.before.contested
        now = change.after is not None and change.after.contested
        what = "now contested" if now and not was else "no longer contested" if was and not now else what
    return f"{change.sector_name} — {what}: {lead_text(change.before)} → {lead_text(change.after)}"


def _claim_change_text(change, names: dict[str, str]) -> str:
    claim = change.claim
    what = " — ".join([who_text(claim.nation), role_label(claim.role),
                       names.get(claim.sector, claim.sector) if claim.sector else "force-wide"])
    if change.kind == "new":
        return f"New claim: {what} ({change.after_status})"
    if change.kind == "retired":
        return f"Claim no longer counted (retired): {what} (was {change.before_status})"
    if change.before_status != change.after_status:
        return f"Claim changed: {what}: {change.before_status} → {change.after_status}"
    return f"Claim has new passages: {what} ({change.after_status})"


def _disagreement_change_text(change) -> str:
    if change.kind == "new":
        return f"New disagreement: {change.disagreement.topic}"
    return f"Disagreement no longer stands: {change.disagreement.topic}"


def change_entries(changes, names: dict[str, str]) -> list[ChangeEntry]:
    """The changes as the Changes list, the CLI and the dossier word them: sectors, claims, disagreements."""
    entries = [ChangeEntry("sector", c.sector_id, _sector_change_text(c), c.passages) for c in changes.sectors]
    entries += [ChangeEntry("claim", c.claim.id, _claim_change_text(c, names), c.passages) for c in changes.claims]
    entries += [ChangeEntry("disagreement", c.disagreement.id, _disagreement_change_text(c), c.passages)
                for c in changes.disagreements]
    return entries


def changes_span(since: date, until: date | None) -> str:
    """'after 2025-12-01' or 'after 2025-12-01, to 2026-01-31'."""
    return f"after {since.isoformat()}" + (f", to {until.isoformat()}" if until else "")


def changes_heading(changes) -> str:
    """'Changes since 2025-12-01 (sources published after that day; …): 2 sectors, 3 claims, 1 disagreement',
    'Changes since you last looked (…)', or that nothing changed."""
    looked = getattr(changes, "looked", None)
    if looked is not None:
        span = f"Changes since you last looked ({looked.strftime('%Y-%m-%d %H:%M')} UTC)"
        basis = ", from articles and claims added since, whatever their dates"
        nothing = "the articles and claims added since"
    else:
        span = f"Changes since {changes.since.isoformat()}" if changes.since else "Changes"
        if changes.until:
            span += f" to {changes.until.isoformat()}"
        basis = " (sources published after that day; undated ones count on both days)"
        nothing = "sources published after that day"
    if changes.empty:
        return f"{span}: nothing changed ({nothing} change no lead, claim or disagreement)."

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    return (f"{span}{basis}: {count(len(changes.sectors), 'sector')}, {count(len(changes.claims), 'claim')}, "
            f"{count(len(changes.disagreements), 'disagreement')}")


def passage_change_note(passage) -> str:
    """The line under a passage that caused a change: counted now, or no longer."""
    return "Counted now (new since that day)" if passage.added else "Counted before, no longer counted"


CHANGED_PASSAGE_NOTE = "A passage behind a change in the Changes list; it is selected."


def last_looked_text(at) -> str:
    """The Changes panel's note on when the user last looked (an aware datetime, or None)."""
    return ("You have not marked this project as looked at yet." if at is None
            else f"Last looked: {at.strftime('%Y-%m-%d %H:%M')} UTC.")


# ----- unexpected errors ---------------------------------------------------------------------------------------

def unexpected_error(kind: str, message: str) -> str:
    """The Problems row for an error in mapview's own code."""
    return f"Unexpected error in mapview: {kind}: {message}" if message else f"Unexpected error in mapview: {kind}"


def unexpected_error_message(kind: str, message: str) -> str:
    """The message box text for an error in mapview's own code."""
    return (f"{unexpected_error(kind, message)}\n\n"
            "The last action may not have finished, so what the window shows may be incomplete. The error is "
            "listed in the Problems panel; the details below help a developer find the cause.")


# ----- problems ------------------------------------------------------------------------------------------------

def problem_row(problem: Problem) -> tuple[str, str, str, str]:
    """(severity, file, location, message) for the problems table, with control and bidi characters escaped."""
    return problem.severity, inert(problem.file), inert(problem.location), inert(problem.message)


def reading_closed_note(source_id: str) -> str:
    """Why an article opened for reading was closed."""
    return f"The article {source_id} is no longer in the project; it was closed."


def mention_note(sectors: list[str], nations: list[str], names: dict[str, str]) -> str:
    """The note above an unclassified mention opened in the Source view."""
    where = ", ".join(names.get(s, s) for s in sectors)
    return (f"Unclassified mention ({', '.join(nations)}; {where}): the extractor proposed no claim from this "
            "sentence. It is selected: read it, and make a claim from it if it says one.")


def proposal_note(heading: str) -> str:
    """The note above a proposal's passage opened in the Source view."""
    return (f"Proposed, not yet a claim: {heading}. Read the sentences around it, then Accept, Reject or Edit… "
            "in the Proposals list.")


def mention_line(mention: dict[str, object], title: str, names: dict[str, str]) -> str:
    """One row of the Proposals panel's unclassified mentions."""
    sectors = ", ".join(names.get(str(s), str(s)) for s in mention.get("sectors", []))
    nations = ", ".join(str(n) for n in mention.get("nations", []))
    return f"{title} — {nations} / {sectors}: “{mention.get('text', '')}”"


def nation_group_line(group) -> str:
    """'Kosovo — 12 claims, 3 independent sources, latest 2026-02-24' (a group of claims by nation); claims at a
    site between two sectors are counted apart ('5 claims (4 at a site between two sectors)')."""
    who = who_text(group.nation)
    latest = f", latest {group.latest.isoformat()}" if group.latest else ", undated"
    claims = f"{len(group.claims)} claim{'s' if len(group.claims) != 1 else ''}"
    sites = sum(1 for claim in group.claims if claim.between)
    if sites:  # told apart: a site between two sectors never counts toward a sector's lead or its sources
        claims += f" ({sites} at a site between two sectors)"
    sources = f"{group.sources} independent source{'s' if group.sources != 1 else ''}"
    return f"{who} — {claims}, {sources}{latest}"


def disagreement_line(disagreement) -> str:
    """'Disagreement: Rank of the ISF commander (001 calls him …)'."""
    note = f" ({datum(disagreement.note)})" if disagreement.note else ""
    return f"Sources disagree on: {datum(disagreement.topic)}{note}"


def no_claim_matches(query: str) -> str:
    """The list's note when the filter hides every claim."""
    return f"No claim matches the filter “{query.strip()}”."


def claims_count_text(heading: str, shown: int, total: int) -> str:
    """'Supporting claims (12)' or, when the filter hides some, 'Supporting claims (3 of 12 match the filter)'."""
    return f"{heading} ({total})" if shown == total else f"{heading} ({shown} of {total} match the filter)"


FILTER_HINT = "Filter: words, or nation:…  source:…  status:…"
CLAIMS_PAGE = 12  # above this many claims, the nation groups of a contested list start collapsed


def claims_page_text(first: int, last: int, total: int) -> str:
    """A page of a long list: 'Claims 201–400 of 6,362'."""
    return f"Claims {first:,}–{last:,} of {total:,}"


def many_sides_text(claims: int) -> str:
    """A disagreement with many claims on its sides, summed up instead of listed."""
    return f"{claims} claims take part; they are listed by nation below."


def history_text(claim: Claim) -> str:
    """'History: created 2026-11-25T01:50:00+00:00; retired 2026-11-25T02:00:00+00:00 (reason)' or ''."""
    if not claim.history:
        return ""
    steps = [f"{h.get('action', '?')} {h.get('at', '')}" + (f" ({h['reason']})" if h.get("reason") else "")
             + (f" ({h['what']})" if h.get("what") else "") + _changes_text(h.get("changes"))
             for h in claim.history]
    return "History: " + "; ".join(steps)


def retired_heading(count: int) -> str:
    """Above the list of retired claims."""
    if not count:
        return "No retired claims. Edit ▸ Retire claim of the open passage… retires one, with a reason."
    return (f"{count} retired claim{'s' if count != 1 else ''}: kept in the claims file, never drawn. Choose one and "
            "Restore to bring it back.")


def retired_line(claim: Claim, names: dict[str, str]) -> str:
    """'kosovo-lead-north-gaza — Kosovo, sector lead, North Gaza — retired 2026-…: superseded by …'."""
    retired = claim.retired if isinstance(claim.retired, dict) else {}
    where = names.get(claim.sector, claim.sector) if claim.sector else "force-wide"
    reason = str(retired.get("reason", "")) or "no reason given"
    return (f"{claim.id} — {who_text(claim.nation)}, {role_label(claim.role)}, {where} — retired "
            f"{retired.get('at', 'at an unknown time')}: {reason}")


def _changes_text(changes: object) -> str:
    """' (note: "old" → "new")' for an edit's recorded changes; '' when it recorded none."""
    if not isinstance(changes, dict) or not changes:
        return ""
    def shown(value: object) -> str:
        if value is None:
            return "none"
        if isinstance(value, dict):
            return "; ".join(f"{k}: {v}" for k, v in value.items())
        return f"“{value}”" if isinstance(value, str) else str(value)
    parts = [f"{key}: {shown(c.get('from'))} → {shown(c.get('to'))}" for key, c in changes.items()
             if isinstance(c, dict)]
    return f" ({'; '.join(parts)})" if parts else ""


def parse_figures(text: str) -> dict[str, object]:
    """'personnel: 8000; bound: up to' typed in a dialog, as a claim's figures (whole numbers become integers)."""
    figures: dict[str, object] = {}
    for part in text.split(";"):
        if ":" not in part:
            continue
        key, value = (x.strip() for x in part.split(":", 1))
        if key and value:
            plain = value.replace(",", "")
            figures[key.replace(" ", "_")] = int(plain) if plain.isdigit() else value
    return figures


def missing_font_text(script: str, articles: list[str]) -> str:
    """The Problems panel's line for a script no installed font shows: which articles it spoils and what to do."""
    shown = ", ".join(articles[:3]) + (f" and {len(articles) - 3} more" if len(articles) > 3 else "")
    what = "1 article" if len(articles) == 1 else f"{len(articles)} articles"
    return (f"no font on this computer shows {script} text: {what} ({shown}) will show empty boxes in the Source "
            f"and evidence views; install a font for it (on Debian or Ubuntu: fonts-noto-core, or fonts-noto-cjk "
            f"for Chinese, Japanese and Korean) and restart mapview. The passages themselves are sound.")
