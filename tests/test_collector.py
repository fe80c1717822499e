"""Reference cycles are collected on the main thread only (agent_editor.app.collector)."""

from __future__ import annotations

import contextlib
import gc
import threading
import weakref

from PySide6.QtCore import QObject

from agent_editor.app.collector import MainThreadCollector


class _Cycle:
    def __init__(self):
        self.me = self
        self.qt = QObject()  # a Qt object in a cycle: it must die on its own thread


@contextlib.contextmanager
def _collections(*threshold: int):
    """The names of the threads each collection ran in, with these thresholds meanwhile."""
    threads: list[str] = []

    def note(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    old = gc.get_threshold()
    gc.callbacks.append(note)
    gc.set_threshold(*threshold)
    try:
        yield threads
    finally:
        gc.set_threshold(*old)
        gc.callbacks.remove(note)


def test_a_worker_that_allocates_never_runs_a_collection(qtbot):
    MainThreadCollector()
    with _collections(10, 2, 2) as threads:  # a collection due after a few allocations
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(2000)], name="worker")
        worker.start()
        worker.join()
        assert "worker" not in threads
        assert MainThreadCollector.collect_if_due() >= 0  # it is due, and runs here
        assert threads and set(threads) == {threading.current_thread().name}


def test_a_cycle_waits_until_a_collection_is_due_then_goes(qtbot):
    MainThreadCollector()
    gc.collect()  # every generation empty: the cycle below is the young one
    old = gc.get_threshold()
    try:
        gc.set_threshold(100_000, 10, 10)
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        assert MainThreadCollector.collect_if_due() == -1
        assert gone() is not None  # automatic collection is off: the cycle waits
        gc.set_threshold(1, 10, 10)
        assert MainThreadCollector.collect_if_due() == 0
        assert gone() is None
    finally:
        gc.set_threshold(*old)


def test_the_collector_collects_from_the_event_loop(qtbot):
    collector = MainThreadCollector(interval_ms=10)  # noqa: F841 - kept, so its timer lives
    with _collections(5, 10, 10) as threads:
        garbage = [_Cycle() for _ in range(50)]
        del garbage
        qtbot.waitUntil(lambda: bool(threads), timeout=2000)
        assert set(threads) == {threading.current_thread().name}
        assert not gc.isenabled()
