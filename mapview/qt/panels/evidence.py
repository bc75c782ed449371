"""Evidence panel: for the selected sector, its lead and every claim behind it with the verbatim passages.

``ClaimList`` renders claims, passages, broken reasons and contradicting claims; the nations panel reuses it.
All article and claim text is shown as plain text (never interpreted as markup).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapview import wording
from mapview.data.assignments import AssignmentView, SectorView
from mapview.data.claims import Claim, Evidence
from mapview.data.grouping import disagreements_among, group_by_nation
from mapview.qt.subscriptions import Subscriptions
from mapview.state import AppState

COPIED_MS = 2000  # how long "Copied ✓" shows on the button


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


class ScrollBody(QWidget):
    """The widget inside a panel's scroll area: as tall as its wrapped text needs at the width it has.

    Its minimum size hint is the layout's at the narrowest width, where every label wraps most: a scroll area takes
    that as the body's least height and leaves screens of empty grey below short content. The scroll area uses the
    layout's height-for-width instead when the hint does not ask for more.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """The minimum width only; the height follows the width (height-for-width)."""
        return QSize(super().minimumSizeHint().width(), 0)


class ClickableLabel(QLabel):
    """A plain-text label that acts like a link: a left click, Enter or Space emits ``clicked``."""

    clicked = Signal()

    def __init__(self, text: str, object_name: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setObjectName(object_name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tip)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Follow on a left click."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Follow on Enter or Space."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class PassageLabel(ClickableLabel):
    """A verbatim passage (the frame marks the quotation; added marks doubled the article's own); click to open it."""

    def __init__(self, evidence: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(evidence.text, "passage" if evidence.found else "brokenPassage",
                         "Open this passage in its article (source view)", parent)
        self.evidence = evidence


class CrossReference(ClickableLabel):
    """A 'see: …' line that leads to a claim shown above (plain text, drawn as a link)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, "crossReference", "Show this claim, listed above", parent)


class PassageWidget(QFrame):
    """One passage: the quote, its source line, and a 'Copy with citation' button."""

    activated = Signal(object)  # Evidence

    def __init__(self, evidence: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evidence = evidence
        self.setObjectName("passageFrame")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(2)
        self.quote = PassageLabel(evidence)
        self.quote.clicked.connect(lambda: self.activated.emit(self.evidence))
        layout.addWidget(self.quote)
        if not evidence.found:
            layout.addWidget(plain_label(f"⚠ passage not found in the article: {evidence.result.message}",
                                         "brokenReason"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(plain_label(wording.passage_source_line(evidence) + "\n"
                                  + wording.passage_attribution_text(evidence), "sourceLine"), 1)
        self.copy_button = QToolButton()
        self.copy_button.setText("Copy with citation")
        self.copy_button.setToolTip("Copy the passage with its source title, date and character offsets")
        self.copy_button.clicked.connect(self.copy_citation)
        if not evidence.found:  # a quote the article does not contain must not be cited as if it did
            self.copy_button.setEnabled(False)
            self.copy_button.setToolTip("This passage is not in the article; it cannot be cited")
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def copy_citation(self) -> None:
        """Put the passage and its citation on the clipboard, and say so on the button for two seconds."""
        QGuiApplication.clipboard().setText(wording.citation_text(self.evidence))
        self.copy_button.setText("Copied ✓")
        QTimer.singleShot(COPIED_MS, self._copied_done)

    def _copied_done(self) -> None:
        self.copy_button.setText("Copy with citation")


MAX_LISTED_SIDES = 6  # a disagreement with more claims than this is summed up, not listed claim by claim


class ClaimList(QWidget):
    """A vertical list of claims with their passages, broken reasons and the claims that contradict them."""

    passageActivated = Signal(object)  # Evidence  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.passages: list[PassageWidget] = []
        self.cards: dict[str, QFrame] = {}

    def clear(self) -> None:
        """Remove everything shown."""
        self.passages = []
        self.cards = {}
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # leave the widget tree now, not at the next event loop turn
                widget.deleteLater()
            elif item.layout() is not None:
                item.layout().deleteLater()

    def add_heading(self, text: str, object_name: str = "sectionHeading") -> QLabel:
        """A section heading line."""
        label = plain_label(text, object_name)
        self._layout.addWidget(label)
        return label

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        """A line of plain text."""
        label = plain_label(text, object_name)
        self._layout.addWidget(label)
        return label

    def add_claim(self, claim: Claim, sector_names: dict[str, str] | None = None, indent: int = 0,
                  at: int | None = None) -> None:
        """One claim card: heading, broken reasons, figures, note, and every passage."""
        card = QFrame()
        card.setObjectName("brokenClaim" if claim.broken else "claim")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.cards.setdefault(claim.id, card)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8 + indent, 6, 6, 6)
        layout.setSpacing(3)
        heading = wording.claim_heading(claim, sector_names)
        layout.addWidget(plain_label(("⚠ BROKEN — " if claim.broken else "") + heading, "claimHeading"))
        for reason in wording.broken_reasons(claim):
            layout.addWidget(plain_label(f"Not used on the map: {reason}", "brokenReason"))
        layout.addWidget(plain_label("Status " + wording.status_basis_text(claim), "claimBasis"))
        if claim.scope != "isf":
            layout.addWidget(plain_label(wording.scope_text(claim), "claimScope"))
        if claim.figures:
            layout.addWidget(plain_label("Figures: " + wording.figures_text(claim.figures), "claimFigures"))
        if claim.note:
            layout.addWidget(plain_label("Note: " + claim.note, "claimNote"))
        if claim.history:
            layout.addWidget(plain_label(wording.history_text(claim), "claimHistory"))
        for evidence in claim.evidence:
            passage = PassageWidget(evidence)
            passage.activated.connect(self.passageActivated)
            layout.addWidget(passage)
            self.passages.append(passage)
        if at is None:
            self._layout.addWidget(card)
        else:
            self._layout.insertWidget(at, card)

    def add_claims_with_contradictions(self, claims: list[Claim], view: AssignmentView,
                                       sector_names: dict[str, str] | None = None) -> None:
        """The claims grouped by nation (with sources and latest date when there are several nations), each
        disagreement among them once, and the cards a page at a time ("Show more")."""
        self.view, self.sector_names = view, sector_names
        groups = group_by_nation(claims)
        if len(groups) > 1:
            for group in groups:
                self.add_text(wording.nation_group_line(group), "nationGroup")
        order = [c for g in groups for c in g.claims]
        self.pending = order
        self.shown_ids = set()
        by_id = {c.id: c for v in view.sectors for c in v.claims + v.broken_claims} | {c.id: c for c in view.force}
        for disagreement in disagreements_among(view, claims):
            self.add_text(wording.disagreement_line(disagreement), "contradiction")
            if len(disagreement.claim_ids) > MAX_LISTED_SIDES:  # many sides: the nation groups above sum them up
                self.add_text(wording.many_sides_text(len(disagreement.claim_ids)), "contradiction")
                continue
            for claim_id in disagreement.claim_ids:
                other = by_id.get(claim_id)
                if other is None:
                    continue
                if claim_id in {c.id for c in order}:
                    self.add_cross_reference(other, sector_names)
                elif claim_id not in self.shown_ids:  # a claim of another sector or nation: shown here, once
                    self.add_claim(other, sector_names, indent=16)
                    self.shown_ids.add(claim_id)
        self.more_button = QPushButton()
        self.more_button.setObjectName("moreClaims")
        self.more_button.clicked.connect(self.show_more)
        self._layout.addWidget(self.more_button)
        self.show_more()

    def show_more(self) -> None:
        """Build the next page of claim cards (above the "Show more" button)."""
        page, self.pending = self.pending[:wording.CLAIMS_PAGE], self.pending[wording.CLAIMS_PAGE:]
        index = self._layout.indexOf(self.more_button)
        for claim in page:
            self.add_claim(claim, self.sector_names, at=index)
            index += 1
            self.shown_ids.add(claim.id)
        self.more_button.setText(wording.more_claims_text(len(self.pending)))
        self.more_button.setVisible(bool(self.pending))

    def add_cross_reference(self, claim: Claim, sector_names: dict[str, str] | None) -> QLabel:
        """'see: …' for a claim shown above; clicking it (or Enter) scrolls its card into view."""
        label = CrossReference("see: " + wording.claim_heading(claim, sector_names))
        label.clicked.connect(lambda claim_id=claim.id: self.show_claim(claim_id))
        self._layout.addWidget(label)
        return label

    def show_claim(self, claim_id: str) -> None:
        """Scroll the enclosing scroll area to a claim's card (building the pages up to it first)."""
        while claim_id not in self.cards and any(c.id == claim_id for c in getattr(self, "pending", [])):
            self.show_more()
        card = self.cards.get(claim_id)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if card is not None and parent is not None:
            parent.ensureWidgetVisible(card, 0, 8)
            card.setFocus()

    def finish(self) -> None:
        """Push everything to the top."""
        self._layout.addStretch(1)


def labels_text(widget: QWidget) -> str:
    """Every label's text under ``widget``, in layout order, one per line (what the user reads)."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.text())


class EvidencePanel(QWidget):
    """The selected sector: name, lead and status, supporting, broken and contradicting claims."""

    passageActivated = Signal(object)  # Evidence  # noqa: N815 (Qt signal naming)

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("", "evidenceTitle")
        self.lead = plain_label("", "evidenceLead")
        self.claims = ClaimList()
        self.claims.passageActivated.connect(self.passageActivated)
        body = ScrollBody()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(6, 6, 6, 6)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.lead)
        body_layout.addWidget(self.claims)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.sector_id: str | None = None
        self.clear()
        self.state = state
        if state is not None:
            self._subscriptions = Subscriptions(self)
            self._subscriptions.connect(state.selected_changed, self._follow_state)
            self._subscriptions.connect(state.view_changed, self._follow_state)

    def _follow_state(self, _value: object = None) -> None:
        """Show the state's selected sector as its view derives it (or the start text)."""
        sector_view = self.state.selected_view if self.state is not None else None
        if sector_view is None:
            self.clear()
        else:
            self.show_sector(sector_view, self.state.view)

    def clear(self) -> None:
        """Nothing selected: say how to select."""
        self.sector_id = None
        self.title.setText("No sector selected")
        self.lead.setText("Click a sector on the map (or press Tab) to see the passages behind its colour.")
        self.claims.clear()

    def show_sector(self, sector_view: SectorView, view: AssignmentView) -> None:
        """Show a sector's lead and all its evidence."""
        self.sector_id = sector_view.sector.id
        names = {v.sector.id: v.sector.name for v in view.sectors}
        self.title.setText(sector_view.sector.name)
        lead = f"Lead: {wording.lead_text(sector_view.lead)}"
        if view.as_of is not None:
            lead += f"   [{wording.view_dates_text(view)}]"
        self.lead.setText(lead)
        self.claims.clear()
        if sector_view.claims:
            self.claims.add_heading(f"Supporting claims ({len(sector_view.claims)})")
            self.claims.add_claims_with_contradictions(sector_view.claims, view, names)
        else:
            self.claims.add_text("No source names a role in this sector.", "emptyNote")
        if sector_view.broken_claims:
            self.claims.add_heading(f"Broken claims ({len(sector_view.broken_claims)}) — not drawn on the map",
                                    "brokenHeading")
            for claim in sector_view.broken_claims:
                self.claims.add_claim(claim, names)
        self.claims.finish()
        self.scroll.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        """Everything the panel shows, as plain text (for tests and for copying)."""
        return labels_text(self)

    def passage_widgets(self) -> list[PassageWidget]:
        """The passage widgets currently shown, in order."""
        return list(self.claims.passages)
