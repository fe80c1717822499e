"""The Try window's widgets (window.py, column.py, diff_view.py) and its controller; the
logic is in ``agent_editor.tryout``. ``add_try_menu`` is the one hook the editor and the
compare window call."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from agent_editor.app.actions import add_action

TRY_SHORTCUTS = ["F5", "Ctrl+R"]


def add_try_menu(window: QMainWindow, documents: Callable[[], Sequence], toolbar: QToolBar | None = None) -> QAction:
    """A Try menu (and toolbar button) that opens a Try window on ``documents()``, the open
    documents as they stand."""
    menu = window.menuBar().addMenu("&Try")

    def open_window() -> None:
        from agent_editor.app.tryout.window import TryWindow

        chosen = [d for d in documents() if d is not None]
        if chosen:
            try_window = TryWindow(chosen, getattr(window, "dialogs", None), parent=window)
            window.try_window = try_window  # the latest, for tests and for focus
            try_window.show()

    action = add_action(window, menu, "&Try with Claude Code…", open_window, TRY_SHORTCUTS,
                        "Run one request through Claude Code with each variant, side by side")
    if toolbar is not None:
        action.setIconText("▶ Try")
        toolbar.addAction(action)
    return action
