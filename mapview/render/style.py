"""The one style description: every colour, pattern, outline and legend label on the map, as data.

matplotlib (window and page exports), the QGIS ``.qml``, the OGC SLD and the KML styles are all written from
:func:`sector_style` / :func:`sector_classes` / :func:`legend_entries` here, so they cannot drift apart. Sizes are
in typographic points (1/72 inch); each writer converts them to its own unit.

Nation colours are fixed (never assigned by draw order) so the same nation keeps its colour across views, dates
and files. The first seven are Okabe & Ito's colour-blind-safe set; the rest come from Paul Tol's muted, light
and bright schemes. Status is shown by pattern, never by colour, so it survives colour-blindness and greyscale
printing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mapview.data.nations import NATIONS
from mapview.wording import NO_LEAD, SINGLE_SOURCE_LEGEND, SITE_LEGEND, site_legend_label

if TYPE_CHECKING:
    from mapview.data.assignments import AssignmentView, Lead, SectorView, SiteMark

NO_LEAD_COLOUR = "#d0d0d0"
NO_LEAD_LABEL = NO_LEAD  # the legend says it as the labels and panels do
CONTESTED_COLOUR = "#a8a8a8"
CONTESTED_HATCH_COLOUR = "#2b2b2b"

SEA_COLOUR = "#dcebf3"
LAND_COLOUR = "#f1efe8"
LAND_EDGE_COLOUR = "#c9c6bd"
SECTOR_EDGE_COLOUR = "#3c3c3c"
LABEL_COLOUR = "#111111"
LABEL_HALO_COLOUR = "#ffffff"

# Hatch lines: dark on light fills, white on dark fills (see hatch_colour), always drawn this wide.
HATCH_COLOUR = "#1f1f1f"
HATCH_COLOUR_ON_DARK = "#ffffff"
HATCH_LINEWIDTH = 1.1

_OKABE_ITO = {
    "Kosovo": "#0072B2",
    "Albania": "#D55E00",
    "Indonesia": "#009E73",
    "Kazakhstan": "#56B4E9",
    "Morocco": "#CC79A7",
    "Egypt": "#E69F00",
    "Jordan": "#F0E442",
}
# Paul Tol: muted (without its pale grey, which reads as "no lead"), then light, then bright.
_TOL = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
    "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
)


def _build_palette() -> dict[str, str]:
    palette = dict(_OKABE_ITO)
    rest = [n.name for n in NATIONS if n.name not in palette]
    for name, colour in zip(rest, _TOL, strict=False):
        palette[name] = colour
    return palette


NATION_COLOURS: dict[str, str] = _build_palette()


def nation_colour(nation: str | None) -> str:
    """The fill colour for a lead nation; grey for None, a stable hash-picked colour for unlisted names."""
    if nation is None:
        return NO_LEAD_COLOUR
    if nation in NATION_COLOURS:
        return NATION_COLOURS[nation]
    digest = hashlib.sha256(nation.encode("utf-8")).digest()
    return _TOL[int.from_bytes(digest[:4], "big") % len(_TOL)]


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour (0 black … 1 white)."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def hatch_colour(fill: str) -> str:
    """A hatch colour that stays visible on ``fill``: white lines on dark fills, near-black on light ones."""
    return HATCH_COLOUR_ON_DARK if relative_luminance(fill) < 0.18 else HATCH_COLOUR


@dataclass(frozen=True)
class StatusStyle:
    """How one lead status (or the broken-evidence marker) is drawn: pattern, outline, opacity and legend label.

    ``hatch`` is matplotlib's hatch string (see PATTERNS for what it means to the other renderers); ``linestyle``
    is matplotlib's, its dash lengths in multiples of ``linewidth`` (points); ``flat_opacity`` is the fill opacity
    where a renderer cannot draw the pattern (simplestyle GeoJSON viewers, KML), so the status still shows.
    """

    hatch: str | None
    linestyle: str | tuple
    alpha: float
    label: str
    edgecolor: str = SECTOR_EDGE_COLOUR
    linewidth: float = 0.9
    flat_opacity: float = 0.85

    @property
    def dash_pt(self) -> tuple[float, ...] | None:
        """The outline's dash pattern in points (on, off, …), or None for a solid line."""
        if isinstance(self.linestyle, tuple):
            return tuple(round(v * self.linewidth, 3) for v in self.linestyle[1])
        return None


STATUS_ORDER = ("confirmed", "reported", "speculative", "contested")

STATUS_STYLES: dict[str, StatusStyle] = {
    "confirmed": StatusStyle(None, "-", 1.0, "confirmed (solid)", flat_opacity=0.85),
    "reported": StatusStyle("///", "-", 1.0, "reported (hatched)", flat_opacity=0.6),
    "speculative": StatusStyle("..", (0, (4, 2)), 0.65, "speculative (dotted, faded)", flat_opacity=0.35),
    "contested": StatusStyle("xx", "-", 1.0, "contested (cross-hatched)", flat_opacity=0.5),
}
NO_LEAD_STYLE = StatusStyle(None, "-", 1.0, NO_LEAD_LABEL, flat_opacity=0.35)

