"""What every comparison shares: the two sides, word-diff operations, and what a document
must offer to be compared (its header fields and body). Pure Python, no Qt.

Line numbers: every line index is 0-based into ``body.split("\\n")`` and every range is
half-open, ``[start, end)``. An insertion has an empty range on the side without the
lines (``a_start == a_end``): the place where the other side's lines would go.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, NamedTuple, Protocol

class Comparable(Protocol):
    """What the comparison needs from a document: its header fields and its body."""

    @property
    def fields(self) -> Mapping[str, Any]: ...

    @property
    def body(self) -> str: ...


class Side(Enum):
    A = "a"
    B = "b"


class Op(Enum):
    """What a word-level segment is: shared text, text only in A, text only in B."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Segment(NamedTuple):
    """One run of a word-level diff: ``(op, text)``."""

    op: Op
    text: str
