"""The export page, like a print layout: title, map, legend, scale bar, north arrow, credits and source line.

Every block is measured with the renderer before it is placed, so nothing is clipped at A4, A3 or a small custom
page, in portrait or landscape. Sizes are in millimetres; fonts scale with the page.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from mapview import wording
from mapview.data.assignments import AssignmentView
from mapview.render.mapfigure import MapArtists, credits, draw_map, legend_handles, selection_handles
from mapview.render.style import pattern_notes

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend

    from mapview.data.project import Project

MM_PER_INCH = 25.4
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A5": (148.0, 210.0), "A4": (210.0, 297.0), "A3": (297.0, 420.0), "LETTER": (215.9, 279.4),
}
MIN_PAGE_MM, MAX_PAGE_MM = 80.0, 1200.0
DEFAULT_TITLE = "ISF sectors in Gaza: lead nations named in news reports"
WGS84_A = 6378137.0
WGS84_E2 = 6.69437999014e-3


def parse_size(text: str) -> tuple[float, float]:
    """Page size in mm from "A4", "A4-landscape", "A3", "letter" or "WxH" (e.g. "297x210"); ValueError otherwise."""
    raw = text.strip()
    name, _, orientation = raw.upper().partition("-")
    if name in PAGE_SIZES:
        if orientation not in ("", "PORTRAIT", "LANDSCAPE"):
            raise ValueError(f"unknown orientation {orientation.lower()!r} (use portrait or landscape)")
        w, h = PAGE_SIZES[name]
        return (h, w) if orientation == "LANDSCAPE" else (w, h)
    parts = raw.lower().replace("mm", "").replace("×", "x").split("x")
    try:
        if len(parts) != 2:
            raise ValueError
        w, h = float(parts[0]), float(parts[1])
    except ValueError:
        raise ValueError(f"page size {text!r} is not A4, A4-landscape, A3, A3-landscape or WxH in mm") from None
    check_size((w, h))
    return w, h


def check_size(size_mm: tuple[float, float]) -> None:
    """ValueError when a page is too small to hold the layout or absurdly large."""
    w, h = size_mm
    if not all(math.isfinite(v) for v in (w, h)) or min(w, h) < MIN_PAGE_MM or max(w, h) > MAX_PAGE_MM:
        raise ValueError(f"page size {w:g}x{h:g} mm is outside {MIN_PAGE_MM:g}-{MAX_PAGE_MM:g} mm per side")


def metres_per_degree_lon(lat: float) -> float:
    """Length of one degree of longitude at latitude ``lat`` on the WGS84 ellipsoid, in metres."""
    phi = math.radians(lat)
    return math.pi / 180 * WGS84_A * math.cos(phi) / math.sqrt(1 - WGS84_E2 * math.sin(phi) ** 2)


def view_source_ids(view: AssignmentView) -> list[str]:
    """The sources behind the view: every article cited by a claim that counts (sector or force-wide)."""
    claims = [c for sv in view.sectors for c in sv.claims] + list(view.force)
    return sorted({e.source_id for c in claims for e in c.evidence})


def source_line(view: AssignmentView, held: int | None = None) -> str:
    """'Sources: 5 articles, all dates.' or 'Sources: 4 articles, as of 2025-12-01, undated sources included.';
    with ``held`` (the articles the project holds) when the map cites fewer: 'Sources: 6 of the project's 8
    articles, all dates.', so the count is never read as all the project has."""
    cited = len(view_source_ids(view))
    count = wording.articles_text(cited) if held is None or held == cited else \
        f"{cited} of the project's {wording.articles_text(held)}"
    return f"Sources: {count}, {wording.view_dates_text(view)}."


@dataclass
class Page:
    """The composed page: the figure and the parts tests and exports look at."""

    figure: Figure
    map_ax: Axes
    artists: MapArtists
    legend: Legend
    scalebar: object
    texts: list[Text]


def _wrap(text: str, width_px: float, fontsize: float, dpi: float) -> str:
    """Wrap to a pixel width, assuming DejaVu Sans' average glyph width (~0.56 em); measured again later."""
    chars = max(20, int(width_px / (fontsize * dpi / 72 * 0.56)))
    return "\n".join(textwrap.fill(p, chars) for p in text.split("\n"))


def _height(artist, renderer) -> float:
    return artist.get_window_extent(renderer).height


def _fit_width(text: Text, width_px: float, renderer) -> None:
    """Shrink a text's font until it fits ``width_px`` (a last resort after wrapping)."""
    for _ in range(12):
        if text.get_window_extent(renderer).width <= width_px:
            return
        text.set_fontsize(text.get_fontsize() * 0.92)


def _north_arrow(ax: Axes, fontsize: float, length_pt: float) -> None:
    ax.annotate("", xy=(0.94, 0.965), xycoords="axes fraction", xytext=(0, -length_pt), textcoords="offset points",
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.45", "color": "#111111", "lw": 1.6},
                zorder=6)
    ax.annotate("N", xy=(0.94, 0.965), xycoords="axes fraction", xytext=(0, -length_pt - 2),
                textcoords="offset points", ha="center", va="top", fontsize=fontsize, fontweight="bold",
                color="#111111", zorder=6)


def add_scale_and_north(ax: Axes, fontsize: float, scale: float = 1.0, location: str = "lower right"):
    """Put a scale bar (true length at the map's middle latitude) and a north arrow on a drawn map; the scale
    bar is returned. The page export and the dossier's map carry the same two."""
    from matplotlib_scalebar.scalebar import ScaleBar

    ax.apply_aspect()
    centre_lat = sum(ax.get_ylim()) / 2
    scalebar = ScaleBar(metres_per_degree_lon(centre_lat), units="m", location=location, length_fraction=0.3,
                        box_alpha=0.85, pad=0.5, border_pad=0.8, font_properties={"size": fontsize * 1.05},
                        scale_loc="top", rotation="horizontal-only")
    ax.add_artist(scalebar)
    _north_arrow(ax, fontsize * 1.3, 30 * scale)
    return scalebar


