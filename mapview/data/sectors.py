"""Sector GeoJSON: load and validate an RFC 7946 FeatureCollection into Sector records.

Every feature that is sound becomes a Sector; every one that is not becomes a Problem naming the file, the
feature and what is wrong. Nothing raises to the caller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from shapely import STRtree
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.validation import explain_validity

from mapview.data.gisread import GEOJSON_SUFFIXES, LayerChoice, layer_credit, needs_gis_reader
from mapview.data.jsonio import read_json
from mapview.data.problems import Problem

MAX_GEOJSON_BYTES = 50_000_000
GEOJSON_ORDER = "RFC 7946 wants [longitude, latitude]"
# Where Gaza would land if a file wrote [latitude, longitude] instead of [longitude, latitude] (with margin).
SWAPPED_GAZA = (31.0, 34.0, 31.8, 34.8)  # min lon, min lat, max lon, max lat
# A sector farther than this from every other sector of its file is almost surely mis-typed.
OUTLIER_KM = 50.0
# Stated area (properties.area_km2) and drawn area may differ by this factor before we warn.
AREA_TOLERANCE = 1.5
KM_PER_DEGREE = 111.32
ATTRIBUTION_UNKNOWN = "Boundaries: attribution unknown"


@dataclass
class Sector:
    """One map sector: stable id, display name, the names news text uses for it, and its polygon."""

    id: str
    name: str
    geometry: Polygon | MultiPolygon
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    attribution: str = ""
    properties: dict = field(default_factory=dict)

    @property
    def label_point(self) -> tuple[float, float]:
        """An interior point (lon, lat) for the label and for hit tests."""
        stored = self.properties.get("label_point")
        if isinstance(stored, list) and len(stored) == 2 and all(_is_number(v) for v in stored):
            point = Point(float(stored[0]), float(stored[1]))
            if self.geometry.contains(point):
                return float(stored[0]), float(stored[1])
        rep = self.geometry.representative_point()
        return rep.x, rep.y


@dataclass
class SectorLayer:
    """The sectors of one file in file order, with the file's attribution and note."""

    sectors: list[Sector]
    attribution: str = ""
    note: str = ""
    path: str = ""

    def by_id(self) -> dict[str, Sector]:
        """Sectors keyed by id."""
        return {s.id: s for s in self.sectors}

    @property
    def credit(self) -> str:
        """The boundaries' credit line as every map and export prints it: the attribution, or a plain statement
        that it is unknown (never nothing, so a missing licence credit shows)."""
        return self.attribution.strip() or ATTRIBUTION_UNKNOWN


