"""One site between two sectors: a claim whose ``area`` names two sectors that share an edge.

Such a claim places a nation at a site on the line between two sectors ("a base between Rafah and Khan Yunis"),
not in either sector: it is listed with both sectors and drawn on their shared edge, and it never colours a
sector (a colour must come from a passage placing the nation in that sector).
"""

from __future__ import annotations

from shapely import line_merge, union_all
from shapely.geometry.base import BaseGeometry

from mapview.data.claims import ClaimSet
from mapview.data.problems import Problem
from mapview.data.sectors import Sector


def shared_edge(a: Sector, b: Sector) -> BaseGeometry | None:
    """The boundary two sectors share, merged into as few lines as it allows; None when they only touch at a point
    or not at all."""
    edge = a.geometry.boundary.intersection(b.geometry.boundary)
    if edge.is_empty or edge.length == 0:
        return None
    if edge.geom_type == "GeometryCollection":  # points beside lines where outlines brush: keep the lines
        edge = union_all([g for g in edge.geoms if g.length > 0])
    return line_merge(edge) if edge.geom_type == "MultiLineString" else edge


def check_areas(claim_set: ClaimSet, sectors: list[Sector]) -> list[Problem]:
    """Warn of each claim whose ``area`` names two sectors that share no edge in this sectors layer; the problems.

    The claim stays sound (it says what its passages say, and is listed with both sectors); only its mark cannot
    be drawn, and the fault may lie in the layer (a sector moved or drawn apart), so this is a warning.
    """
    by_id = {s.id: s for s in sectors}
    problems = []
    for claim in claim_set.claims:
        if len(claim.area) != 2 or any(a not in by_id for a in claim.area):
            continue  # shape and names were checked on load
        first, second = (by_id[a] for a in claim.area)
        if shared_edge(first, second) is None:
            problems.append(Problem(claim_set.path, f"claim {claim.id}",
                                    f"area: {first.name} and {second.name} share no edge in this sectors layer, so "
                                    "the site between them is listed with both sectors but not drawn",
                                    severity="warning"))
    return problems
