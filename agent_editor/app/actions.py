"""Making a menu action: the one helper both windows use to build their menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def add_action(owner: QWidget, menu: QMenu, text: str, slot: Callable, shortcuts=(), tip: str = "") -> QAction:
    """An action in ``menu`` owned by ``owner``; ``shortcuts`` is one key sequence or several."""
    action = QAction(text, owner)
    keys = shortcuts if isinstance(shortcuts, (list, tuple)) else [] if shortcuts is None else [shortcuts]
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
