"""A plain list of agent files to switch between: name, the description's first line, problems.

It shows ``FileReport`` records from ``validation.check_files``; choosing an entry asks
the window to open that file. Several entries can be selected (Ctrl or Shift and click)
to ask for them to be compared.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from agent_editor.agentfile.validation import ERROR, FileReport
from agent_editor.app.editor.problems import severity_icon

_PATH_ROLE = Qt.ItemDataRole.UserRole


class AgentList(QWidget):
    file_chosen = Signal(Path)
    compare_requested = Signal(list)  # of Path, two or more

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.title = QLabel(objectName="libraryTitle")
        box.addWidget(self.title)
        self.list = QListWidget(objectName="agentList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # entries wrap instead
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        box.addWidget(self.list)
        self.compare_button = QPushButton("Compare Selected", objectName="compareSelected")
        self.compare_button.setToolTip("Select two or more agents (Ctrl+click) to compare them side by side")
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.compare_button.setEnabled(False)
        box.addWidget(self.compare_button)

    def show_reports(self, title: str, reports: list[FileReport]) -> None:
        self.title.setText(title)
        self.list.clear()
        for report in reports:
            item = QListWidgetItem()
            item.setData(_PATH_ROLE, report.path)
            self.list.addItem(item)
            self.update_report(report)

    def update_report(self, report: FileReport) -> None:
        item = self._item(report.path)
        if item is None:
            return
        fields = report.doc.fields if report.doc else {}
        name = fields.get("name") if isinstance(fields.get("name"), str) else report.path.stem
        description = fields.get("description") if isinstance(fields.get("description"), str) else ""
        first_line = description.strip().split("\n", 1)[0]
        if len(first_line) > 90:
            first_line = first_line[:88].rstrip() + "…"
        errors = sum(p.severity == ERROR for p in report.problems)
        others = len(report.problems) - errors
        item.setIcon(severity_icon("error" if errors else "warning") if report.problems else QIcon())
        count = f"{errors} error{'s' if errors != 1 else ''}" if errors else (
            f"{others} to look at" if others else "no problems")
        item.setText(f"{name}  ·  {count}\n{first_line or report.path.name}")
        item.setToolTip(f"{report.path}\n{len(report.problems)} problem(s)")

    def select(self, path: Path | None) -> None:
        """Mark the open file's entry (None: the open agent is not in the list)."""
        item = self._item(path) if path is not None else None
        self.list.blockSignals(True)
        if item is not None:
            self.list.setCurrentItem(item)
        else:
            self.list.clearSelection()
        self.list.blockSignals(False)

    def selected_paths(self) -> list[Path]:
        return [item.data(_PATH_ROLE) for item in self.list.selectedItems()]

    def paths(self) -> list[Path]:
        return [self.list.item(i).data(_PATH_ROLE) for i in range(self.list.count())]

    def _item(self, path: Path) -> QListWidgetItem | None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(_PATH_ROLE) == path:
                return item
        return None

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.file_chosen.emit(item.data(_PATH_ROLE))

    def _on_list_item_selection_changed(self) -> None:
        count = len(self.list.selectedItems())
        self.compare_button.setEnabled(count >= 2)
        self.compare_button.setText(f"Compare {count} Selected" if count >= 2 else "Compare Selected")

    def _on_compare_button_clicked(self) -> None:
        paths = self.selected_paths()
        if len(paths) >= 2:
            self.compare_requested.emit(paths)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        if QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return  # adding to a selection, not choosing a file
        # One click chooses. Where the desktop makes one click activate an item, Qt
        # sends both signals for it, and the window would ask about unsaved changes twice.
        hint = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.list.style().styleHint(hint, None, self.list):
            self.file_chosen.emit(item.data(_PATH_ROLE))
