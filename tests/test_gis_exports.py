"""Exports that GIS and publishing tools take as they are (issue #13), checked on the real files.

Labels are read back with pdftotext (or pypdf) and xml.etree; the QGIS style is loaded by QGIS itself when PyQGIS
is on the machine; sectors are read from GeoPackage, Shapefile (UTM) and KMZ files built from the project's own
GeoJSON.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from mapview.cli import main as cli_main
from mapview.data.project import ProjectPaths, load_project
from mapview.render.style import NATION_COLOURS, NO_LEAD_COLOUR, STATUS_STYLES
from mapview.wording import sector_label
from tests.conftest import DATA, ROOT, close_colours

SEEDS_DAY = date(2026, 2, 9)  # the day before the first article after the seeds: only the seeds' hedged leads

SVG_NS = "{http://www.w3.org/2000/svg}"
QGIS_PYTHON = "/usr/bin/python3"


def _export(tmp_path: Path, name: str, *args: str, paths: ProjectPaths | None = None) -> Path:
    out = tmp_path / name
    data = [] if paths is None else ["--sectors", str(paths.sectors), "--claims", str(paths.claims),
                                     "--seeds", str(paths.seeds)]
    assert cli_main([*data, "export", str(out), *args]) == 0
    return out


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _svg_text(path: Path) -> str:
    text = "\n".join("".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG_NS}text"))
    return text.replace("\u2068", "").replace("\u2069", "")  # names are isolated (FSI…PDI); compare the words


def _label_lines(project) -> list[str]:
    return [line for sv in project.view().sectors for line in sector_label(sv).split("\n")]


def test_every_map_label_stays_text_in_svg_and_pdf(tmp_path, project) -> None:
    svg = _svg_text(_export(tmp_path, "map.svg"))
    pdf = " ".join(_pdf_text(_export(tmp_path, "map.pdf")).split())
    for line in _label_lines(project):
        assert line in svg, line
        assert line in pdf, line


def test_dollar_signs_in_data_are_text_never_mathtext(tmp_path, data_copy) -> None:
    doc = json.loads(data_copy.sectors.read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["name"] = "North $5 Gaza $6"
    doc["attribution"] = "Boundaries: $unbalanced credit"
    data_copy.sectors.write_text(json.dumps(doc), encoding="utf-8")
    svg = _svg_text(_export(tmp_path, "m.svg", "--title", "Cost $5 to $6", paths=data_copy))
    assert "North $5 Gaza $6" in svg and "Cost $5 to $6" in svg
    _export(tmp_path, "m.pdf", paths=data_copy)
    _export(tmp_path, "m.png", paths=data_copy)
    assert cli_main(["--sectors", str(data_copy.sectors), "--claims", str(data_copy.claims), "--seeds",
                     str(data_copy.seeds), "dossier", str(tmp_path / "d.html")]) == 0


def test_png_is_rgb_without_a_needless_alpha_channel(tmp_path) -> None:
    with Image.open(_export(tmp_path, "map.png", "--dpi", "100")) as image:
        assert image.mode == "RGB"


def test_geojson_comes_with_a_qml_and_an_sld_of_the_same_base_name(tmp_path, project) -> None:
    out = _export(tmp_path, "gaza map.geojson", "--as-of", SEEDS_DAY.isoformat())  # the seeds' speculative map
    qml, sld = out.with_suffix(".qml"), out.with_suffix(".sld")
    root = ET.fromstring(qml.read_text(encoding="utf-8").split("\n", 1)[1])  # after the DOCTYPE line
    labels = [r.get("label") for r in root.iter("rule")]
    assert "Kosovo — speculative (dotted, faded)" in labels and "Albania — speculative (dotted, faded)" in labels
    assert any(layer.get("class") == "PointPatternFill" for layer in root.iter("layer"))
    assert root.find("labeling").get("type") == "simple"
    se = "{http://www.opengis.net/se}"
    names = [n.text for n in ET.parse(sld).getroot().iter(f"{se}Name")]
    assert "Kosovo — speculative (dotted, faded)" in names
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["label"] for f in features} == {sector_label(sv)
                                                             for sv in project.view(SEEDS_DAY).sectors}


def _has_pyqgis() -> bool:
    if not Path(QGIS_PYTHON).exists():
        return False
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _has_pyqgis(), reason="QGIS (PyQGIS) is not installed on this machine")
def test_qgis_draws_the_geojson_export_with_the_pngs_colours_and_hatching(tmp_path) -> None:
    out = _export(tmp_path, "map.geojson", "--as-of", SEEDS_DAY.isoformat())  # the seeds' speculative map
    rendered = tmp_path / "qgis.png"
    result = subprocess.run([QGIS_PYTHON, str(ROOT / "tests" / "tools" / "qgis_render.py"), str(out),
                             str(rendered), "--histogram"], capture_output=True, text=True, timeout=180,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["loaded"] is True and report["renderer"] == "RuleRenderer" and report["labels"] is True
    assert "Kosovo — speculative (dotted, faded)" in report["legend"]
    # the most common colour inside each sector is its fill; a reported sector also shows its hatch colour
    fills = report["fills"]
    # speculative: the nation's colour at the status's opacity (over QGIS's white background), dotted
    alpha = STATUS_STYLES["speculative"].alpha

    def over_white(colour: str) -> str:
        return "#" + "".join(f"{round(alpha * int(colour[i:i + 2], 16) + (1 - alpha) * 255):02x}" for i in (1, 3, 5))

    assert close_colours(fills["north-gaza"][0], over_white(NATION_COLOURS["Kosovo"]))
    assert close_colours(fills["deir-al-balah"][0], over_white(NATION_COLOURS["Albania"]))
    assert fills["rafah"][0] == NO_LEAD_COLOUR
    assert len(fills["north-gaza"]) > 1 and len(fills["deir-al-balah"]) > 1  # the dots of the pattern show
    assert fills["rafah"] == [NO_LEAD_COLOUR]  # no lead: plain grey, no pattern


def test_export_help_lists_a3_landscape_and_extent(capsys) -> None:
    with pytest.raises(SystemExit):
        cli_main(["export", "--help"])
    out = capsys.readouterr().out
    assert "A3-landscape" in out and "--extent" in out


def test_extent_draws_the_given_area_and_bad_extents_say_why(tmp_path, capsys, project) -> None:
    from mapview.render.layout import compose

    page = compose(project, project.view(), extent=(34.25, 31.22, 34.40, 31.36))
    xmin, xmax = page.map_ax.get_xlim()
    ymin, ymax = page.map_ax.get_ylim()
    assert xmin <= 34.25 and xmax >= 34.40 and ymin <= 31.22 and ymax >= 31.36
    assert xmax - xmin < 0.3  # zoomed: the whole strip is about 0.45 degrees wide
    _export(tmp_path, "zoom.png", "--extent", "34.25,31.22,34.40,31.36", "--dpi", "60")
    for bad in ("current", "1,2,3", "34.4,31.2,34.2,31.3"):
        assert cli_main(["export", str(tmp_path / "x.png"), "--extent", bad]) == 2
        assert "--extent" in capsys.readouterr().err


def test_markdown_dossier_link_survives_spaces_and_its_map_is_the_full_page(tmp_path) -> None:
    folder = tmp_path / "my reports"
    folder.mkdir()
    out = folder / "gaza dossier.md"
    assert cli_main(["dossier", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "](gaza%20dossier-map.png)" in text
    image = folder / "gaza dossier-map.png"
    with Image.open(image) as im:
        assert im.info["dpi"][0] >= 199 and im.width >= 1600  # A4 at 200 dpi
    # the image is the export page: it carries the attribution, as pdftotext-free proof, check the pixels differ
    # from the map-only figure by having the page's white margins at its corners
    with Image.open(image) as im:
        assert im.convert("RGB").getpixel((5, 5)) == (255, 255, 255)


def test_a_blocked_map_image_is_named_and_the_md_is_not_written(tmp_path, capsys) -> None:
    out = tmp_path / "d.md"
    (tmp_path / "d-map.png").mkdir()  # the image path is taken by a folder
    assert cli_main(["dossier", str(out)]) == 1
    err = capsys.readouterr().err
    assert "d-map.png" in err and not out.exists()


def test_a_dossier_with_an_undecodable_file_name_is_written(tmp_path, capsys) -> None:
    name = b"d\xff ossier.md"
    out = Path(tmp_path.as_posix().encode() .decode()) / name.decode(sys.getfilesystemencoding(), "surrogateescape")
    assert cli_main(["dossier", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "%FF%20ossier-map.png" in text
    assert "\\udcff" in capsys.readouterr().out


@pytest.fixture(scope="module")
def gis_files(tmp_path_factory) -> dict[str, Path]:
    import geopandas

    folder = tmp_path_factory.mktemp("gis")
    frame = geopandas.read_file(DATA / "geodata" / "sectors.geojson")[["id", "name", "geometry"]]
    files = {"gpkg": folder / "sectors.gpkg", "shp": folder / "sectors_utm.shp", "kmz": folder / "sectors.kmz"}
    frame.to_file(files["gpkg"], layer="sectors", driver="GPKG")
    frame.to_crs(32636).to_file(files["shp"])
    files["utm_geojson"] = folder / "sectors_utm.geojson"
    frame.to_crs(32636).to_file(files["utm_geojson"], driver="GeoJSON")  # with a crs member, in metres
    frame.to_file(folder / "sectors.kml", driver="KML")
    with zipfile.ZipFile(files["kmz"], "w") as archive:
        archive.write(folder / "sectors.kml", "doc.kml")
    nocrs = frame.to_crs(32636).set_crs(None, allow_override=True)
    nocrs.to_file(folder / "nocrs.shp")
    (folder / "nocrs.prj").unlink(missing_ok=True)
    files["nocrs"] = folder / "nocrs.shp"
    return files


@pytest.mark.parametrize("kind", ["gpkg", "shp", "kmz", "utm_geojson"])
def test_sectors_from_gis_formats_in_any_crs_verify_like_the_geojson(gis_files, kind, capsys) -> None:
    assert cli_main(["--sectors", str(gis_files[kind]), "verify"]) == 0
    # the files hold only id and name: the one problem is the missing credit line (issue #21)
    assert "1 problem\n" in capsys.readouterr().out
    project = load_project(ProjectPaths.defaults(sectors=gis_files[kind]))
    assert [p.location for p in project.problems] == ["attribution"]
    own = load_project()
    for sector in project.sectors.sectors:
        reference = own.sectors.by_id()[sector.id].geometry
        assert sector.geometry.symmetric_difference(reference).area < reference.area * 1e-4


def test_a_file_without_crs_and_projected_coordinates_gets_a_clear_message(gis_files, capsys) -> None:
    assert cli_main(["--sectors", str(gis_files["nocrs"]), "verify"]) == 1
    said = capsys.readouterr()
    report = said.out + said.err
    assert "nocrs.shp" in report and "no coordinate reference system" in report
    assert "not longitude/latitude" in report


def test_the_default_geojson_load_does_not_import_geopandas() -> None:
    code = "import sys; from mapview.data.project import load_project; load_project(); print('geopandas' in " \
           "sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
