"""An as-of change, a selection or a nation restyles the drawn map in place: same artists, same zoom (issue #12)."""

from __future__ import annotations

from datetime import date

from mapview.render.style import NO_LEAD_COLOUR
from tests.conftest import close_colours, drawn_fill
from tests.test_qt_window import click_sector, open_window, rendered_fill


def test_an_as_of_change_restyles_in_place_and_keeps_the_zoom(qtbot, project) -> None:
    window = open_window(qtbot, project)
    canvas = window.canvas
    canvas.zoom_in()
    canvas.zoom_in()
    limits = (canvas.ax.get_xlim(), canvas.ax.get_ylim())
    artists = canvas.artists
    patch, land = artists.sectors["north-gaza"], list(artists.context)
    assert close_colours(rendered_fill(window, "north-gaza"), drawn_fill("Kosovo", "reported"))

    window.set_as_of(date(2025, 12, 31))  # before article 000, the only one naming Kosovo as North Gaza's lead
    assert (canvas.ax.get_xlim(), canvas.ax.get_ylim()) == limits
    assert canvas.artists is artists and artists.sectors["north-gaza"] is patch and artists.context == land
    assert rendered_fill(window, "north-gaza") == NO_LEAD_COLOUR.lower()
    assert artists.full_labels["north-gaza"] == "North Gaza\nno lead reported"  # (shown as room allows)
    assert canvas.legend.get_title().get_text() == "Sector lead, sources to 2025-12-31"

    window.set_as_of(None)
    assert (canvas.ax.get_xlim(), canvas.ax.get_ylim()) == limits
    assert close_colours(rendered_fill(window, "north-gaza"), drawn_fill("Kosovo", "reported"))
    assert artists.full_labels["north-gaza"] == "North Gaza\nKosovo (reported)"
    assert canvas.legend.get_title().get_text() == "Sector lead"


def test_selection_and_nation_restyle_without_redrawing_the_sectors(qtbot, project) -> None:
    window = open_window(qtbot, project)
    artists = window.canvas.artists
    click_sector(qtbot, window, "deir-al-balah")
    assert artists.selection.get_visible() and artists.selection.get_path() is artists.paths["deir-al-balah"]
    window.nations.select_nation("Kosovo")
    assert window.canvas.artists is artists
    assert artists.emphasis["north-gaza"].get_visible()
    window.state.emphasise(None)
    assert window.nations.current_nation() is None and not artists.emphasis["north-gaza"].get_visible()
