"""Sector labels keep their lead text across an as-of change and a reload (issue #22 item 7): they are fitted to
the map as it is drawn now (its size, its zoom), so the same map shows the same labels whatever happened before."""

from __future__ import annotations

from datetime import date

import pytest

from mapview.qt.mainwindow import MainWindow
from tests.test_qt_window import open_window


def labels(window: MainWindow) -> dict[str, tuple[str, bool]]:
    """Each sector label's text and whether it is shown."""
    return {sid: (label.get_text(), label.get_visible()) for sid, label in window.canvas.artists.labels.items()}


@pytest.mark.parametrize("size", [(1024, 700), (1200, 800), (1400, 900)])
def test_labels_are_the_same_after_an_as_of_change_and_a_reload(qtbot, project, size) -> None:
    window = open_window(qtbot, project, size)
    window.canvas.draw()
    shown = labels(window)
    window.canvas.artists.declutter_labels()
    assert labels(window) == shown  # fitted for the map as drawn, not for an earlier size
    window.set_as_of(date(2025, 11, 1))
    window.set_as_of(None)
    assert labels(window) == shown
    window.reload_project()
    assert labels(window) == shown


def test_the_lead_line_stays_on_a_wide_map(qtbot, project) -> None:
    window = open_window(qtbot, project, (1400, 900))
    window.canvas.draw()
    # two articles: the seed (hedged) and Detay Kıbrıs (reported, "according to the planning")
    assert labels(window)["north-gaza"] == ("North Gaza\nKosovo (reported)", True)
    window.set_as_of(date(2025, 11, 1))
    assert labels(window)["north-gaza"][0] == "North Gaza\nno lead reported"  # that day, no source named Kosovo
    window.set_as_of(None)
    window.reload_project()
    # two articles: the seed (hedged) and Detay Kıbrıs (reported, "according to the planning")
    assert labels(window)["north-gaza"] == ("North Gaza\nKosovo (reported)", True)


def test_a_map_redrawn_while_hidden_is_fitted_when_shown_again(qtbot, project) -> None:
    # A hidden canvas leaves the fitting to its next show (the first show brings a resize; this one does not).
    window = open_window(qtbot, project, (1024, 700))
    window.canvas.draw()
    shown = labels(window)
    window.hide()
    window.reload_project()  # the map is drawn again from the project, hidden, at the same size
    with qtbot.waitExposed(window):
        window.show()
    window.canvas.draw()
    assert labels(window) == shown
    window.canvas.artists.declutter_labels()
    assert labels(window) == shown  # fitted for the map as shown
