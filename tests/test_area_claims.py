"""One site between two sectors (a claim's ``area``): read and checked, listed with both sectors, colouring
neither, drawn as a band on their shared edge (window, exports and dossier share the drawing), explained in the
legend only when drawn; and the shipped project's "between Rafah and Khan Yunis" reports are such sites."""

from __future__ import annotations

import json

import numpy as np
import pytest
from matplotlib.colors import to_rgb

from mapview import wording
from mapview.data.areas import shared_edge
from mapview.data.assignments import derive
from mapview.data.claimedit import EditError, join_as_site
from mapview.data.project import load_project
from mapview.outline import claim_lines
from mapview.render.mapfigure import build_map_figure, legend_handles
from mapview.render.style import nation_colour
from mapview.wording import SITE_LEGEND

# the shipped claims that cite a site BETWEEN Rafah and Khan Yunis (read in their articles: "between Rafah and Khan
# Younis", "بين مدينتي رفح وخان يونس", "Refah ve Han Yunus şehirleri/kentleri arasındaki bölgede")
SHIPPED_SITES = {"indonesia-lead-rafah.005_7cb9a6844a5fb304": "005_7cb9a6844a5fb304.txt",
                 "indonesia-lead-rafah": "006_e7522a33180e6653.txt",
                 "indonesia-lead-rafah.007_60b0f12c2202e6ca": "007_60b0f12c2202e6ca.txt",
                 "indonesia-lead-rafah.009_d737279678851e3e": "009_d737279678851e3e.txt"}


def _with_area_claim(paths, area, nation="Egypt", claim_id="egypt-site-between"):
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    base = next(c for c in doc["claims"] if c.get("sector") == "rafah" and c.get("role") == "lead")
    sector = area[0] if isinstance(area, list) and area else "rafah"
    site = dict(base, id=claim_id, nation=nation, role="lead", sector=sector, area=area)
    doc["claims"].append(site)
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")
    return load_project(paths)


def test_site_between_two_sectors_is_listed_with_both_and_colours_neither(data_copy):
    before = derive(load_project(data_copy).sectors.sectors, load_project(data_copy).claims).by_id()
    project = _with_area_claim(data_copy, ["deir-al-balah", "khan-yunis"])
    site = project.claims.by_id()["egypt-site-between"]
    assert site.area == ["deir-al-balah", "khan-yunis"] and not site.broken
    view = derive(project.sectors.sectors, project.claims)
    by_id = view.by_id()
    for sector in ("deir-al-balah", "khan-yunis"):
        assert site in by_id[sector].claims  # both evidence panels list it
        assert by_id[sector].lead == before[sector].lead  # no colour from a passage that is not IN the sector
    assert site in view.sites
    assert [c.id for c in view.listed_claims].count(site.id) == 1
    names = {v.sector.id: v.sector.name for v in view.sectors}
    text = "\n".join(t for _s, t in claim_lines(site, names))
    assert "between Deir al-Balah and Khan Yunis" in text
    assert wording.claim_heading(site, names).startswith("Egypt — at one site between Deir al-Balah and Khan Yunis (")


def test_area_of_sectors_that_share_no_edge_is_warned_of_and_not_drawn(data_copy):
    project = _with_area_claim(data_copy, ["rafah", "gaza-city"])
    site = project.claims.by_id()["egypt-site-between"]
    # the claim says what its passage says; only the layer gives its site no edge to stand on (a sector moved or
    # drawn apart is the layer's fault), so a warning, the claim listed with both sectors, and no band
    assert not site.broken
    [warning] = [p for p in project.problems if "share no edge" in p.message]
    assert warning.severity == "warning" and "not drawn" in warning.message
    view = derive(project.sectors.sectors, project.claims)
    by_id = view.by_id()
    assert site in by_id["rafah"].claims and site in by_id["gaza-city"].claims
    sectors = {s.id: s for s in project.sectors.sectors}
    assert shared_edge(sectors["rafah"], sectors["gaza-city"]) is None


@pytest.mark.parametrize("area", [["rafah"], ["rafah", "rafah"], ["rafah", "atlantis"], "rafah"])
def test_a_malformed_area_is_a_problem_not_a_site(data_copy, area):
    project = _with_area_claim(data_copy, area)
    assert project.claims.by_id()["egypt-site-between"].broken
    assert any("area" in p.message for p in project.problems)
    assert not any(m.lead.nation == "Egypt" for m in project.view().site_marks)


def test_two_nations_at_one_site_make_a_contested_mark(data_copy):
    _with_area_claim(data_copy, ["deir-al-balah", "khan-yunis"])
    project = _with_area_claim(data_copy, ["deir-al-balah", "khan-yunis"], "Jordan", "jordan-site-between")
    [mark] = [m for m in project.view().site_marks if m.area == ("deir-al-balah", "khan-yunis")]
    assert mark.lead.contested and set(mark.lead.candidates) == {"Egypt", "Jordan"}
    assert {c.id for c in mark.claims} == {"egypt-site-between", "jordan-site-between"}


# --- the drawing ----------------------------------------------------------------------------------------------

