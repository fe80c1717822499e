"""Text from a file shown in Qt as text, never read as markup.

A file is a stranger's input: its keys, values, headings and even its name can hold
``<img src=...>`` or ``<a href=...>``. Qt reads a label's or a tooltip's text as HTML
whenever it merely looks like HTML (``Qt.mightBeRichText``), and an image in HTML is a
file Qt opens. So a label that may hold file text is set to plain text
(``plain_label``), rich text of our own escapes what it quotes (``escape``), and a
tooltip that would look like HTML is given as escaped HTML (``tip``). An action with
no tooltip of its own shows its text as one: an action whose text names a file or a
key (Undo, Save A) is given a tooltip.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as _GuiQt
from PySide6.QtWidgets import QLabel, QWidget


def escape(text: Any) -> str:
    """``text`` escaped for rich text of our own, line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br>")


def plain_label(text: str = "", parent: QWidget | None = None, **properties: Any) -> QLabel:
    """A label whose text is always shown as it is."""
    label = QLabel(parent, **properties)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def set_plain(label: QLabel) -> QLabel:
    """Make an existing label show its text as it is."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tip(text: str) -> str:
    """A tooltip that shows ``text`` as it is.

    Qt shows a tooltip as HTML when its first line looks like HTML; only then is the
    text escaped (and kept as written, line breaks and spaces included).
    """
    if not text or not _GuiQt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


__all__ = ["escape", "plain_label", "set_plain", "tip"]
