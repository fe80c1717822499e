"""Putting “How Claude sees it” into the editor window: the panel as a dock on the right
(View › How Claude Sees It) and Edit › Fix All. The window only calls ``install`` once and
``bind`` the panel to the document it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from agent_editor.app.actions import add_action
from agent_editor.app.claudeview.fix_all import fix_all_in
from agent_editor.app.claudeview.panel import ClaudeViewPanel


def _menu(window: QMainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


def install(window: QMainWindow) -> ClaudeViewPanel:
    """Add the panel and the Fix All command to ``window`` (which has ``current``, ``dialogs``)."""
    panel = ClaudeViewPanel()
    dock = QDockWidget("How Claude sees it", window, objectName="claudeViewDock")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
    view_menu = _menu(window, "View")
    if view_menu is not None:
        toggle = dock.toggleViewAction()
        toggle.setText("How &Claude Sees It")
        toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))
        view_menu.insertAction(view_menu.actions()[2] if len(view_menu.actions()) > 2 else None, toggle)

    def run_fix_all() -> None:
        message = fix_all_in(window.current, window.dialogs)
        if message:
            window.statusBar().showMessage(message, 8000)

    edit_menu = _menu(window, "Edit")
    if edit_menu is not None:
        edit_menu.addSeparator()
        window.fix_all_action = add_action(window, edit_menu, "Fix &All…", run_fix_all, "Ctrl+Shift+F",
                                           "Apply every safe fix to this agent, after showing the changes")
    return panel
