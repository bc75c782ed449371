"""The window, in process under the offscreen Qt platform: hover repaint and click to the evidence panel.

Events are real ``QMouseEvent``s sent to the canvas (``QApplication.sendEvent`` runs the handlers synchronously),
so a figure is the time from the pointer event to the pixels being in the widget:

- hover (ours): STRtree hit test, then the animated outline is blitted over the cached background and the
  widget repainted (``repaint`` is synchronous). Measured moving between two sectors, so every move changes the
  highlight (a move inside the same sector costs only the hit test).
- hover (naive): ``contains_point`` over every sector patch, outline restyled, full ``canvas.draw()`` and repaint.
- as-of change: ours sets the day on the window (the state derives the view; the map is restyled in place, the
  panels follow) and repaints the map synchronously. The naive version derives the view, clears the axes, draws
  map and legend again keeping the zoom, and repaints; it updates no panel, so it does less work than ours.
- click: press/release to the evidence panel filled (the handlers return with the panel's widgets built), and to
  everything painted (events processed: panel laid out and painted, map redrawn with the selection outline). The
  naive click hit-tests with ``contains_point``, re-derives the view, fills the same panel, draws the whole map
  and processes events. Both clocks stop at the same two points: filled, then painted.

The 10,000-polygon map is a grid of small squares over the strip, put in place of the five sectors. Labels are
off at that size (10,000 labels on 1-pixel cells say nothing, and the label declutter is quadratic); ours and the
naive canvas draw the same figure.
"""

from __future__ import annotations

import functools
import statistics
import time
from unittest import mock

from benchmarks.common import Result

N_POLYGONS = 10_000
HOVER_MOVES = 40
NAIVE_MOVES_SMALL = 20
NAIVE_MOVES_LARGE = 3
CLICKS = 20


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def grid_sectors(sectors: list, n: int = N_POLYGONS) -> list:
    """``n`` small square sectors on a regular grid, kept where their centre lies inside the strip."""
    from shapely.geometry import Point, box
    from shapely.ops import unary_union

    from mapview.data.sectors import Sector

    strip = unary_union([s.geometry for s in sectors])
    xmin, ymin, xmax, ymax = strip.bounds
    step = (strip.area / n) ** 0.5 * 0.98  # slightly finer than needed, so at least n centres fall inside
    cells: list[Sector] = []
    y = ymin + step / 2
    while y < ymax and len(cells) < n:
        x = xmin + step / 2
        while x < xmax and len(cells) < n:
            if strip.contains(Point(x, y)):
                geometry = box(x - step * 0.45, y - step * 0.45, x + step * 0.45, y + step * 0.45)
                cells.append(Sector(f"cell-{len(cells)}", f"Cell {len(cells)}", geometry))
            x += step
        y += step
    return cells


def grid_project(project):
    """The project with its five sectors replaced by the grid (claims then name no sector that exists).

    Built in memory: ``load_sectors``'s plausibility check compares every sector with every other one, which
    takes minutes at 10,000 polygons (see benchmarks/README.md).
    """
    from dataclasses import replace

    layer = project.sectors
    return replace(project, sectors=replace(layer, sectors=grid_sectors(layer.sectors)))


def _mouse(canvas, kind, point, button=None) -> None:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    types = {"move": QEvent.Type.MouseMove, "press": QEvent.Type.MouseButtonPress,
             "release": QEvent.Type.MouseButtonRelease}
    pressed = Qt.MouseButton.LeftButton if kind == "press" else Qt.MouseButton.NoButton
    event = QMouseEvent(types[kind], QPointF(point), QPointF(canvas.mapToGlobal(point)),
                        button or Qt.MouseButton.NoButton, pressed, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, event)


def _open_window(project, labels: bool = True):
    from mapview.qt import mapcanvas
    from mapview.qt.mainwindow import MainWindow
    from mapview.render.mapfigure import draw_map

    if labels:
        window = MainWindow(project)
    else:
        with mock.patch.object(mapcanvas, "draw_map", functools.partial(draw_map, show_labels=False)):
            window = MainWindow(project)
    window.resize(1500, 940)
    window.show()
    _settle()
    window.canvas.draw()
    _settle()
    return window


def _settle() -> None:
    app = _app()
    for _ in range(3):
        app.processEvents()


def _two_points(canvas, project, first: str, second: str):
    by_id = project.sectors.by_id()
    return [canvas.data_to_widget(*by_id[sid].label_point) for sid in (first, second)], (first, second)


