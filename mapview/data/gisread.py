"""Sector layers in any GIS format (GeoPackage, Shapefile, KML/KMZ, GeoJSON in any CRS), read with geopandas
(pyogrio) and reprojected to WGS 84, then validated like the project's own GeoJSON.

geopandas is imported here only, and this module only when a sectors file is not plain WGS 84 GeoJSON, so the
default start-up never pays for it.
"""

from __future__ import annotations

import json
import os
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mapview.data.fileread import FileReadError, check_regular, shown_path
from mapview.data.problems import Problem

GEOJSON_SUFFIXES = frozenset({".geojson", ".json"})
GIS_SUFFIXES = frozenset({".gpkg", ".shp", ".kml", ".kmz", ".zip", ".fgb", ".gml", ".sqlite"})
_WGS84_NAMES = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
                "EPSG:4326", "CRS84")


@dataclass(frozen=True)
class LayerChoice:
    """Which layer of a multi-layer file, which fields hold the sector id and name (None: guess), and the credit
    line for the boundaries when the user gives it (``--sectors-attribution``; it wins over the file's own)."""

    layer: str | None = None
    id_field: str | None = None
    name_field: str | None = None
    attribution: str | None = None


# Where a GIS file keeps the boundaries' credit line and the note on how the sector lines were drawn: dataset or
# layer metadata (a GeoPackage's gpkg_metadata), else a field on the features. "attributio" is "attribution" cut
# to a Shapefile's 10 characters; "credit" is the name mapview's own GIS exports use.
ATTRIBUTION_KEYS = ("attribution", "credit", "attributio", "license_attribution")
NOTE_KEYS = ("note", "sector_note")


def needs_gis_reader(path: Path, doc: object | None = None) -> bool:
    """True when ``path`` is not GeoJSON, or is GeoJSON whose ``crs`` member names something other than WGS 84."""
    if Path(path).suffix.lower() not in GEOJSON_SUFFIXES:
        return True
    if isinstance(doc, dict) and isinstance(doc.get("crs"), dict):
        name = str((doc["crs"].get("properties") or {}).get("name", ""))
        if any(name.upper() == n.upper() for n in _WGS84_NAMES):
            return False
        # A crs member naming a projected system over coordinates that are plainly degrees is stale: such a file
        # is read as RFC 7946 says (WGS 84, with a warning); real projected coordinates are reprojected.
        return not _looks_like_degrees(doc)
    return False


def _looks_like_degrees(doc: dict) -> bool:
    def numbers(value: object):
        if isinstance(value, int | float):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from numbers(item)

    features = doc.get("features") if isinstance(doc.get("features"), list) else []
    values = [v for f in features[:50] if isinstance(f, dict) and isinstance(f.get("geometry"), dict)
              for v in numbers(f["geometry"].get("coordinates"))]
    return bool(values) and all(-180 <= v <= 180 for v in values)


def _plain(value: object) -> object:
    """JSON for attribute values GDAL hands back as arrays or other objects (lists in GeoJSON properties)."""
    return value.tolist() if hasattr(value, "tolist") else str(value)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def _source_for(path: Path) -> str:
    """What to hand GDAL: a KMZ is a zip holding a KML."""
    if path.suffix.lower() != ".kmz":
        return str(path)
    with zipfile.ZipFile(path) as archive:
        inner = next((n for n in archive.namelist() if n.lower().endswith(".kml")), None)
    if inner is None:
        raise ValueError("the KMZ file holds no .kml document")
    return f"/vsizip/{path}/{inner}"


# files GDAL opens beside a layer file by itself (a Shapefile's attributes, CRS, encoding, index; a QGIS style)
SIDE_SUFFIXES = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qml")


def side_files_problem(path: Path) -> Problem | None:
    """A Problem when the layer file or a file GDAL would open beside it is not a regular file (a FIFO would
    block GDAL for ever, a link to /dev/zero never end), or when a Shapefile lacks its .dbf or .shx."""
    path = Path(path)
    shown = shown_path(path)
    try:
        check_regular(path, "the layer file")
        for suffix in SIDE_SUFFIXES:
            for side in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
                if os.path.lexists(side):
                    check_regular(side, f"the side file {side.name}")
    except FileReadError as exc:
        return Problem(shown, "", exc.reason)
    if path.suffix.lower() == ".shp":
        for needed, holds in ((".dbf", "its attributes (sector ids and names)"), (".shx", "its shape index")):
            if not any(path.with_suffix(s).exists() for s in (needed, needed.upper())):
                return Problem(shown, "", f"the Shapefile has no {path.with_suffix(needed).name} beside it, which "
                               f"holds {holds}; copy all the Shapefile's files (.shp, .shx, .dbf, .prj) together")
    return None


