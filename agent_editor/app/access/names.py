"""Accessible names: what a screen reader says for a control, and finding controls without one.

Every control that takes the keyboard focus gets a name (what it is) and, where the
name alone does not say it, a description (what it does). ``unnamed_controls`` is how
the tests, and anyone adding a control, find the ones still missing a name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def name(widget: QWidget, text: str, description: str = "") -> QWidget:
    """Give ``widget`` its accessible name (and description); returns the widget."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def takes_tab_focus(widget: QWidget) -> bool:
    """A control the Tab key can reach (one that hands its focus to another is not)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusable_controls(root: QWidget) -> list[QWidget]:
    window = root.window()
    # A popup (a list's drop-down) is a window of its own, reached by opening it, not by Tab.
    return [w for w in [root, *root.findChildren(QWidget)] if takes_tab_focus(w) and w.window() is window]


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Controls under ``root`` the Tab key can reach that have no accessible name."""
    return [w for w in focusable_controls(root) if not w.accessibleName().strip()]
