"""The body editor: Markdown text with highlighting and find/replace, showing an OpenDocument's body.

Typing goes one way into the ``OpenDocument`` (which keeps the one undo history);
when the body changes from elsewhere (undo, a reload, a fix) only the changed span of
text is replaced, so the cursor and scroll position stay where the author was.

Tab moves on to the next control, as everywhere else in the window, so a keyboard
user is never trapped in the text; Ctrl+Tab types an indent, in the style the
instructions already use (a tab character, or spaces).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from agent_editor.app.open_document import OpenDocument
from agent_editor.app.editor.find_actions import FindActions
from agent_editor.app.editor.highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from agent_editor.app.editor.find_bar import FindReplaceBar


_LEADING_SPACES = re.compile(r"^( +)\S", re.MULTILINE)


def indent_unit(text: str) -> str:
    """What one indent is in ``text``: a tab, unless its lines are indented with spaces only.

    With spaces, one indent is the smallest indent a line uses (at least 2, at most 8).
    """
    if re.search(r"^\t", text, re.MULTILINE):
        return "\t"
    widths = [len(match.group(1)) for match in _LEADING_SPACES.finditer(text)]
    if not widths:
        return "\t"
    return " " * min(8, max(2, min(widths)))


class MarkdownEdit(QPlainTextEdit):
    """A plain-text editor whose undo and redo belong to the window's single history.

    Tab and Shift+Tab move the focus on and back; Ctrl+Tab types an indent.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if not self.isReadOnly():
                self.textCursor().insertText(indent_unit(exact_text(self)))
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()  # let the window's Undo/Redo actions take the key
            return True
        return super().event(event)


class BodyEditor(QWidget):
    body_edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = MarkdownEdit(objectName="bodyEditor")
        self.editor.setUndoRedoEnabled(False)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.editor.setFont(font)
        self.editor.setPlaceholderText(self.tr("Write the agent's instructions here, in Markdown."))
        self.editor.setAccessibleName(self.tr("Instructions"))
        self.editor.setAccessibleDescription(self.tr(
            "The agent's instructions in Markdown: what Claude Code tells the agent when it starts. "
            "Tab moves to the next control; Ctrl+Tab types an indent."))
        self.highlighter = MarkdownHighlighter(self.editor.document())
        self.find_actions = FindActions(self)
        for action, method in zip(self.find_actions.all(), ("show_find", "find_next", "find_previous", "show_replace")):
            action.triggered.connect(lambda _=False, m=method: self._on_find_action_triggered(m))
        self._find_bar = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.editor)
        self._open: OpenDocument | None = None
        self._showing = False
        self.editor.textChanged.connect(self._on_editor_text_changed)

    @property
    def find_bar(self) -> FindReplaceBar:
        """The find and replace bar under the editor, built the first time it is needed."""
        if self._find_bar is None:
            from agent_editor.app.editor.find_bar import FindReplaceBar

            self._find_bar = FindReplaceBar(self.editor, actions=self.find_actions)  # it takes the actions
            self.layout().addWidget(self._find_bar)
        return self._find_bar

    def _on_find_action_triggered(self, method: str) -> None:
        if self._find_bar is None:  # once built, the bar takes the actions itself
            getattr(self.find_bar, method)()

    def bind(self, open_doc: OpenDocument | None) -> None:
        if self._open is not None:
            self._open.body_changed.disconnect(self.show_body)
        self._open = open_doc
        self._showing = True
        self.editor.setPlainText(open_doc.body if open_doc else "")
        self._showing = False
        if open_doc is not None:
            open_doc.body_changed.connect(self.show_body)

    def show_body(self, text: str) -> None:
        current = exact_text(self.editor)
        if text == current:
            return
        # Replace only the span that differs, so the cursor and scroll stay put.
        start = 0
        limit = min(len(text), len(current))
        while start < limit and text[start] == current[start]:
            start += 1
        end_old, end_new = len(current), len(text)
        while end_old > start and end_new > start and current[end_old - 1] == text[end_new - 1]:
            end_old -= 1
            end_new -= 1
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(_utf16(current, start))
        cursor.setPosition(_utf16(current, end_old), QTextCursor.MoveMode.KeepAnchor)
        self._showing = True
        try:
            cursor.insertText(text[start:end_new])
        finally:
            self._showing = False

    def go_to_line(self, line: int) -> None:
        """Put the cursor on a line of the body (1-based)."""
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    def _on_editor_text_changed(self) -> None:
        if self._showing or self._open is None:
            return
        self._open.set_body(exact_text(self.editor))
        self.body_edited.emit()


def exact_text(edit: QPlainTextEdit) -> str:
    """The editor's text exactly as it stands.

    ``toPlainText`` turns no-break spaces into spaces and line separators into line
    breaks, which would change the file in places the author never touched.
    """
    return edit.document().toRawText().replace("\u2029", "\n")


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
