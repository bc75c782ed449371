"""Draw the sector map on a matplotlib Axes (headless: ``matplotlib.figure.Figure``, never pyplot).

One PathPatch per sector (a MultiPolygon becomes one compound path), the quiet land context beneath, labels with a
halo that are pushed apart when they would overlap, and overlay patches for selection, hover emphasis and broken
evidence that are restyled in place so the window only needs ``canvas.draw_idle()``.
"""

from __future__ import annotations

import logging
import math
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.text import Annotation, Text
from shapely import affinity
from shapely import box as shapely_box
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from mapview import wording
from mapview.data.areas import shared_edge
from mapview.render.style import (
    BROKEN_STYLE,
    HATCH_LINEWIDTH,
    LABEL_COLOUR,
    LABEL_HALO_COLOUR,
    LAND_COLOUR,
    LAND_EDGE_COLOUR,
    SEA_COLOUR,
    SECTOR_EDGE_COLOUR,
    SELECTED_STYLE,
    SITE_BAND_SHARE,
    SITE_HALO,
    OutlineStyle,
    legend_entries,
    sector_style,
    site_style,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from mapview.data.assignments import AssignmentView, SectorView, SiteMark
    from mapview.data.project import Project
    from mapview.data.sectors import Sector

Z_SITE = 2.5  # above the sectors it lies between, beneath the broken, emphasis and selection outlines
Z_CONTEXT, Z_SECTOR, Z_BROKEN, Z_EMPHASIS, Z_SELECTION, Z_LABEL = 1.0, 2.0, 2.6, 2.7, 2.8, 4.0
EXTENT_PAD = 0.10  # fraction of the strip's size added around it
CONTEXT_MARGIN = 1.5  # degrees of context kept around the strip (enough for any window shape)
LABEL_GAP_PX = 3.0
# A light box behind each label, not a stroke path effect: a path effect draws the glyphs as outlines, so in SVG
# and PDF the labels could not be searched, copied, read aloud or edited; with a box they stay text.
LABEL_BOX = {"boxstyle": "round,pad=0.18", "facecolor": LABEL_HALO_COLOUR, "edgecolor": "none", "alpha": 0.72}
LABEL_BOX_PAD = 0.18  # LABEL_BOX's pad, in ems
LABEL_SPILL = 0.1  # share of a label's width that may lie over its sector's border in the window
LABEL_MIN_PT = 7.0  # the smallest font a label is shrunk to before it becomes a callout (still readable)
CALLOUT_GAP_PX = 4.0  # between a callout's box and the nearest sector
LEADER_STYLE = {"color": "#2a2a2a", "linewidth": 0.9, "marker": "o", "markersize": 3.2, "markevery": [1],
                "markeredgecolor": "#ffffff", "markeredgewidth": 0.7, "solid_capstyle": "butt",
                "path_effects": [patheffects.Stroke(linewidth=2.4, foreground="#ffffff", alpha=0.8),
                                 patheffects.Normal()]}  # a halo reads over hatching; the dot marks where it ends

_RESIZE_HOOKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _AspectNoticeFilter(logging.Filter):
    """Drop matplotlib's notice that a fixed aspect widens fixed limits: that is exactly what a map wants."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "to fulfill fixed data aspect" not in record.getMessage()


logging.getLogger("matplotlib.axes._base").addFilter(_AspectNoticeFilter())


def geometry_path(geom: Polygon | MultiPolygon) -> MplPath:
    """A matplotlib Path for a (Multi)Polygon: one compound path, holes wound opposite to their shell."""
    polygons = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    vertices: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for polygon in polygons:
        if polygon.is_empty:
            continue
        polygon = orient(polygon, 1.0)
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            ring_codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
            ring_codes[0] = MplPath.MOVETO
            ring_codes[-1] = MplPath.CLOSEPOLY
            vertices.append(coords)
            codes.append(ring_codes)
    if not vertices:
        return MplPath(np.empty((0, 2)))
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def add_polygon_patch(ax: Axes, patch: PathPatch) -> PathPatch:
    """``ax.add_patch`` for a straight-edged polygon path, without its per-segment Python loop.

    ``Axes.add_patch`` grows the data limits by walking every segment as a Bezier curve in Python, which costs
    tens of milliseconds for the sector outlines (and seconds for thousands of polygons). For MOVETO/LINETO/
    CLOSEPOLY paths in data coordinates the extents of the vertices are the same limits, computed in numpy.
    """
    ax.add_artist(patch)
    path = patch.get_path()
    vertices = path.vertices
    if path.codes is not None:
        vertices = vertices[path.codes != MplPath.CLOSEPOLY]
    if len(vertices):
        ax.update_datalim(vertices)
    return patch


def sector_fill(sv: SectorView) -> tuple[str, str | None, float, object]:
    """Fill colour, hatch, alpha and edge linestyle for a sector's lead (from the one style description)."""
    style = sector_style(sv)
    linestyle: object = (0, tuple(v / style.outline_pt for v in style.dash_pt)) if style.dash_pt else "-"
    return style.fill, style.pattern.hatch if style.pattern else None, style.alpha, linestyle


def style_sector(patch: PathPatch, sv: SectorView) -> None:
    """Give a sector's patch the fill, hatch, alpha and edge style of its lead (when drawn and when restyled)."""
    fill, hatch, alpha, linestyle = sector_fill(sv)
    patch.set(facecolor=fill, hatch=hatch, alpha=alpha, linestyle=linestyle)
    _set_hatch(patch, sector_style(sv).pattern_colour)


def site_band(first: Sector, second: Sector, half_width: float) -> Polygon | MultiPolygon | None:
    """The band along two sectors' shared edge, ``half_width`` degrees of latitude on each side (as wide east-west
    on the ground: longitude is scaled by the cosine of the latitude first), kept inside the two sectors; None when
    they share no edge."""
    edge = shared_edge(first, second)
    if edge is None:
        return None
    centre = edge.centroid
    squeeze = math.cos(math.radians(centre.y))
    ground = affinity.scale(edge, xfact=squeeze, yfact=1.0, origin=centre)
    band = affinity.scale(ground.buffer(half_width, cap_style="flat"), xfact=1 / squeeze, yfact=1.0, origin=centre)
    band = band.intersection(first.geometry.union(second.geometry))
    return band if isinstance(band, Polygon | MultiPolygon) and not band.is_empty else None


def _band_half_width(view: AssignmentView) -> float:
    """Half a site band's width in degrees: a share of the strip's size, so the band reads at the whole-map zoom."""
    xmin, xmax, ymin, ymax = map_extent(view, pad=0.0)
    return max(xmax - xmin, ymax - ymin) * SITE_BAND_SHARE / 2


def style_site(patch: PathPatch, mark: SiteMark) -> None:
    """Give a site's band the fill and pattern of who stands there, with the site outline."""
    style = site_style(mark)
    patch.set(facecolor=style.fill, hatch=style.pattern.hatch if style.pattern else None, alpha=style.alpha,
              edgecolor=style.outline, linewidth=style.outline_pt)
    _set_hatch(patch, style.pattern_colour)


def _site_marker(ax: Axes, path: MplPath, mark: SiteMark) -> PathPatch:
    patch = PathPatch(path, zorder=Z_SITE, path_effects=_outline_effects(SITE_HALO))
    style_site(patch, mark)
    patch.set_mouseover(False)
    ax.add_artist(patch)  # not add_patch: the band lies inside its sectors, already in the data limits
    return patch


def _broken_marker(ax: Axes, path: MplPath) -> PathPatch:
    marker = PathPatch(path, fill=False, edgecolor=BROKEN_STYLE.edgecolor, linewidth=BROKEN_STYLE.linewidth,
                       linestyle=BROKEN_STYLE.linestyle, zorder=Z_BROKEN)
    marker.set_mouseover(False)
    return add_polygon_patch(ax, marker)


def _set_hatch(patch: Patch, colour: str) -> None:
    if hasattr(patch, "set_hatchcolor"):  # matplotlib >= 3.10; older versions draw hatches in the edge colour
        patch.set_hatchcolor(colour)
    if hasattr(patch, "set_hatch_linewidth"):
        patch.set_hatch_linewidth(HATCH_LINEWIDTH)


def map_extent(view: AssignmentView, pad: float = EXTENT_PAD) -> tuple[float, float, float, float]:
    """(xmin, xmax, ymin, ymax) around all sectors with ``pad`` of their size on each side."""
    bounds = np.array([sv.sector.geometry.bounds for sv in view.sectors]) if view.sectors else None
    if bounds is None:
        return 34.2, 34.6, 31.2, 31.6
    xmin, ymin = bounds[:, 0].min(), bounds[:, 1].min()
    xmax, ymax = bounds[:, 2].max(), bounds[:, 3].max()
    size = max(xmax - xmin, ymax - ymin, 1e-3)
    return xmin - pad * size, xmax + pad * size, ymin - pad * size, ymax + pad * size


def lat_aspect(lat: float) -> float:
    """The Axes aspect (y units per x unit on screen) that makes a degree of longitude its true length."""
    return 1.0 / math.cos(math.radians(lat))


# The sectors where the nation chosen in the Nations panel has a role: a dashed violet outline, so the choice never
# looks like the pointer's yellow hover outline (nor the black selection). Kept here, beside the hover it must
# differ from, until the style description takes it.
EMPHASIS_STYLE = OutlineStyle("#6a3d9a", 2.6, "#ffffff", 4.8)
EMPHASIS_DASHES = (0, (4.0, 2.0))


def _outline_effects(style: OutlineStyle) -> list:
    return [patheffects.Stroke(linewidth=style.halo_width, foreground=style.halo_colour), patheffects.Normal()]


@dataclass
class MapArtists:
    """The artists of one drawn map, so the window can restyle selection and hover in place."""

    sectors: dict[str, PathPatch]
    labels: dict[str, Text]
    context: list[Artist]
    selection: PathPatch | None
    paths: dict[str, MplPath] = field(default_factory=dict)
    broken: dict[str, PathPatch] = field(default_factory=dict)
    emphasis: dict[str, PathPatch] = field(default_factory=dict)
    ax: Axes | None = None
    selected: str | None = None
    fit_to_room: bool = False  # shorten, shrink or call out labels that do not fit their sector (see fit_labels)
    full_labels: dict[str, str] = field(default_factory=dict)  # each label's whole text, before any shortening
    shapes: dict[str, Polygon | MultiPolygon] = field(default_factory=dict, repr=False)  # each sector's outline
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)  # each sector's label point (lon, lat)
    leaders: dict[str, Line2D] = field(default_factory=dict)  # a callout's line to its sector, made when needed
    label_size: float = 8.0
    outline: Polygon | MultiPolygon | None = field(default=None, repr=False)  # all sectors as one (see fit_labels)
    whole_labels: bool = False  # a printed page: keep the lead line, called out if need be (see fit_labels)
    sizes: dict[str, float] = field(default_factory=dict, repr=False)  # see sector_sizes
    sites: dict[tuple[str, str], PathPatch] = field(default_factory=dict)  # one band per pair of sectors
    site_paths: dict[tuple[str, str], MplPath | None] = field(default_factory=dict, repr=False)  # None: no edge

    def draw_sites(self, view: AssignmentView) -> None:
        """Draw (or restyle) a band on the shared edge of each pair of sectors a site claim names; hide the bands
        of pairs the view no longer names (another as-of day). Each band's outline is worked out once."""
        marks = {mark.area: mark for mark in view.site_marks}
        for area, patch in self.sites.items():
            patch.set_visible(area in marks)
        if not marks or self.ax is None:
            return
        sectors = {sv.sector.id: sv.sector for sv in view.sectors}
        for area, mark in marks.items():
            patch = self.sites.get(area)
            if patch is not None:
                style_site(patch, mark)
                continue
            if area not in self.site_paths:
                band = (site_band(sectors[area[0]], sectors[area[1]], _band_half_width(view))
                        if area[0] in sectors and area[1] in sectors else None)
                self.site_paths[area] = geometry_path(band) if band is not None else None
            path = self.site_paths[area]
            if path is not None:
                self.sites[area] = _site_marker(self.ax, path, mark)

    def leader(self, sector_id: str) -> Line2D:
        """The leader line of a sector's callout (made hidden the first time it is needed)."""
        line = self.leaders.get(sector_id)
        if line is None:
            line = Line2D([], [], zorder=Z_LABEL - 0.1, visible=False, **LEADER_STYLE)
            line.set_mouseover(False)
            self.ax.add_artist(line)  # not add_line: a callout must not widen the data limits
            self.leaders[sector_id] = line
        return line

    def sector_sizes(self) -> dict[str, float]:
        """Each sector's bounding-box area in data units (computed once: the paths do not change with the day)."""
        for sid, path in self.paths.items():
            if sid not in self.sizes:
                span = np.ptp(path.vertices, axis=0) if len(path.vertices) else np.zeros(2)
                self.sizes[sid] = float(span[0] * span[1])
        return self.sizes

    def restyle(self, view: AssignmentView) -> None:
        """Restyle the drawn sectors for a new view of the same project (another as-of day): fills, hatches,
        labels and broken-evidence outlines change in place; geometry, land, zoom and selection stay."""
        for sv in view.sectors:
            sid = sv.sector.id
            patch = self.sectors.get(sid)
            if patch is None:
                continue
            style_sector(patch, sv)
            if sid in self.labels:
                self.labels[sid].set_text(wording.sector_label(sv))
                self.full_labels[sid] = wording.sector_label(sv)
            marker = self.broken.get(sid)
            if marker is not None:
                marker.set_visible(sv.has_broken_evidence)
            elif sv.has_broken_evidence and self.ax is not None:
                self.broken[sid] = _broken_marker(self.ax, self.paths[sid])
        self.draw_sites(view)
        self.declutter_labels()

    def set_selected(self, sector_id: str | None) -> None:
        """Outline ``sector_id`` as selected (None clears); the caller redraws with ``draw_idle()``. Labels fitted
        to the room are fitted again: the selected one is placed first (and is bold, so wider)."""
        if sector_id not in self.paths:
            sector_id = None
        if self.selected in self.labels:
            self.labels[self.selected].set_fontweight("normal")
        changed = sector_id != self.selected
        self.selected = sector_id
        if sector_id in self.labels:
            self.labels[sector_id].set_fontweight("bold")
        if changed and self.fit_to_room and not self._still_fits(sector_id):
            self.declutter_labels()
        if self.selection is None:
            return
        if sector_id is None:
            self.selection.set_visible(False)
            return
        self.selection.set_path(self.paths[sector_id])
        self.selection.set_visible(True)

    def _still_fits(self, sector_id: str | None) -> bool:
        """True when the newly selected label, now bold, still sits inside its sector clear of the other labels:
        then placing it first would change nothing, and a click need not fit every label again."""
        label = self.labels.get(sector_id) if sector_id else None
        if label is None:
            return True
        get_renderer = getattr(self.ax.figure.canvas, "get_renderer", None) if self.ax is not None else None
        leader = self.leaders.get(sector_id)
        if get_renderer is None or not label.get_visible() or (leader is not None and leader.get_visible()):
            return False
        renderer = get_renderer()
        if not _fits(self, sector_id, label, renderer):
            return False
        extent = label.get_window_extent(renderer)
        return not any(other.get_visible() and extent.overlaps(other.get_window_extent(renderer))
                       for sid, other in self.labels.items() if sid != sector_id)

    def set_emphasised(self, ids: set[str] | None) -> None:
        """Draw the chosen nation's dashed outline around each sector in ``ids`` and remove it from all others."""
        wanted = set(ids or ()) & set(self.paths)
        for sector_id, patch in self.emphasis.items():
            patch.set_visible(sector_id in wanted)
        for sector_id in wanted - set(self.emphasis):
            if self.ax is None:
                continue
            patch = PathPatch(self.paths[sector_id], fill=False, edgecolor=EMPHASIS_STYLE.colour,
                              linewidth=EMPHASIS_STYLE.linewidth, linestyle=EMPHASIS_DASHES, zorder=Z_EMPHASIS,
                              path_effects=_outline_effects(EMPHASIS_STYLE))
            patch.set_mouseover(False)
            self.ax.add_artist(patch)  # not add_patch: the sector is already inside the data limits
            self.emphasis[sector_id] = patch

    def declutter_labels(self) -> bool:
        """Push overlapping labels apart vertically (in points, so it holds at any zoom); False without a renderer."""
        if self.ax is None or not self.labels:
            return False
        figure = self.ax.figure
        get_renderer = getattr(figure.canvas, "get_renderer", None)
        if get_renderer is None:
            return False
        renderer = get_renderer()
        self.ax.apply_aspect()  # the axes' box as the next draw places it (an equal-aspect map moves with the size)
        if self.fit_to_room:
            fit_labels(self, renderer)
        else:
            declutter(list(self.labels.values()), renderer, figure.dpi)
        return True


