"""The main window: the map in the middle, evidence, source, nations and problems docks, wired by signals.

The window holds no rules and no copies of the state: it creates one ``AppState`` (``mapview.state``) and hands it
to the canvas and the panels, which subscribe to it. Its own commands only change the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QChildEvent, QDate, QEvent, QMimeData, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QImage, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mapview import keymap, wording
from mapview.data.assignments import AssignmentView
from mapview.data.claims import Evidence
from mapview.data.problems import Problem
from mapview.data.project import Project, load_project
from mapview.procstats import heap_settled, settle_heap
from mapview.qt.dayfield import DayField
from mapview.qt.errors import ErrorRoute
from mapview.qt.fontcheck import font_problems
from mapview.qt.mapcanvas import MapCanvas
from mapview.qt.panels.evidence import EvidencePanel
from mapview.qt.panels.nations import NationsPanel
from mapview.qt.panels.problems import ProblemsPanel
from mapview.qt.panels.proposals import IngestSummary, ProposalsController, ProposalsPanel, proposal_heading
from mapview.qt.panels.source_view import SourceView
from mapview.qt.plaintext import plain_tooltip
from mapview.qt.subscriptions import Subscriptions
from mapview.qt.theme import STYLE_SHEET
from mapview.render.mapfigure import credits
from mapview.state import NATION, SECTOR, AppState, ClosedPassage, OpenPassage, ReadingSpan, north_to_south

if TYPE_CHECKING:
    from mapview.qt.panels.retired import RetiredDialog
    from mapview.qt.paste_dialog import PasteArticleDialog
from mapview.data.claimedit import EditError
from mapview.data.lock import ProjectBusy, project_lock
from mapview.qt.claim_dialog import ClaimPickDialog, NewClaimDialog
from mapview.qt.undo import DecisionCommand, changed_files, decision_files, read_files

APP_TITLE = "ISF sectors in Gaza"  # the platform adds the application name: "ISF sectors in Gaza — mapview"
LAYOUT_VERSION = 1  # bump when docks are added or renamed: an older saved layout is then ignored
FIRST_SIZE = (1500, 940)  # the first window's size when the screen has room for it
SCREEN_SHARE = 0.92  # at most this share of the available screen, so the window never opens off-screen
FRAME_ALLOWANCE = 40  # logical pixels a window manager's title bar and borders may add around the window
COMPACT_BELOW = (1200, 820)  # a screen narrower or lower than this (logical pixels): Problems joins the right tabs
TABBED_BELOW_HEIGHT = 620  # lower still: the Source view too, one tab group beside the map
COMPACT_MAP_MIN = 240  # the map's least size on a compact screen (320 otherwise)
UNDO_LIMIT = 100  # decisions kept for Undo; each keeps its changed files' bytes twice (a large claims file adds up)
COMPACT_PANE_HEIGHT = 240  # on a compact screen, a pane that needs more height than this scrolls instead


def about_text(project: Project) -> str:
    """The Help ▸ About text: what the map shows, data sources and licences."""
    return (
        "mapview shows the International Stabilization Force (ISF) sectors in Gaza, coloured by the nation that "
        "news reports name as each sector's lead. Every colour traces to verbatim passages of the source "
        "articles: click a sector to read them.\n\n"
        f"{project.sectors.note}\n\n"
        "Data sources and licences:\n"
        f"• Sector boundaries: {project.sectors.credit} (Creative Commons Attribution 4.0).\n"
        "• Background land and borders: Natural Earth, public domain. Made with Natural Earth.\n"
        "• Source articles: the texts in the seeds folder, quoted verbatim for reference.\n\n"
        "Nothing is loaded from the network, except the pages and feeds you ask for (File ▸ Add from URL…, "
        "Check feeds)."
    )




# The panes F6 / Ctrl+Tab walk through, in order, and what Help and the View menu call them.
PANE_LABELS = {"map": "map", "evidence": "evidence", "nations": "nations", "proposals": "proposals",
               "changes": "changes", "source": "source view", "problems": "problems", "filter": "filter"}
GO_TO_KEYS = ("map", "evidence", "nations", "proposals", "source", "problems")  # Ctrl+1…6 (Ctrl+7: Changes)

ARTICLE_FILE_FILTER = ("Articles (*.html *.htm *.pdf *.txt *.md);;Saved web pages (*.html *.htm);;PDF (*.pdf);;"
                       "Text (*.txt *.md);;All files (*)")


COPY_DPI = 200
DialogT = TypeVar("DialogT", bound=QDialog)
SAVE_VIEW_MS = 800  # a zoom or pan is remembered once the map has been still this long


class MainWindow(QMainWindow):
    """The desktop window for one loaded project."""

    def __init__(self, project: Project, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings("mapview", "mapview")
        self.state = AppState(project)
        self.setWindowTitle(APP_TITLE)
        self.setStyleSheet(STYLE_SHEET)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.canvas = MapCanvas(self.state, self)
        self._view_moved = False
        self._save_view_timer = QTimer(self)
        self._save_view_timer.setSingleShot(True)
        self._save_view_timer.setInterval(SAVE_VIEW_MS)
        self._save_view_timer.timeout.connect(self.save_view)
        self.canvas.viewMoved.connect(self._on_view_moved)
        self.attribution = QLabel()  # under the map, wrapped: always whole, whatever the window's width
        self.attribution.setTextFormat(Qt.TextFormat.PlainText)
        self.attribution.setObjectName("attribution")
        self.attribution.setWordWrap(True)
        # Its one-line width must not claim room from the docks: it wraps to whatever width the map gets.
        self.attribution.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.attribution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(2)
        central_layout.addWidget(self.canvas, 1)
        central_layout.addWidget(self.attribution)
        self.setCentralWidget(central)
        self.evidence = EvidencePanel(self.state)
        self.source_view = SourceView(self.state)
        self.nations = NationsPanel(self.state)
        self.problems = ProblemsPanel()
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.evidence_dock = self._dock("Evidence", self.evidence, Qt.DockWidgetArea.RightDockWidgetArea)
        self.source_dock = self._dock("Source", self.source_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.evidence_dock, self.source_dock, Qt.Orientation.Vertical)
        self.nations_dock = self._dock("Nations", self.nations, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.evidence_dock, self.nations_dock)
        self.proposals = ProposalsPanel()
        self.proposals_dock = self._dock("Proposals", self.proposals, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.evidence_dock, self.proposals_dock)
        self.evidence_dock.raise_()
        self.problems_dock = self._dock("Problems", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.evidence_dock], [560], Qt.Orientation.Horizontal)
        self.resizeDocks([self.evidence_dock, self.source_dock], [520, 380], Qt.Orientation.Vertical)
        self.resizeDocks([self.problems_dock], [90], Qt.Orientation.Vertical)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        self.canvas.sectorClicked.connect(self.select_sector)
        self.canvas.sectorHovered.connect(self._on_hover)
        self.canvas.stepRequested.connect(self.step_selection)
        self.evidence.passageActivated.connect(lambda evidence: self.state.open(evidence, SECTOR))
        self.nations.passageActivated.connect(lambda evidence: self.state.open(evidence, NATION))
        self.review = ProposalsController(self.proposals, project, self)
        self.proposals_dock.setWindowTitle(self.proposals.title())
        self.review.titleChanged.connect(self.proposals_dock.setWindowTitle)
        self.review.projectChanged.connect(self.reload_project)
        self.review.decision = self.decision  # accept and reject join the one undo stack
        self.proposals.mentionOpenRequested.connect(self.open_mention)
        self.proposals.passageOpenRequested.connect(self.open_proposed_passage)
        from mapview.qt.keepcurrent import KeepCurrent  # issue 25: the Changes dock, Add from URL, Check feeds

        self.keep_current = KeepCurrent(self)
        self.setAcceptDrops(True)

        self.internal_errors: list[Problem] = []
        self.font_problems: list[Problem] = []  # scripts no installed font shows (mapview/qt/fontcheck.py)
        self.retired_dialog: RetiredDialog | None = None
        self.error_route = ErrorRoute(self, self.add_problem)  # installed by run_app (and by tests that need it)
        self._subscriptions = Subscriptions(self)
        self._subscriptions.connect(self.state.project_changed, self._on_project)
        self._subscriptions.connect(self.state.view_changed, self._on_view)
        self._subscriptions.connect(self.state.selected_changed, self._on_selected)
        self._subscriptions.connect(self.state.passage_changed, self._on_passage)
        self._show_project_facts(project)
        self.restore_layout()
        self.canvas.setFocus()

    # ----- the state, read through ---------------------------------------------------------------------------

    @property
    def project(self) -> Project:
        """The loaded project (held by the state)."""
        return self.state.project

    @property
    def view(self) -> AssignmentView:
        """The derived view shown (held by the state)."""
        return self.state.view

    @property
    def as_of(self) -> date | None:
        """The as-of day (None: all dates)."""
        return self.state.as_of

    @property
    def selected(self) -> str | None:
        """The selected sector's id, or None."""
        return self.state.selected

    # ----- size and layout -----------------------------------------------------------------------------------

    def _layout_key(self, name: str) -> str:
        """Where a remembered size or dock layout is kept: per scale factor, since a layout that fitted a screen at
        one scale can be taller than the same screen at another."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        return f"window/scale-{ratio:g}/{name}"

    def place_on_screen(self) -> None:
        """Give the window its remembered size and place, or, the first time at this scale, a layout and a size
        that fit the screen."""
        geometry = self.settings.value(self._layout_key("geometry"))
        if geometry is not None and self.layout_restored and self.restoreGeometry(geometry):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        width, height = FIRST_SIZE
        if available is not None:
            width = min(width, int(available.width() * SCREEN_SHARE))
            height = min(height, int(available.height() * SCREEN_SHARE), available.height() - FRAME_ALLOWANCE)
        self.resize(width, height)
        if available is not None:
            if not self.layout_restored:  # after the resize: the docks are sized within the window's own size
                self.fit_to(available.width(), available.height())
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft())

    def fit_to(self, width: int, height: int) -> None:
        """Arrange the docks for a screen of ``width`` x ``height`` logical pixels: on a small one Problems joins
        the tabs beside the map (and, lower still, the Source view too) and the map may shrink further, so the
        least window fits; the window raises the Source tab when a passage opens, the Evidence tab on a click.
        On a large one: Source below the tabs, Problems under the map (the first layout)."""
        compact = width < COMPACT_BELOW[0] or height < COMPACT_BELOW[1]
        side = 560 if not compact else max(300, int(width * 0.45))
        if not compact:
            self.canvas.setMinimumSize(320, 320)
            self._source_below()
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
            self.resizeDocks([self.evidence_dock, self.source_dock], [520, 380], Qt.Orientation.Vertical)
            self.resizeDocks([self.problems_dock], [90], Qt.Orientation.Vertical)
        else:
            self.canvas.setMinimumSize(COMPACT_MAP_MIN, COMPACT_MAP_MIN)
            for dock in self.findChildren(QDockWidget):  # a tall pane scrolls rather than squeeze the others
                inner = dock.widget()
                if inner is not None and not isinstance(inner, QScrollArea) and \
                        inner.minimumSizeHint().height() > COMPACT_PANE_HEIGHT:
                    scroller = QScrollArea()
                    scroller.setWidgetResizable(True)
                    scroller.setFrameShape(QScrollArea.Shape.NoFrame)
                    scroller.setMinimumHeight(COMPACT_PANE_HEIGHT)
                    dock.setWidget(scroller)
                    scroller.setWidget(inner)
            self.tabifyDockWidget(self.proposals_dock, self.problems_dock)
            if height < TABBED_BELOW_HEIGHT:
                self.tabifyDockWidget(self.problems_dock, self.source_dock)
            else:  # the article gets as much height as the list of its passages
                self._source_below()
                self.resizeDocks([self.evidence_dock, self.source_dock], [height // 2, height // 2],
                                 Qt.Orientation.Vertical)
        self.evidence_dock.raise_()
        self.resizeDocks([self.evidence_dock], [side], Qt.Orientation.Horizontal)
        self.layout().activate()  # now, not at the next event: a caller may measure or draw at once

    def _source_below(self) -> None:
        """The Source view below the tabs on the right, not one of them (splitting off a tabbed dock would only add
        another tab)."""
        if self.tabifiedDockWidgets(self.source_dock) or self.dockWidgetArea(self.source_dock) != \
                Qt.DockWidgetArea.RightDockWidgetArea:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.source_dock, Qt.Orientation.Vertical)
            self.source_dock.show()

    def restore_layout(self) -> None:
        """Put the docks back where the user left them (their sizes, tabs, floating or closed) at this scale."""
        state = self.settings.value(self._layout_key("state"))
        self.layout_restored = state is not None and self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        """Remember the window's size and place and the docks' layout (for this scale) for the next start."""
        self.settings.setValue(self._layout_key("geometry"), self.saveGeometry())
        self.settings.setValue(self._layout_key("state"), self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    def _on_view_moved(self) -> None:
        self._view_moved = True
        self._save_view_timer.start()

    def save_view(self) -> None:
        """Remember the map area for ``export --extent current`` (after a zoom or pan settles, and on close)."""
        self._save_view_timer.stop()
        if not self._view_moved:
            return
        from mapview.data.viewfile import save_view_extent

        try:
            save_view_extent(self.project.paths.claims, self.current_extent())
            self._view_moved = False
        except (OSError, TimeoutError) as exc:  # a read-only home or a stuck lock: the window goes on
            self.statusBar().showMessage(f"The map view was not saved for export --extent current: {exc}", 8000)

    def childEvent(self, event: QChildEvent) -> None:  # noqa: N802 (Qt override)
        """Tabbed panes show their whole titles: QMainWindow makes a tab bar for each group of tabbed docks (and
        remakes them when the layout changes) with titles cut to "Evid…" on a small screen; scroll arrows instead."""
        super().childEvent(event)
        child = event.child()
        if event.type() == QEvent.Type.ChildPolished and isinstance(child, QTabBar):
            child.setElideMode(Qt.TextElideMode.ElideNone)
            child.setUsesScrollButtons(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Remember the layout and unsubscribe every view from the state: a closed window reacts to nothing."""
        self.save_view()
        self.save_layout()
        for subscriptions in self.findChildren(Subscriptions):
            subscriptions.disconnect_all()
        self.error_route.uninstall()
        super().closeEvent(event)

    def add_problem(self, problem: Problem) -> None:
        """List a problem found while the window runs (an unexpected error) below the project's own."""
        self.internal_errors.append(problem)
        self._show_problems(self.project)

    # ----- construction --------------------------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.lower() + "Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, name: str, tip: str = "", on: QWidget | None = None) -> QAction:
        """A window action with its keys from the one key table (``mapview.keymap``); ``on``: a pane whose keys
        these are (they work while that pane has the keyboard)."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keymap.shortcuts(name)])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        if on is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            on.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.export_action = self._action("&Export…", self.export, "export", "Export the map (PNG, SVG, PDF, GeoJSON)")
        self.copy_map_action = self._action("&Copy map", self.copy_map, "copy_map",
                                            "Copy the map page (as the PNG export: legend, scale, attribution)")
        self.add_article_action = self._action("&Add article…", self.add_articles_from_dialog, "add_article",
                                               "Propose claims from saved web pages, PDFs or text files, "
                                               "for review (or drop the files on the window)")
        self.reload_action = self._action("Re&load project", self.reload_from_disk, "reload",
                                          "Read the claims, proposals and articles again from disk")
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._known_files = read_files(decision_files(self.project.paths))  # as the undo stack last saw them
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(k) for k in keymap.shortcuts("undo")])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(k) for k in keymap.shortcuts("redo")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.new_claim_action = self._action("&New claim from selection…", self.new_claim_from_selection, "new_claim",
                                             "Make a claim from the words selected in the Source view")
        self.add_passage_action = self._action("&Add selection as passage to…", self.add_selection_as_passage,
                                               "add_passage", "Add the selected words as a passage of an existing "
                                                              "claim")
        self.edit_claim_action = self._action("&Edit claim of the open passage…", self.edit_open_claim, "edit_claim",
                                              "Change the nation, sector, role or note of a claim")
        self.disagree_action = self._action("&Mark as disagreeing with…", self.mark_disagreement, "disagree",
                                            "Record that the open passage's claim and another disagree")
        self.retire_claim_action = self._action("&Retire claim of the open passage…", self.retire_open_claim_dialog,
                                                "retire_claim",
                                                "Retire the claim whose passage is open (kept, with a reason)")
        self.retired_action = self._action("Re&tired claims…", self.show_retired, "retired",
                                           "List the retired claims with their reason and date; restore one")
        self.paste_article_action = self._action("&Paste article…", self.paste_article, "paste_article",
                                                 "Add the article text on the clipboard, with its URL, outlet "
                                                 "and date")
        self.quit_action = self._action("&Quit", self.close, "quit")
        self.zoom_in_action = self._action("Zoom &in", self.canvas.zoom_in, "zoom_in", "Zoom in")
        self.zoom_out_action = self._action("Zoom &out", self.canvas.zoom_out, "zoom_out", "Zoom out")
        self.zoom_all_action = self._action("Zoom to &all", self.canvas.zoom_to_all, "zoom_all",
                                            "Fit all five sectors in the view")
        self.reset_action = self._action("&Reset view", self.reset_view, "reset",
                                         "Zoom to all, all dates, no selection, no nation emphasised")
        self.as_of_action = self._action("Sources &as of…", self.focus_as_of, "as_of",
                                         "Go to the 'Sources as of' day (Space turns 'All dates' on or off)")
        self.clear_action = self._action("&Clear selection", lambda: self.select_sector(None), "clear_selection")
        self.next_action = self._action("&Next sector (southward)", lambda: self.step_selection(+1), "next_sector")
        self.prev_action = self._action("&Previous sector (northward)", lambda: self.step_selection(-1),
                                        "previous_sector")
        self.next_pane_action = self._action("Next &pane", lambda: self.cycle_pane(+1), "next_pane",
                                             "Move the keyboard to the next pane")
        self.previous_pane_action = self._action("Previous pa&ne", lambda: self.cycle_pane(-1), "previous_pane",
                                                 "Move the keyboard to the previous pane")
        self.find_action = self._action("&Filter claims", self.focus_filter, "find",
                                        "Type words to show only the claims that hold them")
        self.pane_actions = [self._action(f"Go to the {PANE_LABELS[name]}", lambda _=False, n=name: self.go_to_pane(n),
                                          f"pane_{name}") for name in GO_TO_KEYS]
        self.accept_proposal_action = self._action("&Accept proposal", self.proposals.accept_button.click,
                                                   "accept_proposal", "Accept the chosen proposal", self.proposals)
        self.edit_proposal_action = self._action("&Edit and accept proposal…", self.proposals.edit_button.click,
                                                 "edit_proposal", "Edit the chosen proposal, then accept it",
                                                 self.proposals)
        self.reject_proposal_action = self._action("&Reject proposal", self.proposals.reject_button.click,
                                                   "reject_proposal", "Reject the chosen proposal", self.proposals)
        self.about_action = self._action("&About mapview and its data", self.show_about, "about")
        self.keys_action = self._action("&Keyboard", self.show_keys, "keys")

    def _build_toolbar(self) -> None:
        bar = QToolBar("Map", self)
        bar.setObjectName("mapToolbar")
        bar.setMovable(False)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_all_action, self.reset_action):
            bar.addAction(action)
        bar.addSeparator()
        label = QLabel(" Sources as of: ")
        bar.addWidget(label)
        self.all_dates = QCheckBox("All dates")
        self.all_dates.setChecked(True)
        self.all_dates.setToolTip("Use every source, whatever its date")
        self.as_of_edit = DayField()
        self.as_of_edit.setEnabled(False)
        self.as_of_edit.setToolTip("Use only sources published on or before this day (undated sources stay, "
                                   "marked 'undated'; approximate dates count from their earliest day)")
        self.as_of_edit.rejected.connect(lambda reason: self.statusBar().showMessage(reason, 10000))
        self.all_dates.toggled.connect(self._on_as_of_controls)
        self.as_of_edit.dateChanged.connect(self._on_as_of_controls)
        bar.addWidget(self.all_dates)
        bar.addWidget(self.as_of_edit)
        bar.addSeparator()
        bar.addAction(self.export_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.add_article_action)
        file_menu.addAction(self.paste_article_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.copy_map_action)
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.new_claim_action, self.add_passage_action, self.edit_claim_action, self.disagree_action,
                       self.retire_claim_action, self.retired_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.accept_proposal_action, self.edit_proposal_action, self.reject_proposal_action):
            edit_menu.addAction(action)
        self.source_view.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.source_view.text.customContextMenuRequested.connect(self._source_menu)
        view_menu = menu.addMenu("&View")
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_all_action, self.reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in (self.next_action, self.prev_action, self.clear_action, self.as_of_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in (self.next_pane_action, self.previous_pane_action, self.find_action, *self.pane_actions):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for dock in (self.evidence_dock, self.source_dock, self.nations_dock, self.proposals_dock,
                     self.problems_dock):
            view_menu.addAction(dock.toggleViewAction())
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.as_of_label = QLabel()
        self.as_of_label.setTextFormat(Qt.TextFormat.PlainText)
        self.as_of_label.setObjectName("asOfStatus")
        self._update_as_of_label()
        bar.addPermanentWidget(self.as_of_label)

    def _update_as_of_label(self) -> None:
        self.as_of_label.setText(f"Sources: {wording.view_dates_text(self.view)}")

    # ----- the keyboard: panes ------------------------------------------------------------------------------

    def _pane_targets(self) -> dict[str, tuple[QDockWidget | None, list[QWidget]]]:
        """Each pane's dock (None: the map) and the widgets that take the keyboard there, the first shown wins."""
        nations_front = not self.nations_dock.visibleRegion().isEmpty() and self.nations.filter_bar.isVisible()
        filters = [self.nations.filter_bar.box, self.evidence.filter_bar.box] if nations_front else [
            self.evidence.filter_bar.box, self.nations.filter_bar.box]
        return {
            "map": (None, [self.canvas]),
            "evidence": (self.evidence_dock, [self.evidence.list, self.evidence]),
            "nations": (self.nations_dock, [self.nations.list]),
            "proposals": (self.proposals_dock, [self.proposals.list, self.proposals.mentions_list, self.proposals]),
            "changes": (self.keep_current.changes_dock, [self.keep_current.changes.list, self.keep_current.changes]),
            "source": (self.source_dock, [self.source_view.text]),
            "problems": (self.problems_dock, [self.problems.table, self.problems]),
            "filter": (None, filters),
        }

    def current_pane(self) -> str | None:
        """The pane that has the keyboard (None: a toolbar field or nothing)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        if focus in (self.evidence.filter_bar.box, self.nations.filter_bar.box):
            return "filter"
        for name, (dock, widgets) in self._pane_targets().items():
            holder = dock if dock is not None else widgets[0]
            if holder is focus or holder.isAncestorOf(focus):
                return name
        return None

    def go_to_pane(self, name: str) -> bool:
        """Give a pane the keyboard (showing and raising its dock); False when it has nothing to show now."""
        dock, widgets = self._pane_targets()[name]
        if name == "filter":
            shown = [w for w in widgets if w.parentWidget().isVisibleTo(self.window())]
            if not shown:
                self.statusBar().showMessage("Select a sector or a nation first: the filter narrows its claims", 6000)
                return False
            owner = self.nations_dock if shown[0] is self.nations.filter_bar.box else self.evidence_dock
            owner.show()
            owner.raise_()
            widgets = shown
        elif dock is not None:
            dock.show()
            dock.raise_()
        target = next((w for w in widgets if w.isVisibleTo(self)), widgets[-1])
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def cycle_pane(self, delta: int) -> str | None:
        """F6 / Ctrl+Tab (``delta`` +1) and Shift+F6 / Ctrl+Shift+Tab (-1): the next pane that can take the
        keyboard, in the order of ``PANE_LABELS``; the pane reached."""
        names = list(PANE_LABELS)
        now = self.current_pane()
        start = names.index(now) if now in names else (-1 if delta > 0 else 0)
        for step in range(1, len(names) + 1):
            name = names[(start + delta * step) % len(names)]
            if name == "filter" and not (self.evidence.filter_bar.isVisibleTo(self.evidence)
                                         or self.nations.filter_bar.isVisibleTo(self.nations)):
                continue
            if self.go_to_pane(name):
                return name
        return None

    def focus_filter(self) -> None:
        """Ctrl+F: the filter box of the evidence (or nations) list, its words selected for typing over."""
        if self.go_to_pane("filter"):
            box = QApplication.focusWidget()
            if hasattr(box, "selectAll"):
                box.selectAll()

    def focus_as_of(self) -> None:
        """Ctrl+D: the 'All dates' box of 'Sources as of' (Space turns it off, Tab reaches the day)."""
        self.all_dates.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ----- selection -----------------------------------------------------------------------------------------

    def select_sector(self, sector_id: str | None) -> None:
        """Select a sector (None clears): the map outlines it and the evidence panel shows it."""
        self.state.select(sector_id)

    def step_selection(self, delta: int) -> None:
        """Move the selection ``delta`` sectors north→south (wrapping); from nothing, start at either end."""
        order = north_to_south(self.view)
        if not order:
            return
        if self.selected not in order:
            self.select_sector(order[0] if delta > 0 else order[-1])
            return
        self.select_sector(order[(order.index(self.selected) + delta) % len(order)])

    def _on_hover(self, sector_id: str | None) -> None:
        sv = self.canvas.sector_view(sector_id)  # the sector as the map draws it
        if sv is None:
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(wording.sector_caption(sv))

    def _on_selected(self, sector_id: str | None) -> None:
        if sector_id is not None:
            self.evidence_dock.raise_()

    def _on_passage(self, passage: OpenPassage | ReadingSpan | ClosedPassage | None) -> None:
        if isinstance(passage, OpenPassage | ReadingSpan):
            self.source_dock.show()
            self.source_dock.raise_()

    def open_passage(self, evidence: Evidence) -> None:
        """Open a passage listed in the selected sector's evidence in its article."""
        self.state.open(evidence, SECTOR)

    # ----- as of ---------------------------------------------------------------------------------------------

    def _on_as_of_controls(self, *_args: object) -> None:
        self.as_of_edit.setEnabled(not self.all_dates.isChecked())
        self.set_as_of(None if self.all_dates.isChecked() else self.as_of_edit.date().toPython())

    def set_as_of(self, as_of: date | None) -> None:
        """Use only sources published on or before ``as_of`` (None: all dates)."""
        self.state.set_as_of(as_of)

    def _on_view(self, view: AssignmentView) -> None:
        """The as-of controls and the status line follow the state (set from here, a reset or a reload)."""
        with QSignalBlocker(self.all_dates), QSignalBlocker(self.as_of_edit):
            self.all_dates.setChecked(view.as_of is None)
            self.as_of_edit.setEnabled(view.as_of is not None)
            if view.as_of is not None:
                self.as_of_edit.setDate(QDate(view.as_of.year, view.as_of.month, view.as_of.day))
        self._update_as_of_label()
        if self.canvas.hovered is not None:  # the caption under the pointer says what the map now shows
            self._on_hover(self.canvas.hovered)

    def _on_project(self, project: Project) -> None:
        self._show_project_facts(project)
        self.review.set_project(project)

    def _show_project_facts(self, project: Project) -> None:
        self.attribution.setText(f"{credits(project)}  ·  {project.sectors.note}")
        self.attribution.setToolTip(plain_tooltip(about_text(project)))
        self.font_problems = font_problems(project)
        self._show_problems(project)

    def _show_problems(self, project: Project) -> None:
        self.problems.set_problems(project.problems + self.font_problems + self.internal_errors)
        self.problems_dock.setWindowTitle(self.problems.title())
        if self.internal_errors:
            self.problems_dock.show()

    # ----- commands ------------------------------------------------------------------------------------------

    def reset_view(self) -> None:
        """Back to the opening state: all dates, no selection, no emphasis, whole strip in view."""
        self.state.reset()
        self.canvas.zoom_to_all()

    def export(self) -> None:
        """Open the export dialog for the current date and selection."""
        try:
            from mapview.qt.export_dialog import open_export_dialog
        except ImportError as exc:
            QMessageBox.warning(self, "Export", f"Export is not available: {exc}")
            return
        path = open_export_dialog(self, self.project, as_of=self.as_of, include_undated=True,
                                  selected=self.selected, current_extent=self.current_extent())
        self._after_dialog()
        if path is not None:
            self.statusBar().showMessage(f"Exported {path}", 8000)

    # ----- claims made in the window ----------------------------------------------------------------------------

    def _open_claim_dialog(self, dialog: DialogT, on_ok: Callable[[], object]) -> DialogT:
        """Open a claim dialog window-modal (not blocking): OK runs ``on_ok``; the dialog is deleted once closed."""
        dialog.accepted.connect(on_ok)
        dialog.finished.connect(dialog.deleteLater)
        self.claim_dialog = dialog
        dialog.open()
        return dialog

    def new_claim_from_selection(self) -> NewClaimDialog | None:
        """Edit ▸ New claim from selection… (Ctrl+N): the fields for the selected passage (window-modal)."""
        selected = self.source_view.selection()
        if selected is None:
            self.statusBar().showMessage("Select the passage's words in the Source view first", 6000)
            return None
        dialog = NewClaimDialog(self.project, selected[3], self)
        return self._open_claim_dialog(dialog, lambda: self._create_claim(dialog, selected))

    def _create_claim(self, dialog: NewClaimDialog, selected: tuple[str, int, int, str]) -> None:
        from mapview.data.claimedit import add_claim, new_claim, passage_from_selection, remove_claim

        source_id, start, end, words = selected
        try:
            passage = passage_from_selection(self.project.paths, source_id, start, end, words)
            raw = new_claim(dialog.fields(), passage, {c.id for c in self.project.claims.claims})
        except EditError as exc:
            self.last_edit_error = str(exc)
            self._message("New claim", f"No claim was made: {exc}")
            return
        if not self._push_edit(f"new claim {raw['id']}", add_claim(raw), remove_claim(raw["id"]), raw["id"],
                               "New claim"):
            return
        self.statusBar().showMessage(f"Claim {raw['id']} made; Edit ▸ Undo takes it back", 8000)

    @contextmanager
    def decision(self, text: str, inverse=None, again=None, claim_id: str | None = None) -> Iterator[None]:
        """Around a decision that writes the project's files: what they held before and after becomes one entry
        of the undo stack (nothing is recorded when the block raises or changes nothing).

        The files are read before and after under the project's lock, held for the whole block: another process's
        write can then never fall between the two reads and be taken for part of this decision (an undo would
        write it away)."""
        paths = self.project.paths
        with project_lock(paths):
            before = read_files(decision_files(paths))
            yield
            after = read_files(list(dict.fromkeys([*before, *decision_files(paths)])))
            old, new = changed_files(before, after)
            self._known_files = read_files(decision_files(paths))  # the stack knows them as they are now
        if new:
            self.undo_stack.push(DecisionCommand(text, paths, old, new, self._reload_after_undo, self._edit_failed,
                                                 inverse, again, claim_id))

    def _reload_after_undo(self) -> None:
        """An undo or redo wrote the decision files: the stack knows them, then the project is loaded again."""
        self._known_files = read_files(decision_files(self.project.paths))
        self.reload_project()

    def _source_menu(self, pos) -> None:
        menu = self.source_view.text.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.new_claim_action)
        menu.addAction(self.add_passage_action)
        menu.exec(self.source_view.text.mapToGlobal(pos))

    def _open_claim(self):
        """The claim listing the open passage (matched by record, not by words), or None."""
        passage = self.state.open_passage
        listed = [c for sv in self.state.view.sectors for c in sv.claims] + list(self.state.view.force)
        return next((c for c in listed if passage is not None and any(e is passage.evidence for e in c.evidence)),
                    None)

    def _push_edit(self, text: str, do, undo, claim_id: str | None = None, title: str = "Claims") -> bool:
        """Make a claims edit now, as one entry of the undo stack; False (and a message) when it cannot be made."""
        from mapview.data.claimedit import apply_edit

        try:
            with self.decision(text, undo, do, claim_id):
                apply_edit(self.project.paths, do)
        except (EditError, ProjectBusy, OSError) as exc:
            self.last_edit_error = str(exc)
            self._message(title, f"Not changed: {exc}")
            return False
        self.last_edit_error = ""
        self.reload_project()
        return True

    def add_selection_as_passage(self) -> ClaimPickDialog | None:
        """Edit ▸ Add selection as passage to…: pick the claim and who says the words how (window-modal)."""
        selected = self.source_view.selection()
        if selected is None:
            self.statusBar().showMessage("Select the passage's words in the Source view first", 6000)
            return None
        current = self._open_claim()
        dialog = ClaimPickDialog("Add selection as passage to", self.project.claims.claims,
                                 current.id if current else None, True, self)
        return self._open_claim_dialog(dialog, lambda: self._add_passage(dialog, selected))

    def _add_passage(self, dialog: ClaimPickDialog, selected: tuple[str, int, int, str]) -> None:
        from mapview.data.claimedit import add_passage, passage_from_selection, remove_passage

        try:
            passage = passage_from_selection(self.project.paths, *selected)
        except EditError as exc:
            self._message("Add passage", f"Not added: {exc}")
            return
        passage.update(said_by=dialog.said_by.currentData(), manner=dialog.manner.currentData())
        claim_id = dialog.claim.currentData()
        self._push_edit(f"passage for {claim_id}", add_passage(claim_id, passage), remove_passage(claim_id, passage),
                        claim_id)

    def edit_open_claim(self) -> NewClaimDialog | None:
        """Edit ▸ Edit claim of the open passage…: nation, sector, role and note (window-modal)."""
        claim = self._open_claim()
        if claim is None or claim.evidence[0].source is None:
            self.statusBar().showMessage("Open a passage of the claim first", 6000)
            return None
        dialog = NewClaimDialog(self.project, claim.evidence[0].text, self)
        dialog.prefill(claim)
        before = {"nation": claim.nation, "sector": claim.sector, "role": claim.role, "note": claim.note,
                  "figures": dict(claim.figures)}

        def save() -> None:
            from mapview.data.claimedit import set_fields

            f = dialog.fields()
            after = {"nation": f.nation, "sector": f.sector, "role": f.role, "note": f.note, "figures": f.figures}
            if claim.area and f.sector != claim.sector:  # a site between two sectors moved to one sector: no area
                before["area"], after["area"] = list(claim.area), None
            changed = [k for k in after if after[k] != before[k]]
            if not changed:
                self.statusBar().showMessage(f"Nothing changed in {claim.id}", 6000)
                return
            self._push_edit(f"edit {claim.id} ({', '.join(changed)})",
                            set_fields(claim.id, {k: after[k] for k in changed}),
                            set_fields(claim.id, {k: before[k] for k in changed}), claim.id)

        return self._open_claim_dialog(dialog, save)

    def mark_disagreement(self) -> ClaimPickDialog | None:
        """Edit ▸ Mark as disagreeing with…: the open passage's claim and another, with a topic (window-modal)."""
        claim = self._open_claim()
        if claim is None:
            self.statusBar().showMessage("Open a passage of the claim first", 6000)
            return None
        others = [c for c in self.project.claims.claims if c.id != claim.id]
        dialog = ClaimPickDialog(f"{claim.id} disagrees with", others, None, False, self)

        def save() -> None:
            from mapview.data.claimedit import add_disagreement, remove_disagreement

            other = dialog.claim.currentData()
            topic = dialog.topic.text().strip() or f"{claim.id} vs {other}"
            marked = f"marked-{claim.id}-{other}"[:80]
            self._push_edit(f"disagreement {marked}", add_disagreement(marked, topic, [claim.id, other]),
                            remove_disagreement(marked))

        return self._open_claim_dialog(dialog, save)

    def retire_open_claim(self, reason: str) -> str | None:
        """Retire the claim whose passage is open (kept in the file with ``reason`` and the date); its id."""
        from mapview.data.claimedit import retire_claim

        claim = self._open_claim()
        if claim is None or not reason.strip():
            self.statusBar().showMessage("Open a passage of the claim and give a reason to retire it", 6000)
            return None
        done = self._push_edit(f"retire {claim.id}", retire_claim(claim.id, reason.strip()),
                               retire_claim(claim.id, "", retired=False), claim.id)
        if done:
            self.statusBar().showMessage(f"Claim {claim.id} retired ({reason.strip()}); Edit ▸ Retired claims… "
                                         "lists it and can restore it, Edit ▸ Undo takes the retiring back", 10000)
        return claim.id if done else None

    def restore_retired(self, claim_id: str) -> bool:
        """Bring a retired claim back (its history records the restoring), as one entry of the undo stack."""
        from mapview.data.claimedit import retire_claim

        claim = self.project.claims.by_id().get(claim_id)
        reason = claim.retired.get("reason", "") if claim is not None and isinstance(claim.retired, dict) else ""
        done = self._push_edit(f"restore {claim_id}", retire_claim(claim_id, "", retired=False),
                               retire_claim(claim_id, reason or "restored by mistake"), claim_id)
        if done:
            self.statusBar().showMessage(f"Claim {claim_id} restored; Edit ▸ Undo retires it again", 8000)
        return done

    def retire_open_claim_dialog(self) -> None:
        """Edit ▸ Retire claim of the open passage…: ask the reason, then retire."""
        reason, ok = QInputDialog.getText(self, "Retire claim", "Why is this claim retired? (kept in its history)")
        if ok:
            self.retire_open_claim(reason)

    def _edit_failed(self, message: str) -> None:
        self.last_edit_error = message
        self.statusBar().showMessage(message, 10000)

    def current_extent(self) -> tuple[float, float, float, float]:
        """The map's area as shown now: (minx, miny, maxx, maxy) in degrees."""
        (x0, x1), (y0, y1) = self.canvas.ax.get_xlim(), self.canvas.ax.get_ylim()
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

    def copy_map(self) -> QImage:
        """File ▸ Copy map (Ctrl+Shift+C): the map page as the PNG export draws it (A4, 200 dpi), onto the clipboard."""
        from mapview.render.export import ExportOptions, render_page_bytes

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            png = render_page_bytes(self.project, self.state.view, ExportOptions("png", COPY_DPI,
                                                                                 generated=date.today()))
        finally:
            QApplication.restoreOverrideCursor()
        image = QImage.fromData(png, "PNG")
        mime = QMimeData()
        mime.setImageData(image)
        mime.setData("image/png", QByteArray(png))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(f"Map copied to the clipboard (A4 page, {COPY_DPI} dpi)", 6000)
        return image

    def _message(self, title: str, text: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setIcon(QMessageBox.Icon.Information)
        box.exec()
        self._after_dialog()

    def _after_dialog(self) -> None:
        """Take the keyboard back once a dialog has closed, so Escape, Tab and the arrows work on the map again.

        Without a window manager (or with one that does not re-activate the parent) no window is active after a
        modal dialog closes, and window shortcuts such as Escape go nowhere.
        """
        self.activateWindow()
        self.raise_()
        self.canvas.setFocus()

    def show_about(self) -> None:
        """Help ▸ About: data sources and licences."""
        self._message("About mapview", about_text(self.project))

    def show_keys(self) -> None:
        """Help ▸ Keyboard (F1): every key, from the one key table."""
        self._message("Keyboard", keymap.keyboard_text())

    # ----- review --------------------------------------------------------------------------------------------

    def reload_project(self) -> None:
        """Load the project's files again (claims, sources changed on disk); every view follows the state. When
        the decision files are not as the undo stack last knew them (an article added here, in another window
        or from a feed), what was undone can no longer be redone over them: Redo is cleared."""
        now = read_files(decision_files(self.project.paths))
        if now != self._known_files:
            self._drop_redo()
            self._known_files = now
        self.state.set_project(load_project(self.project.paths))
        if heap_settled():  # the running application: keep the new project out of the collector's way too
            settle_heap(collect=True)

    def _drop_redo(self) -> None:
        """The files changed by something that is not a decision (an added article): what was undone can no longer
        be redone on top of it, so Redo offers nothing; Undo keeps its entries (each refuses if its files moved)."""
        if not self.undo_stack.canRedo():
            return
        kept = [self.undo_stack.command(i) for i in range(self.undo_stack.index())]
        copies = [DecisionCommand(c.text(), c.paths, c.before, c.after, c.reload, c.report, c.inverse, c.again,
                                  c.claim_id) for c in kept if isinstance(c, DecisionCommand)]
        self.undo_stack.clear()
        for command in copies:
            self.undo_stack.push(command)  # the first redo of a command is a no-op: nothing is written again

    def reload_from_disk(self) -> None:
        """File ▸ Reload project (F5): read every file again. What another program changed is not in the undo
        history, so the history is dropped: an undo must never write back over it."""
        self.undo_stack.clear()
        self.reload_project()
        self.statusBar().showMessage("Project reloaded from disk; the undo history was cleared", 6000)

    def show_retired(self) -> RetiredDialog:
        """Edit ▸ Retired claims… (Ctrl+Shift+R): the retired claims with their reason and date; restore one. Not
        modal: the map and lists follow what is restored."""
        from mapview.qt.panels.retired import RetiredDialog

        if self.retired_dialog is None:
            self.retired_dialog = RetiredDialog(self.state, self.restore_retired, self)
        self.retired_dialog.refresh()
        self.retired_dialog.show()
        self.retired_dialog.raise_()
        self.retired_dialog.activateWindow()
        self.retired_dialog.list.setFocus()
        return self.retired_dialog

    def add_articles(self, files: list[Path]) -> IngestSummary:
        """Ingest article files (copy into the seeds, propose claims) and show the proposals for review."""
        summary = self.review.add_articles([Path(f) for f in files])
        self.proposals_dock.show()
        self.proposals_dock.raise_()
        self.statusBar().showMessage(summary.text() if summary.error else
                                     f"{summary.added} proposal(s) added for review", 8000)
        return summary

    def add_articles_from_dialog(self) -> None:
        """File ▸ Add article…: choose saved pages, PDFs or text files, ingest them, report what happened."""
        files, _ = QFileDialog.getOpenFileNames(self, "Add article", "", ARTICLE_FILE_FILTER)
        self._after_dialog()
        if files:
            self._message("Add article", self.add_articles([Path(f) for f in files]).text())

    def paste_article(self) -> PasteArticleDialog:
        """File ▸ Paste article…: the clipboard's article with optional URL, outlet and date (window-modal); a
        clipboard holding only a web address opens Add from URL instead."""
        from mapview.qt.paste_dialog import PasteArticleDialog  # ingest code loads on first use, not at start-up

        if self.keep_current.clipboard_addresses():
            return self.keep_current.add_from_url()

        dialog = PasteArticleDialog(self)
        dialog.accepted.connect(lambda: self._add_pasted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.paste_dialog = dialog
        dialog.open()
        return dialog

    def _add_pasted(self, dialog: PasteArticleDialog) -> None:
        record = dialog.accepted_record
        if record is not None:
            summary = self.review.add_records([record])
            self.proposals_dock.show()
            self.proposals_dock.raise_()
            self.statusBar().showMessage(summary.text(), 8000)
            self.last_ingest = summary

    def open_mention(self, mention: dict) -> None:
        """Open an unclassified mention in the Source view, its sentence selected, ready to become a claim."""
        self.state.read(str(mention["source"]), int(mention["start"]), int(mention["end"]),
                        wording.mention_note(list(mention.get("sectors", [])), list(mention.get("nations", [])),
                                             {s.id: s.name for s in self.project.sectors.sectors}))

    def open_proposed_passage(self, passage, proposal) -> None:
        """Open a proposal's passage in its article (highlighted, the sentences around it in view) before the
        reviewer decides; the note says what is proposed and that it is not yet a claim."""
        names = {s.id: s.name for s in self.project.sectors.sectors}
        self.state.read(passage.source, passage.anchor.start, passage.anchor.end,
                        wording.proposal_note(proposal_heading(proposal, names)))

    @staticmethod
    def _dropped_files(event) -> list[Path]:
        from mapview.ingest.formats import SUPPORTED_SUFFIXES  # on first use, not at start-up

        urls = event.mimeData().urls() if event.mimeData() is not None else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()
                and Path(u.toLocalFile()).suffix.lower() in SUPPORTED_SUFFIXES]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Accept dragged saved pages, PDFs and text files."""
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Dropped files are added like File ▸ Add article…."""
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.last_ingest = self.add_articles(files)
