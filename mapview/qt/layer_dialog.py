"""Ask which layer of a GIS sectors file holds the sectors, and which fields hold their id and name, when the file
does not say (several layers, or no field named like an id or a name). The flags ``--sectors-layer``,
``--sectors-id-field`` and ``--sectors-name-field`` answer the same questions without a window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from mapview.data.gisread import LayerChoice, LayerOptions, choice_needed, layer_options
from mapview.data.project import ProjectPaths

NO_FIELD = "(none)"


class LayerDialog(QDialog):
    """The layer and the id and name fields of a GIS sectors file; the fields follow the chosen layer."""

    def __init__(self, path: Path, choice: LayerChoice | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        choice = choice or LayerChoice()
        self.setWindowTitle("Choose the sectors layer")
        self.setMinimumWidth(460)
        options = layer_options(self.path, choice.layer)
        note = QLabel(f"{self.path.name} has {len(options.layers)} layer(s). Choose the layer that holds the "
                      "sectors, and the fields that hold each sector's id and name (an id is made from the name "
                      "when there is no id field).")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.layer = QComboBox()
        self.layer.addItems(list(options.layers))
        if choice.layer in options.layers:
            self.layer.setCurrentText(choice.layer)
        self.id_field = QComboBox()
        self.name_field = QComboBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill_fields(choice, options)  # the layer shown is the one ``options`` was read for
        self.layer.currentTextChanged.connect(lambda _text: self._fill_fields(LayerChoice()))
        form = QFormLayout()
        form.addRow("Layer", self.layer)
        form.addRow("Sector id field", self.id_field)
        form.addRow("Sector name field", self.name_field)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _fill_fields(self, choice: LayerChoice, options: LayerOptions | None = None) -> None:
        """The field boxes for the chosen layer (read from the file unless ``options`` already holds them)."""
        options = options or layer_options(self.path, self.layer.currentText() or None)
        for combo, wanted in ((self.id_field, choice.id_field or options.id_guess),
                              (self.name_field, choice.name_field or options.name_guess)):
            combo.clear()
            combo.addItem(NO_FIELD, None)
            for name in options.fields:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted else 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(options.fields))

    def choice(self) -> LayerChoice:
        """The layer and fields chosen."""
        return LayerChoice(self.layer.currentText() or None, self.id_field.currentData(),
                           self.name_field.currentData())


def ask_layer_choice(paths: ProjectPaths, parent: QWidget | None = None) -> ProjectPaths:
    """``paths`` with the sectors layer and fields the user chose, when the file needs a choice; unchanged when it
    does not, or when the user cancels (the loader then lists the problem)."""
    if not choice_needed(paths.sectors, paths.sectors_choice):
        return paths
    dialog = LayerDialog(paths.sectors, paths.sectors_choice, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return paths
    return replace(paths, sectors_choice=dialog.choice())
