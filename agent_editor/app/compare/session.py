"""The state of one compare view: its variants, the pair side by side, and what differs.

``CompareSession`` owns what the compare window shows: one ``OpenDocument`` per
variant (so a change carried across is one undo step on that document, and saving
goes through its validation and lossless save), which two variants are side by side,
the latest ``Comparison`` of that pair and, for three or more variants, the latest
``Overview`` of all of them.

Whenever a variant changes the session compares again: small files at once, large
ones in a worker process so the window keeps running. (A worker thread is not enough:
while pure-Python work holds the interpreter lock, every repaint of the window waits
for it, once per Python-side widget, which froze the window for the whole comparison.) Every request gets a generation
number and a result whose generation is no longer the latest (its text has changed
since, or another pair was chosen) is dropped. While one computation runs, further
requests wait and only the latest one is started when it ends.

Carrying a header field, a body section or a single body change from one variant of
the pair into the other also goes through here (``copy_field``, ``copy_section``,
``take_change``); the widgets only ask for them.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator, Sequence
import functools
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agent_editor.compare.carry import apply_change, copy_section
from agent_editor.compare.comparison import Comparison, compare
from agent_editor.compare.fields import TOOL_SET_KEYS
from agent_editor.compare.model import Side
from agent_editor.compare.overview import overview, Overview
from agent_editor.compare.sections import SectionMatch
from agent_editor.app.open_document import OpenDocument
from agent_editor.agentfile.tools import parse_tools, tools_value_in_style

__all__ = ["CompareSession", "StaleComparison", "variant_letter"]

_log = logging.getLogger(__name__)

# Bodies up to this many characters (all compared variants together) compare in well
# under 50 ms, so they are compared at once and the window shows the result with its
# first paint; larger ones go to the worker process.
SYNC_LIMIT_CHARS = 24_000

_PAIR, _OVERVIEW = "pair", "overview"


def variant_letter(index: int) -> str:
    """The letter a variant goes by in the compare view: A, B, C ... (then numbers)."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


class StaleComparison(ValueError):
    """The comparison on screen no longer matches the text (a newer one is on its way)."""


@dataclass(frozen=True)
class _Snapshot:
    """A variant's header and body as they were when a computation was asked for.

    The worker process gets copies of these, never the live documents.
    """

    fields: dict[str, Any]
    body: str
    path: Path | None


class _ResultCarrier(QObject):
    """Brings a worker's result to the main thread (a queued signal)."""

    arrived = Signal(str, int, object)  # kind, generation, result or the exception raised


