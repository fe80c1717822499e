"""Tool lists as Claude Code reads them, and written back in the file's own style.

A ``tools`` (or ``disallowedTools``) value may be a comma- or space-separated string
(``Read, Grep``, ``Read Grep``) or a YAML list. Parentheses keep what is inside them
together, commas and spaces included: ``Bash(npm run *)`` is one tool.
Absent, ``*``, ``""`` and ``[]`` all mean every tool.
"""

from __future__ import annotations

from typing import Any


def split_tool_string(text: str) -> list[str]:
    """Split a tools string on commas and white space outside parentheses."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        if depth == 0 and (char == "," or char.isspace()):
            if current:
                names.append("".join(current))
                current = []
            continue
        current.append(char)
    if current:
        names.append("".join(current))
    return names


def parse_tools(value: Any) -> list[str] | None:
    """The tool names a value grants, or None when it means every tool."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        names = [str(item).strip() for item in value if item is not None and str(item).strip()]
    else:
        names = split_tool_string(str(value))
    if not names or names == ["*"]:
        return None
    return names


def tools_summary(fields: dict[str, Any]) -> str:
    """Claude Code's own one-line summary of an agent's tools ("All tools", "Read, Grep", ...)."""
    allowed = parse_tools(fields.get("tools"))
    denied = parse_tools(fields.get("disallowedTools")) or []
    if allowed is None:
        if denied:
            return "All tools except " + ", ".join(denied)
        return "All tools"
    kept = [name for name in allowed if name not in denied]
    return ", ".join(kept) if kept else "No tools"


def tools_value_in_style(names: list[str] | None, existing: Any) -> Any:
    """The value to write for ``names`` in the style ``existing`` already uses.

    A string stays a string (with the separator it used), a list stays a list.
    None (every tool) is for the caller to express by removing the key.
    """
    if names is None:
        raise ValueError("every tool is written by removing the key, not by a value")
    if isinstance(existing, (list, tuple)):
        return list(names)
    if isinstance(existing, str) and existing.strip() and "," not in existing and len(split_tool_string(existing)) > 1:
        return " ".join(names)
    return ", ".join(names)
