"""Style files that make GIS tools draw the GeoJSON export as the PNG is drawn: a QGIS ``.qml`` (loaded
automatically by QGIS when it sits beside the GeoJSON with the same base name) and an OGC SLD 1.1 for others.

Both are built from the same derived view and palette as the map: one rule per distinct sector style (fill
colour, status pattern, opacity), labelled for the layer's legend as the map's legend says it, an extra rule for
broken evidence (red dashed outline), and labels with a white buffer. Text from the data (sector and nation
names) is escaped as XML, never interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from mapview import wording
from mapview.data.assignments import AssignmentView, SectorView
from mapview.render.style import (
    BROKEN_STYLE,
    CONTESTED_COLOUR,
    CONTESTED_HATCH_COLOUR,
    HATCH_COLOUR_ON_DARK,
    LABEL_COLOUR,
    SECTOR_EDGE_COLOUR,
    STATUS_STYLES,
    hatch_colour,
)

HATCH_SPACING_MM = 2.0
LABEL_SIZE_PT = 8


@dataclass(frozen=True)
class SectorClass:
    """One drawn style and the sectors that have it."""

    fill: str
    hatch: str | None  # "///", "..", "xx" or None (solid)
    alpha: float
    hatch_colour: str
    legend: str
    sector_ids: tuple[str, ...]


def sector_classes(view: AssignmentView) -> list[SectorClass]:
    """The distinct sector styles of a view, in sector order, each with the legend text the map's legend uses."""
    from mapview.render.mapfigure import sector_fill

    grouped: dict[tuple, list[str]] = {}
    legends: dict[tuple, str] = {}
    for sv in view.sectors:
        fill, hatch, alpha, _ = sector_fill(sv)
        colour = CONTESTED_HATCH_COLOUR if fill == CONTESTED_COLOUR else hatch_colour(fill)
        key = (fill, hatch, alpha, colour)
        grouped.setdefault(key, []).append(sv.sector.id)
        legends.setdefault(key, _legend(sv))
    return [SectorClass(*key, legends[key], tuple(ids)) for key, ids in grouped.items()]


def _legend(sv: SectorView) -> str:
    lead = sv.lead
    if lead is None:
        return wording.NO_LEAD
    if lead.contested:
        return STATUS_STYLES["contested"].label
    return f"{lead.nation} — {STATUS_STYLES.get(lead.status or '', STATUS_STYLES['confirmed']).label}"


def _rgba(colour: str, alpha: float = 1.0) -> str:
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(alpha * 255)}"


def _ids_filter(ids: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + i.replace("'", "''") + "'" for i in ids)
    return f'"id" IN ({quoted})'


# ----- QGIS .qml --------------------------------------------------------------------------------------------------