def _spatial_layers(listed) -> list[str]:
    """The layers that have geometry: a GeoPackage's ``layer_styles`` (QGIS's and mapview's saved styles) and other
    attribute tables are not sector layers to choose between."""
    return [str(name) for name, geometry_type in listed if geometry_type is not None]


def read_gis_sectors(path: Path, choice: LayerChoice = LayerChoice()) -> tuple[dict | None, list[Problem]]:
    """The file as a WGS 84 GeoJSON FeatureCollection with ``id`` and ``name`` properties, or None with problems."""
    path = Path(path)
    shown = str(path)
    if (refused := side_files_problem(path)) is not None:
        return None, [refused]
    with warnings.catch_warnings(record=True) as caught:  # GDAL's notes become Problems, not stderr lines
        warnings.simplefilter("always")
        doc, problems = _read_gis_sectors(path, shown, choice)
    said = list(dict.fromkeys(str(w.message) for w in caught))
    notes = [Problem(shown, "", f"note from the GIS reader (GDAL): {message}", "warning") for message in said]
    return doc, problems + notes


def _read_gis_sectors(path: Path, shown: str, choice: LayerChoice) -> tuple[dict | None, list[Problem]]:
    import geopandas
    import pyogrio

    try:
        source = _source_for(path)
        layers = _spatial_layers(pyogrio.list_layers(source))
    except Exception as exc:  # GDAL's errors come in many classes; all mean "cannot read this file"
        return None, [Problem(shown, "", f"cannot read as a GIS file: {exc}")]
    layer = choice.layer
    if layer is None and len(layers) > 1:
        return None, [Problem(shown, "", f"the file has {len(layers)} layers ({', '.join(layers)}); choose one "
                              "with --sectors-layer")]
    if layer is not None and layer not in layers:
        return None, [Problem(shown, "", f"no layer {layer!r} (layers: {', '.join(layers)})")]
    try:
        frame = geopandas.read_file(source, layer=layer or (layers[0] if layers else None), engine="pyogrio")
    except Exception as exc:
        return None, [Problem(shown, "", f"cannot read as a GIS file: {exc}")]
    problems: list[Problem] = []
    if frame.crs is None:
        minx, miny, maxx, maxy = frame.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            return None, [Problem(shown, "crs", "the file has no coordinate reference system and its coordinates "
                                  f"({minx:.0f}, {miny:.0f} … {maxx:.0f}, {maxy:.0f}) are not longitude/latitude; "
                                  "save it with its CRS (e.g. a .prj beside a Shapefile)")]
        problems.append(Problem(shown, "crs", "the file names no coordinate reference system; its coordinates are "
                                "read as WGS 84 longitude/latitude", "warning"))
    elif not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    columns = [c for c in frame.columns if c != frame.geometry.name]
    # KML's "id" is the element id GDAL makes up ("sectors.1"): there the name, slugged, is the sector id
    kml = path.suffix.lower() in (".kml", ".kmz")
    id_field = choice.id_field or (None if kml else next((c for c in ("id", "ID", "sector_id", "code")
                                                          if c in columns), None))
    name_field = choice.name_field or next((c for c in ("name", "Name", "NAME", "title") if c in columns), None)
    for wanted, label in ((choice.id_field, "--sectors-id-field"), (choice.name_field, "--sectors-name-field")):
        if wanted is not None and wanted not in columns:
            return None, [Problem(shown, "", f"{label} {wanted!r} is not a field (fields: {', '.join(columns)})")]
    if id_field is None and name_field is None:
        return None, [Problem(shown, "", f"no id or name field found (fields: {', '.join(columns)}); choose them "
                              "with --sectors-id-field and --sectors-name-field")]
    try:
        doc = json.loads(frame.to_json(na="null", drop_id=True, default=_plain))
    except (TypeError, ValueError) as exc:
        return None, [Problem(shown, "", f"cannot convert the layer's attributes: {exc}")]
    try:
        info = pyogrio.read_info(source, layer=layer or (layers[0] if layers else None))
    except Exception:  # the features were read; metadata is a bonus
        info = {}
    doc["attribution"], doc["note"] = layer_credit(info, doc["features"])
    for feature in doc["features"]:
        props = feature.get("properties") or {}
        name = props.get(name_field) if name_field else None
        sector_id = props.get(id_field) if id_field else None
        props["id"] = str(sector_id) if sector_id not in (None, "") else _slug(str(name or ""))
        props["name"] = str(name) if name not in (None, "") else props["id"]
        for key in ("aliases", "places"):  # lists written by our own export come back as JSON text
            if isinstance(props.get(key), str) and props[key].startswith("["):
                try:
                    props[key] = json.loads(props[key])
                except ValueError:
                    props.pop(key)
        feature["properties"] = props
    return doc, problems


