"""Fitting the editor window to its size, from a large screen down to 1024x700.

The instructions are what an author reads and writes most, so they keep room for at
least ``INSTRUCTION_CHARS`` characters a line. When the window is too narrow for every
pane side by side, panes give way in this order:

1. the preview moves below the instructions;
2. the agent list moves above the header form, in one column;
3. that column narrows (down to its smallest).

And the problems pane takes only its summary line while the file has no problems.
``WindowFit`` watches the window's size and does this; the window only hands it its
panes.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QSplitter, QWidget

INSTRUCTION_CHARS = 60
PREVIEW_MIN_WIDTH = 240  # a preview narrower than this reads worse than one below the text
PROBLEMS_HEIGHT = 150  # the problems pane's height while it lists problems, until the author drags it


class Arrangement(enum.Enum):
    SIDE_BY_SIDE = "side by side"  # list | form | instructions | preview
    PREVIEW_BELOW = "preview below"  # list | form | instructions over preview
    ONE_COLUMN = "one column"  # list over form | instructions over preview


class WindowFit(QObject):
    """Arranges the editor window's panes for its width and the problems pane for its content."""

    arranged = Signal()  # panes moved: the Tab order should follow them

    def __init__(self, window: QWidget, *, library: QWidget, form: QWidget, editors: QSplitter,
                 main_split: QSplitter, vertical_split: QSplitter, instructions: QPlainTextEdit,
                 problems: QWidget) -> None:
        super().__init__(window)
        self._window, self._library, self._form = window, library, form
        self._editors, self._main, self._vertical = editors, main_split, vertical_split
        self._instructions, self._problems = instructions, problems
        self.column = QSplitter(Qt.Orientation.Vertical, objectName="listAndForm")
        self.column.setChildrenCollapsible(False)
        self.column.hide()
        self.arrangement = Arrangement.SIDE_BY_SIDE
        self._list_width, self._form_width = 240, 400  # what the author (or the defaults) gave them
        self._problems_height = PROBLEMS_HEIGHT
        self._problems_empty = False
        self._arranged = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.arrange)
        instructions.setMinimumWidth(self.instruction_width())
        for watched in (window, library):
            watched.installEventFilter(self)
        problems.problems_shown.connect(self.show_problem_count)
        main_split.splitterMoved.connect(self._on_main_split_splitter_moved)
        vertical_split.setStretchFactor(0, 1)  # a taller window gives the editors the room, not the problems
        vertical_split.setStretchFactor(1, 0)
        vertical_split.splitterMoved.connect(self._on_vertical_split_splitter_moved)

    def take_library(self, library: QWidget) -> None:
        """The agent list, built where the stand-in the window gave at first stood."""
        self._library.removeEventFilter(self)
        self._library = library
        library.installEventFilter(self)
        self.arrange_soon()

    def arrange_soon(self) -> None:
        """Arrange again in the event loop's next turn, when what changed has been laid out."""
        self._timer.start()

    def instruction_width(self) -> int:
        """Pixels the instructions editor needs for ``INSTRUCTION_CHARS`` characters a line."""
        edit = self._instructions
        chars = edit.fontMetrics().horizontalAdvance("0" * INSTRUCTION_CHARS)
        margin = 2 * edit.document().documentMargin() + 2 * edit.frameWidth()
        scroll_bar = edit.verticalScrollBar().sizeHint().width()
        return int(chars + margin + scroll_bar + edit.cursorWidth() + 2)

    # ----- width ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._timer.start()
        return False

    def arrange(self) -> None:
        """Choose the arrangement for the window's width now."""
        if not self._arranged:
            self._arranged = True
            self._remember_widths(first=True)  # the widths set up, or restored from the last run
        width = self._main.width()
        handles = 3 * self._main.handleWidth()
        text = self.instruction_width()
        listed = self._library_wanted()
        list_width = self._list_width if listed else 0
        form = max(self._form_width, self.form_floor())
        if width >= list_width + form + text + PREVIEW_MIN_WIDTH + handles:
            self._set(Arrangement.SIDE_BY_SIDE)
        elif width >= list_width + form + text + handles or not listed:
            self._set(Arrangement.PREVIEW_BELOW)
        else:
            self._set(Arrangement.ONE_COLUMN)
        self._give_room(width, text, handles)

    def form_floor(self) -> int:
        """The narrowest the header form can be without cutting its rows off."""
        area = self._form if isinstance(self._form, QScrollArea) else self._form.findChild(QScrollArea)
        if area is None or area.widget() is None:
            return self._form.minimumSizeHint().width()
        content = area.widget()
        # A minimum width set outright counts too: the form's place before the form is built.
        narrowest = max(content.minimumSizeHint().width(), content.minimumWidth())
        return narrowest + area.verticalScrollBar().sizeHint().width() + 2 * area.frameWidth()

    def _library_wanted(self) -> bool:
        return not self._library.isHidden()

    def _set(self, arrangement: Arrangement) -> None:
        # Set every time: a splitter layout restored from the last run may have turned it.
        self._editors.setOrientation(Qt.Orientation.Horizontal if arrangement is Arrangement.SIDE_BY_SIDE
                                     else Qt.Orientation.Vertical)
        if arrangement is self.arrangement and (arrangement is Arrangement.ONE_COLUMN) == (
                self._library.parent() is self.column):
            return
        self.arrangement = arrangement
        if arrangement is Arrangement.ONE_COLUMN:
            self.column.addWidget(self._library)
            self.column.addWidget(self._form)
            self.column.setStretchFactor(1, 1)
            self._main.insertWidget(0, self.column)
            self.column.show()
            height = max(2, self._main.height())
            self.column.setSizes([height // 2, height - height // 2])
        elif self._library.parent() is self.column:
            self._main.insertWidget(0, self._library)
            self._main.insertWidget(1, self._form)
            self.column.hide()
            self.column.setParent(None)
        self.arranged.emit()

    def _give_room(self, width: int, text: int, handles: int) -> None:
        """Splitter sizes: the instructions first get their room, the rest what is left."""
        listed = self._library_wanted()
        floor = self.form_floor()
        if self.arrangement is Arrangement.ONE_COLUMN:
            left = max(floor, min(max(self._list_width, self._form_width), width - text - handles))
            self._main.setSizes([left, width - left - handles])
            return
        list_width = self._list_width if listed else 0
        form = max(floor, min(self._form_width, width - list_width - text - handles))
        rest = max(text, width - list_width - form - handles)
        self._main.setSizes([list_width, form, rest])
        if self.arrangement is Arrangement.SIDE_BY_SIDE:
            self._editors.setSizes([max(text, rest - max(PREVIEW_MIN_WIDTH, rest * 2 // 5)),
                                    max(PREVIEW_MIN_WIDTH, rest * 2 // 5)])
        else:
            height = max(2, self._editors.height())
            self._editors.setSizes([height * 3 // 5, height - height * 3 // 5])

    def _remember_widths(self, first: bool = False) -> None:
        """The widths the author dragged the list and the form to (the splitter's own
        squeezing on a resize is not a choice, so only a drag is remembered). ``first``:
        the widths the window starts with, taken only if they leave the instructions room
        (a layout saved in another arrangement may not)."""
        if self._library.parent() is not self._main or self._main.count() != 3:
            return
        sizes = self._main.sizes()
        if first and (sizes[0] + sizes[1] + self.instruction_width() > self._main.width() or sizes[1] <= 0):
            return
        if sizes[0] > 0:
            self._list_width = sizes[0]
        if sizes[1] > 0:
            self._form_width = sizes[1]

    def _on_main_split_splitter_moved(self, _position: int, _index: int) -> None:
        self._remember_widths()

    # ----- the problems pane ----------------------------------------------------------------

    def show_problem_count(self, count: int) -> None:
        """Only the summary line while there is no problem; the pane's height back when there are."""
        empty = count == 0
        if empty == self._problems_empty:
            return
        self._problems_empty = empty
        sizes = self._vertical.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        low = self._problems.minimumSizeHint().height() if empty else self._problems_height
        self._vertical.setSizes([total - low, low])

    def _on_vertical_split_splitter_moved(self, _position: int, _index: int) -> None:
        if not self._problems_empty:
            self._problems_height = self._vertical.sizes()[1]
