"""Tests for the committed boundary data in geodata/ and its build (mapview.geodata.build)."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from shapely import union_all
from shapely.geometry import Point, Polygon, shape

from mapview.geodata import build
from mapview.geodata.topojson import arc_numbers, assemble_ring, join_arc_texts
from tests.conftest import DATA

GEODATA = DATA / "geodata"  # the test copy: tests never read the live folders
SOURCES = GEODATA / "sources"
IDS = ["north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"]
# Areas in km² (UTM 36N) as stated by geodata/sources/README.md (upstream), not computed by our code.
README_AREAS = {"rafah": 63.11, "north-gaza": 60.88, "gaza-city": 74.55, "khan-yunis": 109.55,
                "deir-al-balah": 56.68}
NEIGHBOURS = [("rafah", "khan-yunis"), ("north-gaza", "gaza-city"), ("gaza-city", "deir-al-balah"),
              ("khan-yunis", "deir-al-balah")]
# Known city coordinates (lon, lat). None is ambiguous: each lies inside its own governorate, the nearest
# (Jabalia) ~0.7 km from the North Gaza / Gaza City line, the others 3 km or more from any other sector.
CITIES = {
    "gaza-city": (34.4667, 31.5017),
    "khan-yunis": (34.3063, 31.3462),
    "rafah": (34.2500, 31.2870),
    "deir-al-balah": (34.3510, 31.4180),
    "north-gaza": (34.4833, 31.5333),  # Jabalia
}


def _load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sectors() -> dict:
    return _load("sectors.geojson")


@pytest.fixture(scope="module")
def geoms(sectors: dict) -> dict[str, Polygon]:
    return {f["id"]: shape(f["geometry"]) for f in sectors["features"]}


def test_committed_outputs_equal_fresh_build() -> None:
    outputs = build.render_outputs(SOURCES)
    assert set(outputs) == {"sectors.geojson", "context.geojson"}
    for name, text in outputs.items():
        assert (GEODATA / name).read_bytes() == text.encode("utf-8"), f"{name} is stale: rerun the build"
    assert build.check_outputs(outputs, GEODATA) == []


def test_check_flags_a_changed_file(tmp_path: Path) -> None:
    outputs = build.render_outputs(SOURCES)
    build.write_outputs(outputs, tmp_path)
    assert build.check_outputs(outputs, tmp_path) == []
    (tmp_path / "context.geojson").write_text("{}\n", encoding="utf-8")
    assert build.check_outputs(outputs, tmp_path) == ["context.geojson"]


def test_decoding_raw_reproduces_upstream_geojson_exactly() -> None:
    reference = json.loads((SOURCES / "gaza_governorates_geoboundaries.geojson").read_text(encoding="utf-8"))
    rings = build.decode_sources(SOURCES)
    for feature in reference["features"]:
        expected = feature["geometry"]["coordinates"][0]
        assert [list(p) for p in rings[feature["properties"]["shapeName"]]] == expected
    build.verify_provenance(rings, reference)


def test_provenance_mismatch_is_reported() -> None:
    reference = json.loads((SOURCES / "gaza_governorates_geoboundaries.geojson").read_text(encoding="utf-8"))
    reference["features"][0]["geometry"]["coordinates"][0][3][0] += 1e-6
    with pytest.raises(build.ProvenanceError, match="vertex 3"):
        build.verify_provenance(build.decode_sources(SOURCES), reference)


def test_arc_text_joining_and_numbering() -> None:
    texts = ["[[1,2],[3,-\n", "4]],[[5,6]]\n", "[[7,8]]\n"]
    assert json.loads(join_arc_texts(texts)) == [[[1, 2], [3, -4]], [[5, 6]], [[7, 8]]]
    assert arc_numbers(["arcs_05-09a", "arcs_09b-10", "arcs_38-39"]) == [5, 6, 7, 8, 9, 10, 38, 39]
    ring = assemble_ring([0, -2], {0: [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)], 1: [(0.0, 0.0), (1.0, 1.0)]})
    assert ring == [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]


def test_five_sectors_north_to_south(sectors: dict) -> None:
    assert [f["id"] for f in sectors["features"]] == IDS
    assert [f["properties"]["id"] for f in sectors["features"]] == IDS
    assert sectors["name"] == "ISF sectors (Gaza governorates)"
    names = {f["id"]: f["properties"]["name"] for f in sectors["features"]}
    assert names == {"north-gaza": "North Gaza", "gaza-city": "Gaza City", "deir-al-balah": "Deir al-Balah",
                     "khan-yunis": "Khan Yunis", "rafah": "Rafah"}
    gaza = sectors["features"][1]["properties"]
    assert gaza["upstream_name"] == "Gaza" and gaza["upstream_code"] == "PS-GZA*"
    assert gaza["upstream"]["shapeID"] == gaza["upstream_id"]


def test_geometries_valid_ccw_closed_lonlat(sectors: dict) -> None:
    for feature in sectors["features"]:
        assert feature["geometry"]["type"] == "Polygon"
        rings = feature["geometry"]["coordinates"]
        assert len(rings) == 1
        ring = rings[0]
        assert ring[0] == ring[-1]
        polygon = shape(feature["geometry"])
        assert polygon.is_valid
        assert polygon.exterior.is_ccw
        for lon, lat in ring:
            assert 34.2 <= lon <= 34.6 and 31.2 <= lat <= 31.6


def test_areas_match_readme(sectors: dict) -> None:
    for feature in sectors["features"]:
        assert feature["properties"]["area_km2"] == pytest.approx(README_AREAS[feature["id"]], abs=0.05)


def test_neighbours_share_borders_without_overlap(geoms: dict[str, Polygon]) -> None:
    for a, b in combinations(IDS, 2):
        assert geoms[a].intersection(geoms[b]).area < 1e-9, (a, b)
    for a, b in NEIGHBOURS:
        shared = geoms[a].boundary.intersection(geoms[b].boundary)
        assert geoms[a].touches(geoms[b]) and shared.length > 0.01, (a, b)
    union = union_all(list(geoms.values()))
    assert union.geom_type == "Polygon" and not list(union.interiors)


def test_topology_report() -> None:
    report = build.report_topology(_load("sectors.geojson"))
    assert report.single_polygon_without_holes
    pairs = {frozenset((p.a, p.b)): p for p in report.pairs}
    assert set(pairs) == {frozenset(pair) for pair in NEIGHBOURS}
    for p in pairs.values():
        assert p.overlap_m2 == 0 and p.gap_m2 == 0
    # Shared-border lengths stated (to 0.1 km) in the upstream README. Its North Gaza-Gaza "11.4" is a
    # double-rounded 11.348 km (11.348 -> 11.35 -> 11.4), hence the 0.06 km tolerance.
    readme_km = {("rafah", "khan-yunis"): 18.7, ("north-gaza", "gaza-city"): 11.4,
                 ("gaza-city", "deir-al-balah"): 9.9, ("khan-yunis", "deir-al-balah"): 8.4}
    for pair, km in readme_km.items():
        assert pairs[frozenset(pair)].shared_border_km == pytest.approx(km, abs=0.06), pair


def test_label_points_inside_own_sector(sectors: dict, geoms: dict[str, Polygon]) -> None:
    for feature in sectors["features"]:
        assert geoms[feature["id"]].contains(Point(feature["properties"]["label_point"]))


@pytest.mark.parametrize("sector_id", sorted(CITIES))
def test_city_falls_in_own_sector(geoms: dict[str, Polygon], sector_id: str) -> None:
    point = Point(CITIES[sector_id])
    assert [sid for sid, g in geoms.items() if g.contains(point)] == [sector_id]


def test_attribution_everywhere(sectors: dict) -> None:
    line = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
    assert sectors["attribution"] == line
    assert all(f["properties"]["attribution"] == line for f in sectors["features"])


def test_aliases(sectors: dict) -> None:
    aliases = [a for f in sectors["features"] for a in f["properties"]["aliases"]]
    for wanted in ("Khan Younis", "Deir el-Balah", "Northern Gaza", "the northern sector"):
        assert wanted in aliases
    assert "Gaza" not in aliases  # plain "Gaza" means the whole Strip
    for feature in sectors["features"]:
        props = feature["properties"]
        assert len(props["aliases"]) == len(set(props["aliases"]))
        assert props["places"]


def test_context() -> None:
    context = _load("context.geojson")
    assert "crs" not in context and "xy_coordinate_resolution" not in context
    assert context["attribution"] == "Made with Natural Earth."
    names = {f["properties"]["name"] for f in context["features"]}
    assert {"Israel", "Egypt"} <= names
    for feature in context["features"]:
        assert set(feature["properties"]) == {"name", "ne_adm0_a3"}