BROKEN_STYLE = StatusStyle(None, (0, (5, 3)), 1.0, "⚠ broken evidence (claim failed verification)",
                           edgecolor="#d7191c", linewidth=2.6)


@dataclass(frozen=True)
class Pattern:
    """A fill pattern over the sector colour as every renderer draws it: matplotlib's hatch string, and for QGIS
    and SLD line angles (degrees anticlockwise from east; none for dots), spacing and line width or dot size."""

    name: str
    hatch: str
    angles: tuple[int, ...]
    spacing_pt: float
    size_pt: float


# What each pattern means, for a page's subtitle (said only when the map shows that pattern).
PATTERN_NOTES = {"hatched": "Hatching means reported, not confirmed.",
                 "dotted": "Dots and faded colour mean speculative (hedged reports only).",
                 "cross-hatched": "Cross-hatching means the sources name different leads."}

PATTERNS: dict[str, Pattern] = {
    "///": Pattern("hatched", "///", (45,), 5.67, 0.85),
    "xx": Pattern("cross-hatched", "xx", (45, 135), 5.67, 0.85),
    "..": Pattern("dotted", "..", (), 4.54, 1.56),
}
LABEL_SIZE_PT = 8.0
LABEL_BUFFER_PT = 2.83


def status_style(status: str | None) -> StatusStyle:
    """The style for a lead status; unknown or missing status is drawn as plain (no pattern)."""
    return STATUS_STYLES.get(status or "", STATUS_STYLES["confirmed"])


@dataclass(frozen=True)
class OutlineStyle:
    """An outline drawn over a sector: an inner stroke with a contrasting halo so it reads on any fill."""

    colour: str
    linewidth: float
    halo_colour: str
    halo_width: float


SELECTED_STYLE = OutlineStyle("#111111", 3.2, "#ffffff", 5.6)
HOVER_STYLE = OutlineStyle("#ffd60a", 2.4, "#ffffff", 4.4)


# ----- the description every renderer reads -------------------------------------------------------------------

@dataclass(frozen=True)
class SectorStyle:
    """How one sector is drawn, for every renderer: fill colour and opacity, pattern and its colour, outline
    (colour, width in points, dash in points or None) and the legend label of its class."""

    key: str
    fill: str
    alpha: float
    flat_opacity: float
    pattern: Pattern | None
    pattern_colour: str
    outline: str
    outline_pt: float
    dash_pt: tuple[float, ...] | None
    legend: str


