"""Help › Keyboard Shortcuts: every key a window answers to, read from its menus' actions.

The list is collected from the QActions themselves, so it can never drift from what
the keys really do.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_editor.app.access.names import name

# Keys that belong to no menu: what the widgets themselves do.
_WIDGET_KEYS = (
    ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move to the next control (also out of the instructions)")),
    ("Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move to the previous control")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Type an indent in the instructions")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "In the problem list: go to the field or line of the problem")),
    ("Escape", QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the find bar")),
)


def plain(text: str) -> str:
    """A menu text without its & mnemonic marks and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action of ``window`` that has a key."""
    rows: list[tuple[str, str, str]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            _collect(plain(top.text()), menu, rows)
    return rows


def _collect(title: str, menu: QMenu, rows: list[tuple[str, str, str]]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        if isinstance(action.menu(), QMenu):
            _collect(f"{title} › {plain(action.text())}", action.menu(), rows)
            continue
        keys = _keys(action)
        if keys:
            rows.append((title, plain(action.text()), keys))


def _keys(action: QAction) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
                     if not key.isEmpty())


class ShortcutsDialog(QDialog):
    """The keys of a window's menus, then the keys of the controls themselves."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 560)
        box = QVBoxLayout(self)
        self.tree = QTreeWidget(rootIsDecorated=False)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        name(self.tree, self.tr("Keyboard shortcuts"), self.tr("Every command with a key, menu by menu"))
        current = None
        for menu, command, keys in menu_shortcuts(window):
            if menu != current:
                heading = QTreeWidgetItem([menu, ""])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(heading)
                current = menu
            self.tree.addTopLevelItem(QTreeWidgetItem(["    " + command, keys]))
        heading = QTreeWidgetItem([self.tr("In the window"), ""])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        self.tree.addTopLevelItem(heading)
        for keys, what in _WIDGET_KEYS:
            self.tree.addTopLevelItem(QTreeWidgetItem(["    " + QCoreApplication.translate("ShortcutsDialog", what), keys]))
        self.tree.resizeColumnToContents(0)
        box.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        name(buttons.button(QDialogButtonBox.StandardButton.Close), self.tr("Close"))
        box.addWidget(buttons)