def _fits(artists: MapArtists, sector_id: str, label: Text, renderer, shape=None) -> bool:
    """True when the label's text box lies inside its sector: it does not spill over the border.

    The box is taken a little inside (LABEL_SPILL of its width, 2 px of its height): a letter's halo over a border
    line reads as the same sector, a word on the neighbour's colour does not. ``shape`` is the sector in display
    pixels (see :func:`_display_shapes`); without it, the box's corners are tested against the sector's path.
    """
    box = label.get_window_extent(renderer)
    dx = box.width * LABEL_SPILL
    if shape is not None:
        return bool(shape.contains(shapely_box(box.x0 + dx, box.y0 + 2, box.x1 - dx, box.y1 - 2)))
    inverse = artists.ax.transData.inverted()
    path = artists.paths[sector_id]
    corners = [(box.x0 + dx, box.y0 + 2), (box.x0 + dx, box.y1 - 2), (box.x1 - dx, box.y0 + 2),
               (box.x1 - dx, box.y1 - 2)]
    return all(path.contains_point(inverse.transform(corner)) for corner in corners)


def wrapped_names(name: str) -> list[str]:
    """The name on two lines, broken after a space or a hyphen, the most even break first ("Deir al-\nBalah")."""
    breaks = [i + 1 for i, char in enumerate(name) if char in " -" and 0 < i < len(name) - 1]
    splits = {(name[:i].rstrip(), name[i:].lstrip()) for i in breaks}
    ordered = sorted((s for s in splits if s[0] and s[1]), key=lambda s: (max(len(s[0]), len(s[1])), -len(s[0])))
    return [f"{head}\n{tail}" for head, tail in ordered]