def _share_of_colour_along(figure, ax, line, colour: str, samples: int = 41) -> float:
    """The share of points along ``line`` (its middle 80 %) whose rendered pixel is ``colour``."""
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    want = np.array([round(255 * v) for v in to_rgb(colour)])
    height = pixels.shape[0]
    hits = 0
    for f in np.linspace(0.1, 0.9, samples):
        point = line.interpolate(f, normalized=True)
        x, y = ax.transData.transform((point.x, point.y))
        if np.abs(pixels[round(height - y), round(x)] - want).max() <= 6:
            hits += 1
    return hits / samples


def test_the_site_is_drawn_as_a_band_on_the_shared_edge(data_copy):
    plain = load_project(data_copy)
    project = _with_area_claim(data_copy, ["deir-al-balah", "khan-yunis"])
    sectors = project.sectors.by_id()
    edge = shared_edge(sectors["deir-al-balah"], sectors["khan-yunis"])
    egypt = nation_colour("Egypt")
    figure, ax, artists = build_map_figure(project, project.view(), figsize=(6.0, 8.0), dpi=100)
    assert ("deir-al-balah", "khan-yunis") in artists.sites
    assert _share_of_colour_along(figure, ax, edge, egypt) >= 0.4  # orange all along the edge (between hatch lines)
    # only along the edge: the sectors keep their own colours away from it
    inner = sectors["khan-yunis"].geometry.buffer(-0.02).exterior
    assert _share_of_colour_along(figure, ax, inner, egypt) == 0
    assert any(h.get_label().startswith(SITE_LEGEND) for h in legend_handles(project.view()))
    # without the site claim, no orange on that edge and no legend entry for a band
    figure, ax, artists = build_map_figure(plain, plain.view(), figsize=(6.0, 8.0), dpi=100)
    assert ("deir-al-balah", "khan-yunis") not in artists.sites
    assert _share_of_colour_along(figure, ax, edge, egypt) == 0


def test_the_band_follows_the_day_and_the_legend_says_it_only_when_drawn(project):
    early = project.view(as_of=__import__("datetime").date(2026, 2, 9))  # before any "between" report
    assert early.site_marks == []
    assert SITE_LEGEND not in [h.get_label() for h in legend_handles(early)]
    figure, _ax, artists = build_map_figure(project, early)
    assert artists.sites == {}
    artists.restyle(project.view())  # the day moves on: the band appears in place
    assert artists.sites[("rafah", "khan-yunis")].get_visible()
    artists.restyle(early)
    assert not artists.sites[("rafah", "khan-yunis")].get_visible()


# --- the shipped project --------------------------------------------------------------------------------------

def test_the_shipped_between_reports_are_one_site_claim_each(project):
    claims = project.claims.by_id()
    for claim_id, source in SHIPPED_SITES.items():
        claim = claims[claim_id]
        assert claim.area == ["rafah", "khan-yunis"] and not claim.broken
        assert {e.source_id for e in claim.evidence} == {source}
    # no second, per-sector claim cites those passages for Khan Yunis (or for Rafah)
    site_passages = {(e.source_id, e.text) for cid in SHIPPED_SITES for e in claims[cid].evidence}
    for claim in project.claims.claims:
        if claim.id not in SHIPPED_SITES and claim.nation == "Indonesia" and claim.sector:
            assert not site_passages & {(e.source_id, e.text) for e in claim.evidence}, claim.id
    view = project.view()
    [mark] = view.site_marks
    assert (mark.area, mark.lead.nation, mark.lead.status) == (("rafah", "khan-yunis"), "Indonesia", "reported")
    # the sectors' colour comes only from the passage that places Indonesia IN them ("nella zona di Rafah e Khan
    # Younis", 008): one source
    for sector_id in ("rafah", "khan-yunis"):
        lead = view.by_id()[sector_id].lead
        assert (lead.nation, lead.status, lead.sources) == ("Indonesia", "reported", 1)


def test_join_as_site_refuses_two_claims_that_are_not_one_sites_halves(data_copy):
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    with pytest.raises(EditError, match="differ in"):
        join_as_site("indonesia-lead-rafah-2", "kosovo-lead-north-gaza")(doc)
    with pytest.raises(EditError, match="no claim"):
        join_as_site("indonesia-lead-rafah-2", "no-such-claim")(doc)
    joined = join_as_site("indonesia-lead-rafah-2", "indonesia-lead-khan-yunis-2")(doc)
    ids = [c["id"] for c in joined["claims"]]
    assert "indonesia-lead-khan-yunis-2" not in ids
    kept = next(c for c in joined["claims"] if c["id"] == "indonesia-lead-rafah-2")
    assert kept["area"] == ["rafah", "khan-yunis"] and kept["history"][-1]["joined"] == "indonesia-lead-khan-yunis-2"


