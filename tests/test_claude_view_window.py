"""The “How Claude sees it” panel and Fix All, in the editor window."""

from __future__ import annotations

import pytest

from agent_editor.agentfile.claude_view import view_of
from agent_editor.agentfile.document import AgentDocument
from agent_editor.app.editor.window import MainWindow
from conftest import SEEDS, claude_code_record, copy_seed
from test_repair import EXAMPLE_AT_COLUMN_0, build


@pytest.fixture
def user_config(tmp_path, monkeypatch):
    (tmp_path / "config" / "agents").mkdir(parents=True)
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def window(user_config, main_window):
    return main_window


def test_the_panel_is_closed_until_asked_for_then_stays_as_left(qtbot, window, tmp_path, dialogs):
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "claudeViewDock")
    window.show()
    qtbot.waitExposed(window)
    assert not dock.isVisible()
    toggle = dock.toggleViewAction()
    assert toggle.text() == "How &Claude Sees It"
    toggle.trigger()
    assert dock.isVisible()
    again = MainWindow(dialogs=dialogs, settings=window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.findChild(QDockWidget, "claudeViewDock").isVisible()
    again.close()


@pytest.fixture
def shown(qtbot, window):
    """The window on screen with the panel open."""
    from PySide6.QtWidgets import QDockWidget

    window.show()
    qtbot.waitExposed(window)
    window.findChild(QDockWidget, "claudeViewDock").show()
    return window


def test_a_closed_panel_works_nothing_out_and_catches_up_when_opened(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QDockWidget

    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(copy_seed(tmp_path, "004"))
    window.current.set_field("name", "renamed-agent")
    qtbot.wait(200)
    assert window.claude_panel.view is None
    window.findChild(QDockWidget, "claudeViewDock").show()
    qtbot.waitUntil(lambda: window.claude_panel.view is not None)
    assert window.claude_panel.view.name == "renamed-agent"


def test_the_panel_shows_the_listing_claude_code_shows(qtbot, shown, tmp_path):
    window = shown
    path = copy_seed(tmp_path, "004")
    record = claude_code_record(SEEDS)["004_934511cd12f79669.txt"]
    assert window.open_file(path)
    panel = window.claude_panel
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.name is not None)
    assert panel.listing.toPlainText() == f"{record['name']}: {record['description']} (Tools: {record['tools']})"
    assert panel.status.text() == "Claude Code loads this agent."
    assert panel.model.text() == "sonnet"  # the seed asks for it
    assert panel.standing.text() == "Yes: no other agent here has this name."
    assert panel.tools.topLevelItemCount() == len(view_of(AgentDocument.load(path)).granted)


def test_the_panel_follows_edits_and_names_a_file_sharing_the_name(qtbot, shown, tmp_path):
    window = shown
    path = copy_seed(tmp_path, "003")
    copy_seed(tmp_path, "000")  # also named backend-architect, in the same folder
    assert window.open_file(path)
    panel = window.claude_panel
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.name == "backend-architect")
    assert panel.standing.text().startswith("Maybe not: 000_1652237d2decf832.md in the same folder has the same name")
    unknown = [panel.tools.topLevelItem(i).text(0) for i in range(panel.tools.topLevelItemCount())
               if panel.tools.topLevelItem(i).text(1).startswith("Unknown")]
    assert unknown == ["supabase", "context7"]
    window.current.set_field("name", "data-architect")
    qtbot.waitUntil(lambda: panel.view.name == "data-architect")
    assert panel.listing.toPlainText().startswith("data-architect: Design reliable backend systems")
    assert panel.standing.text() == "Yes: no other agent here has this name."
    window.current.set_field("model", "gpt-9")
    qtbot.waitUntil(lambda: "ignores “gpt-9”" in panel.model.text())


def test_the_panel_says_why_a_file_is_ignored(qtbot, shown, tmp_path):
    window = shown
    path = tmp_path / "broken.md"
    path.write_text(build(EXAMPLE_AT_COLUMN_0), encoding="utf-8")
    assert window.open_file(path)
    panel = window.claude_panel
    qtbot.waitUntil(lambda: panel.view is not None)
    assert panel.status.text().startswith("Claude Code does not load this file.")
    assert panel.standing.text() == "No: Claude Code does not load this file."


def test_fix_all_shows_the_diff_then_applies_in_one_undo_step(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "broken.md"
    original = build(EXAMPLE_AT_COLUMN_0, after="tools: Read\nmodel: sonnet\nmodel: haiku\n")
    path.write_text(original, encoding="utf-8")
    assert window.open_file(path)
    dialogs.apply_fixes = False
    window.fix_all_action.trigger()
    (_, name, diff, labels), = dialogs.asked("ask_apply_fixes")
    assert name == "broken.md"
    assert "+description: |-" in diff and "-model: sonnet" in diff
    assert len(labels) == 2
    assert window.current.document.to_text() == original  # cancelled: nothing changed

    dialogs.apply_fixes = True
    steps = window.current.undo_stack.count()
    window.fix_all_action.trigger()
    fixed = window.current.document
    assert fixed.reading.ok and fixed.fields["model"] == "haiku"
    assert window.current.undo_stack.count() == steps + 1
    assert path.read_text(encoding="utf-8") == original  # not saved until the author saves
    window.current.undo_stack.undo()
    assert window.current.document.to_text() == original

    window.current.undo_stack.redo()
    window.fix_all_action.trigger()  # nothing left to fix: no question asked
    assert len(dialogs.asked("ask_apply_fixes")) == 2
    assert "Nothing to fix automatically" in window.statusBar().currentMessage()
