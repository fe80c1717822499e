"""Painting first: work done in a worker thread while the window keeps painting, and work
that waits for a window's first frame.

``while_painting(work)`` runs ``work`` (pure Python, no Qt) in a thread and returns its
result, or raises what it raised, as if it had been called directly. Meanwhile a local
event loop keeps timers and painting going, so the window never looks hung; the
author's clicks and keys wait until the work is done, so nothing can be changed
half-way through it. Callers use it only for work long enough to be seen (reading a
file of megabytes or thousands of keys), so everyday work keeps its plain order.

``after_first_paint(widget, callback)`` calls back once the widget has painted for the
first time: start-up work nobody sees (the Tab order, the safety net) comes after the
first frame instead of before it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

T = TypeVar("T")
_HAND_OVER_SECONDS = 0.001
# How long start-up work that shows nothing waits after the first frame: the events that
# came with the frame, and the author's first click, are handled before it.
SETTLE_MS = 50


class _Finished(QObject):
    finished = Signal()


def while_painting(work: Callable[[], T]) -> T:
    """``work()``, run in a worker thread while this thread's event loop goes on (input excluded)."""
    if QCoreApplication.instance() is None:  # no event loop to keep going
        return work()
    outcome: dict[str, object] = {}
    signal = _Finished()
    loop = QEventLoop()
    # Queued: the worker's signal reaches the loop in this thread, even if it comes
    # before the loop has started (it then waits in the queue and ends the loop at once).
    signal.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # noqa: BLE001 - handed back to the caller as it is
            outcome["error"] = error
        finally:
            signal.finished.emit()

    # What is already posted (a new window's many small events) is handled first, while
    # nothing competes for the interpreter. Then, while the worker runs, the interpreter
    # changes hands often: every event this thread handles in Python (a widget's own
    # handlers, filters) waits for the worker to hand it over, by default after 5 ms each.
    QCoreApplication.sendPostedEvents()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(_HAND_OVER_SECONDS)
    try:
        worker = threading.Thread(target=run, name="agent-editor-work", daemon=True)
        worker.start()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.join()
    finally:
        sys.setswitchinterval(interval)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


class _FirstPaint(QObject):
    """Calls back once, ``delay_ms`` after the event loop's turn in which ``widget`` first painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], delay_ms: int):
        super().__init__(widget)
        self._callback = callback
        self._delay_ms = delay_ms
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(self._delay_ms, self, self._callback)  # not once the widget is gone
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None], delay_ms: int = 0) -> None:
    """Call ``callback`` once ``widget`` has painted (after the paint, never inside it)."""
    _FirstPaint(widget, callback, delay_ms)


__all__ = ["SETTLE_MS", "after_first_paint", "while_painting"]