def label_sizes(base: float) -> list[float]:
    """The font sizes a label may take, largest first: its own size, then half points down to LABEL_MIN_PT."""
    sizes = [base]
    size = base - 0.5
    while size >= min(LABEL_MIN_PT, base) - 1e-9:
        sizes.append(size)
        size -= 0.5
    return sizes


def _display_shapes(artists: MapArtists) -> dict[str, object]:
    """Each sector's outline in display pixels as drawn now, prepared for repeated tests."""
    transform = artists.ax.transData.transform
    shapes = {}
    for sid, geom in artists.shapes.items():
        shape = shapely.transform(geom, transform)
        shapely.prepare(shape)
        shapes[sid] = shape
    return shapes


def _obstacles(artists: MapArtists, renderer) -> list:
    """Boxes (display pixels) a label must not cover: the legend, the scale bar, the north arrow, other texts."""
    own = {id(label) for label in artists.labels.values()}
    boxes = []
    for child in artists.ax.get_children():
        if id(child) in own or not child.get_visible():
            continue
        if not isinstance(child, Legend | Text) and type(child).__name__ != "ScaleBar":
            continue
        if isinstance(child, Text) and not child.get_text() and getattr(child, "arrow_patch", None) is None:
            continue  # an empty text; an arrow with no text (the north arrow) is kept
        try:
            extent = child.get_window_extent(renderer)
        except (AttributeError, TypeError, RuntimeError):  # an artist that cannot say where it is
            continue
        if extent.width >= 1 and extent.height >= 1:
            gap = LABEL_GAP_PX  # a label flush against the legend's frame reads as part of it
            boxes.append(shapely_box(extent.x0 - gap, extent.y0 - gap, extent.x1 + gap, extent.y1 + gap))
    return boxes