class CompareSession(QObject):
    """Two or more open variants compared; ``left`` and ``right`` are the pair side by side."""

    comparison_updated = Signal(object)  # Comparison of the pair
    overview_updated = Signal(object)  # Overview of all variants (three or more)
    busy_changed = Signal(bool)
    pair_changed = Signal(int, int)
    comparison_failed = Signal(str)

    def __init__(self, documents: Sequence[OpenDocument], parent: QObject | None = None):
        super().__init__(parent)
        if len(documents) < 2:
            raise ValueError("a comparison needs at least two variants")
        self.documents: list[OpenDocument] = list(documents)
        self._pair = (0, 1)
        self._comparison: Comparison | None = None
        self._compared: tuple[_Snapshot, _Snapshot] | None = None
        self._overview: Overview | None = None
        self._generation = {_PAIR: 0, _OVERVIEW: 0}
        self._running = {_PAIR: False, _OVERVIEW: False}
        self._waiting = {_PAIR: False, _OVERVIEW: False}
        self._delivered = {_PAIR: 0, _OVERVIEW: 0}  # the generation each kind last showed
        self._busy = False
        self._closed = False
        self._carrier = _ResultCarrier(self)
        self._carrier.arrived.connect(self._on_carrier_arrived)
        # One edit can change the header and the body: compare once, after both.
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        for document in self.documents:
            document.fields_changed.connect(self._refresh_timer.start)
            document.body_changed.connect(self._on_document_body_changed)

    # ----- reading --------------------------------------------------------------------

    @property
    def pair(self) -> tuple[int, int]:
        return self._pair

    @property
    def left(self) -> OpenDocument:
        return self.documents[self._pair[0]]

    @property
    def right(self) -> OpenDocument:
        return self.documents[self._pair[1]]

    @property
    def comparison(self) -> Comparison | None:
        """The latest comparison of the pair (A = left, B = right); None before the first."""
        return self._comparison

    @property
    def overview(self) -> Overview | None:
        return self._overview

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def is_current(self) -> bool:
        """The comparison shown was made from the pair's text as it is now."""
        if self._comparison is None or self._compared is None:
            return False
        a, b = self._compared
        return (a.body, a.fields, b.body, b.fields) == (
            self.left.body, self.left.fields, self.right.body, self.right.fields)

    def letter(self, side: Side) -> str:
        return variant_letter(self._pair[0] if side is Side.A else self._pair[1])

    def document(self, side: Side) -> OpenDocument:
        return self.left if side is Side.A else self.right

    # ----- choosing and computing -------------------------------------------------------

    def set_pair(self, left: int, right: int) -> None:
        """Show variants ``left`` and ``right`` side by side (A and B of the comparison)."""
        count = len(self.documents)
        if not (0 <= left < count and 0 <= right < count) or left == right:
            raise ValueError("choose two different variants")
        if (left, right) == self._pair and self._comparison is not None:
            return
        self._pair = (left, right)
        self._comparison, self._compared = None, None
        self.pair_changed.emit(left, right)
        self._request(_PAIR)

    def refresh(self) -> None:
        """Compare again from the documents' current text."""
        self._refresh_timer.stop()
        self._request(_PAIR)
        if len(self.documents) > 2:
            self._request(_OVERVIEW)

    def close(self) -> None:
        """Stop computing; results still on their way are dropped."""
        self._closed = True
        self._refresh_timer.stop()
        # The worker process is shared by every compare window and lives on.

    def _request(self, kind: str) -> None:
        if self._closed:
            return
        self._generation[kind] += 1
        snapshots = self._snapshots(kind)
        if sum(len(s.body) for s in snapshots) <= SYNC_LIMIT_CHARS:
            # At once; anything still running for this kind is older and will be dropped.
            self._deliver(kind, self._generation[kind], _compute(kind, snapshots), snapshots)
            return
        if self._running[kind]:
            self._waiting[kind] = True
        else:
            self._start(kind, snapshots)
        self._update_busy()

    def _snapshots(self, kind: str) -> tuple[_Snapshot, ...]:
        documents = [self.left, self.right] if kind == _PAIR else self.documents
        return tuple(_Snapshot(copy.deepcopy(d.fields), d.body, d.path) for d in documents)

    def _start(self, kind: str, snapshots: tuple[_Snapshot, ...]) -> None:
        self._running[kind] = True
        self._waiting[kind] = False
        generation, carrier = self._generation[kind], self._carrier

        def arrived(future: Future) -> None:  # runs on the executor's own thread
            try:
                result: object = (future.result(), snapshots)
            except Exception as error:  # noqa: BLE001 - reported to the window, not lost in the thread
                _log.exception("comparing failed")
                result = error
            try:
                carrier.arrived.emit(kind, generation, result)
            except RuntimeError:
                pass  # the window closed while this ran

        _worker_pool().submit(_compute, kind, snapshots).add_done_callback(arrived)

    def _on_carrier_arrived(self, kind: str, generation: int, result: object) -> None:
        self._running[kind] = False
        if self._closed:
            return
        if generation == self._generation[kind]:
            if isinstance(result, Exception):
                self._delivered[kind] = generation
                self.comparison_failed.emit(f"Comparing failed: {result}")
            else:
                value, snapshots = result
                self._deliver(kind, generation, value, snapshots)
        elif self._waiting[kind]:
            # Outdated: the text changed while it ran. Start the latest request now.
            self._start(kind, self._snapshots(kind))
        self._update_busy()

    def _deliver(self, kind: str, generation: int, value: Any, snapshots: tuple[_Snapshot, ...]) -> None:
        if generation != self._generation[kind]:
            return
        self._delivered[kind] = generation
        if kind == _PAIR:
            self._comparison, self._compared = value, (snapshots[0], snapshots[1])
            self._update_busy()
            self.comparison_updated.emit(value)
        else:
            self._overview = value
            self._update_busy()
            self.overview_updated.emit(value)

    def _update_busy(self) -> None:
        busy = any(self._delivered[kind] != self._generation[kind] for kind in self._generation)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_document_body_changed(self, _body: str) -> None:
        self._refresh_timer.start()

    # ----- carrying changes across -------------------------------------------------------

    def copy_field(self, key: str, into: Side) -> bool:
        """Give the ``into`` variant the other one's ``key`` (or take the key out when the
        other has none). Tool lists keep the target file's own style. One undo step;
        raises ``DocumentError`` when the header cannot take it. False: nothing to do."""
        source, target = self.document(_other(into)), self.document(into)
        value = _value_to_copy(key, source.fields, target.fields)
        trial = target.document.copy()
        if value is None:
            trial.remove_field(key)
        else:
            trial.set_field(key, value)
        if trial.to_text() == target.document.to_text():
            return False
        giver = self.letter(_other(into))
        label = f"Use {giver}'s {key}" if key in source.fields else f"Remove {key}, as {giver} has none"
        with _one_step(target, label):
            target.set_field(key, value)
        return True

    def copy_section(self, match: SectionMatch, into: Side) -> bool:
        """Copy the other side's section of ``match`` into ``into`` (replacing its own
        version, or inserted where it belongs). One undo step."""
        comparison = self._current_comparison()
        if match not in comparison.sections:
            raise StaleComparison("That section list is out of date; compare again.")
        section = match.a if into is Side.B else match.b
        if section is None:
            raise ValueError(f"{self.letter(_other(into))} has no such section to copy.")
        source, target = self.document(_other(into)), self.document(into)
        new_body = copy_section(target.body, source.body, section)
        return self._set_body(target, new_body, f"Copy section “{section.title}” from {self.letter(_other(into))}")

    def take_change(self, index: int, into: Side) -> bool:
        """Replace ``into``'s lines of body change ``index`` with the other side's. One undo step."""
        comparison = self._current_comparison()
        if not 0 <= index < len(comparison.changes):
            raise ValueError("There is no such change.")
        source, target = self.document(_other(into)), self.document(into)
        new_body = apply_change(target.body, source.body, comparison.changes[index], target_side=into)
        return self._set_body(target, new_body, f"Take change from {self.letter(_other(into))}")

    def _current_comparison(self) -> Comparison:
        if self._comparison is None or not self.is_current:
            raise StaleComparison("Still comparing the latest text; try again in a moment.")
        return self._comparison

    @staticmethod
    def _set_body(target: OpenDocument, body: str, label: str) -> bool:
        if body == target.body:
            return False
        with _one_step(target, label):
            target.set_body(body)
        return True


