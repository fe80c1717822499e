"""What the screenshot scripts beside this file share: an editor window of their own, letting
it settle, saving what the X server shows of it, and closing it without a question about
unsaved changes.

The scripts are run as files (``python docs/screenshots/take.py ...``), so this module is
found beside them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from agent_editor.app.start import apply_style, make_application


def editor_window(work: Path, size: tuple[int, int] = (1400, 880)):
    """An editor window in the app's look, with settings of its own in ``work``, shown at ``size``."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = make_application([sys.argv[0]], style=False)
    from agent_editor.app.editor.window import MainWindow

    window = MainWindow(settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    apply_style(app)
    window.resize(*size)
    window.show()
    return window


def settle(ms: int = 400) -> None:
    """Let the event loop run for ``ms`` (layouts, deferred deletes, painting), as a running app would."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_window(window: QWidget, path: Path) -> None:
    """What the X server shows of the window (its frame's content, tooltips and pop-ups included)."""
    window.screen().grabWindow(window.winId()).save(str(path))
    print(f"wrote {path}")


def close_unsaved(window) -> None:
    """Close an editor window, dropping its document's changes without asking."""
    if getattr(window, "current", None) is not None:
        window.current.undo_stack.setClean()
    window.close()
