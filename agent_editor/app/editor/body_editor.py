"""The body editor: Markdown text with highlighting and find/replace, showing an OpenDocument's body.

Typing goes one way into the ``OpenDocument`` (which keeps the one undo history);
when the body changes from elsewhere (undo, a reload, a fix) only the changed span of
text is replaced, so the cursor and scroll position stay where the author was.

Tab moves on to the next control, as everywhere else in the window, so a keyboard
user is never trapped in the text; Ctrl+Tab types an indent, in the style the
instructions already use (a tab character, or spaces).

A stranger's body may be megabytes long. A large one is put into the editor a slice at a
time, one slice per turn of the event loop, read-only until all of it is in. A line of
hundreds of thousands of characters cannot be sliced (Qt lays out a line in one go), so
such a body is shown with its long lines cut short, read-only, under a banner that says
so, until the author asks to edit all of it. Either way the document keeps every
character: the editor sends nothing back while it shows less than the whole body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from agent_editor.app.access.names import name
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.editor.find_actions import FindActions
from agent_editor.app.editor.highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from agent_editor.app.editor.find_bar import FindReplaceBar


_LEADING_SPACES = re.compile(r"^( +)\S", re.MULTILINE)

# A body longer than this, or of more lines, goes into the editor in slices of about this
# size (at a line break), one per turn of the event loop: with its colouring (which costs
# by the line as much as by the character), a slice takes some 10 ms.
LOAD_SLICE_CHARS = 100_000
LOAD_SLICE_LINES = 2_000
# A line longer than this takes Qt too long to lay out (about 0.15 s a million characters,
# again at each resize): the body is shown with such lines cut to SHOWN_OF_A_LONG_LINE.
LONG_LINE_CHARS = 100_000
SHOWN_OF_A_LONG_LINE = 10_000


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
        self.long_lines = _LongLinesBanner()
        self.long_lines.edit_button.clicked.connect(self._on_long_lines_edit_clicked)
        box.addWidget(self.long_lines)
        box.addWidget(self.editor)
        self._open: OpenDocument | None = None
        self._showing = False
        self._held = False  # long lines are shown cut short
        self._whole_asked = False  # the author asked to edit the whole text, long lines and all
        self._pending = ""  # the rest of the body, still to go into the editor
        # The body this editor last sent, while it still holds exactly that: the document
        # echoes every edit back (``show_body``), and reading a large body out of the
        # editor again for each keystroke would cost milliseconds.
        self._sent: str | None = None
        self._load_timer = QTimer(self, singleShot=True, interval=0)
        self._load_timer.timeout.connect(self._on_load_timer_timeout)
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
        self._whole_asked = False
        self._show_whole(open_doc.body if open_doc else "")
        if open_doc is not None:
            open_doc.body_changed.connect(self.show_body)

    @property
    def showing_all(self) -> bool:
        """Whether the editor holds the whole body (not cut short, nor still being filled)."""
        return not self._held and not self._pending

    def _show_whole(self, text: str) -> None:
        """Put ``text`` into the editor: at once, a slice at a time, or with its long lines cut."""
        self._load_timer.stop()
        self._pending = ""
        long_line = has_long_line(text)
        self._held = long_line and not self._whole_asked
        shown = text
        if self._held:
            lines = text.split("\n")
            shown = "\n".join(line if len(line) <= LONG_LINE_CHARS else line[:SHOWN_OF_A_LONG_LINE] + " …"
                              for line in lines)
            self.long_lines.say(max(map(len, lines)))
        first, rest = _first_slice(shown)
        if rest and not (long_line and self._whole_asked):
            shown, self._pending = first, rest
            self._load_timer.start()
        # else small, or the author asked for every long line whole: all at once
        self.long_lines.setVisible(self._held)
        self.editor.setReadOnly(not self.showing_all)
        self._showing = True
        try:
            self.editor.setPlainText(shown)
        finally:
            self._showing = False

    def _on_load_timer_timeout(self) -> None:
        piece, self._pending = _first_slice(self._pending)
        cursor = QTextCursor(self.editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._showing = True
        try:
            cursor.insertText(piece)
        finally:
            self._showing = False
        if self._pending:
            self._load_timer.start()
        else:
            self.editor.setReadOnly(not self.showing_all)

    def finish_loading(self) -> None:
        """Put the rest of the body in now (the author wants a line further down)."""
        while self._pending:
            self._on_load_timer_timeout()

    def _on_long_lines_edit_clicked(self) -> None:
        self._whole_asked = True
        if self._open is not None:
            self._show_whole(self._open.body)

    def show_body(self, text: str) -> None:
        if not self.showing_all:  # the editor holds part of the body: start again from the new one
            self._show_whole(text)
            return
        if text == self._sent:  # the echo of the author's own edit
            return
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
        self.finish_loading()
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    def _on_editor_text_changed(self) -> None:
        self._sent = None  # whatever changed the editor, it may no longer hold what it sent
        if self._showing or self._open is None or not self.showing_all:
            return  # never send part of the body back as if it were all of it
        self._sent = exact_text(self.editor)
        self._open.set_body(self._sent)
        self.body_edited.emit()


class _LongLinesBanner(QFrame):
    """Says that the body's long lines are shown cut short, with the button that shows them whole."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        row.addWidget(self.text, 1)
        self.edit_button = QPushButton(self.tr("Edit the Whole Text"))
        name(self.edit_button, self.tr("Edit the whole text"), self.tr("Shows the long lines whole, to edit them"))
        self.edit_button.setToolTip(self.tr("Show the long lines whole and let the instructions be edited; laying "
                                            "them out can hold the window for seconds"))
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, longest: int) -> None:
        self.text.setText(self.tr(
            "These instructions have a line of {count} characters. Long lines are shown cut short, and the text "
            "cannot be edited here until you ask; the file keeps every character, and saving writes them back "
            "as they are.").format(count=f"{longest:,}"))


def has_long_line(text: str, limit: int = LONG_LINE_CHARS) -> bool:
    """Whether a line of ``text`` is longer than ``limit``: a few steps, each to the last line
    break within that many characters (none there: the line is longer)."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit + 1)
        if cut < 0:
            return True
        start = cut + 1
    return False


def _first_slice(text: str) -> tuple[str, str]:
    """At most ``LOAD_SLICE_LINES`` lines and about ``LOAD_SLICE_CHARS`` of ``text``, ending after a
    line break when there is one, and the rest."""
    end = min(len(text), LOAD_SLICE_CHARS)
    if text.count("\n", 0, end) > LOAD_SLICE_LINES:
        cut = -1
        for _ in range(LOAD_SLICE_LINES):
            cut = text.find("\n", cut + 1)
        return text[:cut + 1], text[cut + 1:]
    if end == len(text):
        return text, ""
    cut = text.rfind("\n", 0, end) + 1 or end
    return text[:cut], text[cut:]


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
