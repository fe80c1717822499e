"""An agent as Claude Code presents it: the line Claude reads to choose an agent, the tools
it really gets, the model that really runs it, and whether the file loads at all.

Everything here comes from the same reading as the form and ``check`` (``AgentDocument``
and ``validate``), so the three never disagree. Pure Python, no Qt. Which of several files
Claude Code uses for one name is ``scopes.py``'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.problem import ERROR, Problem
from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.agentfile.tools import parse_tools, tools_summary
from agent_editor.agentfile.validation import validate

BUILT_IN, MCP, OLD_NAME, UNKNOWN = "built-in", "MCP", "old name", "unknown"
INHERIT = "inherit"


@dataclass(frozen=True)
class ToolEntry:
    """One tool the agent gets, as written, and what Claude Code makes of it."""

    name: str
    kind: str  # BUILT_IN, MCP, OLD_NAME or UNKNOWN
    note: str = ""


@dataclass(frozen=True)
class ClaudeView:
    loaded: bool
    why_not: str = ""  # when not loaded: why, in plain words
    name: str | None = None
    description: str | None = None  # as Claude Code reads it: \n a line break, a # comment or --- cut, trimmed
    tools: str | None = None  # Claude Code's own summary: "All tools", "Read, Grep", "All tools except Bash"
    all_tools: bool = False
    granted: tuple[ToolEntry, ...] = ()  # the tools it gets (for all tools: the built-in ones, minus the denied)
    denied: tuple[str, ...] = ()
    model: str = INHERIT  # the model that runs it: a name or id, or "inherit" (the conversation's model)
    model_note: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)  # what Claude Code does not say: cut, ignored values

    @property
    def listing(self) -> str | None:
        """The line Claude reads to choose an agent."""
        if self.name is None or self.description is None:
            return None
        return f"{self.name}: {self.description} (Tools: {self.tools})"

    @property
    def unknown_tools(self) -> list[str]:
        return [entry.name for entry in self.granted if entry.kind == UNKNOWN]


def tool_entry(name: str, schema: Schema) -> ToolEntry:
    base = name.split("(", 1)[0]
    if base in schema.builtin_tools:
        return ToolEntry(name, BUILT_IN)
    if base.startswith("mcp__"):
        server = base[len("mcp__"):].split("__", 1)
        what = "every tool of" if len(server) == 1 or server[1] in ("", "*") else f"the tool {server[1]} of"
        return ToolEntry(name, MCP, f"{what} the MCP server {server[0]}")
    if base in schema.legacy_tools:
        return ToolEntry(name, OLD_NAME, schema.legacy_tools[base]["message"])
    return ToolEntry(name, UNKNOWN, "Claude Code has no tool of this name; it is kept but does nothing.")


def effective_tools(fields: dict[str, Any], schema: Schema | None = None) -> tuple[bool, list[ToolEntry], list[str]]:
    """Whether the agent gets every tool, the tools it gets, and the tools taken away (``disallowedTools``)."""
    schema = schema or load_schema()
    allowed = parse_tools(fields.get("tools"))
    denied = parse_tools(fields.get("disallowedTools")) or []
    if allowed is None:
        ordered = [tool for group in schema.tool_groups for tool in group.tools]
        return True, [tool_entry(t, schema) for t in ordered if t not in denied], denied
    return False, [tool_entry(t, schema) for t in allowed if t not in denied], denied


def model_used(value: Any, schema: Schema | None = None) -> tuple[str, str]:
    """The model Claude Code runs the agent with, and a note in words."""
    schema = schema or load_schema()
    rule = schema.rule("model")
    choices = rule.choices if rule else ()
    pattern = re.compile(rule.extra.get("model_id_pattern", r"^claude-")) if rule else re.compile(r"^claude-")
    if value is None or value == INHERIT:
        return INHERIT, "the conversation's model"
    if isinstance(value, str) and (value in choices or pattern.match(value)):
        return value, ""
    shown = value if isinstance(value, str) else str(value)
    return INHERIT, f"the conversation's model (Claude Code ignores “{shown}”)"


def view_of(doc: AgentDocument, schema: Schema | None = None, problems: list[Problem] | None = None) -> ClaudeView:
    """``doc`` as Claude Code presents it (``problems``: ``validate(doc)``, when already known)."""
    schema = schema or load_schema()
    problems = validate(doc, schema) if problems is None else problems
    errors = [p for p in problems if p.severity == ERROR]
    fields = doc.fields if doc.has_header and doc.reading.ok else {}
    name, description = fields.get("name"), fields.get("description")
    all_tools, granted, denied = effective_tools(fields, schema)
    model, note = model_used(fields.get("model"), schema)
    why_not = errors[0].message if errors else ""
    if not why_not and doc.path is not None and doc.path.suffix != ".md":
        why_not = f"Claude Code reads only files ending in .md; as “{doc.path.stem}.md” this file would load."
    warnings = tuple(p.message for p in problems if p.code in ("description-cut", "key-twice", "header-cut",
                                                               "comment-cut"))
    return ClaudeView(
        loaded=not why_not,
        why_not=why_not,
        name=name if isinstance(name, str) else None,
        description=description if isinstance(description, str) else None,
        tools=tools_summary(fields) if fields else None,
        all_tools=all_tools,
        granted=tuple(granted),
        denied=tuple(denied),
        model=model,
        model_note=note,
        warnings=warnings,
    )
