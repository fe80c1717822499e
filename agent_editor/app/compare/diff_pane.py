"""One side of the compare view's bodies: read-only text, one row per aligned row, with a gutter.

``DiffPane`` shows one variant's lines as rows (``show_rows``): changed lines tinted,
changed words marked, blank hatched rows where the other side has lines and this one
none, and line numbers and change marks in the gutter. With lines wrapped, a row can
take more screen lines on one side than on the other; ``set_padding`` then adds empty
screen lines inside the shorter side's row (line separators at its end, which are not
part of the text shown or copied), so every row is as tall on both sides and the two
panes stay level all the way down.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from agent_editor.app.access.names import name
from agent_editor.app.compare.style import colours
from agent_editor.compare.model import Op, Side
from agent_editor.compare.rows import AlignedRow

__all__ = ["DiffPane", "PADDING"]

# An empty screen line inside a row (Qt's line separator): pads a wrapped row to the
# height of the other side's. Real line separators in the text are shown as signs.
PADDING = "\u2028"


# Characters Qt would take for a line break inside a row, shown instead as a sign of the
# same length so rows stay one line each and word positions stay right.
_ROW_BREAKERS = str.maketrans({"\r": "␍", "\u2028": "⏎", "\u2029": "¶", "\ufdd0": "�", "\ufdd1": "�"})


def _utf16_length(text: str) -> int:
    """Qt counts text positions in UTF-16 units; Python in code points."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class _Gutter(QWidget):
    """Line numbers of the variant's own body (none on filler rows) and change marks."""

    def __init__(self, pane: DiffPane):
        super().__init__(pane)
        self._pane = pane

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._pane.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self._pane.paint_gutter(self, event)


