"""Which file Claude Code uses for an agent's name.

Claude Code reads agents from the project's ``.claude/agents/`` and from the user's
``~/.claude/agents/`` (or ``$CLAUDE_CONFIG_DIR/agents``), every ``*.md`` in them,
sub-folders included. A project agent shadows a user agent of the same name. Two files
with one name in the same folder: only one loads, in the order the file system lists
them, and Claude Code says nothing (so neither can we say which). A folder that is not an
``agents`` folder of ``.claude`` is taken as a project's own. Pure Python, no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from agent_editor.agentfile.claude_view import ClaudeView, view_of

PROJECT, USER, FOLDER = "project", "user", "folder"


def user_agents_folder() -> Path:
    """Where Claude Code looks for the user's own agents."""
    config = os.environ.get("CLAUDE_CONFIG_DIR")
    return (Path(config) if config else Path.home() / ".claude") / "agents"


@dataclass(frozen=True)
class Place:
    scope: str  # PROJECT, USER or FOLDER
    root: Path  # the folder Claude Code scans for this scope


def place_of(path: Path, user_folder: Path | None = None) -> Place:
    user_folder = _resolved(user_folder or user_agents_folder())
    resolved = _resolved(path)
    for parent in resolved.parents:
        if parent == user_folder:
            return Place(USER, parent)
        if parent.name == "agents" and parent.parent.name == ".claude":
            return Place(PROJECT, parent)
    return Place(FOLDER, resolved.parent)


@dataclass
class Standing:
    """Whether a file is the one Claude Code uses for its name, and the files that share the name."""

    winner: Path | None  # the file used for this name; None when the file does not load or it cannot be known
    same_folder: list[Path] = field(default_factory=list)  # same name, same scope: only one of them loads
    shadowed_by: Path | None = None  # a project agent of the same name hides this user agent
    shadows: list[Path] = field(default_factory=list)  # user agents this project agent hides

    def summary(self, path: Path) -> str:
        """In plain words, for a person."""
        if self.shadowed_by is not None:
            return f"Not used: the project agent {self.shadowed_by} has the same name and wins."
        if self.same_folder:
            others = ", ".join(p.name for p in self.same_folder)
            return (f"Maybe not used: {others} in the same folder {'has' if len(self.same_folder) == 1 else 'have'} "
                    "the same name, and Claude Code loads only one of them without saying which.")
        if self.winner is None:
            return "Not used: Claude Code does not load this file."
        if self.shadows:
            return "Used. It hides the user's agent " + ", ".join(str(p) for p in self.shadows) + " of the same name."
        return "Used: no other agent has this name."


def standings(views: dict[Path, ClaudeView], user_folder: Path | None = None,
              extra: dict[Path, ClaudeView] | None = None) -> dict[Path, Standing]:
    """For each file of ``views``: which file Claude Code uses for its name.

    ``extra`` holds files that take part without being asked about (the user's own agents,
    when project files are shown).
    """
    everyone = {**(extra or {}), **views}
    places = {path: place_of(path, user_folder) for path in everyone}
    by_name: dict[str, list[Path]] = {}
    for path, view in everyone.items():
        if view.loaded and view.name:
            by_name.setdefault(view.name, []).append(path)
    result: dict[Path, Standing] = {}
    for path, view in views.items():
        if not view.loaded or not view.name:
            result[path] = Standing(None)
            continue
        sharing = [p for p in by_name[view.name] if p != path]
        place = places[path]
        same = [p for p in sharing if places[p] == place]
        projects = [p for p in sharing if places[p].scope != USER]
        if place.scope == USER and projects:
            hiding = projects[0]
            rivals = [p for p in projects if places[p] == places[hiding] and p != hiding]
            result[path] = Standing(None if rivals else hiding, same, shadowed_by=hiding)
            continue
        shadows = [p for p in sharing if places[p].scope == USER] if place.scope != USER else []
        result[path] = Standing(None if same else path, same, shadows=shadows)
    return result


def user_agent_files(user_folder: Path | None = None) -> list[Path]:
    folder = user_folder or user_agents_folder()
    try:
        return sorted(p for p in folder.rglob("*.md") if p.is_file()) if folder.is_dir() else []
    except OSError:
        return []


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))


def show_records(paths: Iterable[str | Path], user_folder: Path | None = None) -> list[dict]:
    """What ``agent-editor show --json`` prints: one object per file, in the order found."""
    from agent_editor.agentfile.document import AgentDocument
    from agent_editor.agentfile.fileio import DocumentError
    from agent_editor.agentfile.validation import agent_files

    def view(path: Path) -> ClaudeView:
        try:
            return view_of(AgentDocument.load(path))
        except DocumentError as error:
            return ClaudeView(loaded=False, why_not=error.message)

    files = agent_files(paths)
    views = {path: view(path) for path in files}
    asked = {_resolved(p) for p in files}
    extra = {}
    if any(place_of(p, user_folder).scope != USER for p in files):
        extra = {p: view(p) for p in user_agent_files(user_folder) if _resolved(p) not in asked}
    places = standings(views, user_folder, extra)
    records = []
    for path, seen in views.items():
        standing = places[path]
        records.append({
            "path": str(path),
            "loaded": seen.loaded,
            "why_not": seen.why_not or None,
            "name": seen.name,
            "description": seen.description,
            "tools": seen.tools,
            "tools_granted": [entry.name for entry in seen.granted],
            "tools_unknown": seen.unknown_tools,
            "tools_denied": list(seen.denied),
            "model": seen.model,
            "listing": seen.listing,
            "scope": place_of(path, user_folder).scope,
            "winner": str(standing.winner) if standing.winner else None,
            "same_name": [str(p) for p in standing.same_folder],
            "shadowed_by": str(standing.shadowed_by) if standing.shadowed_by else None,
            "shadows": [str(p) for p in standing.shadows],
            "warnings": list(seen.warnings),
        })
    return records
