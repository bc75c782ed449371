"""Problems panel: everything the loader found wrong (severity, file, location, message), or 'No problems found'.

A table model over the problem list (``ProblemsModel``) shown by a sortable ``QTreeView``: thousands of problems
(a damaged claims file in a large project) cost the rows on screen. Cells are plain text; tool tips are escaped.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.problems import Problem
from mapview.qt.plaintext import plain_tooltip

COLUMNS = ("Severity", "File", "Location", "Message")
SEVERITY_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5a00")}
ROOT = QModelIndex()


class ProblemsModel(QAbstractTableModel):
    """One row per problem, worded by ``wording.problem_row``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self._rows: list[tuple[str, str, str, str]] = []

    def set_problems(self, problems: list[Problem]) -> None:
        """Show another list (a model reset)."""
        self.beginResetModel()
        self.problems = list(problems)
        self._rows = [wording.problem_row(p) for p in self.problems]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 (Qt)
        """Qt: one row per problem."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 (Qt)
        """Qt: severity, file, location, message."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: the cell's plain text, an escaped tool tip for long cells, the severity's colour."""
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 3):
            return plain_tooltip(text)  # messages may quote a passage: never markup
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            colour = SEVERITY_COLOURS.get(self.problems[index.row()].severity)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt)
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class ProblemsPanel(QWidget):
    """A table of problems (click a column title to sort); ``title()`` gives the dock title with the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel("No problems found: every passage was re-found in its article.")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setObjectName("noProblems")
        self.model = ProblemsModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.table = QTreeView()
        self.table.setModel(self.sorted)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setUniformRowHeights(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the loader's order until a title is clicked
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
        """Show ``problems``."""
        self.problems = list(problems)
        self.model.set_problems(self.problems)
        self.table.setColumnWidth(1, 260)
        self.empty.setVisible(not self.problems)
        self.table.setVisible(bool(self.problems))

    def title(self) -> str:
        """'Problems (3)' or 'Problems (none)'."""
        return f"Problems ({len(self.problems)})" if self.problems else "Problems (none)"

    def rows(self) -> list[tuple[str, ...]]:
        """The rows as shown, in the table's current order (for tests)."""
        model = self.table.model()
        return [tuple(model.index(r, c).data() for c in range(len(COLUMNS))) for r in range(model.rowCount())]

    def tooltips(self) -> list[str]:
        """Every cell's tool tip (for tests: none may carry live markup)."""
        model = self.table.model()
        tips = (model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                for r in range(model.rowCount()) for c in range(len(COLUMNS)))
        return [t for t in tips if t]
