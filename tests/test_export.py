"""Exports: every format opens, shows the right colours and text, is deterministic and written atomically."""

from __future__ import annotations

import io
import json
import re
import zlib
from collections import Counter
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image

from mapview.cli import main
from mapview.data.project import Project
from mapview.render import export as export_module
from mapview.render.export import ExportError, export_map
from mapview.render.layout import compose, parse_size
from tests.conftest import drawn_fill

GENERATED = date(2026, 1, 5)
ATTRIBUTION = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
# What the map must show, from the claims and geodata: Kosovo leads North Gaza and Albania Deir al-Balah (the
# seed's hedged passages, then Detay Kıbrıs's plan stated by the outlet: reported), Indonesia Khan Yunis and Rafah
# (Kan's report of a site between them, relayed: reported); Gaza City has no lead in any source.
EXPECTED_FILL = {"north-gaza": "#0072b2", "deir-al-balah": "#d55e00", "gaza-city": "#d0d0d0",
                 "khan-yunis": "#009e73", "rafah": "#009e73"}
# Reported leads are drawn at the reported status's opacity (hatched over it)
EXPECTED_DRAWN = {"north-gaza": drawn_fill("Kosovo", "reported"), "deir-al-balah": drawn_fill("Albania", "reported"),
                  "khan-yunis": drawn_fill("Indonesia", "reported"), "rafah": drawn_fill("Indonesia", "reported")}


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    """The text shown by a matplotlib PDF: inflate each stream, read its TJ/Tj strings (UTF-16BE CIDs)."""
    out: list[str] = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            stream = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        for block in re.findall(rb"BT(.*?)ET", stream, re.S):
            pieces = []
            for raw in re.findall(rb"\((?:\\.|[^\\)])*\)", block, re.S):
                body = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), raw[1:-1])
                body = re.sub(rb"\\(.)", rb"\1", body, flags=re.S)
                pieces.append(body.decode("utf-16-be", errors="replace") if len(body) % 2 == 0 else
                              body.decode("latin-1"))
            out.append("".join(pieces))
    return " ".join(out)


def page_pixels(w_mm: float, h_mm: float, dpi: int) -> tuple[int, int]:
    """The page in pixels (matplotlib truncates fractional pixels)."""
    return int(w_mm / 25.4 * dpi), int(h_mm / 25.4 * dpi)


def _export(project: Project, path: Path, **kw) -> Path:
    kw.setdefault("generated", GENERATED)
    kw.setdefault("dpi", 100)
    return export_map(project, path, **kw)


# --- every format opens and shows what it must ----------------------------------------------------------------
def test_png_opens_at_page_size(project: Project, tmp_path: Path) -> None:
    out = _export(project, tmp_path / "map.png", dpi=100)
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == page_pixels(210, 297, 100)


def _interior_point(project: Project, sector_id: str) -> tuple[float, float]:
    """A point well inside the sector (0.006 degrees from its edge) and as far as possible from its label."""
    from shapely.geometry import Point

    sector = project.sectors.by_id()[sector_id]
    inner = sector.geometry.buffer(-0.006)
    label = Point(sector.label_point)
    minx, miny, maxx, maxy = inner.bounds
    grid = [Point(minx + (maxx - minx) * i / 30, miny + (maxy - miny) * j / 30) for i in range(31) for j in range(31)]
    best = max((p for p in grid if inner.contains(p)), key=label.distance)
    return best.x, best.y


@pytest.mark.parametrize("sector_id", list(EXPECTED_FILL))
def test_png_pixels_have_the_sector_colour(project: Project, tmp_path: Path, sector_id: str) -> None:
    dpi = 120
    out = _export(project, tmp_path / "map.png", dpi=dpi)
    page = compose(project, project.view(), generated=GENERATED)  # same layout, at the figure's 100 dpi
    x, y = page.map_ax.transData.transform(_interior_point(project, sector_id))
    scale = dpi / page.figure.dpi
    with Image.open(out) as image:
        pixels = np.asarray(image.convert("RGB"))
    col, row = int(x * scale), int(pixels.shape[0] - y * scale)
    window = pixels[row - 6:row + 7, col - 6:col + 7].reshape(-1, 3)
    mode, _ = Counter(map(tuple, window)).most_common(1)[0]
    drawn = EXPECTED_DRAWN.get(sector_id, EXPECTED_FILL[sector_id])
    expected = tuple(int(drawn[i:i + 2], 16) for i in (1, 3, 5))
    assert np.abs(np.array(mode, dtype=int) - expected).max() <= 3, f"{sector_id}: {mode} != {expected}"


