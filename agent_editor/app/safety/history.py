"""Keeping the previous content of a file each time the app saves it.

``HistoryKeeper`` listens to every document of the app's registry: just before a
save writes the file, it keeps the file's content as it is on disk in the local
history (``agent_editor.safety.history``), then trims the history to the limits set
in the app's settings (``history/max_versions``, ``history/max_age_days``). Keeping a
version never stops a save: if it fails, the save goes ahead and the reason is told.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal

from agent_editor.app.documents import DocumentRegistry
from agent_editor.app.open_document import OpenDocument
from agent_editor.safety.history import HistoryStore, Version

__all__ = ["HistoryKeeper", "DEFAULT_MAX_VERSIONS", "DEFAULT_MAX_AGE_DAYS"]

_log = logging.getLogger(__name__)

DEFAULT_MAX_VERSIONS = 50
DEFAULT_MAX_AGE_DAYS = 90
MAX_VERSIONS_KEY = "history/max_versions"
MAX_AGE_DAYS_KEY = "history/max_age_days"


class HistoryKeeper(QObject):
    version_kept = Signal(object)  # Version
    keeping_failed = Signal(str)  # a plain reason

    def __init__(self, registry: DocumentRegistry, root: Path, settings: QSettings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = HistoryStore(root)
        self.settings = settings
        self._registry = registry
        self._connections: dict[int, tuple[OpenDocument, object]] = {}
        registry.document_added.connect(self.watch)
        registry.document_removed.connect(self._on_registry_document_removed)
        for document in registry.all():
            self.watch(document)

    @property
    def max_versions(self) -> int:
        return _positive_int(self.settings.value(MAX_VERSIONS_KEY), DEFAULT_MAX_VERSIONS)

    @property
    def max_age_days(self) -> int:
        return _positive_int(self.settings.value(MAX_AGE_DAYS_KEY), DEFAULT_MAX_AGE_DAYS)

    def watch(self, document: OpenDocument) -> None:
        if id(document) in self._connections or document.read_only:
            return
        # Direct: the version must be kept before the save goes on to write the file.
        connection = document.about_to_save.connect(self._on_document_about_to_save,
                                                    Qt.ConnectionType.DirectConnection)
        self._connections[id(document)] = (document, connection)

    def versions(self, path: Path) -> list[Version]:
        return self.store.versions(path)

    def _on_registry_document_removed(self, document: OpenDocument) -> None:
        entry = self._connections.pop(id(document), None)
        if entry is not None:
            document.about_to_save.disconnect(entry[1])

    def _on_document_about_to_save(self, path: Path) -> None:
        self.keep(path)

    def keep(self, path: Path) -> Version | None:
        """Keep ``path``'s content as it is on disk now (nothing when there is no file)."""
        try:
            if not path.is_file():
                return None
            data = path.read_bytes()
            version = self.store.keep(path, data)
            self.store.prune(path, self.max_versions, self.max_age_days)
        except OSError as error:
            _log.warning("could not keep the previous version of %s: %s", path, error)
            self.keeping_failed.emit(f"The previous version of “{path.name}” could not be kept in the history: "
                                     f"{error.strerror or error}.")
            return None
        if version is not None:
            self.version_kept.emit(version)
        return version

    def close(self) -> None:
        for document, connection in self._connections.values():
            try:
                document.about_to_save.disconnect(connection)
            except (RuntimeError, TypeError):
                pass
        self._connections.clear()
        try:
            self._registry.document_added.disconnect(self.watch)
            self._registry.document_removed.disconnect(self._on_registry_document_removed)
        except (RuntimeError, TypeError):
            pass


def _positive_int(value: object, default: int) -> int:
    try:
        number = int(value)  # QSettings gives strings from an INI file
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default
