"""The evidence list as Qt model/view: a click costs the rows on screen, not the rows in the sector.

``OutlineModel`` is a ``QAbstractItemModel`` over a :class:`mapview.outline.Outline` (what to list is decided
there); ``OutlineDelegate`` lays each row's plain text out with a ``QTextDocument`` (text inserted through a cursor,
never parsed as markup) and draws passages as quotations with a "Copy with citation" button; ``OutlineView`` is a
``QTreeView`` that scrolls per item, so Qt measures only the rows it shows; ``FilterBar`` is the filter box and sort
choice, bound to the state's one ``EvidenceFilter``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from mapview import wording
from mapview.outline import (
    CLAIM,
    GROUP,
    MENTION,
    PAGE,
    PASSAGE,
    PROPOSAL,
    PROPOSED_PASSAGE,
    REFERENCE,
    SORTS,
    Outline,
    OutlineRow,
    prepare_search,
)
from mapview.qt.plaintext import plain_tooltip
from mapview.qt.subscriptions import Subscriptions
from mapview.state import AppState, passage_key

ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
ROOT = QModelIndex()  # the invisible root's index (Qt's default argument)
COPIED_MS = 2000  # how long "Copied ✓" shows on the button
FILTER_PAUSE_MS = 150  # the filter is applied when typing pauses this long
PREPARE_SLICE = 400  # claims whose filter text one idle step words (~5 ms)
COPY_TEXT, COPIED_TEXT = "Copy with citation", "Copied ✓"
PAD = 6  # inner margin of a row, in pixels
QUOTE_BAR = 3  # width of the gold bar that marks a quotation
PASSAGE_INDENT = 16  # a passage sits under its claim's card, indented like a child
# style name -> (bold, italic, strike, colour, relative size): the look the panels had as styled labels
LINE_STYLES: dict[str, tuple[bool, bool, bool, str, float]] = {
    "claimHeading": (True, False, False, "#1a1a1a", 1.0),
    "brokenReason": (False, False, False, "#b00020", 1.0),
    "claimBasis": (False, False, False, "#333333", 1.0),
    "claimNote": (False, False, False, "#444444", 1.0),
    "claimFigures": (False, False, False, "#444444", 1.0),
    "claimSite": (False, False, False, "#444444", 1.0),
    "passage": (False, True, False, "#1a1a1a", 1.0),
    "brokenPassage": (False, True, True, "#b00020", 1.0),
    "sourceLine": (False, False, False, "#555555", 0.9),
    "contradiction": (True, False, False, "#7a4b00", 1.0),
    "crossReference": (False, False, False, "#0b57a4", 1.0),
    "group": (True, False, False, "#1a1a1a", 1.0),
    "brokenHeading": (True, False, False, "#b00020", 1.0),
    "emptyNote": (False, True, False, "#555555", 1.0),
}
BACKGROUNDS = {"claim": ("#fafafa", "#dddddd"), "brokenClaim": ("#fff4f4", "#d7191c"),
               "nationGroup": ("#eef2f7", "#c5d0de"), "claimsPage": ("#f3f5f8", "#d5dce6"),
               "proposal": ("#f6f8fc", "#7a8aa8")}
QUOTED = (PASSAGE, PROPOSED_PASSAGE)  # rows drawn as a quotation under their card
TIPS = {MENTION: "Click to open this sentence, selected, in the Source view",
        PASSAGE: "Click to open this passage in its article (source view); Ctrl+C copies it with its citation",
        REFERENCE: "Show this claim, listed above", GROUP: "Click to list or hide this nation's claims",
        PAGE: "Click to list or hide these claims"}


class OutlineModel(QAbstractItemModel):
    """One column of rows: an outline's top rows, their children (a group's claims, a claim's passages, …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = Outline()
        self.copied_uid: int | None = None

    def set_outline(self, outline: Outline) -> None:
        """Show another outline (a model reset: the view drops its rows and asks again for the visible ones)."""
        self.beginResetModel()
        self.outline = outline
        self.copied_uid = None
        self.endResetModel()

    def row_at(self, index: QModelIndex) -> OutlineRow | None:
        """The outline row behind an index (None for the root)."""
        return self.outline.rows[index.internalId()] if index.isValid() else None

    def index_of(self, row: OutlineRow) -> QModelIndex:
        """The index of an outline row."""
        return self.createIndex(row.row, 0, row.uid)

    def index(self, row: int, column: int = 0, parent: QModelIndex | QPersistentModelIndex = ROOT
              ) -> QModelIndex:
        """Qt: the index of a child row."""
        above = self.row_at(parent) if parent.isValid() else None
        siblings = above.children if above is not None else self.outline.top
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row].uid)

    def parent(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # type: ignore[override]
        """Qt: the index of a row's parent."""
        row = self.row_at(index)
        up = row.parent if row is not None else None
        return self.createIndex(up.row, 0, up.uid) if up is not None else QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 (Qt)
        """Qt: how many children a row has."""
        if parent.column() > 0:
            return 0
        row = self.row_at(parent)
        return len(row.children) if row is not None else len(self.outline.top)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> bool:  # noqa: N802 (Qt)
        """Qt: whether a row has children, without making a closed group's rows (the arrow needs no more)."""
        if parent.column() > 0:
            return False
        row = self.row_at(parent)
        return row.has_children if row is not None else bool(self.outline.top)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 (Qt)
        """Qt: one column."""
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: the row's plain text (display, screen readers) and its tool tip."""
        row = self.row_at(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = TIPS.get(row.kind)
            if row.kind == PASSAGE and row.evidence is not None and not row.evidence.found:
                tip = "This passage is not in the article; it cannot be cited"
            return plain_tooltip(tip) if tip else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Qt: rows can be selected (to copy or open with the keyboard), never edited."""
        return ROW_FLAGS


class OutlineDelegate(QStyledItemDelegate):
    """Lays out and paints one row: wrapped plain text in the row's styles, a card or quotation frame, a button."""

    def __init__(self, view: OutlineView) -> None:
        super().__init__(view)
        self.view = view
        self._documents: dict[tuple[int, int], QTextDocument] = {}

    def forget(self) -> None:
        """Drop the laid-out rows (new rows or a new width)."""
        self._documents.clear()

    def text_width(self, index: QModelIndex) -> int:
        """The width a row's text wraps at: the column's width less the indentation and the row's margins."""
        depth, up = 0, index.parent()
        while up.isValid():
            depth, up = depth + 1, up.parent()
        indent = self.view.indentation() * (depth + (1 if self.view.rootIsDecorated() else 0))
        extra = PASSAGE_INDENT + QUOTE_BAR + PAD if self.view.model().row_at(index).kind in QUOTED else 0
        return max(80, self.view.viewport().width() - indent - 2 * PAD - extra - 1)

    def document(self, index: QModelIndex) -> QTextDocument:
        """The row's text laid out at its width (cached per row and width)."""
        width = self.text_width(index)
        key = (index.internalId(), width)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > 4000:
                self._documents.clear()
            document = self._documents[key] = self._lay_out(self.view.model().row_at(index), width)
        return document

    def _lay_out(self, row: OutlineRow, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        base = QFont(self.view.font())
        document.setDefaultFont(base)
        cursor = QTextCursor(document)
        button = self.button_size()
        for number, (style, text) in enumerate(row.lines):
            block = QTextBlockFormat()
            if style == "sourceLine" and row.kind == PASSAGE:  # room for the copy button beside the source line
                block.setRightMargin(button.width() + PAD)
            if number:
                block.setTopMargin(2)
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            bold, italic, strike, colour, size = LINE_STYLES.get(style, (False, False, False, "#1a1a1a", 1.0))
            char = QTextCharFormat()
            font = QFont(base)
            font.setBold(bold)
            font.setItalic(italic)
            font.setStrikeOut(strike)
            if size != 1.0 and base.pointSizeF() > 0:
                font.setPointSizeF(base.pointSizeF() * size)
            char.setFont(font)
            char.setForeground(QColor(colour))
            if row.kind == REFERENCE:
                char.setFontUnderline(True)
            cursor.insertText(text, char)  # plain text: a cursor never interprets markup
        document.setTextWidth(width)
        return document

    def button_size(self) -> QSize:
        """The size of the "Copy with citation" button."""
        metrics = self.view.fontMetrics()
        return QSize(metrics.horizontalAdvance(COPY_TEXT) + 16, metrics.height() + 6)

    def frame(self, rect: QRect, index: QModelIndex) -> QRect:
        """The card or quotation frame drawn inside a row's visual rect (passages indented under their claim)."""
        row = self.view.model().row_at(index)
        indent = PASSAGE_INDENT if row is not None and row.kind in QUOTED else 0
        return rect.adjusted(indent, 1, -1, -3)

    def text_origin(self, rect: QRect, index: QModelIndex) -> QPoint:
        """Where a row's text starts inside its visual rect."""
        frame = self.frame(rect, index)
        extra = QUOTE_BAR + PAD if self.view.model().row_at(index).kind in QUOTED else 0
        return QPoint(frame.left() + PAD + extra, frame.top() + PAD)

    def copy_button_rect(self, rect: QRect, index: QModelIndex) -> QRect:
        """The copy button of a passage row (``rect`` is its visual rect), beside its source line; an empty rect
        for other rows."""
        row = self.view.model().row_at(index)
        if row is None or row.kind != PASSAGE:
            return QRect()
        rect = self.frame(rect, index)
        document = self.document(index)
        block = document.begin()
        while block.isValid() and block.blockNumber() < len(row.lines) - 2:
            block = block.next()  # the first source line (two lines from the end)
        top = document.documentLayout().blockBoundingRect(block).top() if block.isValid() else 0
        size = self.button_size()
        return QRect(QPoint(rect.right() - PAD - size.width(), rect.top() + PAD + int(top)), size)

    def button_text(self, row: OutlineRow) -> str:
        """What a passage's button says: "Copied ✓" for two seconds after a copy."""
        return COPIED_TEXT if self.view.model().copied_uid == row.uid else COPY_TEXT

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt override)
        """The row's height for its wrapped text at the view's width."""
        document = self.document(index)
        height = int(document.size().height()) + 2 * PAD
        return QSize(self.text_width(index), height + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The row: its card or quotation frame, its text, and (for a passage) the copy button."""
        row = self.view.model().row_at(index)
        if row is None:
            return
        painter.save()
        rect = self.frame(option.rect, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        fill, border = BACKGROUNDS.get(row.object_name, ("", ""))
        if row.kind in QUOTED:
            fill = "#fff3c4" if selected or hovered else "#ffffff"
            painter.fillRect(rect, QColor(fill))
            painter.fillRect(QRect(rect.left(), rect.top(), QUOTE_BAR, rect.height()), QColor("#c9a227"))
        elif fill:
            painter.setPen(QPen(QColor("#0b57a4"), 2) if selected else QPen(QColor(border)))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(rect, 4, 4)
        elif selected or hovered:
            painter.fillRect(rect, QColor("#e8f0fb"))
        document = self.document(index)
        painter.translate(self.text_origin(option.rect, index))
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()
        if row.kind == PASSAGE and row.evidence is not None:
            self._paint_button(painter, option, index, row)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            painter.setPen(QPen(QColor("#0b57a4"), 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.restore()

    def _paint_button(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex,
                      row: OutlineRow) -> None:
        button = QStyleOptionButton()
        button.rect = self.copy_button_rect(option.rect, index)
        button.text = self.button_text(row)
        button.palette = option.palette
        button.state = QStyle.StateFlag.State_Raised
        if row.evidence is not None and row.evidence.found:  # a forged quote cannot be cited as if it were real
            button.state |= QStyle.StateFlag.State_Enabled
        else:
            button.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, self.view)


class OutlineView(QTreeView):
    """The list of one outline. Click a passage to open it, its button (or Ctrl+C) to copy it with its citation,
    a "see: …" line to jump to that claim, a nation's line to open or close its claims; Enter does the same for
    the current row."""

    passageActivated = Signal(object)  # Evidence  # noqa: N815 (Qt signal naming)
    copied = Signal(str)  # the citation put on the clipboard
    rowActivated = Signal(object)  # an OutlineRow of another list's own kind (a mention, a proposal)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceList")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # measure only the rows shown
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setExpandsOnDoubleClick(True)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.outline_model = OutlineModel(self)
        self.setModel(self.outline_model)
        self.delegate = OutlineDelegate(self)
        self.setItemDelegate(self.delegate)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.timeout.connect(self._copied_done)
        self.expanded.connect(self._open_first_page)
        self.preparing = QTimer(self)  # idle steps: the listed claims' filter text, a slice per turn of the loop
        self.preparing.setInterval(0)
        self.preparing.timeout.connect(self._prepare_step)
        self._prepared = 0

    def _prepare_step(self) -> None:
        """One idle step: word the next slice of the listed claims' filter text (a few ms), until all are done."""
        listed = self.outline_model.outline.listed
        self._prepared = prepare_search(listed, self._prepared, PREPARE_SLICE)
        if self._prepared >= len(listed):
            self.preparing.stop()

    def _open_first_page(self, index: QModelIndex) -> None:
        """A nation group opened on a long list of claims shows its first page open."""
        row = self.outline_model.row_at(index)
        if row is not None and row.children and row.children[0].kind == PAGE:
            self.setExpanded(self.outline_model.index_of(row.children[0]), True)

    def model(self) -> OutlineModel:  # type: ignore[override]
        """The outline model."""
        return self.outline_model

    def top_claim(self) -> str | None:
        """The id of the claim whose card (or passage) is at the top of the list now, if any."""
        self.executeDelayedItemsLayout()  # a pending expand or scroll counts
        row = self.outline_model.row_at(self.indexAt(QPoint(self.viewport().width() // 2, PAD)))
        if row is not None and row.owner is not None:  # a passage: its claim
            row = row.owner
        return row.claim.id if row is not None and row.kind == CLAIM and row.claim is not None else None

    def set_outline(self, outline: Outline, keep_claim: str | None = None) -> None:
        """Show an outline: disagreements and broken claims open; nation groups open unless the list is long.
        With ``keep_claim`` (the claim at the top before a rebuild of the same list), that claim stays at the top
        when the new outline still lists it; otherwise the list starts at its top."""
        self.delegate.forget()
        self.outline_model.set_outline(outline)
        self._prepared = 0
        if outline.listed:
            self.preparing.start()
        else:
            self.preparing.stop()
        self.setRootIsDecorated(any(row.has_children for row in outline.top))
        first_page = next((row for row in outline.top if row.kind == PAGE), None)
        for row in outline.top:
            if row.has_children and not (row.kind == GROUP and outline.collapsed_groups) and (
                    row.kind != PAGE or row is first_page):  # of a long list, the first page is open
                self.setExpanded(self.outline_model.index_of(row), True)
        kept = outline.claim_rows.get(keep_claim) if keep_claim else None
        if kept is not None:
            self._open_above(kept)  # the reader was inside that nation's group: it stays open
            self.scrollTo(self.outline_model.index_of(kept), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self.scrollToTop()

    def _open_above(self, row: OutlineRow) -> None:
        """Expand every row above ``row`` (its nation group, its disagreement), so that it is listed."""
        up = row.parent
        while up is not None:
            self.setExpanded(self.outline_model.index_of(up), True)
            up = up.parent

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """A new width wraps every row again."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.delegate.forget()
            self.scheduleDelayedItemsLayout()

    # ----- what the user does ------------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A left click on a passage opens it (on its button: copies it); on a "see: …" line, shows that claim."""
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not index.isValid():
            return
        row = self.outline_model.row_at(index)
        point = event.position().toPoint()
        if row is None or point.x() < self.visualRect(index).left():  # the expand arrow: the tree toggles it
            return
        if row.kind == PASSAGE and self.delegate.copy_button_rect(self.visualRect(index), index).contains(point):
            self.copy_citation(row)
        else:
            self._activate(row, index)

    def _activate(self, row: OutlineRow, index: QModelIndex) -> bool:
        """What a click or Enter does on a row: open a passage, follow a "see: …" line, open or close a nation's
        claims, open a mention; False when the row does nothing."""
        if row.kind == PASSAGE and row.evidence is not None:
            self.passageActivated.emit(row.evidence)
        elif row.kind == REFERENCE and row.claim is not None:
            self.show_claim(row.claim.id)
        elif row.kind in (MENTION, PROPOSAL, PROPOSED_PASSAGE):  # another list's rows: that list opens them
            self.rowActivated.emit(row)
        elif row.kind in (GROUP, PAGE):
            self.setExpanded(index, not self.isExpanded(index))
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter opens the current passage (or follows a "see: …" line); Ctrl+C copies it with its citation."""
        row = self.outline_model.row_at(self.currentIndex())
        if row is not None and event.matches(QKeySequence.StandardKey.Copy):
            if row.kind == PASSAGE:
                self.copy_citation(row)
            else:
                QGuiApplication.clipboard().setText(row.text)
            return
        if (row is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self._activate(row, self.currentIndex())):
            return
        super().keyPressEvent(event)

    def copy_citation(self, row: OutlineRow) -> None:
        """Put a passage and its citation on the clipboard; the button says "Copied ✓" for two seconds."""
        if row.evidence is None or not row.evidence.found:
            return
        citation = wording.citation_text(row.evidence)
        QGuiApplication.clipboard().setText(citation)
        self.outline_model.copied_uid = row.uid
        self.viewport().update()
        self._copied_timer.start(COPIED_MS)
        self.copied.emit(citation)

    def _copied_done(self) -> None:
        self.outline_model.copied_uid = None
        self.viewport().update()

    def show_claim(self, claim_id: str) -> None:
        """Scroll a claim's card to the top and make it current (opening its nation group if closed)."""
        row = self.outline_model.outline.claim_rows.get(claim_id)
        if row is None:
            return
        self._open_above(row)
        index = self.outline_model.index_of(row)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def mark_open(self, key: tuple[str, str] | None) -> None:
        """Make the passage open in the Source view (its article and words) the current row, so the list shows
        which of its passages the Source view is reading; None (or a passage not listed) clears the mark."""
        row = self.outline_model.outline.passage_row(lambda e: passage_key(e) == key) if key else None
        if row is None:
            self.selectionModel().clearSelection()
            return
        index = self.outline_model.index_of(row)
        if self.currentIndex() != index:
            self.setCurrentIndex(index)
        if self.is_shown(row):
            self.scrollTo(index)

    # ----- for tests and the screenshot tool: where things are, what is shown ---------------------------------

    def passage_rows(self) -> list[OutlineRow]:
        """Every passage row, in the order listed."""
        return self.outline_model.outline.passages()

    def point_of(self, row: OutlineRow, part: str = "text") -> QPoint:
        """A viewport point on a row's text (or, ``part="copy"``, on its copy button), scrolled into view."""
        index = self.outline_model.index_of(row)
        self.scrollTo(index)
        rect = self.visualRect(index)
        if part == "copy":
            return self.delegate.copy_button_rect(rect, index).center()
        origin = self.delegate.text_origin(rect, index)
        return QPoint(origin.x() + 4, origin.y() + 4)

    def is_shown(self, row: OutlineRow) -> bool:
        """Whether a row is listed open (every row above it expanded)."""
        up = row.parent
        while up is not None:
            if not self.isExpanded(self.outline_model.index_of(up)):
                return False
            up = up.parent
        return True

    def shown_text(self) -> str:
        """The text of every row listed open, one row after another (what the user can read by scrolling)."""
        return "\n".join(row.text for row in self.outline_model.outline.walk() if self.is_shown(row))


class FilterBar(QWidget):
    """The filter box and sort choice over an evidence list, bound to the state's one ``EvidenceFilter``."""

    def __init__(self, state: AppState | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit()
        self.box.setObjectName("evidenceFilter")
        self.box.setPlaceholderText(wording.FILTER_HINT)
        self.box.setClearButtonEnabled(True)
        self.box.setToolTip(plain_tooltip("Show only the claims whose card or passages hold every word; "
                                          "nation:, source: and status: look at that field only"))
        self.sort = QComboBox()
        self.sort.setObjectName("evidenceSort")
        self.sort.setToolTip("Order of the claims in each nation group")
        for key, label in SORTS.items():
            self.sort.addItem(label, key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.sort)
        self.state = state
        self.typing = QTimer(self)  # typing is applied once the keys pause: one filter for a word, not a key
        self.typing.setSingleShot(True)
        self.typing.setInterval(FILTER_PAUSE_MS)
        if state is not None:
            self.typing.timeout.connect(lambda: state.set_filter(query=self.box.text()))
            self.box.textChanged.connect(self._typed)
            self.sort.currentIndexChanged.connect(lambda i: state.set_filter(sort=self.sort.itemData(i)))
            self._subscriptions = Subscriptions(self)
            self._subscriptions.connect(state.filter_changed, self._follow_state)

    def _typed(self, text: str) -> None:
        """A key in the box: filter when typing pauses; an emptied box shows every claim at once."""
        if text.strip():
            self.typing.start()
        else:
            self.typing.stop()
            self.state.set_filter(query=text)  # type: ignore[union-attr]

    def _follow_state(self, evidence_filter: object) -> None:
        """Show the state's filter (typed in the other panel's box, or reset)."""
        query, sort = evidence_filter.query, evidence_filter.sort  # type: ignore[attr-defined]
        if self.box.text() != query:
            self.box.blockSignals(True)
            self.box.setText(query)
            self.box.blockSignals(False)
        position = self.sort.findData(sort)
        if position != self.sort.currentIndex():
            self.sort.blockSignals(True)
            self.sort.setCurrentIndex(position)
            self.sort.blockSignals(False)

