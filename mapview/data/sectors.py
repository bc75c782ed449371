"""Sector GeoJSON: load and validate an RFC 7946 FeatureCollection into Sector records.

Every feature that is sound becomes a Sector; every one that is not becomes a Problem naming the file, the
feature and what is wrong. Nothing raises to the caller.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.validation import explain_validity

from mapview.data.problems import Problem

MAX_GEOJSON_BYTES = 50_000_000


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
        if isinstance(stored, list) and len(stored) == 2:
            point = Point(stored)
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


def read_json(path: Path, what: str, max_bytes: int = MAX_GEOJSON_BYTES) -> tuple[object | None, list[Problem]]:
    """Read a JSON file, turning every failure into a Problem."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(shown, "", f"{what} is {size:,} bytes; the limit is {max_bytes:,}")]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown, "", f"{what} is missing")]
    except OSError as exc:
        return None, [Problem(shown, "", f"cannot read {what}: {exc.strerror or exc}")]
    try:
        return json.loads(raw.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, f"byte {exc.start}", f"{what} is not UTF-8 text")]
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, f"line {exc.lineno} column {exc.colno}", f"malformed JSON: {exc.msg}")]
    except RecursionError:
        return None, [Problem(shown, "", f"{what} is nested too deeply to read")]


def _check_coordinates(coords: object, depth: int) -> str | None:
    """Return a reason when the coordinate array is not the nesting and range a polygon needs."""
    if depth == 0:
        if not isinstance(coords, list) or len(coords) < 2:
            return "a position must be [longitude, latitude]"
        lon, lat = coords[0], coords[1]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
            return "a position must hold numbers"
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return "a position holds NaN or infinity"
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return f"position [{lon}, {lat}] is out of range (RFC 7946 wants [longitude, latitude] in WGS84)"
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
    except (ValueError, TypeError, AttributeError) as exc:
        return None, f"geometry cannot be built: {exc}"
    if geom.is_empty:
        return None, "geometry is empty"
    if not geom.is_valid:
        return None, f"invalid polygon: {explain_validity(geom)}"
    if geom.area == 0:
        return None, "polygon has zero area"
    return geom, None


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
    layer.attribution = str(doc.get("attribution", ""))
    layer.note = str(doc.get("note", ""))
    seen: set[str] = set()
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
        seen.add(sector_id)
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
    return layer, problems


def load_sectors(path: Path) -> tuple[SectorLayer, list[Problem]]:
    """Load and validate the sectors file."""
    path = Path(path)
    doc, problems = read_json(path, "sector GeoJSON")
    if doc is None:
        return SectorLayer([], path=str(path)), problems
    return parse_sectors(doc, str(path))


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
        props = feature.get("properties") or {}
        layer.features.append(ContextFeature(str(props.get("name", "")), geom))
    return layer, problems
