"""Style files that make GIS tools draw the exports as the PNG is drawn: a QGIS ``.qml`` (beside a GeoJSON or
Shapefile, and inside a GeoPackage's ``layer_styles`` table), an OGC SLD 1.1 and KML ``<Style>`` elements.

All three are written from the one style description in :mod:`mapview.render.style` (classes, colours, patterns,
outline dashes, legend labels), so they cannot drift from the map: one rule per sector class, filtered by sector
id, labelled for the layer's legend as the map's legend says it, a broken-evidence rule only when a sector has
broken evidence, and labels with a white buffer. Every size carries its unit. The broken rule compares the
``broken`` field with the number 1, which holds for a GeoJSON boolean and for the 0/1 integer of the other
formats, in QGIS and in GeoServer. Text from the data is escaped as XML, never interpreted.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from mapview.data.assignments import AssignmentView
from mapview.render.style import (
    BROKEN_SECTOR_STYLE,
    LABEL_BUFFER_PT,
    LABEL_COLOUR,
    LABEL_HALO_COLOUR,
    LABEL_SIZE_PT,
    SectorStyle,
    broken_ids,
    sector_classes,
)

MM_PER_PT = 25.4 / 72
SE_PIXEL_MM = 0.28  # the OGC "standardized rendering pixel": what an SLD size in uom pixel means
UOM_PIXEL = "http://www.opengeospatial.org/se/units/pixel"
BROKEN_FILTER = '"broken" = 1'


def _mm(pt: float) -> str:
    return f"{pt * MM_PER_PT:.3f}"


def _px(pt: float) -> str:
    return f"{pt * MM_PER_PT / SE_PIXEL_MM:.2f}"


def _rgba(colour: str, alpha: float = 1.0) -> str:
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(alpha * 255)}"


def _ids_filter(ids: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + i.replace("'", "''") + "'" for i in ids)
    return f'"id" IN ({quoted})'


def legend_rules(view: AssignmentView) -> list[tuple[str, str, SectorStyle, tuple[str, ...]]]:
    """(key, QGIS filter expression, style, sector ids) per rule: the sector classes, then broken evidence if any
    sector has it. The .qml and the SLD list exactly these."""
    rules = [(c.style.key, _ids_filter(c.sector_ids), c.style, c.sector_ids) for c in sector_classes(view)]
    broken = broken_ids(view)
    if broken:
        rules.append(("broken", BROKEN_FILTER, BROKEN_SECTOR_STYLE, broken))
    return rules


# ----- QGIS .qml --------------------------------------------------------------------------------------------------

def _props(values: dict[str, str]) -> str:
    return "".join(f"<prop k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in values.items())


def _simple_fill(style: SectorStyle) -> str:
    return ('<layer class="SimpleFill" enabled="1" locked="0" pass="0">'
            + _props({"color": _rgba(style.fill, style.alpha), "style": "solid" if style.alpha > 0 else "no",
                      "outline_style": "no", "outline_width": "0", "outline_width_unit": "MM",
                      "outline_color": _rgba(style.outline)})
            + "</layer>")


def _outline(style: SectorStyle) -> str:
    dash = style.dash_pt
    return ('<layer class="SimpleLine" enabled="1" locked="0" pass="0">'
            + _props({"line_color": _rgba(style.outline), "line_width": _mm(style.outline_pt),
                      "line_width_unit": "MM", "line_style": "dash" if dash else "solid",
                      "use_custom_dash": "1" if dash else "0",
                      "customdash": ";".join(_mm(v) for v in dash) if dash else "5;2",
                      "customdash_unit": "MM", "joinstyle": "round", "capstyle": "flat"})
            + "</layer>")


def _line_pattern(style: SectorStyle, angle: int, name: str) -> str:
    pattern = style.pattern
    assert pattern is not None
    colour = _rgba(style.pattern_colour)
    return ('<layer class="LinePatternFill" enabled="1" locked="0" pass="0">'
            + _props({"angle": str(angle), "distance": _mm(pattern.spacing_pt), "distance_unit": "MM",
                      "line_width": _mm(pattern.size_pt), "line_width_unit": "MM", "color": colour})
            + f'<symbol type="line" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            + '<layer class="SimpleLine" enabled="1" locked="0" pass="0">'
            + _props({"line_color": colour, "line_width": _mm(pattern.size_pt), "line_width_unit": "MM",
                      "line_style": "solid", "capstyle": "flat"})
            + "</layer></symbol></layer>")


def _point_pattern(style: SectorStyle, name: str) -> str:
    pattern = style.pattern
    assert pattern is not None
    spacing = _mm(pattern.spacing_pt)
    return ('<layer class="PointPatternFill" enabled="1" locked="0" pass="0">'
            + _props({"distance_x": spacing, "distance_y": spacing, "distance_x_unit": "MM",
                      "distance_y_unit": "MM", "displacement_x": _mm(pattern.spacing_pt / 2), "displacement_y": "0",
                      "displacement_x_unit": "MM", "displacement_y_unit": "MM"})
            + f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            + '<layer class="SimpleMarker" enabled="1" locked="0" pass="0">'
            + _props({"name": "circle", "color": _rgba(style.pattern_colour), "outline_style": "no",
                      "size": _mm(pattern.size_pt), "size_unit": "MM"})
            + "</layer></symbol></layer>")


def _qml_symbol(index: int, style: SectorStyle) -> str:
    layers = [_simple_fill(style)]
    pattern = style.pattern
    if pattern is not None and pattern.angles:
        layers += [_line_pattern(style, angle, f"@{index}@{n + 1}") for n, angle in enumerate(pattern.angles)]
    elif pattern is not None:
        layers.append(_point_pattern(style, f"@{index}@1"))
    layers.append(_outline(style))
    return (f'<symbol type="fill" name="{index}" alpha="1" clip_to_extent="1" force_rhr="0">' + "".join(layers)
            + "</symbol>")


def qml_document(view: AssignmentView) -> str:
    """The QGIS style (``.qml``) for the exports of ``view``: the same for GeoJSON, GeoPackage, Shapefile and
    FlatGeobuf, whose fields it names (``id``, ``broken``, ``label``) fit a Shapefile's 10 characters."""
    rules, symbols = [], []
    for i, (key, expression, style, _) in enumerate(legend_rules(view)):
        rules.append(f'<rule key={quoteattr(key)} filter={quoteattr(expression)} label={quoteattr(style.legend)} '
                     f'symbol="{i}"/>')
        symbols.append(_qml_symbol(i, style))
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
   <text-style fieldName={quoteattr('"label"')} isExpression="1" fontFamily="DejaVu Sans"
    fontSize="{LABEL_SIZE_PT:g}" fontSizeUnit="Point" textColor="{_rgba(LABEL_COLOUR)}" textOpacity="1"
    multilineHeight="1.1" namedStyle="Regular" fontWeight="50" fontItalic="0" capitalization="0">
    <text-buffer bufferDraw="1" bufferSize="{_mm(LABEL_BUFFER_PT)}" bufferSizeUnits="MM"
     bufferColor="{_rgba(LABEL_HALO_COLOUR)}" bufferOpacity="0.85" bufferJoinStyle="128" bufferNoFill="0"/>
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

