"""The window's one evented state: project, as-of day, selected sector, emphasised nation, open passage, derived view.

Views take an ``AppState``, read it, and subscribe to its psygnal signals; nobody copies these values into a widget
by hand. Every change goes through one update that first makes the whole state consistent (the view recomputed
for the project and day, a selection or nation that no longer exists dropped, the open passage re-checked against
what is now listed beside it) and only then emits, in a fixed order, one signal per field that changed. So a
subscriber always reads a state in which the open passage belongs to what the panels show: a passage is never left
on screen beside a sector, nation or date it no longer belongs to.

Pure Python (no Qt): the state can be driven and tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from psygnal import Signal

from mapview import wording
from mapview.data.assignments import AssignmentView, SectorView
from mapview.data.claims import Claim, Evidence
from mapview.data.project import Project
from mapview.outline import EvidenceFilter

Origin = Literal["sector", "nation"]
SECTOR: Origin = "sector"
NATION: Origin = "nation"


@dataclass(frozen=True)
class OpenPassage:
    """The passage shown in the Source view, and the list it was opened from (a sector's or a nation's evidence)."""

    evidence: Evidence
    origin: Origin
    context: str  # the sector id or the nation's name whose evidence lists the passage
    note: str = ""  # why the passage was re-pointed (e.g. after a reload); shown above the article


@dataclass(frozen=True)
class ReadingSpan:
    """An article span opened for reading, not as evidence (an unclassified mention): no claim cites it, so no
    sector or nation list holds it, and it stays open until something else is opened or its article is gone."""

    source_id: str
    start: int
    end: int
    note: str


@dataclass(frozen=True)
class ClosedPassage:
    """What the Source view shows once an open passage no longer belongs to what is listed: why it was closed."""

    note: str


def passage_key(evidence: Evidence) -> tuple[str, str]:
    """What identifies a passage across views and reloads: its article and its quoted words."""
    return evidence.source_id, evidence.anchor.exact


def north_to_south(view: AssignmentView) -> list[str]:
    """Sector ids ordered north to south by their label point (the keyboard order)."""
    return [v.sector.id for v in sorted(view.sectors, key=lambda v: -v.sector.label_point[1])]


def passages_in_source(claims: Iterable[Claim], source_id: str) -> list[tuple[int, int]]:
    """Raw (start, end) spans of every found passage of ``source_id`` that backs a claim, in text order."""
    spans = {(e.start, e.end) for c in claims for e in c.evidence if e.source_id == source_id and e.found}
    return sorted(spans)


def with_contradictions(claims: list[Claim], view: AssignmentView) -> list[Claim]:
    """``claims`` and every claim that disagrees with one of them, as the evidence and nations panels list them."""
    listed = {c.id: c for c in claims}
    position = {claim_id: i for i, claim_id in enumerate(listed)}
    # each disagreement once, in the order the claims meet them (a claim's own in the view's order): the same order
    # as asking every claim for its disagreements, without scanning every disagreement's claims once per claim
    touching = []
    for order, disagreement in enumerate(view.disagreements):
        first = min((position[c] for c in disagreement.claim_ids if c in position), default=None)
        if first is not None:
            touching.append((first, order, disagreement))
    for _first, _order, disagreement in sorted(touching, key=lambda t: t[:2]):
        for other in disagreement.claim_ids:
            if other not in listed and other in view.claims_by_id:  # (a sector's own lead dispute: all listed)
                listed[other] = view.claims_by_id[other]
    return list(listed.values())


def sector_claims(view: AssignmentView, sector_id: str | None) -> list[Claim]:
    """Every claim the evidence panel lists for a sector: supporting, contradicting, and broken."""
    sv = view.by_id().get(sector_id) if sector_id else None
    if sv is None:
        return []
    return with_contradictions(sv.claims, view) + sv.broken_claims


def nation_claims(view: AssignmentView, nation: str | None) -> list[Claim]:
    """Every claim the nations panel lists for a nation (``wording.FORCE_NAME`` for the force as a whole)."""
    summary = next((s for s in wording.nation_summaries(view) if s.name == nation), None) if nation else None
    return with_contradictions(summary.claims, view) if summary else []


def _listed_passages(view: AssignmentView, origin: Origin, context: str) -> dict[tuple[str, str], Evidence]:
    """The passages a sector's (or nation's) list holds, by key, the first listed for each key; worked out once per
    view and list (a view never changes once derived), so opening a passage, or keeping it open across a click or
    a day change, does not walk the list again."""
    memo = view.__dict__.setdefault("_listed_passages", {})
    found = memo.get((origin, context))
    if found is None:
        claims = sector_claims(view, context) if origin == SECTOR else nation_claims(view, context)
        found = {}
        for claim in claims:
            for evidence in claim.evidence:
                found.setdefault(passage_key(evidence), evidence)
        if len(memo) > 16:
            memo.clear()
        memo[(origin, context)] = found
    return found


class AppState:
    """One evented state for the window; read its properties, change it through its methods, subscribe to signals.

    Signals (each carries the new value; emitted after the whole state is consistent, in this order):
    ``project_changed`` (a reload), ``view_changed`` (project or as-of day), ``selected_changed``,
    ``emphasised_changed``, ``passage_changed`` (an ``OpenPassage``, a ``ClosedPassage`` saying why the passage
    closed, or None), ``filter_changed`` (the ``EvidenceFilter`` both evidence lists apply).
    """

    project_changed = Signal(object)  # Project
    view_changed = Signal(object)  # AssignmentView
    selected_changed = Signal(object)  # str | None
    emphasised_changed = Signal(object)  # str | None
    passage_changed = Signal(object)  # OpenPassage | ClosedPassage | None
    filter_changed = Signal(object)  # EvidenceFilter

    def __init__(self, project: Project, as_of: date | None = None, include_undated: bool = True) -> None:
        self._project = project
        self._as_of = as_of
        self._include_undated = include_undated
        self._view = project.view(as_of, include_undated=include_undated)
        self._selected: str | None = None
        self._emphasised: str | None = None
        self._passage: OpenPassage | ClosedPassage | None = None
        self._filter = EvidenceFilter()

    # ----- reading -------------------------------------------------------------------------------------------

    @property
    def project(self) -> Project:
        """The loaded project."""
        return self._project

    @property
    def as_of(self) -> date | None:
        """Only sources published on or before this day count (None: all dates)."""
        return self._as_of

    @property
    def include_undated(self) -> bool:
        """Whether undated sources count when a day is set."""
        return self._include_undated

    @property
    def view(self) -> AssignmentView:
        """The derived view for the project and the as-of day."""
        return self._view

    @property
    def selected(self) -> str | None:
        """The selected sector's id, or None."""
        return self._selected

    @property
    def selected_view(self) -> SectorView | None:
        """The selected sector as the view derives it, or None."""
        return self._view.by_id().get(self._selected) if self._selected else None

    @property
    def emphasised(self) -> str | None:
        """The nation chosen in the nations panel (its sectors are outlined), or None."""
        return self._emphasised

    @property
    def emphasised_sectors(self) -> set[str]:
        """The sector ids where the emphasised nation has a role."""
        if self._emphasised is None:
            return set()
        summary = next((s for s in wording.nation_summaries(self._view) if s.name == self._emphasised), None)
        return set(summary.sector_ids) if summary else set()

    @property
    def passage(self) -> OpenPassage | ReadingSpan | ClosedPassage | None:
        """The passage open in the Source view, why it was closed, or None."""
        return self._passage

    @property
    def open_passage(self) -> OpenPassage | None:
        """The open passage, or None (also when it was just closed)."""
        return self._passage if isinstance(self._passage, OpenPassage) else None

    def open_key(self, origin: Origin) -> tuple[str, str] | None:
        """The open passage's key when it was opened from the ``origin`` list (a sector's or a nation's), else None."""
        opened = self.open_passage
        return passage_key(opened.evidence) if opened is not None and opened.origin == origin else None

    @property
    def evidence_filter(self) -> EvidenceFilter:
        """The filter and sort the evidence lists (sector and nation) apply; it hides rows, never changes the map."""
        return self._filter

    # ----- changing ------------------------------------------------------------------------------------------

    def set_project(self, project: Project) -> None:
        """A reloaded project: the view is derived again; selection, nation and passage follow when they still exist."""
        self._update(project=project, reloaded=True)

    def set_as_of(self, as_of: date | None) -> None:
        """Use only sources published on or before ``as_of`` (None: all dates)."""
        self._update(as_of=as_of)

    def select(self, sector_id: str | None) -> None:
        """Select a sector (None, or an id the view does not have, clears the selection)."""
        self._update(selected=sector_id)

    def emphasise(self, nation: str | None) -> None:
        """Choose a nation (None clears)."""
        self._update(emphasised=nation)

    def open(self, evidence: Evidence, origin: Origin) -> None:
        """Open a passage listed in the selected sector's (``SECTOR``) or the chosen nation's (``NATION``) evidence.

        A passage that is not listed there now is refused (nothing changes): the Source view never shows a
        passage beside a list that does not contain it.
        """
        context = self._selected if origin == SECTOR else self._emphasised
        if context is None or self._listed(origin, context, self._view, passage_key(evidence)) is None:
            return
        self._update(passage=OpenPassage(evidence, origin, context))

    def read(self, source_id: str, start: int, end: int, note: str) -> None:
        """Open a span of an article for reading (an unclassified mention), selected, with a note saying why."""
        self._update(passage=ReadingSpan(source_id, start, end, note))

    def set_filter(self, query: str | None = None, sort: str | None = None) -> None:
        """Filter the evidence lists by ``query`` and/or order them by ``sort`` (None keeps the current one)."""
        new = EvidenceFilter(self._filter.query if query is None else query,
                             self._filter.sort if sort is None else sort)
        if new != self._filter:
            self._filter = new
            self.filter_changed.emit(new)

    def close_passage(self) -> None:
        """Close the open passage (the Source view shows its start text)."""
        self._update(passage=None)

    def reset(self) -> None:
        """All dates, no selection, no nation, no passage."""
        self._update(as_of=None, selected=None, emphasised=None, passage=None)

    # ----- the one update ------------------------------------------------------------------------------------

    _UNSET = object()

    def _update(self, *, project: Project | None = None, as_of: object = _UNSET, selected: object = _UNSET,
                emphasised: object = _UNSET, passage: object = _UNSET, reloaded: bool = False) -> None:
        new_project = project if project is not None else self._project
        new_as_of = self._as_of if as_of is AppState._UNSET else as_of
        view = self._view
        if new_project is not self._project or new_as_of != self._as_of:
            view = new_project.view(new_as_of, include_undated=self._include_undated)  # type: ignore[arg-type]
        ids = {v.sector.id for v in view.sectors}
        new_selected = self._selected if selected is AppState._UNSET else selected
        if new_selected not in ids:
            new_selected = None
        new_emphasised = self._emphasised if emphasised is AppState._UNSET else emphasised
        if new_emphasised is not None and new_emphasised not in {s.name for s in wording.nation_summaries(view)}:
            new_emphasised = None
        new_passage = self._passage if passage is AppState._UNSET else passage
        if isinstance(new_passage, OpenPassage):
            new_passage = self._follow(new_passage, view, new_selected, new_emphasised, reloaded)
        elif isinstance(new_passage, ReadingSpan) and new_passage.source_id not in new_project.sources:
            new_passage = ClosedPassage(wording.reading_closed_note(new_passage.source_id))

        project_changed = new_project is not self._project
        view_changed = view is not self._view
        selected_changed = new_selected != self._selected
        emphasised_changed = new_emphasised != self._emphasised
        passage_changed = new_passage != self._passage
        self._project, self._as_of, self._view = new_project, new_as_of, view  # type: ignore[assignment]
        self._selected, self._emphasised, self._passage = new_selected, new_emphasised, new_passage  # type: ignore
        if project_changed:
            self.project_changed.emit(new_project)
        if view_changed:
            self.view_changed.emit(view)
        if selected_changed:
            self.selected_changed.emit(new_selected)
        if emphasised_changed:
            self.emphasised_changed.emit(new_emphasised)
        if passage_changed:
            self.passage_changed.emit(new_passage)

    def _listed(self, origin: Origin, context: str, view: AssignmentView, key: tuple[str, str]) -> Evidence | None:
        return _listed_passages(view, origin, context).get(key)

    def _follow(self, passage: OpenPassage, view: AssignmentView, selected: str | None, emphasised: str | None,
                reloaded: bool) -> OpenPassage | ClosedPassage:
        """The open passage after a change: kept, re-pointed to the new record, or closed with the reason."""
        current = selected if passage.origin == SECTOR else emphasised
        title = wording.source_title(passage.evidence)
        if current != passage.context:
            return ClosedPassage(wording.passage_closed_context(passage.origin, self._context_name(passage)))
        found = self._listed(passage.origin, passage.context, view, passage_key(passage.evidence))
        if found is None:
            if reloaded:
                return ClosedPassage(wording.passage_closed_reload(title, self._context_name(passage)))
            return ClosedPassage(wording.passage_closed_as_of(title, wording.as_of_text(view.as_of,
                                                                                         view.include_undated)))
        if found is passage.evidence:
            return passage
        note = wording.passage_reopened_after_reload(found) if reloaded else passage.note
        return replace(passage, evidence=found, note=note)

    def _context_name(self, passage: OpenPassage) -> str:
        if passage.origin == NATION:
            return passage.context
        sv = self._view.by_id().get(passage.context)
        return sv.sector.name if sv else passage.context
