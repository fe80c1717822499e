"""Work too long for one turn of the event loop, done in a worker thread while the window keeps painting.

``while_painting(work)`` runs ``work`` (pure Python, no Qt) in a thread and returns its
result, or raises what it raised, as if it had been called directly. Meanwhile a local
event loop keeps timers and painting going, so the window never looks hung; the
author's clicks and keys wait until the work is done, so nothing can be changed
half-way through it. Callers use it only for work long enough to be seen (reading a
file of megabytes or thousands of keys), so everyday work keeps its plain order.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal

T = TypeVar("T")
_HAND_OVER_SECONDS = 0.001


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


__all__ = ["while_painting"]
