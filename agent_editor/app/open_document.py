"""One open agent file in the app: its document, its history, its problems, its file on disk.

``OpenDocument`` is the single owner of an open file's state. Widgets send edits one
way into it (``set_field``, ``set_body``, ``apply_fix`` ...) and show what its signals
say; they never change the ``AgentDocument`` themselves. Every edit, from the form or
the body, is one command on one ``QUndoStack``, so undo and redo walk a single history.
The stack's clean state is the "saved" state. Validation runs on a short coalescing
timer, and a ``QFileSystemWatcher`` notices when another program changes the file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError, FileChangedOnDisk
from agent_editor.agentfile.rendering import PART_BREAK, BackgroundRenderer, render_parts
from agent_editor.agentfile.problem import ERROR, Fix, Problem
from agent_editor.app.painting import while_painting

# Typing merges into one undo step until the author pauses this long.
_TYPING_MERGE_SECONDS = 1.5
_BODY_MERGE_ID = 1
_HEADER_TEXT_MERGE_ID = 2


# While showing a preview costs the window less than this, it follows every change;
# above it, it waits for a pause in typing.
_PREVIEW_AT_ONCE_MS = 12
# Bodies up to this size render in the window's thread (a few ms even uncached);
# larger ones in the worker thread, so that a first render or a paste never holds it.
_PREVIEW_IN_WINDOW_CHARS = 20_000
_PREVIEW_WORKER = BackgroundRenderer()
_PREVIEW_PAUSE_MS = 50
# A file larger than this is read and checked in a worker thread: a header of thousands
# of keys takes longer to read than a turn of the window's event loop may. (Agent files
# are a few KB; every file up to this size reads in a few ms.)
_READ_IN_WORKER_BYTES = 32 * 1024


def _validate(doc: AgentDocument) -> list[Problem]:
    from agent_editor.agentfile.validation import validate  # with PyYAML, when first needed (see ``problems``)

    return validate(doc)


def _is_large(path: Path) -> bool:
    try:
        return path.stat().st_size > _READ_IN_WORKER_BYTES
    except OSError:
        return False  # loading says why it cannot be read


def _load(path: Path) -> AgentDocument:
    """The file read again (a reload, a look at what is on disk); a large one in a worker
    while the window paints."""
    if not _is_large(path):
        return AgentDocument.load(path)

    def read() -> AgentDocument:
        doc = AgentDocument.load(path)
        doc.reading  # noqa: B018 - the header is read here, in the worker, not later in the window
        return doc

    return while_painting(read)


class SaveRefused(DocumentError):
    """Saving was refused because an error stands (``problem``): Claude Code would ignore the file."""

    def __init__(self, message: str, problem: Problem):
        super().__init__(message)
        self.problem = problem


class _TextCommand(QUndoCommand):
    """An edit kept as text before and after, which makes undo exact.

    ``part`` says which text: "file" (the whole file) or "body" (the body alone, so
    that typing never re-reads the header).
    """

    def __init__(self, owner: OpenDocument, label: str, before: str, after: str, merge_id: int = -1,
                 part: str = "file", typing: bool | None = None):
        super().__init__(label)
        self._owner, self._before, self._after = owner, before, after
        self._merge_id, self._part = merge_id, part
        self._stamp = time.monotonic()
        # Only keystrokes merge; ``typing`` says so when the text alone cannot (a field's
        # first letter may add a whole line to the file).
        self._typing = _is_keystroke(before, after) if typing is None else typing

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _TextCommand) or other._merge_id != self._merge_id:
            return False
        if other._stamp - self._stamp > _TYPING_MERGE_SECONDS:
            return False
        if not self._typing or not other._typing:
            return False  # a paste or a replace-all is a step of its own, before and after
        self._after, self._stamp = other._after, other._stamp
        # Qt deletes ``other`` inside ``push``; PySide then still makes it the stack's child,
        # so its Python side lives as long as the stack. A body may be megabytes: without
        # this, every keystroke would keep a copy of it.
        other._before = other._after = ""
        return True

    def redo(self) -> None:
        self._owner._install(self._part, self._after)

    def undo(self) -> None:
        self._owner._install(self._part, self._before)


class OpenDocument(QObject):
    """The state of one open file, and the only way to change it."""

    fields_changed = Signal()
    body_changed = Signal(object)  # the body (a str): handed over as it is, not copied to a QString and back
    problems_changed = Signal(list)
    modified_changed = Signal(bool)
    path_changed = Signal(object)
    saved = Signal()
    # The body as an HTML fragment (a str), its parts joined by PART_BREAK; handed over as
    # it is, not copied to a QString and back.
    preview_rendered = Signal(object)
    _preview_parts_ready = Signal(int, object)  # from the worker thread: request number, parts
    file_changed_on_disk = Signal(bool)  # True when the file was deleted
    reloaded = Signal()  # the text is the file on disk again
    about_to_save = Signal(object)  # the Path about to be written (its content is still the old one)

    def __init__(self, doc: AgentDocument, parent: QObject | None = None, problems: list[Problem] | None = None):
        """``problems``: ``validate(doc)`` when already worked out (by the worker that read the file);
        else the document is checked when its problems are first asked for."""
        super().__init__(parent)
        self._doc = doc
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self._problems: list[Problem] | None = problems
        self._validate_timer = QTimer(self, singleShot=True, interval=120)
        self._validate_timer.timeout.connect(self._on_validate_timer_timeout)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._preview_timer = QTimer(self, singleShot=True)
        self._preview_timer.timeout.connect(self._render_preview)
        self._preview_show_cost = 0.0  # seconds showing a preview takes in this thread, smoothed
        self.last_preview_seconds = (0.0, 0.0)  # rendering, showing: for measurements
        self._preview_requests = self._preview_shown = 0  # numbered renders: the latest asked, shown
        self._preview_asked_at = 0.0
        self._preview_in_worker = False  # whether the last render went to the worker
        self._preview_parts_ready.connect(self._on_preview_parts_ready)  # queued: from the worker
        self._saving = False
        # A version shown for comparison (an earlier save, a recovered draft) has a
        # title instead of a file name, and is never changed or saved.
        self.title: str | None = None
        self.read_only = False
        self._watch()

    # ----- reading ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> OpenDocument:
        """Load a file; raises ``DocumentError`` with a plain message when it cannot be opened.

        A large file is read and checked in a worker thread, the window painting meanwhile.
        """
        if not _is_large(path):
            return cls(AgentDocument.load(path), parent)

        def read_and_check() -> tuple[AgentDocument, list[Problem]]:
            doc = AgentDocument.load(path)
            return doc, _validate(doc)

        doc, problems = while_painting(read_and_check)
        return cls(doc, parent, problems)

    @property
    def document(self) -> AgentDocument:
        """The current document. Read it; change it only through this object's methods."""
        return self._doc

    @property
    def path(self) -> Path | None:
        return self._doc.path

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        return self._doc.path.name if self._doc.path else "Untitled agent"

    @property
    def fields(self) -> dict[str, Any]:
        return self._doc.fields

    @property
    def body(self) -> str:
        return self._doc.body

    @property
    def problems(self) -> list[Problem]:
        """What is wrong with the document now. A window shows a file's body and preview
        first and asks for its problems after that first frame: checking loads PyYAML."""
        if self._problems is None:  # the first check: nobody has been told of problems yet
            self._validate_timer.stop()
            self._problems = _validate(self._doc)
        elif self._validate_timer.isActive():
            self._revalidate()
        return self._problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ----- editing ------------------------------------------------------------------

    def set_field(self, key: str, value: Any) -> None:
        """Set a header value (``None`` removes the key). Raises ``DocumentError`` if it cannot be written."""
        current = self._doc.fields
        if value is None:
            if key in current:
                self._edit(f"Remove {key}", lambda d: d.remove_field(key))
            return
        if key in current and current[key] == value and type(current[key]) is type(value):
            return
        old = current.get(key, "")
        typing = isinstance(old, str) and isinstance(value, str) and _is_keystroke(old, value)
        self._edit(f"Change {key}", lambda d: d.set_field(key, value), merge_id=_field_merge_id(key),
                   typing=typing)

    def remove_field(self, key: str) -> None:
        self.set_field(key, None)

    def rename_field(self, old: str, new: str) -> None:
        self._edit(f"Rename {old}", lambda d: d.rename_field(old, new))

    def set_body(self, text: str) -> None:
        before = self._doc.body
        if text != before:
            self.undo_stack.push(_TextCommand(self, "Typing", before, text, _BODY_MERGE_ID, part="body"))

    def set_header_text(self, text: str) -> None:
        if text != self._doc.header_text:
            self._edit("Edit header", lambda d: d.set_header_text(text), merge_id=_HEADER_TEXT_MERGE_ID)

    def replace_text(self, text: str, label: str) -> None:
        """Make the whole file ``text`` (a restored version), as one undo step."""
        if text != self._doc.to_text():
            self.undo_stack.push(_TextCommand(self, label, self._doc.to_text(), text))

    def apply_fix(self, fix: Fix) -> None:
        self._edit(fix.label, fix.apply)

    def _edit(self, label: str, change, merge_id: int = -1, typing: bool | None = None) -> None:
        before = self._doc.to_text()

        def tried(trial: AgentDocument) -> str:
            change(trial)  # raises DocumentError without touching the open document
            return trial.to_text()

        trial = self._doc.copy()
        if len(self._doc.header_text) > _READ_IN_WORKER_BYTES:
            # Reading a header of thousands of keys again takes longer than a frame: the
            # change is tried on the copy in a worker, the window painting meanwhile.
            after = while_painting(lambda: tried(trial))
            if self._doc.to_text() != before:  # a timer changed the document meanwhile
                before, after = self._doc.to_text(), tried(self._doc.copy())
        else:
            after = tried(trial)
        if after != before:
            self.undo_stack.push(_TextCommand(self, label, before, after, merge_id, typing=typing))

    def _install(self, part: str, text: str) -> None:
        if part == "body":
            self._doc.set_body(text)
            self.body_changed.emit(self._doc.body)
            self._validate_timer.start()
            self.request_preview()
            return
        old_fields, old_body, old_header = self._doc.fields, self._doc.body, self._doc.header_text
        self._doc.set_text(text)
        if self._doc.header_text != old_header or self._doc.fields != old_fields:
            self.fields_changed.emit()
        if self._doc.body != old_body:
            self.body_changed.emit(self._doc.body)
            self.request_preview()
        self._validate_timer.start()

    def _revalidate(self) -> None:
        self._validate_timer.stop()
        self._take_problems(_validate(self._doc))

    def _on_validate_timer_timeout(self) -> None:
        if len(self._doc.header_text) <= _READ_IN_WORKER_BYTES:
            self._revalidate()
            return
        # Thousands of keys take longer than a frame to check: in a worker, the window
        # painting meanwhile; a check of a document changed in between is dropped.
        doc, text = self._doc, self._doc.to_text()
        snapshot = doc.copy()  # the worker reads its own copy, whatever happens to the document
        problems = while_painting(lambda: _validate(snapshot))
        if doc.to_text() != text:
            self._validate_timer.start()  # checked again once the change settles
        elif not self._validate_timer.isActive():
            self._take_problems(problems)

    def _take_problems(self, problems: list[Problem]) -> None:
        if problems != self._problems:
            self._problems = problems
            self.problems_changed.emit(problems)

    # ----- the preview ----------------------------------------------------------------

    def request_preview(self) -> None:
        """Render the body soon: at once while that is cheap, else when typing pauses.

        Rendering reuses every chunk of the body that did not change, and a large body
        renders in a worker thread; showing only replaces the parts that changed, a
        few at a time. A small body's preview follows each keystroke; a large one's
        follows a short pause (see ``preview_delay_ms``).
        """
        self._preview_timer.start(self.preview_delay_ms())

    def preview_delay_ms(self) -> int:
        """How long a change waits before its preview: 0 while a small body's is cheap.

        A body rendered in the worker waits for a short pause, so that a burst of keys
        (or a held key) costs one render and one update, not one each, and the window
        does not share the interpreter with the worker while the keys come.
        """
        show_ms = self._preview_show_cost * 1000
        if show_ms >= _PREVIEW_AT_ONCE_MS:
            return int(min(1200, 150 + 4 * show_ms))
        return _PREVIEW_PAUSE_MS if self._preview_in_worker else 0

    @property
    def preview_pending(self) -> bool:
        """Whether a render is under way in the worker thread."""
        return self._preview_shown < self._preview_requests

    def render_preview_now(self) -> None:
        """Render the preview now: before returning for a small body, else in the worker."""
        self._render_preview(wait=True)

    def _render_preview(self, wait: bool = False) -> None:
        self._preview_timer.stop()
        self._preview_requests += 1
        request, body = self._preview_requests, self._doc.body
        started = time.perf_counter()
        # A small body renders here; but when the worker holds the renderer (another
        # document's body), only an explicit request waits for it, a keystroke does not.
        self._preview_in_worker = len(body) > _PREVIEW_IN_WINDOW_CHARS
        parts = None if self._preview_in_worker else render_parts(body, wait=wait)
        if parts is not None:
            _PREVIEW_WORKER.cancel(self)
            self._show_preview(request, parts, time.perf_counter() - started)
            return
        self._preview_asked_at = started
        _PREVIEW_WORKER.submit(self, body, lambda parts: self._preview_parts_ready.emit(request, parts))

    def _on_preview_parts_ready(self, request: int, parts: list[str]) -> None:
        if request > self._preview_shown:  # an older render finishing late is dropped
            self._show_preview(request, parts, time.perf_counter() - self._preview_asked_at)

    def _show_preview(self, request: int, parts: list[str], render_seconds: float) -> None:
        self._preview_shown = request
        started = time.perf_counter()
        self.preview_rendered.emit(PART_BREAK.join(parts))
        shown = time.perf_counter() - started
        self.last_preview_seconds = (render_seconds, shown)
        # Smoothed, so one slow frame (the machine was busy) does not switch to waiting.
        old = self._preview_show_cost
        self._preview_show_cost = shown if not old else 0.7 * old + 0.3 * shown

    # ----- saving and the file on disk -----------------------------------------------

    def save(self, path: Path | None = None, *, force: bool = False, with_errors: bool = False) -> None:
        """Save, refusing while an error stands unless ``with_errors`` (the author chose
        "Save anyway"). Raises ``DocumentError`` (with the reason) when not saved;
        ``SaveRefused`` (naming the error) for a refusal."""
        if self.read_only:
            raise DocumentError(f"“{self.display_name}” is a version kept for comparison; it is not saved.")
        errors = self.errors
        if errors and not with_errors:
            first = errors[0]
            fix = f" Fix: {first.fix.label}." if first.fix else ""
            raise SaveRefused(f"Not saved, because Claude Code would ignore this file: {first.message}{fix}",
                              first)
        old_path = self._doc.path
        target = Path(path) if path is not None else old_path
        if target is not None:
            self.about_to_save.emit(target)
        self._saving = True
        try:
            self._doc.save(path, force=force)
        finally:
            self._saving = False
        self.undo_stack.setClean()
        if self._doc.path != old_path:
            self.path_changed.emit(self._doc.path)
        self._watch()
        self.saved.emit()

    def reload(self) -> None:
        """Read the file again from disk, dropping unsaved changes (the history is kept for undo)."""
        if self._doc.path is None:
            return
        fresh = _load(self._doc.path)
        self._doc.take_disk_state_from(fresh)
        before = self._doc.to_text()
        if fresh.to_text() != before:
            self.undo_stack.push(_TextCommand(self, "Reload from disk", before, fresh.to_text()))
        self.undo_stack.setClean()
        self._watch()
        self.reloaded.emit()

    def keep_mine(self) -> None:
        """After an outside change: keep this version, and let the next save overwrite the file.

        The version on disk now is the one the author has seen and chosen to replace;
        a later outside change is still noticed and asked about.
        """
        try:
            if self._doc.path is None:
                raise DocumentError("never saved")
            self._doc.take_disk_state_from(_load(self._doc.path))
        except DocumentError:  # gone or unreadable: the next save writes without asking again
            self._doc.forget_disk_state()
        self._watch()
        self.modified_changed.emit(True)
        self.undo_stack.resetClean()

    def moved_to(self, path: Path) -> None:
        """The app renamed the file: follow it to ``path`` (its text on disk is unchanged)."""
        self._doc.path = path
        self._watch()
        self.path_changed.emit(path)

    def _watch(self) -> None:
        files = self._watcher.files()
        if files:
            self._watcher.removePaths(files)
        if self._doc.path is not None and self._doc.path.exists():
            self._watcher.addPath(str(self._doc.path))

    def _on_watcher_file_changed(self, _path: str) -> None:
        if self._saving:
            return
        # Editors and our own atomic save replace the file, which drops the watch.
        QTimer.singleShot(50, self._check_disk)

    def _check_disk(self) -> None:
        self._watch()
        if not self._doc.changed_on_disk():
            return
        deleted = self._doc.path is not None and not self._doc.path.exists()
        if not deleted and not self.is_modified:
            try:
                self.reload()
                return
            except DocumentError:
                pass
        self.file_changed_on_disk.emit(deleted)

    def check_disk_now(self) -> None:
        """Look at the file on disk at once (the watcher may lag, e.g. on network folders)."""
        self._check_disk()

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)


