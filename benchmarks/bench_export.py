"""Exports: an A4 page at 300 DPI as PNG, and as PDF, through ``export_map`` (render, then atomic write).

The naive baseline draws the same content the common way: GeoDataFrames (read once, outside the timing) plotted
with ``GeoDataFrame.plot()`` on a pyplot figure of the same page size, labels, legend, title and credits, then
``pyplot.savefig`` at the same DPI. Neither side's timing includes loading the data.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from benchmarks.common import Result, best_of

A4_MM = (210.0, 297.0)
DPI = 300
MM_PER_INCH = 25.4


def naive_export(sectors, context, out: Path, fmt: str, attribution: str) -> None:
    """GeoDataFrame.plot + pyplot.savefig of the A4 map page."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    colours = {"north-gaza": "#2b6cb0", "deir-al-balah": "#c0392b"}
    fig, ax = plt.subplots(figsize=(A4_MM[0] / MM_PER_INCH, A4_MM[1] / MM_PER_INCH))
    context.plot(ax=ax, color="#ece8df", edgecolor="#b5ad9c", linewidth=0.6)
    sectors.plot(ax=ax, color=[colours.get(i, "#c8c8c8") for i in sectors["id"]], edgecolor="#333333",
                 linewidth=0.9, hatch="//")
    for _, row in sectors.iterrows():
        point = row.geometry.representative_point()
        ax.annotate(row["name"], (point.x, point.y), ha="center", fontsize=9)
    xmin, ymin, xmax, ymax = sectors.total_bounds
    ax.set_xlim(xmin - 0.05, xmax + 0.05)
    ax.set_ylim(ymin - 0.05, ymax + 0.05)
    ax.set_axis_off()
    ax.legend(handles=[Patch(facecolor=c, hatch="//", label=n) for n, c in (("Kosovo", colours["north-gaza"]),
                                                                          ("Albania", colours["deir-al-balah"]))],
              loc="upper left")
    ax.set_title("ISF sectors in Gaza: lead nations named in news reports")
    fig.text(0.02, 0.01, attribution, fontsize=7)
    fig.savefig(out, format=fmt, dpi=DPI)
    plt.close(fig)


def run() -> list[Result]:
    """A4 300-DPI PNG and A4 PDF: ours vs GeoDataFrame.plot + pyplot.savefig."""
    import geopandas as gpd
    import matplotlib.pyplot as plt

    from mapview.data.project import ProjectPaths, load_project
    from mapview.render.export import export_map

    plt.switch_backend("agg")
    paths = ProjectPaths.defaults()
    project = load_project(paths)
    sectors, context = gpd.read_file(paths.sectors), gpd.read_file(paths.context)
    attribution = project.sectors.attribution
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, target, limit in (("png", "< 2 s", 2000.0), ("pdf", "", None)):
            ours_out, naive_out = Path(tmp) / f"ours.{fmt}", Path(tmp) / f"naive.{fmt}"

            def ours(fmt=fmt, out=ours_out):
                export_map(project, out, dpi=DPI, size_mm=A4_MM, generated=date(2026, 1, 1))

            def naive(fmt=fmt, out=naive_out):
                naive_export(sectors, context, out, fmt, attribution)

            ours()  # warm: fonts, hatch textures
            naive()
            label = f"export A4 {DPI} DPI PNG" if fmt == "png" else "export A4 PDF"
            results.append(Result(label, best_of(ours, repeat=3), best_of(naive, repeat=3), "ms", target, limit))
    return results


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