def _is_number(value: object) -> bool:
    """True for a JSON number that fits a float (bools and huge integers are not coordinates)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        float(value)
    except OverflowError:
        return False
    return True


def _check_coordinates(coords: object, depth: int) -> str | None:
    """Return a reason when the coordinate array is not the nesting and range a polygon needs."""
    if depth == 0:
        if not isinstance(coords, list) or len(coords) < 2:
            return "a position must be [longitude, latitude]"
        lon, lat = coords[0], coords[1]
        if not all(_is_number(v) for v in (lon, lat)):
            return "a position must hold numbers"
        if not all(_is_number(v) for v in coords[2:]):
            return "a position's extra values (elevation) must be numbers"
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return "a position holds NaN or infinity"
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return f"position [{lon}, {lat}] is out of range ({GEOJSON_ORDER} in WGS84)"
        return None
    if not isinstance(coords, list):
        return "coordinates are not nested arrays of the right depth"
    for item in coords:
        reason = _check_coordinates(item, depth - 1)
        if reason:
            return reason
    return None


def _feature_geometry(feature: dict) -> tuple[Polygon | MultiPolygon | None, str | None]:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        return None, "feature has no geometry"
    kind = geometry.get("type")
    depth = {"Polygon": 2, "MultiPolygon": 3}.get(kind)
    if depth is None:
        return None, f"geometry type {kind!r} cannot be a sector (Polygon or MultiPolygon expected)"
    reason = _check_coordinates(geometry.get("coordinates"), depth)
    if reason:
        return None, reason
    try:
        geom = shape(geometry)
        if geom.is_empty:
            return None, "geometry is empty"
        if not geom.is_valid:
            return None, f"invalid polygon: {explain_validity(geom)}"
        if geom.area == 0:
            return None, "polygon has zero area"
    except (ValueError, TypeError, AttributeError, IndexError, ShapelyError) as exc:
        return None, f"geometry cannot be built: {exc}"
    return geom, None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _string_list(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    return ()


def parse_sectors(doc: object, shown: str) -> tuple[SectorLayer, list[Problem]]:
    """Validate a parsed GeoJSON document and build the sector layer from its sound features."""
    problems: list[Problem] = []
    layer = SectorLayer([], path=shown)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        kind = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
        return layer, [Problem(shown, "", f"expected a GeoJSON FeatureCollection, found {kind!r}")]
    if "crs" in doc:
        problems.append(Problem(shown, "crs", "the 'crs' member is not part of RFC 7946; coordinates are read "
                                "as WGS84 longitude/latitude", "warning"))
    features = doc.get("features")
    if not isinstance(features, list):
        return layer, problems + [Problem(shown, "features", "'features' must be a list")]
    # the file's own credit line, else the one its features carry (a layer saved by a tool that drops top-level
    # members keeps it per feature)
    feature_credit, feature_note = layer_credit({}, [f for f in features if isinstance(f, dict)])
    layer.attribution = _text(doc.get("attribution")) or feature_credit
    layer.note = _text(doc.get("note")) or feature_note
    seen: set[str] = set()
    places: dict[str, str] = {}
    for i, feature in enumerate(features):
        where = f"features[{i}]"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(Problem(shown, where, "not a GeoJSON Feature"))
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        sector_id = props.get("id", feature.get("id"))
        if not isinstance(sector_id, str) or not sector_id.strip():
            problems.append(Problem(shown, where, "feature has no sector id (properties.id or id)"))
            continue
        where = f"{where} ({sector_id})"
        if sector_id in seen:
            problems.append(Problem(shown, where, f"duplicate sector id {sector_id!r}; only the first is used"))
            continue
        geom, reason = _feature_geometry(feature)
        if geom is None:
            problems.append(Problem(shown, where, reason or "bad geometry"))
            continue
        if _inside(geom, SWAPPED_GAZA):
            problems.append(Problem(shown, where, "coordinates lie where Gaza would be with latitude and longitude "
                                    f"swapped (in the sea west of Cyprus); {GEOJSON_ORDER}"))
            continue
        seen.add(sector_id)
        places[sector_id] = where
        name = props.get("name") if isinstance(props.get("name"), str) else sector_id
        layer.sectors.append(Sector(
            id=sector_id,
            name=name,
            geometry=geom,
            aliases=_string_list(props.get("aliases")),
            places=_string_list(props.get("places")),
            attribution=str(props.get("attribution", layer.attribution)),
            properties=props,
        ))
    if not layer.sectors:
        problems.append(Problem(shown, "", "no usable sector in the file"))
    problems.extend(_plausibility(layer.sectors, places, shown))
    return layer, problems


def _inside(geom: Polygon | MultiPolygon, box: tuple[float, float, float, float]) -> bool:
    min_x, min_y, max_x, max_y = geom.bounds
    return box[0] <= min_x and box[1] <= min_y and max_x <= box[2] and max_y <= box[3]


def _approx_km2(geom: Polygon | MultiPolygon) -> float:
    """Area in km² on a local equirectangular approximation (plenty for a factor-of-1.5 sanity check)."""
    lat = geom.centroid.y
    return geom.area * KM_PER_DEGREE**2 * math.cos(math.radians(lat))


OVERLAP_SHARE = 0.01  # overlap beyond 1 % of the smaller sector: more than digitising noise


def _plausibility(sectors: list[Sector], places: dict[str, str], shown: str) -> list[Problem]:
    """Warnings for sectors that lie implausibly far from the others or disagree with their stated area."""
    problems: list[Problem] = []
    tree = STRtree([s.geometry for s in sectors])
    for index, sector in enumerate(sectors):
        where = places.get(sector.id, sector.id)
        touching = [int(j) for j in tree.query(sector.geometry, predicate="intersects") if int(j) != index]
        if len(sectors) > 1 and not touching:
            # nearest other sector only: a "within 50 km" query returns every sector of a dense layer (O(n²)).
            # A sector touching another is 0 km from it: the exact distance between detailed outlines (most of a
            # load's time) is computed only for a sector that touches none.
            _, distances = tree.query_nearest(sector.geometry, exclusive=True, return_distance=True,
                                              all_matches=False)
            km = float(distances[0]) * KM_PER_DEGREE if len(distances) else float("inf")
            if km > OUTLIER_KM:
                problems.append(Problem(shown, where, f"sector lies about {km:,.0f} km from the nearest other "
                                        "sector; check its coordinates (order is [longitude, latitude])", "warning"))
        if len(sectors) > 1:
            # two sectors covering the same ground: a click there could name either lead
            for j in touching:
                other = sectors[j]
                if other.id <= sector.id:
                    continue
                shared = sector.geometry.intersection(other.geometry).area
                if shared > OVERLAP_SHARE * min(sector.geometry.area, other.geometry.area):
                    problems.append(Problem(shown, where, f"sector overlaps {other.id!r} over about "
                                            f"{shared * KM_PER_DEGREE ** 2:,.1f} km²; sectors should only touch",
                                            "warning"))
        stated = sector.properties.get("area_km2")
        if _is_number(stated) and stated > 0:
            drawn = _approx_km2(sector.geometry)
            if not (stated / AREA_TOLERANCE <= drawn <= stated * AREA_TOLERANCE):
                problems.append(Problem(shown, where, f"polygon covers about {drawn:,.1f} km² but area_km2 says "
                                        f"{stated:,.1f} km²; check its coordinates", "warning"))
    return problems


def _in_the_files_terms(problem: Problem, path: Path) -> Problem:
    """A coordinate problem found in a GIS file worded for that file, not for GeoJSON (whose RFC it never read)."""
    if GEOJSON_ORDER not in problem.message:
        return problem
    kml = path.suffix.lower() in (".kml", ".kmz")
    order = ("KML writes each point as longitude,latitude[,altitude] in WGS 84" if kml else
             "the layer, reprojected to WGS 84, must give longitude then latitude; check its CRS")
    return Problem(problem.file, problem.location, problem.message.replace(GEOJSON_ORDER, order), problem.severity)


def load_sectors(path: Path, choice: LayerChoice | None = None) -> tuple[SectorLayer, list[Problem]]:
    """Load and validate the sectors file: WGS 84 GeoJSON directly, any other GIS file through geopandas.

    The boundaries' credit line (attribution) and note travel from whichever place the file keeps them; the
    user's ``choice.attribution`` wins. A file with no credit at all gets a warning: its boundaries' licence
    (CC BY for geoBoundaries) cannot be honoured, and every export says "attribution unknown".
    """
    path = Path(path)
    choice = choice or LayerChoice()
    doc: object | None = None
    problems: list[Problem] = []
    if path.suffix.lower() in GEOJSON_SUFFIXES:
        doc, problems = read_json(path, "sector GeoJSON", MAX_GEOJSON_BYTES)
        if doc is None:
            return SectorLayer([], path=str(path)), problems
    if needs_gis_reader(path, doc):
        from mapview.data.gisread import read_gis_sectors

        top = doc if isinstance(doc, dict) else {}
        doc, problems = read_gis_sectors(path, choice)
        if doc is None:
            return SectorLayer([], path=str(path)), problems
        for key in ("attribution", "note"):  # a projected GeoJSON's top-level members, lost by GDAL
            if _text(top.get(key)):
                doc[key] = top[key]
    layer, more = parse_sectors(doc, str(path))
    problems = problems + ([_in_the_files_terms(p, path) for p in more] if needs_gis_reader(path, doc)
                           else more)
    if choice.attribution and choice.attribution.strip():
        layer.attribution = choice.attribution.strip()
    if layer.sectors and not layer.attribution:
        problems.append(Problem(str(path), "attribution", "the sectors file names no attribution for its boundaries "
                                "(their licence may require one, e.g. CC BY 4.0); maps and exports will say "
                                "'attribution unknown'. Give it with --sectors-attribution or an 'attribution' "
                                "member or field", "warning"))
    return layer, problems


@dataclass
class ContextFeature:
    """A background land polygon (quiet context only)."""

    name: str
    geometry: Polygon | MultiPolygon


@dataclass
class ContextLayer:
    """Background land with its credit line."""

    features: list[ContextFeature]
    attribution: str = ""


def load_context(path: Path) -> tuple[ContextLayer, list[Problem]]:
    """Load the background layer; failures are warnings since the map works without it."""
    path = Path(path)
    doc, problems = read_json(path, "context GeoJSON")
    problems = [Problem(p.file, p.location, p.message, "warning") for p in problems]
    layer = ContextLayer([])
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        if doc is not None:
            problems.append(Problem(str(path), "", "context layer is not a FeatureCollection", "warning"))
        return layer, problems
    layer.attribution = str(doc.get("attribution", ""))
    for i, feature in enumerate(doc["features"]):
        geom, reason = _feature_geometry(feature) if isinstance(feature, dict) else (None, "not a Feature")
        if geom is None:
            problems.append(Problem(str(path), f"features[{i}]", reason or "bad geometry", "warning"))
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        layer.features.append(ContextFeature(str(props.get("name", "")), geom))
    return layer, problems
