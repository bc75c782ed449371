"""Map exports: PNG, SVG and PDF pages (vector text kept as text) and a styled GeoJSON of the derived view.

Each export is rendered to bytes in memory and then written atomically, so a failed render never damages an
existing file. Output is deterministic for the same inputs: the generation date is an input and every timestamp
or random id a format would embed is fixed.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mapview import wording
from mapview.data.atomic import atomic_write_bytes
from mapview.data.problems import errors

if TYPE_CHECKING:
    import argparse

    from mapview.data.assignments import AssignmentView
    from mapview.data.project import Project

PAGE_FORMATS = ("png", "svg", "pdf")
GIS_FORMATS = ("geojson", "gpkg", "shp", "kml", "kmz", "fgb")  # data formats: no page, no dpi
FORMATS = PAGE_FORMATS + GIS_FORMATS
MIN_DPI, MAX_DPI = 30, 1200
MAX_PIXELS = 200_000_000
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class ExportError(Exception):
    """An export that cannot be made, with a message meant for the user; ``usage`` marks bad arguments."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class ExportOptions:
    """Everything that decides an export's bytes."""

    fmt: str
    dpi: int = 200
    size_mm: tuple[float, float] = (210.0, 297.0)
    title: str | None = None
    selected: str | None = None
    generated: date | None = None
    extent: tuple[float, float, float, float] | None = None  # minx, miny, maxx, maxy (degrees); None: all


def format_of(out: Path, fmt: str | None = None) -> str:
    """The export format from ``fmt`` or the file suffix; ExportError (usage) for anything unsupported."""
    name = (fmt or Path(out).suffix.lstrip(".")).lower()
    if name == "json":
        name = "geojson"
    if name not in FORMATS:
        shown = f".{name}" if name else "no suffix"
        raise ExportError(f"cannot export to {shown}: use one of {', '.join('.' + f for f in FORMATS)}", usage=True)
    return name


def _generated_day(generated: datetime | date | None) -> date:
    if isinstance(generated, datetime):
        return generated.date()
    return generated or date.today()


def render_page_bytes(project: Project, view: AssignmentView, options: ExportOptions) -> bytes:
    """Render the page to PNG, SVG or PDF bytes with fixed metadata (nothing is written)."""
    # SVG keeps its text as text that viewers lay out with the bidi algorithm: each name is isolated (FSI…PDI),
    # while composing and while drawing (labels are re-set when the figure is resized)
    with wording.isolated_data() if options.fmt == "svg" else contextlib.nullcontext():
        return _render_page_bytes(project, view, options)


