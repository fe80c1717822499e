"""The variants to try, as Claude Code's ``--agents`` JSON registers them.

Each variant is registered under a temporary name built from its real one
(``backend-architect`` becomes ``backend-architect-try-a``), because variants of one agent
usually share a name and Claude Code keeps only one agent per name.

What reaches Claude Code: the description, the body as the prompt, ``tools``,
``disallowedTools`` and ``model`` (these decide how the variant behaves), plus ``effort``,
``maxTurns`` and ``skills``. Left out on purpose: ``hooks`` (they run shell commands),
``mcpServers`` (they start programs), ``permissionMode`` (the Try settings choose it),
``memory``, ``isolation``, ``background`` and ``initialPrompt`` (they change where and how
the run happens, not what the variant says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.tools import parse_tools

PASSED_FIELDS = ("effort", "maxTurns", "skills")
DROPPED_FIELDS = ("hooks", "mcpServers", "permissionMode", "memory", "isolation", "background", "initialPrompt")


@dataclass(frozen=True)
class Variant:
    """One variant to try: its text as it stands (saved or not) and where it lives."""

    label: str  # what the author sees: usually the file name
    text: str
    path: Path | None = None

    @classmethod
    def from_file(cls, path: str | Path) -> "Variant":
        doc = AgentDocument.load(path)
        return cls(Path(path).name, doc.to_text(), Path(path))

    @property
    def document(self) -> AgentDocument:
        return AgentDocument.parse(self.text)

    @property
    def name(self) -> str:
        value = self.document.fields.get("name")
        return value.strip() if isinstance(value, str) and value.strip() else ""


def temp_names(variants: list[Variant]) -> list[str]:
    """A unique name per variant, built from its own: ``<name>-try-a``, ``-try-b``, ..."""
    names = []
    for index, variant in enumerate(variants):
        base = re.sub(r"[^a-z0-9]+", "-", variant.name.lower()).strip("-") or "agent"
        names.append(f"{base[:48]}-try-{_letters(index)}")
    return names


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def agent_definition(variant: Variant) -> dict[str, Any]:
    """The ``--agents`` entry for one variant."""
    doc = variant.document
    fields = doc.fields
    description = fields.get("description")
    entry: dict[str, Any] = {
        "description": description.strip() if isinstance(description, str) and description.strip()
        else f"Variant {variant.label}",
        "prompt": doc.body.strip(),
    }
    tools = parse_tools(fields.get("tools"))
    if tools is not None:
        entry["tools"] = tools
    denied = parse_tools(fields.get("disallowedTools"))
    if denied:
        entry["disallowedTools"] = denied
    model = fields.get("model")
    if isinstance(model, str) and model.strip() and model.strip() != "inherit":
        entry["model"] = model.strip()
    for key in PASSED_FIELDS:
        if fields.get(key) not in (None, ""):
            entry[key] = fields[key]
    return entry


def agents_json(variants: list[Variant], names: list[str]) -> dict[str, dict[str, Any]]:
    return {name: agent_definition(variant) for variant, name in zip(variants, names)}


def dropped_fields(variant: Variant) -> list[str]:
    """The keys of this variant a try run leaves out (see the module's docstring)."""
    fields = variant.document.fields
    return [key for key in DROPPED_FIELDS if key in fields]


def project_folder(path: Path | None) -> Path | None:
    """The project an agent file belongs to: the folder holding ``.claude/agents/``, else the
    file's own folder."""
    if path is None:
        return None
    path = Path(path).resolve()
    for parent in path.parents:
        if parent.name == "agents" and parent.parent.name == ".claude":
            return parent.parent.parent
    return path.parent
