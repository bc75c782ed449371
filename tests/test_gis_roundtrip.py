"""GIS round trip (issue #21): the boundaries' CC BY credit travels from any sectors file into every export, and
the GIS formats mapview writes (GeoPackage, Shapefile, KML/KMZ, FlatGeobuf) reopen with the same sectors, styles
and credit. Input files are made in tmp_path from geodata/sectors.geojson with geopandas, as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from mapview.cli import main as cli_main
from mapview.data.gisread import LayerChoice
from mapview.data.project import ProjectPaths, load_project
from mapview.data.sectors import ATTRIBUTION_UNKNOWN, load_sectors
from tests.conftest import ROOT

# The credit and note as geodata/sectors.geojson states them (checked against the file, not the code).
CREDIT = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
NOTE = "Sector lines follow governorate boundaries because the ISF's own sector lines are not published."
SVG_NS = "{http://www.w3.org/2000/svg}"


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _svg_text(path: Path) -> str:
    return "\n".join("".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG_NS}text"))


@pytest.fixture(scope="module")
def user_files(tmp_path_factory) -> dict[str, Path]:
    """Sector files a user would save from the project's GeoJSON in a GIS: the per-feature credit comes along,
    the top-level members (credit, note) do not."""
    import geopandas

    folder = tmp_path_factory.mktemp("user-gis")
    frame = geopandas.read_file(ROOT / "geodata" / "sectors.geojson")[["id", "name", "attribution", "geometry"]]
    files = {"gpkg": folder / "sectors.gpkg", "shp": folder / "sectors.shp", "kml": folder / "sectors.kml",
             "bare": folder / "bare.gpkg"}
    frame.to_file(files["gpkg"], layer="sectors", driver="GPKG")
    frame.to_crs(32636).to_file(files["shp"])  # "attribution" is cut to "attributio" here
    frame.to_file(files["kml"], driver="KML")
    frame[["id", "name", "geometry"]].to_file(files["bare"], layer="sectors", driver="GPKG")
    return files


@pytest.mark.parametrize("kind", ["gpkg", "shp", "kml"])
def test_the_credit_of_a_gis_file_reaches_every_export(user_files, kind, tmp_path) -> None:
    sectors = user_files[kind]
    layer, problems = load_sectors(sectors)
    assert layer.attribution == CREDIT
    assert not [p for p in problems if p.location == "attribution"]
    args = ["--sectors", str(sectors)]
    for name in ("map.svg", "map.pdf", "map.png", "map.geojson"):
        assert cli_main([*args, "export", str(tmp_path / name), "--dpi", "60"]) == 0, name
    assert CREDIT in _words(_svg_text(tmp_path / "map.svg"))
    assert CREDIT in _words(_pdf_text(tmp_path / "map.pdf"))
    assert json.loads((tmp_path / "map.geojson").read_text(encoding="utf-8"))["attribution"] == CREDIT
    # the PNG is the same composed page: its footer text holds the credit
    from mapview.render.layout import compose

    project = load_project(ProjectPaths.defaults(sectors=sectors))
    page = compose(project, project.view())
    assert CREDIT in _words(page.texts[-1].get_text())


def test_a_projected_geojson_keeps_its_top_level_credit_and_note(tmp_path) -> None:
    import geopandas

    out = tmp_path / "utm.geojson"
    geopandas.read_file(ROOT / "geodata" / "sectors.geojson")[["id", "name", "geometry"]].to_crs(32636).to_file(
        out, driver="GeoJSON")
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["attribution"], doc["note"] = CREDIT, NOTE
    out.write_text(json.dumps(doc), encoding="utf-8")
    layer, _ = load_sectors(out)
    assert (layer.attribution, layer.note) == (CREDIT, NOTE)


def test_a_file_without_credit_gets_a_problem_and_exports_say_attribution_unknown(user_files, tmp_path,
                                                                                  capsys) -> None:
    bare = user_files["bare"]
    assert cli_main(["--sectors", str(bare), "verify"]) == 0  # a warning, not an error
    report = capsys.readouterr().out
    assert "bare.gpkg" in report and "no attribution" in report and "--sectors-attribution" in report
    assert cli_main(["--sectors", str(bare), "export", str(tmp_path / "m.svg")]) == 0
    assert ATTRIBUTION_UNKNOWN in _words(_svg_text(tmp_path / "m.svg"))
    assert cli_main(["--sectors", str(bare), "export", str(tmp_path / "m.geojson")]) == 0
    assert json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))["attribution"] == ATTRIBUTION_UNKNOWN


def test_the_sectors_attribution_flag_supplies_the_credit(user_files, tmp_path, capsys) -> None:
    given = "Boundaries: my own survey, CC BY 4.0"
    args = ["--sectors", str(user_files["bare"]), "--sectors-attribution", given]
    assert cli_main([*args, "verify"]) == 0
    assert "no attribution" not in capsys.readouterr().out
    assert cli_main([*args, "export", str(tmp_path / "m.svg")]) == 0
    assert given in _words(_svg_text(tmp_path / "m.svg"))
    layer, problems = load_sectors(user_files["bare"], LayerChoice(attribution=given))
    assert layer.attribution == given and not [p for p in problems if p.location == "attribution"]


def test_gpkg_metadata_carries_credit_and_note(tmp_path) -> None:
    import geopandas
    import pyogrio

    frame = geopandas.read_file(ROOT / "geodata" / "sectors.geojson")[["id", "name", "geometry"]]
    out = tmp_path / "meta.gpkg"
    pyogrio.write_dataframe(frame, out, layer="sectors", driver="GPKG",
                            dataset_metadata={"attribution": CREDIT, "note": NOTE})
    layer, _ = load_sectors(out)
    assert (layer.attribution, layer.note) == (CREDIT, NOTE)


def test_kmz_made_from_a_kml_keeps_the_credit(user_files, tmp_path) -> None:
    kmz = tmp_path / "s.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(user_files["kml"], "doc.kml")
    layer, _ = load_sectors(kmz)
    assert layer.attribution == CREDIT


# ----- every style class, every format ----------------------------------------------------------------------------

def every_class_project(project):
    """The project with a view that has every style class: confirmed, reported (with broken evidence),
    speculative, contested and no lead — so each writer's every rule is exercised."""
    import copy

    from mapview.data.assignments import AssignmentView, Lead, SectorView

    sectors = project.sectors.by_id()
    some_claim = project.claims.claims[0]
    leads = {"north-gaza": Lead("Kosovo", "confirmed", sources=2), "gaza-city": Lead("Egypt", "reported", sources=2),
             "deir-al-balah": Lead("Albania", "speculative", sources=1),
             "khan-yunis": Lead(None, "contested", ("Egypt", "Indonesia")), "rafah": None}
    views = [SectorView(sectors[sid], lead, [some_claim], [some_claim] if sid == "gaza-city" else [])
             for sid, lead in leads.items()]
    view = AssignmentView(views, [], [])
    clone = copy.copy(project)
    clone.view = lambda *args, **kwargs: view
    return clone, view
