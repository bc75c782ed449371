"""GIS exports of the derived view through pyogrio: GeoPackage (style in ``layer_styles``), Shapefile (+ .prj,
.cpg, .qml, .sld), KML (shared ``<Style>`` elements, + .qml, .sld for QGIS), KMZ, FlatGeobuf (+ .qml, .sld).

Every format gets the same fields, typed for every driver: names of at most 10 characters (a Shapefile's limit,
so nothing is cut), lists joined into text (no StringList), booleans as 0/1 integers. The boundaries' credit and
the sector-lines note travel in every file: a ``credit`` and ``note`` field on each feature, and where the format
has them, dataset metadata (GeoPackage) and the document's description (KML). Each file is made in a private
temporary folder and then written atomically beside the others, so a failed export never damages an existing one.
"""

from __future__ import annotations

import sqlite3
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mapview import wording

if TYPE_CHECKING:
    import geopandas

    from mapview.data.assignments import AssignmentView
    from mapview.data.project import Project

GIS_FORMATS = ("gpkg", "shp", "kml", "kmz", "fgb")
LAYER = "sectors"
KML_NS = "http://www.opengis.net/kml/2.2"
# The fields, in order, with what each holds; every name fits a Shapefile's 10 characters.
FIELDS = {
    "id": "sector id", "name": "sector name", "lead": "lead nation (empty: no lead)",
    "status": "lead status: confirmed, reported, speculative or contested",
    "candidates": "nations named for a contested lead, joined by '; '", "evidence": "number of passages",
    "claims": "claim ids, joined by '; '",
    "sites": "who stands at one site between this sector and a neighbour (the map's band on their shared edge), "
             "e.g. 'Indonesia (reported) at one site between Rafah and Khan Yunis', joined by '; '",
    "broken_ids": "ids of claims that failed verification, joined by '; '",
    "broken": "1 when a claim failed verification, else 0", "label": "the map's label", "title": "one-line summary",
    "legend": "the map legend's label for this sector's style", "pattern": "hatched, dotted, cross-hatched or empty",
    "fill": "fill colour #rrggbb", "fill_op": "fill opacity without the pattern (simplestyle, KML)",
    "stroke": "outline colour", "stroke_w": "outline width in points", "as_of": "the view's day (empty: all dates)",
    "credit": "the boundaries' attribution", "note": "how the sector lines were drawn",
}


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def gis_frame(project: Project, view: AssignmentView) -> geopandas.GeoDataFrame:
    """The derived view as a WGS 84 GeoDataFrame with the FIELDS above, typed for every driver."""
    import geopandas
    import pandas

    from mapview.render.style import BROKEN_STYLE, sector_style

    rows = []
    names = {sv.sector.id: sv.sector.name for sv in view.sectors}
    for sv in view.sectors:
        style = sector_style(sv)
        lead = sv.lead
        broken = bool(sv.has_broken_evidence)
        rows.append({
            "id": sv.sector.id, "name": sv.sector.name,
            "lead": lead.nation if lead and lead.nation else None,
            "status": ("contested" if lead.contested else lead.status) if lead else None,
            "candidates": _join(lead.candidates) if lead and lead.candidates else None,
            "evidence": sum(len(c.evidence) for c in sv.claims),
            "claims": _join(c.id for c in sv.claims) or None,
            "sites": _join(wording.site_mark_text(m, names) for m in view.site_marks if sv.sector.id in m.area)
            or None,
            "broken_ids": _join(c.id for c in sv.broken_claims) or None,
            "broken": int(broken), "label": wording.sector_label(sv),
            "title": f"{sv.sector.name}: {wording.lead_text(sv.lead)}", "legend": style.legend,
            "pattern": style.pattern.name if style.pattern else None, "fill": style.fill,
            "fill_op": style.flat_opacity,
            "stroke": BROKEN_STYLE.edgecolor if broken else style.outline,
            "stroke_w": BROKEN_STYLE.linewidth if broken else style.outline_pt,
            "as_of": view.as_of.isoformat() if view.as_of else None,
            "credit": project.sectors.credit, "note": project.sectors.note or None,
            "geometry": sv.sector.geometry,
        })
    frame = geopandas.GeoDataFrame(rows, columns=[*FIELDS, "geometry"], geometry="geometry", crs="EPSG:4326")
    for name in FIELDS:
        if name in ("evidence", "broken"):
            frame[name] = frame[name].astype("int32")
        elif name in ("fill_op", "stroke_w"):
            frame[name] = frame[name].astype("float64")
        else:
            frame[name] = pandas.Series([None if v is None else str(v) for v in frame[name]], dtype=object,
                                        index=frame.index)
    return frame


def _metadata(project: Project, view: AssignmentView, generated: date) -> dict[str, str]:
    return {"attribution": project.sectors.credit, "note": project.sectors.note,
            "as_of": view.as_of.isoformat() if view.as_of else "all dates", "generated": generated.isoformat(),
            "DESCRIPTION": f"ISF sector leads as the sources report them. {project.sectors.credit}"}


def _write(frame, path: Path, driver: str, generated: date, **kwargs) -> None:
    import pyogrio

    # GDAL stamps GeoPackages with the current time; the generation day keeps the bytes reproducible
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": f"{generated.isoformat()}T00:00:00Z"})
    try:
        pyogrio.write_dataframe(frame, path, driver=driver, **kwargs)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


