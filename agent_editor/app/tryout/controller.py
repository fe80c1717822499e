"""One Qt object per Try window that owns the running batches and turns the runner's
callbacks (from its reader threads) into signals delivered in the window's thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agent_editor.tryout.events import Event
from agent_editor.tryout.pick import PickTally, tally_picks
from agent_editor.tryout.runner import ClaudeMissing, Run, TryBatch, TryOptions, try_variants, would_pick
from agent_editor.tryout.variants import Variant


class TryController(QObject):
    run_event = Signal(int, object)  # variant index, Event
    run_finished = Signal(int)  # variant index; its RunResult is in ``results``
    try_finished = Signal()
    pick_finished = Signal(object)  # PickTally
    pick_progress = Signal(int, int)  # runs done, runs in all
    failed = Signal(str)  # plain words: Claude Code could not be run
    busy_changed = Signal(bool)
    # The runner calls back from its reader threads; these are delivered queued.
    _run_event_from_thread = Signal(object, object)
    _run_done_from_thread = Signal(object)
    _pick_done_from_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.try_batch: TryBatch | None = None
        self.pick_batch: TryBatch | None = None
        self._run_event_from_thread.connect(self._on_run_event)
        self._run_done_from_thread.connect(self._on_run_done)
        self._pick_done_from_thread.connect(self._on_pick_done)

    @property
    def busy(self) -> bool:
        return any(not run.done for b in (self.try_batch, self.pick_batch) if b is not None for run in b.runs)

    @property
    def results(self):
        return self.try_batch.results if self.try_batch else []

    def start_try(self, variants: list[Variant], options: TryOptions) -> bool:
        try:
            batch = try_variants(variants, options)
        except ClaudeMissing as error:
            self.failed.emit(str(error))
            return False
        self.try_batch = batch
        batch.on_event = lambda run, event: self._emit("_run_event_from_thread", run, event)
        batch.on_done = lambda run: self._emit("_run_done_from_thread", run)
        batch.start()
        self.busy_changed.emit(True)
        return True

    def start_pick(self, variants: list[Variant], options: TryOptions, runs: int) -> bool:
        try:
            batch = would_pick(variants, options, runs)
        except ClaudeMissing as error:
            self.failed.emit(str(error))
            return False
        self.pick_batch = batch
        batch.on_done = lambda run: self._emit("_pick_done_from_thread", run)
        batch.start()
        self.busy_changed.emit(True)
        return True

    def _emit(self, name: str, *args) -> None:
        """Called from a reader thread; the window may be gone by then (closing it stops the
        runs, but a last line can still arrive)."""
        try:
            getattr(self, name).emit(*args)
        except RuntimeError:  # the controller was deleted with its window
            pass

    def stop(self) -> None:
        """End every running process; runs not yet started never start."""
        for batch in (self.try_batch, self.pick_batch):
            if batch is not None:
                batch.stop()

    def wait(self, timeout: float) -> bool:
        return all(b.wait(timeout) for b in (self.try_batch, self.pick_batch) if b is not None)

    def _on_run_event(self, run: Run, event: Event) -> None:
        batch = self.try_batch
        if batch is not None and run in batch.runs:
            self.run_event.emit(batch.runs.index(run), event)

    def _on_run_done(self, run: Run) -> None:
        batch = self.try_batch
        if batch is None or run not in batch.runs:
            return
        self.run_finished.emit(batch.runs.index(run))
        if all(r.done for r in batch.runs):
            self.try_finished.emit()
            self.busy_changed.emit(self.busy)

    def _on_pick_done(self, run: Run) -> None:
        batch = self.pick_batch
        if batch is None or run not in batch.runs:
            return
        done = sum(1 for r in batch.runs if r.done)
        self.pick_progress.emit(done, len(batch.runs))
        if done == len(batch.runs):
            tally: PickTally = tally_picks(batch.results, batch.labels, batch.agent_names)
            self.pick_finished.emit(tally)
            self.busy_changed.emit(self.busy)
