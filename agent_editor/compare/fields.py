"""Header fields compared by meaning: key order and quoting do not matter, ``tools`` and
``disallowedTools`` are compared as sets whatever style each file writes them in, and an
absent ``tools`` key means the same as ``tools: "*"`` (every tool)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from agent_editor.agentfile.tools import parse_tools
from agent_editor.compare.model import Segment
from agent_editor.compare.words import word_diff

TOOL_SET_KEYS = ("tools", "disallowedTools")


class FieldStatus(Enum):
    SAME = "same"
    CHANGED = "changed"
    ONLY_IN_A = "only in A"
    ONLY_IN_B = "only in B"


@dataclass(frozen=True)
class ToolSetDiff:
    """Two tool grants compared as sets.

    ``all_in_a`` / ``all_in_b`` say the side grants every tool (``tools`` absent, ``*``,
    ``""`` or ``[]``); such a side has no list, so every tool the other side names is in
    ``in_both`` and nothing is ``only_in`` the listing side. Names keep the order of the
    side they come from (A first for ``in_both``).
    """

    key: str
    in_both: tuple[str, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    all_in_a: bool = False
    all_in_b: bool = False

    @property
    def same(self) -> bool:
        return not self.only_in_a and not self.only_in_b and self.all_in_a == self.all_in_b


@dataclass(frozen=True)
class FieldDiff:
    """One header key compared across A and B.

    ``value_a`` / ``value_b`` are the values as Claude Code reads them (None when the key
    is absent on that side: see ``present_a`` / ``present_b``). ``words`` holds the
    word-level diff when both values are strings and differ; ``tools`` the set comparison
    for ``tools`` and ``disallowedTools``. The status is by meaning: ``tools`` absent on
    one side and ``"*"`` on the other is SAME.
    """

    key: str
    status: FieldStatus
    value_a: Any
    value_b: Any
    present_a: bool
    present_b: bool
    words: tuple[Segment, ...] = ()
    tools: ToolSetDiff | None = None

    @property
    def same(self) -> bool:
        return self.status is FieldStatus.SAME


def tool_set(key: str, fields: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The tool names ``fields[key]`` stands for, without repeats, or None for every tool.

    For ``tools`` absence means every tool; for ``disallowedTools`` it means none, and
    only ``*`` means every tool.
    """
    present = key in fields
    value = fields.get(key)
    names = parse_tools(value) if present else None
    if key == "disallowedTools":
        if names is None:
            return None if present and _is_star(value) else ()
    elif names is None:
        return None
    return tuple(dict.fromkeys(names))


def _is_star(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value] == ["*"]
    return isinstance(value, str) and value.strip() == "*"


def _compare_tool_sets(key: str, fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> ToolSetDiff:
    tools_a, tools_b = tool_set(key, fields_a), tool_set(key, fields_b)
    if tools_a is None or tools_b is None:
        listed = tools_a if tools_a is not None else (tools_b or ())
        return ToolSetDiff(key, tuple(listed), (), (), tools_a is None, tools_b is None)
    set_a, set_b = set(tools_a), set(tools_b)
    return ToolSetDiff(
        key,
        in_both=tuple(name for name in tools_a if name in set_b),
        only_in_a=tuple(name for name in tools_a if name not in set_b),
        only_in_b=tuple(name for name in tools_b if name not in set_a),
    )


def same_value(a: Any, b: Any) -> bool:
    """Equal as YAML values: ``True`` is not ``1``, mappings ignore key order."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[key], b[key]) for key in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return a == b


def compare_fields(fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> tuple[FieldDiff, ...]:
    """One ``FieldDiff`` per key in either header: A's keys in A's order, then B's new keys."""
    keys = list(dict.fromkeys([*fields_a, *fields_b]))
    return tuple(compare_field(key, fields_a, fields_b) for key in keys)


def compare_field(key: str, fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> FieldDiff:
    present_a, present_b = key in fields_a, key in fields_b
    value_a, value_b = fields_a.get(key), fields_b.get(key)
    tools = _compare_tool_sets(key, fields_a, fields_b) if key in TOOL_SET_KEYS else None
    same = tools.same if tools is not None else present_a and present_b and same_value(value_a, value_b)
    if same:
        status = FieldStatus.SAME
    elif present_a and present_b:
        status = FieldStatus.CHANGED
    else:
        status = FieldStatus.ONLY_IN_A if present_a else FieldStatus.ONLY_IN_B
    words: tuple[Segment, ...] = ()
    if not same and isinstance(value_a, str) and isinstance(value_b, str):
        words = word_diff(value_a, value_b)
    return FieldDiff(key, status, value_a, value_b, present_a, present_b, words, tools)


def format_value(value: Any) -> str:
    """A header value as its author would write it (YAML spelling, not Python's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(empty)"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {format_value(item)}" for key, item in value.items()) + "}"
    return str(value)
