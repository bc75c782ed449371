"""Endurance: thousands of random, seeded user actions on the real window, no exception and no memory growth.

Actions: hovers, clicks, drags and wheel turns on the map, Tab / arrows / Escape / +/- keys, passage clicks,
nation picks, as-of changes and window resizes. After every action the window must still be consistent (the
evidence panel shows the selected sector, the map outlines it). Memory (VmRSS) is measured after a warm-up phase
and at the end; it may not grow by 10% or more. The run is reproducible: the seed fixes every action.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from mapview.data.project import Project
from mapview.qt.mainwindow import MainWindow
from tests.conftest import click_row

SEED = 20260105
KEYS = [(Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier)]


def rss_kib() -> int:
    """This process's resident set size in KiB, from /proc/self/status."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS line in /proc/self/status")


def settle() -> None:
    """Let Qt run what a real event loop would: posted events, deferred draws and deferred deletions."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Monkey:
    """Random user actions on one window, chosen by a seeded RNG and logged for a reproducible failure report."""

    def __init__(self, qtbot, window: MainWindow, seed: int) -> None:
        self.qtbot, self.window, self.rng = qtbot, window, random.Random(seed)
        self.log: list[str] = []
        self.names = {s.id: s.name for s in window.project.sectors.sectors}
        self.label_points = [s.label_point for s in window.project.sectors.sectors]
        days = sorted({s.date.earliest for s in window.project.sources.values() if s.date is not None})
        self.days = [None] + days + [d - timedelta(days=1) for d in days] + [date(2020, 1, 1), date(2099, 12, 31)]
        self.actions: list[tuple[int, Callable[[], str]]] = [
            (30, self.hover), (14, self.click), (4, self.drag), (6, self.wheel), (20, self.key),
            (6, self.passage), (4, self.nation), (7, self.as_of), (6, self.resize), (3, self.command),
        ]

    @property
    def canvas(self):
        return self.window.canvas

    def point(self) -> QPoint:
        """A random point on the canvas; half the time a sector's interior point (if still on screen)."""
        if self.label_points and self.rng.random() < 0.5:
            p = self.canvas.data_to_widget(*self.rng.choice(self.label_points))
            if self.canvas.rect().contains(p):
                return p
        return QPoint(self.rng.randrange(self.canvas.width()), self.rng.randrange(self.canvas.height()))

    def hover(self) -> str:
        p = self.point()
        self.qtbot.mouseMove(self.canvas, p)
        return f"hover {p.x()},{p.y()}"

    def click(self) -> str:
        p = self.point()
        self.qtbot.mouseClick(self.canvas, Qt.MouseButton.LeftButton, pos=p)
        return f"click {p.x()},{p.y()}"

    def drag(self) -> str:
        p = self.point()
        d = QPoint(self.rng.randint(-120, 120), self.rng.randint(-120, 120))
        self.qtbot.mousePress(self.canvas, Qt.MouseButton.LeftButton, pos=p)
        self.qtbot.mouseMove(self.canvas, p + d / 2)
        self.qtbot.mouseMove(self.canvas, p + d)
        self.qtbot.mouseRelease(self.canvas, Qt.MouseButton.LeftButton, pos=p + d)
        return f"drag {p.x()},{p.y()} by {d.x()},{d.y()}"

    def wheel(self) -> str:
        p = self.point()
        delta = self.rng.choice([120, -120, 240, -240, 60])
        event = QWheelEvent(QPointF(p), QPointF(self.canvas.mapToGlobal(p)), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(self.canvas, event)
        return f"wheel {delta} at {p.x()},{p.y()}"

    def key(self) -> str:
        key, modifier = self.rng.choice(KEYS)
        self.canvas.setFocus()
        self.qtbot.keyClick(self.canvas, key, modifier)
        return f"key {key.name}+{modifier.name}"

    def passage(self) -> str:
        passages = self.window.evidence.passage_rows()
        if not passages:
            return self.key()
        chosen = self.rng.choice(passages)
        click_row(self.qtbot, self.window.evidence.list, chosen)
        return f"passage {chosen.evidence.source_id}:{chosen.evidence.start}"

    def nation(self) -> str:
        nations = self.window.nations.list
        row = self.rng.randrange(-1, nations.count())
        nations.setCurrentRow(row)
        return f"nation row {row}"

    def as_of(self) -> str:
        day = self.rng.choice(self.days)
        if self.rng.random() < 0.5:
            self.window.set_as_of(day)
        elif day is None:
            self.window.all_dates.setChecked(True)
        else:  # as a user does it: untick "All dates", then edit the date
            self.window.all_dates.setChecked(False)
            self.window.as_of_edit.setDate(day)
        return f"as of {day}"

    def resize(self) -> str:
        w, h = self.rng.randint(640, 1800), self.rng.randint(480, 1100)
        self.window.resize(w, h)
        return f"resize {w}x{h}"

    def command(self) -> str:
        action = self.rng.choice([self.window.zoom_all_action, self.window.reset_action, self.window.zoom_in_action,
                                  self.window.zoom_out_action, self.window.next_action, self.window.prev_action])
        action.trigger()
        return f"action {action.text()}"

    def step(self) -> None:
        weights = [w for w, _ in self.actions]
        action = self.rng.choices([a for _, a in self.actions], weights)[0]
        self.log.append(action())
        settle()
        self.check()

    def check(self) -> None:
        """What the user sees agrees with the selection."""
        window, where = self.window, " <- ".join(reversed(self.log[-8:]))
        selected = window.selected
        assert selected is None or selected in self.names, where
        assert window.canvas.artists.selected == selected, where
        expected = self.names[selected] if selected else "No sector selected"
        assert window.evidence.title.text() == expected, where
        assert window.view.as_of == window.as_of, where


def run_endurance(qtbot, project: Project, actions: int, seed: int = SEED) -> None:
    """Drive ``actions`` random actions; no exception anywhere, RSS growth after warm-up under 10%."""
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    monkey = Monkey(qtbot, window, seed)
    warm_up = max(50, actions // 10)
    with qtbot.capture_exceptions() as exceptions:
        for _ in range(warm_up):
            monkey.step()
        gc.collect()
        settle()
        before = rss_kib()
        for _ in range(actions - warm_up):
            monkey.step()
        window.reset_action.trigger()
        settle()
        gc.collect()
        settle()
        after = rss_kib()
    assert not exceptions, f"{len(exceptions)} exception(s); first: {exceptions[0][1]!r}; last actions: " \
                           + " <- ".join(reversed(monkey.log[-10:]))
    assert len(monkey.log) == actions
    kinds = {entry.split()[0] for entry in monkey.log}
    assert {"hover", "click", "key", "as", "resize", "passage"} <= kinds, kinds
    assert after < before * 1.10, f"RSS grew from {before} KiB to {after} KiB over {actions - warm_up} actions"
    # The window still works at the end: reset, then select by keyboard.
    assert window.selected is None and window.as_of is None
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    assert window.selected == "north-gaza" and window.evidence.title.text() == "North Gaza"


def test_two_hundred_random_actions(qtbot, project: Project) -> None:
    run_endurance(qtbot, project, 200)


@pytest.mark.slow
def test_three_thousand_random_actions(qtbot, project: Project) -> None:
    run_endurance(qtbot, project, 3000, seed=SEED + 1)
