"""Which file Claude Code uses for an agent's name, for files given one by one.

The rules, and the marks the library shows for them, are ``agent_editor.library``'s
(``scopes`` and ``marks``): a project agent shadows the user's own of the same name
(``~/.claude/agents`` or ``$CLAUDE_CONFIG_DIR/agents``); two files with one name in one
folder load only one, which one Claude Code does not say. This module places any file in
its scope (an ``agents`` folder of ``.claude``, the user's folder, or else a folder of its
own), reads the files that compete with it, and turns the library's marks into a
``Standing``. Pure Python, no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from agent_editor.agentfile.claude_view import OLD_NAME, ClaudeView, view_of
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.library.marks import OVERRIDDEN, mark_entries
from agent_editor.library.scan import AgentEntry, read_entry, scope_files
from agent_editor.library.scopes import FOLDER, PROJECT, USER, Scope, user_agents_folder

_LIMIT = 400  # files read per folder: a larger folder is not a folder of agents


def place_of(path: Path, user_folder: Path | None = None) -> Scope:
    """The scope Claude Code reads ``path`` in: the user's agents, a project's, or a folder of its own."""
    user = _resolved(user_folder or user_agents_folder())
    resolved = _resolved(path)
    for parent in resolved.parents:
        if parent == user:
            return Scope(USER, parent, "Your agents — all projects")
        if parent.name == "agents" and parent.parent.name == ".claude":
            return Scope(PROJECT, parent, f"Project — {parent.parent.parent.name}")
    return Scope(FOLDER, resolved.parent, resolved.parent.name)


@dataclass
class Standing:
    """Whether a file is the one Claude Code uses for its name, and the files that share the name."""

    winner: Path | None  # the file used for this name; None when this one does not load, or it cannot be known
    same_folder: list[Path] = field(default_factory=list)  # same name, same folder: only one of them loads
    shadowed_by: Path | None = None  # a project agent of the same name takes this user agent's place
    shadows: list[Path] = field(default_factory=list)  # user agents whose place this project agent takes

    def summary(self) -> str:
        """In plain words, for a person."""
        if self.shadowed_by is not None:
            return f"No: the project agent {self.shadowed_by} has the same name and takes this one's place."
        if self.same_folder:
            others = ", ".join(p.name for p in self.same_folder)
            verb = "has" if len(self.same_folder) == 1 else "have"
            return (f"Maybe not: {others} in the same folder {verb} the same name, and Claude Code loads only "
                    "one of them without saying which. Give each a different name.")
        if self.winner is None:
            return "No: Claude Code does not load this file."
        if self.shadows:
            return "Yes, and it takes the place of your own agent " + ", ".join(str(p) for p in self.shadows) + "."
        return "Yes: no other agent here has this name."


class Neighbours:
    """The files that compete with one for its name: its own folder (sub-folders too, for an
    agents folder) and, for a project's agent, the user's own agents. Each is read once, and
    again only when it changes on disk, so the panel can ask after every edit."""

    def __init__(self, user_folder: Path | None = None, batch: bool = False):
        """``batch``: files do not change meanwhile (one ``show`` run), so each folder is listed once."""
        self.user_folder = user_folder
        self.batch = batch
        self._user = _resolved(user_folder or user_agents_folder())
        self._read: dict[Path, tuple[tuple[int, int], AgentEntry]] = {}
        self._named: dict[Path, dict[str, list[AgentEntry]]] = {}
        self._places: dict[Path, Scope] = {}

    def entry(self, path: Path, scope: Scope) -> AgentEntry:
        known = self._read.get(path)
        if self.batch and known is not None and known[1].scope == scope:
            return known[1]
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (-1, -1)
        if known is None or known[0] != stamp or known[1].scope != scope:
            known = self._read[path] = (stamp, read_entry(path, scope))
        return known[1]

    def place(self, path: Path) -> Scope:
        if path not in self._places:
            self._places[path] = place_of(path, self._user)
        return self._places[path]

    def _by_name(self, scope: Scope) -> dict[str, list[AgentEntry]]:
        if self.batch and scope.root in self._named:
            return self._named[scope.root]
        named: dict[str, list[AgentEntry]] = {}
        for file, where in _files_of(scope):
            entry = self.entry(file, where)
            named.setdefault(entry.shown_name, []).append(entry)
        self._named[scope.root] = named
        return named

    def competitors(self, path: Path, name: str) -> list[AgentEntry]:
        """The files of ``path``'s scope (and, for a project's, the user's) read with the name ``name``."""
        scope = self.place(path)
        found = list(self._by_name(scope).get(name, []))
        if scope.kind == PROJECT:
            found += self._by_name(place_of_user(self._user)).get(name, [])
        me = _resolved(path)  # the listed paths are below a resolved folder already
        return [entry for entry in found if entry.path != me]

    def standing(self, path: Path, view: ClaudeView, also: Iterable[AgentEntry] = ()) -> Standing:
        """Where ``path``, read as ``view`` (perhaps with unsaved edits), stands among its competitors
        (and the entries ``also`` given, such as the other files named on the command line)."""
        mine = AgentEntry(path, self.place(path), loaded=True, name=view.name.strip()
                          if view.loaded and view.name else "")
        if not mine.loads:
            return Standing(None)
        # Only files of the same name take part; the others cannot change where this one stands.
        rivals = {e.path: e for e in self.competitors(path, mine.shown_name)}
        me = _resolved(path)
        for entry in also:
            if entry.shown_name == mine.shown_name and entry.path != me:
                rivals.setdefault(entry.path, entry)
        return _standing(mine, [mine, *rivals.values()])


