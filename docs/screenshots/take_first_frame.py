"""Takes the README's start-up screenshots: the window's first frame, and the whole window.

    DISPLAY=:1 python docs/screenshots/take_first_frame.py ../shared/seeds/001_e8af0677f75d917f.txt docs/screenshots

Starts the app as ``agent-editor FILE`` does and saves what the X server shows of the
window in the event loop's turn after the preview first paints (first-frame.png: the
instructions and the preview; the header form and the problems come after it) and once
they have painted too (first-frame-complete.png).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from shots import save_window


class _Painted(QObject):
    def __init__(self, widget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def main() -> None:
    seed, out = Path(sys.argv[1]), Path(sys.argv[2])
    from agent_editor.app.editor.window import MainWindow
    from agent_editor.cli import main as run

    def grab(window, name: str) -> None:
        save_window(window, out / name)

    def when_ready(*_args):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

        def first():
            grab(window, "first-frame.png")
            QTimer.singleShot(1500, lambda: (grab(window, "first-frame-complete.png"), os._exit(0)))

        _Painted(window.preview.viewport(), first)
        return exec_()

    exec_ = QApplication.exec
    QApplication.exec = when_ready
    run([str(seed)])


if __name__ == "__main__":
    main()
