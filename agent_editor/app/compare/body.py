"""Two bodies side by side, aligned line for line, with the changes marked and stepped through.

``SideBySideBody`` shows a ``BodyDiff`` in two read-only panes. Alignment: both panes
get exactly one text line per row of the alignment (``align_rows``); where one side
has lines the other lacks, the other side gets a blank filler line (hatched). So line
N of one pane always stands beside line N of the other, and with lines unwrapped the
panes scroll together exactly, by the same scroll value. With lines wrapped (for prose)
a row can take more screen lines on one side, so the panes are kept together by the
row at the top instead: the other pane puts the same row (and the same share of it)
at its top.

Changed lines have a tinted background (red on the left, green on the right, as in
the report), changed words a stronger one, and the current change a frame and a bar
in the line-number gutter. The widget only shows and asks: ``take_requested(into)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
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
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from agent_editor.compare.bodies import BlockKind, BodyDiff
from agent_editor.compare.model import Op, Segment, Side
from agent_editor.app.compare.style import colours

__all__ = ["AlignedRow", "DiffPane", "SideBySideBody", "align_rows"]


@dataclass(frozen=True)
class AlignedRow:
    """One screen row of the side-by-side view: a line of A, of B, or of both.

    ``change`` is the index of the change the row belongs to (None in equal text);
    ``segments`` the word-level diff when both lines are there and differ.
    """

    a_line: int | None
    b_line: int | None
    change: int | None = None
    segments: tuple[Segment, ...] = ()


def align_rows(diff: BodyDiff) -> tuple[list[AlignedRow], list[tuple[int, int]]]:
    """Every row of the two bodies side by side, and each change's rows ``[start, end)``."""
    rows: list[AlignedRow] = []
    ranges: list[tuple[int, int]] = []
    changes = iter(diff.changes)
    for block in diff.blocks:
        if block.kind is BlockKind.EQUAL:
            rows.extend(AlignedRow(block.a_start + k, block.b_start + k) for k in range(block.a_end - block.a_start))
            continue
        index = len(ranges)
        change = next(changes)
        start = len(rows)
        rows.extend(AlignedRow(row.a_line, row.b_line, index, row.segments) for row in change.rows)
        ranges.append((start, len(rows)))
    return rows, ranges


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

    def __init__(self, side: Side, parent: QWidget | None = None):
        super().__init__(parent, objectName="diffPane")
        self.side = side
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


