"""Labels stay readable after zooming out: the window pushes overlapping sector labels apart."""

from __future__ import annotations

from mapview.data.project import Project
from tests.test_qt_window import open_window


def _overlaps(window) -> list[tuple[str, str]]:
    renderer = window.canvas.get_renderer()
    boxes = {sid: label.get_window_extent(renderer) for sid, label in window.canvas.artists.labels.items()
             if label.get_visible()}  # a label dropped for want of room is not on screen
    ids = sorted(boxes)
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if boxes[a].overlaps(boxes[b])]


def test_zooming_out_keeps_labels_apart(qtbot, project: Project) -> None:
    window = open_window(qtbot, project)
    window.resize(1000, 700)  # a laptop-sized window: zoomed out, three label pairs would collide
    qtbot.wait(10)
    for _ in range(5):
        window.canvas.zoom_out()
    window.canvas.draw()
    assert _overlaps(window) == []
    window.canvas.zoom_to_all()
    window.canvas.draw()
    assert _overlaps(window) == []