def _props(values: dict[str, str]) -> str:
    return "".join(f"<prop k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in values.items())


def _simple_fill(fill: str, alpha: float, outline: str, width: str, style: str = "solid",
                 outline_style: str = "solid") -> str:
    return ('<layer class="SimpleFill" enabled="1" locked="0" pass="0">'
            + _props({"color": _rgba(fill, alpha), "style": style, "outline_color": _rgba(outline),
                      "outline_style": outline_style, "outline_width": width, "outline_width_unit": "MM",
                      "joinstyle": "round"})
            + "</layer>")


def _line_pattern(colour: str, angle: int, name: str) -> str:
    return ('<layer class="LinePatternFill" enabled="1" locked="0" pass="0">'
            + _props({"angle": str(angle), "distance": str(HATCH_SPACING_MM), "distance_unit": "MM",
                      "line_width": "0.3", "line_width_unit": "MM", "color": _rgba(colour)})
            + f'<symbol type="line" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            + '<layer class="SimpleLine" enabled="1" locked="0" pass="0">'
            + _props({"line_color": _rgba(colour), "line_width": "0.3", "line_width_unit": "MM",
                      "line_style": "solid", "capstyle": "flat"})
            + "</layer></symbol></layer>")


def _point_pattern(colour: str, name: str) -> str:
    return ('<layer class="PointPatternFill" enabled="1" locked="0" pass="0">'
            + _props({"distance_x": "1.6", "distance_y": "1.6", "distance_x_unit": "MM", "distance_y_unit": "MM",
                      "displacement_x": "0.8", "displacement_y": "0", "displacement_x_unit": "MM",
                      "displacement_y_unit": "MM"})
            + f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            + '<layer class="SimpleMarker" enabled="1" locked="0" pass="0">'
            + _props({"name": "circle", "color": _rgba(colour), "outline_style": "no", "size": "0.55",
                      "size_unit": "MM"})
            + "</layer></symbol></layer>")


def _qml_symbol(index: int, cls: SectorClass) -> str:
    layers = [_simple_fill(cls.fill, cls.alpha, SECTOR_EDGE_COLOUR, "0.3")]
    if cls.hatch == "///":
        layers.append(_line_pattern(cls.hatch_colour, 45, f"@{index}@1"))
    elif cls.hatch == "xx":
        layers.append(_line_pattern(cls.hatch_colour, 45, f"@{index}@1"))
        layers.append(_line_pattern(cls.hatch_colour, 135, f"@{index}@2"))
    elif cls.hatch == "..":
        layers.append(_point_pattern(cls.hatch_colour, f"@{index}@1"))
    return (f'<symbol type="fill" name="{index}" alpha="1" clip_to_extent="1" force_rhr="0">' + "".join(layers)
            + "</symbol>")


def qml_document(view: AssignmentView) -> str:
    """The QGIS style (``.qml``) for the GeoJSON export of ``view``."""
    classes = sector_classes(view)
    rules, symbols = [], []
    for i, cls in enumerate(classes):
        rules.append(f'<rule key="r{i}" filter={quoteattr(_ids_filter(cls.sector_ids))} '
                     f'label={quoteattr(cls.legend)} symbol="{i}"/>')
        symbols.append(_qml_symbol(i, cls))
    broken = len(classes)
    rules.append(f'<rule key="broken" filter={quoteattr(chr(34) + "broken" + chr(34) + " = true")} '
                 f'label={quoteattr(BROKEN_STYLE.label)} symbol="{broken}"/>')
    symbols.append(f'<symbol type="fill" name="{broken}" alpha="1" clip_to_extent="1" force_rhr="0">'
                   + _simple_fill(BROKEN_STYLE.edgecolor, 1.0, BROKEN_STYLE.edgecolor, "0.9", style="no",
                                  outline_style="dash")
                   + "</symbol>")
    label_expression = '"label"'
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
 <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">
  <rules key="root">
   {chr(10).join('   ' + r for r in rules).strip()}
  </rules>
  <symbols>
   {chr(10).join(symbols)}
  </symbols>
 </renderer-v2>
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style fieldName={quoteattr(label_expression)} isExpression="1" fontFamily="DejaVu Sans"
    fontSize="{LABEL_SIZE_PT}" fontSizeUnit="Point" textColor="{_rgba(LABEL_COLOUR)}" textOpacity="1"
    multilineHeight="1.1" namedStyle="Regular" fontWeight="50" fontItalic="0" capitalization="0">
    <text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="{_rgba(HATCH_COLOUR_ON_DARK)}"
     bufferOpacity="0.85" bufferJoinStyle="128" bufferNoFill="0"/>
   </text-style>
   <text-format wrapChar="" multilineAlign="1" autoWrapLength="0" plussign="0" reverseDirectionSymbol="0"
    leftDirectionSymbol="&lt;" rightDirectionSymbol=">" formatNumbers="0" decimals="3" addDirectionSymbol="0"
    placeDirectionSymbol="0" useMaxLineLengthForAutoWrap="1"/>
   <placement placement="1" offsetType="0" centroidWhole="1" centroidInside="1" fitInPolygonOnly="0"
    overrunDistance="0" priority="5" dist="0"/>
   <rendering obstacle="1" displayAll="1" upsidedownLabels="0" limitNumLabels="0" scaleVisibility="0"
    fontLimitPixelSize="0" labelPerPart="0" mergeLines="0" drawLabels="1"/>
  </settings>
 </labeling>
</qgis>
"""


# ----- OGC SLD 1.1 ------------------------------------------------------------------------------------------------

def _sld_fill(cls: SectorClass) -> str:
    fill = (f'<se:Fill><se:SvgParameter name="fill">{cls.fill}</se:SvgParameter>'
            f'<se:SvgParameter name="fill-opacity">{cls.alpha:g}</se:SvgParameter></se:Fill>')
    stroke = (f'<se:Stroke><se:SvgParameter name="stroke">{SECTOR_EDGE_COLOUR}</se:SvgParameter>'
              '<se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke>')
    out = [f"<se:PolygonSymbolizer>{fill}{stroke}</se:PolygonSymbolizer>"]
    marks = {"///": [("horline", 45)], "xx": [("horline", 45), ("horline", 135)], "..": [("circle", 0)]}
    for mark, rotation in marks.get(cls.hatch or "", []):
        size = 2 if mark == "circle" else 8
        out.append(
            "<se:PolygonSymbolizer><se:Fill><se:GraphicFill><se:Graphic><se:Mark>"
            f"<se:WellKnownName>{mark}</se:WellKnownName>"
            f'<se:Fill><se:SvgParameter name="fill">{cls.hatch_colour}</se:SvgParameter></se:Fill>'
            f'<se:Stroke><se:SvgParameter name="stroke">{cls.hatch_colour}</se:SvgParameter>'
            '<se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke>'
            f"</se:Mark><se:Size>{size}</se:Size><se:Rotation>{rotation}</se:Rotation></se:Graphic>"
            "</se:GraphicFill></se:Fill></se:PolygonSymbolizer>")
    return "".join(out)


def sld_document(view: AssignmentView, layer_name: str) -> str:
    """An OGC SLD 1.1 (Symbology Encoding) style for the GeoJSON export of ``view``."""
    rules = []
    for cls in sector_classes(view):
        ors = "".join(f"<ogc:PropertyIsEqualTo><ogc:PropertyName>id</ogc:PropertyName>"
                      f"<ogc:Literal>{escape(i)}</ogc:Literal></ogc:PropertyIsEqualTo>" for i in cls.sector_ids)
        condition = f"<ogc:Or>{ors}</ogc:Or>" if len(cls.sector_ids) > 1 else ors
        rules.append(f"<se:Rule><se:Name>{escape(cls.legend)}</se:Name>"
                     f"<se:Description><se:Title>{escape(cls.legend)}</se:Title></se:Description>"
                     f"<ogc:Filter>{condition}</ogc:Filter>{_sld_fill(cls)}</se:Rule>")
    rules.append(
        f"<se:Rule><se:Name>{escape(BROKEN_STYLE.label)}</se:Name><ogc:Filter><ogc:PropertyIsEqualTo>"
        "<ogc:PropertyName>broken</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo>"
        "</ogc:Filter><se:PolygonSymbolizer><se:Stroke>"
        f'<se:SvgParameter name="stroke">{BROKEN_STYLE.edgecolor}</se:SvgParameter>'
        '<se:SvgParameter name="stroke-width">3</se:SvgParameter>'
        '<se:SvgParameter name="stroke-dasharray">5 3</se:SvgParameter></se:Stroke></se:PolygonSymbolizer>'
        "</se:Rule>")
    rules.append(
        "<se:Rule><se:Name>labels</se:Name><se:TextSymbolizer><se:Label><ogc:PropertyName>label</ogc:PropertyName>"
        '</se:Label><se:Font><se:SvgParameter name="font-family">DejaVu Sans</se:SvgParameter>'
        f'<se:SvgParameter name="font-size">{LABEL_SIZE_PT + 3}</se:SvgParameter></se:Font>'
        "<se:LabelPlacement><se:PointPlacement><se:AnchorPoint><se:AnchorPointX>0.5</se:AnchorPointX>"
        "<se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint></se:PointPlacement></se:LabelPlacement>"
        '<se:Halo><se:Radius>1.5</se:Radius><se:Fill><se:SvgParameter name="fill">#ffffff</se:SvgParameter>'
        f'</se:Fill></se:Halo><se:Fill><se:SvgParameter name="fill">{LABEL_COLOUR}</se:SvgParameter></se:Fill>'
        "</se:TextSymbolizer></se:Rule>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" '
            'xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/'
            'StyledLayerDescriptor.xsd">\n'
            f"<NamedLayer><se:Name>{escape(layer_name)}</se:Name><UserStyle><se:Name>{escape(layer_name)}</se:Name>"
            f"<se:FeatureTypeStyle>{''.join(rules)}</se:FeatureTypeStyle></UserStyle></NamedLayer>\n"
            "</StyledLayerDescriptor>\n")
