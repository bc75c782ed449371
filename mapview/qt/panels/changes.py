"""Changes panel: what changed on the map since a day (or since the user last looked), with the passages behind
each change, and a toggle that shows the earlier map.

What changed is decided in ``mapview.data.changes`` and worded in ``mapview.wording``; the list is the evidence
list's model and view (``mapview.changelist`` builds its outline). Clicking a sector's change selects the sector;
clicking a passage opens it in the Source view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QSignalBlocker, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mapview import wording
from mapview.changelist import CHANGE, changes_outline
from mapview.data.changes import Changes, changes_between, changes_since_looked, default_since
from mapview.data.lookedfile import Look, last_look, mark_looked
from mapview.data.project import Project
from mapview.qt.dayfield import DayField
from mapview.qt.panels.evidence import plain_label
from mapview.qt.panels.outline_view import OutlineView
from mapview.qt.subscriptions import Subscriptions
from mapview.state import AppState


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ChangesPanel(QWidget):
    """Since [day] until [all sources | day]; 'Since I last looked'; 'Mark as looked'; the list; a toggle that
    shows the map as it was on the earlier day."""

    passageActivated = Signal(object)  # Evidence  # noqa: N815 (Qt signal naming)
    sectorActivated = Signal(str)  # a sector whose change was clicked  # noqa: N815

    def __init__(self, state: AppState, parent: QWidget | None = None, today=date.today) -> None:
        super().__init__(parent)
        self.state = state
        self._today = today
        self.since_field = DayField(today=today)
        self.since_field.setToolTip("Changes made by sources published after this day")
        self.all_sources = QCheckBox("to all sources")
        self.all_sources.setChecked(True)
        self.until_field = DayField(today=today)
        self.until_field.setEnabled(False)
        self.until_field.setToolTip("Compare with the map as of this day instead of with every source")
        self.last_looked_button = QPushButton("Since I last looked")
        self.last_looked_button.setToolTip("What changed since you last pressed 'Mark as looked': articles and "
                                           "claims added since, whatever day they were published")
        self.mark_button = QPushButton("Mark as looked")
        self.mark_button.setToolTip("Remember what this project holds now as what you have seen (per user)")
        self.show_earlier = QCheckBox("Show the earlier map")
        self.show_earlier.setToolTip("Show the map as of the 'since' day (before these changes); untick to go back")
        self.heading = plain_label("", "changesHeading")
        self.looked_note = plain_label("", "changesLooked")
        self.list = OutlineView()
        self.list.passageActivated.connect(self.passageActivated)
        self.list.clicked.connect(self._clicked)
        since = QHBoxLayout()  # short rows: the dock shares its width with the evidence list
        since.addWidget(QLabel("Since"))
        since.addWidget(self.since_field)
        since.addStretch(1)
        until = QHBoxLayout()
        until.addWidget(self.all_sources)
        until.addWidget(self.until_field)
        until.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_looked_button)
        buttons.addWidget(self.mark_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(since)
        layout.addLayout(until)
        layout.addLayout(buttons)
        layout.addWidget(self.show_earlier)
        layout.addWidget(self.looked_note)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.changes: Changes | None = None
        self.look: Look | None = None  # set while the list compares with the user's last look, not with a day
        self._stale = True
        self._later_as_of: tuple[date | None, bool] | None = None  # the map's day before "Show the earlier map"
        self.since_field.dateChanged.connect(self._on_day)
        self.until_field.dateChanged.connect(self._on_day)
        self.all_sources.toggled.connect(self._on_until)
        self.last_looked_button.clicked.connect(self.since_last_looked)
        self.mark_button.clicked.connect(self.mark_looked)
        self.show_earlier.toggled.connect(self._toggle_earlier)
        self._subscriptions = Subscriptions(self)
        self._subscriptions.connect(state.project_changed, self._on_project)
        self._subscriptions.connect(state.view_changed, self._on_view)
        self._on_project(state.project, start=True)

    # ----- the days ------------------------------------------------------------------------------------------

    @property
    def since(self) -> date:
        """The earlier day."""
        return self.since_field.date().toPython()

    @property
    def until(self) -> date | None:
        """The later day, or None for every source."""
        return None if self.all_sources.isChecked() else self.until_field.date().toPython()

    def set_days(self, since: date, until: date | None = None) -> None:
        """Compare the map as of ``since`` with the map as of ``until`` (None: every source)."""
        self.look = None
        with QSignalBlocker(self.since_field), QSignalBlocker(self.until_field), QSignalBlocker(self.all_sources):
            self.since_field.setDate(_qdate(since))
            self.all_sources.setChecked(until is None)
            self.until_field.setEnabled(until is not None)
            if until is not None:
                self.until_field.setDate(_qdate(until))
        self.refresh()

    def since_last_looked(self) -> None:
        """Show what changed since the user last marked the project as looked at (articles and claims added since,
        whatever their dates); before any look, since the eve of the newest dated source."""
        project = self.state.project
        look = last_look(project.paths.claims)
        if look is None:
            self.set_days(default_since(project.sources) or self._today(), None)
            return
        with QSignalBlocker(self.since_field), QSignalBlocker(self.all_sources):
            self.since_field.setDate(_qdate(look.day))
            self.all_sources.setChecked(True)
            self.until_field.setEnabled(False)
        self.look = look
        self.refresh()

    def mark_looked(self) -> None:
        """Remember what the project holds now as what the user has seen; the list then starts from here."""
        project = self.state.project
        try:
            mark_looked(project.paths.claims, project.sources, (c.id for c in project.claims.claims))
        except (OSError, TimeoutError) as exc:
            self.looked_note.setText(f"Could not remember the look: {exc}")
            return
        self._show_looked()
        self.since_last_looked()

    def _on_until(self, all_sources: bool) -> None:
        self.look = None
        self.until_field.setEnabled(not all_sources)
        self.refresh()

    def _on_day(self, *_args: object) -> None:
        self.look = None  # a day typed or picked: compare with that day
        self.refresh()

    def _show_looked(self) -> None:
        look = last_look(self.state.project.paths.claims)
        self.looked_note.setText(wording.last_looked_text(look.at if look is not None else None))

    # ----- the list ------------------------------------------------------------------------------------------

    def _on_project(self, project: Project, start: bool = False) -> None:
        self._show_looked()
        if start:
            self.since_last_looked()
        else:
            self.refresh()

    def refresh(self, *_args: object) -> None:
        """Compare the two days again and list what changed (when shown: a hidden list is compared when it is)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        project = self.state.project
        if self.look is not None:
            self.changes, _before, _after = changes_since_looked(project.sectors.sectors, project.claims, self.look)
        else:
            self.changes, _before, _after = changes_between(project.sectors.sectors, project.claims, self.since,
                                                            self.until)
        names = {s.id: s.name for s in project.sectors.sectors}
        self.heading.setText(wording.changes_heading(self.changes))
        self.list.set_outline(changes_outline(self.changes, names))
        self.list.collapseAll()  # every change in sight; a click opens one to its passages
        self.show_earlier.setText(f"Show the map as of {self.since.isoformat()}")
        # the map replays days; what the project held at a look is not a day, so then there is no earlier map
        self.show_earlier.setEnabled(self.look is None)
        self.show_earlier.setToolTip("Show the map as of the 'since' day (before these changes); untick to go back"
                                     if self.look is None else "Pick a day to see the map as it was on it")
        if self.show_earlier.isChecked():
            if self.look is None:
                self.state.set_as_of(self.since)
            else:
                self.show_earlier.setChecked(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Compare the days when the list is first shown after a change."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _clicked(self, index: QModelIndex) -> None:
        """A click on a change opens (or closes) its passages; on a sector's change it also selects the sector."""
        row = self.list.outline_model.row_at(index)
        if row is None or row.kind != CHANGE:
            return
        self.list.setExpanded(index, not self.list.isExpanded(index))
        if isinstance(row.item, tuple) and row.item[0] == "sector":
            self.sectorActivated.emit(row.item[1])

    def entry_texts(self) -> list[str]:
        """The text of every change row, in order (what the user reads)."""
        return [r.text for r in self.list.outline_model.outline.top if r.kind == CHANGE]

    def passage_texts(self, entry_text: str) -> list[str]:
        """The quotes listed under the change worded ``entry_text``."""
        row = next(r for r in self.list.outline_model.outline.top if r.text == entry_text)
        return [c.evidence.text for c in row.children if c.evidence is not None]

    # ----- the earlier map -----------------------------------------------------------------------------------

    def _toggle_earlier(self, earlier: bool) -> None:
        if earlier:
            self._later_as_of = (self.state.as_of, self.state.include_undated)
            self.state.set_as_of(self.since)
        elif self._later_as_of is not None:
            as_of, _undated = self._later_as_of
            self._later_as_of = None
            self.state.set_as_of(as_of)

    def _on_view(self, view) -> None:
        """The map's day was changed elsewhere (the toolbar, a reset): the toggle no longer holds."""
        if self.show_earlier.isChecked() and view.as_of != self.since:
            with QSignalBlocker(self.show_earlier):
                self.show_earlier.setChecked(False)
            self._later_as_of = None
