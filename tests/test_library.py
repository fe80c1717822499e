"""The library's pure layer on real files in temporary folders: scopes, marks, search, file operations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from agent_editor.agentfile.validation import check_files
from agent_editor.library import files as library_files
from agent_editor.library.files import LibraryError, duplicate, name_refusal, rename, templates
from agent_editor.library.marks import IGNORED, NOT_READ, OVERRIDDEN, SHARED, mark_entries
from agent_editor.library.scan import read_entry, scope_files
from agent_editor.library.scopes import ADDED, PLUGIN, PROJECT, USER, Scope, is_project_folder, library_scopes
from agent_editor.library.search import BODY, NAME, SORT_CHANGED, SORT_NAME, SearchIndex, arrange
from conftest import copy_seed, write_agent



@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    return home


def install_plugin(config: Path, plugin: str, agents: dict[str, str], enabled: bool | None = None) -> Path:
    """A plugin installed the way Claude Code 2.x records it."""
    root = config / "plugins" / "cache" / "market" / plugin / "1.0.0"
    (root / ".claude-plugin").mkdir(parents=True)
    (root / ".claude-plugin" / "plugin.json").write_text(json.dumps({"name": plugin, "version": "1.0.0"}))
    for file_name, name in agents.items():
        write_agent(root / "agents", file_name, name)
    record = config / "plugins" / "installed_plugins.json"
    data = json.loads(record.read_text()) if record.exists() else {"version": 2, "plugins": {}}
    data["plugins"][f"{plugin}@market"] = [{"scope": "user", "installPath": str(root), "version": "1.0.0"}]
    record.write_text(json.dumps(data))
    if enabled is not None:
        settings = config / "settings.json"
        settings.write_text(json.dumps({"enabledPlugins": {f"{plugin}@market": enabled}}))
    return root


def entries_of(scopes: list[Scope]):
    entries = [read_entry(path, scope) for scope in scopes for path in scope_files(scope)]
    mark_entries(entries)
    return {(entry.scope.kind, entry.path.name): entry for entry in entries}


def project_with_home(tmp_path: Path, home: Path) -> Path:
    project = tmp_path / "site"
    (project / ".git").mkdir(parents=True)
    agents = project / ".claude" / "agents"
    write_agent(agents, "reviewer.md", "reviewer")
    write_agent(agents / "team", "planner.md", "planner")  # sub-folders count
    write_agent(agents, "a-writer.md", "writer")
    write_agent(agents, "b-writer.md", "writer")  # same name, same folder
    copy_seed(agents, "001", "001_e8af0677f75d917f.txt")  # never read: not .md
    (agents / "notes.txt").write_text("just notes\n")  # not an agent at all: not listed
    user = home / ".claude" / "agents"
    write_agent(user, "reviewer.md", "reviewer")  # overridden by the project's
    write_agent(user, "helper.md", "helper")
    (user / "broken.md").write_text("---\nname: broken\n---\nNo description: Claude Code ignores it.\n")
    install_plugin(home / ".claude", "kit", {"reviewer.md": "reviewer", "deploy.md": "deploy"})
    return project


def test_scopes_from_a_project_and_a_home(tmp_path, home):
    project = project_with_home(tmp_path, home)
    (project / "src" / "deep").mkdir(parents=True)
    scopes = library_scopes(project / "src" / "deep", added=[tmp_path / "extra"])
    assert [s.kind for s in scopes] == [PROJECT, USER, PLUGIN, ADDED]
    assert scopes[0].root == (project / ".claude" / "agents").resolve()
    assert scopes[1].root == home / ".claude" / "agents"
    assert scopes[2].plugin == "kit" and scopes[2].read_only and scopes[2].root.name == "agents"
    assert is_project_folder(project) and not is_project_folder(project / ".claude" / "agents")

    entries = entries_of(scopes)
    assert set(entries) == {
        (PROJECT, "reviewer.md"), (PROJECT, "planner.md"), (PROJECT, "a-writer.md"), (PROJECT, "b-writer.md"),
        (PROJECT, "001_e8af0677f75d917f.txt"), (USER, "reviewer.md"), (USER, "helper.md"), (USER, "broken.md"),
        (PLUGIN, "reviewer.md"), (PLUGIN, "deploy.md")}
    overridden = entries[(USER, "reviewer.md")]
    assert overridden.mark.kind == OVERRIDDEN
    assert overridden.mark.winner == scopes[0].root / "reviewer.md"
    assert "reviewer.md" in overridden.mark.text and "project" in overridden.mark.text
    assert [p.code for p in overridden.shared_problems] == ["name-overridden"]
    assert entries[(PROJECT, "reviewer.md")].mark is None  # the winner is not marked ...
    assert [p.code for p in entries[(PROJECT, "reviewer.md")].shared_problems] == ["name-overrides"]  # ... but told
    # A plugin's agents are named plugin:name, so they never clash with the others.
    assert entries[(PLUGIN, "reviewer.md")].shown_name == "kit:reviewer"
    assert entries[(PLUGIN, "reviewer.md")].mark is None
    for first, other in (("a-writer.md", "b-writer.md"), ("b-writer.md", "a-writer.md")):
        mark = entries[(PROJECT, first)].mark
        assert mark.kind == SHARED and other in mark.text and "not predictable" in mark.text
        (problem,) = entries[(PROJECT, first)].shared_problems
        assert problem.code == "name-shared" and other in problem.message and problem.line == 2
    assert entries[(PROJECT, "001_e8af0677f75d917f.txt")].mark.kind == NOT_READ
    assert entries[(PROJECT, "001_e8af0677f75d917f.txt")].problems[0].code == "not-md"
    assert entries[(USER, "broken.md")].mark.kind == IGNORED
    assert entries[(USER, "helper.md")].mark is None and entries[(USER, "helper.md")].problem_count == 0


def test_claude_config_dir_replaces_the_home_folder(tmp_path, home, monkeypatch):
    config = tmp_path / "config"
    write_agent(config / "agents", "mine.md", "mine")
    install_plugin(config, "off", {"x.md": "x"}, enabled=False)  # switched off: not listed
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(config))
    scopes = library_scopes(tmp_path)
    assert [(s.kind, s.root) for s in scopes] == [(USER, config / "agents")]


def test_a_project_without_agents_yet_is_where_new_ones_go(tmp_path, home):
    (tmp_path / "fresh" / ".git").mkdir(parents=True)
    scopes = library_scopes(tmp_path / "fresh")
    assert scopes[0].kind == PROJECT and scopes[0].root == (tmp_path / "fresh" / ".claude" / "agents").resolve()
    assert scope_files(scopes[0]) == []


def test_search_finds_each_field_and_shows_the_matching_part(tmp_path):
    folder = tmp_path / "agents"
    write_agent(folder, "one.md", "db-helper", description="Tunes SQL queries.", body="Use EXPLAIN ANALYZE often.\n")
    write_agent(folder, "two.md", "writer", description="Writes prose.", extra="tools: Read, WebSearch\n")
    scope = Scope("folder", folder, "agents")
    entries = [read_entry(p, scope) for p in scope_files(scope)]
    index = SearchIndex()
    index.update(entries)
    by_path = {entry.path: entry for entry in entries}
    assert index.search("explain", entries) == {folder / "one.md"}
    match = index.match(by_path[folder / "one.md"])
    assert match.field == BODY and match.excerpt[match.start:match.end] == "EXPLAIN"
    assert index.search("websearch", entries) == {folder / "two.md"}
    index.search("DB", entries)
    assert index.match(by_path[folder / "one.md"]).field == NAME
    assert index.search("sql explain", entries) == {folder / "one.md"}  # every word, anywhere
    assert index.search("sql explainx", entries) == set()  # narrowing on from the last hits
    assert index.search("", entries) == set() and index.match(by_path[folder / "one.md"]) is None
    assert index.search("writ", entries) == {folder / "two.md"}
    assert [e.path.name for e in arrange(entries, SORT_NAME)] == ["one.md", "two.md"]
    os.utime(folder / "two.md", (1, 1))
    entries = [read_entry(p, scope) for p in scope_files(scope)]
    assert [e.path.name for e in arrange(entries, SORT_CHANGED)] == ["one.md", "two.md"]
    index.update(entries)
    assert [e.path.name for e in arrange(entries, matches=index.search_entries("prose", entries))] == ["two.md"]


def test_duplicate_is_a_variant_with_an_unused_name(tmp_path):
    original = copy_seed(tmp_path, "000")
    first = duplicate(original, {"backend-architect"})
    assert first.name == "backend-architect-variant.md"
    before, after = original.read_bytes(), first.read_bytes()
    assert after == before.replace(b"name: backend-architect\n", b"name: backend-architect-variant\n", 1)
    second = duplicate(original, {"backend-architect", "backend-architect-variant"})
    assert second.name == "backend-architect-variant-2.md"
    assert b"name: backend-architect-variant-2\n" in second.read_bytes()
    assert original.read_bytes() == before


def test_rename_sets_the_name_and_the_file_name_and_refuses_a_clash(tmp_path):
    path = copy_seed(tmp_path, "002")
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="already called “taken”"):
        rename(path, "taken", {"taken", "backend-architect"})
    with pytest.raises(LibraryError, match="colon"):
        rename(path, "a:b", set())
    assert path.read_bytes() == before
    (tmp_path / "api-architect.md").write_text("someone else's\n")
    with pytest.raises(LibraryError, match="api-architect.md"):
        rename(path, "api-architect", set())
    assert path.read_bytes() == before
    target = rename(path, "nextjs-architect", {"backend-architect"})
    assert target == tmp_path / "nextjs-architect.md" and not path.exists()
    assert target.read_bytes() == before.replace(b"name: backend-architect", b"name: nextjs-architect", 1)
    assert name_refusal("nextjs-architect", "nextjs-architect", {"nextjs-architect"}) is None  # its own name


def test_restore_from_a_freedesktop_trash_puts_it_back(tmp_path):
    trash = tmp_path / "Trash"
    (trash / "files").mkdir(parents=True)
    (trash / "info").mkdir()
    original = copy_seed(tmp_path, "003")
    data = original.read_bytes()
    in_trash = trash / "files" / original.name
    original.rename(in_trash)
    (trash / "info" / f"{original.name}.trashinfo").write_text("[Trash Info]\n")
    library_files.restore_from_trash(in_trash, original)
    assert original.read_bytes() == data and not (trash / "info" / f"{original.name}.trashinfo").exists()
    with pytest.raises(LibraryError, match="no longer in the trash"):
        library_files.restore_from_trash(in_trash, tmp_path / "elsewhere.md")


def test_every_template_is_a_valid_agent_with_nothing_to_warn_about():
    found = templates()
    assert len(found) >= 4 and len({t.name for t in found}) == len(found)
    from agent_editor.agentfile.resources_path import resource_path

    reports = check_files([resource_path("templates")])
    assert len(reports) == len(found)
    for report in reports:
        assert [p.message for p in report.problems if p.severity != "info"] == [], report.path.name
    assert all(t.summary for t in found)
