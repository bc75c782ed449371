"""Rebuild ``geodata/sectors.geojson`` and ``geodata/context.geojson`` from ``geodata/sources/``.

Run ``python -m mapview.geodata.build`` to write the files, ``--check`` to verify the committed ones.
This is a build tool: geopandas/pyproj are imported only inside the functions that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from shapely.geometry import Polygon, shape

from mapview.geodata.topojson import Ring, decode_polygon_ring, load_arcs

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GEODATA_DIR = PROJECT_ROOT / "geodata"
SOURCES_DIR = GEODATA_DIR / "sources"
REFERENCE_FILE = "gaza_governorates_geoboundaries.geojson"
CONTEXT_SOURCE_FILE = "context_naturalearth.geojson"
SECTORS_FILE = "sectors.geojson"
CONTEXT_FILE = "context.geojson"

ATTRIBUTION = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
NE_ATTRIBUTION = "Made with Natural Earth."
SECTORS_NAME = "ISF sectors (Gaza governorates)"
SECTORS_NOTE = "Sector lines follow governorate boundaries because the ISF's own sector lines are not published."
CONTEXT_NOTE = "Coarse 1:10m background; not used for sectors."
UTM_36N = "EPSG:32636"
#: Polygons closer than this (degrees, ~1 m) count as neighbours in the topology report.
NEIGHBOUR_TOLERANCE_DEG = 1e-5


class ProvenanceError(RuntimeError):
    """The decoded arcs do not reproduce the provenance GeoJSON."""


@dataclass(frozen=True)
class SectorSpec:
    """One sector: our id and display name, the upstream governorate and its TopoJSON arcs."""

    id: str
    name: str
    upstream_name: str
    arcs: tuple[int, ...]
    aliases: tuple[str, ...]
    places: tuple[str, ...]


#: Sectors in north-to-south order (the order of the output features).
SECTORS: tuple[SectorSpec, ...] = (
    SectorSpec(
        "north-gaza", "North Gaza", "North Gaza", (8, 9, 10),
        ("North Gaza", "Northern Gaza", "northern Gaza Strip", "the northern sector", "northern sector",
         "Gaza North", "Kuzey Gazze", "Gaza Utara", "Gaza Veriore", "شمال غزة"),
        ("Jabalia", "Jabaliya", "Beit Lahia", "Beit Hanoun"),
    ),
    SectorSpec(
        # No plain "Gaza" alias: in news text it means the whole Strip.
        "gaza-city", "Gaza City", "Gaza", (-10, 26, 27, 28),
        ("Gaza City", "Gaza Governorate", "Gaza governorate", "Gazze Şehri", "Kota Gaza", "Qyteti i Gazës",
         "مدينة غزة"),
        ("Shati", "Al-Shati", "Beach camp", "Shujaiya", "Rimal", "Zeitoun", "Tel al-Hawa"),
    ),
    SectorSpec(
        "deir-al-balah", "Deir al-Balah", "Deir Al Balah", (-28, 38, -31, 39),
        ("Deir al-Balah", "Deir el-Balah", "Deir al Balah", "Deir Al Balah", "Dayr al-Balah", "Deir Balah",
         "central Gaza", "Deyr el-Belah", "Dejr el-Balah", "Deir al-Balah", "دير البلح"),
        ("Nuseirat", "Bureij", "Maghazi", "Zawaida"),
    ),
    SectorSpec(
        "khan-yunis", "Khan Yunis", "Khan Yunis", (-6, -8, 29, 30, 31),
        ("Khan Yunis", "Khan Younis", "Khan Younes", "Khan Yunus", "Han Yunus", "خان يونس"),
        ("Bani Suheila", "Abasan", "Khuza'a", "al-Mawasi", "Mawasi"),
    ),
    SectorSpec(
        "rafah", "Rafah", "Rafah", (5, 6, 7),
        ("Rafah", "Rafah governorate", "Refah", "رفح"),
        ("Tal as-Sultan", "Shaboura", "Rafah crossing"),
    ),
)


@dataclass(frozen=True)
class PairTopology:
    """How two neighbouring sectors meet (lengths and areas measured in UTM zone 36N)."""

    a: str
    b: str
    shared_border_km: float
    overlap_m2: float
    gap_m2: float


@dataclass(frozen=True)
class TopologyReport:
    """Neighbour pairs plus the shape of the union of all sectors."""

    pairs: tuple[PairTopology, ...]
    union_parts: int
    union_holes: int
    union_hole_area_m2: float
    total_area_km2: float

    @property
    def single_polygon_without_holes(self) -> bool:
        """True when the sectors tile one polygon with no interior gaps."""
        return self.union_parts == 1 and self.union_holes == 0


def _dedupe(items: Sequence[str]) -> list[str]:
    """Drop repeated strings, keeping first occurrences in order."""
    return list(dict.fromkeys(items))


def _read_json(path: Path) -> dict[str, Any]:
    """Load a UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def decode_sources(sources_dir: Path = SOURCES_DIR) -> dict[str, Ring]:
    """Decode ``raw/`` into one rounded, counter-clockwise exterior ring per upstream governorate name."""
    arcs = load_arcs(sources_dir / "raw")
    return {spec.upstream_name: decode_polygon_ring(spec.arcs, arcs) for spec in SECTORS}


