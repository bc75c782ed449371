"""A day typed as YYYY-MM-DD (or picked in a calendar), refused with a visible reason when it is not a past day.

``QDateEdit`` edits one section at a time: clicking into "2026-11-25" and typing "2025-10-01" leaves the year at
2026 (the typed year is dropped, the month and day are taken), and it accepts any future day without a word. Here
the whole text is read as one ISO date when the user presses Enter or leaves the field; a malformed day or one
after today is refused: the field turns red, ``rejected`` carries the reason, and the last good day stays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from mapview import wording

ISO_DAY = QRegularExpression(r"[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,2})?)?")


class DayField(QWidget):
    """A day field with a calendar button; ``dateChanged`` (a QDate) fires for each accepted new day."""

    dateChanged = Signal(QDate)  # noqa: N815 (Qt signal naming)
    rejected = Signal(str)  # why a typed day was refused

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._date = QDate.currentDate()
        self.refusal = ""  # why the last typed day was refused ("" once a day is accepted)
        self.edit = QLineEdit()
        self.edit.setObjectName("dayField")
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setValidator(QRegularExpressionValidator(ISO_DAY, self.edit))
        self.edit.setMaxLength(10)
        width = self.edit.fontMetrics().horizontalAdvance("2026-12-31") + 24
        self.edit.setFixedWidth(width)
        self.edit.editingFinished.connect(self.commit)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Pick the day in a calendar")
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._show(self._date)

    def date(self) -> QDate:
        """The day shown (the last accepted one)."""
        return QDate(self._date)

    def setDate(self, day: QDate | date) -> None:  # noqa: N802 (the QDateEdit name, so callers need not change)
        """Show ``day`` (set by the program: not checked against today); emits ``dateChanged`` when it changed."""
        if not isinstance(day, QDate):
            day = QDate(day.year, day.month, day.day)
        changed = day != self._date
        self._date = QDate(day)
        self._show(day)
        if changed:
            self.dateChanged.emit(QDate(day))

    def commit(self) -> bool:
        """Read the typed text as a day: accept it, or refuse it with a reason and show the last good day again."""
        text = self.edit.text().strip()
        if text == self._date.toString("yyyy-MM-dd"):
            self._mark(None)
            return True
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return self._refuse(wording.day_not_understood(text))
        if day > self._today():
            return self._refuse(wording.day_in_future(day, self._today()))
        self._mark(None)
        self.setDate(QDate(day.year, day.month, day.day))
        return True

    def _refuse(self, reason: str) -> bool:
        self.refusal = reason
        self._mark(reason)
        self._show(self._date)
        self.rejected.emit(reason)
        return False

    def _mark(self, reason: str | None) -> None:
        if reason is None:
            self.refusal = ""
        self.edit.setProperty("invalid", reason is not None)
        self.edit.setToolTip(reason or "Type a day as YYYY-MM-DD and press Enter, or pick it in the calendar")
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def _show(self, day: QDate) -> None:
        self.edit.setText(day.toString("yyyy-MM-dd"))

    def _prepare_calendar(self) -> None:
        today = self._today()
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        self.calendar.setSelectedDate(self._date)

    def _picked(self, day: QDate) -> None:
        self._menu.close()
        self._mark(None)
        self.setDate(day)