def _sld_param(name: str, value: str) -> str:
    return f'<se:SvgParameter name="{name}">{value}</se:SvgParameter>'


def _sld_stroke(colour: str, width_pt: float, dash_pt: tuple[float, ...] | None = None) -> str:
    dash = _sld_param("stroke-dasharray", " ".join(_px(v) for v in dash_pt)) if dash_pt else ""
    return (f"<se:Stroke>{_sld_param('stroke', colour)}{_sld_param('stroke-width', _px(width_pt))}"
            f"{_sld_param('stroke-linejoin', 'round')}{dash}</se:Stroke>")


def pattern_svg(style: SectorStyle) -> tuple[str, float]:
    """One tile of the sector's pattern as SVG, and the tile's size in SLD pixels: diagonal lines ``spacing``
    apart (the tile is spacing × √2 wide with one diagonal, plus the corners that make it seamless), or a dot."""
    pattern = style.pattern
    assert pattern is not None
    colour = style.pattern_colour
    width = float(_px(pattern.size_pt))
    if not pattern.angles:
        tile = float(_px(pattern.spacing_pt))
        body = f'<circle cx="{tile / 2:.2f}" cy="{tile / 2:.2f}" r="{width / 2:.2f}" fill="{colour}"/>'
    else:
        tile = round(float(_px(pattern.spacing_pt)) * 2 ** 0.5, 2)
        t, h = tile, tile / 2
        # "/" lines (45°) and "\\" lines (135°): the tile's diagonal and the two corner pieces next to it
        segments = {45: ((-h, h, h, -h), (0, t, t, 0), (h, t + h, t + h, h)),
                    135: ((-h, h, h, t + h), (0, 0, t, t), (h, -h, t + h, h))}
        path = " ".join(f"M{x0:.2f},{y0:.2f} L{x1:.2f},{y1:.2f}"
                        for angle in pattern.angles for x0, y0, x1, y1 in segments[angle])
        body = f'<path d="{path}" stroke="{colour}" stroke-width="{width:.2f}" fill="none"/>'
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{tile:.2f}" height="{tile:.2f}" '
           f'viewBox="0 0 {tile:.2f} {tile:.2f}">{body}</svg>')
    return svg, tile


# GeoServer's own marks for the same patterns, used when a renderer cannot read the SVG tile
_FALLBACK_MARKS = {"hatched": "shape://slash", "cross-hatched": "shape://times", "dotted": "shape://dot"}