def _add_layer_style(gpkg: Path, qml: str, sld: str, generated: date) -> None:
    """Store the style in the GeoPackage's ``layer_styles`` table as QGIS does, as the layer's default."""
    with sqlite3.connect(gpkg) as db:
        db.execute("""CREATE TABLE IF NOT EXISTS layer_styles (
            id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
            f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
            useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)""")
        geometry_column = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                                     (LAYER,)).fetchone()[0]
        stamp = f"{generated.isoformat()}T00:00:00.000Z"  # the GeoPackage DATETIME form
        db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                   "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
                   "VALUES ('', '', ?, ?, 'mapview', ?, ?, 1, 'as mapview draws the map', '', NULL, ?)",
                   (LAYER, geometry_column, qml, sld, stamp))
        db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, "
                   "last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?)", (stamp,))
    db.close()


def _kml_document(raw: bytes, project: Project, view: AssignmentView, frame) -> bytes:
    """GDAL's KML with mapview's styles: one shared ``<Style>`` per class (and a red-outlined variant for broken
    evidence) in the Document, each Placemark pointing at its own with ``<styleUrl>``; the credit, the note and
    the legend in the Document's description."""
    from mapview.render.gisstyle import kml_style_xml
    from mapview.render.style import BROKEN_STYLE, sector_style

    ET.register_namespace("", KML_NS)
    root = ET.fromstring(raw)
    ns = {"k": KML_NS}
    document = root.find("k:Document", ns)
    styles: dict[str, str] = {}
    by_id = {sv.sector.id: sv for sv in view.sectors}
    placemarks = root.findall(".//k:Placemark", ns)
    for placemark, sector_id in zip(placemarks, frame["id"], strict=True):
        sv = by_id[sector_id]
        style = sector_style(sv)
        if sv.has_broken_evidence:
            style = replace(style, key=f"{style.key}-broken", outline=BROKEN_STYLE.edgecolor,
                            outline_pt=BROKEN_STYLE.linewidth)
        styles.setdefault(style.key, kml_style_xml(style))
        children = list(placemark)
        # KML's order: styleUrl where GDAL's own <Style> stood (after name and description, before ExtendedData)
        at = next((i for i, c in enumerate(children) if c.tag in (f"{{{KML_NS}}}Style", f"{{{KML_NS}}}ExtendedData")),
                  len(children))
        for old in placemark.findall("k:Style", ns):
            placemark.remove(old)
        url = ET.Element(f"{{{KML_NS}}}styleUrl")
        url.text = f"#{style.key}"
        placemark.insert(at, url)
    legend = "\n".join(dict.fromkeys(f"{sector_style(sv).legend}" for sv in view.sectors))
    head = list(ET.fromstring(f'<Document xmlns="{KML_NS}">{"".join(styles.values())}</Document>'))
    name = ET.Element(f"{{{KML_NS}}}name")
    name.text = "ISF sectors in Gaza"
    description = ET.Element(f"{{{KML_NS}}}description")
    description.text = (f"Lead nations as the sources report them, {wording.view_dates_text(view)}.\n{legend}\n"
                        f"{project.sectors.note}\n{project.sectors.credit}".strip())
    for offset, element in enumerate([name, description, *head]):
        document.insert(offset, element)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def gis_files(project: Project, view: AssignmentView, out: Path, fmt: str, generated: date) -> dict[Path, bytes]:
    """Every file of a GIS export (the data and what goes beside it), as bytes keyed by its final path."""
    from mapview.render.gisstyle import qml_document, sld_document

    frame = gis_frame(project, view)
    qml = qml_document(view)
    sld = sld_document(view, out.stem)
    files: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="mapview-gis-") as folder:
        tmp = Path(folder)
        if fmt == "gpkg":
            path = tmp / "out.gpkg"
            # GeoPackage 1.2: what the GDAL inside QGIS 3.22 (and ArcGIS Pro 2.x) reads without a warning
            _write(frame, path, "GPKG", generated, layer=LAYER, dataset_options={"VERSION": "1.2"},
                   dataset_metadata=_metadata(project, view, generated))
            _add_layer_style(path, qml, sld, generated)
            files[out] = path.read_bytes()
        elif fmt == "shp":
            _write(frame, tmp / "out.shp", "ESRI Shapefile", generated, layer=out.stem, encoding="UTF-8")
            for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
                files[out.with_suffix(suffix)] = (tmp / f"out{suffix}").read_bytes()
        elif fmt == "fgb":
            _write(frame, tmp / "out.fgb", "FlatGeobuf", generated, layer=LAYER)
            files[out] = (tmp / "out.fgb").read_bytes()
        elif fmt in ("kml", "kmz"):
            kml_frame = frame.assign(description=frame["title"] + "\n" + frame["credit"])
            _write(kml_frame, tmp / "out.kml", "KML", generated, layer=LAYER)
            document = _kml_document((tmp / "out.kml").read_bytes(), project, view, frame)
            if fmt == "kml":
                files[out] = document
            else:
                zipped = tmp / "out.kmz"
                with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
                    info = zipfile.ZipInfo("doc.kml", date_time=(generated.year, generated.month, generated.day,
                                                                 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, document)
                files[out] = zipped.read_bytes()
        else:
            raise ValueError(f"not a GIS format: {fmt}")
    if fmt in ("shp", "fgb", "kml"):  # QGIS loads a .qml beside the file by itself; the SLD is for the others
        files[out.with_suffix(".qml")] = qml.encode("utf-8")
        files[out.with_suffix(".sld")] = sld.encode("utf-8")
    return files