def _padded(label: Text, renderer) -> tuple[float, float, float, float]:
    """The label's box with its light background (LABEL_BOX's pad), in display pixels."""
    extent = label.get_window_extent(renderer)
    pad = LABEL_BOX_PAD * label.get_fontsize() * label.get_figure(root=True).dpi / 72 + 1.0
    return extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad


@dataclass
class _Placed:
    """What the fitting has put on the map so far (display pixels)."""

    boxes: list = field(default_factory=list)
    leaders: list = field(default_factory=list)

    def free(self, candidate, gap: float = LABEL_GAP_PX) -> bool:
        grown = candidate.buffer(gap, join_style="mitre")
        return not any(grown.intersects(other) for other in self.boxes)


def _anchors(artists: MapArtists, sector_id: str, shape, view_box, covered) -> Iterator[tuple[float, float]]:
    """Points (display pixels) inside the visible part of a sector to hang its label on: the sector's label
    point when it is in view, then the pole of inaccessibility of what is in view (zoomed in, the label
    follows the sector into the window). Not under the legend: a leader must end where it can be seen.
    Lazily: the pole is only worked out when the label point gave no room."""
    visible = shape
    if not view_box.contains(shape):
        visible = visible.intersection(view_box)
    if covered is not None and covered.intersects(visible):
        visible = visible.difference(covered)
    if visible.is_empty or visible.area < 4:
        return
    px, py = artists.ax.transData.transform(artists.anchors[sector_id])
    inside = bool(visible.contains(Point(px, py)))
    if inside:
        yield float(px), float(py)
    parts = list(visible.geoms) if hasattr(visible, "geoms") else [visible]
    largest = max((g for g in parts if isinstance(g, Polygon)), key=lambda g: g.area, default=None)
    if largest is not None:
        pole = polylabel(largest, tolerance=1.0)
        if not inside or math.dist((px, py), (pole.x, pole.y)) > 2:
            yield pole.x, pole.y


