"""Which colours the app draws with now, and telling every widget when that changes.

One ``Look`` per application. It follows the desktop's palette (``System``), or sets a
light or dark palette of its own when the author picks one (kept in QSettings by the
View menu, ``saved_scheme`` reads it at start). When the palette changes (the desktop switched to dark, or the author
chose), it works out the colour tokens again (``agent_editor.look.colours``), fills
the stylesheet, and emits ``colours_changed`` so that widgets drawing their own
colours (the highlighter, the preview, the compare view) draw again.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from agent_editor.look.colours import DARK_ROLES, LIGHT_ROLES, ROLES, Colours, resolve
from agent_editor.look.stylesheets import APP_SHEET, PREVIEW_SHEET, fill, load_template

SETTING = "view/colorScheme"

_ROLE = QPalette.ColorRole
_QT_ROLES = {
    "window": _ROLE.Window, "window_text": _ROLE.WindowText, "base": _ROLE.Base,
    "alternate_base": _ROLE.AlternateBase, "text": _ROLE.Text, "button": _ROLE.Button,
    "button_text": _ROLE.ButtonText, "highlight": _ROLE.Highlight,
    "highlighted_text": _ROLE.HighlightedText, "link": _ROLE.Link,
    "placeholder_text": _ROLE.PlaceholderText, "tool_tip_base": _ROLE.ToolTipBase,
    "tool_tip_text": _ROLE.ToolTipText,
}
assert set(_QT_ROLES) == set(ROLES)


class Scheme(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def roles_of(palette: QPalette) -> dict[str, str]:
    """The palette's colours (active group) as ``#rrggbb``, by the token names of its roles."""
    group = QPalette.ColorGroup.Active
    return {name: palette.color(group, role).name() for name, role in _QT_ROLES.items()}


def palette_of(roles: dict[str, str]) -> QPalette:
    """A whole QPalette from role colours, with the shades Qt's styles draw frames and
    disabled text with."""
    palette = QPalette()
    for name, role in _QT_ROLES.items():
        palette.setColor(role, QColor(roles[name]))
    window, button = QColor(roles["window"]), QColor(roles["button"])
    dark = window.lightness() < 128
    palette.setColor(_ROLE.Light, button.lighter(150))
    palette.setColor(_ROLE.Midlight, button.lighter(125) if dark else button.darker(105))
    palette.setColor(_ROLE.Mid, button.lighter(170) if dark else button.darker(130))
    palette.setColor(_ROLE.Dark, button.darker(150) if not dark else window.darker(130))
    palette.setColor(_ROLE.Shadow, QColor("#000000"))
    palette.setColor(_ROLE.BrightText, QColor("#ffffff") if dark else QColor("#000000"))
    palette.setColor(_ROLE.LinkVisited, QColor(roles["link"]).darker(120 if not dark else 90))
    muted = QColor(roles["placeholder_text"])  # disabled text: WCAG asks no contrast of it
    disabled = QPalette.ColorGroup.Disabled
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        palette.setColor(disabled, role, muted)
    palette.setColor(disabled, _ROLE.Highlight, QColor(roles["highlight"]).darker(140) if dark
                     else QColor(roles["highlight"]).lighter(140))
    palette.setColor(disabled, _ROLE.Base, window)
    palette.setColor(disabled, _ROLE.Button, button)
    return palette


def fixed_palette(scheme: Scheme) -> QPalette:
    return palette_of(DARK_ROLES if scheme is Scheme.DARK else LIGHT_ROLES)


class Look(QObject):
    """The application's look; ``look()`` gives the one for this application."""

    colours_changed = Signal()
    scheme_changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._style_app = False  # set by ``style_application``: tests leave Qt's look alone
        self._own_palette = False
        self._applying = False
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self._on_pending_timeout)
        self.scheme = Scheme.SYSTEM
        self.colours: Colours = {}
        # Not an event filter on the application: that would call into Python for every event
        # of every widget (thousands at start-up alone). The signal is deprecated in Qt 6 but
        # still sent with each ApplicationPaletteChange, from the desktop or from setPalette.
        app.paletteChanged.connect(self._on_app_palette_changed)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        self._apply()

    # ----- what widgets ask -------------------------------------------------------------

    @property
    def dark(self) -> bool:
        return self.colours.get("scheme") == "dark"

    def app_stylesheet(self) -> str:
        return fill(load_template(APP_SHEET), self.colours)

    def preview_stylesheet(self) -> str:
        return fill(load_template(PREVIEW_SHEET), self.colours)

    # ----- choosing -----------------------------------------------------------------------

    def style_application(self) -> None:
        """Let the look set the application's stylesheet, now and on every change."""
        self._style_app = True
        self._app.setStyleSheet(self.app_stylesheet())

    def set_scheme(self, scheme: Scheme) -> None:
        """Follow the desktop, or keep to light or dark."""
        self.scheme = scheme
        self._apply()
        self.scheme_changed.emit()

    def _apply(self) -> None:
        self._applying = True
        try:
            hints = QGuiApplication.styleHints()
            if self.scheme is Scheme.SYSTEM:
                if hasattr(hints, "unsetColorScheme"):
                    hints.unsetColorScheme()
                if self._own_palette:
                    self._app.setPalette(QPalette())  # back to the desktop's
                    self._own_palette = False
                if _desktop_is_dark_but_palette_is_light(self._app):
                    self._app.setPalette(fixed_palette(Scheme.DARK))
                    self._own_palette = True
            else:
                if hasattr(hints, "setColorScheme"):
                    hints.setColorScheme(Qt.ColorScheme.Dark if self.scheme is Scheme.DARK else Qt.ColorScheme.Light)
                self._app.setPalette(fixed_palette(self.scheme))
                self._own_palette = True
        finally:
            self._applying = False
        self._update_colours()

    def _update_colours(self) -> None:
        colours = resolve(roles_of(self._app.palette()))
        if colours == self.colours:
            return
        self.colours = colours
        if self._style_app:
            self._app.setStyleSheet(self.app_stylesheet())
        self.colours_changed.emit()

    # ----- following the desktop ---------------------------------------------------------

    def _on_app_palette_changed(self, _palette) -> None:
        if not self._applying:
            self._pending.start()  # once the palette has settled, not in the middle of the change

    def _on_style_hints_color_scheme_changed(self, _scheme) -> None:
        if not self._applying:
            self._pending.start()

    def _on_pending_timeout(self) -> None:
        if self.scheme is Scheme.SYSTEM:
            self._apply()  # the desktop may have gone dark with a palette that stayed light
        else:
            self._update_colours()


def saved_scheme(settings: QSettings) -> Scheme:
    try:
        return Scheme(str(settings.value(SETTING, Scheme.SYSTEM.value)))
    except ValueError:
        return Scheme.SYSTEM


def save_scheme(settings: QSettings, scheme: Scheme) -> None:
    settings.setValue(SETTING, scheme.value)


def _desktop_is_dark_but_palette_is_light(app: QApplication) -> bool:
    """Qt on some desktops reports a dark scheme while its style keeps a light palette."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    base = app.palette().color(_ROLE.Base)
    return scheme == Qt.ColorScheme.Dark and base.lightness() >= 128


_look: Look | None = None


def look() -> Look:
    """The application's look, made on first use."""
    global _look
    app = QApplication.instance()
    try:
        current = _look is not None and _look.parent() is app
    except RuntimeError:  # the application it belonged to is gone
        current = False
    if not current:
        _look = Look(app)
    return _look


def colours() -> Colours:
    return look().colours