def place_of_user(user_folder: Path | None) -> Scope:
    folder = user_folder or user_agents_folder()
    return Scope(USER, _resolved(folder), "Your agents — all projects")


def _files_of(scope: Scope) -> list[tuple[Path, Scope]]:
    if scope.kind == FOLDER:  # a folder of its own: its files, not those of every folder below it
        try:
            files = sorted(p for p in scope.root.glob("*.md") if p.is_file())
        except OSError:
            files = []
    else:
        files = [p for p in scope_files(scope) if p.suffix == ".md"]
    return [(p, scope) for p in files[:_LIMIT]]


def _standing(entry: AgentEntry, entries: list[AgentEntry]) -> Standing:
    mark_entries(entries)
    if not entry.loads:
        return Standing(None)
    same = [e.path for e in entries if e is not entry and e.loads and e.scope.root == entry.scope.root
            and e.shown_name == entry.shown_name]
    if entry.mark is not None and getattr(entry.mark, "kind", "") == OVERRIDDEN:
        winner = entry.mark.winner
        return Standing(winner, same, shadowed_by=winner or next(
            (e.path for e in entries if e.loads and e.shown_name == entry.shown_name and e.scope.kind == PROJECT),
            None))
    shadows = [e.path for e in entries if e is not entry and e.loads and e.shown_name == entry.shown_name
               and getattr(e.mark, "kind", "") == OVERRIDDEN]
    return Standing(None if same else entry.path, same, shadows=shadows)


def show_records(paths: Iterable[str | Path], user_folder: Path | None = None) -> list[dict]:
    """What ``agent-editor show --json`` prints: one object per file, in the order found."""
    from agent_editor.agentfile.validation import agent_files

    files = agent_files(paths)
    neighbours = Neighbours(user_folder, batch=True)
    given: dict[str, list[AgentEntry]] = {}  # the files named, by name: each takes part for the others
    for path in files:
        entry = neighbours.entry(_resolved(path), neighbours.place(path))
        given.setdefault(entry.shown_name, []).append(entry)
    records = []
    for path in files:
        try:
            seen = view_of(AgentDocument.load(path))
        except DocumentError as error:
            seen = ClaudeView(loaded=False, why_not=error.message)
        also = given.get(seen.name.strip(), []) if seen.loaded and seen.name else []
        standing = neighbours.standing(path, seen, also) if seen.loaded else Standing(None)
        records.append({
            "path": str(path),
            "loaded": seen.loaded,
            "why_not": seen.why_not or None,
            "name": seen.name,
            "description": seen.description,
            "tools": seen.tools,
            "tools_granted": [entry.name for entry in seen.granted],
            "tools_unknown": seen.unknown_tools,
            "tools_old_names": [entry.name for entry in seen.granted if entry.kind == OLD_NAME],
            "tools_denied": list(seen.denied),
            "model": seen.model,
            "listing": seen.listing,
            "scope": neighbours.place(path).kind,
            "winner": str(standing.winner) if standing.winner else None,
            "same_name": [str(p) for p in standing.same_folder],
            "shadowed_by": str(standing.shadowed_by) if standing.shadowed_by else None,
            "shadows": [str(p) for p in standing.shadows],
            "used": standing.summary() if seen.loaded else None,
            "warnings": list(seen.warnings),
        })
    return records


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))
