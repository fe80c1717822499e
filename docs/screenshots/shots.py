"""What the screenshot scripts beside this file share: letting a window settle, saving what
the X server shows of it, and closing it without a question about unsaved changes.

The scripts are run as files (``python docs/screenshots/take.py ...``), so this module is
found beside them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget


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