def test_svg_is_xml_with_legend_and_attribution(project: Project, tmp_path: Path) -> None:
    out = _export(project, tmp_path / "map.svg")
    root = ElementTree.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = words(" ".join(" ".join(el.itertext()) for el in root.iter() if el.tag.endswith("text")))
    articles = len(project.sources)
    for needed in ("Kosovo", "Albania", "Indonesia", ATTRIBUTION, "Made with Natural Earth.", "no lead reported",
                   f"Sources: {articles} articles, all dates."):
        assert needed in text, needed
    assert "<image" not in out.read_text(encoding="utf-8")  # vector, not a pasted bitmap


def test_pdf_keeps_text(project: Project, tmp_path: Path) -> None:
    out = _export(project, tmp_path / "map.pdf", title="Sector leads")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    text = words(pdf_text(data))
    for needed in ("Kosovo", "Albania", "Sector leads", ATTRIBUTION, "Made with Natural Earth.",
                   "the ISF's own sector lines are not published"):
        assert needed in text, needed


def test_geojson_has_styles_properties_and_attribution(project: Project, tmp_path: Path) -> None:
    out = _export(project, tmp_path / "map.geojson")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["attribution"] == ATTRIBUTION
    features = {f["properties"]["id"]: f for f in doc["features"]}
    assert set(features) == set(EXPECTED_FILL)
    for sector_id, feature in features.items():
        props = feature["properties"]
        assert props["fill"].lower() == EXPECTED_FILL[sector_id]
        assert 0 < props["fill-opacity"] <= 1 and props["stroke"] and props["stroke-width"] > 0
        assert props["title"].startswith(feature["properties"]["name"])
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    north = features["north-gaza"]["properties"]
    assert (north["lead_nation"], north["lead_status"]) == ("Kosovo", "reported")
    # the seed's four hedged passages, and Detay Kıbrıs's list "according to the planning"
    assert north["claims"] == ["kosovo-lead-north-gaza", "kosovo-lead-north-gaza.012_a3038f9a52f6e3d6"]
    assert north["evidence_count"] == 5
    assert features["gaza-city"]["properties"]["lead_nation"] is None


def test_as_of_changes_the_map(project: Project, tmp_path: Path) -> None:
    # article 000 (the only one naming sector leads) is dated 2026 at the earliest
    out = _export(project, tmp_path / "early.geojson", as_of=date(2025, 12, 1), include_undated=True)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert all(f["properties"]["lead_nation"] is None for f in doc["features"])
    assert doc["as_of"] == "2025-12-01"


def test_selected_sector_is_accepted(project: Project, tmp_path: Path) -> None:
    assert _export(project, tmp_path / "sel.png", selected="gaza-city").exists()
    with pytest.raises(ExportError, match="unknown sector"):
        _export(project, tmp_path / "sel.png", selected="atlantis")


# --- determinism and atomic writes ----------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf", "geojson"])
def test_exports_are_deterministic(project: Project, tmp_path: Path, suffix: str) -> None:
    first = _export(project, tmp_path / f"a.{suffix}").read_bytes()
    second = _export(project, tmp_path / f"b.{suffix}").read_bytes()
    assert first == second


def test_failed_render_leaves_the_old_file_intact(project: Project, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"the previous export")

    def broken(*_args, **_kw):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(export_module, "render_page_bytes", broken)
    with pytest.raises(RuntimeError):
        _export(project, out)
    assert out.read_bytes() == b"the previous export"
    assert main(["export", str(out)]) == 1
    err = capsys.readouterr().err
    assert "renderer exploded" in err and "Traceback" not in err
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temp file left behind


