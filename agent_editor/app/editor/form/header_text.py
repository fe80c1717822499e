"""The header shown as text, with the file's own line numbers in a margin.

The header text starts below the opening ``---``, which is line 1 of the file, so
its first line is numbered 2: the same number the problem list, the command line
and any other editor give that line.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from agent_editor.app.editor.form.editors import TextEditor, monospace_font

FIRST_HEADER_LINE = 2  # line 1 of the file is the opening ---


class _LineNumbers(QWidget):
    def __init__(self, edit: NumberedPlainTextEdit):
        super().__init__(edit)
        self._edit = edit

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._edit.number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self._edit.paint_numbers(self, event)


class NumberedPlainTextEdit(QPlainTextEdit):
    """A plain-text editor whose margin numbers the lines from ``first_number``."""

    def __init__(self, first_number: int = 1, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self.first_number = first_number
        self._numbers = _LineNumbers(self)
        self.blockCountChanged.connect(self._on_block_count_changed)
        self.updateRequest.connect(self._on_update_request)
        self._on_block_count_changed(0)

    def number_width(self) -> int:
        digits = len(str(self.first_number + max(1, self.blockCount()) - 1))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def paint_numbers(self, area: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(area)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self.font())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible():
                painter.drawText(0, top, area.width() - 5, height, Qt.AlignmentFlag.AlignRight,
                                 str(block.blockNumber() + self.first_number))
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        inside = self.contentsRect()
        self._numbers.setGeometry(QRect(inside.left(), inside.top(), self.number_width(), inside.height()))

    def _on_block_count_changed(self, _count: int) -> None:
        self.setViewportMargins(self.number_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())


class HeaderTextEditor(TextEditor):
    """The whole header as text, numbered as the file numbers its lines."""

    text_class = NumberedPlainTextEdit

    def __init__(self, lines: int = 12):
        super().__init__(lines=lines)
        self.text.first_number = FIRST_HEADER_LINE
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one number, one line
