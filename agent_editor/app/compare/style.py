"""The compare view's shared look: its colours, variant tags, value text, and rich-text cells.

Every compare widget draws differences with these colours (the HTML report's palette),
so removed, added and changed read the same in the field table, the bodies, the
overview and the legend. ``RichTextDelegate`` draws a table cell's HTML wrapped to the
column width and tells the table how tall the row must be.
"""

from __future__ import annotations

import html
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

# Differences (the report's palette).
REMOVED_LINE = QColor("#ffebe9")  # a line only in the left variant, or its side of a changed line
REMOVED_WORD = QColor("#ffb3ad")
ADDED_LINE = QColor("#e6ffec")
ADDED_WORD = QColor("#9be9a8")
CHANGED_ROW = QColor("#fff4d6")  # a field or row whose value differs
CHANGED_MARK = QColor("#e3b341")
FILLER_HATCH = QColor("#d5d9de")  # hatching where the other side has lines and this side none
CURRENT_CHANGE = QColor("#3b5bdb")  # the change next/previous has reached
MUTED_TEXT = QColor("#656d76")
CHANGED_TEXT = QColor("#9a6700")
PRESENT_TEXT = QColor("#1a7f37")

# One colour per variant, in order (A, B, C ...).
VARIANT_COLOURS = ("#3b5bdb", "#c2255c", "#2b8a3e", "#e8590c", "#7048e8", "#0b7285")


# Where the HTML in a rich-text cell is kept (the display role keeps plain text).
HTML_ROLE = Qt.ItemDataRole.UserRole + 40
# True on a cell shown whole although it is longer than the delegate's line limit.
EXPANDED_ROLE = Qt.ItemDataRole.UserRole + 42


def variant_colour(index: int) -> str:
    return VARIANT_COLOURS[index % len(VARIANT_COLOURS)]


def e(text: Any) -> str:
    """Text escaped for Qt rich text, line breaks kept."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def variant_tag(letter: str, index: int) -> str:
    """A variant's letter on its colour, for rich text."""
    return (f'<span style="background:{variant_colour(index)}; color:#ffffff; font-weight:700">'
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
    return f'<span style="color:{MUTED_TEXT.name()}"><i>{e(text)}</i></span>'


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
        painter.setPen(QColor("#d0d7de"))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(MUTED_TEXT)
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
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)