def compose(project: Project, view: AssignmentView, *, size_mm: tuple[float, float] = (210.0, 297.0),
            title: str | None = None, selected: str | None = None, generated: datetime | date | None = None,
            dpi: float = 100, extent: tuple[float, float, float, float] | None = None) -> Page:
    """Build the export page and return it with its parts; ``extent`` (minx, miny, maxx, maxy in degrees) is the
    map's area (None: all five sectors)."""
    check_size(size_mm)
    w_mm, h_mm = size_mm
    figure = Figure(figsize=(w_mm / MM_PER_INCH, h_mm / MM_PER_INCH), dpi=dpi)
    FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    px_per_mm = dpi / MM_PER_INCH
    W, H = figure.bbox.width, figure.bbox.height
    scale = min(max(min(w_mm, h_mm) / 210.0, 0.62), 1.35)
    body = 7.0 * scale
    margin = max(6.0, min(w_mm, h_mm) * 0.045) * px_per_mm
    gap = 3.0 * scale * px_per_mm
    landscape = w_mm > h_mm * 1.05
    content_w = W - 2 * margin
    generated = generated or date.today()
    generated_day = generated.date() if isinstance(generated, datetime) else generated

    # Header: title and subtitle from the top margin down.
    title_text = figure.text(margin / W, 1 - margin / H, _wrap(title or DEFAULT_TITLE, content_w, 16 * scale, dpi),
                             ha="left", va="top", fontsize=16 * scale, fontweight="bold", color="#111111")
    _fit_width(title_text, content_w, renderer)
    top = H - margin - _height(title_text, renderer) - 0.4 * gap
    subtitle = " ".join(["International Stabilization Force (ISF): sector leads as the sources report them, "
                         f"{wording.view_dates_text(view)}.", *pattern_notes(view)])
    subtitle_text = figure.text(margin / W, top / H, _wrap(subtitle, content_w, 8.5 * scale, dpi), ha="left",
                                va="top", fontsize=8.5 * scale, color="#333333")
    _fit_width(subtitle_text, content_w, renderer)
    top -= _height(subtitle_text, renderer) + gap

    # Footer: source line, note, credits, generation date, from the bottom margin up.
    footer_lines = [
        source_line(view, len(project.sources)) + " Every coloured sector traces to verbatim passages in these "
        "articles.",
        project.sectors.note or "Sector lines are not published; boundaries are indicative.",
        credits(project),
        f"Generated {generated_day.isoformat()} with mapview.",
    ]
    footer_text = figure.text(margin / W, margin / H, _wrap("\n".join(footer_lines), content_w, body, dpi),
                              ha="left", va="bottom", fontsize=body, color="#333333", linespacing=1.35)
    _fit_width(footer_text, content_w, renderer)
    bottom = margin + _height(footer_text, renderer) + gap

    # Legend: a column right of the map on landscape pages, rows under it on portrait ones.
    handles = legend_handles(view) + selection_handles(project, selected)
    legend_kw = {"fontsize": body * 1.05, "title": "Lead nation and status", "title_fontsize": body * 1.15,
                 "frameon": False, "alignment": "left", "handlelength": 2.2, "handleheight": 1.3,
                 "borderaxespad": 0.0, "borderpad": 0.0}
    if landscape:
        legend = figure.legend(handles=handles, loc="upper right", bbox_to_anchor=((W - margin) / W, top / H),
                               ncols=1, **legend_kw)
        legend_w = legend.get_window_extent(renderer).width
        map_box = (margin, bottom, content_w - legend_w - 1.5 * gap, top - bottom)
    else:
        legend = None
        for ncols in (3, 2, 1):
            if legend is not None:
                legend.remove()
            legend = figure.legend(handles=handles, loc="lower left",
                                   bbox_to_anchor=(margin / W, bottom / H), ncols=min(ncols, len(handles) or 1),
                                   **legend_kw)
            if legend.get_window_extent(renderer).width <= content_w:
                break
        bottom += _height(legend, renderer) + gap
        map_box = (margin, bottom, content_w, top - bottom)

    x0, y0, mw, mh = map_box
    if mw <= 20 or mh <= 20:
        raise ValueError(f"page {w_mm:g}x{h_mm:g} mm leaves no room for the map")
    ax = figure.add_axes((x0 / W, y0 / H, mw / W, mh / H))
    artists = draw_map(ax, project, view, selected=selected, label_size=8.0 * scale, whole_labels=True)
    if extent is not None:
        ax.set_xlim(extent[0], extent[2])
        ax.set_ylim(extent[1], extent[3])
    scalebar = add_scale_and_north(ax, body, scale)
    artists.declutter_labels()
    if extent is not None:  # a label whose sector point lies outside the area shown would float off the map
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        for label in artists.labels.values():
            x, y = label.xy
            if not (min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1)):
                label.set_visible(False)
    texts = [title_text, subtitle_text, footer_text]
    return Page(figure, ax, artists, legend, scalebar, texts)


def compose_page(project: Project, view: AssignmentView, *, size_mm: tuple[float, float] = (210.0, 297.0),
                 title: str | None = None, selected: str | None = None,
                 generated: datetime | date | None = None, dpi: float = 100,
                 extent: tuple[float, float, float, float] | None = None) -> Figure:
    """The export page as a Figure (see :func:`compose`)."""
    return compose(project, view, size_mm=size_mm, title=title, selected=selected, generated=generated,
                   dpi=dpi, extent=extent).figure
