"""The words the Qt-free layers show, made translatable without importing Qt.

Messages here and in ``agent_editor.compare`` are written as
``translate("context", "English text {name}").format(name=...)``. Until the app
installs Qt's translator with ``install_translator`` (``app/language.py`` does, at
start), ``translate`` returns the English text as it is, so the command line and the
tests read English. ``pyside6-lupdate`` finds these calls by their name, ``translate``,
like Qt's own ``QCoreApplication.translate``.
"""

from __future__ import annotations

from collections.abc import Callable


def _english(_context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _english


def translate(context: str, text: str) -> str:
    """``text`` in the author's language (English until a translator is installed)."""
    return _translator(context, text)


def install_translator(translator: Callable[[str, str], str] | None) -> None:
    """Use ``translator(context, text)`` from now on; None goes back to English."""
    global _translator
    _translator = translator or _english