class SideBySideBody(QWidget):
    """Both bodies aligned, scrolled together, with a current change to step through."""

    current_change_changed = Signal(int, int)  # index (-1: none), count
    take_requested = Signal(object)  # the Side to take the current change into
    pane_focused = Signal(object)  # Side

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.panes = {Side.A: DiffPane(Side.A), Side.B: DiffPane(Side.B)}
        self.titles = {side: QLabel(objectName="paneTitle") for side in self.panes}
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(1)
        for side in (Side.A, Side.B):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(self.titles[side])
            column.addWidget(self.panes[side])
            columns.addLayout(column, 1)
            pane = self.panes[side]
            pane.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._on_pane_scrolled(s))
            pane.horizontalScrollBar().valueChanged.connect(lambda _v, s=side: self._on_pane_scrolled_sideways(s))
            pane.cursorPositionChanged.connect(lambda s=side: self._on_pane_cursor_position_changed(s))
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda pos, s=side: self._on_pane_context_menu_requested(s, pos))
            pane.focused.connect(lambda s=side: self.pane_focused.emit(s))
        self.rows: list[AlignedRow] = []
        self.change_rows: list[tuple[int, int]] = []
        self._row_of_line: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
        self._current: int | None = None
        self._letters = ("A", "B")
        self._wrapped = False
        self._syncing = False
        self._filling = False
        self.set_wrapped(False)

    # ----- showing ---------------------------------------------------------------------------

    def set_variants(self, letters: tuple[str, str], titles: tuple[str, str]) -> None:
        self._letters = letters
        for side, title in zip((Side.A, Side.B), titles):
            self.titles[side].setText(title)
            self.titles[side].setToolTip(title)

    def show_diff(self, diff: BodyDiff) -> None:
        """Show a new comparison; the current change stays at (or next after) where it was."""
        previous_row = self.change_rows[self._current][0] if self._current is not None else None
        previous_line = self.rows[previous_row].a_line if previous_row is not None else None
        self.rows, self.change_rows = align_rows(diff)
        self._row_of_line = {Side.A: {}, Side.B: {}}
        for index, row in enumerate(self.rows):
            if row.a_line is not None:
                self._row_of_line[Side.A].setdefault(row.a_line, index)
            if row.b_line is not None:
                self._row_of_line[Side.B].setdefault(row.b_line, index)
        self._filling = True
        palette = colours()
        try:
            for side, lines, line_colour, word_colour in (
                (Side.A, diff.a_lines, palette.removed_line, palette.removed_word),
                (Side.B, diff.b_lines, palette.added_line, palette.added_word),
            ):
                own = [row.a_line if side is Side.A else row.b_line for row in self.rows]
                texts = [lines[line] if line is not None else None for line in own]
                numbers = [line + 1 if line is not None else None for line in own]
                self.panes[side].show_rows(texts, numbers, line_colour, word_colour, self.rows)
        finally:
            self._filling = False
        self._sync_from(Side.A)
        if not self.change_rows:
            self._set_current(None, scroll=False)
        elif previous_row is None:
            self._set_current(0, scroll=self._current is None and previous_line is None)
        else:
            self._set_current(self._nearest_change(previous_row), scroll=False)

    def clear(self) -> None:
        """Show nothing (another pair is being compared); the next diff starts at its first change."""
        self.rows, self.change_rows = [], []
        self._row_of_line = {Side.A: {}, Side.B: {}}
        self._filling = True
        try:
            for pane in self.panes.values():
                pane.show_rows([], [], colours().removed_line, colours().removed_word, [])
        finally:
            self._filling = False
        self._set_current(None, scroll=False)

    def _nearest_change(self, row: int) -> int:
        """The first change starting at or after ``row``, else the last one."""
        for index, (start, _end) in enumerate(self.change_rows):
            if start >= row:
                return index
        return len(self.change_rows) - 1

    def set_wrapped(self, wrapped: bool) -> None:
        self._wrapped = wrapped
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if wrapped else QPlainTextEdit.LineWrapMode.NoWrap
        # Unwrapped, both panes always keep a horizontal scroll bar: equal viewport
        # heights keep the same scroll value showing the same rows to the end.
        bar = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if wrapped else Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        top = self.panes[Side.A].top_position()
        for pane in self.panes.values():
            pane.setLineWrapMode(mode)
            pane.setHorizontalScrollBarPolicy(bar)
        self.panes[Side.A].scroll_to_position(*top)
        self._sync_from(Side.A)

    @property
    def wrapped(self) -> bool:
        return self._wrapped

    # ----- the current change ----------------------------------------------------------------

    @property
    def current_change(self) -> int | None:
        return self._current

    @property
    def change_count(self) -> int:
        return len(self.change_rows)

    def current_rows(self) -> tuple[int, int] | None:
        return self.change_rows[self._current] if self._current is not None else None

    def go_to_change(self, index: int) -> None:
        if 0 <= index < len(self.change_rows):
            self._set_current(index, scroll=True)

    def next_change(self) -> bool:
        """Step to the next change; False at the last one (the view stops there)."""
        if self._current is None or self._current + 1 >= len(self.change_rows):
            return False
        self._set_current(self._current + 1, scroll=True)
        return True

    def previous_change(self) -> bool:
        if self._current is None or self._current == 0:
            return False
        self._set_current(self._current - 1, scroll=True)
        return True

    def _set_current(self, index: int | None, *, scroll: bool) -> None:
        self._current = index
        rows = self.change_rows[index] if index is not None else None
        for pane in self.panes.values():
            pane.set_current(rows)
        if rows is not None and scroll:
            pane = self.panes[Side.A]
            pane.scroll_to_row(rows[0], above=max(2, pane.visible_lines() // 4))
            self._sync_from(Side.A)
        self.current_change_changed.emit(-1 if index is None else index, len(self.change_rows))

    # ----- scrolling -------------------------------------------------------------------------

    def scroll_to_line(self, side: Side, line: int) -> None:
        """Show line ``line`` (0-based) of ``side``'s body near the top of both panes."""
        row = self._row_of_line[side].get(line)
        if row is None:
            return
        self.panes[side].scroll_to_row(row, above=1)
        self._sync_from(side)

    def row_of_line(self, side: Side, line: int) -> int | None:
        return self._row_of_line[side].get(line)

    def _on_pane_scrolled(self, side: Side) -> None:
        if not self._syncing and not self._filling:
            self._sync_from(side)

    def _sync_from(self, side: Side) -> None:
        source = self.panes[side]
        other = self.panes[Side.B if side is Side.A else Side.A]
        self._syncing = True
        try:
            if self._wrapped:
                other.scroll_to_position(*source.top_position())
            else:
                other.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False

    def _on_pane_scrolled_sideways(self, side: Side) -> None:
        if self._syncing or self._filling:
            return
        other = self.panes[Side.B if side is Side.A else Side.A]
        self._syncing = True
        try:
            other.horizontalScrollBar().setValue(self.panes[side].horizontalScrollBar().value())
        finally:
            self._syncing = False

    # ----- clicks and the context menu --------------------------------------------------------

    def _on_pane_cursor_position_changed(self, side: Side) -> None:
        if self._filling:
            return
        row = self.panes[side].textCursor().blockNumber()
        change = self._change_at_row(row)
        if change is not None and change != self._current:
            self._set_current(change, scroll=False)

    def _change_at_row(self, row: int) -> int | None:
        if 0 <= row < len(self.rows):
            return self.rows[row].change
        return None

    def _on_pane_context_menu_requested(self, side: Side, position: QPoint) -> None:
        pane = self.panes[side]
        change = self._change_at_row(pane.row_at(position))
        if change is not None and change != self._current:
            self._set_current(change, scroll=False)
        menu = pane.createStandardContextMenu(position)
        menu.addSeparator()
        a, b = self._letters
        for text, into in ((f"Take This Change from {a} into {b}", Side.B),
                           (f"Take This Change from {b} into {a}", Side.A)):
            action = menu.addAction(text)
            action.setEnabled(change is not None)
            action.triggered.connect(lambda _=False, s=into: self.take_requested.emit(s))
        menu.exec(pane.viewport().mapToGlobal(position))
