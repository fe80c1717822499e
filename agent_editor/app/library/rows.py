"""The library's rows: a flat model of scope headings and agents, and the delegate that paints them.

Every text on a row comes from a file, so it is painted as plain text (``drawText``),
never as markup. A row shows the color dot, the name with the file name beside it, the
description's first line, the model and the problem count; a second line in color says
when another file overrides this one or Claude Code never reads it; while searching, a
third shows where the query was found, the found part highlighted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agent_editor.agentfile.schema import load_schema
from agent_editor.app.look.look import look
from agent_editor.app.plain_text import tip
from agent_editor.library.marks import IGNORED, NOT_READ, OVERRIDDEN, SHARED
from agent_editor.library.scan import AgentEntry
from agent_editor.library.scopes import Scope
from agent_editor.library.search import Match

PATH_ROLE = Qt.ItemDataRole.UserRole  # the file's Path (None on a heading)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 3

_MARK_TOKENS = {OVERRIDDEN: "note_text", SHARED: "note_text", NOT_READ: "error_text", IGNORED: "error_text"}
_FIELD_WORDS = {"name": "name", "description": "description", "tools": "tools", "instructions": "instructions"}


def count_words(entry: AgentEntry) -> str:
    if not entry.loaded:
        return "reading…"
    errors, count = entry.errors, entry.problem_count
    if errors:
        return f"{errors} error{'s' if errors != 1 else ''}"
    return f"{count} problem{'s' if count != 1 else ''}" if count else "no problems"


def row_text(entry: AgentEntry, match: Match | None = None) -> str:
    """The row as plain text: for screen readers, tool tips and tests."""
    lines = [f"{entry.shown_name}  ·  {entry.path.name}  ·  {count_words(entry)}",
             entry.first_line or ("(no description)" if entry.loaded else "")]
    if entry.model:
        lines[-1] += f"  ·  {entry.model}"
    if entry.mark is not None:
        lines.append(entry.mark.text)
    if match is not None:
        lines.append(f"{_FIELD_WORDS.get(match.field, match.field)}: {match.excerpt}")
    return "\n".join(lines)


class LibraryModel(QAbstractListModel):
    """Headings (a ``Scope``) and agents (an ``AgentEntry``) in the order the panel arranged them.

    The delegate and the panel read rows straight from ``row()``: with thousands of rows,
    a trip through ``data()`` per row and role is what would make the list slow.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Scope | AgentEntry] = []
        self._counts: dict[Scope, int] = {}
        self._matcher = None  # entry -> Match, while a search is on
        self._matches: dict[Path, Match | None] = {}
        self._row_of: dict[Path, int] | None = {}

    def set_rows(self, rows: list[Scope | AgentEntry], counts: dict[Scope, int], matcher=None) -> None:
        self.beginResetModel()
        self._rows, self._counts, self._matcher, self._matches = rows, counts, matcher, {}
        self._row_of = None  # worked out when first asked
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: int) -> Scope | AgentEntry:
        return self._rows[index]

    def row_of(self, path: Path) -> int:
        if self._row_of is None:
            self._row_of = {row.path: index for index, row in enumerate(self._rows) if isinstance(row, AgentEntry)}
        return self._row_of.get(path, -1)

    def paths(self) -> list[Path]:
        return [row.path for row in self._rows if isinstance(row, AgentEntry)]

    def entries(self) -> list[AgentEntry]:
        return [row for row in self._rows if isinstance(row, AgentEntry)]

    def match(self, entry: AgentEntry) -> Match | None:
        """Where the search found this entry (worked out when first asked, for the rows shown)."""
        if self._matcher is None:
            return None
        if entry.path not in self._matches:
            self._matches[entry.path] = self._matcher(entry)
        return self._matches[entry.path]

    def flags(self, index):
        if isinstance(self._rows[index.row()], Scope):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if isinstance(row, Scope):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.heading(row)
            if role == SCOPE_ROLE:
                return row
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row_text(row, self.match(row))
        if role == PATH_ROLE:
            return row.path
        if role == ENTRY_ROLE:
            return row
        if role == MATCH_ROLE:
            return self.match(row)
        if role == SCOPE_ROLE:
            return row.scope
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{row.path}\n{row_text(row)}")
        return None

    def heading(self, scope: Scope) -> str:
        count = self._counts.get(scope, 0)
        return f"{scope.title}  ({count})"


class _Metrics:
    """Fonts and sizes for one font, worked out once (sizeHint runs for every row)."""

    def __init__(self, font: QFont):
        self.plain_font = QFont(font)
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self.plain = QFontMetrics(self.plain_font)
        self.bold = QFontMetrics(self.bold_font)
        self.line = self.plain.height() + 2
        self.heading = QSize(200, self.bold.height() + 12)

    def row_height(self, lines: int) -> int:
        return self.bold.height() + (lines - 1) * self.line + 12


