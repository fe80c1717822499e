"""What the editor window remembers between runs, in the app's ``QSettings``.

- Recent files and folders (File › Open Recent), newest first, at most ``RECENT_LIMIT``
  of each; an entry that no longer exists is left out of the menu.
- The window's size, position and toolbars, and the sizes of its splitters.
- The last agent open when the window closed, reopened at the next start when the app
  is started without naming a file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter

__all__ = ["Remembered", "RECENT_LIMIT", "pushed_front"]

RECENT_LIMIT = 10
RECENT_FILES = "recent/files"
RECENT_FOLDERS = "recent/folders"
LAST_AGENT = "session/last_agent"
WINDOW_STATE = "window/state"
SPLITTER = "window/splitter/"


def pushed_front(entries: list[str], entry: str, limit: int = RECENT_LIMIT) -> list[str]:
    """``entries`` with ``entry`` first (once), at most ``limit`` long."""
    key = os.path.normcase(entry)
    return [entry] + [e for e in entries if os.path.normcase(e) != key][: limit - 1]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):  # QSettings gives one string for a one-item list in an INI file
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str) and v]
    return []


class Remembered:
    """The remembered state of one editor window."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        self.window = window
        self.settings = settings
        self.recent_menu: QMenu | None = None

    # ----- recent files and folders ------------------------------------------------------

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in _strings(self.settings.value(RECENT_FILES))]

    def recent_folders(self) -> list[Path]:
        return [Path(p) for p in _strings(self.settings.value(RECENT_FOLDERS))]

    def note_opened(self, path: Path) -> None:
        """``path`` (a file or a folder) was opened: it goes first in its recent list."""
        key = RECENT_FOLDERS if path.is_dir() else RECENT_FILES
        try:
            text = str(path.resolve())
        except OSError:
            text = str(path.absolute())
        self.settings.setValue(key, pushed_front(_strings(self.settings.value(key)), text))

    def add_menu(self, file_menu: QMenu, before: QAction | None = None) -> QMenu:
        """File › Open Recent, filled each time it is shown."""
        menu = QMenu("Open &Recent", self.window)
        menu.setObjectName("recentMenu")
        menu.aboutToShow.connect(self.fill_menu)
        if before is not None:
            file_menu.insertMenu(before, menu)
        else:
            file_menu.addMenu(menu)
        self.recent_menu = menu
        self.fill_menu()
        return menu

    def fill_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        files = [p for p in self.recent_files() if p.is_file()]
        folders = [p for p in self.recent_folders() if p.is_dir()]
        for path in files:
            action = menu.addAction(f"{path.name}  —  {path.parent}")
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.open_paths([p]))
        if files and folders:
            menu.addSeparator()
        for folder in folders:
            action = menu.addAction(f"{folder.name}/  —  {folder.parent}")
            action.setData(str(folder))
            action.triggered.connect(lambda _=False, p=folder: self.window.open_paths([p]))
        if files or folders:
            menu.addSeparator()
            menu.addAction("Clear Recent", self.clear)
        else:
            menu.addAction("No recent files").setEnabled(False)

    def clear(self) -> None:
        self.settings.remove(RECENT_FILES)
        self.settings.remove(RECENT_FOLDERS)

    # ----- the window's layout -------------------------------------------------------------

    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.window.findChildren(QSplitter) if s.objectName()]

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue(WINDOW_STATE, self.window.saveState())
        for splitter in self._splitters():
            self.settings.setValue(SPLITTER + splitter.objectName(), splitter.saveState())

    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        state = self.settings.value(WINDOW_STATE)
        if isinstance(state, QByteArray):
            self.window.restoreState(state)
        for splitter in self._splitters():
            saved = self.settings.value(SPLITTER + splitter.objectName())
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)

    # ----- the last agent -----------------------------------------------------------------------

    def save_last_agent(self, path: Path | None) -> None:
        if path is None:
            self.settings.remove(LAST_AGENT)
        else:
            self.settings.setValue(LAST_AGENT, str(path))

    def last_agent(self) -> Path | None:
        """The agent open when the window last closed, if it is still there."""
        value = self.settings.value(LAST_AGENT)
        path = Path(value) if isinstance(value, str) and value else None
        return path if path is not None and path.is_file() else None