def _hover_ours(window, points, ids, moves: int) -> float:
    canvas = window.canvas
    samples = []
    for i in range(moves + 2):
        k = i % 2
        start = time.perf_counter()
        _mouse(canvas, "move", points[k])
        elapsed = (time.perf_counter() - start) * 1000
        if canvas.hovered != ids[k]:
            raise RuntimeError(f"hover landed on {canvas.hovered!r}, expected {ids[k]!r}")
        if i >= 2:  # the first two build the tooltip and the status message once
            samples.append(elapsed)
    _mouse(canvas, "move", canvas.rect().bottomRight() * 2)  # leave: the tooltip goes
    return statistics.median(samples)


class NaiveMap:
    """The same figure in a plain Qt canvas, hit-tested with ``contains_point`` and redrawn in full each time."""

    def __init__(self, project, size, labels: bool = True) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.patches import PathPatch

        from mapview.render.mapfigure import draw_map, legend_handles, new_map_figure
        from mapview.render.style import HOVER_STYLE

        figure, self.ax = new_map_figure((8.0, 7.0), 100)
        self.canvas = FigureCanvasQTAgg(figure)
        self.project = project
        self.view = project.view(None)
        self.artists = draw_map(self.ax, project, self.view, show_labels=labels)
        handles = legend_handles(self.view)
        if handles:
            self.ax.legend(handles=handles, loc="upper left", fontsize=8)
        self.outline = PathPatch(next(iter(self.artists.paths.values())), fill=False,
                                 edgecolor=HOVER_STYLE.colour, linewidth=HOVER_STYLE.linewidth, zorder=3.5,
                                 visible=False)
        self.ax.add_patch(self.outline)
        self.hovered: str | None = None
        self.canvas.resize(size)
        self.canvas.show()
        _settle()
        self.canvas.draw()
        self.canvas.mpl_connect("motion_notify_event", self.on_move)

    def hit(self, x: float, y: float) -> str | None:
        """The first sector patch containing the display point."""
        for sector_id, patch in self.artists.sectors.items():
            if patch.contains_point((x, y)):
                return sector_id
        return None

    def on_move(self, event) -> None:
        """Hit-test every patch, restyle the outline, redraw everything, repaint."""
        self.hovered = self.hit(event.x, event.y)
        if self.hovered is not None:
            self.outline.set_path(self.artists.paths[self.hovered])
        self.outline.set_visible(self.hovered is not None)
        self.canvas.draw()
        self.canvas.repaint()

    def close(self) -> None:
        """Close the canvas widget."""
        self.canvas.close()
        self.canvas.deleteLater()


def _hover_naive(naive: NaiveMap, points, ids, moves: int) -> float:
    samples = []
    for i in range(moves + 1):
        k = i % 2
        start = time.perf_counter()
        _mouse(naive.canvas, "move", points[k])
        elapsed = (time.perf_counter() - start) * 1000
        if naive.hovered != ids[k]:
            raise RuntimeError(f"naive hover landed on {naive.hovered!r}, expected {ids[k]!r}")
        if i >= 1:
            samples.append(elapsed)
    return statistics.median(samples)


def _click(window, point) -> None:
    from PySide6.QtCore import Qt

    _mouse(window.canvas, "press", point, Qt.MouseButton.LeftButton)
    _mouse(window.canvas, "release", point, Qt.MouseButton.LeftButton)


def _click_ours(window, points, ids) -> tuple[float, float]:
    filled, painted = [], []
    for i in range(CLICKS + 2):
        k = i % 2
        start = time.perf_counter()
        _click(window, points[k])
        t_filled = time.perf_counter()
        if window.evidence.sector_id != ids[k]:
            raise RuntimeError(f"click selected {window.evidence.sector_id!r}, expected {ids[k]!r}")
        _settle()  # layout, panel paint, and the map's deferred redraw with the selection outline
        t_painted = time.perf_counter()
        if i >= 2:
            filled.append((t_filled - start) * 1000)
            painted.append((t_painted - start) * 1000)
    return statistics.median(filled), statistics.median(painted)


def _click_naive(project, naive: NaiveMap, points, ids) -> tuple[float, float]:
    from mapview.qt.panels.evidence import EvidencePanel

    panel = EvidencePanel()
    panel.resize(560, 520)
    panel.show()
    filled, painted = [], []
    for i in range(CLICKS + 2):
        k = i % 2
        start = time.perf_counter()
        # What the click would do without the index or the cached view: test every patch, derive again, redraw all.
        sector_id = naive.hit(points[k].x() * naive.canvas.device_pixel_ratio,
                              naive.canvas.figure.bbox.height - points[k].y() * naive.canvas.device_pixel_ratio)
        view = project.view(None)
        sv = view.by_id()[sector_id]
        panel.show_sector(sv, view)
        t_filled = time.perf_counter()
        if panel.sector_id != ids[k]:
            raise RuntimeError(f"naive click selected {panel.sector_id!r}, expected {ids[k]!r}")
        naive.artists.set_selected(sector_id)
        naive.canvas.draw()
        naive.canvas.repaint()
        _settle()  # the same stop as ours: events processed, panel and map painted
        t_painted = time.perf_counter()
        if i >= 2:
            filled.append((t_filled - start) * 1000)
            painted.append((t_painted - start) * 1000)
    panel.close()
    return statistics.median(filled), statistics.median(painted)


