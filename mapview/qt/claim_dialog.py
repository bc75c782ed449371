"""Edit ▸ New claim from selection…: who does what where, and who says the selected passage and how.

The dialog only gathers fields; anchoring, checks and the write are mapview.data.claimedit's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mapview import wording
from mapview.data.claimedit import ClaimFields
from mapview.data.claims import ROLES
from mapview.data.nations import NATIONS
from mapview.data.project import Project
from mapview.data.status import MANNERS, SAID_BY, Attribution
from mapview.qt.plaintext import plain_tooltip

FORCE_WIDE = "force-wide (no sector)"


def attribution_boxes() -> tuple[QComboBox, QComboBox]:
    """The two choices every passage records: who says it, and how."""
    said_by, manner = QComboBox(), QComboBox()
    for key, label in SAID_BY.items():
        said_by.addItem(label, key)
    for value in MANNERS:
        manner.addItem(value, value)
    # the weakest reading by default: a person has to choose "official" and "stated" for a claim to be confirmed
    said_by.setCurrentIndex(said_by.findData("media"))
    manner.setCurrentIndex(manner.findData("hedged"))
    return said_by, manner


class NewClaimDialog(QDialog):
    """The fields of a new claim for a selected passage; ``fields()`` reads them."""

    def __init__(self, project: Project, passage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New claim from selection")
        self.resize(620, 420)
        quote = QLabel()
        quote.setTextFormat(Qt.TextFormat.PlainText)  # article words are never rich text
        quote.setText(f"“{passage}”")
        quote.setWordWrap(True)
        quote.setToolTip(plain_tooltip(passage))
        self.nation = QComboBox()
        self.nation.addItem(wording.FORCE_NAME, None)
        for nation in NATIONS:
            self.nation.addItem(nation.name, nation.name)
        self.sector = QComboBox()
        self.sector.addItem(FORCE_WIDE, None)
        for sector in project.sectors.sectors:
            self.sector.addItem(sector.name, sector.id)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(wording.role_label(role), role)
        self.said_by, self.manner = attribution_boxes()
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("who, if the article names them (e.g. a minister)")
        self.note = QLineEdit()
        self.figures = QLineEdit()
        self.figures.setPlaceholderText("e.g. personnel: 8000; bound: up to")
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.derived = QLabel("")
        self.derived.setTextFormat(Qt.TextFormat.PlainText)
        self.derived.setWordWrap(True)
        for box in (self.said_by, self.manner):
            box.currentIndexChanged.connect(self._show_status)
        self._show_status()
        form = QFormLayout()
        form.addRow("Nation", self.nation)
        form.addRow("Sector", self.sector)
        form.addRow("Role", self.role)
        form.addRow("Said by", self.said_by)
        form.addRow("How", self.manner)
        form.addRow("Speaker", self.speaker)
        form.addRow("Status", self.derived)
        form.addRow("Figures", self.figures)
        form.addRow("Note", self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create claim")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _show_status(self) -> None:
        """The status this passage gives by who says it and how (the one engine's rule 1)."""
        said = Attribution(self.said_by.currentData(), self.manner.currentData())
        self.derived.setText(wording.derived_status_text(said.status))

    def prefill(self, claim) -> None:
        """Show an existing claim's nation, sector, role and note (Edit claim…)."""
        for combo, value in ((self.nation, claim.nation), (self.sector, claim.sector), (self.role, claim.role)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.note.setText(claim.note)
        self.figures.setText("; ".join(f"{k}: {v}" for k, v in claim.figures.items()))
        self.said_by.setEnabled(False)
        self.manner.setEnabled(False)
        self.speaker.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save claim")

    def fields(self) -> ClaimFields:
        """The claim as filled in."""
        return ClaimFields(self.nation.currentData(), self.role.currentData(), self.sector.currentData(),
                           self.said_by.currentData(), self.manner.currentData(), self.speaker.text().strip(),
                           self.note.text().strip(), wording.parse_figures(self.figures.text()))


class ClaimPickDialog(QDialog):
    """Choose a claim (to add the selected passage to, or to mark as disagreeing with), and, for a passage, who
    says it and how; for a disagreement, its topic."""

    def __init__(self, title: str, claims: list, current: str | None, with_attribution: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 260)
        self.claim = QComboBox()
        for claim in claims:
            self.claim.addItem(f"{wording.claim_heading(claim)} [{claim.id}]", claim.id)
        if current is not None and self.claim.findData(current) >= 0:
            self.claim.setCurrentIndex(self.claim.findData(current))
        self.said_by, self.manner = attribution_boxes()
        self.topic = QLineEdit()
        form = QFormLayout()
        form.addRow("Claim", self.claim)
        if with_attribution:
            form.addRow("Said by", self.said_by)
            form.addRow("How", self.manner)
        else:
            form.addRow("Topic", self.topic)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
