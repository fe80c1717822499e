"""One ``OpenDocument`` per file for the whole app, whichever windows show it.

The editor, every compare view and the library ask this registry for a file's
document instead of loading their own copy. So an edit made in one window shows in
the others at once and is one undo history, saving anywhere saves that one document
(no window then mistakes the save for "another program" changing the file), and a
change made in one window cannot be silently dropped by another.

A window that shows a document *holds* it (``open`` / ``hold``) and lets go of it
(``release``) when it shows something else or closes. The document lives while any
window holds it; only the last one to let go needs to ask about unsaved changes
(``is_held_elsewhere``). Documents are keyed by their resolved path and follow a
"Save As". Documents that were never saved (a new agent) are held too, without a key,
so that everything that keeps drafts of unsaved work sees every open document.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agent_editor.app.open_document import OpenDocument

__all__ = ["DocumentRegistry", "documents", "path_key"]


def path_key(path: Path) -> str:
    """The key of a file: its resolved path, with the case folded where the system does."""
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    return os.path.normcase(str(resolved))


class DocumentRegistry(QObject):
    """Every open document of the app, with the windows holding each."""

    document_added = Signal(object)  # OpenDocument
    document_removed = Signal(object)  # OpenDocument, about to be deleted

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._by_key: dict[str, OpenDocument] = {}
        self._holders: dict[int, list[object]] = {}  # id(document) -> holders
        self._documents: dict[int, OpenDocument] = {}
        self._connections: dict[int, object] = {}

    # ----- reading ---------------------------------------------------------------------

    def find(self, path: Path) -> OpenDocument | None:
        """The open document of ``path``, if any window holds one."""
        return self._by_key.get(path_key(path))

    def all(self) -> list[OpenDocument]:
        return list(self._documents.values())

    def holders(self, document: OpenDocument) -> list[object]:
        return list(self._holders.get(id(document), ()))

    def is_held_elsewhere(self, document: OpenDocument, holder: object) -> bool:
        """Whether some window other than ``holder`` still shows ``document``."""
        return any(h is not holder for h in self._holders.get(id(document), ()))

    # ----- holding and letting go ---------------------------------------------------------

    def open(self, path: Path, holder: object) -> OpenDocument:
        """The document of ``path`` (loaded if no window has it yet), held by ``holder``.

        Raises ``DocumentError`` with a plain message when the file cannot be opened.
        """
        document = self.find(path)
        if document is None:
            document = OpenDocument.open(path)
        return self.hold(document, holder)

    def hold(self, document: OpenDocument, holder: object) -> OpenDocument:
        """``holder`` shows ``document`` from now on; the registry takes the document in."""
        key = id(document)
        if key not in self._documents:
            self._documents[key] = document
            self._holders[key] = []
            document.setParent(self)
            if document.path is not None and path_key(document.path) not in self._by_key:
                self._by_key[path_key(document.path)] = document
            self._connections[key] = document.path_changed.connect(lambda _p, d=document: self._rekey(d))
            self.document_added.emit(document)
        holders = self._holders[key]
        if not any(h is holder for h in holders):
            holders.append(holder)
        return document

    def release(self, document: OpenDocument, holder: object) -> None:
        """``holder`` no longer shows ``document``; the last one to let go ends it.

        Letting go twice, or of a document the holder never held, does nothing.
        """
        key = id(document)
        holders = self._holders.get(key)
        if holders is None or not any(h is holder for h in holders):
            return
        holders[:] = [h for h in holders if h is not holder]
        if holders:
            return
        del self._holders[key]
        del self._documents[key]
        for path, known in list(self._by_key.items()):
            if known is document:
                del self._by_key[path]
        self.document_removed.emit(document)
        document.path_changed.disconnect(self._connections.pop(key))
        document.deleteLater()

    def _rekey(self, document: OpenDocument) -> None:
        """After "Save As": the document is now known by its new path."""
        for path, known in list(self._by_key.items()):
            if known is document:
                del self._by_key[path]
        if document.path is not None:
            self._by_key.setdefault(path_key(document.path), document)


_registry: DocumentRegistry | None = None


def documents() -> DocumentRegistry:
    """The app's registry (made when first asked for)."""
    global _registry
    if _registry is None:
        _registry = DocumentRegistry()
    return _registry
