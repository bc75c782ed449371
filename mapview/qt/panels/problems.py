"""Problems panel: everything the loader found wrong (severity, file, location, message), or 'No problems found'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.problems import Problem
from mapview.qt.plaintext import plain_tooltip

COLUMNS = ("Severity", "File", "Location", "Message")
SEVERITY_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5a00")}


class ProblemsPanel(QWidget):
    """A table of problems; ``title()`` gives the dock title with the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel("No problems found: every passage was re-found in its article.")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setObjectName("noProblems")
        self.table = QTreeWidget()
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` (QTreeWidgetItem text is plain text)."""
        self.problems = list(problems)
        self.table.clear()
        for problem in self.problems:
            row = wording.problem_row(problem)
            item = QTreeWidgetItem(list(row))
            item.setToolTip(3, plain_tooltip(row[3]))  # messages may quote a passage: never markup
            item.setToolTip(1, plain_tooltip(row[1]))
            colour = SEVERITY_COLOURS.get(problem.severity)
            if colour is not None:
                item.setForeground(0, QBrush(colour))
            self.table.addTopLevelItem(item)
        self.table.setColumnWidth(1, 260)
        self.empty.setVisible(not self.problems)
        self.table.setVisible(bool(self.problems))

    def title(self) -> str:
        """'Problems (3)' or 'Problems (none)'."""
        return f"Problems ({len(self.problems)})" if self.problems else "Problems (none)"

    def rows(self) -> list[tuple[str, ...]]:
        """The rows as shown (for tests)."""
        return [tuple(self.table.topLevelItem(i).text(c) for c in range(len(COLUMNS)))
                for i in range(self.table.topLevelItemCount())]