def _place_label(artists: MapArtists, label: Text, anchor: tuple[float, float]) -> None:
    inverse = artists.ax.transData.inverted()
    label.xy = tuple(float(v) for v in inverse.transform(anchor))
    label.xyann = (0.0, 0.0)


@dataclass
class _Room:
    """The map as drawn now (display pixels) and what the fitting has put on it so far."""

    artists: MapArtists
    renderer: object
    shapes: dict[str, object]  # each sector's outline
    view: Polygon  # the axes' box
    obstacles: list  # legend, scale bar, north arrow
    covered: object  # their union (None without)
    everything: object  # all sectors as one
    placed: _Placed = field(default_factory=_Placed)


def _texts_inside(full: str, base: float, whole: bool) -> list[tuple[str, float]]:
    """What a label may say inside its sector, in order of preference: the whole label, then (unless ``whole``)
    the name, on two lines, then smaller; ``whole`` tries only the whole label, smaller."""
    name = full.split("\n", 1)[0]
    if whole:
        return [(full, size) for size in label_sizes(base)]
    return [(full, base)] + [(text, size) for size in label_sizes(base) for text in (name, *wrapped_names(name))]


def _texts_callout(full: str, base: float, whole: bool) -> list[tuple[str, float]]:
    """What a callout may say, in order of preference (``whole``: only the whole label)."""
    name = full.split("\n", 1)[0]
    floor = min(LABEL_MIN_PT, base)
    if whole:
        return [(full, base), (full, floor)]
    return [(full, base), (name, base), (name, floor)] + [(text, floor) for text in wrapped_names(name)[:1]]


def _fit_inside(room: _Room, sector_id: str, anchors, texts: list[tuple[str, float]]) -> bool:
    """Put the label inside its sector, saying the first of ``texts`` that fits at one of the ``anchors``,
    where it covers no other label and no legend, within the map. False when nothing fits."""
    artists, renderer = room.artists, room.renderer
    label = artists.labels[sector_id]
    for anchor in anchors:
        _place_label(artists, label, anchor)
        for text, size in texts:
            label.set_text(text)
            label.set_fontsize(size)
            if not _fits(artists, sector_id, label, renderer, room.shapes[sector_id]):
                continue
            box = shapely_box(*_padded(label, renderer))
            if (room.view.contains(box) and room.placed.free(box, gap=1.0)
                    and not any(box.intersects(o) for o in room.obstacles)):
                room.placed.boxes.append(box)
                return True
    return False


def _fit_callout(room: _Room, sector_id: str, anchor: tuple[float, float], texts: list[tuple[str, float]]) -> bool:
    """Put the label outside the strip (over the sea to the west or the land to the east) with a leader line to
    ``anchor`` inside its sector, where its box covers no sector, label, leader or legend and its leader crosses
    no other leader; the nearest such place for the first of ``texts`` that has one wins. False when none has."""
    artists, renderer, placed, view_box = room.artists, room.renderer, room.placed, room.view
    label = artists.labels[sector_id]
    others = [shape for sid, shape in room.shapes.items() if sid != sector_id]
    inner = view_box.buffer(-2)
    for text, size in texts:
        label.set_text(text)
        label.set_fontsize(size)
        _place_label(artists, label, anchor)
        x0, y0, x1, y1 = _padded(label, renderer)
        width, height = x1 - x0, y1 - y0
        best = None
        ax_, ay_ = anchor
        step = max(4.0, height / 3)
        reach = int((view_box.bounds[3] - view_box.bounds[1]) / step) + 1
        for k in range(reach):
            for dy in ((0.0,) if k == 0 else (k * step, -k * step)):
                cy = ay_ + dy
                band = shapely.clip_by_rect(room.everything, -1e9, cy - height / 2 - CALLOUT_GAP_PX, 1e9,
                                            cy + height / 2 + CALLOUT_GAP_PX)
                if band.is_empty:
                    lefts = [ax_ - width / 2]
                else:
                    bx0, _, bx1, _ = band.bounds
                    lefts = [bx0 - CALLOUT_GAP_PX - width, bx1 + CALLOUT_GAP_PX]
                for left in lefts:
                    box = shapely_box(left, cy - height / 2, left + width, cy + height / 2)
                    if not inner.contains(box) or any(box.intersects(o) for o in room.obstacles):
                        continue
                    if not placed.free(box):
                        continue
                    end = (min(max(ax_, left), left + width), min(max(ay_, cy - height / 2), cy + height / 2))
                    leader = LineString([anchor, end])
                    if any(leader.intersects(other) for other in placed.leaders + placed.boxes):
                        continue
                    score = leader.length + 3 * sum(leader.intersection(o).length for o in others
                                                    if leader.intersects(o))
                    if best is None or score < best[0]:
                        best = (score, box, leader, (left + width / 2, cy))
            if best is not None and best[0] < k * step:
                break  # no place further up or down can have a shorter leader
        if best is None:
            continue
        _score, box, leader, centre = best
        to_points = 72.0 / label.get_figure(root=True).dpi
        label.xyann = ((centre[0] - ax_) * to_points, (centre[1] - ay_) * to_points)
        placed.boxes.append(box)
        placed.leaders.append(leader)
        line = artists.leader(sector_id)
        inverse = artists.ax.transData.inverted()
        line.set_data(*inverse.transform(np.array(leader.coords[::-1])).T)
        line.set_visible(True)
        return True
    return False


