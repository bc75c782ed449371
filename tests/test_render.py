"""The rendering layer: palette, map artists, labels, legend, page layout and the scale bar's distance."""

from __future__ import annotations

import math
import re
from datetime import date

import numpy as np
import pytest
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from pyproj import Geod
from shapely.geometry import MultiPolygon, Point, box

from mapview.data.assignments import AssignmentView, Lead, SectorView
from mapview.data.claims import Claim
from mapview.data.nations import NATIONS
from mapview.data.problems import Problem
from mapview.data.project import Project
from mapview.render.layout import compose, metres_per_degree_lon, parse_size, source_line
from mapview.render.mapfigure import build_map_figure, geometry_path, legend_handles, new_map_figure
from mapview.render.style import (
    NATION_COLOURS,
    NO_LEAD_COLOUR,
    STATUS_STYLES,
    hatch_colour,
    nation_colour,
)

SEEDS_DAY = date(2026, 2, 9)  # the day before the first article after the seeds: the seeds' map

GEOD = Geod(ellps="WGS84")
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


# --- palette --------------------------------------------------------------------------------------------------
def test_okabe_ito_colours_for_the_reported_leads() -> None:
    assert nation_colour("Kosovo").upper() == "#0072B2"
    assert nation_colour("Albania").upper() == "#D55E00"
    assert nation_colour(None) == NO_LEAD_COLOUR == "#d0d0d0"


def test_every_registered_nation_has_its_own_colour() -> None:
    names = [n.name for n in NATIONS]
    assert set(names) <= set(NATION_COLOURS)
    colours = [NATION_COLOURS[n].lower() for n in names]
    assert len(set(colours)) == len(colours), "two nations share a colour"
    assert NO_LEAD_COLOUR not in colours
    assert all(HEX.match(c) for c in colours)


def test_unlisted_nation_gets_a_stable_colour() -> None:
    first = nation_colour("Atlantis")
    assert HEX.match(first) and first == nation_colour("Atlantis") and first != NO_LEAD_COLOUR


def test_hatch_stays_visible_on_dark_and_light_fills() -> None:
    assert hatch_colour(nation_colour("Kosovo")) == "#ffffff"  # dark blue: white lines
    assert hatch_colour(nation_colour("Jordan")).lower() != "#ffffff"  # yellow: dark lines


def test_status_patterns_differ() -> None:
    hatches = [STATUS_STYLES[s].hatch for s in ("confirmed", "reported", "speculative", "contested")]
    assert hatches[0] is None
    assert len(set(hatches)) == 4


# --- the map --------------------------------------------------------------------------------------------------
def test_sectors_coloured_by_lead_with_status_pattern(project: Project) -> None:
    _, _, artists = build_map_figure(project, project.view())
    assert set(artists.sectors) == {"north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"}
    face = {sid: patch.get_facecolor() for sid, patch in artists.sectors.items()}

    def rgb(hex_colour: str) -> tuple[float, ...]:
        return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))

    assert face["north-gaza"][:3] == pytest.approx(rgb("#0072B2"))
    assert face["deir-al-balah"][:3] == pytest.approx(rgb("#D55E00"))
    assert face["khan-yunis"][:3] == face["rafah"][:3] == pytest.approx(rgb("#009E73"))  # Indonesia
    assert face["gaza-city"][:3] == pytest.approx(rgb("#d0d0d0"))
    assert not artists.sectors["gaza-city"].get_hatch()
    for sid in ("north-gaza", "deir-al-balah", "khan-yunis", "rafah"):  # reported (relayed, or stated by an outlet)
        assert artists.sectors[sid].get_hatch() == STATUS_STYLES["reported"].hatch
    assert all(not p.get_mouseover() for p in artists.sectors.values())
    # the seeds' map (before the reporting of 2026-02-10): two leads on hedged passages only, dotted
    _, _, seeds = build_map_figure(project, project.view(SEEDS_DAY))
    assert seeds.sectors["north-gaza"].get_hatch() == ".."
    for sid in ("gaza-city", "khan-yunis", "rafah"):
        assert not seeds.sectors[sid].get_hatch()


