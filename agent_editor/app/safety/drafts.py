"""Keeping drafts of every modified document while the app runs.

``DraftKeeper`` watches every document in the app's registry. Soon after an edit
(``DraftSchedule``: within two seconds, even while the author keeps typing) it takes
the document's text and hands it to a single writer thread, which writes the draft
atomically into this run's session folder. Typing never waits for the disk: the
window's thread only copies a reference to the text. The draft is removed when the
document is saved, when its edits are undone back to the saved text, and when the
author lets it go without saving ("Don't Save", "Reload Theirs").

The session folder carries a lock file held while this run lives. A later run finds
session folders whose lock is free (the run crashed or was killed) and offers their
drafts (see ``recovery``).
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from agent_editor.app.documents import DocumentRegistry
from agent_editor.app.open_document import OpenDocument
from agent_editor.safety.drafts import DraftFolder, DraftSchedule, draft_key

__all__ = ["DraftKeeper", "session_lock"]

_log = logging.getLogger(__name__)


def session_lock(root: Path, name: str) -> QLockFile:
    """The lock file of session ``name``: held by the run that writes its drafts."""
    lock = QLockFile(str(root / f"{name}.lock"))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    return lock


@dataclass
class _Tracked:
    document: OpenDocument
    schedule: DraftSchedule
    timer: QTimer
    number: int  # for a document never saved
    key: str | None = None  # the draft on disk (or on its way there)
    text: str | None = None  # what that draft holds
    connections: list = field(default_factory=list)


class DraftKeeper(QObject):
    """Keeps a draft of every modified document of ``registry`` under ``root``."""

    draft_written = Signal(str)  # the draft's key, once it is on disk
    draft_removed = Signal(str)
    draft_failed = Signal(str)  # a plain reason (the disk is full ...)
    # From the writer thread to this object's own slot, which then tells everyone in the
    # window's thread: (what happened, the key or the reason).
    _writer_reported = Signal(str, str)

    def __init__(self, registry: DocumentRegistry, root: Path, parent: QObject | None = None, *,
                 pause: float = 0.6, longest: float = 1.5, durable: bool = True):
        super().__init__(parent)
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.session_name = f"{stamp}-{os.getpid()}-{id(self) % 10000:04d}"
        self._lock = session_lock(root, self.session_name)
        self._lock.tryLock(0)
        self.folder = DraftFolder(root / self.session_name)
        self._pause, self._longest, self._durable = pause, longest, durable
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drafts")
        self._tracked: dict[int, _Tracked] = {}
        self._untitled = 0
        self._closed = False
        self._registry = registry
        self._writer_reported.connect(self._on_writer_reported)
        registry.document_added.connect(self.watch)
        registry.document_removed.connect(self._on_registry_document_removed)
        for document in registry.all():
            self.watch(document)

    # ----- following documents ------------------------------------------------------------

    def watch(self, document: OpenDocument) -> None:
        if id(document) in self._tracked or document.read_only:
            return
        self._untitled += document.path is None
        timer = QTimer(self, singleShot=True)
        tracked = _Tracked(document, DraftSchedule(self._pause, self._longest), timer, self._untitled)
        timer.timeout.connect(lambda t=tracked: self._write(t))
        stack = document.undo_stack
        tracked.connections = [
            (stack.indexChanged, stack.indexChanged.connect(lambda _i, t=tracked: self._on_edited(t))),
            (stack.cleanChanged, stack.cleanChanged.connect(lambda _c, t=tracked: self._on_edited(t))),
        ]
        self._tracked[id(document)] = tracked
        if document.is_modified:
            self._on_edited(tracked)

    def _on_registry_document_removed(self, document: OpenDocument) -> None:
        tracked = self._tracked.pop(id(document), None)
        if tracked is None:
            return
        for signal, connection in tracked.connections:
            signal.disconnect(connection)
        # The last window let it go: saved, or the author chose not to keep the changes.
        self._discard(tracked)
        tracked.timer.deleteLater()

    def _on_edited(self, tracked: _Tracked) -> None:
        if self._closed:
            return
        if not tracked.document.is_modified:
            self._discard(tracked)  # saved, reloaded, or undone back to the saved text
            return
        delay = tracked.schedule.edited(time.monotonic())
        tracked.timer.start(int(delay * 1000))

    # ----- writing ----------------------------------------------------------------------

    def _write(self, tracked: _Tracked) -> None:
        tracked.timer.stop()
        tracked.schedule.kept()
        document = tracked.document
        if self._closed or not document.is_modified:
            return
        text = document.document.to_text()
        key = draft_key(document.path, tracked.number)
        if key == tracked.key and text == tracked.text:
            return
        if tracked.key is not None and tracked.key != key:  # saved under another name since
            self._submit_remove(tracked.key)
        tracked.key, tracked.text = key, text
        path, title = document.path, document.display_name
        self._writer.submit(self._write_in_thread, key, path, text, title)

    def _write_in_thread(self, key: str, path: Path | None, text: str, title: str) -> None:
        try:
            self.folder.write(key, path, text, title, durable=self._durable)
        except OSError as error:
            _log.warning("could not keep a draft of %s: %s", title, error)
            self._report("failed", f"The unsaved changes to “{title}” could not be kept as a draft: "
                                   f"{error.strerror or error}.")
            return
        self._report("written", key)

    def _discard(self, tracked: _Tracked) -> None:
        tracked.timer.stop()
        tracked.schedule.kept()
        if tracked.key is not None:
            self._submit_remove(tracked.key)
        tracked.key = tracked.text = None

    def _submit_remove(self, key: str) -> None:
        def remove() -> None:
            self.folder.remove(key)
            self._report("removed", key)

        self._writer.submit(remove)

    def _report(self, what: str, value: str) -> None:
        try:
            self._writer_reported.emit(what, value)  # queued to this object, in the window's thread
        except RuntimeError:
            pass  # the keeper is gone (the app is closing)

    def _on_writer_reported(self, what: str, value: str) -> None:
        {"written": self.draft_written, "removed": self.draft_removed, "failed": self.draft_failed}[what].emit(value)

    # ----- for the app and tests --------------------------------------------------------

    def flush(self) -> None:
        """Write every pending draft now and wait until the writer is done."""
        for tracked in list(self._tracked.values()):
            if tracked.schedule.pending or tracked.timer.isActive():
                self._write(tracked)
        self._writer.submit(lambda: None).result()

    def flush_document(self, document: OpenDocument) -> None:
        """Write ``document``'s draft now, and wait for it."""
        tracked = self._tracked.get(id(document))
        if tracked is not None:
            tracked.schedule.edited(time.monotonic())
            self._write(tracked)
        self._writer.submit(lambda: None).result()

    def draft_of(self, document: OpenDocument) -> Path | None:
        """Where ``document``'s draft is (or is being) written; None when it has none."""
        tracked = self._tracked.get(id(document))
        return self.folder.location(tracked.key) if tracked is not None and tracked.key else None

    def close(self) -> None:
        """Stop: finish the writes under way, and free this run's session.

        Drafts of documents still modified stay (the app quit without the author
        deciding about them): the next start offers them.
        """
        if self._closed:
            return
        for tracked in self._tracked.values():
            if tracked.schedule.pending or tracked.timer.isActive():
                self._write(tracked)  # what is still modified is kept to the last keystroke
        self._closed = True
        self._writer.shutdown(wait=True)
        if self.folder.is_empty():
            self.folder.delete_folder()
        self._lock.unlock()
        try:
            self._registry.document_added.disconnect(self.watch)
            self._registry.document_removed.disconnect(self._on_registry_document_removed)
        except (RuntimeError, TypeError):
            pass

