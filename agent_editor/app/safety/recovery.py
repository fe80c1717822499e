"""After a crash: offering the drafts a previous run left behind.

At start the app looks for draft sessions whose run is gone (their lock file is free:
the app crashed or was killed). If there are drafts, it says so once
(``Dialogs.ask_review_recovered``) and, if the author wants to see them, opens each
in the compare view: "recovered" (the draft, read-only) against "on disk" (the file
as it is now, the app's one document of it). Nothing is restored silently:

- Restore makes the open document the recovered text (one undo step, not yet saved)
  and shows it in the editor; the author saves it.
- Discard asks first, then deletes the draft.
- Closing the view, or "Later", keeps the draft for the next start.

A field or a section can also be carried from the recovered text alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.app.dialogs import Dialogs
from agent_editor.app.documents import documents
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.safety.drafts import DraftKeeper, session_lock
from agent_editor.app.safety.versions import open_version_compare, restore_whole, version_document
from agent_editor.safety.drafts import Draft, DraftFolder, orphaned_sessions

if TYPE_CHECKING:  # imported only when there are drafts to review (open_version_compare)
    from agent_editor.app.compare.window import CompareWindow

__all__ = ["Recovery", "RecoveredDraft", "offer_recovery"]


@dataclass
class RecoveredDraft:
    draft: Draft
    session: DraftFolder


class Recovery:
    """The drafts of every session whose run is gone, with those sessions' locks held."""

    def __init__(self, keeper: DraftKeeper):
        self.keeper = keeper
        self._locks: dict[str, QLockFile] = {}
        self.drafts: list[RecoveredDraft] = []
        self.unreadable: list[Path] = []
        root = keeper.root
        for session in orphaned_sessions(root, self._is_running):
            found, broken = session.drafts()
            self.drafts += [RecoveredDraft(draft, session) for draft in found]
            self.unreadable += broken
            if not found:
                self._finish(session)

    def _is_running(self, name: str) -> bool:
        if name == self.keeper.session_name:
            return True
        lock = session_lock(self.keeper.root, name)
        if not lock.tryLock(0):
            return True  # its run is alive (another window of the app)
        self._locks[name] = lock  # ours until its drafts are dealt with
        return False

    def discard(self, recovered: RecoveredDraft) -> None:
        """Delete a draft the author has dealt with (restored or discarded)."""
        recovered.session.remove(recovered.draft.key)
        if recovered in self.drafts:
            self.drafts.remove(recovered)
        if not any(r.session.folder == recovered.session.folder for r in self.drafts):
            self._finish(recovered.session)

    def _finish(self, session: DraftFolder) -> None:
        if session.drafts()[0]:
            return
        session.delete_folder()
        lock = self._locks.pop(session.folder.name, None)
        if lock is not None:
            lock.unlock()

    def release(self) -> None:
        """Let the drafts not dealt with wait for the next start."""
        for lock in self._locks.values():
            lock.unlock()
        self._locks.clear()


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).strftime("%d %b %Y, %H:%M:%S")


def offer_recovery(parent: QWidget, dialogs: Dialogs, keeper: DraftKeeper, open_in_editor) -> list[CompareWindow]:
    """Offer the drafts a crashed run left; returns the compare windows opened.

    ``open_in_editor(document)`` shows a restored document in the editor.
    """
    recovery = Recovery(keeper)
    if not recovery.drafts:
        recovery.release()
        return []
    titles = [r.draft.title for r in recovery.drafts]
    if not dialogs.ask_review_recovered(titles):
        recovery.release()
        return []
    windows = [_open_one(parent, dialogs, keeper, recovery, r, open_in_editor) for r in list(recovery.drafts)]
    parent.destroyed.connect(lambda *_: recovery.release())
    return windows


def _open_one(parent: QWidget, dialogs: Dialogs, keeper: DraftKeeper, recovery: Recovery,
              recovered: RecoveredDraft, open_in_editor) -> CompareWindow:
    draft = recovered.draft
    holder = object()
    current: OpenDocument | None = None
    if draft.path is not None:
        try:
            current = documents().open(draft.path, holder)
        except DocumentError:
            current = None
    on_disk_missing = current is None
    if current is None:  # never saved, or the file is gone: compare with nothing
        current = version_document("", "On disk: no file")
    recovered_doc = version_document(draft.text, f"Recovered: {draft.title}")

    def restore(window: CompareWindow) -> None:
        if on_disk_missing:
            restored = OpenDocument(AgentDocument.parse(draft.text))
            restored.undo_stack.resetClean()  # unsaved from the start
            documents().hold(restored, holder)
            target = restored
        else:
            restore_whole(recovered_doc, current, "Restore recovered text")
            target = current
        keeper.flush_document(target)  # this run's draft is on disk before the old one goes
        recovery.discard(recovered)
        open_in_editor(target)
        documents().release(target, holder)
        window.close()

    def discard(window: CompareWindow) -> None:
        if not window.dialogs.ask_discard_recovered(draft.title):
            return
        recovery.discard(recovered)
        window.close()

    where = f"“{draft.path.name}”" if draft.path is not None else "an agent that was never saved"
    message = (f"Agent Editor closed without saving changes to {where}. Left: the text recovered from "
               f"{_when(draft.written)}. Right: the file as it is on disk now. Restore the recovered text, "
               "take single fields or sections across, or discard it.")
    window = open_version_compare(parent, dialogs, recovered_doc, current, message, [
        ("Restore", restore, "Use the recovered text (not yet saved: save it to keep it)"),
        ("Discard…", discard, "Delete the recovered text"),
    ])
    if draft.path is not None:
        window.version_bar.message.setToolTip(str(draft.path))
    if not on_disk_missing:
        documents().release(current, holder)  # the window holds it now
    window.show()
    return window