class RowDelegate(QStyledItemDelegate):
    """Paints a heading or an agent row with plain text only, in the look's colours."""

    def __init__(self, model: LibraryModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._colors = load_schema().colors
        self._font_metrics: _Metrics | None = None

    def _metrics(self, option) -> _Metrics:
        # Every row has the list's font: worked out for the first row, then kept
        # (``forget_font`` when the list's font changes).
        if self._font_metrics is None:
            self._font_metrics = _Metrics(option.font)
        return self._font_metrics

    def forget_font(self) -> None:
        self._font_metrics = None

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        metrics = self._metrics(option)
        row = self._model.row(index.row())
        if isinstance(row, Scope):
            return metrics.heading
        lines = 2 + (row.mark is not None) + (self._model._matcher is not None)
        return QSize(200, metrics.row_height(lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        c = _colour
        metrics = self._metrics(option)
        bold_metrics, plain_metrics = metrics.bold, metrics.plain
        rect = option.rect
        entry = self._model.row(index.row())
        if isinstance(entry, Scope):  # a heading
            painter.fillRect(rect, c("panel"))
            painter.setFont(metrics.bold_font)
            painter.setPen(c("title_text"))
            text = bold_metrics.elidedText(self._model.heading(entry), Qt.TextElideMode.ElideRight,
                                           rect.width() - 16)
            painter.drawText(rect.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, c("selected_bg") if selected else c("base"))
        painter.setPen(c("soft_line"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        left, top, width = rect.left() + 8, rect.top() + 6, rect.width() - 16
        line_height = plain_metrics.height() + 2

        # line 1: dot, name, file name, problem count at the right
        dot = QColor(self._colors[entry.color]) if entry.color else c("soft_line")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(dot)
        painter.setPen(QColor(0, 0, 0, 50) if entry.color else c("muted_text"))
        size = 10
        painter.drawEllipse(left, top + (bold_metrics.height() - size) // 2, size, size)
        text_left = left + size + 8
        count = count_words(entry)
        count_width = plain_metrics.horizontalAdvance(count)
        painter.setFont(option.font)
        painter.setPen(c("error_text") if entry.errors else c("note_text") if entry.problem_count
                       else c("muted_text"))
        painter.drawText(QRect(rect.right() - 8 - count_width, top, count_width, bold_metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        room = max(0, rect.right() - 8 - count_width - 10 - text_left)
        # Name and file name share the line; when both do not fit, the file name keeps up to
        # almost half of it (it is what tells variants of one name apart).
        name_width = bold_metrics.horizontalAdvance(entry.shown_name)
        file_width = plain_metrics.horizontalAdvance(entry.path.name)
        if name_width + 8 + file_width <= room:
            file_room = file_width
        else:
            file_room = max(0, min(file_width, max(room * 9 // 20, room - name_width - 8)))
        name_room = max(0, room - file_room - 8)
        painter.setFont(metrics.bold_font)
        painter.setPen(c("text") if entry.loaded else c("muted_text"))
        name = bold_metrics.elidedText(entry.shown_name, Qt.TextElideMode.ElideRight, name_room)
        painter.drawText(QRect(text_left, top, name_room, bold_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        used = bold_metrics.horizontalAdvance(name) + 8
        if file_room > 0:
            painter.setFont(option.font)
            painter.setPen(c("muted_text"))
            file_name = plain_metrics.elidedText(entry.path.name, Qt.TextElideMode.ElideMiddle, file_room)
            painter.drawText(QRect(text_left + used, top, room - used, bold_metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, file_name)

        # line 2: description and model
        painter.setFont(option.font)
        y = top + bold_metrics.height() + 2
        model = entry.model
        model_width = plain_metrics.horizontalAdvance(model) if model else 0
        painter.setPen(c("text"))
        description = entry.first_line or ("(no description)" if entry.loaded else "")
        room = width - (model_width + 10 if model else 0) - (size + 8)
        painter.drawText(QRect(text_left, y, max(0, room), plain_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         plain_metrics.elidedText(description, Qt.TextElideMode.ElideRight, max(0, room)))
        if model:
            painter.setPen(c("tag_text"))
            painter.drawText(QRect(rect.right() - 8 - model_width, y, model_width, plain_metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, model)

        # line 3: the mark
        if entry.mark is not None:
            y += line_height
            painter.setPen(c(_MARK_TOKENS.get(entry.mark.kind, "note_text")))
            painter.drawText(QRect(text_left, y, width - size - 8, plain_metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             plain_metrics.elidedText("⚑ " + entry.mark.text, Qt.TextElideMode.ElideRight,
                                                      width - size - 8))

        # line 4: where the search found it
        match = self._model.match(entry)
        if match is not None:
            y += line_height
            self._paint_match(painter, plain_metrics, QRect(text_left, y, width - size - 8, plain_metrics.height()),
                              match)
        painter.restore()

    @staticmethod
    def _paint_match(painter: QPainter, metrics: QFontMetrics, box: QRect, match: Match) -> None:
        label = f"{_FIELD_WORDS.get(match.field, match.field)}: "
        before = match.excerpt[:match.start]
        hit = match.excerpt[match.start:match.end]
        after = match.excerpt[match.end:]
        x = box.left()
        painter.setPen(_colour("muted_text"))
        painter.drawText(QRect(x, box.top(), box.width(), box.height()), Qt.AlignmentFlag.AlignVCenter, label)
        x += metrics.horizontalAdvance(label)
        room = box.right() - x
        # Keep the found part in view: shorten what comes before it first.
        hit_width = metrics.horizontalAdvance(hit)
        before = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, max(0, min(metrics.horizontalAdvance(before),
                                                                                   room - hit_width - 20)))
        for part, highlighted in ((before, False), (hit, True), (after, False)):
            if room <= 0 or not part:
                continue
            shown = metrics.elidedText(part, Qt.TextElideMode.ElideRight, room)
            advance = metrics.horizontalAdvance(shown)
            if highlighted:
                painter.fillRect(QRect(x, box.top(), advance, box.height()), _colour("find_match"))
                painter.setPen(_colour("text"))
            else:
                painter.setPen(_colour("text"))
            painter.drawText(QRect(x, box.top(), advance + 1, box.height()), Qt.AlignmentFlag.AlignVCenter, shown)
            x += advance
            room -= advance


def _colour(token: str) -> QColor:
    return QColor(look().colours.get(token, "#808080"))


__all__ = ["LibraryModel", "RowDelegate", "PATH_ROLE", "ENTRY_ROLE", "MATCH_ROLE", "SCOPE_ROLE", "row_text"]
