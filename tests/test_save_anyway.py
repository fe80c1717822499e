"""Unfinished work can be kept: "Save anyway" behind a plain warning while an error stands,
and the library then says the file is ignored by Claude Code."""

from __future__ import annotations

import pytest

from agent_editor.agentfile.validation import ERROR, validate
from agent_editor.agentfile.document import AgentDocument
from agent_editor.app.compare.window import CompareWindow
from agent_editor.compare.model import Side
from conftest import changed_lines, copy_seed


@pytest.fixture
def window(main_window):
    return main_window


def test_save_anyway_keeps_the_half_written_agent_and_the_list_says_it_is_ignored(qtbot, tmp_path, window, dialogs):
    folder = tmp_path / "agents"
    folder.mkdir()
    path = copy_seed(folder, "000")
    copy_seed(folder, "004")
    original = path.read_bytes()
    assert window.open_paths([folder])
    assert window.library.collection.wait_for_reading()
    assert window.open_file(path)
    window.current.set_field("description", "")
    dialogs.save_anyway = True
    assert window.save()
    [(_, name, reason)] = dialogs.asked("ask_save_anyway")
    assert name == path.name and "description is empty" in reason
    assert not dialogs.asked("show_error")
    saved = path.read_bytes()
    assert len(changed_lines(original, saved)) == 1  # only the description line changed
    assert [p.severity for p in validate(AgentDocument.load(path))].count(ERROR) >= 1
    assert not window.isWindowModified()
    qtbot.waitUntil(lambda: any("ignored by claude code" in t.lower() and path.name in t
                                for t in window.library.row_texts()), timeout=5000)


def test_cancel_writes_nothing(qtbot, tmp_path, window, dialogs):
    path = copy_seed(tmp_path, "001")
    original = path.read_bytes()
    assert window.open_file(path)
    window.current.set_field("name", "")
    dialogs.save_anyway = False
    assert window.save() is False
    assert path.read_bytes() == original and window.isWindowModified()


def test_save_anyway_in_the_compare_view(qtbot, tmp_path, dialogs):
    nameless = tmp_path / "nameless.md"
    nameless.write_text("---\ndescription: An agent without a name.\n---\n\nBody.\n", encoding="utf-8")
    target = copy_seed(tmp_path, "003")
    window = CompareWindow.from_paths([nameless, target], dialogs=dialogs)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session.comparison is not None)
    assert window.copy_field("name", Side.B)
    dialogs.save_anyway = True
    assert window.save_variant(1)
    assert "name:" not in target.read_text(encoding="utf-8").split("---")[1]
    window.close()
