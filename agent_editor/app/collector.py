"""Collecting Python's reference cycles on the window's thread, and only there.

Python collects cycles in whichever thread happens to cross an allocation threshold.
The app has worker threads that allocate a lot (the preview's renderer, a large file
read while the window paints), so a collection could run in one of them, and a Qt
object caught in a cycle would then be destroyed outside its own thread: Qt crashes
(a timer stopped from another thread, a half-deleted object). So automatic collection
is turned off, and a timer on the window's thread collects whenever Python's own
thresholds say a collection is due: the same collections, in the right thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # about as often as the automatic collector runs while the author types


class MainThreadCollector(QObject):
    """Runs the collections Python would, from a timer in this (the window's) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    @staticmethod
    def collect_if_due() -> int:
        """The oldest generation whose threshold is passed is collected (with the younger
        ones), as the automatic collector would; returns the generation, or -1."""
        threshold, count = gc.get_threshold(), gc.get_count()
        for generation in (2, 1, 0):
            if threshold[generation] and count[generation] > threshold[generation]:
                gc.collect(generation)
                return generation
        return -1
