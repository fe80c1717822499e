"""Bodies compared line by line: aligned blocks of equal, changed, added and removed lines,
with word-level segments inside changed lines, and how alike two bodies are."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from agent_editor.compare.model import Segment, Side
from agent_editor.compare.words import word_diff

# Two changed lines are shown side by side (with word-level differences) when at least
# this much of their words are shared; otherwise one is a deletion, the other an insertion.
LINE_PAIR_SIMILARITY = 0.4
# Aligning the lines of a replaced block costs len(a) * len(b) cheap comparisons; above
# this the lines are paired in order.
LINE_PAIRING_MAX_CELLS = 10_000


class BlockKind(Enum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"  # lines only in A
    INSERT = "insert"  # lines only in B


@dataclass(frozen=True)
class LineRow:
    """One row of the side-by-side view inside a change.

    ``a_line`` / ``b_line`` are line indices (None when the row has no line on that
    side). When both are set, ``segments`` is their word-level diff.
    """

    a_line: int | None
    b_line: int | None
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class Change:
    """One difference between the bodies: lines ``[a_start, a_end)`` of A against
    ``[b_start, b_end)`` of B, with their text and the rows to draw them side by side."""

    kind: BlockKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_lines: tuple[str, ...]
    b_lines: tuple[str, ...]
    rows: tuple[LineRow, ...]


@dataclass(frozen=True)
class Block:
    """A run of the alignment (as difflib opcodes): equal lines, or one change."""

    kind: BlockKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class BodyDiff:
    """The two bodies aligned line by line.

    ``blocks`` covers both bodies from top to bottom (equal runs included), for drawing
    the side-by-side view; ``changes`` are the non-equal blocks in order, for next /
    previous change and for ``apply_change``.
    """

    a_lines: tuple[str, ...]
    b_lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    changes: tuple[Change, ...]

    @property
    def identical(self) -> bool:
        return not self.changes

    def change_at(self, line: int, side: Side = Side.A) -> int | None:
        """Index of the change covering (or, for an insertion, placed at) ``line`` on ``side``."""
        for index, change in enumerate(self.changes):
            start, end = (change.a_start, change.a_end) if side is Side.A else (change.b_start, change.b_end)
            if start <= line < end or start == end == line:
                return index
        return None


def compare_bodies(body_a: str, body_b: str) -> BodyDiff:
    lines_a, lines_b = body_a.split("\n"), body_b.split("\n")
    # autojunk would treat common lines (blank lines, code fences) as junk in bodies of
    # 200+ lines and then align unrelated paragraphs; the cost of turning it off is small.
    matcher = difflib.SequenceMatcher(None, lines_a, lines_b, autojunk=False)
    blocks: list[Block] = []
    changes: list[Change] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        kind = BlockKind(tag)
        blocks.append(Block(kind, a1, a2, b1, b2))
        if kind is BlockKind.EQUAL:
            continue
        rows = _rows_for_change(lines_a, lines_b, a1, a2, b1, b2)
        changes.append(Change(kind, a1, a2, b1, b2, tuple(lines_a[a1:a2]), tuple(lines_b[b1:b2]), rows))
    return BodyDiff(tuple(lines_a), tuple(lines_b), tuple(blocks), tuple(changes))


def _rows_for_change(lines_a: list[str], lines_b: list[str], a1: int, a2: int, b1: int, b2: int) -> tuple[LineRow, ...]:
    pairs = _pair_lines(lines_a[a1:a2], lines_b[b1:b2])
    rows: list[LineRow] = []
    next_a, next_b = 0, 0
    for i, j in [*pairs, (a2 - a1, b2 - b1)]:
        rows.extend(LineRow(a1 + k, None) for k in range(next_a, i))
        rows.extend(LineRow(None, b1 + k) for k in range(next_b, j))
        if i < a2 - a1 and j < b2 - b1:
            rows.append(LineRow(a1 + i, b1 + j, word_diff(lines_a[a1 + i], lines_b[b1 + j])))
        next_a, next_b = i + 1, j + 1
    return tuple(rows)


def _pair_lines(lines_a: Sequence[str], lines_b: Sequence[str]) -> list[tuple[int, int]]:
    """Which lines of a replaced block correspond: (i, j) pairs in increasing order.

    Maximises the summed word similarity of the pairs (a small dynamic programme), with
    only pairs similar enough to be worth a word-level diff allowed.
    """
    n, m = len(lines_a), len(lines_b)
    if not n or not m:
        return []
    if n * m > LINE_PAIRING_MAX_CELLS:
        return [(i, i) for i in range(min(n, m)) if _line_similarity(lines_a[i], lines_b[i]) >= LINE_PAIR_SIMILARITY]
    bags_a = [_word_bag(line) for line in lines_a]
    bags_b = [_word_bag(line) for line in lines_b]
    similar = [
        [_bag_similarity(bags_a[i], bags_b[j], lines_a[i], lines_b[j]) for j in range(m)] for i in range(n)
    ]
    # best[i][j]: the best summed similarity pairing lines_a[i:] with lines_b[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if similar[i][j] >= LINE_PAIR_SIMILARITY:
                score = max(score, similar[i][j] + best[i + 1][j + 1])
            best[i][j] = score
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if similar[i][j] >= LINE_PAIR_SIMILARITY and best[i][j] == similar[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


_WORD = re.compile(r"\w+")


def _word_bag(line: str) -> Counter:
    # Words only: Markdown marks ("##", "-", "**") would make any two headings or
    # bullets look alike.
    return Counter(_WORD.findall(line.casefold()))


def _bag_similarity(bag_a: Counter, bag_b: Counter, line_a: str, line_b: str) -> float:
    """Dice similarity of the lines' word multisets; for lines without words, of their text."""
    total = sum(bag_a.values()) + sum(bag_b.values())
    if not total:
        return 1.0 if line_a.strip() == line_b.strip() else 0.0
    common = sum((bag_a & bag_b).values())
    return 2 * common / total


def _line_similarity(line_a: str, line_b: str) -> float:
    return _bag_similarity(_word_bag(line_a), _word_bag(line_b), line_a, line_b)


def body_similarity(body_a: str, body_b: str) -> float:
    """How much of two bodies is the same text, 0..1, by words (difflib's ratio).

    Popular words ("the", "-") cannot anchor a match on their own (difflib's autojunk),
    which keeps this fast on 64 KB bodies and stops unrelated texts scoring high on
    filler words.
    """
    if body_a == body_b:
        return 1.0
    # difflib's ratio depends a little on argument order; a fixed order keeps it symmetric.
    body_a, body_b = sorted((body_a, body_b), key=lambda body: (len(body), body))
    words_a, words_b = body_a.split(), body_b.split()
    if not words_a and not words_b:
        return 1.0
    return difflib.SequenceMatcher(None, words_a, words_b).ratio()
