"""The find and replace bar attached to a plain-text editor.

Owns searching the editor's document: incremental find with wrap-around, the match
count ("3 of 12"), light highlighting of every match, replace and replace-all (one
undo step), and the Find / Find Next / Find Previous / Replace actions a window adds
to its menus. Matching is literal text, optionally case-sensitive.

Keys in the bar: Enter finds the next match, Shift+Enter the previous one, Enter in
the replace field replaces the current match and moves on, Escape closes the bar and
gives the focus back to the editor.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from agent_editor.app.editor.find_actions import FindActions

from agent_editor.app.access.names import name
from agent_editor.app.look.look import look

# Highlighting every match of a one-letter search in a large file would cost more
# than it helps; past this many, matches are counted but not highlighted.
MAX_HIGHLIGHTED_MATCHES = 2000
# Recounting after an edit waits for typing to pause.
RECOUNT_DELAY_MS = 150

# Marks the editor's extra selections that belong to this bar, so others are kept.
_OWNED_PROPERTY = QTextFormat.Property.UserProperty + 0x4642


class FindReplaceBar(QWidget):
    """A slim find / replace bar for one QPlainTextEdit; hidden until asked for."""

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None,
                 actions: FindActions | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._matches: list[tuple[int, int]] = []  # (start, end) of every match
        self._recount_timer = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self._on_recount_timer_timeout)

        self.find_field = QLineEdit(placeholderText=self.tr("Find"), clearButtonEnabled=True)
        self.replace_field = QLineEdit(placeholderText=self.tr("Replace"), clearButtonEnabled=True)
        self.match_case_box = QCheckBox(self.tr("Match case"))
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(self.tr("No results")) + 8)
        self.previous_button = QToolButton(text="↑", toolTip=self.tr("Previous match (Shift+Enter)"))
        self.next_button = QToolButton(text="↓", toolTip=self.tr("Next match (Enter)"))
        self.replace_button = QToolButton(text=self.tr("Replace"), toolTip=self.tr("Replace this match and find the next"))
        self.replace_all_button = QToolButton(text=self.tr("Replace All"), toolTip=self.tr("Replace every match at once"))
        self.close_button = QToolButton(text="✕", toolTip=self.tr("Close (Escape)"), autoRaise=True)
        name(self.find_field, self.tr("Find"), self.tr("The text to look for in the instructions"))
        name(self.replace_field, self.tr("Replace with"), self.tr("The text that replaces each match"))
        name(self.match_case_box, self.tr("Match case"), self.tr("Only find text with the same capital letters"))
        name(self.previous_button, self.tr("Previous match"), self.tr("Go to the previous match (Shift+Enter)"))
        name(self.next_button, self.tr("Next match"), self.tr("Go to the next match (Enter)"))
        name(self.replace_button, self.tr("Replace"), self.tr("Replace this match and find the next"))
        name(self.replace_all_button, self.tr("Replace all"), self.tr("Replace every match at once"))
        name(self.close_button, self.tr("Close the find bar"), self.tr("Close the find bar (Escape)"))
        self._replace_widgets = (self.replace_field, self.replace_button, self.replace_all_button)

        find_row = QHBoxLayout()
        for widget in (self.find_field, self.count_label, self.previous_button, self.next_button,
                       self.match_case_box):
            find_row.addWidget(widget)
        replace_row = QHBoxLayout()
        for widget in self._replace_widgets:
            replace_row.addWidget(widget)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setVerticalSpacing(3)
        layout.addLayout(find_row, 0, 0)
        layout.addWidget(self.close_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(replace_row, 1, 0)
        layout.setColumnStretch(0, 1)

        self.actions = actions or FindActions(self)
        self.find_action, self.find_next_action = self.actions.find, self.actions.find_next
        self.find_previous_action, self.replace_action = self.actions.find_previous, self.actions.replace
        self.find_action.triggered.connect(self.show_find)
        self.find_next_action.triggered.connect(self.find_next)
        self.find_previous_action.triggered.connect(self.find_previous)
        self.replace_action.triggered.connect(self.show_replace)

        self.find_field.textEdited.connect(self._on_find_field_text_edited)
        self.match_case_box.toggled.connect(self._on_match_case_box_toggled)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self._editor.document().contentsChanged.connect(self._on_document_contents_changed)
        self._editor.cursorPositionChanged.connect(self._on_editor_cursor_position_changed)
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)

        self.hide()

    # Actions and opening / closing

    def actions_for_window(self) -> list[QAction]:
        return self.actions.all()

    def install_actions(self, widget: QWidget) -> None:
        """Add the find actions to ``widget`` (usually the main window) so their keys work there."""
        widget.addActions(self.actions_for_window())

    def show_find(self) -> None:
        self._open(replace=False)

    def show_replace(self) -> None:
        self._open(replace=True)

    def close_bar(self) -> None:
        self.hide()
        self._set_highlights([])
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def _open(self, *, replace: bool) -> None:
        for widget in self._replace_widgets:
            widget.setVisible(replace)
        selected = self._editor.textCursor().selectedText()
        # A selection spanning lines holds U+2029 separators: not a useful search.
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()
        self._recount()

    # Searching

    def search_text(self) -> str:
        return self.find_field.text()

    def match_count(self) -> int:
        return len(self._matches)

    def current_match_index(self) -> int | None:
        """Index in the match list of the match selected in the editor, if one is."""
        cursor = self._editor.textCursor()
        if not cursor.hasSelection():
            return None
        selection = (cursor.selectionStart(), cursor.selectionEnd())
        index = bisect.bisect_left(self._matches, selection)
        if index < len(self._matches) and self._matches[index] == selection:
            return index
        return None

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _flags(self, *, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.match_case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, *, backward: bool, from_position: int | None = None) -> bool:
        text = self.search_text()
        if not text:
            return False
        document = self._editor.document()
        cursor = self._editor.textCursor()
        if from_position is None:
            from_position = cursor.selectionStart() if backward else cursor.selectionEnd()
        flags = self._flags(backward=backward)
        found = document.find(text, from_position, flags)
        if found.isNull():
            # Wrap around: from the end going back, from the start going forward.
            found = document.find(text, document.characterCount() - 1 if backward else 0, flags)
        if found.isNull():
            self._update_count_label()
            return False
        self._editor.setTextCursor(found)
        self._editor.ensureCursorVisible()
        self._update_count_label()
        self._set_highlights(self._matches)
        return True

    def _recount(self) -> None:
        self._matches = self._find_all()
        self._update_count_label()
        self._set_highlights(self._matches)

    def _find_all(self) -> list[tuple[int, int]]:
        text = self.search_text()
        if not text:
            return []
        document = self._editor.document()
        flags = self._flags()
        matches = []
        found = document.find(text, 0, flags)
        while not found.isNull():
            matches.append((found.selectionStart(), found.selectionEnd()))
            found = document.find(text, found, flags)
        return matches

    def _update_count_label(self) -> None:
        if not self.search_text():
            self.count_label.clear()
        elif not self._matches:
            self.count_label.setText(self.tr("No results"))
        else:
            index = self.current_match_index()
            position = "?" if index is None else str(index + 1)
            self.count_label.setText(self.tr("{position} of {count}").format(position=position,
                                                                             count=len(self._matches)))

    def _set_highlights(self, matches: list[tuple[int, int]]) -> None:
        others = [s for s in self._editor.extraSelections() if not s.format.hasProperty(_OWNED_PROPERTY)]
        if not self.isVisible() or len(matches) > MAX_HIGHLIGHTED_MATCHES:
            matches = []
        current = self.current_match_index()
        document = self._editor.document()
        colours = look().colours
        owned = []
        for index, (start, end) in enumerate(matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            background = colours["find_current" if index == current else "find_match"]
            selection.format.setBackground(QColor(background))
            selection.format.setProperty(_OWNED_PROPERTY, True)
            owned.append(selection)
        if owned or len(others) != len(self._editor.extraSelections()):
            self._editor.setExtraSelections(others + owned)

    # Replacing

    def _is_match(self, cursor: QTextCursor) -> bool:
        selected, text = cursor.selectedText(), self.search_text()
        if self.match_case_box.isChecked():
            return selected == text
        return selected.casefold() == text.casefold()

    def replace_current(self) -> bool:
        """Replace the selected match, if the selection is one, then find the next."""
        if not self.search_text() or self._editor.isReadOnly():  # read-only: a body not all shown yet
            return False
        cursor = self._editor.textCursor()
        replaced = cursor.hasSelection() and self._is_match(cursor)
        if replaced:
            cursor.insertText(self.replace_field.text())
            self._editor.setTextCursor(cursor)
            self._recount()
        self._find(backward=False)
        return replaced

    def replace_all(self) -> int:
        """Replace every match as a single undo step; returns how many were replaced."""
        text = self.search_text()
        if not text or self._editor.isReadOnly():
            return 0
        replacement = self.replace_field.text()
        document = self._editor.document()
        flags = self._flags()
        cursor = QTextCursor(document)
        count = 0
        cursor.beginEditBlock()
        found = document.find(text, 0, flags)
        while not found.isNull():
            cursor.setPosition(found.selectionStart())
            cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
            count += 1
            # Search on after the replacement, so one that contains the text is not rescanned.
            found = document.find(text, cursor.position(), flags)
        cursor.endEditBlock()
        self._recount()
        return count

    # Handlers

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.replace_field:
                    self.replace_current()
                elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape anywhere in the bar (a button or the check box has the focus).
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _on_find_field_text_edited(self, _text: str) -> None:
        # Incremental search: look again from where the current match starts, so
        # typing more letters keeps the match in place while it still fits.
        self._matches = self._find_all()
        self._find(backward=False, from_position=self._editor.textCursor().selectionStart())
        self._update_count_label()
        self._set_highlights(self._matches)

    def _on_match_case_box_toggled(self, _checked: bool) -> None:
        self._recount()

    def _on_document_contents_changed(self) -> None:
        if self.isVisible() and self.search_text():
            self._recount_timer.start()

    def _on_recount_timer_timeout(self) -> None:
        if self.isVisible():
            self._recount()

    def _on_editor_cursor_position_changed(self) -> None:
        if self.isVisible() and self._matches:
            self._update_count_label()

