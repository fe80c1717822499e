"""The header fields of two variants side by side, with a button per row to carry a value across.

``FieldTable`` shows a ``Comparison``'s ``FieldDiff`` rows: one row per key, the left
variant's value, the buttons, the right variant's value. A row that differs has a
tinted background and says how it differs; tool lists show each side's tools with
the ones only that side grants highlighted; text values show the changed words. The
buttons (and the row's context menu) only ask: ``copy_requested(key, into)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from agent_editor.app.access.names import name
from agent_editor.compare.fields import FieldDiff, FieldStatus, ToolSetDiff
from agent_editor.compare.model import Op, Side
from agent_editor.agentfile.tools import parse_tools
from agent_editor.compare.fields import format_value
from agent_editor.app.compare.style import (
    EXPANDED_ROLE,
    HTML_ROLE,
    RichTextDelegate,
    colour_dot,
    colours,
    e,
    letter_icon,
    marked,
    muted,
)
from agent_editor.app.plain_text import tip

FIELD_COLUMN, A_COLUMN, COPY_COLUMN, B_COLUMN = range(4)
# Long values (a description with examples) are cut to this many lines until the row is
# double-clicked, so one field cannot push the others out of sight.
CUT_AT_LINES = 5
# The tool names only one side grants, kept on that side's cell.
ONLY_HERE_ROLE = Qt.ItemDataRole.UserRole + 41

_STATUS_WORDS = {
    FieldStatus.SAME: "same",
    FieldStatus.CHANGED: "differs",
}


class FieldTable(QTableWidget):
    """Rows = header keys; columns = field, variant A, copy buttons, variant B."""

    copy_requested = Signal(str, object)  # key, the Side to copy into

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent, objectName="fieldTable")
        self._diffs: dict[str, FieldDiff] = {}
        self._letters = ("A", "B")
        self.setItemDelegate(RichTextDelegate(self, max_lines=CUT_AT_LINES))
        self._expanded: set[str] = set()  # keys whose long values are shown whole
        # Sides nothing is carried into (a version kept for comparison): no arrow points there.
        self.fixed_sides: set[Side] = set()
        self.cellDoubleClicked.connect(self._on_self_cell_double_clicked)
        self.setHorizontalHeaderLabels(["Field", "A", "", "B"])
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Tab must move on from a copy button in a cell, not from cell to cell (it would never leave).
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COPY_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(A_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(B_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(FIELD_COLUMN, 132)
        self.setColumnWidth(COPY_COLUMN, 64)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_context_menu_requested)
        # Wrapped rows change height with the column width; re-measure once per resize.
        self._height_timer = QTimer(self, singleShot=True, interval=0)
        self._height_timer.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(self._height_timer.start)

    # ----- showing ----------------------------------------------------------------------

    def set_variants(self, letters: tuple[str, str], indices: tuple[int, int], titles: tuple[str, str]) -> None:
        """Name the two value columns: each variant's letter, file and agent name."""
        self._letters = letters
        for column, letter, index, title in zip((A_COLUMN, B_COLUMN), letters, indices, titles):
            item = QTableWidgetItem(letter_icon(letter, index), title)
            item.setToolTip(tip(title))
            self.setHorizontalHeaderItem(column, item)

    def show_fields(self, diffs: tuple[FieldDiff, ...]) -> None:
        focused = self._focused_copy_button()
        if focused is not None:
            # The buttons are made anew: hold the focus here meanwhile, or Qt hands it to
            # the next widget (a body pane), and Undo would follow that pane's variant.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._diffs = {diff.key: diff for diff in diffs}
        self.setRowCount(0)
        self.setRowCount(len(diffs))
        for row, diff in enumerate(diffs):
            self._fill_row(row, diff)
        self.resizeRowsToContents()
        if focused is not None:
            self._focus_copy_button_near(*focused)

    def _focused_copy_button(self) -> tuple[int, str] | None:
        """(row, side) of the copy button that has the focus, if one has."""
        widget = QApplication.focusWidget()
        if not isinstance(widget, QToolButton) or not self.isAncestorOf(widget):
            return None
        for row in range(self.rowCount()):
            host = self.cellWidget(row, COPY_COLUMN)
            if host is not None and host.isAncestorOf(widget):
                return row, widget.property("into")
        return None

    def _focus_copy_button_near(self, row: int, into: str) -> None:
        """Focus the copy button in the same direction on ``row`` or the next row that has
        one (else any copy button), so that the keyboard carries on down the table."""
        rows = [*range(row, self.rowCount()), *range(0, row)]
        for wanted in (into, None):
            for candidate in rows:
                host = self.cellWidget(candidate, COPY_COLUMN)
                buttons = host.findChildren(QToolButton) if host is not None else []
                button = next((b for b in buttons if wanted is None or b.property("into") == wanted), None)
                if button is not None:
                    button.setFocus(Qt.FocusReason.TabFocusReason)
                    self.scrollTo(self.model().index(candidate, COPY_COLUMN))
                    return

    def _fill_row(self, row: int, diff: FieldDiff) -> None:
        a, b = self._letters
        status = _STATUS_WORDS.get(diff.status) or (f"only in {a}" if diff.status is FieldStatus.ONLY_IN_A
                                                     else f"only in {b}")
        status_colour = colours().muted_text if diff.same else colours().changed_text
        key_item = QTableWidgetItem(f"{diff.key}\n{status}")
        key_item.setData(HTML_ROLE, f'<b>{e(diff.key)}</b><br><span style="color:{status_colour.name()}">'
                                    f"{e(status)}</span>")
        key_item.setData(Qt.ItemDataRole.UserRole, diff.status)
        self.setItem(row, FIELD_COLUMN, key_item)
        self.setItem(row, A_COLUMN, _value_item(diff, Side.A))
        self.setItem(row, B_COLUMN, _value_item(diff, Side.B))
        self.setItem(row, COPY_COLUMN, QTableWidgetItem())
        for column in (FIELD_COLUMN, A_COLUMN, B_COLUMN):
            self.item(row, column).setData(EXPANDED_ROLE, diff.key in self._expanded)
        if not diff.same:
            for column in range(4):
                self.item(row, column).setBackground(QBrush(colours().changed_row))
            self.setCellWidget(row, COPY_COLUMN, self._copy_buttons(diff))

    def _copy_buttons(self, diff: FieldDiff) -> QWidget:
        host = QWidget(objectName="copyButtons")
        row = QHBoxLayout(host)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(4)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        for text, into in (("→", Side.B), ("←", Side.A)):
            if into in self.fixed_sides:
                continue
            button = QToolButton(objectName="copyAcross", text=text)
            button.setToolTip(tip(self._copy_label(diff, into)))
            name(button, self._copy_label(diff, into))
            button.setProperty("into", into.value)
            button.clicked.connect(lambda _=False, key=diff.key, side=into: self.copy_requested.emit(key, side))
            row.addWidget(button)
        return host

    def _copy_label(self, diff: FieldDiff, into: Side) -> str:
        source, target = (self._letters[0], self._letters[1]) if into is Side.B else self._letters[::-1]
        has_source = diff.present_a if into is Side.B else diff.present_b
        if not has_source:
            return f"Remove {diff.key} from {target}, as {source} has none"
        return f"Use {source}'s {diff.key} in {target}"

    # ----- reading (for the window and tests) ---------------------------------------------

    def row_of(self, key: str) -> int:
        for row in range(self.rowCount()):
            if self.item(row, FIELD_COLUMN).text().split("\n", 1)[0] == key:
                return row
        raise KeyError(key)

    def keys(self) -> list[str]:
        return list(self._diffs)

    def status(self, key: str) -> FieldStatus:
        return self.item(self.row_of(key), FIELD_COLUMN).data(Qt.ItemDataRole.UserRole)

    def text(self, key: str, side: Side) -> str:
        return self.item(self.row_of(key), A_COLUMN if side is Side.A else B_COLUMN).text()

    def only_here(self, key: str, side: Side) -> tuple[str, ...]:
        return self.item(self.row_of(key), A_COLUMN if side is Side.A else B_COLUMN).data(ONLY_HERE_ROLE) or ()

    def is_marked(self, key: str) -> bool:
        return self.item(self.row_of(key), FIELD_COLUMN).background().color() == colours().changed_row

    def copy_button(self, key: str, into: Side) -> QToolButton | None:
        host = self.cellWidget(self.row_of(key), COPY_COLUMN)
        if host is None:
            return None
        return next((b for b in host.findChildren(QToolButton) if b.property("into") == into.value), None)

    def set_expanded(self, key: str, expanded: bool) -> None:
        """Show a long value whole (True) or cut to a few lines."""
        (self._expanded.add if expanded else self._expanded.discard)(key)
        row = self.row_of(key)
        for column in (FIELD_COLUMN, A_COLUMN, B_COLUMN):
            self.item(row, column).setData(EXPANDED_ROLE, expanded)
        self.resizeRowToContents(row)

    def _on_self_cell_double_clicked(self, row: int, _column: int) -> None:
        key = self.item(row, FIELD_COLUMN).text().split("\n", 1)[0]
        self.set_expanded(key, key not in self._expanded)

    # ----- the context menu ---------------------------------------------------------------

    def _on_self_context_menu_requested(self, position: QPoint) -> None:
        row = self.rowAt(position.y())
        if row < 0:
            return
        key = self.item(row, FIELD_COLUMN).text().split("\n", 1)[0]
        diff = self._diffs.get(key)
        if diff is None:
            return
        menu = QMenu(self)
        for into in (Side.B, Side.A):
            if into in self.fixed_sides:
                continue
            action = QAction(self._copy_label(diff, into), menu)
            action.setEnabled(not diff.same)
            action.triggered.connect(lambda _=False, side=into: self.copy_requested.emit(key, side))
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(position))


