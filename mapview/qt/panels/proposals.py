"""Proposals panel: the claims the extractor proposed, awaiting review, with Accept, Reject and Edit… each.

Nothing here decides anything: :class:`ProposalsController` hands the reviewer's choice to
``mapview.ingest.review`` (accept / reject) and ``mapview.ingest.command`` (plan + apply an ingest) and tells
the window when the project's files changed. Proposals are never drawn on the map: they are not in the claims
file until accepted. Article text is shown as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mapview import wording
from mapview.data.claims import ROLES, STATUSES
from mapview.data.lock import ProjectBusy, project_lock
from mapview.data.nations import NATIONS
from mapview.data.project import Project
from mapview.data.sources import Source
from mapview.data.status import Attribution
from mapview.ingest import review
from mapview.ingest.proposals import Passage, Proposal, ProposalsError, mentions_path_for, read_mentions
from mapview.outline import MENTION, PROPOSAL, PROPOSED_PASSAGE, Outline, OutlineRow
from mapview.qt.claim_dialog import attribution_boxes
from mapview.qt.panels.evidence import plain_label
from mapview.qt.panels.outline_view import OutlineView

FORCE_WIDE = "none / force-wide"
PANEL_STYLE = """
QLabel#proposalsError { color: #b00020; }
QLabel#proposalsMessage { color: #1b6e20; }
QLabel#proposalsIntro { color: #444444; }
"""


def sector_names(project: Project) -> dict[str, str]:
    """Sector id -> display name, in the geodata's order."""
    return {s.id: s.name for s in project.sectors.sectors}


def proposal_heading(proposal: Proposal, names: dict[str, str]) -> str:
    """'Kosovo — sector lead — reported — Khan Yunis' (force-wide when no sector)."""
    sector = names.get(proposal.sector, proposal.sector) if proposal.sector else "force-wide"
    if proposal.area:
        sector = wording.area_text(proposal.area, names)
    return " — ".join([wording.who_text(proposal.nation), wording.role_label(proposal.role),
                       proposal.status, sector])


def passage_source_line(passage: Passage, source: Source | None) -> str:
    """'Title — date — 005_x.txt, characters 120–175' under a proposed passage."""
    title = source.title if source is not None and source.title else passage.source
    return (f"{title} — {wording.source_date_text(source)} — {passage.source}, "
            f"characters {passage.anchor.start}–{passage.anchor.end}")


def passage_in_article(passage: Passage, source: Source | None) -> bool:
    """Whether the article (as now on disk) still holds the passage's exact words at its offsets."""
    if source is None or source.text is None:
        return False
    return source.text[passage.anchor.start:passage.anchor.end] == passage.anchor.exact


@dataclass
class IngestSummary:
    """What adding articles did: where each went, how many proposals were added, what was refused."""

    articles: list[str] = field(default_factory=list)
    added: int = 0
    known: int = 0
    refused: list[str] = field(default_factory=list)
    error: str | None = None

    def text(self) -> str:
        """A plain-text report for the reviewer."""
        if self.error:
            return f"Nothing was added: {self.error}"
        lines = list(self.articles)
        lines.append(f"{self.added} proposal(s) added for review.")
        if self.known:
            lines.append(f"{self.known} finding(s) left out: already proposed, claimed or rejected.")
        lines.extend(self.refused)
        return "\n".join(lines)


