"""Load a whole project (sectors, context, sources, claims) in one call, collecting every problem."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from mapview.data.areas import check_areas
from mapview.data.assignments import AssignmentView, derive
from mapview.data.claims import ClaimSet, load_claims
from mapview.data.gisread import LayerChoice
from mapview.data.paths import default_paths
from mapview.data.problems import Problem
from mapview.data.sectors import ContextLayer, SectorLayer, load_context, load_sectors
from mapview.data.sources import Source, load_sources


@dataclass
class ProjectPaths:
    """Where a project's files are; any of them can be replaced by the user's own."""

    sectors: Path
    claims: Path
    seeds: Path
    context: Path
    sectors_choice: LayerChoice | None = None  # layer and id/name fields of a GIS sectors file

    @classmethod
    def defaults(cls, sectors: Path | None = None, claims: Path | None = None, seeds: Path | None = None,
                 context: Path | None = None, sectors_choice: LayerChoice | None = None) -> ProjectPaths:
        """The project's default paths, with any given ones put in their place."""
        base = default_paths()
        return cls(Path(sectors or base["sectors"]), Path(claims or base["claims"]),
                   Path(seeds or base["seeds"]), Path(context or base["context"]), sectors_choice)


@dataclass
class Project:
    """Everything loaded, and every problem met while loading it."""

    paths: ProjectPaths
    sectors: SectorLayer
    context: ContextLayer
    sources: dict[str, Source]
    claims: ClaimSet
    problems: list[Problem] = field(default_factory=list)
    _views: dict = field(default_factory=dict, repr=False, compare=False)

    VIEWS_KEPT: ClassVar[int] = 4

    def view(self, as_of: date | None = None, include_undated: bool = True) -> AssignmentView:
        """The derived per-sector view, optionally as of a day; the last few are kept (a view is never changed
        once derived), so going back to a day shows the same view, and the panels' lists built for it."""
        key = (as_of, include_undated, id(self.sectors.sectors), id(self.claims))
        view = self._views.pop(key, None)
        if view is None:
            view = derive(self.sectors.sectors, self.claims, as_of, include_undated)
        self._views[key] = view
        while len(self._views) > self.VIEWS_KEPT:
            self._views.pop(next(iter(self._views)))
        return view

    @property
    def passages(self) -> int:
        """How many evidence passages the claims file holds."""
        return sum(len(c.evidence) for c in self.claims.claims)

    @property
    def verified_passages(self) -> int:
        """How many passages were re-found in their articles."""
        return sum(e.found for c in self.claims.claims for e in c.evidence)

    @property
    def broken_claims(self) -> int:
        """How many claims failed verification."""
        return sum(c.broken for c in self.claims.claims)

    def summary(self) -> str:
        """One line: claims, verified passages, broken ones."""
        broken_passages = self.passages - self.verified_passages

        def count(n: int, what: str) -> str:
            return f"{n} {what}{'' if n == 1 else 's'}"
        # passages and claims counted apart: a claim breaks for other reasons too (an unknown sector)
        return (f"{len(self.claims.claims)} claims, {self.verified_passages} passages verified, "
                f"{count(broken_passages, 'broken passage')}; {count(self.broken_claims, 'broken claim')}, "
                f"{count(len(self.problems), 'problem')}")


TEMP_LEFTOVER = ".*.tmp"  # what atomic_write leaves when a process is killed between writing and renaming


def leftovers(paths: ProjectPaths) -> list[Path]:
    """Temp files an interrupted write left in the seeds, originals and claims folders."""
    folders = {Path(paths.seeds), Path(paths.seeds) / "originals", Path(paths.claims).parent}
    return sorted(f for folder in folders if folder.is_dir() for f in folder.glob(TEMP_LEFTOVER) if f.is_file())


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Keep the cycle collector off while a load allocates its records (restored after, as it was).

    A load creates hundreds of thousands of objects that all stay alive; left on, the collector walks the growing
    heap again and again (half the load time at 50,000 claims, and more than linear in the data). Nothing a load
    allocates is garbage until the project is dropped, so pausing it frees nothing later than it would have been.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count():  # the running window keeps long-lived objects frozen (procstats.settle_heap):
            gc.freeze()  # so are the loaded records, instead of being walked by the next few collections
        if was_enabled:
            gc.enable()


def load_project(paths: ProjectPaths | None = None) -> Project:
    """Load sectors, context, sources and claims; nothing raises, every problem is collected."""
    with cycle_collector_paused():
        return _load_project(paths or ProjectPaths.defaults())


def _load_project(paths: ProjectPaths) -> Project:
    sectors, problems = load_sectors(paths.sectors, paths.sectors_choice)
    context, context_problems = load_context(paths.context)
    sources, source_problems = load_sources(paths.seeds)
    claims, claim_problems = load_claims(paths.claims, {s.id for s in sectors.sectors}, sources)
    claim_problems += check_areas(claims, sectors.sectors)
    problems = problems + context_problems + source_problems + claim_problems
    problems += [Problem(str(f), "", "leftover of an interrupted write (a killed ingest or export?); "
                         "`verify --repair` removes it", "warning") for f in leftovers(paths)]
    return Project(paths, sectors, context, sources, claims, problems)