# ----- cell text ------------------------------------------------------------------------


def _value_item(diff: FieldDiff, side: Side) -> QTableWidgetItem:
    present = diff.present_a if side is Side.A else diff.present_b
    value = diff.value_a if side is Side.A else diff.value_b
    item = QTableWidgetItem()
    if diff.tools is not None:
        plain, rich, only = _tools_text(diff.tools, side, present, value)
        item.setData(ONLY_HERE_ROLE, only)
    elif not present:
        plain, rich = "not set", muted("not set")
    else:
        plain = format_value(value)
        rich = colour_dot(diff.key, value) + _value_html(diff, side, plain)
    item.setText(plain)
    item.setData(HTML_ROLE, rich)
    shown = plain if len(plain) < 2000 else plain[:2000] + "…"
    if len(plain) > 400:
        shown += "\n\n(Double-click the row to show it all, or to cut it short again.)"
    item.setToolTip(tip(shown))
    return item


def _value_html(diff: FieldDiff, side: Side, plain: str) -> str:
    if diff.same:
        return e(plain)
    if diff.words:
        shown = Op.DELETE if side is Side.A else Op.INSERT
        highlight = colours().removed_word if side is Side.A else colours().added_word
        return "".join(marked(seg.text, highlight) if seg.op is shown else e(seg.text)
                       for seg in diff.words if seg.op in (Op.EQUAL, shown))
    return marked(plain, colours().removed_line if side is Side.A else colours().added_line)


