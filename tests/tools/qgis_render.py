"""Render a GeoJSON export in QGIS (PyQGIS, offscreen) with the style QGIS loads by itself, to a PNG.

Run with the system Python that has QGIS: ``python3 tests/tools/qgis_render.py map.geojson out.png``. Prints one
JSON line: whether QGIS loaded the default style (map.qml), the renderer type, the legend labels, and the
colour at each sector's label point.
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


def main(geojson: str, out_png: str) -> int:
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(geojson, "sectors", "ogr")
    if not layer.isValid():
        print(json.dumps({"error": "layer not valid"}))
        return 1
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
        colours[feature["id"]] = QColor(image.pixel(int(pixel.x()), int(pixel.y()))).name()
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
        fills[feature["id"]] = [c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n / total > 0.02]
    labels_on = layer.labelsEnabled()
    print(json.dumps({"loaded": loaded, "message": message, "renderer": renderer.type(), "legend": legend,
                      "labels": labels_on, "colours": colours,
                      "fills": fills}), flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1], sys.argv[2])  # a third argument (--histogram) is accepted and ignored
    sys.stdout.flush()
    os._exit(code)  # QGIS 3.22 can crash while tearing down offscreen; the report is out by then
