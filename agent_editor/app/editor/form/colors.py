"""The color row: the eight colors Claude Code knows as swatches, plus none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton

from agent_editor.agentfile.wording import translate
from agent_editor.app.editor.form.editors import MISSING, ValueEditor


_SPACING = 6


class ColorEditor(ValueEditor):
    """The eight colors Claude Code knows as swatches, plus none."""

    def __init__(self, colors: dict[str, str]):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(_SPACING)
        self.group = QButtonGroup(self, exclusive=True)
        self.none = QToolButton(text=self.tr("None"), checkable=True, toolTip=self.tr("No color"))
        self.none.setAccessibleName(self.tr("No color"))
        self.group.addButton(self.none)
        row.addWidget(self.none)
        self.buttons: dict[str, QToolButton] = {}
        for name, hex_color in colors.items():
            button = QToolButton(checkable=True, toolTip=translate("schema", name), objectName="swatch")
            button.setIcon(swatch_icon(hex_color))
            button.setIconSize(QSize(18, 18))
            button.setAccessibleName(self.tr("Color {name}").format(name=translate("schema", name)))
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._on_group_button_clicked)

    @classmethod
    def narrowest(cls, count: int) -> int:
        """How narrow the row of ``count`` swatches can be, worked out from one "None" button
        and one swatch instead of the whole row (tests hold it to the row's own figure)."""
        none = QToolButton(text=cls.tr("None"))
        swatch = QToolButton(objectName="swatch")
        swatch.setIconSize(QSize(18, 18))
        swatch.setIcon(QIcon(QPixmap(36, 36)))
        # The buttons and the gaps between them (the closing stretch adds none).
        width = none.minimumSizeHint().width() + count * swatch.minimumSizeHint().width() + count * _SPACING
        none.deleteLater()
        swatch.deleteLater()
        return width

    def show_value(self, value: Any) -> None:
        button = self.buttons.get(value) if isinstance(value, str) else None
        if value is MISSING or value is None:
            button = self.none
        self.group.setExclusive(button is not None)
        for each in self.group.buttons():
            each.setChecked(each is button)
        self.group.setExclusive(True)  # a color Claude Code ignores checks no swatch; its problem says so

    def _on_group_button_clicked(self, button: QToolButton) -> None:
        if button is self.none:
            self.edited.emit(None)
            return
        for name, each in self.buttons.items():
            if each is button:
                self.edited.emit(name)



def swatch_icon(hex_color: str) -> QIcon:
    pixmap = QPixmap(36, 36)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(hex_color))
    painter.setPen(QColor(0, 0, 0, 60))
    painter.drawEllipse(2, 2, 32, 32)
    painter.end()
    return QIcon(pixmap)
