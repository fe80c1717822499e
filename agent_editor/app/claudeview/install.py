"""Putting “How Claude sees it” into the editor window: the panel as a dock on the right
(View › How Claude Sees It, closed until first asked for) and Edit › Fix All. The window only calls ``install`` once and
``bind``s the dock to the document it shows.

The panel is built (and its modules imported) the first time the dock is shown or
asked for: most starts leave it closed, and the window paints sooner without it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from agent_editor.app.actions import add_action


def _menu(window: QMainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


SHOWN_KEY = "claudeView/shown"


def _as_bool(value) -> bool:
    return value is True or str(value).lower() == "true"


def _on_dock_visibility_changed(window: QMainWindow, shown: bool) -> None:
    if not window.isVisible():
        return  # the window closing hides its docks: that is no choice of the author's
    window.settings.setValue(SHOWN_KEY, shown)
    fit = getattr(window, "fit", None)
    if fit is not None:
        fit.arrange()


class ClaudeViewDock(QDockWidget):
    """The dock for the panel; it remembers the document to show until the panel exists."""

    def __init__(self, window: QMainWindow):
        super().__init__("How Claude sees it", window, objectName="claudeViewDock")
        self._open_doc = None
        self._panel = None
        self.visibilityChanged.connect(self._on_visibility_changed)

    def bind(self, open_doc) -> None:
        self._open_doc = open_doc
        if self._panel is not None:
            self._panel.bind(open_doc)

    @property
    def panel(self):
        """The panel, built on first use and bound to the document shown."""
        if self._panel is None:
            from agent_editor.app.claudeview.panel import ClaudeViewPanel

            self._panel = ClaudeViewPanel()
            self.setWidget(self._panel)
            self._panel.bind(self._open_doc)
        return self._panel

    def _on_visibility_changed(self, shown: bool) -> None:
        if shown:
            self.panel  # noqa: B018 - built as the dock opens


def install(window: QMainWindow) -> ClaudeViewDock:
    """Add the dock and the Fix All command to ``window`` (which has ``current``, ``dialogs``, ``settings``)."""
    dock = ClaudeViewDock(window)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
    # Closed until asked for (on a small screen the instructions need the width), then as the
    # author left it. Shown or hidden, the panes beside it are fitted again.
    shown = _as_bool(window.settings.value(SHOWN_KEY, False))
    if shown:
        dock.panel  # noqa: B018 - open at start: built now, so the dock never shows empty
    dock.setVisible(shown)
    dock.visibilityChanged.connect(lambda shown: _on_dock_visibility_changed(window, shown))
    view_menu = _menu(window, "View")
    if view_menu is not None:
        toggle = dock.toggleViewAction()
        toggle.setText("How &Claude Sees It")
        toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))
        view_menu.insertAction(view_menu.actions()[2] if len(view_menu.actions()) > 2 else None, toggle)

    def run_fix_all() -> None:
        from agent_editor.app.claudeview.fix_all import fix_all_in

        message = fix_all_in(window.current, window.dialogs)
        if message:
            window.statusBar().showMessage(message, 8000)

    edit_menu = _menu(window, "Edit")
    if edit_menu is not None:
        edit_menu.addSeparator()
        window.fix_all_action = add_action(window, edit_menu, "Fix &All…", run_fix_all, "Ctrl+Shift+F",
                                           "Apply every safe fix to this agent, after showing the changes")
    return dock
