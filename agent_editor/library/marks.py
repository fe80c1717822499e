"""What only shows across files: one agent overriding another, two sharing a name, files never read.

Claude Code keeps one agent per name. Between scopes the order is fixed: project beats
user beats plugin (a plugin's agents are named ``plugin:name``, so they clash only among
themselves). Within one folder, two files with one name load one of them, in
"filesystem read order" (``../shared/claude-code-format.md``: observed, not the
alphabetically last): nothing the author can see or rely on, so the marks say it is not
predictable rather than guess. Each finding is a ``Mark`` for the file's row and a
``Problem`` for its problem pane.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent_editor.agentfile.validation import INFO, WARNING, Problem
from agent_editor.library.scan import AgentEntry
from agent_editor.library.scopes import PLUGIN, PROJECT, USER, Scope

OVERRIDDEN, SHARED, NOT_READ, IGNORED = "overridden", "shared", "not-read", "ignored"


@dataclass(frozen=True)
class Mark:
    kind: str
    text: str  # one short line for the row, plain words
    winner: Path | None = None  # the file Claude Code loads instead, when that is known


def mark_entries(entries: list[AgentEntry]) -> None:
    """Set each entry's ``mark`` and ``shared_problems`` from all the others."""
    for entry in entries:
        entry.mark = None
        entry.shared_problems = []
        if not entry.loaded:
            continue
        if not entry.is_md:
            entry.mark = Mark(NOT_READ, "Never read by Claude Code: the file name does not end in .md")
        elif not entry.loads:
            entry.mark = Mark(IGNORED, "Ignored by Claude Code until its errors are fixed")

    loading = [entry for entry in entries if entry.loads]
    by_folder: dict[tuple[Path, str], list[AgentEntry]] = {}
    for entry in loading:
        by_folder.setdefault((entry.scope.root, entry.shown_name), []).append(entry)
    for (_root, name), sharing in by_folder.items():
        if len(sharing) > 1:
            for entry in sharing:
                _mark_shared(entry, name, [other for other in sharing if other is not entry])

    by_name: dict[str, list[AgentEntry]] = {}
    for entry in loading:
        if entry.scope.loaded_by_claude:
            by_name.setdefault(entry.shown_name, []).append(entry)
    for name, named in by_name.items():
        best = min(entry.scope.rank for entry in named)
        winners = [entry for entry in named if entry.scope.rank == best]
        losers = [entry for entry in named if entry.scope.rank != best]
        for entry in losers:
            _mark_overridden(entry, name, winners)
        if losers:
            for entry in winners:
                places = ", ".join(f"{_scope_words(e.scope)} ({e.path.name})" for e in losers)
                entry.shared_problems.append(Problem(
                    INFO, f"This agent takes the place of the one named “{name}” in {places}.",
                    field="name", line=entry.name_line, code="name-overrides"))


def _mark_shared(entry: AgentEntry, name: str, others: list[AgentEntry]) -> None:
    files = _file_list(others)
    entry.mark = Mark(SHARED, f"Same name as {files}: only one loads, which one is not predictable")
    entry.shared_problems.append(Problem(
        WARNING, f"The name “{name}” is also used by {files} in this folder. Claude Code loads only one of them, "
        "in the order the files happen to be read from disk, which cannot be predicted. Give each a different name.",
        field="name", line=entry.name_line, code="name-shared"))


def _mark_overridden(entry: AgentEntry, name: str, winners: list[AgentEntry]) -> None:
    where = _scope_words(winners[0].scope)
    if len(winners) == 1:
        entry.mark = Mark(OVERRIDDEN, f"Overridden by {winners[0].path.name} ({where})", winners[0].path)
        which = f"the agent in {winners[0].path.name} ({where})"
    else:
        files = _file_list(winners, " or ")
        entry.mark = Mark(OVERRIDDEN, f"Overridden by {files} ({where}; which one is not predictable)")
        which = f"one of {files} ({where}; which one cannot be predicted)"
    entry.shared_problems.append(Problem(
        WARNING, f"Claude Code does not use this agent: {which} has the same name, “{name}”, and takes its place.",
        field="name", line=entry.name_line, code="name-overridden"))


def _file_list(entries: list[AgentEntry], last: str = " and ") -> str:
    names = [entry.path.name for entry in entries]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


def _scope_words(scope: Scope) -> str:
    if scope.kind == PROJECT:
        return "this project's agents"
    if scope.kind == USER:
        return "your agents for all projects"
    if scope.kind == PLUGIN:
        return f"plugin {scope.plugin}"
    return scope.title
