"""A problem found in an agent file, and the fix that solves it: records, not widgets.

``error`` means Claude Code will not load the file at all; ``warning`` means it loads it
but ignores or changes a value (or other tools cannot read it); ``info`` is style and advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agent_editor.agentfile.document import AgentDocument

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Fix:
    """A change that solves a problem: ``label`` says what it does, ``apply`` does it."""

    label: str
    apply: Callable[[AgentDocument], None] = field(compare=False, repr=False)


@dataclass(frozen=True)
class Problem:
    severity: str
    message: str
    field: str | None = None
    line: int | None = None  # 1-based line in the file
    fix: Fix | None = None
    code: str = ""  # a stable name for the kind of problem
    details: str = ""  # the technical part, for who wants it (shown behind "Details")