def _is_keystroke(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with a character or two typed or deleted in one place."""
    if abs(len(after) - len(before)) > 2:
        return False
    start = _common_prefix(before, after)
    end = _common_suffix(before, after, min(len(before), len(after)) - start)
    removed, added = len(before) - start - end, len(after) - start - end
    return min(removed, added) == 0 and max(removed, added) <= 2


# Texts are compared a slice of this many characters at a time, then the differing slice
# by halves: a body of 290,000 characters is compared in about 0.05 ms, each character
# copied once (halving the whole text copied it some twenty times).
_SLICE = 4096


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    return _shared_run(min(len(a), len(b)), lambda low, high: a[low:high] == b[low:high])


def _common_suffix(a: str, b: str, limit: int) -> int:
    """How many characters (at most ``limit``) ``a`` and ``b`` share at their end."""
    return _shared_run(limit, lambda low, high: a[len(a) - high:len(a) - low] == b[len(b) - high:len(b) - low])


def _shared_run(limit: int, same) -> int:
    """The longest run, at most ``limit``, for which ``same(low, high)`` holds of every part:
    ``same`` compares the two texts' characters ``low`` to ``high`` counted from one end."""
    low = 0
    while low < limit and same(low, min(limit, low + _SLICE)):
        low = min(limit, low + _SLICE)
    high = min(limit, low + _SLICE)
    while low < high:  # the first difference is between ``low`` and ``high``
        middle = (low + high + 1) // 2
        if same(low, middle):
            low = middle
        else:
            high = middle - 1
    return low


_FIELD_MERGE_IDS: dict[str, int] = {}


def _field_merge_id(key: str) -> int:
    # Typing in one field merges; a different field starts a new step. Each key gets
    # its own number (a hash could give two keys the same one).
    return _FIELD_MERGE_IDS.setdefault(key, 1000 + len(_FIELD_MERGE_IDS))


__all__ = ["OpenDocument", "DocumentError", "FileChangedOnDisk", "SaveRefused"]