class ProposalEditDialog(QDialog):
    """Change a proposal's nation, sector, role, and who says each passage and how, before accepting it.

    The status shown is the one the passages give (mapview.data.status, through review.derived_status); a different
    status can be chosen only with a written reason, which is kept on the claim."""

    def __init__(self, proposal: Proposal, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle("Edit and accept proposal")
        self.nation = QComboBox()
        self.nation.addItem(wording.FORCE_NAME, None)
        for nation in NATIONS:
            self.nation.addItem(nation.name, nation.name)
        self.sector = QComboBox()
        for sector_id, name in names.items():
            self.sector.addItem(name, sector_id)
        self.sector.addItem(FORCE_WIDE, None)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(wording.role_label(role), role)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status, status)
        for combo, value in ((self.nation, proposal.nation), (self.sector, proposal.sector),
                             (self.role, proposal.role), (self.status, proposal.status)):
            self._choose(combo, value)
        layout = QVBoxLayout(self)
        self.said: list[tuple[QComboBox, QComboBox, QLineEdit]] = []
        for passage in proposal.evidence:
            layout.addWidget(plain_label(f"“{passage.anchor.exact}”", "passage"))
            said_by, manner = attribution_boxes()
            speaker = QLineEdit(passage.attribution.speaker if passage.attribution else "")
            if passage.attribution is not None:
                self._choose(said_by, passage.attribution.said_by)
                self._choose(manner, passage.attribution.manner)
            row = QHBoxLayout()
            for label, widget in (("Said by", said_by), ("How", manner), ("Speaker", speaker)):
                row.addWidget(plain_label(label, "fieldLabel"))
                row.addWidget(widget, 1 if widget is speaker else 0)
            layout.addLayout(row)
            self.said.append((said_by, manner, speaker))
        self.derived = plain_label("", "derivedStatus")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("why, when you set a status the passages do not give")
        self.reason_error = plain_label("", "proposalsError")
        form = QFormLayout()
        form.addRow("Nation", self.nation)
        form.addRow("Sector", self.sector)
        form.addRow("Role", self.role)
        form.addRow("Status", self.status)
        form.addRow("Reason", self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept with these values")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        layout.addWidget(self.derived)
        layout.addWidget(self.reason_error)
        layout.addWidget(self.buttons)
        self.rules = self.derived_status()
        for said_by, manner, _ in self.said:
            said_by.currentIndexChanged.connect(self._follow)
            manner.currentIndexChanged.connect(self._follow)
        self.nation.currentIndexChanged.connect(self._follow)
        self.status.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._follow()

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index < 0:  # a value the lists do not hold (e.g. an unknown role) stays choosable as it was
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def choose(self, field_name: str, value: str | None) -> None:
        """Select ``value`` in the nation, sector, role or status box (for keyboard-free use and tests)."""
        combo: QComboBox = getattr(self, field_name)
        index = combo.findData(value)
        if index < 0:
            raise ValueError(f"{value!r} is not a choice for {field_name}")
        combo.setCurrentIndex(index)

    def choose_said(self, passage: int, said_by: str, manner: str) -> None:
        """Set who says passage ``passage`` and how (for keyboard-free use and tests)."""
        box_said, box_manner, _ = self.said[passage]
        for combo, value in ((box_said, said_by), (box_manner, manner)):
            index = combo.findData(value)
            if index < 0:
                raise ValueError(f"{value!r} is not a choice")
            combo.setCurrentIndex(index)

    def attributions(self) -> list[Attribution]:
        """Who says each passage and how, as chosen."""
        return [Attribution(s.currentData(), m.currentData(), sp.text().strip()) for s, m, sp in self.said]

    def derived_status(self) -> str:
        """The status the passages give with the chosen speakers (the one engine's)."""
        return review.derived_status(self.proposal, list(self.attributions()), self.nation.currentData())

    def _follow(self) -> None:
        """Who says a passage changed: show the status it gives, and move the status with it unless a reviewer
        set another."""
        rules = self.derived_status()
        if self.status.currentData() == self.rules:
            self.choose("status", rules)
        self.rules = rules
        self.derived.setText(wording.derived_status_text(rules))
        self._check()

    def _check(self) -> None:
        needs = self.status.currentData() != self.rules and not self.reason.text().strip()
        self.reason_error.setText(wording.status_reason_needed(self.rules, self.status.currentData()) if needs else "")
        self.reason_error.setVisible(needs)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not needs)

    def edits(self) -> dict[str, object]:
        """The fields the reviewer changed, as ``review.accept`` takes them."""
        chosen = {"nation": self.nation.currentData(), "sector": self.sector.currentData(),
                  "role": self.role.currentData()}
        out: dict[str, object] = {k: v for k, v in chosen.items() if v != getattr(self.proposal, k)}
        said = self.attributions()
        if said != [p.attribution for p in self.proposal.evidence]:
            out["attributions"] = [a.to_json() for a in said]
        if self.status.currentData() != self.rules:
            out["status"], out["status_reason"] = self.status.currentData(), self.reason.text().strip()
        return out