def fit_labels(artists: MapArtists, renderer) -> None:
    """Give each label the room the map has for it, so every sector in view says its name.

    Inside its sector first: the whole label, else the name, the name on two lines, then a smaller font down to
    LABEL_MIN_PT. Where none of those fits (at 1024x700 or at scale 2 the narrow middle sectors), a callout: the
    label outside the strip with a thin leader to a point inside its sector, like QGIS callouts. A label never lies
    on another sector's fill: that would read as a claim about the wrong sector. The selected sector is placed
    first, then the larger ones. Runs from the whole text each time, so zooming in brings labels back inside.
    With ``artists.whole_labels`` (a printed page, which has no hover caption) a label keeps its lead line,
    shrunk or called out, and is cut to its name only where there is no room for the whole of it.
    """
    x0, y0, x1, y1 = artists.ax.bbox.extents
    obstacles = _obstacles(artists, renderer)
    if artists.outline is None:  # all sectors as one shape, in data units (the sectors do not move)
        artists.outline = shapely.union_all(list(artists.shapes.values()))
    room = _Room(artists, renderer, _display_shapes(artists), shapely_box(x0, y0, x1, y1), obstacles,
                 shapely.union_all(obstacles) if obstacles else None,
                 shapely.transform(artists.outline, artists.ax.transData.transform))
    area = artists.sector_sizes()
    order = sorted(artists.labels, key=lambda sid: (sid != artists.selected, -area.get(sid, 0.0)))
    whole, base = artists.whole_labels, artists.label_size
    pending = []
    for sector_id in order:
        label = artists.labels[sector_id]
        full = artists.full_labels.setdefault(sector_id, label.get_text())
        if sector_id in artists.leaders:
            artists.leaders[sector_id].set_visible(False)
        label.set_visible(True)
        anchors = _anchors(artists, sector_id, room.shapes[sector_id], room.view, room.covered)
        first = next(anchors, None)
        if first is None:
            label.set_visible(False)  # the sector is out of view
        elif not _fit_inside(room, sector_id, chain([first], anchors), _texts_inside(full, base, whole)):
            pending.append((sector_id, first))
            if sector_id == artists.selected:  # its callout goes first, before other labels take the room
                _call_out(room, *pending.pop())
    for sector_id, first in pending:
        _call_out(room, sector_id, first)


def _call_out(room: _Room, sector_id: str, anchor: tuple[float, float]) -> None:
    """A callout for a label with no room inside its sector; on a page, the whole label first, then the name
    inside or called out; hidden only where there is no room at all."""
    artists = room.artists
    full, base, whole = artists.full_labels[sector_id], artists.label_size, artists.whole_labels
    if _fit_callout(room, sector_id, anchor, _texts_callout(full, base, whole)):
        return
    if whole:
        anchors = _anchors(artists, sector_id, room.shapes[sector_id], room.view, room.covered)
        if _fit_inside(room, sector_id, anchors, _texts_inside(full, base, False)[1:]):
            return
        if _fit_callout(room, sector_id, anchor, _texts_callout(full, base, False)[1:]):
            return
    artists.labels[sector_id].set_visible(False)  # no room anywhere: the colour, legend and hover caption tell


def declutter(labels: list[Text], renderer, dpi: float, iterations: int = 40) -> None:
    """Move overlapping annotation labels apart along y until no two bounding boxes (plus a gap) intersect."""
    annotations = [t for t in labels if isinstance(t, Annotation) and t.get_visible()]
    for ann in annotations:
        ann.xyann = (0.0, 0.0)
    if len(annotations) < 2:
        return
    boxes = [ann.get_window_extent(renderer) for ann in annotations]
    rects = np.array([[b.x0, b.y0, b.x1, b.y1] for b in boxes])
    offsets = np.zeros(len(annotations))  # pixels
    anchor_y = rects[:, 1] + rects[:, 3]
    for _ in range(iterations):
        moved = False
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                a, b = rects[i], rects[j]
                overlap_x = min(a[2], b[2]) - max(a[0], b[0]) + LABEL_GAP_PX
                overlap_y = min(a[3], b[3]) - max(a[1], b[1]) + LABEL_GAP_PX
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                upper, lower = (i, j) if anchor_y[i] >= anchor_y[j] else (j, i)
                shift = overlap_y / 2 + 0.5
                rects[upper, [1, 3]] += shift
                rects[lower, [1, 3]] -= shift
                offsets[upper] += shift
                offsets[lower] -= shift
                moved = True
        if not moved:
            break
    to_points = 72.0 / dpi
    for ann, offset in zip(annotations, offsets, strict=True):
        ann.xyann = (0.0, float(offset) * to_points)