def verify_provenance(rings: dict[str, Ring], reference: dict[str, Any]) -> None:
    """Raise ProvenanceError unless every decoded ring equals the reference GeoJSON polygon exactly."""
    by_name = {f["properties"]["shapeName"]: f for f in reference["features"]}
    if set(by_name) != set(rings):
        raise ProvenanceError(f"reference has governorates {sorted(by_name)}, decoded {sorted(rings)}")
    for name, ring in rings.items():
        geometry = by_name[name]["geometry"]
        if geometry["type"] != "Polygon" or len(geometry["coordinates"]) != 1:
            raise ProvenanceError(f"{name}: reference geometry is not a Polygon with one ring")
        expected = [tuple(pos) for pos in geometry["coordinates"][0]]
        if expected == ring:
            continue
        if len(expected) != len(ring):
            raise ProvenanceError(f"{name}: decoded {len(ring)} vertices, reference has {len(expected)}")
        k = next(i for i, (p, q) in enumerate(zip(expected, ring, strict=True)) if p != q)
        raise ProvenanceError(f"{name}: vertex {k} decodes to {list(ring[k])}, reference has {list(expected[k])}")


def _project(polygons: Sequence[Polygon]) -> list[Polygon]:
    """Project lon/lat polygons to UTM zone 36N (metres) with geopandas/pyproj."""
    import geopandas

    return list(geopandas.GeoSeries(list(polygons), crs="EPSG:4326").to_crs(UTM_36N))


def areas_km2(polygons: Sequence[Polygon]) -> list[float]:
    """Areas in km² (UTM zone 36N), rounded to 2 decimals."""
    return [round(p.area / 1e6, 2) for p in _project(polygons)]


def build_sectors(sources_dir: Path = SOURCES_DIR) -> dict[str, Any]:
    """Decode, verify against the provenance file, and return the sectors FeatureCollection."""
    reference = _read_json(sources_dir / REFERENCE_FILE)
    rings = decode_sources(sources_dir)
    verify_provenance(rings, reference)
    upstream = {f["properties"]["shapeName"]: f["properties"] for f in reference["features"]}
    polygons = [Polygon(rings[spec.upstream_name]) for spec in SECTORS]
    features = []
    for spec, polygon, area in zip(SECTORS, polygons, areas_km2(polygons), strict=True):
        props = upstream[spec.upstream_name]
        label = polygon.representative_point()
        features.append({
            "type": "Feature",
            "id": spec.id,
            "properties": {
                "id": spec.id,
                "name": spec.name,
                "upstream_name": props["shapeName"],
                "upstream_code": props["shapeISO"],
                "upstream_id": props["shapeID"],
                "upstream": dict(props),
                "aliases": _dedupe(spec.aliases),
                "places": _dedupe(spec.places),
                "attribution": ATTRIBUTION,
                "area_km2": area,
                "label_point": [round(label.x, 6), round(label.y, 6)],
            },
            "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in rings[spec.upstream_name]]]},
        })
    return {"type": "FeatureCollection", "name": SECTORS_NAME, "attribution": ATTRIBUTION,
            "note": SECTORS_NOTE, "features": features}


def build_context(sources_dir: Path = SOURCES_DIR) -> dict[str, Any]:
    """Return the Natural Earth background as RFC 7946 GeoJSON (no ``crs``) with its credit line."""
    source = _read_json(sources_dir / CONTEXT_SOURCE_FILE)
    features = [
        {"type": "Feature",
         "properties": {"name": f["properties"]["name"], "ne_adm0_a3": f["properties"]["ne_adm0_a3"]},
         "geometry": f["geometry"]}
        for f in source["features"]
    ]
    return {"type": "FeatureCollection", "name": source.get("name", "context"), "attribution": NE_ATTRIBUTION,
            "note": CONTEXT_NOTE, "features": features}


