"""Every sector says its name at small window sizes (issue #22 labels): a label that does not fit its sector is
wrapped, then shrunk, then called out beside the strip with a leader line into its sector; it never lies on
another sector's fill. Checked on real renders: the window on small screens (a fresh process on Qt's offscreen
platform given that screen, as in test_qt_screens), the map at tiny sizes, and the A4 export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from mapview.render import mapfigure
from mapview.render.layout import compose
from mapview.render.mapfigure import draw_map, new_map_figure
from tests.conftest import ROOT


def shown_name(text: str) -> str:
    """The label's text on one line, a name broken after a hyphen joined again ("Deir al-\\nBalah")."""
    return text.replace("-\n", "-").replace("\n", " ")


def drawn_shapes(artists) -> dict:
    """Each sector's outline as drawn (its path's rings; the shipped sectors have no holes), in display pixels."""
    transform = artists.ax.transData
    return {sid: shapely.union_all([Polygon(ring) for ring in path.to_polygons(transform)])
            for sid, path in artists.paths.items()}


def label_problems(artists, renderer) -> list[str]:
    """What is wrong with the labels as drawn (display pixels): a sector in view with no label or a label not
    leading with its name, a label box over another sector's fill, a label inside its sector spilling over its
    border, overlapping label boxes, a label under the legend, a leader that does not end inside its sector."""
    ax = artists.ax
    ax.apply_aspect()
    to_px = ax.transData.transform
    view = box(*ax.bbox.extents)
    shapes = drawn_shapes(artists)
    leaders = getattr(artists, "leaders", {})
    smallest = min(getattr(mapfigure, "LABEL_MIN_PT", 7.0), getattr(artists, "label_size", 8.0))
    legends = [box(*child.get_window_extent(renderer).extents) for child in ax.get_children()
               if type(child).__name__ == "Legend" and child.get_visible()]
    problems, boxes = [], {}
    for sid, label in artists.labels.items():
        if shapes[sid].intersection(view).area < 50:
            continue  # out of view
        name = artists.full_labels[sid].split("\n")[0]
        if not label.get_visible():
            problems.append(f"{sid}: no label")
            continue
        if not shown_name(label.get_text()).startswith(name):
            problems.append(f"{sid}: shows {label.get_text()!r}")
        if label.get_fontsize() < smallest - 1e-9:
            problems.append(f"{sid}: {label.get_fontsize()} pt")
        extent = label.get_window_extent(renderer)
        text_box = box(*extent.extents)
        boxes[sid] = text_box
        if not view.contains(text_box):
            problems.append(f"{sid}: off the map")
        if any(text_box.intersects(legend) for legend in legends):
            problems.append(f"{sid}: under the legend")
        inset = box(extent.x0 + extent.width * 0.1, extent.y0 + 2, extent.x1 - extent.width * 0.1, extent.y1 - 2)
        for other, shape in shapes.items():
            if other != sid and inset.intersection(shape).area > 1.0:
                problems.append(f"{sid}: on {other}'s fill")
        leader = leaders.get(sid)
        called_out = leader is not None and leader.get_visible()
        if not called_out and not shapes[sid].contains(inset):
            problems.append(f"{sid}: spills over its border without a leader")
        if called_out:
            xs, ys = leader.get_data()
            line = LineString(to_px(list(zip(xs, ys, strict=True))))
            end = Point(line.coords[-1])
            if not shapes[sid].contains(end):
                problems.append(f"{sid}: leader ends outside its sector")
            if Point(line.coords[0]).distance(text_box) > 8:
                problems.append(f"{sid}: leader does not start at its label")
    ids = sorted(boxes)
    problems += [f"{a} overlaps {b}" for i, a in enumerate(ids) for b in ids[i + 1:] if boxes[a].intersects(boxes[b])]
    callouts = [(sid, leader) for sid, leader in leaders.items() if leader.get_visible()]
    for i, (a, first) in enumerate(callouts):
        for b, second in callouts[i + 1:]:
            one = LineString(to_px(list(zip(*first.get_data(), strict=True))))
            two = LineString(to_px(list(zip(*second.get_data(), strict=True))))
            if one.intersects(two):
                problems.append(f"leaders of {a} and {b} cross")
    return problems


