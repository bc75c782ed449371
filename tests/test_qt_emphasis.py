"""A chosen nation's sectors are outlined differently from the pointer's hover (issue #22 item 7): dashed violet,
not the hover's solid yellow, so a choice is never read as where the mouse is."""

from __future__ import annotations

from matplotlib.colors import to_hex
from PySide6.QtCore import Qt

from mapview.qt.mainwindow import MainWindow
from tests.test_qt_window import open_window


def test_the_chosen_nation_outline_is_not_the_hover_outline(qtbot, project) -> None:
    window: MainWindow = open_window(qtbot, project)
    window.nations_dock.raise_()
    items = window.nations.list.findItems("Kosovo", Qt.MatchFlag.MatchStartsWith)
    assert items, "Kosovo is not listed in the Nations panel"
    rect = window.nations.list.visualItemRect(items[0])
    qtbot.mouseClick(window.nations.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.canvas.emphasised == {"north-gaza"}
    emphasis = window.canvas.artists.emphasis["north-gaza"]
    window.canvas.draw()
    point = window.canvas.data_to_widget(*project.sectors.by_id()["khan-yunis"].label_point)
    qtbot.mouseMove(window.canvas, point)
    qtbot.waitUntil(lambda: window.canvas.hovered == "khan-yunis")
    hover = window.canvas.hover_artist
    assert emphasis.get_visible() and hover.get_visible()
    assert to_hex(emphasis.get_edgecolor()) != to_hex(hover.get_edgecolor())
    assert emphasis.get_linestyle() != hover.get_linestyle()  # dashed, not solid
    assert hover.get_linestyle() == "solid"
