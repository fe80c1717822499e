"""Two bodies as rows side by side, and keeping the reader's place when the bodies change.

``align_rows`` turns a ``BodyDiff`` into screen rows: one per line of A, of B, or of
both, so line N of one side always stands beside line N of the other. When one body
is edited (a change carried across, an undo), the other keeps its line numbers:
``follow`` says which row now stands where the old top row stood, and which change the
edit touched, so the view can stay put and the current change be the one just
restored or taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agent_editor.compare.bodies import BlockKind, BodyDiff, Change
from agent_editor.compare.model import Segment, Side


@dataclass(frozen=True)
class AlignedRow:
    """One screen row of the side-by-side view: a line of A, of B, or of both.

    ``change`` is the index of the change the row belongs to (None in equal text);
    ``segments`` the word-level diff when both lines are there and differ.
    """

    a_line: int | None
    b_line: int | None
    change: int | None = None
    segments: tuple[Segment, ...] = ()

    def line(self, side: Side) -> int | None:
        return self.a_line if side is Side.A else self.b_line


def align_rows(diff: BodyDiff) -> tuple[list[AlignedRow], list[tuple[int, int]]]:
    """Every row of the two bodies side by side, and each change's rows ``[start, end)``."""
    rows: list[AlignedRow] = []
    ranges: list[tuple[int, int]] = []
    changes = iter(diff.changes)
    for block in diff.blocks:
        if block.kind is BlockKind.EQUAL:
            rows.extend(AlignedRow(block.a_start + k, block.b_start + k) for k in range(block.a_end - block.a_start))
            continue
        index = len(ranges)
        change = next(changes)
        start = len(rows)
        rows.extend(AlignedRow(row.a_line, row.b_line, index, row.segments) for row in change.rows)
        ranges.append((start, len(rows)))
    return rows, ranges


@dataclass(frozen=True)
class Follow:
    """Where the reader's place is after the bodies changed from ``old`` to ``new``.

    ``top_row``: the new row standing where the old top row stood. ``edited_change``:
    the change the edit touched (restored by an undo, say), or None when the edit left
    no difference there (a change taken across). ``after_row``: the new row of the old
    current change's start, to pick the next change from when no change was touched.
    """

    top_row: int
    edited_change: int | None
    after_row: int | None


def follow(old: BodyDiff, old_rows: Sequence[AlignedRow], new: BodyDiff, new_rows: Sequence[AlignedRow],
           top_row: int, current_row: int | None) -> Follow:
    """The reader's place in ``new_rows`` for the place ``top_row`` / ``current_row`` in ``old_rows``."""
    stable = stable_side(old, new)
    if stable is None:  # both bodies changed: keep the row number
        last = max(0, len(new_rows) - 1)
        return Follow(min(top_row, last), None, None if current_row is None else min(current_row, last))
    edited = _other(stable)
    old_edited = old.a_lines if edited is Side.A else old.b_lines
    new_edited = new.a_lines if edited is Side.A else new.b_lines
    region = edited_range(old_edited, new_edited)
    touched = None if region is None else change_at(new.changes, edited, region)
    line_rows: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
    for index, row in enumerate(new_rows):
        for side in (Side.A, Side.B):
            line = row.line(side)
            if line is not None:
                line_rows[side].setdefault(line, index)
    shift = len(new_edited) - len(old_edited)
    old_end = None if region is None else region[1] - shift  # the edit's end in the old lines

    def new_row(old_row: AlignedRow) -> int | None:
        """The new row of a line of the old row: a stable line keeps its number, an edited
        side's line before the edit too, one after it moves by the lines added."""
        line = old_row.line(stable)
        if line is not None:
            return line_rows[stable].get(line)
        line = old_row.line(edited)
        if line is None or region is None:
            return line_rows[edited].get(line) if line is not None else None
        if line < region[0]:
            return line_rows[edited].get(line)
        if old_end is not None and line >= old_end:
            return line_rows[edited].get(line + shift)
        return None

    return Follow(
        _map_row(old_rows, top_row, new_row, len(new_rows)),
        touched,
        None if current_row is None else _map_row(old_rows, current_row, new_row, len(new_rows)),
    )


def stable_side(old: BodyDiff, new: BodyDiff) -> Side | None:
    """The side whose lines did not change (A if neither did), or None when both did."""
    if old.a_lines == new.a_lines:
        return Side.A
    if old.b_lines == new.b_lines:
        return Side.B
    return None


def edited_range(old: Sequence[str], new: Sequence[str]) -> tuple[int, int] | None:
    """The lines ``[start, end)`` of ``new`` that differ from ``old`` (empty where lines were
    only removed), or None when nothing changed."""
    if tuple(old) == tuple(new):
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_new


def change_at(changes: Sequence[Change], side: Side, region: tuple[int, int]) -> int | None:
    """The first change whose lines on ``side`` meet ``region`` (an empty range meets what it touches)."""
    start, end = region
    for index, change in enumerate(changes):
        c_start, c_end = (change.a_start, change.a_end) if side is Side.A else (change.b_start, change.b_end)
        if start == end or c_start == c_end:
            if c_start <= end and start <= c_end:
                return index
        elif c_start < end and start < c_end:
            return index
    return None


def _map_row(old_rows: Sequence[AlignedRow], row: int, new_row, count: int) -> int:
    """The new row of old row ``row`` (or of the nearest mappable row below it, else above it)."""
    if not old_rows or count == 0:
        return 0
    row = max(0, min(row, len(old_rows) - 1))
    for step in (range(row, len(old_rows)), range(row - 1, -1, -1)):
        for index in step:
            mapped = new_row(old_rows[index])
            if mapped is not None:
                return mapped
    return min(row, count - 1)


def _other(side: Side) -> Side:
    return Side.B if side is Side.A else Side.A
