"""Peer: QGIS renders the five sectors, filled and labelled with the exported style, to an A4 300-DPI PNG.

Run as a whole process with the system Python that has PyQGIS: ``python3 qgis_a4.py map.geojson out.png``.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1], "sectors", "ogr")
layer.loadDefaultStyle()
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setExtent(layer.extent())
settings.setOutputSize(QSize(2480, 3508))  # A4 at 300 dpi
settings.setOutputDpi(300)
settings.setDestinationCrs(layer.crs())
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
job.renderedImage().save(sys.argv[2], "png")
sys.stdout.flush()
os._exit(0)