def test_labels_say_lead_and_status(project: Project) -> None:
    # each label's whole text; a label drawn where its sector has no room for all of it shows its name first
    _, _, artists = build_map_figure(project, project.view(SEEDS_DAY))
    assert artists.full_labels["north-gaza"] == "North Gaza\nKosovo (speculative)\nsingle source"
    assert artists.full_labels["deir-al-balah"] == "Deir al-Balah\nAlbania (speculative)\nsingle source"
    assert artists.full_labels["gaza-city"] == "Gaza City\nno lead reported"
    _, _, now = build_map_figure(project, project.view())
    assert now.full_labels["north-gaza"] == "North Gaza\nKosovo (reported)"
    # one outlet places Indonesia IN Rafah (008); the others' site between Rafah and Khan Yunis colours neither
    assert now.full_labels["rafah"] == "Rafah\nIndonesia (reported)\nsingle source"
    for sid, label in artists.labels.items():
        name = artists.full_labels[sid].split("\n")[0]
        assert label.get_text().replace("\n", " ").replace("- ", "-").startswith(name), sid


@pytest.mark.parametrize("figsize", [(8.0, 7.0), (11.0, 8.0), (5.0, 4.0), (3.0, 2.6)])
def test_labels_do_not_overlap(project: Project, figsize: tuple[float, float]) -> None:
    figure, _, artists = build_map_figure(project, project.view(), figsize=figsize)
    renderer = figure.canvas.get_renderer()
    boxes = {sid: t.get_window_extent(renderer) for sid, t in artists.labels.items()}
    ids = list(boxes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert not boxes[a].overlaps(boxes[b]), f"labels of {a} and {b} overlap at {figsize}"


def test_aspect_corrects_for_latitude(project: Project) -> None:
    _, ax, _ = build_map_figure(project, project.view())
    lat = sum(ax.get_ylim()) / 2
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians(lat)), rel=0.01)
    assert not ax.get_xticks().size or not ax.xaxis.get_tick_params().get("labelbottom", True)


def test_selection_and_hover_restyle_in_place(project: Project) -> None:
    figure, ax, artists = build_map_figure(project, project.view())
    before = len(ax.patches)
    artists.set_selected("gaza-city")
    assert artists.selection is not None and artists.selection.get_visible()
    assert artists.selection.get_path() is artists.paths["gaza-city"]
    artists.set_selected(None)
    assert not artists.selection.get_visible()
    artists.set_emphasised({"rafah"})
    assert artists.emphasis["rafah"].get_visible()
    artists.set_emphasised(set())
    assert not artists.emphasis["rafah"].get_visible()
    assert len(ax.patches) == before + 1  # one hover outline added, nothing redrawn


def test_multipolygon_is_one_compound_path() -> None:
    geom = MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1).difference(box(2.4, 0.4, 2.6, 0.6))])
    path = geometry_path(geom)
    assert isinstance(path, MplPath)
    assert list(path.codes).count(MplPath.MOVETO) == 3  # two shells and one hole
    figure, ax = new_map_figure((3, 1), 100)
    ax.add_patch(PathPatch(path, facecolor="black", edgecolor="none"))
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 1)
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())

    def painted(x: float, y: float) -> bool:
        px, py = ax.transData.transform((x, y))
        return bool(pixels[int(pixels.shape[0] - py), int(px), 0] < 128)

    assert painted(0.5, 0.5) and painted(2.2, 0.5)
    assert not painted(2.5, 0.5)  # the hole stays empty


