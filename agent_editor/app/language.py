"""The app's language: English as written, or a shipped translation (German today).

The setting ``language`` chooses ("" follows the system: ``LANGUAGE``, ``LANG``);
a translation is ``resources/translations/agent_editor_<lang>.qm``, made from the
``.ts`` file beside it with ``pyside6-lrelease`` and committed, so nothing is built
at install time. Qt's own dialog buttons come from Qt's translations when present.
The Qt-free layers get the same translator through ``agentfile.wording``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from agent_editor.agentfile import wording
from agent_editor.agentfile.resources_path import resource_path

LANGUAGE_KEY = "language"
SHIPPED = ("en", "de")
_installed: list[QTranslator] = []  # kept alive while installed


def chosen_locale(settings: QSettings | None = None) -> QLocale:
    """The locale the setting names, else the system's."""
    wanted = str((settings or QSettings()).value(LANGUAGE_KEY, "") or "")
    return QLocale(wanted) if wanted else QLocale.system()


def install_translation(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for ``locale`` (default: the setting or the system); returns them.

    English needs none. A language without a shipped translation stays English.
    """
    locale = locale or chosen_locale()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, "agent_editor", "_", str(resource_path("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    _installed.extend(installed)
    wording.install_translator(QCoreApplication.translate if installed else None)
    return installed


LANGUAGE_NAMES = (("", QT_TRANSLATE_NOOP("LanguageMenu", "&System Language")), ("en", "&English"), ("de", "&Deutsch"))


def add_language_menu(window, menu) -> QMenu:
    """View › Language: the system's language, English or German; it applies from the next start."""
    submenu = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    group = QActionGroup(submenu)
    current = str(window.settings.value(LANGUAGE_KEY, "") or "")
    for code, label in LANGUAGE_NAMES:
        action = submenu.addAction(QCoreApplication.translate("LanguageMenu", label) if not code else label)
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: _choose(window, c))
    return submenu


def _choose(window, code: str) -> None:
    window.settings.setValue(LANGUAGE_KEY, code)
    window.statusBar().showMessage(QCoreApplication.translate(
        "LanguageMenu", "The language changes the next time Agent Editor starts."), 8000)
