"""The Try window with the real Claude Code against the mock API (pytest-qt)."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QSettings

from agent_editor.app.access.names import unnamed_controls
from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.tryout.diff_view import diff_html
from agent_editor.app.tryout.window import TryWindow
from agent_editor.tryout.history import TryHistory
from claude_code import Reply
from conftest import copy_seed

BODY_A = "You are a backend system architect specializing in scalable, resilient"
BODY_B = "# Backend Architect\n\n## Triggers"


@pytest.fixture
def settings(tmp_path):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield store
    store.sync()


@pytest.fixture
def pair(tmp_path) -> list[OpenDocument]:
    return [OpenDocument.open(copy_seed(tmp_path, "000")), OpenDocument.open(copy_seed(tmp_path, "003"))]


def make_window(qtbot, documents, dialogs, settings, tmp_path, env=None) -> TryWindow:
    window = TryWindow(documents, dialogs, settings, env=env, store_folder=tmp_path / "store")
    qtbot.addWidget(window)
    window.folder.setText(str(tmp_path))
    return window


def _script(request):
    if "UNSAVED-EDIT" in request.system_text:
        if request.has_tool_result:
            return Reply("Checked. Use **three** endpoints: list, create, delete.")
        return Reply.tool("Read", text="Let me look.", file_path="api/routes.py")
    if BODY_B in request.system_text:
        return Reply("Use **two** endpoints: list and create.")
    if request.is_main_turn and not request.has_tool_result:
        return Reply.tool("Agent", subagent_type="backend-architect-try-b", description="Design", prompt="Design")
    return None


def test_run_streams_each_variant_into_its_column(qtbot, claude_code, dialogs, settings, tmp_path, pair):
    pair[0].set_body(pair[0].body + "\nUNSAVED-EDIT\n")  # an unsaved edit is what runs
    claude_code.api.script = _script
    window = make_window(qtbot, pair, dialogs, settings, tmp_path, claude_code.env)
    window.request.setPlainText("Design a todo API")
    assert not claude_code.api.requests  # nothing is sent before Run

    assert window.run()
    assert len(dialogs.asked("ask_send_to_claude")) == 1
    question = dialogs.asked("ask_send_to_claude")[0][1]
    assert "Anthropic" in question and "never more than $0.50" in question
    assert not window.run_button.isEnabled() and window.stop_button.isEnabled()
    qtbot.waitUntil(window.run_button.isEnabled, timeout=60_000)

    a, b = window.columns
    assert "<strong>three</strong>" in a.answer.toHtml() or "three" in a.answer.toPlainText()
    assert a.answer.toPlainText().startswith("Let me look.")
    assert "Use two endpoints: list and create." in b.answer.toPlainText()
    # The call, named with its input. Whether the client then marks it "(refused or failed)"
    # (a relative path, a file missing) is the client's business and varies with timing.
    calls = [a.tools.item(i).text() for i in range(a.tools.count())]
    assert len(calls) == 1 and calls[0].startswith("Read  api/routes.py")
    assert b.tools.count() == 0
    assert "tokens in" in a.status.text() and "$" in a.status.text() and "2 turns" in a.status.text()
    # The unsaved text went to the API as A's system prompt.
    assert any("UNSAVED-EDIT" in r.system_text for r in claude_code.api.main_turns())
    assert window.run_button.isEnabled() and not window.stop_button.isEnabled()

    window.tabs.setCurrentIndex(1)
    diff = window.answer_diff.toPlainText()
    assert "three" in diff and "two" in diff

    # Remembered: the request for this agent, and each version's last result.
    history = TryHistory(tmp_path / "store")
    assert history.requests("backend-architect") == ["Design a todo API"]
    kept = history.last_result(window.variants()[1].text, "Design a todo API")
    assert kept["answer"] == "Use **two** endpoints: list and create."

    # A second run in the same mode does not ask again.
    sent = len(claude_code.api.requests)
    assert window.run()
    qtbot.waitUntil(window.run_button.isEnabled, timeout=60_000)
    assert len(dialogs.asked("ask_send_to_claude")) == 1 and len(claude_code.api.requests) > sent


def test_would_claude_pick_it_counts_the_agent_asked_for(qtbot, claude_code, dialogs, settings, tmp_path, pair):
    claude_code.api.script = _script
    window = make_window(qtbot, pair, dialogs, settings, tmp_path, claude_code.env)
    window.request.setPlainText("Design a todo API")
    window.pick_runs.setValue(2)
    assert window.run_pick()
    qtbot.waitUntil(window.run_button.isEnabled, timeout=60_000)
    table = window.pick_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {f"A  {pair[0].display_name}": "0", f"B  {pair[1].display_name}": "2", "no agent": "0"}
    assert "in 2 runs" in window.pick_title.text()


def test_nothing_is_sent_when_the_author_says_no(qtbot, claude_code, dialogs, settings, tmp_path, pair):
    dialogs.send_to_claude = False
    window = make_window(qtbot, pair, dialogs, settings, tmp_path, claude_code.env)
    window.request.setPlainText("Hi")
    assert not window.run() and not window.run_pick()
    assert window.controller.try_batch is None and window.controller.pick_batch is None
    assert not claude_code.api.requests


def test_another_permission_mode_warns_and_asks_again(qtbot, dialogs, settings, tmp_path, pair):
    dialogs.send_to_claude = False
    window = make_window(qtbot, pair, dialogs, settings, tmp_path)
    assert window.warning.isHidden()
    window.mode.setCurrentText("acceptEdits")
    assert not window.warning.isHidden() and "changes nothing" in window.warning.text()
    window.request.setPlainText("Hi")
    window.run()
    assert "Permission mode “acceptEdits”" in dialogs.asked("ask_send_to_claude")[-1][1]


def test_stop_ends_the_runs(qtbot, claude_code, dialogs, settings, tmp_path, pair):
    claude_code.api.script = lambda request: Reply("slow", delay=60) if request.is_main_turn else None
    window = make_window(qtbot, pair, dialogs, settings, tmp_path, claude_code.env)
    window.request.setPlainText("Wait")
    assert window.run()
    qtbot.waitUntil(lambda: len(claude_code.api.main_turns()) == 2, timeout=30_000)
    window.stop_button.click()
    qtbot.waitUntil(window.run_button.isEnabled, timeout=15_000)
    for run in window.controller.try_batch.runs:
        assert run.process.poll() is not None
    assert all(c.status.text().startswith("Stopped after") for c in window.columns)


def test_missing_claude_is_said_in_the_window(qtbot, dialogs, settings, tmp_path, pair):
    window = make_window(qtbot, pair, dialogs, settings, tmp_path, env={"PATH": str(tmp_path)})
    window.request.setPlainText("Hi")
    assert not window.run()
    assert "Claude Code is not installed" in window.message.text() and not window.message.isHidden()
    assert window.run_button.isEnabled()
    assert settings.value("try/budget_usd") is not None  # settings are kept as they are changed


def test_budget_setting_is_remembered_and_low_by_default(qtbot, dialogs, settings, tmp_path, pair):
    window = make_window(qtbot, pair, dialogs, settings, tmp_path)
    assert window.budget.value() == 0.25 and window.mode.currentText() == "plan"
    window.budget.setValue(0.6)
    window.mode.setCurrentText("bypassPermissions")
    again = make_window(qtbot, pair, dialogs, settings, tmp_path)
    assert again.budget.value() == 0.6 and again.mode.currentText() == "plan"  # the mode always starts safe


def test_kept_results_show_for_the_same_version_and_request(qtbot, dialogs, settings, tmp_path, pair):
    window = make_window(qtbot, pair, dialogs, settings, tmp_path)
    variant = window.variants()[0]
    window.history.keep_result(variant.text, "Old request", {"answer": "Kept *answer*", "cost_usd": 0.01,
                                                             "tool_calls": [{"name": "Grep", "input": {"p": 1}}]})
    window.history.remember_request(window.agent_key, "Old request")
    window._fill_earlier()
    window.earlier.activated.emit(1)
    assert window.request.toPlainText() == "Old request"
    a, b = window.columns
    assert "Kept answer" in a.answer.toPlainText() and a.status.text().startswith("Last run")
    assert a.tools.count() == 1 and b.status.text() == "Not run yet."
    pair[0].set_body(pair[0].body + "\nedited\n")  # a new version has no kept result
    window.request.setPlainText("Old request ")
    assert a.status.text() == "Not run yet."


def test_definitions_diff_and_html_in_answers_stay_text(qtbot, dialogs, settings, tmp_path, pair):
    window = make_window(qtbot, pair, dialogs, settings, tmp_path)
    assert unnamed_controls(window) == []  # every control has a name for screen readers
    text = window.definition_diff.toPlainText()
    assert "Expert backend architect" in text and "Design reliable backend systems" in text
    html = diff_html("keep <b>old</b> words", "keep <img src=x> words")
    assert "<img" not in html and "<b>" not in html and "&lt;" in html
    window.answer_diff.show_texts("keep <b>old</b> words", "keep <img src=x> words")
    assert window.answer_diff.toPlainText() == "keep <b>old</bimg src=x> words"  # removed, then added


def test_try_opens_from_the_editor_and_the_compare_view(qtbot, dialogs, tmp_path, pair):
    compare = CompareWindow(pair, dialogs)
    qtbot.addWidget(compare)
    assert [s.toString() for s in compare.try_action.shortcuts()] == ["F5", "Ctrl+R"]
    compare.try_action.trigger()
    assert [c.status.text() for c in compare.try_window.columns] == ["Not run yet."] * 2
    assert compare.try_window.agent_key == "backend-architect"

    editor = MainWindow(dialogs)
    qtbot.addWidget(editor)
    editor.open_file(copy_seed(tmp_path, "001", "one.md"))
    editor.try_action.trigger()
    assert len(editor.try_window.columns) == 1
    first = editor.try_window
    editor.open_file(copy_seed(tmp_path, "002", "two.md"))  # the editor lets go of the first document
    qtbot.wait(10)
    assert first.variants()[0].label == "one.md"