def callouts(artists) -> list[str]:
    """The sectors whose label is called out beside the strip."""
    return sorted(sid for sid, leader in getattr(artists, "leaders", {}).items() if leader.get_visible())


def sectors_under_legend(legend, artists, renderer) -> list[str]:
    """The sectors whose extent (bounding box, in display pixels as drawn) the legend's frame overlaps."""
    artists.ax.apply_aspect()
    frame = box(*legend.get_window_extent(renderer).extents)
    transform = artists.ax.transData.transform
    under = []
    for sid, shape in artists.shapes.items():
        minx, miny, maxx, maxy = shape.bounds
        (x0, y0), (x1, y1) = transform([(minx, miny), (maxx, maxy)])
        if frame.intersects(box(x0, y0, x1, y1)):
            under.append(sid)
    return under


PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from mapview.data.project import load_project
    from mapview.qt.mainwindow import MainWindow
    from tests.test_label_room import callouts, label_problems, sectors_under_legend

    window = MainWindow(load_project(), settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.place_on_screen()
    window.show()
    for _ in range(5):
        app.processEvents()
    seen = {}
    for selected in ("north-gaza", "deir-al-balah"):
        window.select_sector(selected)
        for _ in range(5):
            app.processEvents()
        canvas = window.canvas
        canvas.draw()
        artists = canvas.artists
        seen[selected] = {
            "problems": label_problems(artists, canvas.get_renderer()),
            "texts": {sid: label.get_text() for sid, label in artists.labels.items() if label.get_visible()},
            "callouts": callouts(artists), "bold": artists.labels[selected].get_fontweight(),
            "under_legend": sectors_under_legend(canvas.legend, artists, canvas.get_renderer()),
        }
    print(json.dumps(seen))
    window.close()
""")


@pytest.mark.parametrize(("width", "height", "scale"), [(1024, 700, 1), (1600, 1000, 2), (1600, 1000, 1)])
def test_every_sector_is_named_on_a_small_screen(tmp_path: Path, width, height, scale) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "mapview.ini")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    for selected, found in seen.items():
        assert found["problems"] == [], (selected, found)
        assert len(found["texts"]) == 5, found  # all five sectors are named
        assert found["bold"] == "bold"  # the selected one stands out
        assert found["under_legend"] == [], (selected, found)  # the legend covers no sector's extent
    # Deir al-Balah, hidden at 1024x700 before, is named (wrapped on two lines, or called out)
    assert shown_name(seen["north-gaza"]["texts"]["deir-al-balah"]).startswith("Deir al-Balah")


@pytest.mark.parametrize(("size", "dpi"), [((4.76, 5.29), 100), ((3.3, 3.3), 200), ((2.2, 2.2), 200),
                                           ((1.6, 1.6), 200), ((1.3, 1.5), 200)])
def test_tiny_maps_name_every_sector_without_claiming_another(project, size, dpi) -> None:
    figure, ax = new_map_figure(size, dpi)
    artists = draw_map(ax, project, project.view(), selected="gaza-city")
    figure.canvas.draw()
    assert label_problems(artists, figure.canvas.get_renderer()) == []


def test_a_label_with_no_room_is_called_out_and_comes_back_inside_when_zoomed_in(project) -> None:
    figure, ax = new_map_figure((1.6, 1.6), 200)
    artists = draw_map(ax, project, project.view())
    renderer = figure.canvas.get_renderer()
    assert "deir-al-balah" in callouts(artists)
    label = artists.labels["deir-al-balah"]
    # the text box lies off the strip: over no sector at all, its own included
    text_box = box(*label.get_window_extent(renderer).extents)
    strip = shapely.union_all(list(drawn_shapes(artists).values()))
    assert not text_box.intersects(strip)
    # zoomed in on the sector: inside again, at its own size, no leader
    minx, miny, maxx, maxy = artists.shapes["deir-al-balah"].bounds
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    artists.declutter_labels()
    assert "deir-al-balah" not in callouts(artists)
    assert label.get_visible() and label.get_fontsize() == artists.label_size
    assert label_problems(artists, renderer) == []


def test_the_selected_sector_is_placed_first(project) -> None:
    # So small (200 px) that not every label can be placed: the selected one always is, and nothing overlaps.
    figure, ax = new_map_figure((1.0, 1.0), 200)
    artists = draw_map(ax, project, project.view())
    renderer = figure.canvas.get_renderer()
    hidden = [sid for sid, label in artists.labels.items() if not label.get_visible()]
    assert hidden, "the map is not cramped enough for this test"
    for sid in hidden:
        artists.set_selected(sid)
        assert artists.labels[sid].get_visible() and artists.labels[sid].get_fontweight() == "bold"
        assert [p for p in label_problems(artists, renderer) if not p.endswith("no label")] == []


@pytest.mark.parametrize("size_mm", [(210.0, 297.0), (297.0, 210.0), (100.0, 90.0)])
def test_the_export_page_names_every_sector_the_same_way(project, size_mm) -> None:
    page = compose(project, project.view(), size_mm=size_mm, selected="north-gaza")
    page.figure.canvas.draw()
    renderer = page.figure.canvas.get_renderer()
    assert label_problems(page.artists, renderer) == []
    if size_mm == (210.0, 297.0):  # A4 has room for every whole label inside its sector
        assert callouts(page.artists) == []
    if max(size_mm) == 297.0:  # a page has no hover caption: on A4 every label keeps its lead line
        assert {sid: label.get_text() for sid, label in page.artists.labels.items()} == page.artists.full_labels
    # nothing on the map is covered: not the scale bar, not the north arrow
    others = [page.scalebar.get_window_extent(renderer)] if hasattr(page.scalebar, "get_window_extent") else []
    for label in page.artists.labels.values():
        assert not any(label.get_window_extent(renderer).overlaps(o) for o in others)


def test_the_window_fits_labels_again_after_zooming_and_panning(qtbot, project) -> None:
    from tests.test_qt_window import open_window

    window = open_window(qtbot, project, (1024, 700))
    canvas = window.canvas
    for step in ("zoom_in", "zoom_in", "zoom_in"):
        getattr(canvas, step)()
        canvas.draw()
        assert label_problems(canvas.artists, canvas.get_renderer()) == [], step
    for dx, dy in ((0.3, 0.0), (0.0, -0.4), (-0.6, 0.2)):
        canvas.pan(dx, dy)
        canvas.draw()
        assert label_problems(canvas.artists, canvas.get_renderer()) == [], (dx, dy)


@pytest.mark.parametrize("size_mm", [(210.0, 297.0), (297.0, 210.0), (100.0, 90.0)])
def test_the_legend_of_an_export_page_and_of_the_dossier_map_covers_no_sector(project, size_mm) -> None:
    from mapview.render.dossier import compose_dossier_map

    page = compose(project, project.view(), size_mm=size_mm, selected="north-gaza")  # PNG, PDF and SVG
    page.figure.canvas.draw()
    assert sectors_under_legend(page.legend, page.artists, page.figure.canvas.get_renderer()) == []
    dossier = compose_dossier_map(project, project.view()).figure
    dossier.canvas.draw()
    ax = dossier.axes[0]
    shapes = {sv.sector.id: sv.sector.geometry for sv in project.view().sectors}
    holder = type("Drawn", (), {"ax": ax, "shapes": shapes})
    assert sectors_under_legend(ax.get_legend(), holder, dossier.canvas.get_renderer()) == []
