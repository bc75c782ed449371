"""The map widget: the matplotlib figure from ``mapfigure`` in a Qt canvas, with hover, click, pan and zoom.

Hit tests run in data coordinates against a shapely STRtree (``SectorIndex``), never ``contains()`` per artist.
The hover outline is an animated artist blitted over a cached background, so moving the mouse repaints only
when the hovered sector changes, and never redraws the whole map.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backend_bases import DrawEvent, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.legend import Legend
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mapview import wording
from mapview.data.assignments import AssignmentView, SectorView
from mapview.data.spatial import SectorIndex
from mapview.qt.plaintext import plain_tooltip
from mapview.qt.subscriptions import Subscriptions
from mapview.render.mapfigure import (
    LEGEND_CORNERS,
    MapArtists,
    clear_legend_corner,
    draw_map,
    legend_handles,
    map_extent,
    new_map_figure,
)
from mapview.render.style import HOVER_STYLE
from mapview.state import AppState, north_to_south

ZOOM_STEP = 1.25
DRAG_THRESHOLD_PX = 4
MIN_SPAN_DEG = 0.004  # about 400 m: closer than that there is nothing more to read
MAX_ZOOM_OUT = 4.0  # times the size of the whole strip
Z_HOVER = 3.5


class MapCanvas(FigureCanvasQTAgg):
    """The sector map; emits the sector under the pointer and clicked sectors (None for no sector)."""

    sectorHovered = Signal(object)  # str | None  # noqa: N815 (Qt signal naming)
    sectorClicked = Signal(object)  # str | None  # noqa: N815
    stepRequested = Signal(int)  # +1 next sector (southward), -1 previous  # noqa: N815
    viewMoved = Signal()  # the user zoomed or panned  # noqa: N815

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        figure, ax = new_map_figure((8.0, 7.0), 100)
        super().__init__(figure)
        self.setParent(parent)
        self.ax = ax
        self.state = state
        self.project = state.project  # what is drawn now (the state may move on first; the canvas follows)
        self.view = state.view
        self.index = SectorIndex(self.project.sectors.sectors)
        self.artists: MapArtists | None = None
        self.legend: Legend | None = None  # the one shown
        self._legends: dict[tuple[str, ...], Legend] = {}
        self._legend_corner = LEGEND_CORNERS[0]
        self._whole_map = False  # the view is "zoom to all": refitted (legend clear of the strip) on a resize
        self.hovered: str | None = None
        self._background = None
        self._by_id: tuple[AssignmentView | None, dict[str, SectorView]] = (None, {})
        self._hover_patch: PathPatch | None = None
        self._press: tuple[float, float, tuple, tuple, object] | None = None
        self._dragging = False
        self._fit_labels_on_show = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 320)
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("scroll_event", self._on_scroll)
        self.mpl_connect("figure_leave_event", lambda _event: self._set_hovered(None))
        self.set_view(state.view, keep_limits=False)
        self._subscriptions = Subscriptions(self)
        self._subscriptions.connect(state.view_changed, self.set_view)
        self._subscriptions.connect(state.selected_changed, self.set_selected)
        self._subscriptions.connect(state.emphasised_changed, self._on_emphasised)

    @property
    def selected(self) -> str | None:
        """The selected sector (the state's)."""
        return self.state.selected

    @property
    def emphasised(self) -> set[str]:
        """The sectors outlined for the chosen nation (the state's)."""
        return self.state.emphasised_sectors

    # ----- drawing -------------------------------------------------------------------------------------------

    def set_view(self, view: AssignmentView, keep_limits: bool = True) -> None:
        """Show a new derived view: restyle the drawn sectors in place (another as-of day), or draw the map again
        for a reloaded project; the zoom and the selection stay either way."""
        if self.artists is not None and self.project is self.state.project:
            self.view = view
            self.artists.restyle(view)
            self._draw_legend(view)
            if self._whole_map:  # another legend (other entries) may need another corner
                self._fit_whole_map()
                self.artists.declutter_labels()
            self.draw_idle()
            return
        limits = (self.ax.get_xlim(), self.ax.get_ylim()) if keep_limits and self.artists else None
        self.project = self.state.project
        self.index = SectorIndex(self.project.sectors.sectors)
        self.view = view
        if self.artists is not None:  # a reload; the first drawing goes on the figure's fresh, empty axes
            self.ax.clear()
        self.legend, self._legends = None, {}
        self.artists = draw_map(self.ax, self.project, view, selected=self.selected, emphasised=self.emphasised)
        self.artists.fit_to_room = True
        self._draw_legend(view)
        if not limits:
            self._fit_whole_map()
        self._hover_patch = PathPatch(MplPath(np.zeros((1, 2))), facecolor=(1, 1, 1, 0.28),
                                      edgecolor=HOVER_STYLE.colour, linewidth=HOVER_STYLE.linewidth,
                                      zorder=Z_HOVER, animated=True, visible=False)
        self.ax.add_patch(self._hover_patch)
        if limits:
            self.ax.set_xlim(*limits[0])
            self.ax.set_ylim(*limits[1])
        if self.isVisible():  # at the zoom kept, so a reload fits the labels as they were
            self.artists.declutter_labels()
        else:  # fitted at the size the canvas is shown at (its first show brings a resize event, see resizeEvent)
            self._fit_labels_on_show = True
        self._background = None
        self._show_hover(self.hovered if self.hovered in self.artists.paths else None)
        self.draw_idle()

    def _draw_legend(self, view: AssignmentView) -> None:
        """Show the legend for the view, retitled for its day.

        One legend is kept per distinct set of entries (a few at most: the leads and patterns a day can show) and
        shown or hidden, rather than built again on every date change: that keeps the zoom-and-date loop from
        allocating new artists each time (measured: RSS grew 20% over 300 date changes with resizes in between).
        """
        handles = legend_handles(view)
        key = tuple(h.get_label() for h in handles)
        if self.legend is not None:
            self.legend.set_visible(False)
        if not handles:
            self.legend = None
            return
        legend = self._legends.get(key)
        if legend is None:
            legend = Legend(self.ax, handles, list(key), loc=self._legend_corner, fontsize=8, title_fontsize=8.5,
                            framealpha=0.92, edgecolor="#9a9a9a", handlelength=2.2, handleheight=1.4, borderpad=0.6)
            legend.set_zorder(10)
            self.ax.add_artist(legend)
            self._legends[key] = legend
        legend.set_title(wording.legend_title(view.as_of), prop={"size": 8.5})
        legend.set_loc(self._legend_corner)
        legend.set_visible(True)
        self.legend = legend

    def _fit_whole_map(self) -> None:
        """Every sector in view and the legend in the corner where it covers none of them (the view widened
        when no corner has room, e.g. at QT_SCALE_FACTOR=2)."""
        xmin, xmax, ymin, ymax = map_extent(self.view)
        self.ax.set_xlim(xmin, xmax)
        self.ax.set_ylim(ymin, ymax)
        self._whole_map = True
        if self.legend is not None and self.artists is not None:
            self._legend_corner = clear_legend_corner(self.ax, self.legend, list(self.artists.shapes.values()),
                                                      self.get_renderer())

    @property
    def hover_artist(self) -> PathPatch | None:
        """The animated hover outline (hidden when the pointer is over no sector)."""
        return self._hover_patch

    def _on_draw(self, _event: DrawEvent) -> None:
        # A full draw just happened: keep its pixels as the background for the hover blits.
        self._background = self.copy_from_bbox(self.figure.bbox)
        if self._hover_patch is not None and self._hover_patch.get_visible():
            self.ax.draw_artist(self._hover_patch)

    def _show_hover(self, sector_id: str | None) -> None:
        patch = self._hover_patch
        if patch is None or self.artists is None:
            return
        if sector_id is None:
            patch.set_visible(False)
        else:
            patch.set_path(self.artists.paths[sector_id])
            patch.set_visible(True)

    def _blit_hover(self) -> None:
        if self._background is None:
            self.draw_idle()  # the draw_event will paint the hover outline too
            return
        self.restore_region(self._background)
        if self._hover_patch is not None and self._hover_patch.get_visible():
            self.ax.draw_artist(self._hover_patch)
        self.blit(self.figure.bbox)

    def set_selected(self, sector_id: str | None) -> None:
        """Outline the selected sector (None clears)."""
        if self.artists is not None:
            self.artists.set_selected(sector_id)
        self.draw_idle()

    def _on_emphasised(self, _nation: str | None) -> None:
        """Outline the sectors where the chosen nation has a role."""
        if self.artists is not None:
            self.artists.set_emphasised(self.emphasised)
        self.draw_idle()

    # ----- hover and click -----------------------------------------------------------------------------------

    def sector_at(self, lon: float | None, lat: float | None) -> str | None:
        """The sector at a data point (None outside every sector or outside the axes)."""
        if lon is None or lat is None:
            return None
        return self.index.sector_at(lon, lat)

    def sector_view(self, sector_id: str | None) -> SectorView | None:
        """The shown view's record of a sector (None for None or an unknown id), without a per-call lookup table."""
        if sector_id is None:
            return None
        if self._by_id[0] is not self.view:  # built once per view: hovering must not cost O(sectors) per move
            self._by_id = (self.view, self.view.by_id())
        return self._by_id[1].get(sector_id)

    def _set_hovered(self, sector_id: str | None) -> None:
        if sector_id == self.hovered:
            return
        self.hovered = sector_id
        self._show_hover(sector_id)
        self._blit_hover()
        self.sectorHovered.emit(sector_id)
        sv = self.sector_view(sector_id)
        if sv is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), plain_tooltip(wording.sector_hover_text(self.view, sv)), self)

    def _on_motion(self, event: MouseEvent) -> None:
        if self._press is not None:
            x0, y0, xlim, ylim, inverse = self._press
            if not self._dragging and np.hypot(event.x - x0, event.y - y0) < DRAG_THRESHOLD_PX:
                return
            if not self._dragging:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._set_hovered(None)
            start = inverse.transform((x0, y0))
            now = inverse.transform((event.x, event.y))
            dx, dy = now - start
            self.ax.set_xlim(xlim[0] - dx, xlim[1] - dx)
            self.ax.set_ylim(ylim[0] - dy, ylim[1] - dy)
            self._whole_map = False
            self.draw_idle()
            return
        inside = event.inaxes is self.ax
        self._set_hovered(self.sector_at(event.xdata, event.ydata) if inside else None)

    def _on_press(self, event: MouseEvent) -> None:
        if event.button != 1 or event.inaxes is not self.ax:
            return
        self._press = (event.x, event.y, self.ax.get_xlim(), self.ax.get_ylim(),
                       self.ax.transData.inverted().frozen())
        self._dragging = False

    def _on_release(self, event: MouseEvent) -> None:
        if event.button != 1 or self._press is None:
            return
        dragged = self._dragging
        self._press, self._dragging = None, False
        self.unsetCursor()
        if dragged:
            self._refit_labels()
            self.viewMoved.emit()
        if not dragged:
            inside = event.inaxes is self.ax
            self.sectorClicked.emit(self.sector_at(event.xdata, event.ydata) if inside else None)

    # ----- zoom and pan ----------------------------------------------------------------------------------------

    def _zoom(self, factor: float, centre: tuple[float, float] | None = None) -> None:
        """Zoom by ``factor`` (>1 zooms in) about ``centre`` in data coordinates (default: the view centre)."""
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        cx, cy = centre if centre is not None else ((x0 + x1) / 2, (y0 + y1) / 2)
        xmin, xmax, ymin, ymax = map_extent(self.view)
        full = max(xmax - xmin, ymax - ymin)
        span = max(x1 - x0, y1 - y0) / factor
        if span < MIN_SPAN_DEG or span > full * MAX_ZOOM_OUT:
            return
        self.ax.set_xlim(cx - (cx - x0) / factor, cx + (x1 - cx) / factor)
        self.ax.set_ylim(cy - (cy - y0) / factor, cy + (y1 - cy) / factor)
        self._whole_map = False
        self._redraw_zoomed()

    def _redraw_zoomed(self) -> None:
        """Redraw after a zoom: labels keep their size while sectors shrink, so push overlapping ones apart."""
        if self.artists is not None:
            self.artists.declutter_labels()
        self.draw_idle()
        self.viewMoved.emit()

    def _on_scroll(self, event: MouseEvent) -> None:
        if event.inaxes is not self.ax or event.xdata is None:
            return
        self._zoom(ZOOM_STEP ** event.step, (event.xdata, event.ydata))

    def zoom_in(self) -> None:
        """Zoom in about the centre."""
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out about the centre."""
        self._zoom(1 / ZOOM_STEP)

    def zoom_to_all(self) -> None:
        """Fit every sector in the view, the legend clear of them."""
        self._fit_whole_map()
        self._redraw_zoomed()

    def pan(self, dx_fraction: float, dy_fraction: float) -> None:
        """Pan by a fraction of the visible span (keyboard panning)."""
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        dx, dy = (x1 - x0) * dx_fraction, (y1 - y0) * dy_fraction
        self.ax.set_xlim(x0 + dx, x1 + dx)
        self.ax.set_ylim(y0 + dy, y1 + dy)
        self._whole_map = False
        self._refit_labels()
        self.viewMoved.emit()

    def _refit_labels(self) -> None:
        """Fit the labels to the map as it now lies (a sector moved into or out of view, a callout's room changed)
        and redraw; run once a pan ends, not on every move of a drag."""
        if self.artists is not None:
            self.artists.declutter_labels()
        self.draw_idle()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A new size fits the labels again, now: fitted for another size, a label would keep a lead line that
        no longer fits (and lose it at the next as-of change or reload, for no reason the user can see)."""
        super().resizeEvent(event)
        if self.artists is not None:
            if self._whole_map:  # the legend's room changes with the size: place it (and the strip) again
                self._fit_whole_map()
            self.artists.declutter_labels()
            self._fit_labels_on_show = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Fit the labels of a map drawn while the canvas was hidden, if no resize has fitted them since."""
        super().showEvent(event)
        if self._fit_labels_on_show and self.artists is not None:
            self.artists.declutter_labels()
            self._fit_labels_on_show = False

    # ----- keyboard ------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab step through the sectors, north to south; Tab on the last sector (Shift+Tab on the
        first) moves the keyboard on to the next (previous) widget, so the map is no trap."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            back = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            order = north_to_south(self.view)
            if order and self.selected != (order[0] if back else order[-1]):
                self.stepRequested.emit(-1 if back else +1)
                return True
            self.focusNextPrevChild(not back)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Arrows step through sectors (Down/Right southward); Shift+arrows pan; +/- zoom."""
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        arrows = {Qt.Key.Key_Down: (0, -0.15, 1), Qt.Key.Key_Right: (0.15, 0, 1),
                  Qt.Key.Key_Up: (0, 0.15, -1), Qt.Key.Key_Left: (-0.15, 0, -1)}
        if key in arrows:
            dx, dy, step = arrows[key]
            if shift:
                self.pan(dx, dy)
            else:
                self.stepRequested.emit(step)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
            return
        if key == Qt.Key.Key_Minus:
            self.zoom_out()
            return
        super().keyPressEvent(event)

    # ----- coordinates for tests and tools --------------------------------------------------------------------

    def data_to_widget(self, lon: float, lat: float) -> QPoint:
        """Widget pixel position (Qt's y-down, logical pixels) of a data point."""
        self.ax.apply_aspect()
        x, y = self.ax.transData.transform((lon, lat))
        ratio = self.device_pixel_ratio or 1.0
        return QPoint(round(x / ratio), round((self.figure.bbox.height - y) / ratio))

    def pixel_rgb(self, point: QPoint) -> tuple[int, int, int]:
        """The colour at a widget position in the canvas buffer as last drawn (call ``draw()`` first)."""
        buffer = np.asarray(self.buffer_rgba())
        ratio = self.device_pixel_ratio or 1.0
        row, col = round(point.y() * ratio), round(point.x() * ratio)
        r, g, b, _a = buffer[row, col]
        return int(r), int(g), int(b)
