"""The one palette and the status patterns: every colour and hatch on the map, in the window and in exports.

Nation colours are fixed (never assigned by draw order) so the same nation keeps its colour across views, dates
and files. The first seven are Okabe & Ito's colour-blind-safe set; the rest come from Paul Tol's muted, light
and bright schemes. Status is shown by pattern, never by colour, so it survives colour-blindness and greyscale
printing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from mapview.data.nations import NATIONS
from mapview.wording import NO_LEAD

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
    """How one lead status (or the broken-evidence marker) is drawn: pattern, outline, opacity and legend label."""

    hatch: str | None
    linestyle: str
    alpha: float
    label: str
    edgecolor: str = SECTOR_EDGE_COLOUR
    linewidth: float = 0.9


STATUS_ORDER = ("confirmed", "reported", "speculative", "contested")

STATUS_STYLES: dict[str, StatusStyle] = {
    "confirmed": StatusStyle(None, "-", 1.0, "confirmed (solid)"),
    "reported": StatusStyle("///", "-", 1.0, "reported (hatched)"),
    "speculative": StatusStyle("..", (0, (4, 2)), 0.65, "speculative (dotted, faded)"),
    "contested": StatusStyle("xx", "-", 1.0, "contested (cross-hatched)"),
}

BROKEN_STYLE = StatusStyle(None, (0, (5, 3)), 1.0, "⚠ broken evidence (claim failed verification)",
                           edgecolor="#d7191c", linewidth=2.6)


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
