"""Draw the sector map on a matplotlib Axes (headless: ``matplotlib.figure.Figure``, never pyplot).

One PathPatch per sector (a MultiPolygon becomes one compound path), the quiet land context beneath, labels with a
halo that are pushed apart when they would overlap, and overlay patches for selection, hover emphasis and broken
evidence that are restyled in place so the window only needs ``canvas.draw_idle()``.
"""

from __future__ import annotations

import logging
import math
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.text import Annotation, Text
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient

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
LABEL_SPILL = 0.1  # share of a label's width that may lie over its sector's border in the window

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
    fit_to_room: bool = False  # the window: shorten or drop labels that do not fit their sector (see fit_labels)
    full_labels: dict[str, str] = field(default_factory=dict)  # each label's whole text, before any shortening
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
        """Outline ``sector_id`` as selected (None clears); the caller redraws with ``draw_idle()``."""
        if sector_id not in self.paths:
            sector_id = None
        if self.selected in self.labels:
            self.labels[self.selected].set_fontweight("normal")
        self.selected = sector_id
        if self.selection is None:
            return
        if sector_id is None:
            self.selection.set_visible(False)
            return
        self.selection.set_path(self.paths[sector_id])
        self.selection.set_visible(True)
        if sector_id in self.labels:
            self.labels[sector_id].set_fontweight("bold")

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
        declutter(list(self.labels.values()), renderer, figure.dpi)
        if self.fit_to_room:
            drop_overlapping(self, renderer)
        return True


def _fits(artists: MapArtists, sector_id: str, label: Text, renderer) -> bool:
    """True when the corners of the label's text box lie inside its sector: it does not spill over the border.

    The corners are taken a little inside the box (LABEL_SPILL of its width, 2 px of its height): a letter's halo
    over a border line reads as the same sector, a word on the neighbour's colour does not.
    """
    box = label.get_window_extent(renderer)
    inverse = artists.ax.transData.inverted()
    path = artists.paths[sector_id]
    dx = box.width * LABEL_SPILL
    corners = [(box.x0 + dx, box.y0 + 2), (box.x0 + dx, box.y1 - 2), (box.x1 - dx, box.y0 + 2),
               (box.x1 - dx, box.y1 - 2)]
    return all(path.contains_point(inverse.transform(corner)) for corner in corners)


def fit_labels(artists: MapArtists, renderer) -> None:
    """Give each label the room its sector has: the whole label, else the sector's name only, else no label.

    At 1024x700 the lead line of a narrow sector spills over its borders onto the next one's colour, which reads
    as a claim about the wrong sector. The lead is still told by the colour, the legend and the hover caption.
    Runs from the whole text each time, so zooming in or widening the window brings the label back.
    """
    for sector_id, label in artists.labels.items():
        full = artists.full_labels.setdefault(sector_id, label.get_text())
        if isinstance(label, Annotation):
            label.xyann = (0.0, 0.0)
        label.set_visible(True)
        for text in (full, full.split("\n", 1)[0]):
            label.set_text(text)
            if _fits(artists, sector_id, label, renderer):
                break
        else:
            label.set_visible(False)


def drop_overlapping(artists: MapArtists, renderer) -> None:
    """Hide the smaller sector's label where two labels still overlap after being pushed apart."""
    shown = [(sid, label) for sid, label in artists.labels.items() if label.get_visible()]
    area = artists.sector_sizes()
    shown.sort(key=lambda item: (item[0] != artists.selected, -area[item[0]]))  # the selected one and big ones first
    kept: list = []
    for _sid, label in shown:
        box = label.get_window_extent(renderer)
        if any(box.overlaps(other) for other in kept):
            label.set_visible(False)
        else:
            kept.append(box)


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
             label_size: float = 8.0) -> MapArtists:
    """Draw sea, land context, the coloured sectors and their labels on ``ax``; return the artists."""
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

    artists = MapArtists(sectors, labels, context, selection, paths, broken, ax=ax)
    artists.draw_sites(view)
    artists.set_selected(selected)
    artists.set_emphasised(emphasised)
    if show_labels:
        ax.apply_aspect()
        artists.declutter_labels()
        _hook_resize(ax, artists)
    return artists


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
