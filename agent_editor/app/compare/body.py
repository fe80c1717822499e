"""Two bodies side by side, aligned row for row, with the changes marked and stepped through.

``SideBySideBody`` shows a ``BodyDiff`` in two read-only ``DiffPane``s. Alignment: both
panes get exactly one row per row of the alignment (``align_rows``); where one side has
lines the other lacks, the other side gets a blank filler row (hatched). So row N of one
pane always stands beside row N of the other. Lines are wrapped by default (prose reads
better so); a row that wraps to more screen lines on one side is padded on the other
(``DiffPane.set_padding``), so rows stay level and the panes scroll together exactly,
by the same scroll value, wrapped or not.

When the bodies change (a change carried across, an undo) the view stays where it was
(``agent_editor.compare.rows.follow``), and the current change is the one the edit
touched, else the next one after where the reader was.

Changed lines have a tinted background (red on the left, green on the right, as in
the report), changed words a stronger one, and the current change a frame and a bar
in the line-number gutter. The widget only shows and asks: ``take_requested(into)``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from agent_editor.app.compare.diff_pane import DiffPane
from agent_editor.app.compare.style import colours
from agent_editor.app.plain_text import plain_label, tip
from agent_editor.compare.bodies import BodyDiff
from agent_editor.compare.model import Side
from agent_editor.compare.rows import AlignedRow, align_rows, follow

__all__ = ["AlignedRow", "DiffPane", "SideBySideBody", "align_rows"]


class SideBySideBody(QWidget):
    """Both bodies aligned, scrolled together, with a current change to step through."""

    current_change_changed = Signal(int, int)  # index (-1: none), count
    take_requested = Signal(object)  # the Side to take the current change into
    pane_focused = Signal(object)  # Side

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.panes = {Side.A: DiffPane(Side.A), Side.B: DiffPane(Side.B)}
        self.titles = {side: plain_label(objectName="paneTitle") for side in self.panes}
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
            pane.width_changed.connect(self._on_pane_width_changed)
        self.rows: list[AlignedRow] = []
        self._diff: BodyDiff | None = None
        # Rows are levelled once the panes have their new width (both, after one resize).
        self._level_timer = QTimer(self, singleShot=True, interval=0)
        self._level_timer.timeout.connect(self._level_rows)
        self.change_rows: list[tuple[int, int]] = []
        self._row_of_line: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
        self._current: int | None = None
        self._letters = ("A", "B")
        self._wrapped = True
        self._syncing = False
        self._filling = False
        self.set_wrapped(True)

    # ----- showing ---------------------------------------------------------------------------

    def set_variants(self, letters: tuple[str, str], titles: tuple[str, str]) -> None:
        self._letters = letters
        for side, title in zip((Side.A, Side.B), titles):
            self.titles[side].setText(title)
            self.titles[side].setToolTip(tip(title))

    def show_diff(self, diff: BodyDiff) -> None:
        """Show a new comparison. The view stays where it was; the current change is the
        one an edit touched (an undo restored it), else the next one from where it was."""
        old_diff, old_rows = self._diff, self.rows
        top_row, share = self.panes[Side.A].top_position()
        current_row = self.change_rows[self._current][0] if self._current is not None else None
        self._diff = diff
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
        self._level_rows(keep_top=False)
        if old_diff is None or not old_rows:
            self._set_current(0 if self.change_rows else None, scroll=bool(self.change_rows))
            return
        place = follow(old_diff, old_rows, diff, self.rows, top_row, current_row)
        self.panes[Side.A].scroll_to_position(place.top_row, share)
        self._sync_from(Side.A)
        if not self.change_rows:
            self._set_current(None, scroll=False)
        elif place.edited_change is not None:
            self._set_current(place.edited_change, scroll=not self._in_view(place.edited_change))
        elif place.after_row is not None:
            self._set_current(self._nearest_change(place.after_row), scroll=False)
        else:
            self._set_current(0, scroll=False)

    def clear(self) -> None:
        """Show nothing (another pair is being compared); the next diff starts at its first change."""
        self.rows, self.change_rows, self._diff = [], [], None
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
        self._level_rows(keep_top=False)
        self.panes[Side.A].scroll_to_position(*top)
        self._sync_from(Side.A)

    def _on_pane_width_changed(self) -> None:
        if self._wrapped:
            self._level_timer.start()

    def _level_rows(self, keep_top: bool = True) -> None:
        """Pad wrapped rows so each row is as tall on both sides (unwrapped: no padding)."""
        a, b = self.panes[Side.A], self.panes[Side.B]
        if len(a.padding) != len(b.padding):
            return
        top = a.top_position()
        if self._wrapped:
            counts_a, counts_b = a.natural_line_counts(), b.natural_line_counts()
            tallest = [max(x, y) for x, y in zip(counts_a, counts_b)]
            padding_a = [t - x for t, x in zip(tallest, counts_a)]
            padding_b = [t - y for t, y in zip(tallest, counts_b)]
        else:
            padding_a = padding_b = [0] * len(a.padding)
        self._filling = True
        try:
            a.set_padding(padding_a)
            b.set_padding(padding_b)
        finally:
            self._filling = False
        if keep_top:
            a.scroll_to_position(*top)
        self._sync_from(Side.A)

    @property
    def wrapped(self) -> bool:
        return self._wrapped

    @property
    def levelling(self) -> bool:
        """True until the rows are levelled for the panes' new width."""
        return self._level_timer.isActive()

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

    def _in_view(self, index: int) -> bool:
        pane = self.panes[Side.A]
        start, end = self.change_rows[index]
        rect = pane.row_rect(start, end - 1)
        return rect.bottom() > 0 and rect.top() < pane.viewport().height()

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
                # Rows are level (padded) on both sides, so the same row and the same share
                # of it at the top is the same screen line.
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
        for text, into in ((f"Use {a}'s Value in {b}", Side.B),
                           (f"Use {b}'s Value in {a}", Side.A)):
            action = menu.addAction(text)
            action.setEnabled(change is not None)
            action.triggered.connect(lambda _=False, s=into: self.take_requested.emit(s))
        menu.exec(pane.viewport().mapToGlobal(position))
