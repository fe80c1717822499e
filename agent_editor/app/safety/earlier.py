"""The editor's ways to compare the open agent with another version of its file.

- File › Compare with an Earlier Version…: the versions kept in the local history
  (newest first), and git's last committed version when the file is in a repository.
- The outside-changes banner's "Compare": the file as another program left it
  ("theirs") against the unsaved text ("mine").

Each opens the compare view with the other version read-only on the left and the open
document on the right (see ``versions``): a field, a section or a change carried
across, or the whole version restored, is one undo step in the open document.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError, decode
from agent_editor.app.actions import add_action

if TYPE_CHECKING:  # the compare view is loaded when first asked for, not at start-up
    from agent_editor.app.compare.window import CompareWindow

__all__ = ["VersionActions"]

_CARRY_HINT = "Use the arrows to take a field, a section or a change across, or restore the whole version."


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).strftime("%a %d %b %Y, %H:%M:%S")


def _size(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.1f} KB"


class VersionActions:
    """The editor window's "earlier version" and "compare with theirs" flows."""

    def __init__(self, window):
        self.window = window
        self.earlier_action: QAction | None = None

    def add_to_menu(self, menu: QMenu) -> None:
        self.earlier_action = add_action(
            self.window, menu, "Compare with an &Earlier Version…", self.compare_with_earlier, (),
            "Compare the open agent with a version saved before (or git's last commit), and restore from it")

    def set_enabled(self, enabled: bool) -> None:
        if self.earlier_action is not None:
            self.earlier_action.setEnabled(enabled)

    def compare_with_earlier(self) -> CompareWindow | None:
        window, document = self.window, self.window.current
        if document is None:
            return None
        if document.path is None:
            window.dialogs.show_error("No earlier versions",
                                      "This agent was never saved: versions are kept each time a file is saved.")
            return None
        from agent_editor.app.safety.net import installed  # started after the first paint

        net = installed()
        versions = net.history.versions(document.path) if net is not None else []
        choices = [f"{_when(v.kept)}  —  as it was before that save ({_size(v.size)})" for v in versions]
        from agent_editor.safety.history import last_committed  # git and the saved versions: read when asked

        committed = last_committed(document.path)
        if committed is not None:
            choices.append("Last committed in git (HEAD)")
        index = window.dialogs.ask_version(document.display_name, choices)
        if index is None:
            return None
        if index < len(versions):
            data, title = versions[index].read(), f"Saved version of {_when(versions[index].kept)}"
        else:
            data, title = committed, "Last git commit (HEAD)"
        from agent_editor.app.safety.versions import version_document

        try:
            text = decode(data, title)
        except DocumentError as error:
            window.dialogs.show_error("Cannot show this version", error.message)
            return None
        return self._open(version_document(text, title),
                          f"Left: {title} of “{document.display_name}”. Right: the open text. {_CARRY_HINT}",
                          "Restore Whole Version", f"Restore {title.lower()}")

    def compare_with_disk(self) -> CompareWindow | None:
        """Theirs (the file on disk now) against mine (the unsaved text)."""
        from agent_editor.app.safety.versions import version_document

        document = self.window.current
        if document is None or document.path is None:
            return None
        try:
            theirs = AgentDocument.load(document.path).to_text()
        except DocumentError as error:
            self.window.dialogs.show_error("Cannot read the file on disk", error.message)
            return None
        return self._open(version_document(theirs, "Theirs: on disk now"),
                          f"Left: “{document.display_name}” as another program saved it. Right: your unsaved text. "
                          "Take from theirs what you want, then save (your text then replaces the file).",
                          "Take All of Theirs", "Take theirs")

    def _open(self, version, message: str, restore_label: str, undo_label: str) -> CompareWindow:
        from agent_editor.app.safety.versions import open_version_compare, restore_whole

        current = self.window.current

        def restore(compare: CompareWindow) -> None:
            if restore_whole(version, current, undo_label):
                compare.statusBar().showMessage("Restored. Undo takes it back; save to keep it.", 8000)

        compare = open_version_compare(self.window, self.window.dialogs, version, current, message, [
            (restore_label, restore, "Make the open text this version (one step; Undo takes it back)"),
            ("Close", lambda c: c.close(), ""),
        ])
        compare.show()
        compare.raise_()
        return compare
