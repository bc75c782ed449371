"""Robustness of the sector GeoJSON loader: every bad input is a precise Problem, the sound sectors still load."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from shapely.geometry import mapping, shape

from mapview.data.problems import Problem, errors
from mapview.data.project import Project, ProjectPaths, load_project
from tests.conftest import ARTICLES, CURATED_CLAIMS, CURATED_PASSAGES

ALL_SECTORS = ["north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"]


def _doc(paths: ProjectPaths) -> dict:
    return json.loads(paths.sectors.read_text(encoding="utf-8"))


def _write(paths: ProjectPaths, doc: object) -> None:
    paths.sectors.write_text(json.dumps(doc), encoding="utf-8")


def _index(doc: dict, sector_id: str) -> int:
    return next(i for i, f in enumerate(doc["features"]) if f["properties"]["id"] == sector_id)


def _about(project: Project, location_part: str) -> list[Problem]:
    """Problems about the sectors file whose location mentions ``location_part``."""
    return [p for p in project.problems if p.file == str(project.paths.sectors) and location_part in p.location]


def _sector_ids(project: Project) -> list[str]:
    return [s.id for s in project.sectors.sectors]


def _assert_rest_sound(project: Project, dropped: str) -> None:
    """The other sectors load; every claim not about the dropped sector is still verified."""
    assert _sector_ids(project) == [s for s in ALL_SECTORS if s != dropped]
    claims = project.claims.by_id()
    assert len(claims) == CURATED_CLAIMS
    for claim in claims.values():
        if claim.sector == dropped:
            assert claim.broken
            assert any(f"unknown sector {dropped!r}" in p.message for p in claim.problems)
        else:
            assert not claim.broken, claim.problems
    view = project.view().by_id()
    assert view["north-gaza"].lead.nation == "Kosovo"
    assert view["deir-al-balah"].lead.nation == "Albania"


def test_malformed_json_names_line_and_column(data_copy: ProjectPaths) -> None:
    text = data_copy.sectors.read_text(encoding="utf-8")
    data_copy.sectors.write_text(text[: len(text) // 2], encoding="utf-8")
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert problem.severity == "error" and "malformed JSON" in problem.message
    assert problem.location.startswith("line ") and " column " in problem.location
    assert project.sectors.sectors == []
    # sources and claims are still read and verified; claims about sectors are marked broken, never drawn
    assert len(project.sources) == ARTICLES
    assert project.verified_passages == project.passages == CURATED_PASSAGES
    raw = json.loads(data_copy.claims.read_text(encoding="utf-8"))["claims"]
    assert {c.id for c in project.claims.claims if c.broken} == {c["id"] for c in raw if c.get("sector")}
    assert "kosovo-lead-north-gaza" in {c.id for c in project.claims.claims if c.broken}


def test_not_a_feature_collection(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    _write(data_copy, doc["features"][0])
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "expected a GeoJSON FeatureCollection, found 'Feature'" in problem.message
    assert project.sectors.sectors == []


@pytest.mark.parametrize("doc", [[], "text", 42, None, {"type": "FeatureCollection", "features": {"a": 1}}])
def test_other_top_level_values_are_refused(data_copy: ProjectPaths, doc: object) -> None:
    _write(data_copy, doc)
    project = load_project(data_copy)
    problems = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert problems and all(p.severity == "error" for p in problems)
    assert project.sectors.sectors == []


def test_wrong_geometry_type(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"] = {"type": "Point", "coordinates": [34.25, 31.28]}
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert "geometry type 'Point' cannot be a sector" in problem.message
    _assert_rest_sound(project, "rafah")


def test_self_intersecting_polygon_drops_only_that_sector(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    # a bow tie: the ring crosses itself at (34.25, 31.3)
    doc["features"][i]["geometry"] = {"type": "Polygon", "coordinates": [
        [[34.2, 31.25], [34.3, 31.35], [34.3, 31.25], [34.2, 31.35], [34.2, 31.25]]]}
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert problem.severity == "error"
    assert "invalid polygon" in problem.message and "Self-intersection" in problem.message
    _assert_rest_sound(project, "rafah")


@pytest.mark.parametrize("geometry", [
    {"type": "Polygon", "coordinates": []},
    {"type": "MultiPolygon", "coordinates": []},
])
def test_empty_polygon(data_copy: ProjectPaths, geometry: dict) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"] = geometry
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert "empty" in problem.message
    _assert_rest_sound(project, "rafah")


def test_zero_area_polygon(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"] = {"type": "Polygon", "coordinates": [
        [[34.2, 31.25], [34.3, 31.25], [34.25, 31.25], [34.2, 31.25]]]}
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert problem.severity == "error"
    _assert_rest_sound(project, "rafah")


def test_coordinates_out_of_range_are_an_error(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    ring = doc["features"][i]["geometry"]["coordinates"][0]
    ring[3] = [ring[3][0], 131.3]  # latitude beyond 90
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert problem.severity == "error"
    assert "131.3] is out of range" in problem.message and "[longitude, latitude]" in problem.message
    _assert_rest_sound(project, "rafah")


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "1e400", "\"34.2\"", "true", "null"])
def test_non_numeric_or_non_finite_positions(data_copy: ProjectPaths, bad: str) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"]["coordinates"][0][2] = ["@BAD@", 31.3]
    data_copy.sectors.write_text(json.dumps(doc).replace('"@BAD@"', bad), encoding="utf-8")
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (rafah)")
    assert "position" in problem.message
    _assert_rest_sound(project, "rafah")


def test_huge_integer_coordinate_does_not_crash(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"]["coordinates"][0][2] = [10**400, 31.3]
    _write(data_copy, doc)
    project = load_project(data_copy)
    assert len(_about(project, f"features[{i}] (rafah)")) == 1
    _assert_rest_sound(project, "rafah")


def _swap(coords: object) -> object:
    if isinstance(coords[0], int | float):
        return [coords[1], coords[0]]
    return [_swap(c) for c in coords]


def test_swapped_latitude_longitude_is_detected(data_copy: ProjectPaths) -> None:
    """Swapped Gaza lies within the valid range (lon 31.x, lat 34.x, in the sea west of Cyprus): caught by place."""
    doc = _doc(data_copy)
    for feature in doc["features"]:
        feature["geometry"]["coordinates"] = _swap(feature["geometry"]["coordinates"])
    _write(data_copy, doc)
    project = load_project(data_copy)
    for i, sector_id in enumerate(s["properties"]["id"] for s in doc["features"]):
        [problem] = [p for p in _about(project, f"features[{i}] ({sector_id})") if "swapped" in p.message]
        assert problem.severity == "error" and "[longitude, latitude]" in problem.message
    assert project.sectors.sectors == []


def test_one_swapped_sector_is_dropped_the_rest_load(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    doc["features"][i]["geometry"]["coordinates"] = _swap(doc["features"][i]["geometry"]["coordinates"])
    _write(data_copy, doc)
    project = load_project(data_copy)
    assert any("swapped" in p.message for p in _about(project, f"features[{i}] (rafah)"))
    _assert_rest_sound(project, "rafah")


def _translate(geometry: dict, dx: float, dy: float) -> dict:
    from shapely.affinity import translate

    return mapping(translate(shape(geometry), dx, dy))


def test_sector_far_from_the_others_is_warned_about(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    # two degrees east: inside the valid range, in Jordan, some 200 km from the other sectors
    doc["features"][i]["geometry"] = _translate(doc["features"][i]["geometry"], 2.0, 0.0)
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = [p for p in _about(project, f"features[{i}] (rafah)") if "nearest other sector" in p.message]
    assert problem.severity == "warning" and " km " in problem.message
    assert len(project.sectors.sectors) == 5  # a warning: the user sees the sector and the message
    assert not errors(project.problems)


def test_polygon_disagreeing_with_its_stated_area_is_warned_about(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "khan-yunis")
    doc["features"][i]["properties"]["area_km2"] = 1096.0  # ten times the real 109.55 km²
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}] (khan-yunis)")
    assert problem.severity == "warning" and "1,096.0 km²" in problem.message
    assert len(project.sectors.sectors) == 5


def test_real_sectors_raise_no_plausibility_warning(project: Project) -> None:
    assert [p for p in project.problems if p.file == str(project.paths.sectors)] == []


def test_crs_member_is_a_warning_and_everything_loads(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, "crs")
    assert problem.severity == "warning" and "RFC 7946" in problem.message
    assert _sector_ids(project) == ALL_SECTORS


def test_duplicate_id_keeps_the_first(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    copy = json.loads(json.dumps(doc["features"][_index(doc, "north-gaza")]))
    copy["properties"]["id"] = "rafah"
    doc["features"].append(copy)
    _write(data_copy, doc)
    project = load_project(data_copy)
    last = len(doc["features"]) - 1
    [problem] = _about(project, f"features[{last}] (rafah)")
    assert "duplicate sector id 'rafah'" in problem.message
    assert _sector_ids(project) == ALL_SECTORS
    # the first rafah is kept: its own polygon, not North Gaza's
    assert project.sectors.by_id()["rafah"].geometry.equals(shape(doc["features"][i]["geometry"]))


def test_missing_id(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    i = _index(doc, "rafah")
    del doc["features"][i]["properties"]["id"]
    doc["features"][i].pop("id", None)
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, f"features[{i}]")
    assert "no sector id" in problem.message
    _assert_rest_sound(project, "rafah")


def test_not_a_feature_in_features(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    doc["features"].insert(0, ["not", "a", "feature"])
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _about(project, "features[0]")
    assert "not a GeoJSON Feature" in problem.message
    assert _sector_ids(project) == ALL_SECTORS


def test_huge_file_is_refused_by_size(data_copy: ProjectPaths) -> None:
    with data_copy.sectors.open("r+b") as handle:
        handle.truncate(60_000_000)  # sparse: the size check must come before reading
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "60,000,000 bytes" in problem.message and "limit" in problem.message
    assert project.sectors.sectors == [] and len(project.sources) == ARTICLES


def test_non_utf8_file(data_copy: ProjectPaths) -> None:
    raw = json.dumps(_doc(data_copy)).encode("utf-8")
    data_copy.sectors.write_bytes(raw.replace(b'"name": "', b'"name": "Secteurs \xe9 ', 1))  # a Latin-1 é
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "not UTF-8" in problem.message and problem.location.startswith("byte ")


def test_deeply_nested_json(data_copy: ProjectPaths) -> None:
    data_copy.sectors.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "nested too deeply" in problem.message


def test_missing_file(data_copy: ProjectPaths) -> None:
    data_copy.sectors.unlink()
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "missing" in problem.message


def test_folder_instead_of_file(data_copy: ProjectPaths, tmp_path: Path) -> None:
    paths = ProjectPaths(tmp_path, data_copy.claims, data_copy.seeds, data_copy.context)
    project = load_project(paths)
    [problem] = [p for p in project.problems if p.file == str(tmp_path)]
    assert "folder" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_is_refused_without_blocking(data_copy: ProjectPaths) -> None:
    data_copy.sectors.unlink()
    os.mkfifo(data_copy.sectors)
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.sectors)]
    assert "not a regular file" in problem.message


def test_bad_label_point_falls_back_to_an_interior_point(data_copy: ProjectPaths) -> None:
    doc = _doc(data_copy)
    doc["features"][0]["properties"]["label_point"] = ["x", None]
    _write(data_copy, doc)
    sector = load_project(data_copy).sectors.sectors[0]
    from shapely.geometry import Point

    assert sector.geometry.contains(Point(sector.label_point))


def test_broken_context_layer_is_only_a_warning(data_copy: ProjectPaths) -> None:
    data_copy.context.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                                 '"properties": [1], "geometry": {"type": "Polygon", "coordinates": '
                                 '[[[34, 31], [35, 31], [35, 32], [34, 31]]]}}, 7]}', encoding="utf-8")
    project = load_project(data_copy)
    problems = [p for p in project.problems if p.file == str(data_copy.context)]
    assert [p.location for p in problems] == ["features[1]"]
    assert all(p.severity == "warning" for p in problems)
    assert len(project.context.features) == 1
    assert not errors(project.problems)
