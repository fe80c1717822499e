"""The library in the editor window, on real files in temporary folders: scopes and marks,
search, new from a template, duplicate, rename, the trash and back, files that change on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt

from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.library import collection as collection_module
from conftest import copy_seed, write_agent



@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of its own, and a trash of its own (XDG_DATA_HOME) so moving to it is real."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return home


@pytest.fixture
def window(qtbot, tmp_path, dialogs, home):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(win)
    yield win
    dialogs.save_choice = SaveChoice.DISCARD
    win.close()


@pytest.fixture
def project(tmp_path, home) -> Path:
    """A project with its own agents, a user with theirs (one of the same name), and a plugin."""
    project = tmp_path / "site"
    (project / ".git").mkdir(parents=True)
    agents = project / ".claude" / "agents"
    copy_seed(agents if agents.mkdir(parents=True) is None else agents, "000", "backend-architect.md")
    write_agent(agents, "a-writer.md", "writer", "Writes release notes.", "Summarise the EXPLAIN output.\n")
    write_agent(agents, "b-writer.md", "writer", "Writes changelogs.")
    user = home / ".claude" / "agents"
    copy_seed(user if user.mkdir(parents=True) is None else user, "002", "backend-architect.md")
    write_agent(user, "helper.md", "helper", "Helps.")
    plugin_root = home / ".claude" / "plugins" / "cache" / "market" / "kit" / "1.0.0"
    write_agent(plugin_root / "agents", "deploy.md", "deploy", "Deploys things.")
    (home / ".claude" / "plugins" / "installed_plugins.json").write_text(json.dumps(
        {"version": 2, "plugins": {"kit@market": [{"scope": "user", "installPath": str(plugin_root)}]}}))
    return project


def row_of(window, path: Path) -> str:
    return window.library.row_texts()[window.library.paths().index(path)]


def headings(window) -> list[str]:
    model = window.library.model
    return [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(Qt.ItemDataRole.UserRole)
            is None]


def choose(window, path: Path) -> None:
    window.library.select(path)


# ----- scopes and marks ----------------------------------------------------------------------


def test_the_project_library_lists_every_scope_with_its_marks(qtbot, window, project, home):
    window.show()
    assert window.open_project(project / "src" if (project / "src").mkdir() is None else project)
    qtbot.waitUntil(lambda: window.header_shown)  # as at start-up: the problems come after the first frame
    agents = (project / ".claude" / "agents").resolve()
    user = home / ".claude" / "agents"
    assert [h.split("  (")[0] for h in headings(window)] == [
        "Project — " + str(project.resolve()), "Your agents — all projects", "Plugin kit (read-only)"]
    assert window.library.paths()[:3] == [agents / "backend-architect.md", agents / "a-writer.md",
                                          agents / "b-writer.md"]
    user_row = row_of(window, user / "backend-architect.md")
    assert "Overridden by backend-architect.md (this project's agents)" in user_row
    assert "backend-architect.md  ·" in user_row  # the file name beside the name
    assert "Same name as b-writer.md: only one loads, which one is not predictable" in row_of(window,
                                                                                             agents / "a-writer.md")
    assert row_of(window, home / ".claude" / "plugins" / "cache" / "market" / "kit" / "1.0.0" / "agents" /
                  "deploy.md").startswith("kit:deploy")
    assert window.current.path == agents / "backend-architect.md"
    # the problem pane of each file concerned says what the others mean for it
    assert window.open_file(user / "backend-architect.md")
    (overridden,) = [p for p in window.problems.problems if p.code == "name-overridden"]
    assert "takes its place" in overridden.message
    assert "does not use this agent" in window.problems.summary.text()
    assert window.open_file(agents / "b-writer.md")
    assert any(p.code == "name-shared" and "a-writer.md" in p.message for p in window.problems.problems)


def test_search_filters_as_you_type_and_shows_the_matching_part(qtbot, window, project):
    assert window.open_project(project)
    every = len(window.library.paths())
    qtbot.keyClicks(window.library.search, "explain")
    (hit,) = window.library.paths()
    assert hit.name == "a-writer.md"
    assert row_of(window, hit).endswith("instructions: Summarise the EXPLAIN output.")
    match = window.library.model.index(window.library.model.row_of(hit)).data(Qt.ItemDataRole.UserRole + 2)
    assert match.excerpt[match.start:match.end] == "EXPLAIN"
    window.library.search.clear()
    assert len(window.library.paths()) == every
    window.library.problems_only.setChecked(True)
    flagged = {p.name for p in window.library.paths()}
    assert {"a-writer.md", "b-writer.md", "backend-architect.md"} <= flagged and "helper.md" not in flagged
    window.library.problems_only.setChecked(False)
    window.library.sort.setCurrentIndex(1)  # by name: no headings, one alphabetical list
    assert headings(window) == []
    names = [text.split("  ·")[0] for text in window.library.row_texts()]
    assert names == sorted(names, key=str.casefold)


def test_a_file_another_program_adds_or_removes_appears_and_goes(qtbot, window, project):
    assert window.open_project(project)
    agents = (project / ".claude" / "agents").resolve()
    added = write_agent(agents / "team", "planner.md", "planner", "Plans.")
    qtbot.waitUntil(lambda: added in window.library.paths(), timeout=5000)
    (agents / "b-writer.md").rename(agents / "c-writer.md")
    qtbot.waitUntil(lambda: agents / "c-writer.md" in window.library.paths(), timeout=5000)
    assert agents / "b-writer.md" not in window.library.paths()
    (agents / "a-writer.md").unlink()
    qtbot.waitUntil(lambda: agents / "a-writer.md" not in window.library.paths(), timeout=5000)
    assert "Same name" not in row_of(window, agents / "c-writer.md")  # no longer shares its name


def test_a_large_library_is_read_in_the_background_with_progress(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(collection_module, "SYNC_READ_LIMIT", 2)
    for index in range(12):
        write_agent(tmp_path / "many", f"agent-{index:02}.md", f"agent-{index:02}")
    window.show()
    with qtbot.waitSignal(window.library.collection.loading_finished, timeout=10000):
        paths = window.library.show_paths([tmp_path / "many"], "many")
        assert len(paths) == 12  # listed at once, by file name, before the headers are read
    assert all("no problems" in text for text in window.library.row_texts())
    assert not window.library.progress.isVisible()


# ----- new, duplicate, rename, trash ---------------------------------------------------------------


def test_new_agent_from_a_template_gets_an_unused_name_and_goes_to_the_project(qtbot, window, dialogs, project):
    assert window.open_project(project)
    write_agent(project / ".claude" / "agents", "reviewer.md", "code-reviewer")
    window.library.collection.rescan()
    dialogs.template_answer = "code-reviewer"
    window.library_actions.new_action.trigger()
    assert window.current.path is None and window.current.fields["name"] == "code-reviewer-2"
    assert window.current.fields["tools"] == "Read, Grep, Glob, Bash"
    dialogs.save_path_answer = None
    window.save()
    (suggested,) = [call[1] for call in dialogs.asked("ask_save_path")]
    assert suggested == (project / ".claude" / "agents").resolve() / "code-reviewer-2.md"
    dialogs.template_answer = None  # cancelled: nothing changes
    assert not window.library_actions.new_agent()


def test_duplicate_makes_a_variant_and_opens_the_compare_view(qtbot, window, dialogs, tmp_path):
    from agent_editor.app.compare.window import CompareWindow

    folder = tmp_path / "agents"
    folder.mkdir()
    original = copy_seed(folder, "000", "backend-architect.md")
    copy_seed(folder, "004", "senior.md")
    assert window.open_paths([folder])
    choose(window, original)
    copy = window.library_actions.duplicate()
    assert copy == folder / "backend-architect-variant.md"
    assert b"name: backend-architect-variant\n" in copy.read_bytes()
    assert copy in window.library.paths()
    compare = next(w for w in window.findChildren(CompareWindow))
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    assert [doc.path for doc in compare.session.documents] == [original, copy]
    compare.close()


def test_rename_refuses_a_name_used_in_the_scope_and_the_open_document_follows(qtbot, window, dialogs, tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    path = copy_seed(folder, "004", "senior.md")
    write_agent(folder, "other.md", "taken")
    before = path.read_bytes()
    assert window.open_paths([folder])
    assert window.open_file(path)
    choose(window, path)
    dialogs.name_answer = "taken"
    assert window.library_actions.rename() is None
    ((_, title, message),) = dialogs.asked("show_error")
    assert title == "Not renamed" and "already called “taken”" in message
    assert path.read_bytes() == before and window.current.path == path

    dialogs.name_answer = "lead-architect"
    window.library_actions.rename_action.trigger()
    target = folder / "lead-architect.md"
    assert not path.exists() and target.read_bytes() == before.replace(
        b"name: senior-backend-architect", b"name: lead-architect", 1)
    assert window.current.path == target and not window.current.is_modified
    assert window.form.rows["name"].editor.line.text() == "lead-architect"
    assert target in window.library.paths() and path not in window.library.paths()
    assert "lead-architect.md" in window.windowTitle()


def test_rename_waits_for_unsaved_changes_in_a_compare_window(qtbot, window, dialogs, tmp_path):
    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.documents import documents

    folder = tmp_path / "agents"
    folder.mkdir()
    first, second = copy_seed(folder, "000", "first.md"), copy_seed(folder, "004", "second.md")
    window.show()
    assert window.open_paths([folder])
    window.compare_dialog([first, second])
    compare = next(w for w in window.findChildren(CompareWindow))
    documents().find(second).set_field("color", "cyan")  # edited in the compare view only
    assert documents().find(second).is_modified
    choose(window, second)
    dialogs.name_answer = "renamed"
    assert window.library_actions.rename() is None
    assert dialogs.asked("show_error")[-1][1] == "Not renamed" and second.exists()
    documents().find(second).save()
    assert window.library_actions.rename() == folder / "renamed.md"
    assert documents().find(folder / "renamed.md").path == folder / "renamed.md"  # the compare view follows
    assert documents().find(folder / "renamed.md").fields["name"] == "renamed"
    compare.close()


def test_move_to_trash_and_undo_brings_it_back_byte_identical(qtbot, window, dialogs, tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    first = copy_seed(folder, "001", "first.md")
    second = copy_seed(folder, "003", "second.md")
    data = second.read_bytes()
    assert window.open_paths([folder])
    assert window.open_file(second)
    window.current.set_field("color", "red")  # unsaved: asked first
    dialogs.trash_with_changes = False
    assert not window.library_actions.move_to_trash()
    assert second.read_bytes() == data
    dialogs.trash_with_changes = True
    assert window.library_actions.move_to_trash()
    trash = tmp_path / "data" / "Trash"
    assert not second.exists() and (trash / "files" / "second.md").read_bytes() == data
    assert (trash / "info" / "second.md.trashinfo").exists()
    assert second not in window.library.paths()
    assert window.current.path == first  # the neighbour is shown
    assert not window.banner.isHidden() and window.banner.button("Undo") is not None
    assert window.library_actions.undo_trash_action.isEnabled()

    window.banner.button("Undo").click()
    assert second.read_bytes() == data
    assert not (trash / "files" / "second.md").exists() and not (trash / "info" / "second.md.trashinfo").exists()
    assert second in window.library.paths()
    assert not window.library_actions.undo_trash_action.isEnabled()


def test_the_delete_key_trashes_only_from_the_list(qtbot, window, tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    path = copy_seed(folder, "000", "only.md")
    copy_seed(folder, "002", "other.md")
    window.show()
    qtbot.waitExposed(window)
    assert window.open_paths([folder])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.form.rows["name"].editor.line.setFocus()
    qtbot.keyClick(window.form.rows["name"].editor.line, Qt.Key.Key_Delete)
    assert path.exists()
    window.library.list.setFocus()
    choose(window, path)
    qtbot.keyClick(window.library.list, Qt.Key.Key_Delete)
    assert not path.exists()
    assert window.library_actions.undo_move_to_trash() == path and path.exists()


def test_a_plugins_agent_is_read_only_but_can_be_duplicated(qtbot, window, dialogs, project, home):
    assert window.open_project(project)
    plugin_file = home / ".claude" / "plugins" / "cache" / "market" / "kit" / "1.0.0" / "agents" / "deploy.md"
    before = plugin_file.read_bytes()
    assert window.open_file(plugin_file)
    choose(window, plugin_file)
    window.current.set_field("color", "red")
    assert not window.save()
    assert not window.library_actions.move_to_trash() and window.library_actions.rename() is None
    assert [call[1] for call in dialogs.asked("show_error")] == ["Part of a plugin"] * 3
    assert plugin_file.read_bytes() == before
    dialogs.save_choice = SaveChoice.DISCARD
    copy = window.library_actions.duplicate()  # into the project, not into the plugin
    assert copy == (project / ".claude" / "agents").resolve() / "deploy-variant.md"
    assert b"name: deploy-variant\n" in copy.read_bytes()
    from agent_editor.app.compare.window import CompareWindow

    for compare in window.findChildren(CompareWindow):
        compare.close()


def test_an_added_folder_joins_the_library_and_is_remembered(qtbot, window, dialogs, project, tmp_path):
    extra = tmp_path / "drafts"
    write_agent(extra, "idea.md", "idea", "An idea.")
    assert window.open_project(project)
    dialogs.folder_answer = extra
    window.library_actions.add_folder_action.trigger()
    assert extra / "idea.md" in window.library.paths()
    assert headings(window)[-1].startswith("Added folder")
    assert window.library_actions.added_folders() == [extra]
    window.library.folder_removal_requested.emit(extra)  # the heading's context menu
    assert extra / "idea.md" not in window.library.paths() and window.library_actions.added_folders() == []
    assert (extra / "idea.md").exists()


# ----- files Claude Code never reads -------------------------------------------------------------------


def test_a_txt_agent_is_said_to_be_never_read_and_can_become_md(qtbot, window, dialogs, tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    txt = copy_seed(folder, "002", "002.txt")
    assert window.open_paths([folder])
    assert window.library.paths() == [txt]
    assert "Claude Code reads none of these 1 file" in window.library.notice.text()
    assert "Never read by Claude Code" in row_of(window, txt)
    assert window.current.path == txt
    assert "never reads this file" in window.problems.summary.text()
    assert "will load" not in window.problems.summary.text()
    assert "never reads “002.txt”" in window.banner.text.text()
    window.banner.button("Rename to 002.md").click()
    assert window.current.path == folder / "002.md" and not txt.exists()
    assert window.library.paths() == [folder / "002.md"] and window.library.notice.isHidden()
    assert "will load" in window.problems.summary.text()


def test_check_says_a_folder_holds_only_files_claude_code_never_reads(tmp_path, capsys):
    from agent_editor.cli import main

    copy_seed(tmp_path, "000", "a.txt")
    assert main(["check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "a.txt" in err and "only reads files ending in .md" in err


def test_no_argument_in_a_project_shows_the_library(qtbot, window, project, monkeypatch):
    from agent_editor.app.start import open_default

    QStandardPaths.setTestModeEnabled(True)
    try:
        assert open_default(window, project)
        assert window.library.collection.by_scope
        assert len(headings(window)) == 3
    finally:
        QStandardPaths.setTestModeEnabled(False)