def dump_feature_collection(collection: dict[str, Any]) -> str:
    """Serialise deterministically: compact JSON, UTF-8 text, one feature per line, trailing newline."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = compact({k: v for k, v in collection.items() if k != "features"})
    body = ",\n".join(compact(f) for f in collection["features"])
    return f'{head[:-1]},"features":[\n{body}\n]}}\n'


def render_outputs(sources_dir: Path = SOURCES_DIR) -> dict[str, str]:
    """Build both outputs in memory: file name -> exact file text."""
    return {
        SECTORS_FILE: dump_feature_collection(build_sectors(sources_dir)),
        CONTEXT_FILE: dump_feature_collection(build_context(sources_dir)),
    }


def write_outputs(outputs: dict[str, str], out_dir: Path = GEODATA_DIR) -> list[Path]:
    """Write rendered outputs as UTF-8 (LF newlines) and return their paths."""
    paths = []
    for name, text in outputs.items():
        path = out_dir / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def check_outputs(outputs: dict[str, str], out_dir: Path = GEODATA_DIR) -> list[str]:
    """Names of committed files that are missing or differ byte for byte from ``outputs``."""
    stale = []
    for name, text in outputs.items():
        path = out_dir / name
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            stale.append(name)
    return stale


def report_topology(collection: dict[str, Any] | None = None) -> TopologyReport:
    """Measure shared borders, overlaps and gaps between neighbouring sectors (default: a fresh build).

    A pair's gap is the area of holes in the union of the two; the union check covers all sectors.
    """
    from shapely import union_all

    collection = collection if collection is not None else build_sectors()
    ids = [f["id"] for f in collection["features"]]
    geographic = [shape(f["geometry"]) for f in collection["features"]]
    projected = dict(zip(ids, _project(geographic), strict=True))
    pairs = []
    for (a, ga), (b, gb) in combinations(zip(ids, geographic, strict=True), 2):
        if ga.distance(gb) > NEIGHBOUR_TOLERANCE_DEG:
            continue
        pa, pb = projected[a], projected[b]
        pair_union = pa.union(pb)
        pair_parts = pair_union.geoms if pair_union.geom_type == "MultiPolygon" else [pair_union]
        pairs.append(PairTopology(
            a=a,
            b=b,
            shared_border_km=round(pa.boundary.intersection(pb.boundary).length / 1000, 2),
            overlap_m2=round(pa.intersection(pb).area, 3),
            gap_m2=round(sum(Polygon(r).area for p in pair_parts for r in p.interiors), 3),
        ))
    union = union_all(list(projected.values()))
    parts = list(union.geoms) if union.geom_type == "MultiPolygon" else [union]
    holes = [Polygon(r) for p in parts for r in p.interiors]
    return TopologyReport(
        pairs=tuple(pairs),
        union_parts=len(parts),
        union_holes=len(holes),
        union_hole_area_m2=round(sum(h.area for h in holes), 3),
        total_area_km2=round(union.area / 1e6, 2),
    )


def format_topology(report: TopologyReport) -> str:
    """Human-readable lines for a topology report."""
    lines = ["Topology (UTM zone 36N):"]
    for p in report.pairs:
        lines.append(f"  {p.a} / {p.b}: shared border {p.shared_border_km:.2f} km, "
                     f"overlap {p.overlap_m2:g} m², gap {p.gap_m2:g} m²")
    verdict = "one polygon, no holes" if report.single_polygon_without_holes else (
        f"{report.union_parts} part(s), {report.union_holes} hole(s), {report.union_hole_area_m2:g} m² of holes")
    lines.append(f"  union: {verdict}; {report.total_area_km2:.2f} km² in all")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m mapview.geodata.build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild in memory; exit 1 if committed files differ")
    parser.add_argument("--geodata-dir", type=Path, default=GEODATA_DIR, help="folder holding sources/ and outputs")
    args = parser.parse_args(argv)
    sources = args.geodata_dir / "sources"
    try:
        sectors = build_sectors(sources)
    except ProvenanceError as exc:
        print(f"error: raw/ does not reproduce {REFERENCE_FILE}: {exc}", file=sys.stderr)
        return 1
    outputs = {SECTORS_FILE: dump_feature_collection(sectors),
               CONTEXT_FILE: dump_feature_collection(build_context(sources))}
    print(format_topology(report_topology(sectors)))
    if args.check:
        stale = check_outputs(outputs, args.geodata_dir)
        for name in stale:
            print(f"error: {args.geodata_dir / name} differs from a fresh build; "
                  "run `python -m mapview.geodata.build`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_outputs(outputs, args.geodata_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
