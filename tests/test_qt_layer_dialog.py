"""A GIS sectors file that does not say which layer or fields hold the sectors: the window asks (issue #13)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mapview.data.gisread import LayerChoice, choice_needed
from mapview.data.project import ProjectPaths, load_project
from mapview.qt.layer_dialog import LayerDialog, ask_layer_choice
from tests.conftest import DATA


def two_layer_geopackage(folder: Path) -> Path:
    """The project's five sectors as layer "zones" (fields renamed so no id/name is guessed) beside a layer "roads"."""
    import geopandas

    frame = geopandas.read_file(DATA / "geodata" / "sectors.geojson")[["id", "name", "geometry"]]
    zones = frame.rename(columns={"id": "zone_code", "name": "zone_label"})
    path = folder / "layers.gpkg"
    frame.iloc[:1].rename(columns={"id": "road", "name": "kind"}).to_file(path, layer="roads", driver="GPKG")
    zones.to_file(path, layer="zones", driver="GPKG")
    return path


def test_the_window_asks_for_the_layer_and_fields_and_the_sectors_load(qtbot, data_copy, tmp_path) -> None:
    gpkg = two_layer_geopackage(tmp_path)
    paths = ProjectPaths(sectors=gpkg, claims=data_copy.claims, seeds=data_copy.seeds, context=data_copy.context)
    assert choice_needed(gpkg, None) and not choice_needed(data_copy.sectors, None)
    assert any("2 layers" in p.message for p in load_project(paths).problems)  # without a choice: said, not guessed
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LayerDialog)
        seen["layers"] = [dialog.layer.itemText(i) for i in range(dialog.layer.count())]
        dialog.layer.setCurrentText("zones")
        seen["fields"] = [dialog.id_field.itemText(i) for i in range(dialog.id_field.count())]
        dialog.id_field.setCurrentText("zone_code")
        dialog.name_field.setCurrentText("zone_label")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, answer)
    chosen = ask_layer_choice(paths)
    assert sorted(seen["layers"]) == ["roads", "zones"]
    assert {"zone_code", "zone_label"} <= set(seen["fields"])  # the fields follow the chosen layer
    assert chosen.sectors_choice == LayerChoice("zones", "zone_code", "zone_label")
    project = load_project(chosen)
    expected = json.loads((DATA / "geodata" / "sectors.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted((s.id, s.name) for s in project.sectors.sectors) == sorted(
        (f["properties"]["id"], f["properties"]["name"]) for f in expected)
    assert not [p for p in project.problems if p.severity == "error"]


def test_cancel_leaves_the_choice_to_the_problems_panel(qtbot, data_copy, tmp_path) -> None:
    gpkg = two_layer_geopackage(tmp_path)
    paths = ProjectPaths(sectors=gpkg, claims=data_copy.claims, seeds=data_copy.seeds, context=data_copy.context)
    QTimer.singleShot(100, lambda: QApplication.activeModalWidget().reject())
    assert ask_layer_choice(paths) == paths

