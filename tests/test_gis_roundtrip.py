"""GIS round trip (issue #21): the boundaries' CC BY credit travels from any sectors file into every export, and
the GIS formats mapview writes (GeoPackage, Shapefile, KML/KMZ, FlatGeobuf) reopen with the same sectors, styles
and credit. Input files are made in tmp_path from geodata/sectors.geojson with geopandas, as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import pytest

from mapview.cli import main as cli_main
from mapview.data.gisread import LayerChoice
from mapview.data.project import ProjectPaths, load_project
from mapview.data.sectors import ATTRIBUTION_UNKNOWN, load_sectors
from tests.conftest import DATA, ROOT

# The credit and note as geodata/sectors.geojson states them (checked against the file, not the code).
CREDIT = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
NOTE = "Sector lines follow governorate boundaries because the ISF's own sector lines are not published."
SVG_NS = "{http://www.w3.org/2000/svg}"


SEEDS_DAY = date(2026, 2, 9)  # the day before the first article after the seeds: the seeds' map


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
    frame = geopandas.read_file(DATA / "geodata" / "sectors.geojson")[["id", "name", "attribution", "geometry"]]
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
    geopandas.read_file(DATA / "geodata" / "sectors.geojson")[["id", "name", "geometry"]].to_crs(32636).to_file(
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

    frame = geopandas.read_file(DATA / "geodata" / "sectors.geojson")[["id", "name", "geometry"]]
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


GIS_KINDS = ["gpkg", "shp", "kml", "kmz", "fgb"]
# The legend as the map's legend words it (render/style.py labels; the nations and statuses set above).
EVERY_LEGEND = ["Kosovo — confirmed (solid)", "Egypt — reported (hatched)", "Albania — speculative (dotted, faded)",
                "contested (cross-hatched)", "no lead reported", "⚠ broken evidence (claim failed verification)"]


@pytest.fixture(scope="module")
def every_export(tmp_path_factory) -> dict[str, Path]:
    from datetime import date

    from mapview.render.export import export_map

    folder = tmp_path_factory.mktemp("every")
    project, _ = every_class_project(load_project())
    out = {}
    for kind in [*GIS_KINDS, "geojson", "png"]:
        out[kind] = export_map(project, folder / f"every.{kind}", generated=date(2026, 1, 5), dpi=100)
    return out


def _read(path: Path):
    import geopandas

    source = f"/vsizip/{path}/doc.kml" if path.suffix == ".kmz" else str(path)
    return geopandas.read_file(source, engine="pyogrio", layer="sectors" if path.suffix == ".gpkg" else None)


@pytest.mark.parametrize("kind", GIS_KINDS)
def test_each_gis_format_reopens_with_the_same_sectors_fields_and_credit(every_export, kind) -> None:
    import pyogrio

    path = every_export[kind]
    frame = _read(path)
    own = load_project().sectors.by_id()
    ids = list(frame["id"]) if kind not in ("kml", "kmz") else [
        "-".join(n.lower().split()) for n in frame["Name"]]
    assert ids == ["north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"]
    for sector_id, geometry in zip(ids, frame.geometry, strict=True):
        reference = own[sector_id].geometry
        assert geometry.symmetric_difference(reference).area < reference.area * 1e-6
    assert set(frame["credit"]) == {CREDIT} and set(frame["note"]) == {NOTE}
    info = pyogrio.read_info(f"/vsizip/{path}/doc.kml" if kind == "kmz" else path,
                             layer="sectors" if kind == "gpkg" else None)
    ours = [f for f in info["fields"] if f in ("id", "broken", "label", "claims", "candidates", "broken_ids")]
    assert len(ours) >= 5
    # typed for every driver: text and numbers only, no lists; every name a Shapefile keeps whole
    assert not [t for t in info["dtypes"] if t not in ("object", "int32", "int64", "float64", "datetime64[ms]",
                                                      "datetime64[ms, UTC]")], info["dtypes"]
    assert all(len(f) <= 10 for f in info["fields"] if f not in ("description", "altitudeMode", "visibility",
                                                                  "tessellate", "timestamp", "drawOrder"))
    row = frame.iloc[1]  # Gaza City: Egypt, reported, one broken claim
    assert (row["lead"], row["status"], int(row["broken"])) == ("Egypt", "reported", 1)
    assert int(frame.iloc[0]["broken"]) == 0
    assert frame.iloc[3]["candidates"] == "Egypt; Indonesia"


@pytest.mark.parametrize("kind", GIS_KINDS)
def test_a_gis_export_read_back_as_sectors_keeps_credit_and_note(every_export, kind) -> None:
    layer, problems = load_sectors(every_export[kind])
    assert layer.attribution == CREDIT and layer.note == NOTE
    assert [s.id for s in layer.sectors] == ["north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"]
    assert not [p for p in problems if p.severity == "error"]


def test_the_geopackage_carries_its_style_as_the_layers_default_and_its_credit_as_metadata(every_export) -> None:
    import sqlite3

    import pyogrio

    path = every_export["gpkg"]
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT f_table_name, useAsDefault, styleQML, styleSLD FROM layer_styles").fetchall()
    db.close()
    assert len(rows) == 1
    table, default, qml, sld = rows[0]
    assert table == "sectors" and default == 1
    labels = [r.get("label") for r in ET.fromstring(qml.split("\n", 1)[1]).iter("rule")]
    assert labels == EVERY_LEGEND
    assert "StyledLayerDescriptor" in sld
    metadata = pyogrio.read_info(path, layer="sectors")["dataset_metadata"]
    assert metadata["attribution"] == CREDIT and metadata["note"] == NOTE


def test_the_shapefile_comes_with_prj_cpg_and_a_qml_written_for_its_fields(every_export) -> None:
    import pyogrio

    shp = every_export["shp"]
    for suffix in (".prj", ".cpg", ".qml", ".sld", ".dbf", ".shx"):
        assert shp.with_suffix(suffix).is_file(), suffix
    assert "WGS" in shp.with_suffix(".prj").read_text() and shp.with_suffix(".cpg").read_text().strip() == "UTF-8"
    fields = set(pyogrio.read_info(shp)["fields"])
    qml = shp.with_suffix(".qml").read_text(encoding="utf-8")
    root = ET.fromstring(qml.split("\n", 1)[1])
    import re

    used = {name for rule in root.iter("rule") for name in re.findall(r'"([^"]+)"', rule.get("filter"))}
    used |= set(re.findall(r'"([^"]+)"', root.find(".//text-style").get("fieldName")))
    assert used <= fields, used - fields
    broken = [r for r in root.iter("rule") if r.get("key") == "broken"][0]
    assert broken.get("filter") == '"broken" = 1'  # the 0/1 integer the Shapefile holds


def test_kml_styles_each_placemark_with_a_shared_style_of_its_class(every_export) -> None:
    from mapview.render.style import NATION_COLOURS

    ns = {"k": "http://www.opengis.net/kml/2.2"}
    with zipfile.ZipFile(every_export["kmz"]) as archive:
        assert archive.read("doc.kml") == every_export["kml"].read_bytes()
    root = ET.parse(every_export["kml"]).getroot()
    styles = {s.get("id"): s for s in root.iterfind(".//k:Document/k:Style", ns)}
    placemarks = root.findall(".//k:Placemark", ns)
    assert len(placemarks) == 5 and not root.findall(".//k:Placemark/k:Style", ns)
    urls = {p.findtext("k:name", namespaces=ns): p.findtext("k:styleUrl", namespaces=ns) for p in placemarks}
    assert all(url and url[1:] in styles for url in urls.values())
    kosovo = styles[urls["North Gaza"][1:]]
    # KML colours are aabbggrr: Kosovo's #0072B2 fully confirmed (flat opacity 0.85 → d9)
    blue = NATION_COLOURS["Kosovo"].lower()
    assert kosovo.findtext("k:PolyStyle/k:color", namespaces=ns) == f"d9{blue[5:7]}{blue[3:5]}{blue[1:3]}"
    assert styles[urls["Gaza City"][1:]].findtext("k:LineStyle/k:color", namespaces=ns) == "ff1c19d7"  # broken red
    description = root.findtext("k:Document/k:description", namespaces=ns)
    assert CREDIT in description and NOTE in description


def test_every_style_writer_lists_only_the_classes_the_map_shows(project) -> None:
    from mapview.render.gisstyle import qml_document, sld_document
    from mapview.render.mapfigure import legend_handles

    view = project.view()
    assert not any(sv.has_broken_evidence for sv in view.sectors)  # the curated claims all verify
    qml = qml_document(view)
    assert "broken" not in [r.get("key") for r in ET.fromstring(qml.split("\n", 1)[1]).iter("rule")]
    assert "broken evidence" not in sld_document(view, "x")
    assert not any("broken evidence" in h.get_label() for h in legend_handles(view))


def test_the_speculative_outline_is_dashed_in_the_qml_as_on_the_map(project) -> None:
    from mapview.render.gisstyle import qml_document

    # the seeds' map (the day before the 2026 reporting): both leads speculative
    root = ET.fromstring(qml_document(project.view(SEEDS_DAY)).split("\n", 1)[1])
    rules = {r.get("label"): r.get("symbol") for r in root.iter("rule")}
    symbols = {s.get("name"): s for s in root.find("renderer-v2/symbols")}

    def outline(label: str) -> dict[str, str]:
        line = [layer for layer in symbols[rules[label]] if layer.get("class") == "SimpleLine"][0]
        return {p.get("k"): p.get("v") for p in line.iter("prop")}

    assert outline("Kosovo — speculative (dotted, faded)")["use_custom_dash"] == "1"
    assert outline("no lead reported")["use_custom_dash"] == "0"


def test_the_sld_gives_every_size_a_unit_and_compares_broken_with_a_number(every_export) -> None:
    se, ogc = "{http://www.opengis.net/se}", "{http://www.opengis.net/ogc}"
    root = ET.parse(every_export["geojson"].with_suffix(".sld")).getroot()
    symbolizers = [e for e in root.iter() if e.tag.endswith("Symbolizer")]
    assert symbolizers and all(s.get("uom") == "http://www.opengeospatial.org/se/units/pixel" for s in symbolizers)
    broken = [f for f in root.iter(f"{ogc}PropertyIsEqualTo") if f.findtext(f"{ogc}PropertyName") == "broken"]
    assert [f.findtext(f"{ogc}Literal") for f in broken] == ["1"]
    sizes = {p.get("name"): p.text for p in root.iter(f"{se}SvgParameter") if p.get("name") == "font-size"}
    assert float(sizes["font-size"]) > 8  # 8 pt = 10 px of 0.28 mm
    assert not [lit for lit in root.iter(f"{ogc}Literal") if lit.text in ("true", "false")]


QGIS_PYTHON = "/usr/bin/python3"


def _has_pyqgis() -> bool:
    if not Path(QGIS_PYTHON).exists():
        return False
    return subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode == 0


def _qgis(path: Path, tmp_path: Path, sld: Path | None = None) -> dict:
    rendered = tmp_path / f"qgis-{path.suffix[1:]}{'-sld' if sld else ''}.png"
    command = [QGIS_PYTHON, str(ROOT / "tests" / "tools" / "qgis_render.py"), str(path), str(rendered)]
    result = subprocess.run(command + (["--sld", str(sld)] if sld else []), capture_output=True, text=True,
                            timeout=180, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                              "HOME": str(tmp_path)})
    return json.loads(result.stdout.strip().splitlines()[-1])


def _over_white(colour: str, alpha: float) -> str:
    return "#" + "".join(f"{round(alpha * int(colour[i:i + 2], 16) + (1 - alpha) * 255):02x}" for i in (1, 3, 5))


@pytest.mark.skipif(not _has_pyqgis(), reason="QGIS (PyQGIS) is not installed on this machine")
@pytest.mark.parametrize("kind", ["gpkg", "shp", "fgb", "kml", "geojson", "gpkg+sld"])
def test_qgis_draws_every_format_with_the_pngs_colours_and_patterns(every_export, kind, tmp_path) -> None:
    from mapview.render.style import CONTESTED_COLOUR, NATION_COLOURS, NO_LEAD_COLOUR, STATUS_STYLES
    from tests.conftest import close_colours

    path = every_export[kind.split("+")[0]]
    report = _qgis(path, tmp_path, every_export["geojson"].with_suffix(".sld") if "sld" in kind else None)
    assert report["loaded"] is True and report["renderer"] == "RuleRenderer" and report["labels"] is True
    assert report["legend"] == EVERY_LEGEND
    fills = report["fills"]
    # the most common colour inside each sector is its fill, as the PNG draws it (over white here)
    assert close_colours(fills["north-gaza"][0], NATION_COLOURS["Kosovo"])
    assert close_colours(fills["gaza-city"][0], NATION_COLOURS["Egypt"])
    assert close_colours(fills["deir-al-balah"][0],
                         _over_white(NATION_COLOURS["Albania"], STATUS_STYLES["speculative"].alpha))
    assert close_colours(fills["khan-yunis"][0], CONTESTED_COLOUR)
    assert fills["rafah"] == [NO_LEAD_COLOUR]
    # patterns show where the map has them (dark hatch lines, dots), and only there
    assert len([c for c in fills["north-gaza"] if c != "#ffffff"]) == 1
    for sector_id in ("gaza-city", "deir-al-balah", "khan-yunis"):
        assert len(fills[sector_id]) > 2, sector_id
    dark = [c for c in fills["khan-yunis"] if int(c[1:3], 16) < 0x40]
    assert dark, fills["khan-yunis"]  # the cross-hatch lines are drawn, and (above) the grey still dominates


def test_the_export_dialog_offers_and_writes_every_gis_format(qtbot, project, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from mapview.qt.export_dialog import ExportDialog

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(None, project, settings=settings)
    qtbot.addWidget(dialog)
    offered = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert {"geojson", "gpkg", "shp", "kml", "kmz", "fgb"} <= set(offered)
    for fmt in ("gpkg", "shp", "kmz", "fgb"):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        assert not dialog.size_box.isEnabled() and not dialog.title_edit.isEnabled()
        dialog.path_edit.setText(str(tmp_path / "from-dialog"))
        dialog.accept()
        assert dialog.result_path == tmp_path / f"from-dialog.{fmt}", fmt
        layer, _ = load_sectors(dialog.result_path)
        assert layer.attribution == CREDIT and len(layer.sectors) == 5
    assert (tmp_path / "from-dialog.qml").is_file() and (tmp_path / "from-dialog.prj").is_file()


def test_the_page_subtitle_explains_only_the_patterns_the_map_shows(project) -> None:
    from mapview.render.layout import compose

    # the seeds' map: both leads speculative (dots), nothing reported (no hatching)
    subtitle = _words(compose(project, project.view(SEEDS_DAY)).texts[1].get_text())
    assert "Hatching" not in subtitle and "Cross-hatching" not in subtitle
    assert "Dots" in subtitle
    every, view = every_class_project(project)
    subtitle = _words(compose(every, view).texts[1].get_text())
    assert "Hatching means reported" in subtitle and "Cross-hatching" in subtitle and "Dots" in subtitle


def test_assignments_text_keeps_columns_apart_with_long_nation_lists(project) -> None:
    import copy
    import re

    from mapview.cli import _table
    from mapview.data.assignments import Lead

    _, view = every_class_project(project)
    view = copy.copy(view)
    view.sectors = list(view.sectors)
    long = ("Azerbaijan", "Indonesia", "Kazakhstan", "Pakistan", "Turkey")
    view.sectors[3] = copy.copy(view.sectors[3])
    view.sectors[3].lead = Lead(None, "contested", long)
    rows = [line for line in _table(view).splitlines() if line and not line.startswith(" ")][:6]
    assert len(rows) == 6  # header and five sectors
    for row in rows:
        cells = re.split(r"\s{2,}", row.strip())
        assert len(cells) >= 4, row  # sector, lead, status, claims: never run together
    contested = rows[4]
    assert "Turkey" in contested and re.search(r"Turkey\s{2,}contested", contested), contested


def test_the_html_dossiers_map_has_scale_north_credit_and_prints_at_200_ppi(project, tmp_path) -> None:
    import base64
    import io
    import re

    from PIL import Image

    from mapview.render.dossier import compose_dossier_map, write_dossier

    page = compose_dossier_map(project, project.view())
    assert page.scalebar in page.figure.axes[0].artists
    assert "N" in [t.get_text() for t in page.figure.axes[0].texts]  # the north arrow's letter
    assert CREDIT in _words(page.credit.get_text())
    out = write_dossier(project, tmp_path / "d.html")
    text = out.read_text(encoding="utf-8")
    data = base64.b64decode(re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text).group(1))
    printed_cm = float(re.search(r"@media print\{img\.map\{[^}]*max-width:([\d.]+)cm", text).group(1))
    with Image.open(io.BytesIO(data)) as image:
        assert image.width / (printed_cm / 2.54) >= 200


@pytest.mark.parametrize("kind", GIS_KINDS)
def test_gis_exports_are_deterministic(project, kind, tmp_path) -> None:
    from datetime import date

    from mapview.render.export import export_map

    made = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        out = export_map(project, tmp_path / run / f"m.{kind}", generated=date(2026, 1, 5))
        made.append(sorted((p.name, p.read_bytes()) for p in out.parent.iterdir()))
    assert made[0] == made[1]
