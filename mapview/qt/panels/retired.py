"""Edit ▸ Retired claims…: every retired claim with its reason and date, and a Restore button.

Retired claims stay in the claims file (never drawn); this is where they can be seen and brought back. The list
follows the state (a reload, an undo), the words come from :mod:`mapview.wording`, and restoring is the window's
command (one entry of its undo stack).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.claims import Claim
from mapview.qt.panels.evidence import plain_label
from mapview.qt.subscriptions import Subscriptions
from mapview.state import AppState

CLAIM_ID = Qt.ItemDataRole.UserRole


def retired_claims(claims: list[Claim]) -> list[Claim]:
    """The retired claims, most recently retired first."""
    return sorted((c for c in claims if c.retired is not None),
                  key=lambda c: str(c.retired.get("at", "")) if isinstance(c.retired, dict) else "", reverse=True)


class RetiredDialog(QDialog):
    """The retired claims; Restore (or Enter) brings the chosen one back through ``restore(claim_id)``."""

    def __init__(self, state: AppState, restore: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Retired claims")
        self.state, self.restore = state, restore
        self.heading = plain_label("", "sectionHeading")
        self.list = QListWidget()
        self.list.setObjectName("retiredList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.restore_current())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Bring the chosen claim back onto the map (Edit ▸ Undo retires it again)")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self._subscriptions = Subscriptions(self)
        self._subscriptions.connect(state.project_changed, lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """List the project's retired claims again (after a restore, an undo, a reload)."""
        names = {s.id: s.name for s in self.state.project.sectors.sectors}
        claims = retired_claims(self.state.project.claims.claims)
        self.list.clear()
        for claim in claims:
            item = QListWidgetItem(wording.retired_line(claim, names))
            item.setData(CLAIM_ID, claim.id)
            self.list.addItem(item)
        self.heading.setText(wording.retired_heading(len(claims)))
        if claims:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(bool(claims))

    def restore_current(self) -> bool:
        """Restore the chosen claim; True when it was restored."""
        item = self.list.currentItem()
        return item is not None and self.restore(str(item.data(CLAIM_ID)))

    def shown_lines(self) -> list[str]:
        """Each listed line, as the user reads it."""
        return [self.list.item(i).text() for i in range(self.list.count())]
