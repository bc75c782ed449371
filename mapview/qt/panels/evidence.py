"""Evidence panel: for the selected sector, its lead and every claim behind it with the verbatim passages.

The claims are listed by an :class:`~mapview.qt.panels.outline_view.OutlineView` (Qt model/view), so a click costs
the rows on screen; what is listed, and in what order, is decided by :mod:`mapview.outline`. All article and claim
text is shown as plain text (never interpreted as markup).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.assignments import AssignmentView, SectorView
from mapview.outline import Outline, OutlineCache, OutlineRow, build_outline
from mapview.qt.panels.outline_view import FilterBar, OutlineView
from mapview.qt.subscriptions import Subscriptions
from mapview.state import SECTOR, AppState


def plain_label(text: str, object_name: str = "", selectable: bool = True) -> QLabel:
    """A word-wrapped QLabel that never interprets its text as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if object_name:
        label.setObjectName(object_name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def labels_text(widget: QWidget) -> str:
    """Every label's text under ``widget``, in layout order, one per line (what the user reads)."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.text())


class EvidencePanel(QWidget):
    """The selected sector: name, lead and status, then its claims (filtered and sorted as the user chose)."""

    passageActivated = Signal(object)  # Evidence  # noqa: N815 (Qt signal naming)

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("", "evidenceTitle")
        self.lead = plain_label("", "evidenceLead")
        self.count = plain_label("", "sectionHeading")
        self.filter_bar = FilterBar(state)
        self.list = OutlineView()
        self.list.passageActivated.connect(self.passageActivated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        for widget in (self.title, self.lead, self.count, self.filter_bar):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        self.sector_id: str | None = None
        self.outlines = OutlineCache()
        self.state = state
        self.clear()
        if state is not None:
            self._subscriptions = Subscriptions(self)
            self._subscriptions.connect(state.selected_changed, self._follow_state)
            self._subscriptions.connect(state.view_changed, self._follow_state)
            self._subscriptions.connect(state.filter_changed, self._follow_state)
            self._subscriptions.connect(state.passage_changed, self._mark_open)

    def _follow_state(self, _value: object = None) -> None:
        """Show the state's selected sector as its view derives it (or the start text)."""
        sector_view = self.state.selected_view if self.state is not None else None
        if sector_view is None:
            self.clear()
        else:
            self.show_sector(sector_view, self.state.view)

    def _mark_open(self, _passage: object = None) -> None:
        """Mark the passage the Source view reads, when it was opened from this sector's evidence."""
        self.list.mark_open(self.state.open_key(SECTOR) if self.state is not None else None)

    def clear(self) -> None:
        """Nothing selected: say how to select."""
        self.sector_id = None
        self.title.setText("No sector selected")
        self.lead.setText("Click a sector on the map (or press Tab) to see the passages behind its colour.")
        self.count.setVisible(False)
        self.filter_bar.setVisible(False)
        self.list.set_outline(Outline())

    def show_sector(self, sector_view: SectorView, view: AssignmentView) -> None:
        """Show a sector's lead and its evidence (a new day or filter for the same sector keeps the claim at the
        top of the list there, when it is still listed)."""
        names = {v.sector.id: v.sector.name for v in view.sectors}
        self.title.setText(sector_view.sector.name)
        lead = f"Lead: {wording.lead_text(sector_view.lead)}"
        if view.as_of is not None:
            lead += f"   [{wording.view_dates_text(view)}]"
        lead = "\n".join([lead, *wording.sector_sites_text(view, sector_view.sector.id)])
        self.lead.setText(lead)
        evidence_filter = self.state.evidence_filter if self.state is not None else None
        outline = self.outlines.get(view, (sector_view.sector.id, evidence_filter), lambda: build_outline(
            sector_view.claims, view, names, sector_view.broken_claims, evidence_filter))
        self.count.setText(wording.claims_count_text("Supporting claims", outline.shown_claims,
                                                     outline.total_claims))
        self.count.setVisible(True)
        self.filter_bar.setVisible(True)
        same_list = self.sector_id == sector_view.sector.id and self.list.model().outline.rows
        self.list.set_outline(outline, keep_claim=self.list.top_claim() if same_list else None)
        self.sector_id = sector_view.sector.id
        self._mark_open()

    def plain_text(self) -> str:
        """Everything the panel lists open, as plain text (for tests and for copying)."""
        shown = [label.text() for label in (self.title, self.lead, self.count) if label.isVisibleTo(self)]
        return "\n".join([*shown, self.list.shown_text()])

    def passage_rows(self) -> list[OutlineRow]:
        """The passage rows listed, in order."""
        return self.list.passage_rows()
