"""Comparing another version of a file with its open text, and taking from it.

One compare view serves every "other version": a recovered draft against the file on
disk, an earlier saved version or git's last committed one against the open text,
and the file another program changed ("theirs") against the unsaved text ("mine").
The other version is shown on the left, read-only (it is a record, not a file to
edit); the open document on the right is the app's one document of that file, so a
field, a section or a change carried across is one undo step in its history, shared
with the editor. A bar above the comparison says what is compared and offers the
decisions (restore the whole version, discard a draft ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolBar, QWidget

from agent_editor.agentfile.document import AgentDocument
from agent_editor.app.dialogs import Dialogs
from agent_editor.app.open_document import OpenDocument

if TYPE_CHECKING:  # the compare window is imported when one opens, not with the safety net
    from agent_editor.app.compare.window import CompareWindow

__all__ = ["VersionBar", "open_version_compare", "version_document"]


def version_document(text: str, title: str) -> OpenDocument:
    """A read-only document of ``text`` (never saved), shown as ``title``."""
    document = OpenDocument(AgentDocument.parse(text))
    document.title = title
    document.read_only = True
    return document


class VersionBar(QToolBar):
    """What is compared, in plain words, and the buttons that decide about it."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__("Version", parent, objectName="versionBar")
        self.setMovable(False)
        self.message = QLabel(text, objectName="versionMessage", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it names files: a stranger's text
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setContentsMargins(10, 4, 10, 4)
        self.addWidget(self.message)
        self.buttons: dict[str, QPushButton] = {}

    def add_button(self, label: str, action: Callable[[], object], tip: str = "") -> QPushButton:
        button = QPushButton(label)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _=False: action())
        self.addWidget(button)
        self.buttons[label] = button
        return button


def open_version_compare(parent: QWidget | None, dialogs: Dialogs, version: OpenDocument,
                         current: OpenDocument, message: str,
                         buttons: Sequence[tuple[str, Callable[[CompareWindow], object], str]] = ()) -> CompareWindow:
    """Show ``version`` (left, read-only) against ``current`` (right) with a bar of ``buttons``.

    Each button is (label, action taking the window, tooltip). The window deletes
    itself when closed.
    """
    from agent_editor.app.compare.window import CompareWindow

    window = CompareWindow([version, current], parent=parent)
    window.dialogs = dialogs.for_window(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    bar = VersionBar(message, window)
    for label, action, tip in buttons:
        bar.add_button(label, lambda a=action: a(window), tip)
    window.addToolBarBreak()
    window.addToolBar(bar)
    window.version_bar = bar
    window.setWindowTitle(f"{version.display_name} ↔ {current.display_name} — Agent Editor")
    return window


def restore_whole(version: OpenDocument, current: OpenDocument, label: str) -> bool:
    """Make ``current`` the text of ``version`` as one undo step; False when they are the same."""
    text = version.document.to_text()
    if text == current.document.to_text():
        return False
    current.replace_text(text, label)
    return True