def _render_page_bytes(project: Project, view: AssignmentView, options: ExportOptions) -> bytes:
    import matplotlib

    from mapview.render.layout import compose_page

    figure = compose_page(project, view, size_mm=options.size_mm, title=options.title, selected=options.selected,
                          generated=options.generated, extent=options.extent)
    title = options.title or "ISF sectors in Gaza"
    metadata: dict[str, object] = {
        "png": {"Title": title, "Software": "mapview"},
        "svg": {"Title": title, "Date": None, "Creator": "mapview"},
        "pdf": {"Title": title, "Creator": "mapview", "Producer": "mapview", "CreationDate": None,
                "ModDate": None},
    }[options.fmt]
    buffer = io.BytesIO()
    rc = {"svg.fonttype": "none", "svg.hashsalt": "mapview-export", "pdf.fonttype": 42, "pdf.compression": 6}
    with matplotlib.rc_context(rc):
        if options.fmt == "png":
            return _png_rgb(figure, options.dpi, metadata)
        figure.savefig(buffer, format=options.fmt, dpi=options.dpi, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def _png_rgb(figure, dpi: int, metadata: dict[str, object]) -> bytes:
    """The page as an RGB PNG: the page is opaque, and an all-opaque alpha channel is flagged by print checks."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image, PngImagePlugin

    figure.set_dpi(dpi)
    figure.patch.set_facecolor("white")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    info = PngImagePlugin.PngInfo()
    for key, value in metadata.items():
        info.add_text(key, str(value))
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", pnginfo=info, dpi=(dpi, dpi), compress_level=6)
    return out.getvalue()


def geojson_document(project: Project, view: AssignmentView, generated: date) -> dict[str, object]:
    """The derived view as a FeatureCollection with simplestyle-spec styling and the attribution."""
    from shapely.geometry import mapping

    from mapview.render.layout import view_source_ids
    from mapview.render.style import BROKEN_STYLE, sector_style

    features = []
    names = {sv.sector.id: sv.sector.name for sv in view.sectors}
    for sv in view.sectors:
        style = sector_style(sv)
        lead = sv.lead
        status = lead.status if lead else None
        features.append({
            "type": "Feature",
            "id": sv.sector.id,
            "properties": {
                "id": sv.sector.id,
                "name": sv.sector.name,
                "lead_nation": lead.nation if lead else None,
                "lead_status": status,
                "lead_candidates": list(lead.candidates) if lead else [],
                "evidence_count": sum(len(c.evidence) for c in sv.claims),
                "claims": [c.id for c in sv.claims],
                "sites": [wording.site_mark_text(m, names) for m in view.site_marks if sv.sector.id in m.area],
                "broken_claims": [c.id for c in sv.broken_claims],
                "title": f"{sv.sector.name}: {wording.lead_text(sv.lead)}",
                "label": wording.sector_label(sv),
                "broken": bool(sv.has_broken_evidence),
                "fill": style.fill,
                "fill-opacity": style.flat_opacity,  # simplestyle viewers draw no pattern: opacity tells status
                "stroke": BROKEN_STYLE.edgecolor if sv.has_broken_evidence else style.outline,
                "stroke-width": 3 if sv.has_broken_evidence else 1,
                "stroke-opacity": 1,
            },
            "geometry": mapping(sv.sector.geometry),
        })
    return {
        "type": "FeatureCollection",
        "attribution": project.sectors.credit,
        "note": project.sectors.note,
        "as_of": view.as_of.isoformat() if view.as_of else None,
        "sources": view_source_ids(view),
        "generated": generated.isoformat(),
        "features": features,
    }


def render_bytes(project: Project, view: AssignmentView, options: ExportOptions) -> bytes:
    """The export's bytes in the chosen format."""
    if options.fmt == "geojson":
        doc = geojson_document(project, view, _generated_day(options.generated))
        return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    return render_page_bytes(project, view, options)


def _check(project: Project, options: ExportOptions) -> None:
    from mapview.render.layout import MM_PER_INCH, check_size

    if options.selected is not None and options.selected not in project.sectors.by_id():
        known = ", ".join(project.sectors.by_id())
        raise ExportError(f"unknown sector {options.selected!r} (known: {known})", usage=True)
    if options.fmt in GIS_FORMATS:
        return
    try:
        check_size(options.size_mm)
    except ValueError as exc:
        raise ExportError(str(exc), usage=True) from None
    if not MIN_DPI <= options.dpi <= MAX_DPI:
        raise ExportError(f"dpi {options.dpi} is outside {MIN_DPI}-{MAX_DPI}", usage=True)
    w, h = (v / MM_PER_INCH * options.dpi for v in options.size_mm)
    if options.fmt == "png" and w * h > MAX_PIXELS:
        raise ExportError(f"{w:.0f}x{h:.0f} pixels is too large; lower the dpi or the page size", usage=True)


def write_bytes(out: Path, data: bytes) -> None:
    """Write atomically, turning OS errors into an ExportError that names the file."""
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"cannot write {out}: it is a folder")
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {out}: folder {out.parent} does not exist")
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None