AS_OF_DAYS = ("2025-12-31", None)  # before article 000 (Kosovo's lead goes), then all dates (it comes back)
AS_OF_CHANGES = 20


def _days():
    from datetime import date

    return [date.fromisoformat(d) if d else None for d in AS_OF_DAYS]


def _as_of_ours(window) -> float:
    """The window's as-of change (state, map restyled in place, panels) until the map's pixels are in the widget."""
    days, samples = _days(), []
    for i in range(AS_OF_CHANGES + 2):
        start = time.perf_counter()
        window.set_as_of(days[i % 2])
        window.canvas.repaint()  # synchronous: runs the pending draw and copies it to the widget
        elapsed = (time.perf_counter() - start) * 1000
        if window.view.as_of != days[i % 2]:
            raise RuntimeError("the as-of day did not reach the view")
        if i >= 2:
            samples.append(elapsed)
        _settle()  # the panels' own repaints, outside the timed span as in the baseline
    return statistics.median(samples)


def _as_of_naive(naive: NaiveMap) -> float:
    """The simple version: derive the view, clear the axes, draw the map and legend again (zoom kept), repaint."""
    from mapview.render.mapfigure import draw_map, legend_handles

    days, samples = _days(), []
    for i in range(AS_OF_CHANGES + 1):
        start = time.perf_counter()
        limits = (naive.ax.get_xlim(), naive.ax.get_ylim())
        naive.view = naive.project.view(days[i % 2])
        naive.ax.clear()
        naive.artists = draw_map(naive.ax, naive.project, naive.view)
        naive.ax.legend(handles=legend_handles(naive.view), loc="upper left", fontsize=8)
        naive.ax.set_xlim(*limits[0])
        naive.ax.set_ylim(*limits[1])
        naive.canvas.draw()
        naive.canvas.repaint()
        if i >= 1:
            samples.append((time.perf_counter() - start) * 1000)
        _settle()
    return statistics.median(samples)


def run() -> list[Result]:
    """Hover at 5 sectors and at 10,000 polygons, and click to the evidence panel, ours vs naive."""
    from mapview.data.project import ProjectPaths, load_project

    _app()
    results: list[Result] = []
    paths = ProjectPaths.defaults()
    project = load_project(paths)

    window = _open_window(project)
    points, ids = _two_points(window.canvas, project, "north-gaza", "rafah")
    ours = _hover_ours(window, points, ids, HOVER_MOVES)
    naive = NaiveMap(project, window.canvas.size())
    base = _hover_naive(naive, points, ids, NAIVE_MOVES_SMALL)
    results.append(Result("hover repaint, 5 sectors", ours, base, "ms", "< 8 ms", 8.0))

    click_points, click_ids = _two_points(window.canvas, project, "deir-al-balah", "khan-yunis")
    filled, painted = _click_ours(window, click_points, click_ids)
    base_filled, base_painted = _click_naive(project, naive, click_points, click_ids)
    results.append(Result("click to evidence panel painted", painted, base_painted, "ms", "< 50 ms", 50.0))
    results.append(Result("click to evidence panel filled", filled, base_filled, "ms", ""))
    results.append(Result("as-of change to repainted map", _as_of_ours(window), _as_of_naive(naive), "ms",
                          "< 30 ms", 30.0))
    naive.close()
    window.close()
    window.deleteLater()
    _settle()

    big = grid_project(project)
    count = len(big.sectors.sectors)
    window = _open_window(big, labels=False)
    cells = big.sectors.sectors
    points, ids = _two_points(window.canvas, big, cells[count // 3].id, cells[2 * count // 3].id)
    ours = _hover_ours(window, points, ids, HOVER_MOVES)
    naive = NaiveMap(big, window.canvas.size(), labels=False)
    base = _hover_naive(naive, points, ids, NAIVE_MOVES_LARGE)
    results.append(Result(f"hover repaint, {count:,} polygons", ours, base, "ms", "< 16 ms", 16.0))
    naive.close()
    window.close()
    window.deleteLater()
    _settle()
    return results


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
