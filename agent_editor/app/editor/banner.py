"""The message across the top of the editor window, with buttons: it asks without blocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from agent_editor.app.access.names import name


class Banner(QFrame):
    """A message across the top of the window with buttons; it asks without blocking."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel(wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)  # our own markup; file names in it are escaped
        row.addWidget(self.text, 1)
        self.buttons_row = QHBoxLayout()
        row.addLayout(self.buttons_row)
        # Kept here, not read back through the layout's items (see access/tab_order.py).
        self._buttons: list[QPushButton] = []
        self.hide()

    def ask(self, text: str, buttons: list[tuple[str, object]]) -> None:
        self.text.setText(text)
        for old in self._buttons:
            self.buttons_row.removeWidget(old)
            old.deleteLater()
        self._buttons = []
        for label, action in buttons:
            button = QPushButton(label)
            name(button, label, text)
            button.clicked.connect(lambda _=False, a=action: (self.hide(), a()))
            self.buttons_row.addWidget(button)
            self._buttons.append(button)
        self.show()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.text() == label and not b.isHidden()), None)