def test_a_nation_group_counts_its_site_claims_apart(data_copy):
    """Rafah's lead rests on one source (Il Giornale d'Italia places the troops "nella zona di Rafah e Khan Younis");
    the four reports of a site between Rafah and Khan Yunis are listed with Rafah too. The group line must not let
    "5 independent sources" read as five sources for the lead."""
    from mapview.data.grouping import group_by_nation

    project = load_project(data_copy)
    view = derive(project.sectors.sectors, project.claims)
    rafah = view.by_id()["rafah"]
    [indonesia] = [g for g in group_by_nation(list(rafah.claims)) if g.nation == "Indonesia"]
    sites = [c for c in indonesia.claims if c.between]
    assert len(sites) == 4  # 005, 006, 007, 009 (joined as sites); 008 places Indonesia in the sector
    line = wording.nation_group_line(indonesia)
    assert f"{len(indonesia.claims)} claims (4 at a site between two sectors)" in line, line


# --- the legend's swatch of a band shows the band --------------------------------------------------------------

def _site_swatch(legend):
    """The legend's swatch for the site band (the patch drawn beside its label)."""
    labels = [t.get_text() for t in legend.get_texts()]
    assert SITE_LEGEND in labels, labels
    return legend.legend_handles[labels.index(SITE_LEGEND)]


def _looks_like_the_band(swatch, band) -> None:
    assert to_rgb(swatch.get_facecolor()) == to_rgb(band.get_facecolor())  # the nation's colour, not white
    assert swatch.get_hatch() == band.get_hatch()  # the status pattern (reported: hatched)
    assert to_rgb(swatch.get_edgecolor()) == to_rgb(band.get_edgecolor())
    assert swatch.get_linewidth() == pytest.approx(band.get_linewidth())


def test_the_site_swatch_in_the_window_export_and_dossier_is_the_band(qtbot, project, tmp_path):
    from mapview.render.dossier import compose_dossier_map
    from mapview.render.layout import compose
    from tests.test_qt_window import open_window

    indonesia = to_rgb(nation_colour("Indonesia"))
    window = open_window(qtbot, project, (1400, 900))
    band = window.canvas.artists.sites[("rafah", "khan-yunis")]
    assert to_rgb(band.get_facecolor()) == indonesia
    _looks_like_the_band(_site_swatch(window.canvas.legend), band)
    page = compose(project, project.view(), size_mm=(297.0, 210.0))  # PNG, PDF and SVG are this page
    _looks_like_the_band(_site_swatch(page.legend), page.artists.sites[("rafah", "khan-yunis")])
    dossier = compose_dossier_map(project, project.view()).figure
    legend = dossier.axes[0].get_legend()
    assert to_rgb(_site_swatch(legend).get_facecolor()) == indonesia
    assert _site_swatch(legend).get_hatch() == band.get_hatch()


def test_bands_of_two_styles_get_a_swatch_each_naming_who(data_copy):
    project = _with_area_claim(data_copy, ["deir-al-balah", "khan-yunis"])  # Egypt, beside Indonesia's site
    handles = {h.get_label(): h for h in legend_handles(project.view())}
    egypt = next(h for label, h in handles.items() if label.startswith(SITE_LEGEND + ": Egypt"))
    indonesia = next(h for label, h in handles.items() if label.startswith(SITE_LEGEND + ": Indonesia"))
    assert to_rgb(egypt.get_facecolor()) == to_rgb(nation_colour("Egypt"))
    assert to_rgb(indonesia.get_facecolor()) == to_rgb(nation_colour("Indonesia"))


# --- hover and click mention a site on the sector's edge -------------------------------------------------------

def test_hover_and_click_on_a_sector_name_the_site_on_its_edge(qtbot, project):
    from PySide6.QtWidgets import QToolTip

    from tests.test_qt_window import click_sector, open_window

    window = open_window(qtbot, project, (1400, 900))
    canvas = window.canvas
    mark = next(m for m in project.view().site_marks if m.area == ("rafah", "khan-yunis"))
    # four reports, each its own outlet (A News, Lebanon24, Yeni Şafak, AA: read in seeds/sources.json)
    outlets = {project.sources[e.source_id].outlet for c in mark.claims for e in c.evidence}
    assert len(outlets) == mark.lead.sources == 4, outlets
    said = "Indonesia: a site between Rafah and Khan Yunis (reported, 4 sources)"
    for sector_id in ("khan-yunis", "rafah"):
        point = canvas.data_to_widget(*project.sectors.by_id()[sector_id].label_point)
        with qtbot.waitSignal(canvas.sectorHovered, check_params_cb=lambda sid, want=sector_id: sid == want):
            qtbot.mouseMove(canvas, point)
        qtbot.waitUntil(lambda: said in QToolTip.text())
        click_sector(qtbot, window, sector_id)
        assert said in window.evidence.lead.text()
    # a sector with no site on its edge says none
    north = canvas.data_to_widget(*project.sectors.by_id()["north-gaza"].label_point)
    with qtbot.waitSignal(canvas.sectorHovered):
        qtbot.mouseMove(canvas, north)
    qtbot.waitUntil(lambda: "North Gaza" in QToolTip.text())
    assert "a site between" not in QToolTip.text()
    click_sector(qtbot, window, "north-gaza")
    assert "a site between" not in window.evidence.lead.text()