def _synthetic_view(project: Project) -> AssignmentView:
    """North Gaza contested, Gaza City speculative Indonesia, Rafah confirmed Egypt with a broken claim."""
    sectors = project.sectors.by_id()
    broken = Claim("bad", "Egypt", "lead", "rafah", "reported", [], problems=[Problem("f", "", "gone")])
    return AssignmentView([
        SectorView(sectors["north-gaza"], Lead(None, "contested", ("Albania", "Kosovo"))),
        SectorView(sectors["gaza-city"], Lead("Indonesia", "speculative")),
        SectorView(sectors["rafah"], Lead("Egypt", "confirmed"), [], [broken]),
    ], [], [])


def test_contested_speculative_confirmed_and_broken(project: Project) -> None:
    view = _synthetic_view(project)
    _, _, artists = build_map_figure(project, view)
    assert artists.full_labels["north-gaza"] == "North Gaza\ncontested: Albania / Kosovo"
    assert artists.sectors["north-gaza"].get_hatch() == "xx"
    assert artists.sectors["gaza-city"].get_hatch() == STATUS_STYLES["speculative"].hatch
    assert artists.sectors["gaza-city"].get_alpha() < 1
    assert not artists.sectors["rafah"].get_hatch()
    assert "rafah" in artists.broken and "broken" in artists.full_labels["rafah"]
    labels = [h.get_label() for h in legend_handles(view)]
    assert labels[:2] == ["Indonesia", "Egypt"]
    assert any(label.startswith("contested") for label in labels)
    assert any(label.startswith("speculative") for label in labels)
    assert any(label.startswith("confirmed") for label in labels)
    assert any("broken evidence" in label for label in labels)
    assert "Kosovo" not in labels  # a contested candidate is not shown as a lead colour


def test_legend_for_the_real_data(project: Project) -> None:
    labels = [h.get_label() for h in legend_handles(project.view(SEEDS_DAY))]
    assert labels[:2] == ["Kosovo", "Albania"]
    assert any(label.startswith("speculative") for label in labels)
    assert "single source: one outlet" in labels
    now = [h.get_label() for h in legend_handles(project.view())]
    assert now[:3] == ["Kosovo", "Albania", "Indonesia"]
    assert any(label.startswith("reported") for label in now) and not any(label.startswith("speculative")
                                                                          for label in now)
    assert "no lead reported" in labels
    assert not any("broken" in label for label in labels)
    assert not any(label.startswith("confirmed") for label in labels)  # no sector lead is confirmed


