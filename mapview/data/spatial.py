"""Point-in-sector lookup with a shapely STRtree, for hover and click hit tests in data coordinates."""

from __future__ import annotations

from shapely import STRtree
from shapely.geometry import Point

from mapview.data.sectors import Sector


class SectorIndex:
    """Spatial index over sector polygons: which sector (id) contains a lon/lat point."""

    def __init__(self, sectors: list[Sector]) -> None:
        self._ids = [s.id for s in sectors]
        self._tree = STRtree([s.geometry for s in sectors])

    def sector_at(self, lon: float, lat: float) -> str | None:
        """The id of the sector containing the point, or None (first in file order where sectors overlap)."""
        hits = self._tree.query(Point(lon, lat), predicate="intersects")
        if len(hits) == 0:
            return None
        return self._ids[int(min(hits))]
