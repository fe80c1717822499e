"""The rules that are data: which header fields Claude Code knows, their types, allowed
values and help texts (with a one-line explanation of each choice and each built-in
tool), the colors, the built-in tools in plain groups and the old tool names. They live in ``resources/schema.json``, read by the validator and by the form.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

from agent_editor.agentfile.resources_path import resource_path


@dataclass(frozen=True)
class FieldRule:
    key: str
    label: str
    type: str  # name, text, model, color, tools, choice, positive_int, string_list, yaml, bool
    help: str
    required: bool = False
    basic: bool = False  # shown in the form at once; the others on demand
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    expect: str = ""  # for yaml fields: "list" or "mapping"
    safety: str = ""
    choice_help: dict[str, str] = field(default_factory=dict)  # a one-line explanation of each choice
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ToolGroup:
    label: str
    help: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    fields: tuple[FieldRule, ...]
    colors: dict[str, str]
    tool_groups: tuple[ToolGroup, ...]
    legacy_tools: dict[str, dict[str, str]]
    builtin_agents: tuple[str, ...]
    example_words: frozenset[str] = frozenset()  # lowercase; see "example_words" in schema.json
    tool_help: dict[str, str] = field(default_factory=dict)  # a one-line explanation of each built-in tool

    def rule(self, key: str) -> FieldRule | None:
        return self._by_key.get(key)

    @functools.cached_property
    def _by_key(self) -> dict[str, FieldRule]:
        return {rule.key: rule for rule in self.fields}

    @functools.cached_property
    def builtin_tools(self) -> frozenset[str]:
        return frozenset(tool for group in self.tool_groups for tool in group.tools)


_KNOWN = {"key", "label", "type", "help", "required", "basic", "choices", "placeholder", "expect", "safety",
          "choice_help"}


@functools.cache
def load_schema() -> Schema:
    with open(resource_path("schema.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    rules = tuple(
        FieldRule(
            key=item["key"],
            label=item["label"],
            type=item["type"],
            help=item["help"],
            required=item.get("required", False),
            basic=item.get("basic", False),
            choices=tuple(item.get("choices", ())),
            placeholder=item.get("placeholder", ""),
            expect=item.get("expect", ""),
            safety=item.get("safety", ""),
            choice_help=dict(item.get("choice_help", {})),
            extra={k: v for k, v in item.items() if k not in _KNOWN},
        )
        for item in data["fields"]
    )
    groups = tuple(ToolGroup(g["label"], g["help"], tuple(g["tools"])) for g in data["tool_groups"])
    example_words = frozenset(word.lower() for word in data.get("example_words", {}).get("words", ()))
    return Schema(
        rules, dict(data["colors"]), groups, dict(data["legacy_tools"]), tuple(data["builtin_agents"]), example_words,
        dict(data.get("tool_help", {})),
    )