def test_render_layer_never_uses_pyplot() -> None:
    import subprocess
    import sys

    code = ("import sys, mapview.render.mapfigure, mapview.render.export, mapview.render.layout, "
            "mapview.render.dossier; print('matplotlib.pyplot' in sys.modules, 'geopandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_empty_axes_from_new_map_figure() -> None:
    figure, ax = new_map_figure((4, 3), 100)
    assert ax.figure is figure and figure.get_size_inches() == pytest.approx((4, 3))


# --- the page -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", ["A4", "A4-landscape", "A3", "A3-landscape", "120x90", "90x120", "400x150"])
def test_page_has_nothing_clipped_or_overlapping(project: Project, size: str) -> None:
    page = compose(project, project.view(), size_mm=parse_size(size), title="A title", generated=date(2026, 1, 5))
    figure = page.figure
    renderer = figure.canvas.get_renderer()
    page_box = figure.bbox
    blocks = {"title": page.texts[0], "subtitle": page.texts[1], "footer": page.texts[2], "legend": page.legend,
              "map": page.map_ax}
    extents = {name: artist.get_window_extent(renderer) for name, artist in blocks.items()}
    for name, ext in extents.items():
        assert ext.x0 >= page_box.x0 - 0.5 and ext.y0 >= page_box.y0 - 0.5, f"{name} clipped at {size}"
        assert ext.x1 <= page_box.x1 + 0.5 and ext.y1 <= page_box.y1 + 0.5, f"{name} clipped at {size}"
    names = list(extents)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not extents[a].overlaps(extents[b]), f"{a} and {b} overlap at {size}"
    map_box = extents["map"]
    for sid, label in page.artists.labels.items():
        ext = label.get_window_extent(renderer)
        assert map_box.contains(ext.x0, ext.y0) and map_box.contains(ext.x1, ext.y1), f"label {sid} off the map"


def test_page_text_carries_credits_note_sources_and_date(project: Project) -> None:
    page = compose(project, project.view(), generated=date(2026, 1, 5))
    text = " ".join(" ".join(t.get_text().split()) for t in page.texts)
    assert "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0" in text
    assert "Made with Natural Earth." in text
    assert "Sector lines follow governorate boundaries because the ISF's own sector lines are not published." in text
    assert f"Sources: {len(project.sources)} articles, all dates." in text
    assert "Generated 2026-01-05" in text


def test_source_line_counts_only_the_articles_that_count(project: Project) -> None:
    # seeds/sources.json: only 004 (on or after 2025-11-20) is dated before December 2025; 001-003 are undated
    assert source_line(project.view(date(2025, 12, 1), include_undated=False)) == \
        "Sources: 1 article, as of 2025-12-01, undated sources left out."
    assert source_line(project.view(date(2025, 12, 1), include_undated=True)) == \
        "Sources: 4 articles, as of 2025-12-01, undated sources included."


def test_parse_size() -> None:
    assert parse_size("A4") == (210, 297)
    assert parse_size("a4-landscape") == (297, 210)
    assert parse_size("A3") == (297, 420)
    assert parse_size("250x180") == (250, 180)
    for bad in ("A9", "A4-sideways", "12x12", "axb", "", "0x0", "nanxnan"):
        with pytest.raises(ValueError):
            parse_size(bad)


# --- the scale bar --------------------------------------------------------------------------------------------
def test_metres_per_degree_matches_the_ellipsoid() -> None:
    for lat in (0.0, 31.4, 60.0):
        _, _, dist = GEOD.inv(34.0, lat, 34.001, lat)
        assert metres_per_degree_lon(lat) == pytest.approx(dist * 1000, rel=1e-4)


def _strip_ends(project: Project) -> tuple[Point, Point]:
    from shapely.ops import unary_union

    strip = unary_union([s.geometry for s in project.sectors.sectors])
    coords = list(strip.convex_hull.exterior.coords)
    best = max(((a, b) for a in coords for b in coords), key=lambda ab: GEOD.inv(*ab[0], *ab[1])[2])
    return Point(best[0]), Point(best[1])


def _on_page_km(ax, lines, dx: float) -> float:
    """Length of lon/lat polylines as drawn, converted with the scale bar's metres per degree of longitude."""
    px_per_degree_x = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
    metres_per_pixel = dx / px_per_degree_x
    pixels = 0.0
    for line in lines:
        screen = ax.transData.transform(np.asarray(line.coords))
        pixels += float(np.hypot(*np.diff(screen, axis=0).T).sum())
    return pixels * metres_per_pixel / 1000


@pytest.mark.parametrize("size", ["A4", "A4-landscape", "120x90"])
def test_scale_bar_measures_known_distances(project: Project, size: str) -> None:
    """The Rafah-Khan Yunis border is 18.7 km long, and the strip ~41 km along the coast (~46 km corner to corner)."""
    from shapely.geometry import LineString

    sectors = project.sectors.by_id()
    border = sectors["rafah"].geometry.boundary.intersection(sectors["khan-yunis"].geometry.boundary)
    south, north = _strip_ends(project)
    diagonal_km = GEOD.inv(south.x, south.y, north.x, north.y)[2] / 1000
    assert 40 <= diagonal_km <= 48
    page = compose(project, project.view(), size_mm=parse_size(size), generated=date(2026, 1, 5))
    parts = list(getattr(border, "geoms", [border]))
    assert _on_page_km(page.map_ax, parts, page.scalebar.dx) == pytest.approx(18.7, rel=0.015)
    assert _on_page_km(page.map_ax, [LineString([south, north])], page.scalebar.dx) == \
        pytest.approx(diagonal_km, rel=0.01)