def test_unwritable_target_is_a_clear_error(project: Project, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["export", str(blocker / "map.png")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
    assert main(["export", str(tmp_path) + "/"]) in (1, 2)  # a folder, not a file
    assert "error:" in capsys.readouterr().err


# --- the command line -----------------------------------------------------------------------------------------
def test_cli_writes_each_format(tmp_path: Path, capsys) -> None:
    for suffix in ("png", "svg", "pdf", "geojson"):
        out = tmp_path / f"map.{suffix}"
        assert main(["export", str(out), "--dpi", "60", "--size", "A4-landscape", "--title", "T"]) == 0
        assert out.stat().st_size > 1000
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["map.tiff"], "cannot export to .tiff"),
    (["map.png", "--select", "atlantis"], "unknown sector 'atlantis'"),
    (["map.png", "--size", "B7"], "page size"),
    (["map.png", "--size", "20x20"], "outside"),
    (["map.png", "--dpi", "5"], "dpi"),
])
def test_cli_usage_errors_exit_2(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    args = [str(tmp_path / args[0]), *args[1:]]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("size", ["A4", "A4-landscape", "A3", "120x90", "297x120"])
def test_every_page_size_exports(project: Project, tmp_path: Path, size: str) -> None:
    out = _export(project, tmp_path / "page.png", dpi=60, size_mm=parse_size(size))
    w, h = parse_size(size)
    with Image.open(out) as image:
        assert image.size == page_pixels(w, h, 60)


# --- the dialog -----------------------------------------------------------------------------------------------
@pytest.fixture()
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_export_dialog_writes_the_file(qtbot, project: Project, tmp_path: Path, settings) -> None:
    from mapview.qt.export_dialog import ExportDialog

    dialog = ExportDialog(None, project, as_of=None, selected="north-gaza", settings=settings)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    dialog.size_box.setCurrentText("120x90")
    dialog.title_edit.setText("From the dialog")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog.path_edit.setText(str(out_dir / "dialog"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_path == out_dir / "dialog.svg"
    text = dialog.result_path.read_text(encoding="utf-8")
    assert "From the dialog" in text and "Kosovo" in text
    assert settings.value("export/folder") == str(out_dir)

    again = ExportDialog(None, project, settings=settings)  # remembers folder and format
    qtbot.addWidget(again)
    assert again.fmt == "svg"
    assert Path(again.path_edit.text()).parent == out_dir


def test_export_dialog_reports_errors_and_stays_open(qtbot, project: Project, tmp_path: Path, settings) -> None:
    from mapview.qt.export_dialog import ExportDialog

    dialog = ExportDialog(None, project, as_of=date(2026, 2, 1), settings=settings)
    qtbot.addWidget(dialog)
    assert not dialog.all_dates.isChecked() and dialog.as_of() == date(2026, 2, 1)
    shown: list[str] = []
    dialog.show_error = shown.append
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "map.png"))
    dialog.accept()
    assert shown and "cannot write" in shown[0]
    assert dialog.result_path is None and dialog.result() != dialog.DialogCode.Accepted
    dialog.path_edit.setText(str(tmp_path / "map.png"))
    dialog.size_box.setCurrentText("tiny")
    dialog.accept()
    assert "page size" in shown[-1]


def test_export_dialog_png_with_date(qtbot, project: Project, tmp_path: Path, settings) -> None:
    from mapview.qt.export_dialog import ExportDialog

    dialog = ExportDialog(None, project, as_of=date(2025, 12, 1), include_undated=False, settings=settings)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.dpi_box.setValue(400)  # above the busy threshold: the progress indicator path runs too
    dialog.size_box.setCurrentText("120x90")
    dialog.path_edit.setText(str(tmp_path / "dated.png"))
    dialog.accept()
    with Image.open(io.BytesIO((tmp_path / "dated.png").read_bytes())) as image:
        assert image.size == page_pixels(120, 90, 400)


def test_the_window_selection_is_outlined_in_an_export_only_when_the_dialog_asks(qtbot, project: Project,
                                                                                 tmp_path: Path, settings) -> None:
    from mapview.qt.export_dialog import ExportDialog

    def export_svg(outline: bool) -> str:
        dialog = ExportDialog(None, project, as_of=None, selected="north-gaza", settings=settings)
        qtbot.addWidget(dialog)
        assert "North Gaza" in dialog.outline_box.text() and not dialog.outline_box.isChecked()
        dialog.outline_box.setChecked(outline)
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
        dialog.path_edit.setText(str(tmp_path / f"outline-{outline}.svg"))
        dialog.accept()
        svg = dialog.result_path.read_text(encoding="utf-8")
        return svg.replace("\u2068", "").replace("\u2069", "")  # names are isolated (FSI…PDI); the words count

    plain, outlined = export_svg(False), export_svg(True)
    assert "outlined: North Gaza" not in plain  # the default: the window's selection stays out of the map
    assert "outlined: North Gaza (chosen in the export)" in outlined  # when asked: drawn, with a legend entry


def test_the_export_dialog_takes_a_typed_day_whole_and_refuses_a_future_one(qtbot, project: Project, tmp_path: Path,
                                                                          settings, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mapview.qt.export_dialog import ExportDialog

    dialog = ExportDialog(None, project, as_of=None, settings=settings)
    qtbot.addWidget(dialog)
    errors: list[str] = []
    monkeypatch.setattr(dialog, "show_error", errors.append)
    dialog.all_dates.setChecked(False)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    dialog.path_edit.setText(str(tmp_path / "typed.svg"))
    field = dialog.date_edit.edit
    field.selectAll()
    QTest.keyClicks(field, f"{date.today().year + 1}-01-01")
    dialog.accept()  # the typed day is read when the export starts
    assert errors and "is after today" in errors[0] and dialog.result_path is None
    field.selectAll()
    QTest.keyClicks(field, "2025-12-01")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.as_of() == date(2025, 12, 1)  # QDateEdit kept the shown year: 2026-12-01
    dialog.accept()
    assert "as of 2025-12-01" in dialog.result_path.read_text(encoding="utf-8")
