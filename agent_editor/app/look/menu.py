"""View › Appearance: System, Light or Dark, for any window's View menu."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from agent_editor.app.look.look import Scheme, look, save_scheme


class AppearanceMenu(QMenu):
    """Chooses the look; the choice applies at once, to every window, and is kept in settings."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Appearance"), parent, objectName="appearanceMenu")
        self._settings = settings
        group = QActionGroup(self)
        group.setExclusive(True)
        choices = (
            (Scheme.SYSTEM, self.tr("&System"), self.tr("Follow the desktop's light or dark colours")),
            (Scheme.LIGHT, self.tr("&Light"), self.tr("Dark text on light backgrounds")),
            (Scheme.DARK, self.tr("&Dark"), self.tr("Light text on dark backgrounds")),
        )
        self.scheme_actions: dict[Scheme, QAction] = {}
        for scheme, label, tip in choices:
            action = self.addAction(label)
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, s=scheme: self._choose(s))
            self.scheme_actions[scheme] = action
        look().scheme_changed.connect(self._on_look_scheme_changed)
        self._on_look_scheme_changed()

    def _choose(self, scheme: Scheme) -> None:
        save_scheme(self._settings, scheme)
        look().set_scheme(scheme)

    def _on_look_scheme_changed(self) -> None:
        self.scheme_actions[look().scheme].setChecked(True)


def add_appearance_menu(menu: QMenu, settings: QSettings) -> AppearanceMenu:
    submenu = AppearanceMenu(settings, menu)
    menu.addMenu(submenu)
    return submenu