def _hook_resize(ax: Axes, artists: MapArtists) -> None:
    """Re-run the label declutter whenever the canvas is resized (the callback survives a canvas swap)."""
    figure = ax.figure
    old = _RESIZE_HOOKS.pop(ax, None)
    if old is not None:
        figure.canvas.mpl_disconnect(old)
    ref = weakref.ref(artists)

    def on_resize(_event: object) -> None:
        live = ref()
        if live is not None:
            live.declutter_labels()

    _RESIZE_HOOKS[ax] = figure.canvas.mpl_connect("resize_event", on_resize)


def draw_map(ax: Axes, project: Project, view: AssignmentView, *, selected: str | None = None,
             emphasised: set[str] | None = None, show_labels: bool = True,
             label_size: float = 8.0, fit_to_room: bool = True, whole_labels: bool = False) -> MapArtists:
    """Draw sea, land context, the coloured sectors and their labels on ``ax``; return the artists.

    With ``fit_to_room`` (the window and the exports) every label is fitted to the room the map has for it (see
    :func:`fit_labels`; ``whole_labels`` for a page, which has no hover caption to tell the lead); without,
    labels keep their whole text and are only pushed apart.
    """
    xmin, xmax, ymin, ymax = map_extent(view)
    centre_lat = (ymin + ymax) / 2
    ax.set_facecolor(SEA_COLOUR)

    context: list[Artist] = []
    clip = box(xmin - CONTEXT_MARGIN, ymin - CONTEXT_MARGIN, xmax + CONTEXT_MARGIN, ymax + CONTEXT_MARGIN)
    for feature in project.context.features:
        geom = feature.geometry.intersection(clip)
        if geom.is_empty or not isinstance(geom, Polygon | MultiPolygon):
            continue
        patch = PathPatch(geometry_path(geom), facecolor=LAND_COLOUR, edgecolor=LAND_EDGE_COLOUR,
                          linewidth=0.6, zorder=Z_CONTEXT)
        patch.set_mouseover(False)
        add_polygon_patch(ax, patch)
        context.append(patch)

    sectors: dict[str, PathPatch] = {}
    paths: dict[str, MplPath] = {}
    broken: dict[str, PathPatch] = {}
    labels: dict[str, Text] = {}
    for sv in view.sectors:
        sid = sv.sector.id
        path = geometry_path(sv.sector.geometry)
        paths[sid] = path
        patch = PathPatch(path, edgecolor=SECTOR_EDGE_COLOUR, linewidth=0.9, zorder=Z_SECTOR)
        style_sector(patch, sv)
        patch.set_mouseover(False)
        add_polygon_patch(ax, patch)
        sectors[sid] = patch
        if sv.has_broken_evidence:
            broken[sid] = _broken_marker(ax, path)
        if show_labels:
            lon, lat = sv.sector.label_point
            label = ax.annotate(
                wording.sector_label(sv), xy=(lon, lat), xycoords="data", xytext=(0, 0), textcoords="offset points",
                ha="center", va="center", fontsize=label_size, color=LABEL_COLOUR, zorder=Z_LABEL,
                linespacing=1.15, annotation_clip=False, bbox=LABEL_BOX)
            labels[sid] = label

    selection = PathPatch(MplPath(np.zeros((1, 2))), fill=False, edgecolor=SELECTED_STYLE.colour,
                          linewidth=SELECTED_STYLE.linewidth, zorder=Z_SELECTION,
                          path_effects=_outline_effects(SELECTED_STYLE), visible=False)
    selection.set_mouseover(False)
    ax.add_patch(selection)

    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect(lat_aspect(centre_lat), adjustable="datalim")
    ax.tick_params(left=False, bottom=False, labelleft=False, labelbottom=False)
    for spine in ax.spines.values():
        spine.set_edgecolor("#8a8a8a")
        spine.set_linewidth(0.6)

    artists = MapArtists(sectors, labels, context, selection, paths, broken, ax=ax,
                         shapes={sv.sector.id: sv.sector.geometry for sv in view.sectors},
                         anchors={sid: label.xy for sid, label in labels.items()}, label_size=label_size,
                         whole_labels=whole_labels)
    artists.draw_sites(view)
    artists.set_selected(selected)
    artists.set_emphasised(emphasised)
    artists.fit_to_room = fit_to_room  # now, so the labels are fitted once, below
    if show_labels:
        ax.apply_aspect()
        artists.declutter_labels()
        _hook_resize(ax, artists)
    return artists


# The corners a legend inside the map may take, in order of preference: the sea north-west of the strip first.
LEGEND_CORNERS = ("upper left", "lower right", "upper right", "lower left")
LEGEND_GAP_PX = 4.0  # between the legend's frame and the nearest sector
LEGEND_MAX_WIDEN = 3.0  # at most this many times the view's size, so the strip stays readable