def _key(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "class"


def sector_style(sv: SectorView) -> SectorStyle:
    """The style of a sector's lead: nation colour and status pattern, contested grey cross-hatch, no-lead grey."""
    return lead_style(sv.lead)


def lead_style(lead: Lead | None) -> SectorStyle:
    """The style of a lead (a sector's, or who stands at a site between two sectors)."""
    if lead is None:
        status, fill, legend, key = NO_LEAD_STYLE, NO_LEAD_COLOUR, NO_LEAD_LABEL, "no-lead"
    elif lead.contested:
        status, fill = STATUS_STYLES["contested"], CONTESTED_COLOUR
        legend, key = status.label, "contested"
    else:
        status, fill = status_style(lead.status), nation_colour(lead.nation)
        legend = f"{lead.nation} — {status.label}"
        key = _key(f"{lead.nation}-{lead.status or 'confirmed'}")
    colour = CONTESTED_HATCH_COLOUR if fill == CONTESTED_COLOUR else hatch_colour(fill)
    pattern = PATTERNS.get(status.hatch or "")
    return SectorStyle(key, fill, status.alpha, status.flat_opacity, pattern, colour, status.edgecolor,
                       status.linewidth, status.dash_pt, legend)


# One site between two sectors: a band along their shared edge, filled like a lead (nation colour, status
# pattern), with a near-black outline and a white halo so it reads on any sector fill (even its own nation's).
SITE_OUTLINE_COLOUR = "#111111"
SITE_OUTLINE_PT = 1.4
SITE_HALO = OutlineStyle(SITE_OUTLINE_COLOUR, SITE_OUTLINE_PT, "#ffffff", 4.2)
SITE_BAND_SHARE = 0.022  # the band's width as a share of the strip's size (about 1 km on the Gaza strip)


def site_style(mark: SiteMark) -> SectorStyle:
    """The style of a site's band: its lead's fill and pattern, the site outline, always drawn opaque enough."""
    style = lead_style(mark.lead)
    return SectorStyle(f"site-{style.key}", style.fill, max(style.alpha, 0.9), style.flat_opacity, style.pattern,
                       style.pattern_colour, SITE_OUTLINE_COLOUR, SITE_OUTLINE_PT, None, SITE_LEGEND)


BROKEN_SECTOR_STYLE = SectorStyle("broken", "#ffffff", 0.0, 0.0, None, HATCH_COLOUR, BROKEN_STYLE.edgecolor,
                                  BROKEN_STYLE.linewidth, BROKEN_STYLE.dash_pt, BROKEN_STYLE.label)


@dataclass(frozen=True)
class SectorClass:
    """One drawn style and the sectors (ids, in sector order) that have it."""

    style: SectorStyle
    sector_ids: tuple[str, ...]


def sector_classes(view: AssignmentView) -> list[SectorClass]:
    """The distinct sector styles of a view in sector order: one rule each in the .qml, SLD and KML."""
    grouped: dict[SectorStyle, list[str]] = {}
    for sv in view.sectors:
        grouped.setdefault(sector_style(sv), []).append(sv.sector.id)
    return [SectorClass(style, tuple(ids)) for style, ids in grouped.items()]


def broken_ids(view: AssignmentView) -> tuple[str, ...]:
    """The sectors drawn with the broken-evidence outline (none: no such rule or legend entry anywhere)."""
    return tuple(sv.sector.id for sv in view.sectors if sv.has_broken_evidence)


@dataclass(frozen=True)
class LegendEntry:
    """One entry of the page/window legend, as data: a swatch (fill, pattern, outline) and its label."""

    label: str
    fill: str | None  # None: no fill
    outline: str | None  # None: no outline
    outline_pt: float = 0.8
    pattern: Pattern | None = None
    pattern_colour: str = HATCH_COLOUR
    linestyle: str | tuple = "-"


def legend_entries(view: AssignmentView) -> list[LegendEntry]:
    """The legend of a map: lead nations, then the status patterns present, single-source note, no-lead grey and
    broken evidence, each only when the map shows it."""
    entries: list[LegendEntry] = []
    sector_leads = [sv.lead for sv in view.sectors if sv.lead is not None]
    leads = sector_leads + [mark.lead for mark in view.site_marks]  # a site's colour and pattern are explained too
    for nation in dict.fromkeys(lead.nation for lead in leads if lead.nation and not lead.contested):
        entries.append(LegendEntry(nation, nation_colour(nation), SECTOR_EDGE_COLOUR))
    present = {"contested" if lead.contested else lead.status for lead in leads}
    for status in STATUS_ORDER:
        if status not in present:
            continue
        style = STATUS_STYLES[status]
        face = {"contested": CONTESTED_COLOUR, "confirmed": "#8c8c8c"}.get(status, "#ffffff")
        entries.append(LegendEntry(style.label, face, SECTOR_EDGE_COLOUR, pattern=PATTERNS.get(style.hatch or ""),
                                   pattern_colour=CONTESTED_HATCH_COLOUR if status == "contested" else HATCH_COLOUR,
                                   linestyle=style.linestyle))
    entries += site_legend_entries(view)
    if any(lead.single_source for lead in sector_leads):
        entries.append(LegendEntry(SINGLE_SOURCE_LEGEND, None, None))
    if any(sv.lead is None for sv in view.sectors):
        entries.append(LegendEntry(NO_LEAD_LABEL, NO_LEAD_COLOUR, SECTOR_EDGE_COLOUR))
    if broken_ids(view):
        entries.append(LegendEntry(BROKEN_STYLE.label, None, BROKEN_STYLE.edgecolor, BROKEN_STYLE.linewidth,
                                   linestyle=BROKEN_STYLE.linestyle))
    return entries


def site_legend_entries(view: AssignmentView) -> list[LegendEntry]:
    """The legend's swatch of a site between two sectors, drawn as the band is (its nation's colour and status
    pattern, the site outline): one per distinct band style, each naming who stands there when the map shows
    several."""
    by_style: dict[SectorStyle, list[Lead]] = {}
    for mark in view.site_marks:
        by_style.setdefault(site_style(mark), []).append(mark.lead)
    entries = []
    for style, leads in by_style.items():
        label = SITE_LEGEND if len(by_style) == 1 else site_legend_label(leads[0])
        entries.append(LegendEntry(label, style.fill, style.outline, style.outline_pt, pattern=style.pattern,
                                   pattern_colour=style.pattern_colour))
    return entries


def pattern_notes(view: AssignmentView) -> list[str]:
    """What the patterns on this map mean, one sentence per pattern shown (none when the map has no pattern)."""
    styles = [*map(sector_style, view.sectors), *map(site_style, view.site_marks)]
    shown = {style.pattern.name for style in styles if style.pattern is not None}
    return [note for name, note in PATTERN_NOTES.items() if name in shown]
