"""Render an export in QGIS (PyQGIS, offscreen) with the style QGIS loads by itself, to a PNG.

Run with the system Python that has QGIS: ``python3 tests/tools/qgis_render.py map.geojson out.png [--sld x.sld]``
(any format QGIS opens: .geojson, .gpkg, .shp, .fgb, .kml, .kmz). With ``--sld`` the SLD is loaded instead of
the default style. Prints one JSON line: whether QGIS loaded the style, the renderer type, the legend labels,
the colour at each sector's label point, the colours inside each sector, the fields and their types, and the
symbol layers of each rule.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main(geojson: str, out_png: str, sld: str | None = None) -> int:
    app = QgsApplication([], False)
    app.initQgis()
    source = f"/vsizip/{geojson}/doc.kml" if geojson.lower().endswith(".kmz") else geojson
    layer = QgsVectorLayer(source, "sectors", "ogr")
    if not layer.isValid():
        print(json.dumps({"error": "layer not valid"}))
        return 1
    if sld:
        message, loaded = layer.loadSldStyle(sld)
    else:
        message, loaded = layer.loadDefaultStyle()  # what QGIS Desktop does when the layer is added
    renderer = layer.renderer()
    legend = [item.label() for item in renderer.legendSymbolItems()]
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setBackgroundColor(QColor(255, 255, 255))
    extent = layer.extent()
    extent.grow(0.01)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(900, 1100))
    settings.setDestinationCrs(layer.crs())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(out_png, "png")
    colours, fills = {}, {}
    to_pixel = settings.mapToPixel()
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        point = geometry.pointOnSurface().asPoint()
        pixel = to_pixel.transform(QgsPointXY(point))
        sector_id = feature["id"] if "id" in feature.fields().names() else None
        if sector_id is None or isinstance(sector_id, int) or "." in str(sector_id):  # KML: the element id
            sector_id = "-".join(str(feature["Name"] if "Name" in feature.fields().names() else feature["name"])
                                 .lower().replace("-", " ").split())
        colours[sector_id] = QColor(image.pixel(int(pixel.x()), int(pixel.y()))).name()
        # every rendered pixel inside the sector (away from its outline), most common colour first
        counts = {}
        box = geometry.boundingBox()
        inner = geometry.buffer(-0.002, 4)
        step = box.width() / 120
        y = box.yMinimum()
        while y <= box.yMaximum():
            x = box.xMinimum()
            while x <= box.xMaximum():
                if inner.contains(QgsPointXY(x, y)):
                    p = to_pixel.transform(QgsPointXY(x, y))
                    name = QColor(image.pixel(int(p.x()), int(p.y()))).name()
                    counts[name] = counts.get(name, 0) + 1
                x += step
            y += step
        total = sum(counts.values()) or 1
        fills[sector_id] = [c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n / total > 0.02]
    labels_on = layer.labelsEnabled()
    symbols = {}
    if renderer.type() == "RuleRenderer":
        for rule in renderer.rootRule().children():
            symbol = rule.symbol()
            symbols[rule.label()] = [[sl.layerType(), sl.properties()] for sl in symbol.symbolLayers()] if symbol \
                else []
    fields = {f.name(): f.typeName() for f in layer.fields()}
    print(json.dumps({"loaded": loaded, "message": message, "renderer": renderer.type(), "legend": legend,
                      "labels": labels_on, "colours": colours, "fills": fills, "fields": fields,
                      "symbols": symbols, "count": layer.featureCount()}, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sld_path = sys.argv[sys.argv.index("--sld") + 1] if "--sld" in sys.argv else None
    code = main(sys.argv[1], sys.argv[2], sld_path)  # --histogram is accepted and ignored
    sys.stdout.flush()
    os._exit(code)  # QGIS 3.22 can crash while tearing down offscreen; the report is out by then