def _view_widened(limits: tuple[float, float, float, float], corner: str,
                  factor: float) -> tuple[float, float, float, float]:
    """The view ``factor`` times as large, grown away from its corner opposite ``corner``: the map shrinks
    towards that opposite corner and leaves room in ``corner``. The aspect is kept."""
    x0, x1, y0, y1 = limits
    width, height = (x1 - x0) * factor, (y1 - y0) * factor
    x0, x1 = (x1 - width, x1) if "left" in corner else (x0, x0 + width)
    y0, y1 = (y0, y0 + height) if "upper" in corner else (y1 - height, y1)
    return x0, x1, y0, y1


def clear_legend_corner(ax: Axes, legend: Legend, shapes: list, renderer,
                        corners: tuple[str, ...] = LEGEND_CORNERS) -> str:
    """Put ``legend`` in the first of ``corners`` where it covers no sector's extent (its bounding box), and
    return that corner. When no corner has room at the current view, the view is widened (up to
    LEGEND_MAX_WIDEN) away from the corner that needs the least, so the whole strip stays in view beside the
    legend: what a map layout does with its legend, worked out from the sectors' extent rather than matplotlib's
    "best" (which minimises overlap with data but does not avoid it)."""
    ax.apply_aspect()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    bx0, by0, bx1, by1 = ax.bbox.extents
    extent = legend.get_window_extent(renderer)
    pad = legend.borderaxespad * legend.prop.get_size_in_points() * ax.get_figure(root=True).dpi / 72
    bounds = np.array([shape.bounds for shape in shapes]) if shapes else np.empty((0, 4))

    def covers(limits: tuple[float, float, float, float], corner: str) -> bool:
        lx0, lx1, ly0, ly1 = limits
        sx = (bx1 - bx0) / (lx1 - lx0)
        sy = (by1 - by0) / (ly1 - ly0)
        left = bx0 + pad if "left" in corner else bx1 - pad - extent.width
        bottom = by1 - pad - extent.height if "upper" in corner else by0 + pad
        right, top = left + extent.width + LEGEND_GAP_PX, bottom + extent.height + LEGEND_GAP_PX
        left, bottom = left - LEGEND_GAP_PX, bottom - LEGEND_GAP_PX
        px0, px1 = bx0 + (bounds[:, 0] - lx0) * sx, bx0 + (bounds[:, 2] - lx0) * sx
        py0, py1 = by0 + (bounds[:, 1] - ly0) * sy, by0 + (bounds[:, 3] - ly0) * sy
        return bool(np.any((px0 < right) & (px1 > left) & (py0 < top) & (py1 > bottom)))

    best: tuple[float, str, tuple[float, float, float, float]] | None = None
    for factor in np.linspace(1.0, LEGEND_MAX_WIDEN, 41):
        for corner in corners:
            limits = _view_widened((x0, x1, y0, y1), corner, float(factor))
            if not covers(limits, corner):
                best = (float(factor), corner, limits)
                break
        if best is not None:
            break
    corner = best[1] if best is not None else corners[0]
    legend.set_loc(corner)
    if best is not None and best[0] > 1.0:
        ax.set_xlim(best[2][0], best[2][1])
        ax.set_ylim(best[2][2], best[2][3])
    return corner


def legend_handles(view: AssignmentView) -> list[Artist]:
    """Legend entries built by hand from the style description (geopandas' legend drops hatching): lead nations,
    then the status patterns shown, no-lead grey, broken evidence — each only when the map shows it."""
    handles: list[Artist] = []
    for entry in legend_entries(view):
        handle = Patch(facecolor=entry.fill or "none", edgecolor=entry.outline or "none",
                       linewidth=entry.outline_pt if entry.outline else 0, linestyle=entry.linestyle,
                       hatch=entry.pattern.hatch if entry.pattern else None, label=wording.datum(entry.label))
        if entry.pattern is not None:
            _set_hatch(handle, entry.pattern_colour)
        handles.append(handle)
    return handles


def selection_handles(project: Project, selected: str | None) -> list[Artist]:
    """The legend entry for an outlined (selected) sector on an exported page: none when nothing is outlined."""
    sector = project.sectors.by_id().get(selected) if selected else None
    if sector is None:
        return []
    return [Patch(facecolor="none", edgecolor=SELECTED_STYLE.colour, linewidth=SELECTED_STYLE.linewidth,
                  label=wording.outlined_sector(sector.name))]


def credits(project: Project) -> str:
    """The attribution line every map must carry: sector boundaries, then the background layer's credit."""
    parts = [project.sectors.credit, project.context.attribution.strip() or "Made with Natural Earth."]
    return " · ".join(p for p in parts if p)


def new_map_figure(figsize: tuple[float, float] = (8.0, 7.0), dpi: float = 100) -> tuple[Figure, Axes]:
    """A pyplot-free Figure (with an Agg canvas, replaced when embedded in Qt) and one full-bleed Axes."""
    figure = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    return figure, ax


def build_map_figure(project: Project, view: AssignmentView, *, selected: str | None = None,
                     figsize: tuple[float, float] = (8.0, 7.0), dpi: float = 100) -> tuple[Figure, Axes, MapArtists]:
    """A new figure with the map drawn on it."""
    figure, ax = new_map_figure(figsize, dpi)
    artists = draw_map(ax, project, view, selected=selected)
    return figure, ax, artists
