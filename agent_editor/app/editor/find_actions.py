"""The Find, Find Next, Find Previous and Replace actions of a text editor.

They exist from the start, so the window's Edit menu lists them and their keys work at
once; the find bar they act on (``find_bar.FindReplaceBar``) is built on first use,
which keeps its widgets and Qt classes out of start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindReplaceBar", text)  # the bar's own translations


class FindActions:
    def __init__(self, parent: QObject) -> None:
        keys = QKeySequence.StandardKey
        self.find = QAction(_tr("&Find…"), parent, shortcut=keys.Find)
        self.find_next = QAction(_tr("Find &Next"), parent, shortcut=keys.FindNext)
        self.find_previous = QAction(_tr("Find Pre&vious"), parent, shortcut=keys.FindPrevious)
        self.replace = QAction(_tr("&Replace…"), parent, shortcut=keys.Replace)
        if self.replace.shortcut().isEmpty():
            # macOS and some desktops define no standard Replace key.
            self.replace.setShortcut(QKeySequence("Ctrl+H"))

    def all(self) -> list[QAction]:
        return [self.find, self.find_next, self.find_previous, self.replace]