def _tools_text(tools: ToolSetDiff, side: Side, present: bool, value: Any) -> tuple[str, str, tuple[str, ...]]:
    """(plain text, rich text, names only this side has) for a tool list."""
    grants_all = tools.all_in_a if side is Side.A else tools.all_in_b
    if grants_all:
        what = "every tool" if tools.key == "tools" else "none"
        written = f"{format_value(value)} — {what}" if present else f"not set — {what}"
        return written, muted(written), ()
    only = tools.only_in_a if side is Side.A else tools.only_in_b
    listed = [name for name in tools.in_both] + list(only)
    own_order = _own_order(value, listed)
    highlight = colours().removed_word if side is Side.A else colours().added_word
    if not own_order:
        written = "none" if present else "not set — none"
        return written, muted(written), ()
    rich = ", ".join(marked(name, highlight) if name in only else e(name) for name in own_order)
    plain = ", ".join(own_order)
    if only:
        where = "only here"
        plain += f"\n{where}: {', '.join(only)}"
        rich += f'<br><span style="color:{colours().changed_text.name()}; font-size:small">{where}: {e(", ".join(only))}</span>'
    return plain, rich, tuple(only)


def _own_order(value: Any, names: list[str]) -> list[str]:
    """``names`` in the order the side's own value lists them."""
    written = list(dict.fromkeys(parse_tools(value) or []))
    ordered = [name for name in written if name in names]
    return ordered + [name for name in names if name not in ordered]