class DiffPane(QPlainTextEdit):
    """One side of the view: read-only text, a row per aligned row, with a gutter."""

    focused = Signal()
    width_changed = Signal()  # wrapped rows may now take more or fewer screen lines

    def __init__(self, side: Side, parent: QWidget | None = None):
        super().__init__(parent, objectName="diffPane")
        self.side = side
        name(self, self.tr("Body of variant {letter}").format(letter=side.value.upper()),
             self.tr("Read only; F7 and Shift+F7 step through the changes"))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.setFont(font)
        self.numbers: list[int | None] = []  # per row: the 1-based line number in this body
        self.marks: list[QColor | None] = []  # per row: the gutter mark of a changed line
        self.current: tuple[int, int] | None = None  # rows of the current change
        self.padding: list[int] = []  # per row: the empty screen lines added at its end
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._on_self_update_request)
        self._update_gutter_width()

    # ----- content -----------------------------------------------------------------------

    def show_rows(self, texts: Sequence[str | None], numbers: Sequence[int | None],
                  line_colour: QColor, word_colour: QColor, rows: Sequence[AlignedRow]) -> None:
        """Fill the pane: ``texts[i]`` is row i's line (None for a filler row)."""
        scroll = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        self.numbers = list(numbers)
        self.padding = [0] * len(texts)
        self.setPlainText("\n".join(text.translate(_ROW_BREAKERS) if text is not None else "" for text in texts))
        document = self.document()
        changed_line, filler = QTextBlockFormat(), QTextBlockFormat()
        changed_line.setBackground(line_colour)
        filler.setBackground(QBrush(colours().filler_hatch, Qt.BrushStyle.BDiagPattern))
        word = QTextCharFormat()
        word.setBackground(word_colour)
        shown = Op.DELETE if self.side is Side.A else Op.INSERT
        marks: list[QColor | None] = [None] * len(texts)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        block = document.begin()
        for index, row in enumerate(rows):
            if row.change is not None:
                if texts[index] is None:
                    cursor.setPosition(block.position())
                    cursor.setBlockFormat(filler)
                else:
                    cursor.setPosition(block.position())
                    cursor.setBlockFormat(changed_line)
                    marks[index] = word_colour
                    offset = 0
                    for segment in row.segments:
                        if segment.op is Op.EQUAL or segment.op is shown:
                            length = _utf16_length(segment.text)
                            if segment.op is shown and segment.text.strip():
                                cursor.setPosition(block.position() + offset)
                                cursor.setPosition(block.position() + offset + length, QTextCursor.MoveMode.KeepAnchor)
                                cursor.mergeCharFormat(word)
                            offset += length
            block = block.next()
        cursor.endEditBlock()
        self.marks = marks
        self._update_gutter_width()
        self.verticalScrollBar().setValue(scroll[0])
        self.horizontalScrollBar().setValue(scroll[1])

    def row_texts(self) -> list[str]:
        """Each row's text as shown, without padding."""
        texts = []
        block = self.document().begin()
        for padding in self.padding or [0] * self.document().blockCount():
            text = block.text()
            texts.append(text[: len(text) - padding] if padding else text)
            block = block.next()
        return texts

    def natural_line_counts(self) -> list[int]:
        """How many screen lines each row takes at the current width, padding left out."""
        layout = self.document().documentLayout()
        counts = []
        block = self.document().begin()
        for padding in self.padding:
            layout.blockBoundingRect(block)  # lays the row out if it is not yet
            counts.append(max(1, block.layout().lineCount() - padding))
            block = block.next()
        return counts

    def set_padding(self, padding: Sequence[int]) -> None:
        """Give row i ``padding[i]`` empty screen lines at its end (only rows that change are touched)."""
        if list(padding) == self.padding:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        for index, (old, new) in enumerate(zip(self.padding, padding)):
            if old != new:
                end = block.position() + block.length() - 1
                cursor.setPosition(end - old)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(PADDING * new)
                self.padding[index] = new
            block = block.next()
        cursor.endEditBlock()
        # Qt lays edited rows out again only when it paints them, and until then counts
        # them as one screen line each: lay them out now, so scroll positions are right.
        layout = self.document().documentLayout()
        block = self.document().begin()
        while block.isValid():
            layout.blockBoundingRect(block)
            block = block.next()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt's name
        # Padding is not text: copying leaves it out.
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(PADDING, ""))
        return data

    def set_current(self, rows: tuple[int, int] | None) -> None:
        self.current = rows
        self.viewport().update()
        self._gutter.update()

    # ----- positions -----------------------------------------------------------------------

    def top_position(self) -> tuple[int, float]:
        """The row at the top of the view, and how far into it (0..1) the view starts."""
        block = self.firstVisibleBlock()
        lines = max(1, block.lineCount())
        inside = self.verticalScrollBar().value() - block.firstLineNumber()
        return block.blockNumber(), min(1.0, max(0.0, inside / lines))

    def scroll_to_position(self, row: int, share: float = 0.0) -> None:
        block = self.document().findBlockByNumber(max(0, row))
        if not block.isValid():
            return
        self.verticalScrollBar().setValue(block.firstLineNumber() + round(share * max(1, block.lineCount())))

    def scroll_to_row(self, row: int, above: int = 3) -> None:
        """Scroll so ``row`` shows with ``above`` screen lines before it."""
        block = self.document().findBlockByNumber(max(0, row))
        if block.isValid():
            self.verticalScrollBar().setValue(max(0, block.firstLineNumber() - above))

    def visible_lines(self) -> int:
        return max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))

    def row_at(self, position: QPoint) -> int:
        return self.cursorForPosition(position).blockNumber()

    def row_rect(self, first: int, last: int) -> QRectF:
        """Viewport rectangle covering rows ``first`` .. ``last`` (inclusive)."""
        document = self.document()
        top_block, bottom_block = document.findBlockByNumber(first), document.findBlockByNumber(last)
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(top_block).translated(offset).top()
        bottom = self.blockBoundingGeometry(bottom_block).translated(offset).bottom()
        return QRectF(0, top, self.viewport().width(), bottom - top)

    # ----- painting --------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max([n for n in self.numbers if n is not None], default=1)))
        return 18 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_gutter_width(self, *_args) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_self_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit()

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        palette = colours()
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), palette.panel)
        painter.setPen(palette.line)
        painter.drawLine(gutter.width() - 1, event.rect().top(), gutter.width() - 1, event.rect().bottom())
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        line_height = self.fontMetrics().height()
        painter.setFont(self.font())
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            row = block.blockNumber()
            top, height = int(geometry.top()), int(geometry.height())
            if self.current and self.current[0] <= row < self.current[1]:
                painter.fillRect(0, top, 4, height, palette.current_change)
            mark = self.marks[row] if row < len(self.marks) else None
            if mark is not None:
                painter.fillRect(gutter.width() - 5, top, 4, height, mark)
            number = self.numbers[row] if row < len(self.numbers) else None
            if number is not None:
                painter.setPen(palette.muted_text)
                painter.drawText(QRect(0, top, gutter.width() - 9, line_height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(number))
            block = block.next()
        painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.current:
            return
        first, end = self.current
        rect = self.row_rect(first, end - 1).adjusted(1, 0, -2, 0)
        if rect.bottom() < 0 or rect.top() > self.viewport().height():
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colours().current_change, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 3, 3)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.focused.emit()