def export_map(project: Project, out: Path, *, fmt: str | None = None, dpi: int = 200,
               size_mm: tuple[float, float] = (210.0, 297.0), title: str | None = None, as_of: date | None = None,
               include_undated: bool = True, selected: str | None = None,
               generated: datetime | date | None = None,
               extent: tuple[float, float, float, float] | None = None) -> Path:
    """Export the map of ``project`` (as of a day) to ``out``; raises ExportError with a user-facing message."""
    out = Path(out)
    options = ExportOptions(format_of(out, fmt), int(dpi), (float(size_mm[0]), float(size_mm[1])), title, selected,
                            _generated_day(generated), extent)
    _check(project, options)
    view = project.view(as_of, include_undated=include_undated)
    if options.fmt in GIS_FORMATS and options.fmt != "geojson":
        from mapview.render.giswrite import gis_files

        try:
            files = gis_files(project, view, out, options.fmt, _generated_day(options.generated))
        except Exception as exc:  # GDAL's errors come in many classes; all mean "this file could not be made"
            raise ExportError(f"cannot write {out}: {exc}") from None
        for path, data in files.items():
            write_bytes(path, data)
        return out
    data = render_bytes(project, view, options)
    write_bytes(out, data)
    if options.fmt == "geojson":  # QGIS loads map.qml beside map.geojson by itself; the SLD is for the others
        from mapview.render.gisstyle import qml_document, sld_document

        write_bytes(out.with_suffix(".qml"), qml_document(view).encode("utf-8"))
        write_bytes(out.with_suffix(".sld"), sld_document(view, out.stem).encode("utf-8"))
    return out


def parse_extent(text: str | None) -> tuple[float, float, float, float] | None:
    """``--extent``: ``all`` (or nothing) is None; ``minx,miny,maxx,maxy`` in degrees; ValueError otherwise."""
    if text is None or text.strip().lower() in ("", "all"):
        return None
    if text.strip().lower() == "current":
        raise ValueError("--extent current is the window's last view: it is read from the project "
                         "(run_export_command does)")
    try:
        minx, miny, maxx, maxy = (float(v) for v in text.split(","))
    except ValueError:
        raise ValueError(f"--extent {text!r}: give all, or minx,miny,maxx,maxy in degrees") from None
    if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
        raise ValueError(f"--extent {text!r}: need minx < maxx and miny < maxy, in lon/lat degrees")
    return minx, miny, maxx, maxy


def run_export_command(args: argparse.Namespace, project: Project) -> int:
    """``mapview export``: 0 written, 1 written with data problems or failed, 2 bad arguments."""
    from mapview.render.layout import parse_size

    try:
        size = parse_size(getattr(args, "size", None) or "A4")
        text = getattr(args, "extent", None)
        if text is not None and text.strip().lower() == "current":
            from mapview.data.viewfile import load_view_extent

            extent = load_view_extent(project.paths.claims)
        else:
            extent = parse_extent(text)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        out = export_map(project, args.out, dpi=getattr(args, "dpi", 200), size_mm=size,
                         title=getattr(args, "title", None), as_of=getattr(args, "as_of", None),
                         include_undated=getattr(args, "include_undated", False),
                         selected=getattr(args, "select", None), extent=extent)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.usage else EXIT_FAILED
    except (ValueError, RuntimeError, MemoryError) as exc:
        print(f"error: export failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for problem in project.problems:
        print(problem, file=sys.stderr)
    print(f"wrote {out}")
    suffix = out.suffix.lower()
    if suffix in (".geojson", ".json", ".shp", ".fgb", ".kml"):
        print(f"wrote {out.with_suffix('.qml')} (QGIS style, loaded with the layer) and {out.with_suffix('.sld')}")
    if suffix == ".shp":
        print(f"wrote {', '.join(str(out.with_suffix(s)) for s in ('.shx', '.dbf', '.prj', '.cpg'))}")
    if suffix == ".gpkg":
        print("the QGIS style is inside the GeoPackage (layer_styles), the layer's default")
    if errors(project.problems):
        print("warning: some claims failed verification; they are marked as broken evidence on the map",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
