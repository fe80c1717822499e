"""Starting and stopping the safety net for the app's documents.

``install`` makes one ``SafetyNet`` for the app: drafts of unsaved work under
``<data folder>/drafts`` and the saved versions of each file under
``<data folder>/history``. The data folder is the app's ``AppDataLocation`` (tests
point it elsewhere, through ``XDG_DATA_HOME`` or by passing a folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths

from agent_editor.app.documents import DocumentRegistry, documents
from agent_editor.app.safety.drafts import DraftKeeper
from agent_editor.app.safety.history import HistoryKeeper

__all__ = ["SafetyNet", "app_data_folder", "install", "installed", "uninstall"]


def app_data_folder() -> Path:
    """The app's own data folder (never beside the author's files)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".local" / "share" / "agent-editor"


class SafetyNet(QObject):
    """Drafts and history for every document of ``registry``."""

    def __init__(self, registry: DocumentRegistry, folder: Path, settings: QSettings | None = None,
                 parent: QObject | None = None, **draft_options):
        super().__init__(parent)
        self.folder = folder
        self.registry = registry
        self.drafts = DraftKeeper(registry, folder / "drafts", self, **draft_options)
        self.history = HistoryKeeper(registry, folder / "history", settings or QSettings(), self)

    def close(self) -> None:
        self.drafts.close()
        self.history.close()


_installed: SafetyNet | None = None


def install(folder: Path | None = None, settings: QSettings | None = None,
            registry: DocumentRegistry | None = None, **draft_options) -> SafetyNet:
    """Start the safety net (once; a second call returns the one running)."""
    global _installed
    if _installed is None:
        _installed = SafetyNet(registry or documents(), folder or app_data_folder(), settings, **draft_options)
    return _installed


def installed() -> SafetyNet | None:
    return _installed


def uninstall() -> None:
    """Stop the safety net (the app quits; a test ends)."""
    global _installed
    if _installed is not None:
        _installed.close()
        _installed.deleteLater()
        _installed = None