def _sld_symbolizers(style: SectorStyle) -> str:
    out = []
    if style.alpha > 0:
        out.append(f'<se:PolygonSymbolizer uom="{UOM_PIXEL}"><se:Fill>{_sld_param("fill", style.fill)}'
                   f'{_sld_param("fill-opacity", f"{style.alpha:g}")}</se:Fill></se:PolygonSymbolizer>')
    pattern = style.pattern
    if pattern is not None:
        # The pattern tile as an SVG (QGIS reads a "base64:" SVG, with its size in pixels; its import of a
        # horline mark gives the hatch lines a width in millimetres, 3.8 times too wide), then GeoServer's mark
        # for the same pattern: an SE renderer uses the first graphic it can read.
        import base64

        svg, tile = pattern_svg(style)
        encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        out.append(
            f'<se:PolygonSymbolizer uom="{UOM_PIXEL}"><se:Fill><se:GraphicFill><se:Graphic>'
            f'<se:ExternalGraphic><se:OnlineResource xlink:type="simple" xlink:href="base64:{encoded}"/>'
            "<se:Format>image/svg+xml</se:Format></se:ExternalGraphic>"
            f"<se:Mark><se:WellKnownName>{_FALLBACK_MARKS[pattern.name]}</se:WellKnownName>"
            f"<se:Fill>{_sld_param('fill', style.pattern_colour)}</se:Fill>"
            f"{_sld_stroke(style.pattern_colour, pattern.size_pt)}</se:Mark>"
            f"<se:Size>{tile:.2f}</se:Size></se:Graphic></se:GraphicFill></se:Fill></se:PolygonSymbolizer>")
    out.append(f'<se:PolygonSymbolizer uom="{UOM_PIXEL}">'
               f"{_sld_stroke(style.outline, style.outline_pt, style.dash_pt)}</se:PolygonSymbolizer>")
    return "".join(out)


def _sld_filter(key: str, cls_ids: tuple[str, ...]) -> str:
    if key == "broken":
        return ("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>broken</ogc:PropertyName>"
                "<ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>")
    ors = "".join(f"<ogc:PropertyIsEqualTo><ogc:PropertyName>id</ogc:PropertyName>"
                  f"<ogc:Literal>{escape(i)}</ogc:Literal></ogc:PropertyIsEqualTo>" for i in cls_ids)
    return f"<ogc:Filter>{f'<ogc:Or>{ors}</ogc:Or>' if len(cls_ids) > 1 else ors}</ogc:Filter>"


def sld_document(view: AssignmentView, layer_name: str) -> str:
    """An OGC SLD 1.1 (Symbology Encoding) style for the exports of ``view``; sizes in pixels (uom) of 0.28 mm."""
    rules = [f"<se:Rule><se:Name>{escape(style.legend)}</se:Name>"
             f"<se:Description><se:Title>{escape(style.legend)}</se:Title></se:Description>"
             f"{_sld_filter(key, ids)}{_sld_symbolizers(style)}</se:Rule>"
             for key, _, style, ids in legend_rules(view)]
    rules.append(
        f'<se:Rule><se:Name>labels</se:Name><se:TextSymbolizer uom="{UOM_PIXEL}">'
        "<se:Label><ogc:PropertyName>label</ogc:PropertyName></se:Label>"
        f'<se:Font>{_sld_param("font-family", "DejaVu Sans")}{_sld_param("font-size", _px(LABEL_SIZE_PT))}</se:Font>'
        "<se:LabelPlacement><se:PointPlacement><se:AnchorPoint><se:AnchorPointX>0.5</se:AnchorPointX>"
        "<se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint></se:PointPlacement></se:LabelPlacement>"
        f"<se:Halo><se:Radius>{_px(LABEL_BUFFER_PT)}</se:Radius><se:Fill>{_sld_param('fill', LABEL_HALO_COLOUR)}"
        f"</se:Fill></se:Halo><se:Fill>{_sld_param('fill', LABEL_COLOUR)}</se:Fill>"
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


# ----- KML ----------------------------------------------------------------------------------------------------------

def kml_colour(colour: str, alpha: float = 1.0) -> str:
    """A ``#rrggbb`` colour as KML's ``aabbggrr``."""
    value = colour.lstrip("#").lower()
    return f"{round(alpha * 255):02x}{value[4:6]}{value[2:4]}{value[0:2]}"


def kml_style_xml(style: SectorStyle) -> str:
    """A KML ``<Style>`` for a sector class: KML has no patterns or dashes, so the fill takes the status's flat
    opacity (as the simplestyle GeoJSON does) and the outline its colour and width (KML widths are pixels)."""
    fill = (f"<PolyStyle><color>{kml_colour(style.fill, style.flat_opacity)}</color><fill>1</fill>"
            "<outline>1</outline></PolyStyle>" if style.alpha > 0 else "<PolyStyle><fill>0</fill></PolyStyle>")
    return (f"<Style id={quoteattr(style.key)}><LineStyle><color>{kml_colour(style.outline)}</color>"
            f"<width>{style.outline_pt * 96 / 72:.1f}</width></LineStyle>{fill}</Style>")
