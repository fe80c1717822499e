"""The agents the library shows, kept current: one Qt object owning the entries, their reading and the watch.

``AgentCollection`` lists the files of its scopes at once (walking folders is quick),
then reads their headers: a few files in the window's thread, many in a worker thread
that hands over batches, so the window keeps painting and shows progress. A
``QFileSystemWatcher`` on the folders (and the files) notices files added, removed,
renamed or changed by other programs; a changed listing is read again, reusing every
entry whose file did not change. After each change the cross-file marks are worked out
again and ``entries_changed`` is emitted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from agent_editor.agentfile.schema import load_schema
from agent_editor.agentfile.validation import Problem, not_md_problem
from agent_editor.library.marks import mark_entries
from agent_editor.library.scan import AgentEntry, blank_entry, read_entry, scope_files
from agent_editor.library.scopes import FOLDER, PROJECT, Scope
from agent_editor.library.search import SearchIndex

# Up to this many files are read at once in the window's thread (a few milliseconds);
# more go to the worker, so a large library never freezes the window.
SYNC_READ_LIMIT = 48
_BATCH_SECONDS = 0.05
_SETTLE_MS = 300
_WATCH_FILES_LIMIT = 4000  # beyond this, only folders are watched (the system's watch budget is shared)


class _ReaderSignals(QObject):
    batch_read = Signal(int, list)  # generation, entries
    finished = Signal(int)


class _HeaderReader(QRunnable):
    """Reads headers in a worker thread and hands them over in batches."""

    def __init__(self, generation: int, items: list[tuple[Path, Scope]]):
        super().__init__()
        self.generation, self.items = generation, items
        self.signals = _ReaderSignals()
        self.cancelled = False

    def run(self) -> None:
        schema = load_schema()
        batch: list[AgentEntry] = []
        started = time.monotonic()
        for path, scope in self.items:
            if self.cancelled:
                return
            batch.append(read_entry(path, scope, schema))
            if time.monotonic() - started > _BATCH_SECONDS:
                self.signals.batch_read.emit(self.generation, batch)
                batch, started = [], time.monotonic()
        if batch:
            self.signals.batch_read.emit(self.generation, batch)
        self.signals.finished.emit(self.generation)


class AgentCollection(QObject):
    """The entries of the scopes shown, in listing order, read and marked."""

    entries_changed = Signal()
    progress_changed = Signal(int, int)  # headers read, files listed
    loading_finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.title = ""
        self.scopes: list[Scope] = []
        self.by_scope = True  # False: one folder (or files) shown as a plain list
        self._entries: dict[Path, AgentEntry] = {}
        self.search_index = SearchIndex()
        self._generation = 0
        self.version = 0  # counts every change of the entries, so views can keep what they worked out
        self._reader: _HeaderReader | None = None
        self._pending = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        app = QCoreApplication.instance()
        if app is not None:  # quitting does not wait for the rest of a large library to be read
            app.aboutToQuit.connect(self.stop_reading)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._rescan_timer = QTimer(self, singleShot=True, interval=150)
        self._rescan_timer.timeout.connect(self.rescan)
        # While headers arrive, the list is rearranged a few times a second, not for every batch.
        self._settle_timer = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._settle_timer.timeout.connect(lambda: self._settled(marks=False))

    # ----- what is shown ------------------------------------------------------------

    def show(self, title: str, scopes: list[Scope], by_scope: bool) -> list[Path]:
        """Show these scopes; returns their files in listing order (headers are read after)."""
        self.title, self.scopes, self.by_scope = title, list(scopes), by_scope
        self._entries = {}
        self.rescan()
        return self.paths()

    @property
    def entries(self) -> list[AgentEntry]:
        return list(self._entries.values())

    def paths(self) -> list[Path]:
        return list(self._entries)

    def entry(self, path: Path | None) -> AgentEntry | None:
        return self._entries.get(path) if path is not None else None

    @property
    def loading(self) -> bool:
        return self._pending > 0

    def scope_for(self, path: Path) -> Scope | None:
        entry = self._entries.get(path)
        if entry is not None:
            return entry.scope
        for scope in self.scopes:
            try:
                path.relative_to(scope.root)
                return scope
            except ValueError:
                continue
        return None

    def names_in(self, scope: Scope, leaving_out: Path | None = None) -> set[str]:
        """The names of the agents in a scope (those read so far), less one file's."""
        return {e.name for e in self._entries.values() if e.scope == scope and e.name and e.path != leaving_out}

    def problems_for(self, path: Path | None) -> list[Problem]:
        """What the other files say about this one (a shared or overridden name), and what its
        file name says (Claude Code never reads a file not ending in .md)."""
        entry = self.entry(path)
        problems = [not_md_problem(path)] if path is not None and path.suffix != ".md" else []
        return problems + (list(entry.shared_problems) if entry is not None else [])

    def default_folder(self) -> Path | None:
        """Where a new agent goes: the project's agents folder, else the one folder shown."""
        for scope in self.scopes:
            if scope.kind in (PROJECT, FOLDER) and scope.root != Path():
                return scope.root
        return None

    def only_unread_files(self) -> bool:
        """Files are listed, and Claude Code reads none of them (none ends in .md)."""
        return bool(self._entries) and not any(entry.is_md for entry in self._entries.values())

    # ----- reading and re-reading ---------------------------------------------------

    def rescan(self) -> None:
        """List the files again and read those that are new or changed."""
        self._rescan_timer.stop()
        listed: dict[Path, AgentEntry] = {}
        to_read: list[tuple[Path, Scope]] = []
        for scope in self.scopes:
            for path in scope_files(scope):
                if path in listed:
                    continue
                known = self._entries.get(path)
                if known is not None and known.loaded and known.scope == scope and _stamp(path) == known.stamp():
                    listed[path] = known
                else:
                    listed[path] = known if known is not None and known.scope == scope else blank_entry(path, scope)
                    to_read.append((path, scope))
        self._entries = listed
        self._watch()
        self._read(to_read)

    def refresh(self, paths: list[Path]) -> None:
        """Read these files again now (e.g. just saved), and list them if a shown scope holds them."""
        items = []
        for path in paths:
            scope = self.scope_for(path)
            if scope is not None and path.exists():
                items.append((path, scope))
        if not items:
            return
        schema = load_schema()
        new = any(path not in self._entries for path, _scope in items)
        for path, scope in items:
            self._entries[path] = read_entry(path, scope, schema)
        if new:  # perhaps in a folder made just now (a project's first agent): watch it too
            self._watch()
        self._settled()

    def _read(self, items: list[tuple[Path, Scope]]) -> None:
        self._generation += 1
        if self._reader is not None:
            self._reader.cancelled = True
            self._reader = None
        if len(items) <= SYNC_READ_LIMIT:
            self._pending = 0
            schema = load_schema()
            for path, scope in items:
                self._entries[path] = read_entry(path, scope, schema)
            self._settled()
            self.loading_finished.emit()
            return
        self._pending = len(items)
        reader = _HeaderReader(self._generation, items)
        reader.signals.batch_read.connect(self._on_reader_batch_read)
        reader.signals.finished.connect(self._on_reader_finished)
        self._reader = reader
        self._settled()  # the rows, by file name, at once
        self.progress_changed.emit(len(self._entries) - self._pending, len(self._entries))
        self._pool.start(reader)

    def _on_reader_batch_read(self, generation: int, batch: list[AgentEntry]) -> None:
        if generation != self._generation:
            return
        for entry in batch:
            if entry.path in self._entries:
                self._entries[entry.path] = entry
        self._pending = max(0, self._pending - len(batch))
        self.progress_changed.emit(len(self._entries) - self._pending, len(self._entries))
        if not self._settle_timer.isActive():
            self._settle_timer.start()  # the rows so far; marks wait for the last file

    def _on_reader_finished(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._pending = 0
        self._reader = None
        self._settled()
        self.loading_finished.emit()

    def _settled(self, marks: bool = True) -> None:
        """Show the entries as they stand; ``marks=False`` while more are being read (a mark
        from half the files could be wrong, and working them out again each time costs)."""
        self._settle_timer.stop()
        entries = list(self._entries.values())
        self.version += 1
        if marks:
            mark_entries(entries)
        self.search_index.update(entries)
        self.entries_changed.emit()

    def stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.cancelled = True
            self._reader = None
        self._generation += 1

    def wait_for_reading(self, timeout_ms: int = 30000) -> bool:
        """Block until the worker is done (for scripts and measurements)."""
        return self._pool.waitForDone(timeout_ms)

    # ----- watching -----------------------------------------------------------------

    def _watch(self) -> None:
        wanted: list[str] = []
        for scope in self.scopes:
            if scope.root != Path() and scope.root.is_dir():
                for folder, subfolders, _names in os.walk(scope.root):
                    wanted.append(folder)
        if len(self._entries) <= _WATCH_FILES_LIMIT:
            wanted += [str(path) for path in self._entries]
        current = set(self._watcher.directories()) | set(self._watcher.files())
        gone = [path for path in current if path not in set(wanted)]
        if gone:
            self._watcher.removePaths(gone)
        new = [path for path in wanted if path not in current]
        if new:
            self._watcher.addPaths(new)

    def _on_watcher_changed(self, _path: str) -> None:
        self._rescan_timer.start()  # a save or a copy changes several things at once: wait for quiet


def _stamp(path: Path) -> tuple[float, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0.0, -1)
    return (stat.st_mtime, stat.st_size)