def proposal_lines(proposal: Proposal, names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A proposal card's lines: what is proposed, the basis of its status, and the extractor's note."""
    lines = [("claimHeading", "Proposed: " + proposal_heading(proposal, names)),
             ("claimBasis", "Status " + wording.proposal_basis_text(proposal.basis, proposal.nation,
                                                                      len(proposal.evidence)))]
    if proposal.note:
        lines.append(("claimNote", "Note: " + proposal.note))
    return tuple(lines)


def proposed_passage_lines(passage: Passage, source: Source | None) -> tuple[tuple[str, str], ...]:
    """A proposed passage's lines: the quote (in quote marks: it is not yet evidence), whether the article still
    holds it, and where it is."""
    found = passage_in_article(passage, source)
    lines = [("passage" if found else "brokenPassage", f"“{passage.anchor.exact}”")]
    if not found:
        lines.append(("brokenReason", "⚠ this passage is not in the article as it is now"))
    lines.append(("sourceLine", wording.proposed_passage_basis(passage.attribution)))
    lines.append(("sourceLine", passage_source_line(passage, source)))
    return tuple(lines)


def proposals_outline(proposals: list[Proposal], names: dict[str, str], sources: dict[str, Source]) -> Outline:
    """One card row per proposal, followed by its passages."""
    outline = Outline()
    for proposal in proposals:
        card = outline.add_row(PROPOSAL, None, word=lambda p=proposal: proposal_lines(p, names), item=proposal,
                               object_name="proposal")
        for passage in proposal.evidence:
            outline.add_row(PROPOSED_PASSAGE, None, item=proposal, owner=card, word=lambda p=passage:
                            proposed_passage_lines(p, sources.get(p.source)))
    return outline


class ProposalsPanel(QWidget):
    """The pending proposals in a model/view list; Accept, Reject and Edit… act on the chosen one (the buttons
    emit requests, the controller carries them out)."""

    acceptRequested = Signal(str, object)  # proposal id, edits dict | None  # noqa: N815 (Qt signal naming)
    rejectRequested = Signal(str)  # proposal id  # noqa: N815
    mentionOpenRequested = Signal(object)  # a mention dict  # noqa: N815
    passageOpenRequested = Signal(object, object)  # a proposed Passage, its Proposal  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PANEL_STYLE)
        self.intro = plain_label("Claims proposed from added articles. None is drawn on the map until you accept "
                                 "it; File ▸ Add article… proposes more. Choose one, then Accept, Reject or Edit…",
                                 "proposalsIntro")
        self.error = plain_label("", "proposalsError")
        self.message = plain_label("", "proposalsMessage")
        self.empty = plain_label("No proposals awaiting review.", "emptyNote")
        self.list = OutlineView()
        self.list.setObjectName("proposalsList")
        self.list.selectionModel().currentChanged.connect(lambda *_: self._follow_current())
        self.list.rowActivated.connect(self._open_passage)  # a click or Enter: read it in its article
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Add the chosen claim to the claims file (a backup of the old file is kept)")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Drop the chosen proposal and do not propose it again")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the chosen proposal's nation, sector, role, or who says its passages "
                                    "(and so its status), then accept")
        self.accept_button.clicked.connect(lambda: self._act("accept"))
        self.reject_button.clicked.connect(lambda: self._act("reject"))
        self.edit_button.clicked.connect(lambda: self._act("edit"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.accept_button, self.reject_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Sentences naming a sector and a nation that gave no proposal: listed so nothing vanishes silently.
        self.mentions_heading = plain_label("", "mentionsHeading")
        self.mentions_list = OutlineView()
        self.mentions_list.setObjectName("mentions")
        self.mentions_list.setMinimumHeight(120)
        self.mentions_list.rowActivated.connect(self._open_mention)
        self.mentions: list[dict[str, object]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.intro, self.error, self.message, self.empty):
            layout.addWidget(widget)
        layout.addWidget(self.list, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.mentions_heading)
        layout.addWidget(self.mentions_list, 1)
        self.proposals: list[Proposal] = []
        self.names: dict[str, str] = {}
        self.edit_dialog: ProposalEditDialog | None = None
        self.show_error("")
        self.show_message("")
        self._follow_current()

    def set_proposals(self, proposals: list[Proposal], names: dict[str, str], sources: dict[str, Source]) -> None:
        """Show ``proposals`` (sector names and article titles from the loaded project). The one chosen before
        stays chosen; if it was just decided, the one that now stands in its place (the next) is chosen, so a
        reviewer goes through a long list without scrolling back from the top; with none chosen, the first is."""
        before = self.current()
        position = next((i for i, p in enumerate(self.proposals) if before is not None and p.id == before.id), None)
        self.proposals, self.names = list(proposals), dict(names)
        self.list.set_outline(proposals_outline(self.proposals, self.names, sources))
        self.empty.setVisible(not self.proposals)
        self.list.setVisible(bool(self.proposals))
        ids = [p.id for p in self.proposals]
        if ids:  # nothing chosen before: the first, so Accept and Reject work at once
            self.choose(before.id if before is not None and before.id in ids
                        else ids[min(position or 0, len(ids) - 1)])
        self._follow_current()

    def current(self) -> Proposal | None:
        """The proposal chosen in the list (its card or one of its passages), or None."""
        row = self.list.model().row_at(self.list.currentIndex())
        return row.item if row is not None else None  # type: ignore[return-value]

    def choose(self, proposal_id: str) -> None:
        """Make a proposal the chosen one and scroll its card into view."""
        for row in self.list.model().outline.top:
            if row.kind == PROPOSAL and row.item.id == proposal_id:  # type: ignore[union-attr]
                index = self.list.model().index_of(row)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
                return
        raise KeyError(proposal_id)

    def _follow_current(self) -> None:
        chosen = self.current() is not None
        for button in (self.accept_button, self.reject_button, self.edit_button):
            button.setEnabled(chosen)

    def _act(self, action: str) -> None:
        proposal = self.current()
        if proposal is None:
            return
        if action == "accept":
            self.acceptRequested.emit(proposal.id, None)
        elif action == "reject":
            self.rejectRequested.emit(proposal.id)
        else:
            self.edit(proposal)

    def set_mentions(self, mentions: list[dict[str, object]], names: dict[str, str],
                     sources: dict[str, Source]) -> None:
        """List the unclassified mentions (plain text; a click opens one in the Source view)."""
        self.mentions = [m for m in mentions if m.get("source") in sources]
        outline = Outline()
        for mention in self.mentions:
            source = sources.get(str(mention["source"]))
            title = source.title if source is not None and source.title else str(mention["source"])
            outline.add_row(MENTION, None, item=mention,
                            word=lambda m=mention, t=title: (("mention", wording.mention_line(m, t, names)),))
        self.mentions_list.set_outline(outline)
        self.mentions_heading.setText(
            f"Unclassified mentions ({len(self.mentions)}): sentences naming a sector and a nation from which "
            "nothing was proposed." if self.mentions else "No unclassified mentions.")
        self.mentions_list.setVisible(bool(self.mentions))

    def _open_passage(self, row: OutlineRow) -> None:
        """A proposal's card opens its first passage; a passage row opens that passage."""
        proposal: Proposal = row.item  # type: ignore[assignment]
        rows = [r for r in self.list.model().outline.top if r.kind == PROPOSED_PASSAGE and r.item is proposal]
        at = rows.index(row) if row in rows else 0
        if proposal.evidence:
            self.passageOpenRequested.emit(proposal.evidence[min(at, len(proposal.evidence) - 1)], proposal)

    def _open_mention(self, row: OutlineRow) -> None:
        self.mentionOpenRequested.emit(row.item)

    def edit(self, proposal: Proposal) -> ProposalEditDialog:
        """Open the edit dialog (window-modal, not blocking); OK asks to accept with the changes."""
        dialog = ProposalEditDialog(proposal, self.names, self)
        dialog.accepted.connect(lambda: self.acceptRequested.emit(proposal.id, dialog.edits()))
        dialog.finished.connect(self._forget_dialog)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self) -> None:
        if self.edit_dialog is not None:
            self.edit_dialog.deleteLater()
            self.edit_dialog = None

    def show_error(self, text: str) -> None:
        """An inline error line (empty hides it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        """An inline confirmation line (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def proposal_rows(self) -> list[OutlineRow]:
        """The card row of each proposal listed, in order."""
        return [row for row in self.list.model().outline.top if row.kind == PROPOSAL]

    def card_text(self, proposal_id: str) -> str:
        """A proposal's card and passages as listed, as plain text."""
        return "\n".join(row.text for row in self.list.model().outline.top
                         if row.item is not None and row.item.id == proposal_id)  # type: ignore[attr-defined]

    def title(self) -> str:
        """'Proposals (3)' or 'Proposals (none)'."""
        return f"Proposals ({len(self.proposals)})" if self.proposals else "Proposals (none)"

    def plain_text(self) -> str:
        """Everything the panel lists (messages, proposals, mentions), as plain text."""
        shown = [w.text() for w in (self.intro, self.error, self.message, self.empty) if w.isVisibleTo(self)]
        mentions = [self.mentions_heading.text(), self.mentions_list.shown_text()]
        return "\n".join([*shown, self.list.shown_text(), *mentions])


class ProposalsController(QObject):
    """Carries out the panel's requests with ``mapview.ingest``; ``projectChanged`` asks the window to reload."""

    projectChanged = Signal()  # noqa: N815 (Qt signal naming)
    titleChanged = Signal(str)  # noqa: N815

    def __init__(self, panel: ProposalsPanel, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.project = project
        # Around each accept or reject: the window makes it one entry of its undo stack (a no-op by default).
        self.decision: Callable[[str], AbstractContextManager[None]] = lambda _text: nullcontext()
        panel.acceptRequested.connect(self.accept)
        panel.rejectRequested.connect(self.reject)
        self.refresh()

    @property
    def proposals_path(self) -> Path:
        """``proposals.json`` beside the project's claims file."""
        return review.proposals_path_for(self.project.paths.claims)

    def set_project(self, project: Project) -> None:
        """The window reloaded the project: list its pending proposals."""
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Read the pending proposals again and show them."""
        try:
            proposals = review.pending(self.proposals_path)
        except review.ReviewError as exc:
            proposals = []
            self.panel.show_error(f"Cannot read the proposals: {exc}")
        self.panel.set_proposals(proposals, sector_names(self.project), self.project.sources)
        try:
            mentions = read_mentions(mentions_path_for(self.project.paths.claims))
        except ProposalsError as exc:
            mentions = []
            self.panel.show_error(f"Cannot read the unclassified mentions: {exc}")
        self.panel.set_mentions(mentions, sector_names(self.project), self.project.sources)
        self.titleChanged.emit(self.panel.title())

    def accept(self, proposal_id: str, edits: dict[str, object] | None = None) -> bool:
        """Accept a proposal (with edits); on failure say why inline, nothing written. True when accepted."""
        paths = self.project.paths
        try:
            with self.decision(f"accept {proposal_id}"), project_lock(paths):
                claim = review.accept(proposal_id, paths.claims, self.proposals_path, edits or None,
                                      seeds=paths.seeds, sectors=paths.sectors)
        except (review.ReviewError, OSError, ProjectBusy) as exc:
            self.panel.show_message("")
            self.panel.show_error(f"Not accepted, nothing was written: {exc}")
            return False
        self.panel.show_error("")
        self.panel.show_message(f"Accepted as claim {claim.id}; the previous claims file was kept in "
                                f"{paths.claims.parent.name}/backups.")
        self.projectChanged.emit()
        return True

    def reject(self, proposal_id: str) -> bool:
        """Reject a proposal (remembered, so it is not proposed again). True when rejected."""
        try:
            with self.decision(f"reject {proposal_id}"), project_lock(self.project.paths):
                review.reject(proposal_id, self.proposals_path)
        except (review.ReviewError, OSError, ProjectBusy) as exc:
            self.panel.show_error(f"Not rejected: {exc}")
            return False
        self.panel.show_error("")
        self.panel.show_message(f"Rejected {proposal_id}; it will not be proposed again.")
        self.refresh()
        return True

    def add_articles(self, files: list[Path]) -> IngestSummary:
        """Ingest article files (saved pages, PDFs, text) into the project; ask for a reload when written."""
        from mapview.ingest.command import read_and_extract  # the extractor loads only when used
        from mapview.ingest.gazetteer import load_gazetteer

        gazetteer = load_gazetteer(self.project.paths.sectors)
        read, refused, extracted = read_and_extract([Path(f) for f in files], gazetteer)
        return self.add_read(read, refused, extracted=extracted)

    def add_records(self, records: list) -> IngestSummary:
        """Ingest articles already read (a paste) into the project; ask for a reload when written."""
        return self.add_read([(Path(r.given_name), r) for r in records])

    def add_read(self, read: list, refused: list[str] | None = None, fetched: dict | None = None,
                 extracted: dict | None = None) -> IngestSummary:
        """Ingest articles read, each with where it came from (pages fetched from the web): extracted first, then
        numbered and written under the project lock (``command.ingest_articles``); ask for a reload when written."""
        paths = self.project.paths
        summary = IngestSummary()
        if not paths.seeds.is_dir():
            summary.error = f"seeds folder {paths.seeds} does not exist"
            return summary
        try:
            from mapview.ingest.command import ingest_articles

            plan = ingest_articles(read, paths, refused=refused, fetched=fetched, extracted=extracted)
        except (ProposalsError, review.ReviewError, OSError, ProjectBusy) as exc:
            summary.error = str(exc)
            self.panel.show_error(f"Articles not added: {exc}")
            return summary
        for article in plan.articles:
            where = "new" if article.new else "already in the seeds"
            summary.articles.append(f"{article.given.name} → {paths.seeds.name}/{article.source_id} ({where}): "
                                    f"{len(article.proposals)} proposal(s), {len(article.mentions)} unclassified "
                                    "mention(s)" + (f"; {article.notice}" if article.notice else ""))
        summary.added = sum(len(a.proposals) for a in plan.articles)
        summary.known = sum(a.known for a in plan.articles)
        summary.refused = list(plan.refused)
        notices = [f"{a.given.name}: {a.notice}" for a in plan.articles if a.notice]
        self.panel.show_error("\n".join([*plan.refused, *notices]))
        self.panel.show_message(f"{summary.added} proposal(s) added for review.")
        if plan.articles:
            self.projectChanged.emit()  # new articles in the seeds: titles and sources reload with the project
        else:
            self.refresh()
        return summary
