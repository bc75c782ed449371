"""File > Export…: choose format, resolution, page, title, date and file, then call the rendering layer's export.

The dialog holds no export logic: it gathers options, calls :func:`mapview.render.export.export_map` and reports
what went wrong in a message box. It remembers the last folder and choices in ``QSettings("mapview", "mapview")``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mapview.data.project import Project
from mapview.qt.dayfield import DayField
from mapview.render.export import MAX_DPI, MIN_DPI, PAGE_FORMATS, ExportError, export_map
from mapview.render.layout import parse_size

FORMATS: tuple[tuple[str, str], ...] = (
    ("PNG image (.png)", "png"), ("SVG vector (.svg)", "svg"), ("PDF document (.pdf)", "pdf"),
    ("GeoJSON with styles (.geojson)", "geojson"),
    ("GeoPackage, style inside (.gpkg)", "gpkg"), ("Shapefile with .qml style (.shp)", "shp"),
    ("KML, styled (.kml)", "kml"), ("KMZ, styled (.kmz)", "kmz"), ("FlatGeobuf with .qml style (.fgb)", "fgb"),
)
PAGE_SIZES = ("A4", "A4-landscape", "A3", "A3-landscape")
DEFAULT_NAME = "isf-sectors"
BUSY_DPI = 300  # above this (or for vector pages) show a busy indicator while rendering


class ExportDialog(QDialog):
    """Export options; ``accept()`` exports and closes only when the file was written."""

    def __init__(self, parent: QWidget | None, project: Project, *, as_of: date | None = None,
                 include_undated: bool = True, selected: str | None = None,
                 current_extent: tuple[float, float, float, float] | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self.project = project
        self.selected = selected
        self.current_extent = current_extent
        self.result_path: Path | None = None
        self.settings = settings or QSettings("mapview", "mapview")

        self.format_box = QComboBox()
        for label, fmt in FORMATS:
            self.format_box.addItem(label, fmt)
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(MIN_DPI, MAX_DPI)
        self.dpi_box.setSingleStep(50)
        self.dpi_box.setSuffix(" dpi")
        self.size_box = QComboBox()
        self.size_box.setEditable(True)
        self.size_box.addItems(PAGE_SIZES)
        self.size_box.setToolTip("A4, A4-landscape, A3, A3-landscape, or width x height in mm, e.g. 250x180")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("ISF sectors in Gaza: lead nations named in news reports")
        self.all_dates = QCheckBox("all dates")
        self.date_edit = DayField()  # read whole as YYYY-MM-DD; QDateEdit dropped a typed year
        self.undated_box = QCheckBox("include undated sources")
        self.current_view_box = QCheckBox("the map's current view (as zoomed in the window), not all five sectors")
        self.current_view_box.setEnabled(current_extent is not None)
        # The window's selection is not part of the map's message: outline it only when asked (with a legend entry).
        selected_name = project.sectors.by_id()[selected].name if selected in project.sectors.by_id() else None
        self.outline_box = QCheckBox(f"outline the selected sector ({selected_name})" if selected_name else "")
        self.outline_box.setChecked(False)
        self.outline_box.setVisible(selected_name is not None)
        self.path_edit = QLineEdit()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_path)

        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.all_dates)
        as_of_row.addWidget(self.date_edit)
        as_of_row.addWidget(self.undated_box)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow("Format:", self.format_box)
        form.addRow("Resolution:", self.dpi_box)
        form.addRow("Page size:", self.size_box)
        form.addRow("Title:", self.title_edit)
        form.addRow("As of:", as_of_row)
        form.addRow("Area:", self.current_view_box)
        if selected_name is not None:
            form.addRow("Selection:", self.outline_box)
        form.addRow("File:", path_row)
        form.addRow(buttons)

        self._restore(as_of, include_undated)
        self.all_dates.toggled.connect(self._update_enabled)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._update_enabled()

    # --- settings -------------------------------------------------------------------------------------------
    def _restore(self, as_of: date | None, include_undated: bool) -> None:
        fmt = str(self.settings.value("export/format", "png"))
        index = self.format_box.findData(fmt)
        self.format_box.setCurrentIndex(max(index, 0))
        try:
            dpi = int(self.settings.value("export/dpi", 200))
        except (TypeError, ValueError):
            dpi = 200
        self.dpi_box.setValue(min(max(dpi, MIN_DPI), MAX_DPI))
        self.size_box.setCurrentText(str(self.settings.value("export/size", "A4")))
        self.all_dates.setChecked(as_of is None)
        day = as_of or date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.undated_box.setChecked(include_undated)
        folder = Path(str(self.settings.value("export/folder", str(Path.home()))))
        if not folder.is_dir():
            folder = Path.home()
        self.path_edit.setText(str(folder / f"{DEFAULT_NAME}.{self.fmt}"))

    def _remember(self, path: Path) -> None:
        self.settings.setValue("export/folder", str(path.parent))
        self.settings.setValue("export/format", self.fmt)
        self.settings.setValue("export/dpi", self.dpi_box.value())
        self.settings.setValue("export/size", self.size_box.currentText())
        self.settings.sync()

    # --- fields ---------------------------------------------------------------------------------------------
    @property
    def fmt(self) -> str:
        """The chosen format: png, svg, pdf, or a GIS format (geojson, gpkg, shp, kml, kmz, fgb)."""
        return str(self.format_box.currentData())

    def as_of(self) -> date | None:
        """The chosen day, or None for all dates."""
        if self.all_dates.isChecked():
            return None
        if not self.date_edit.commit():  # a typed day not yet taken: take it now, or say why not
            raise ExportError(self.date_edit.refusal, usage=True)
        qdate = self.date_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _update_enabled(self) -> None:
        page = self.fmt in PAGE_FORMATS  # a GIS file has no page: no size, title, area or outline
        self.dpi_box.setEnabled(self.fmt == "png")
        self.size_box.setEnabled(page)
        self.title_edit.setEnabled(page)
        self.current_view_box.setEnabled(page and self.current_extent is not None)
        self.outline_box.setEnabled(page)
        self.date_edit.setEnabled(not self.all_dates.isChecked())
        self.undated_box.setEnabled(not self.all_dates.isChecked())

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.fmt}")))
        self._update_enabled()

    def choose_path(self) -> None:
        """Ask for the output file with the platform's save dialog."""
        label = self.format_box.currentText()
        chosen, _ = QFileDialog.getSaveFileName(self, "Export map to", self.path_edit.text(), f"{label};;All files (*)")
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != f".{self.fmt}":
                path = path.with_name(path.name + f".{self.fmt}")
            self.path_edit.setText(str(path))

    def output_path(self) -> Path:
        """The output file with the chosen format's suffix."""
        text = self.path_edit.text().strip()
        if not text:
            raise ExportError("choose a file to export to", usage=True)
        path = Path(text).expanduser()
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_name(path.name + f".{self.fmt}")
        return path

    # --- export ---------------------------------------------------------------------------------------------
    def export(self) -> Path:
        """Run the export with the current fields; raises ExportError with a message for the user."""
        path = self.output_path()
        try:
            size = parse_size(self.size_box.currentText() or "A4")
        except ValueError as exc:
            raise ExportError(str(exc), usage=True) from None
        as_of = self.as_of()
        page = self.fmt in PAGE_FORMATS
        busy = None
        if self.fmt in ("svg", "pdf") or self.dpi_box.value() > BUSY_DPI:
            busy = QProgressDialog("Rendering the map…", "", 0, 0, self)
            busy.setCancelButton(None)
            busy.setWindowModality(Qt.WindowModality.WindowModal)
            busy.setMinimumDuration(0)
            busy.show()
            QApplication.processEvents()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_map(self.project, path, fmt=self.fmt, dpi=self.dpi_box.value(), size_mm=size,
                              title=self.title_edit.text().strip() or None, as_of=as_of,
                              include_undated=self.undated_box.isChecked(),
                              selected=self.selected if self.outline_box.isChecked() and page else None,
                              extent=self.current_extent if self.current_view_box.isChecked() and page else None)
        finally:
            QApplication.restoreOverrideCursor()
            if busy is not None:
                busy.close()

    def show_error(self, message: str) -> None:
        """Report a failed export (a separate method so tests can capture it)."""
        box = QMessageBox(QMessageBox.Icon.Critical, "Export failed", message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def accept(self) -> None:
        """Export; close only on success, otherwise show why and stay open."""
        try:
            path = self.export()
        except ExportError as exc:
            self.show_error(str(exc))
            return
        except (OSError, ValueError, RuntimeError, MemoryError) as exc:
            self.show_error(f"The export failed: {exc}")
            return
        self.result_path = path
        self._remember(path)
        super().accept()


def open_export_dialog(parent: QWidget | None, project: Project, *, as_of: date | None = None,
                       include_undated: bool = True, selected: str | None = None,
                       current_extent: tuple[float, float, float, float] | None = None) -> Path | None:
    """Show the export dialog modally; the written file, or None when cancelled."""
    dialog = ExportDialog(parent, project, as_of=as_of, include_undated=include_undated, selected=selected,
                          current_extent=current_extent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_path
    return None
