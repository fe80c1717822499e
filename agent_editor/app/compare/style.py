"""The compare view's shared look: its colours, variant tags, value text, and rich-text cells.

Every compare widget draws differences with these colours (the HTML report's palette,
in the look's light or dark version: ``colours()``), so removed, added and changed
read the same in the field table, the bodies, the overview and the legend. ``RichTextDelegate`` draws a table cell's HTML wrapped to the
column width and tells the table how tall the row must be.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agent_editor.agentfile.schema import load_schema
from agent_editor.app.look.look import look
from agent_editor.look.colours import VARIANT_COLOURS, VARIANT_TEXT

@dataclass(frozen=True)
class CompareColours:
    """The compare view's colours in the look of the moment (see ``colours()``)."""

    removed_line: QColor  # a line only in the left variant, or its side of a changed line
    removed_word: QColor
    added_line: QColor
    added_word: QColor
    changed_row: QColor  # a field or row whose value differs
    changed_mark: QColor
    filler_hatch: QColor  # hatching where the other side has lines and this side none
    current_change: QColor  # the change next/previous has reached
    muted_text: QColor
    changed_text: QColor
    present_text: QColor
    text: QColor
    base: QColor
    panel: QColor  # the line-number gutter
    line: QColor


def colours() -> CompareColours:
    """Colours for what is drawn now; the window draws again when the look changes."""
    return _compare_colours(tuple(sorted(look().colours.items())))


@functools.lru_cache(maxsize=4)
def _compare_colours(tokens: tuple[tuple[str, str], ...]) -> CompareColours:
    named = dict(tokens)
    return CompareColours(
        removed_line=QColor(named["removed_line"]), removed_word=QColor(named["removed_word"]),
        added_line=QColor(named["added_line"]), added_word=QColor(named["added_word"]),
        changed_row=QColor(named["changed_row"]), changed_mark=QColor(named["changed_mark"]),
        filler_hatch=QColor(named["filler_hatch"]), current_change=QColor(named["accent_mark"]),
        muted_text=QColor(named["muted_text"]), changed_text=QColor(named["changed_text"]),
        present_text=QColor(named["present_text"]), text=QColor(named["text"]), base=QColor(named["base"]),
        panel=QColor(named["panel"]), line=QColor(named["soft_line"]),
    )


# Where the HTML in a rich-text cell is kept (the display role keeps plain text).
HTML_ROLE = Qt.ItemDataRole.UserRole + 40
# True on a cell shown whole although it is longer than the delegate's line limit.
EXPANDED_ROLE = Qt.ItemDataRole.UserRole + 42


def variant_colour(index: int) -> str:
    """A variant's colour; white letters read on each of them in both looks."""
    return VARIANT_COLOURS[index % len(VARIANT_COLOURS)]


def e(text: Any) -> str:
    """Text escaped for Qt rich text, line breaks kept."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def variant_tag(letter: str, index: int) -> str:
    """A variant's letter on its colour, for rich text."""
    return (f'<span style="background:{variant_colour(index)}; color:{VARIANT_TEXT}; font-weight:700">'
            f"&nbsp;{e(letter)}&nbsp;</span>")


def colour_dot(key: str, value: Any) -> str:
    """A coloured dot before an agent's ``color`` value (named or ``#rrggbb``)."""
    if key != "color" or not isinstance(value, str):
        return ""
    name = value.strip().lower()
    colour = load_schema().colors.get(name) or (name if QColor.isValidColorName(name) and name.startswith("#") else None)
    return f'<span style="color:{colour}; font-size:large">●</span>&nbsp;' if colour else ""


def marked(text: str, background: QColor) -> str:
    """``text`` on a highlight, for rich text."""
    return f'<span style="background:{background.name()}">{e(text)}</span>'


def muted(text: str) -> str:
    return f'<span style="color:{colours().muted_text.name()}"><i>{e(text)}</i></span>'



class RichTextDelegate(QStyledItemDelegate):
    """Draws the HTML in ``HTML_ROLE`` (else the plain text), wrapped to the cell's width.

    With ``max_lines`` a long cell is cut to that many lines (and says "more") unless
    its ``EXPANDED_ROLE`` is set.
    """

    PADDING = 6

    def __init__(self, parent: QWidget | None = None, *, max_lines: int | None = None):
        super().__init__(parent)
        self._max_lines = max_lines

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        rich = index.data(HTML_ROLE)
        if rich:
            document.setHtml(rich)
        else:
            document.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(20.0, width - 2 * self.PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(options, index, options.rect.width())
        painter.save()
        painter.translate(options.rect.left() + self.PADDING, options.rect.top() + self.PADDING)
        clip = QRectF(0, 0, options.rect.width() - 2 * self.PADDING, options.rect.height() - 2 * self.PADDING)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = QPalette(options.palette)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        document.documentLayout().draw(painter, context)
        painter.restore()
        if document.size().height() > options.rect.height() - 2 * self.PADDING + 1:
            self._paint_more(painter, options)

    def _paint_more(self, painter: QPainter, options: QStyleOptionViewItem) -> None:
        """A small "more" tag at the bottom right of a cut cell."""
        text = "▾ more"
        metrics = options.fontMetrics
        width, height = metrics.horizontalAdvance(text) + 12, metrics.height() + 2
        rect = QRectF(options.rect.right() - width - 4, options.rect.bottom() - height - 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = colours()
        painter.setPen(palette.line)
        painter.setBrush(palette.base)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(palette.muted_text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        width = options.rect.width() if options.rect.width() > 0 else 320
        document = self._document(options, index, width)
        height = document.size().height()
        if self._max_lines and not index.data(EXPANDED_ROLE):
            line = options.fontMetrics.lineSpacing()
            height = min(height, line * self._max_lines)
        return QSize(int(document.idealWidth()) + 2 * self.PADDING, int(height) + 2 * self.PADDING)


def letter_icon(letter: str, index: int, size: int = 18) -> QIcon:
    """A variant's letter on its colour as an icon, for headers, combo boxes and buttons."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: crisp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(variant_colour(index)))
    painter.drawRoundedRect(QRectF(0, 0, size, size), 4, 4)
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor(VARIANT_TEXT))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)
