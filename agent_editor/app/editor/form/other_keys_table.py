"""The settings Claude Code does not know, past the first ones, as one table: a row per key, its value editable.

A stranger's header may hold thousands of keys. A row of widgets for each would take
seconds to build, and as long again to lay out after every change; the table builds
nothing per key (the view asks the model only for the rows on screen), so showing all
of them costs no more than showing ten. Values are plain text: a one-line text as it
is, anything else as YAML on one line. An edit is read as the form's own rows read it
(text stays text, 5 stays a number, a list written as YAML stays a list) and goes to
the form, which sends it to the document.
"""

from __future__ import annotations

import math
from typing import Any

import yaml
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from agent_editor.agentfile.header import ClaudeLoader
from agent_editor.app.access.names import name

# A cell shows this much of a value at most (the whole of it is edited): measuring a
# value of megabytes to draw one line of it would hold the window.
_SHOWN_CHARS = 500
_ROWS_TALL = 12

Index = QModelIndex | QPersistentModelIndex


def value_text(value: Any) -> str:
    """A value as one line of text to show and edit."""
    if isinstance(value, str) and "\n" not in value and "\r" not in value:
        return value
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=math.inf).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def read_value(text: str, original: Any) -> Any:
    """What an edited cell means: text for a one-line text, else YAML when it reads (else text)."""
    if isinstance(original, str) and "\n" not in original and "\r" not in original:
        return text
    try:
        return yaml.load(text, Loader=ClaudeLoader) if text.strip() else ""
    except yaml.YAMLError:
        return text


class OtherKeysModel(QAbstractTableModel):
    """Keys and values, two columns; an edit of a value is announced, not kept."""

    value_edited = Signal(str, object)  # the key, its new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self._keys: list[str] = []
        self._fields: dict[str, Any] = {}

    def show_keys(self, keys: list[str], fields: dict[str, Any]) -> None:
        self.beginResetModel()
        self._keys, self._fields = list(keys), fields
        self.endResetModel()

    @property
    def keys(self) -> list[str]:
        return self._keys

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Setting"), self.tr("Value"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        key = self._keys[index.row()]
        text = key if index.column() == 0 else value_text(self._fields.get(key))
        if role == Qt.ItemDataRole.DisplayRole and len(text) > _SHOWN_CHARS:
            return text[:_SHOWN_CHARS] + " …"
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        key = self._keys[index.row()]
        original = self._fields.get(key)
        if str(value) == value_text(original):
            return False
        self.value_edited.emit(key, read_value(str(value), original))
        return True


class OtherKeysTable(QWidget):
    """A title, the table, and the button that takes the selected settings out."""

    value_edited = Signal(str, object)
    remove_requested = Signal(list)  # the keys

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 6)
        self.title = QLabel(objectName="fieldHelp", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        box.addWidget(self.title)
        self.model = OtherKeysModel(self)
        self.model.value_edited.connect(self.value_edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 160)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab moves on, as everywhere in the window
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setFixedHeight(self.view.verticalHeader().defaultSectionSize() * _ROWS_TALL
                                 + self.view.horizontalHeader().sizeHint().height() + 4)
        name(self.view, self.tr("More settings Claude Code does not use"),
             self.tr("One row a setting; edit a value with F2 or by typing"))
        box.addWidget(self.view)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove Selected"))
        name(self.remove_button, self.tr("Remove the selected settings"),
             self.tr("Takes the settings selected in the table out of the file"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def show_keys(self, keys: list[str], fields: dict[str, Any]) -> None:
        self.model.show_keys(keys, fields)
        self.title.setText(self.tr("And {count} more, one per row:").format(count=f"{len(keys):,}"))

    def focus_key(self, key: str) -> bool:
        if key not in self.model.keys:
            return False
        index = self.model.index(self.model.keys.index(key), 1)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        keys = [self.model.keys[row] for row in rows]
        if keys:
            self.remove_requested.emit(keys)
