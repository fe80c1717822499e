"""Where Claude Code finds agents, and the order in which one folder beats another.

From ``../shared/claude-code-format.md``: the project's ``.claude/agents`` (searched
from the working folder up to the git root), the user's ``~/.claude/agents`` (or
``$CLAUDE_CONFIG_DIR/agents``), and each installed plugin's agents, named
``plugin:name``. Project beats user beats plugin. Folders the author adds to the
library are listed too, but Claude Code does not read them, so they take part in no
overriding.

Installed plugins are read from ``plugins/installed_plugins.json`` in the config folder
(the layout Claude Code 2.x writes: ``{"version": 2, "plugins": {"name@marketplace":
[{"installPath": ...}]}}``; version 1 kept one record instead of a list). A plugin's
agents are its ``agents/`` folder, plus the paths its ``.claude-plugin/plugin.json``
names under ``"agents"``. A plugin switched off in ``settings.json``
(``"enabledPlugins": {"name@marketplace": false}``) is left out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT, USER, PLUGIN, ADDED, FOLDER = "project", "user", "plugin", "added", "folder"

# The order in which Claude Code lets one scope's agent replace another's of the same name.
PRECEDENCE = {PROJECT: 0, USER: 1, PLUGIN: 2}
_MAX_JSON_BYTES = 4 * 1024 * 1024  # a settings file larger than this is not read


@dataclass(frozen=True)
class Scope:
    """One folder of agents in the library."""

    kind: str  # PROJECT, USER, PLUGIN, ADDED or FOLDER (a folder opened on its own)
    root: Path  # the agents folder; it may not exist yet (``Path()`` for a scope of single files)
    title: str  # what the library's group header says
    plugin: str = ""  # for PLUGIN: the plugin's name, which prefixes its agents' names
    extra_files: tuple[Path, ...] = ()  # single files a plugin names outside its folder

    @property
    def read_only(self) -> bool:
        """Plugin agents belong to the plugin: Claude Code replaces them when it updates it."""
        return self.kind == PLUGIN

    @property
    def loaded_by_claude(self) -> bool:
        return self.kind in PRECEDENCE

    @property
    def rank(self) -> int:
        return PRECEDENCE.get(self.kind, len(PRECEDENCE))

    def loaded_name(self, name: str) -> str:
        return f"{self.plugin}:{name}" if self.kind == PLUGIN and self.plugin else name


def find_project_agents(start: Path) -> Path | None:
    """The nearest ``.claude/agents`` from ``start`` up to the git root, as Claude Code searches."""
    for folder in [start, *start.parents]:
        candidate = folder / ".claude" / "agents"
        if candidate.is_dir():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def project_root(start: Path) -> Path | None:
    """The folder holding the nearest ``.claude`` folder or ``.git``, walking up from ``start``."""
    for folder in [start, *start.parents]:
        if (folder / ".claude" / "agents").is_dir() or (folder / ".git").exists():
            return folder
    return None


def is_project_folder(path: Path) -> bool:
    """A folder given on the command line is a project (not a folder of agents) when it holds
    ``.claude/agents``, or is the top of a git repository with no agent files of its own at the top."""
    if not path.is_dir():
        return False
    if (path / ".claude" / "agents").is_dir():
        return True
    return (path / ".git").exists() and not any(_starts_like_agent(p) for p in path.glob("*.md"))


def _starts_like_agent(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(8).removeprefix(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def config_dir() -> Path:
    config = os.environ.get("CLAUDE_CONFIG_DIR")
    return Path(config).expanduser() if config else Path.home() / ".claude"


def user_agents_folder() -> Path:
    return config_dir() / "agents"


def library_scopes(start: Path, added: list[Path] | None = None) -> list[Scope]:
    """Every folder the library shows for a project (or working folder) ``start``, in precedence order."""
    start = start.resolve()
    user = user_agents_folder()
    scopes: list[Scope] = []
    project = find_project_agents(start)
    if project is None:
        root = project_root(start)
        if root is not None:  # a project without agents yet: new ones go there
            project = root / ".claude" / "agents"
    if project is not None and _resolved(project) != _resolved(user):
        scopes.append(Scope(PROJECT, project, f"Project — {_short(project.parent.parent)}"))
    scopes.append(Scope(USER, user, "Your agents — all projects"))
    scopes += plugin_scopes(config_dir())
    seen = {_resolved(scope.root) for scope in scopes}
    for folder in added or []:
        if _resolved(folder) not in seen:
            seen.add(_resolved(folder))
            scopes.append(Scope(ADDED, folder, f"Added folder — {_short(folder)}"))
    return scopes


def plugin_scopes(config: Path) -> list[Scope]:
    """The agents folders of the installed, enabled plugins (none when nothing is installed)."""
    record = _read_json(config / "plugins" / "installed_plugins.json")
    plugins = record.get("plugins") if isinstance(record, dict) else None
    if not isinstance(plugins, dict):
        return []
    enabled = _read_json(config / "settings.json")
    switches = enabled.get("enabledPlugins") if isinstance(enabled, dict) else None
    switches = switches if isinstance(switches, dict) else {}
    scopes: list[Scope] = []
    for key, installs in sorted(plugins.items()):
        if switches.get(key) is False:
            continue
        installs = installs if isinstance(installs, list) else [installs]
        for install in installs:
            path = install.get("installPath") if isinstance(install, dict) else None
            if not isinstance(path, str) or not path:
                continue
            scopes += _plugin_folders(Path(path).expanduser(), str(key).split("@", 1)[0])
            break  # one install of a plugin is enough; several are versions of one
    return scopes


def _plugin_folders(root: Path, fallback_name: str) -> list[Scope]:
    manifest = _read_json(root / ".claude-plugin" / "plugin.json")
    name = manifest.get("name") if isinstance(manifest, dict) and isinstance(manifest.get("name"), str) else ""
    name = name or fallback_name
    title = f"Plugin {name} (read-only)"
    folders = [root / "agents"]
    files: list[Path] = []
    extra = manifest.get("agents") if isinstance(manifest, dict) else None
    for item in [extra] if isinstance(extra, str) else extra if isinstance(extra, list) else []:
        if not isinstance(item, str):
            continue
        path = (root / item).resolve() if not Path(item).is_absolute() else Path(item)
        if path.suffix == ".md":
            files.append(path)
        elif _resolved(path) not in {_resolved(f) for f in folders}:
            folders.append(path)
    scopes = [Scope(PLUGIN, folder, title, plugin=name) for folder in folders if folder.is_dir()]
    if files:
        if scopes:
            scopes[0] = Scope(PLUGIN, scopes[0].root, title, plugin=name, extra_files=tuple(files))
        else:
            scopes.append(Scope(PLUGIN, root, title, plugin=name, extra_files=tuple(files)))
    return scopes


def _read_json(path: Path):
    try:
        if path.stat().st_size > _MAX_JSON_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _short(path: Path) -> str:
    """A folder as a person reads it: ``~/work/site`` rather than ``/home/ann/work/site``."""
    try:
        relative = path.resolve().relative_to(Path.home().resolve()).as_posix()
        return "~" if relative == "." else "~/" + relative
    except (ValueError, OSError):
        return str(path)
