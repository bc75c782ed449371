"""Nations panel: every nation the claims name, with roles, figures and sectors; pick one to see its evidence."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.assignments import AssignmentView
from mapview.outline import Outline, OutlineCache, OutlineRow, build_outline
from mapview.qt.panels.evidence import plain_label
from mapview.qt.panels.outline_view import FilterBar, OutlineView
from mapview.qt.subscriptions import Subscriptions
from mapview.render.style import nation_colour
from mapview.state import NATION, AppState

NAME_ROLE = Qt.ItemDataRole.UserRole


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class NationsPanel(QWidget):
    """A list of nations; selecting one emits ``nationSelected`` with its sector ids and lists its claims."""

    nationSelected = Signal(object, object)  # name | None, set of sector ids  # noqa: N815 (Qt signal naming)
    passageActivated = Signal(object)  # Evidence  # noqa: N815

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list = QListWidget()
        self._list.setWordWrap(True)
        self._list.setAlternatingRowColors(True)
        self._list.currentItemChanged.connect(self._on_current)
        self.heading = plain_label("Pick a nation to see its evidence and its sectors on the map.", "nationHeading")
        self.filter_bar = FilterBar(state)
        self.claims = OutlineView()
        self.claims.passageActivated.connect(self.passageActivated)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(6, 6, 6, 0)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.filter_bar)
        body_layout.addWidget(self.claims, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._list)
        splitter.addWidget(body)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.state = state
        self.outlines = OutlineCache()
        self.view: AssignmentView | None = None
        self.summaries: dict[str, wording.NationSummary] = {}
        self._unlisted: AssignmentView | None = None  # a view not listed yet (the panel was hidden, none chosen)
        self._dock: QDockWidget | None = None
        if state is not None:
            self.nationSelected.connect(lambda name, _ids: state.emphasise(name))
            self._subscriptions = Subscriptions(self)
            self._subscriptions.connect(state.view_changed, self.set_view)
            self._subscriptions.connect(state.emphasised_changed, self.select_nation)
            self._subscriptions.connect(state.filter_changed, lambda _f: self._show(self.current_nation(),
                                                                                      announce=False))
            self._subscriptions.connect(state.passage_changed, self._mark_open)
            self.set_view(state.view)

    @property
    def list(self) -> QListWidget:
        """The list of nations, listing the current view first if it was put off."""
        self._list_now()
        return self._list

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Shown: list the view put off while hidden; in a dock, also whenever its tab is raised."""
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and dock is not self._dock:
            self._dock = dock
            dock.visibilityChanged.connect(lambda shown: shown and self._list_now())
        self._list_now()
        super().showEvent(event)

    def _on_screen(self) -> bool:
        """Whether the user can see the panel (a dock's tab behind another is shown but covered)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _list_now(self) -> None:
        if self._unlisted is not None:
            view, self._unlisted = self._unlisted, None
            self._fill(view)

    def set_view(self, view: AssignmentView) -> None:
        """Rebuild the list for a derived view, keeping the chosen nation when it is still named. While the panel
        is hidden and no nation is chosen, the list is made when it is shown or read (a day change costs the
        nations' summaries only when someone looks at them)."""
        self.view = view
        if not self._on_screen() and self.current_nation() is None:
            self._unlisted = view
            return
        self._unlisted = None
        self._fill(view)

    def _fill(self, view: AssignmentView) -> None:
        current = self.current_nation()
        self.view = view
        names = {v.sector.id: v.sector.name for v in view.sectors}
        self.summaries = {s.name: s for s in wording.nation_summaries(view)}
        with QSignalBlocker(self._list):
            self._list.clear()
            for summary in self.summaries.values():
                item = QListWidgetItem(summary.line(names))
                item.setData(NAME_ROLE, summary.name)
                if summary.name != wording.FORCE_NAME:
                    item.setIcon(_swatch(nation_colour(summary.name)))
                self._list.addItem(item)
        if current in self.summaries:
            self.select_nation(current)
        else:
            self._show(None)

    def current_nation(self) -> str | None:
        """The chosen nation's name, or None."""
        item = self._list.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def select_nation(self, name: str | None) -> None:
        """Choose a nation by name (None clears)."""
        self._list_now()
        for i in range(self._list.count()):
            if self._list.item(i).data(NAME_ROLE) == name:
                self._list.setCurrentRow(i)
                return
        self._list.setCurrentRow(-1)

    def _on_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._show(item.data(NAME_ROLE) if item is not None else None)

    def _show(self, name: str | None, announce: bool = True) -> None:
        summary = self.summaries.get(name) if name else None
        self.filter_bar.setVisible(summary is not None)
        if summary is None or self.view is None:
            self.heading.setText("Pick a nation to see its evidence and its sectors on the map.")
            self.claims.set_outline(Outline())
            if announce:
                self.nationSelected.emit(None, set())
            return
        names = {v.sector.id: v.sector.name for v in self.view.sectors}
        self.heading.setText(summary.line(names))
        evidence_filter = self.state.evidence_filter if self.state else None
        view = self.view
        self.claims.set_outline(self.outlines.get(view, (summary.name, evidence_filter), lambda: build_outline(
            list(summary.claims), view, names, evidence_filter=evidence_filter,
            empty_text="No claim names this nation.")))
        self._mark_open()
        if announce:
            self.nationSelected.emit(summary.name, set(summary.sector_ids))

    def _mark_open(self, _passage: object = None) -> None:
        """Mark the passage the Source view reads, when it was opened from this nation's evidence."""
        self.claims.mark_open(self.state.open_key(NATION) if self.state is not None else None)

    def plain_text(self) -> str:
        """The evidence listed open for the chosen nation, as plain text."""
        return "\n".join([self.heading.text(), self.claims.shown_text()])

    def passage_rows(self) -> list[OutlineRow]:
        """The passage rows listed for the chosen nation, in order."""
        return self.claims.passage_rows()