def _other(side: Side) -> Side:
    return Side.A if side is Side.B else Side.B


def _value_to_copy(key: str, source: dict[str, Any], target: dict[str, Any]) -> Any:
    """What ``target`` should hold for ``key`` to mean what ``source`` does (None: no key)."""
    if key not in source:
        return None
    value = copy.deepcopy(source[key])
    if key in TOOL_SET_KEYS:
        names = parse_tools(value)
        if names is not None:
            return tools_value_in_style(list(dict.fromkeys(names)), target.get(key, value))
    return value


@contextmanager
def _one_step(target: OpenDocument, label: str) -> Iterator[None]:
    # A macro is a step of its own: typing-style merging (two quick small edits
    # becoming one) must not swallow a change carried across.
    target.undo_stack.beginMacro(label)
    try:
        yield
    finally:
        target.undo_stack.endMacro()


@functools.cache
def _worker_pool() -> ProcessPoolExecutor:
    """One worker process for all comparisons, started when a large one is first asked for.

    "spawn" starts a fresh interpreter (no copy of the window's threads and locks) and
    works the same on Linux, Windows and macOS, and in the packaged app.
    """
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def _compute(kind: str, snapshots: tuple[_Snapshot, ...]) -> Any:
    if kind == _PAIR:
        return compare(snapshots[0], snapshots[1])
    return overview(snapshots)