def _pick(metadata: list[dict | None], features: list[dict], keys: tuple[str, ...]) -> str:
    """The first value under one of ``keys`` (any case) in the metadata, else the most common one on the features."""
    for block in metadata:
        folded = {str(k).lower(): v for k, v in block.items()} if isinstance(block, dict) else {}
        for key in keys:
            value = folded.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    counts: dict[str, int] = {}
    for feature in features:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):  # a damaged feature: parse_sectors reports it
            continue
        folded = {str(k).lower(): v for k, v in props.items()}
        value = next((folded[k] for k in keys if isinstance(folded.get(k), str) and folded[k].strip()), None)
        if value is not None:
            counts[value.strip()] = counts.get(value.strip(), 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else ""


def layer_credit(info: dict, features: list[dict]) -> tuple[str, str]:
    """(attribution, note) of a GIS layer from pyogrio's ``read_info`` metadata or its features' fields."""
    metadata = [info.get("layer_metadata"), info.get("dataset_metadata")]
    return _pick(metadata, features, ATTRIBUTION_KEYS), _pick(metadata, features, NOTE_KEYS)


@dataclass(frozen=True)
class LayerOptions:
    """What a GIS file offers for a choice: its layers, the chosen layer's fields, and the guesses for id and name."""

    layers: tuple[str, ...]
    fields: tuple[str, ...]
    id_guess: str | None
    name_guess: str | None


def layer_options(path: Path, layer: str | None = None) -> LayerOptions:
    """The layers of a GIS file and the fields of ``layer`` (the first when None); OSError/ValueError when the
    file cannot be read. Reads only the file's header (pyogrio's layer list and field info), not its features."""
    import pyogrio

    if (refused := side_files_problem(Path(path))) is not None:
        raise ValueError(f"cannot read {path} as a GIS file: {refused.message}")
    try:
        with warnings.catch_warnings():  # reading the header only; the layer's own read reports GDAL's notes
            warnings.simplefilter("ignore")
            source = _source_for(Path(path))
            layers = tuple(_spatial_layers(pyogrio.list_layers(source)))
            chosen = layer or (layers[0] if layers else None)
            fields = tuple(str(f) for f in pyogrio.read_info(source, layer=chosen)["fields"]) if chosen else ()
    except Exception as exc:  # GDAL's errors come in many classes; all mean "cannot read this file"
        raise ValueError(f"cannot read {path} as a GIS file: {exc}") from None
    kml = Path(path).suffix.lower() in (".kml", ".kmz")
    id_guess = None if kml else next((c for c in ("id", "ID", "sector_id", "code") if c in fields), None)
    name_guess = next((c for c in ("name", "Name", "NAME", "title") if c in fields), None)
    return LayerOptions(layers, fields, id_guess, name_guess)


def choice_needed(path: Path, choice: LayerChoice | None) -> bool:
    """Whether reading ``path`` needs the user to choose: several layers and none chosen, or no id or name field
    that can be guessed. False for plain GeoJSON and for files that cannot be read (the loader reports those)."""
    if not needs_gis_reader(path) or not Path(path).exists():
        return False
    choice = choice or LayerChoice()
    try:
        options = layer_options(path, choice.layer)
    except ValueError:
        return False
    if choice.layer is None and len(options.layers) > 1:
        return True
    return (choice.id_field or options.id_guess) is None and (choice.name_field or options.name_guess) is None
