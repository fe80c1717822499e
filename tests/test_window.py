"""The editor window driven as an author would: open, type, undo, save, and the questions it asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QProxyStyle, QPushButton, QStyle

from agent_editor.app.start import default_paths, example_library, find_project_agents
from agent_editor.app.dialogs import SaveChoice
from agent_editor.agentfile.document import AgentDocument
from agent_editor.app.editor.window import MainWindow
from conftest import changed_lines, copy_seed, seed_files


# ----- helpers ----------------------------------------------------------------------


SEED = {path.name[:3]: path for path in seed_files()}


@pytest.fixture
def window(main_window):
    return main_window


@pytest.fixture
def shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.header_shown)  # the form and the problems come after the first frame
    return window


def text_of(window: MainWindow) -> str:
    return window.current.document.to_text()


def name_line(window: MainWindow):
    return window.form.rows["name"].editor.line


# ----- opening: the form shows the fields ---------------------------------------------


def test_seed_000_fields_in_form(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    rows = window.form.rows
    assert rows["name"].editor.line.text() == "backend-architect"
    assert rows["description"].editor.text.toPlainText().startswith("Expert backend architect specializing")
    assert rows["model"].editor.combo.currentText() == "opus"
    assert rows["color"].editor.none.isChecked()
    assert rows["tools"].editor.all_tools.isChecked()


def test_seed_001_color_and_tools(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "001"))
    color = window.form.rows["color"].editor
    assert color.buttons["purple"].isChecked()
    assert [n for n, b in color.buttons.items() if b.isChecked()] == ["purple"]
    tools = window.form.rows["tools"].editor
    assert tools.only.isChecked() and not tools.all_tools.isChecked()
    ticked = {name for name, check in tools.checks.items() if check.isChecked()}
    assert ticked == {"Read", "Write", "Grep", "Bash"}
    assert list(tools.other_checks) == ["MultiEdit"]
    assert tools.other_checks["MultiEdit"].isChecked()
    assert not tools.others_title.isHidden()
    assert window.form.rows["model"].editor.combo.currentText() == ""


def test_seed_002_green_shows_a_color_problem_with_a_fix_button(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "002"))
    row = window.form.rows["color"]
    assert not any(button.isChecked() for button in row.editor.buttons.values())
    labels = [label.text() for label in row.findChildren(type(row.title), "problemText")]
    assert any("Green" in text and "lowercase" in text for text in labels)
    fixes = _fix_buttons(row)
    assert [button.text() for button in fixes] == ["Write “green”"]


def test_seed_003_unknown_key_is_an_other_row(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "003"))
    form = window.form
    assert "category" in form.rows
    assert form.rows["category"].editor.line.text() == "engineering"
    assert not form.other_title.isHidden()
    tools = form.rows["tools"].editor
    assert {n for n, c in tools.checks.items() if c.isChecked()} == {"Read", "Write", "Grep", "Glob", "Bash"}
    assert list(tools.other_checks) == ["supabase", "context7"]
    assert not any(button.isChecked() for button in form.rows["color"].editor.buttons.values())


def test_seed_004_fields(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "004"))
    rows = window.form.rows
    assert rows["name"].editor.line.text() == "senior-backend-architect"
    description = rows["description"].editor.text.toPlainText()
    assert description.startswith("Use this agent when you need expert guidance")
    assert "\n\nExamples:\n- <example>" in description  # the file's \n read as line breaks
    assert rows["model"].editor.combo.currentText() == "sonnet"
    assert rows["color"].editor.buttons["red"].isChecked()


def _fix_buttons(row) -> list[QPushButton]:
    return row.findChildren(QPushButton, "fixButton")


# ----- editing: one history for the form and the body ----------------------------------


def body_cursor_to_end_of_line(window: MainWindow, line: int) -> None:
    editor = window.body.editor
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)


def test_form_and_body_edits_undo_and_redo_in_one_history(qtbot, window, tmp_path):
    path = copy_seed(tmp_path, "000")
    assert window.open_file(path)
    original = text_of(window)

    line = name_line(window)
    line.end(False)
    qtbot.keyClicks(line, "-two")
    assert line.text() == "backend-architect-two"
    after_name = text_of(window)
    assert after_name == original.replace("name: backend-architect\n", "name: backend-architect-two\n", 1)

    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, " Typed here.")
    after_body = text_of(window)
    assert "with a focus on the Supabase platform. Typed here.\n" in after_body
    assert after_body.replace(" Typed here.", "", 1) == after_name

    assert window.isWindowModified()
    window.undo_action.trigger()  # the last edit (the body) undoes first
    assert text_of(window) == after_name
    assert "Typed here." not in window.body.editor.toPlainText()
    assert line.text() == "backend-architect-two"

    window.undo_action.trigger()
    assert text_of(window) == original
    assert line.text() == "backend-architect"
    assert not window.isWindowModified()
    assert not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert text_of(window) == after_name
    assert line.text() == "backend-architect-two"
    window.current.undo_stack.redo()
    assert text_of(window) == after_body
    assert "Typed here." in window.body.editor.toPlainText()
    assert window.isWindowModified()


def test_preview_follows_typing_in_the_body(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "002"))
    body_cursor_to_end_of_line(window, 1)
    with qtbot.waitSignal(window.current.preview_rendered, timeout=3000):
        qtbot.keyClicks(window.body.editor, " Zebra")
    assert "Purpose Zebra" in window.preview.toPlainText()
    qtbot.waitUntil(lambda: "Purpose Zebra" in window.preview.toPlainText())


def test_save_and_reopen_changes_only_the_edited_lines(qtbot, window, tmp_path):
    for prefix in ("000", "001", "003", "004"):
        path = copy_seed(tmp_path, prefix)
        original = path.read_bytes()
        assert window.open_file(path)
        line = name_line(window)
        line.end(False)
        qtbot.keyClicks(line, "-x")
        body_cursor_to_end_of_line(window, 1)
        qtbot.keyClicks(window.body.editor, " (edited)")
        assert window.save()
        assert not window.isWindowModified()
        saved = path.read_bytes()
        diffs = changed_lines(original, saved)
        assert len(diffs) == 2, prefix
        (old_name, new_name), (old_body, new_body) = diffs
        assert [new_name] == [[line.replace(b"architect", b"architect-x", 1) for line in old_name]]
        assert len(old_body) == len(new_body) == 1
        text = old_body[0].rstrip(b"\r\n")
        assert new_body[0] == text + b" (edited)" + old_body[0][len(text):]

        window.open_file(copy_seed(tmp_path, "002", "other.md"))  # away and back: read from disk again
        assert window.open_file(path)
        assert name_line(window).text().endswith("-x")
        assert window.current.document.to_text().encode() == saved
        assert not window.dialogs.asked("ask_save_changes")


# ----- the form never fights the author's typing ----------------------------------------


def test_typing_in_the_description_keeps_the_text_and_cursor(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    text = window.form.rows["description"].editor.text
    text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(text, " More words here")
    typed = text.toPlainText()
    assert typed.endswith("APIs. More words here")
    assert text.textCursor().position() == len(typed)
    assert window.current.fields["description"].endswith("APIs. More words here")
    # in the middle, too
    cursor = text.textCursor()
    cursor.setPosition(6)
    text.setTextCursor(cursor)
    qtbot.keyClicks(text, "ly good ")
    assert text.toPlainText().startswith("Expertly good  backend")
    assert text.textCursor().position() == 6 + len("ly good ")
    assert window.current.fields["description"].startswith("Expertly good  backend")


def test_typing_in_the_name_keeps_the_cursor(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    line = name_line(window)
    line.setCursorPosition(7)
    qtbot.keyClicks(line, "end")
    assert line.text() == "backendend-architect"
    assert line.cursorPosition() == 10
    assert window.current.fields["name"] == "backendend-architect"


def test_model_typed_then_undone_shows_the_old_value(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "002"))  # no model
    combo = window.form.rows["model"].editor.combo
    qtbot.keyClicks(combo.lineEdit(), "haiku")
    assert window.current.fields["model"] == "haiku"
    window.undo_action.trigger()
    assert "model" not in window.current.fields
    assert combo.currentText() == ""

    assert window.open_file(copy_seed(tmp_path, "000"))  # model: opus
    combo.lineEdit().end(False)
    qtbot.keyClicks(combo.lineEdit(), "x")
    assert window.current.fields["model"] == "opusx"
    assert combo.currentText() == "opusx"
    window.undo_action.trigger()
    assert window.current.fields["model"] == "opus"
    assert combo.currentText() == "opus"


def click_box(qtbot, check) -> None:
    """Click a check box on its box (its middle may be past the end of a short label)."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))


def test_swatch_and_tool_checks_edit_and_undo(qtbot, shown, tmp_path):
    window = shown
    path = copy_seed(tmp_path, "001")
    assert window.open_file(path)
    original = text_of(window)
    color = window.form.rows["color"].editor
    qtbot.mouseClick(color.buttons["cyan"], Qt.MouseButton.LeftButton)
    assert window.current.fields["color"] == "cyan"
    assert color.buttons["cyan"].isChecked() and not color.buttons["purple"].isChecked()
    tools = window.form.rows["tools"].editor
    click_box(qtbot, tools.checks["Grep"])
    assert window.current.fields["tools"] == "Write, Read, MultiEdit, Bash"
    click_box(qtbot, tools.other_checks["MultiEdit"])
    assert window.current.fields["tools"] == "Write, Read, Bash"
    window.undo_action.trigger()
    assert window.current.fields["tools"] == "Write, Read, MultiEdit, Bash"
    assert tools.other_checks["MultiEdit"].isChecked()
    window.undo_action.trigger()
    assert tools.checks["Grep"].isChecked()
    window.undo_action.trigger()
    assert color.buttons["purple"].isChecked() and not color.buttons["cyan"].isChecked()
    assert text_of(window) == original
    qtbot.mouseClick(color.none, Qt.MouseButton.LeftButton)
    assert "color" not in window.current.fields
    assert text_of(window) == original.replace("color: purple\n", "")


# ----- saving: refused while an error stands -------------------------------------------


def test_save_is_refused_while_an_error_stands(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "000")
    original = path.read_bytes()
    assert window.open_file(path)
    text = window.form.rows["description"].editor.text
    with qtbot.waitSignal(window.current.problems_changed, timeout=3000):
        text.selectAll()
        qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert window.current.fields["description"] == ""
    assert "Claude Code will ignore this file" in window.problems.summary.text()
    row_texts = [window.problems.tree.topLevelItem(i).text(2) for i in range(window.problems.tree.topLevelItemCount())]
    assert any("description is empty" in t for t in row_texts)

    assert window.save() is False  # the author answered "Cancel" to "Save anyway?"
    (question,) = dialogs.asked("ask_save_anyway")
    assert "The description is empty" in question[2]
    assert path.read_bytes() == original
    assert window.isWindowModified()

    window.undo_action.trigger()  # the error goes, and saving works again
    assert not window.current.errors
    window.current.set_field("model", "sonnet")
    assert window.save()
    assert changed_lines(original, path.read_bytes()) == [([b"model: opus\n"], [b"model: sonnet\n"])]


def test_save_is_allowed_with_only_warnings(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "002")
    original = path.read_bytes()
    assert window.open_file(path)
    assert [p.severity for p in window.current.problems] == ["warning"]
    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, "!")
    assert window.save()
    assert not dialogs.calls
    assert changed_lines(original, path.read_bytes()) == [([b"# Purpose\n"], [b"# Purpose!\n"])]
    assert b"color: Green\n" in path.read_bytes()


# ----- fixes ------------------------------------------------------------------------------


def test_fix_button_in_the_form_and_undo(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "002"))
    original = text_of(window)
    row = window.form.rows["color"]
    (button,) = _fix_buttons(row)
    with qtbot.waitSignal(window.current.problems_changed, timeout=3000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current.fields["color"] == "green"
    assert text_of(window) == original.replace("color: Green\n", "color: green\n")
    assert row.editor.buttons["green"].isChecked()
    assert window.current.problems == []
    qtbot.waitUntil(lambda: not _fix_buttons(row))
    assert window.problems.tree.topLevelItemCount() == 0

    with qtbot.waitSignal(window.current.problems_changed, timeout=3000):
        window.undo_action.trigger()
    assert text_of(window) == original
    assert not row.editor.buttons["green"].isChecked()
    assert window.problems.tree.topLevelItemCount() == 1
    qtbot.waitUntil(lambda: len(_fix_buttons(row)) == 1)


def test_fix_from_the_problems_panel_and_undo(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "003"))
    original = text_of(window)
    panel = window.problems
    assert not panel.fix_button.isEnabled()
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    color_item = next(item for item in items if "#6366F1" in item.text(2))
    panel.tree.setCurrentItem(color_item)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.text() == "Use blue, the closest color"
    with qtbot.waitSignal(window.current.problems_changed, timeout=3000):
        qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert window.current.fields["color"] == "blue"
    assert text_of(window) == original.replace('color: "#6366F1"\n', 'color: "blue"\n')
    assert window.form.rows["color"].editor.buttons["blue"].isChecked()
    assert not any("#6366F1" in p.message for p in panel.problems)
    assert not panel.fix_button.isEnabled()
    window.undo_action.trigger()
    assert text_of(window) == original
    assert not window.form.rows["color"].editor.buttons["blue"].isChecked()


# ----- the unsaved-changes question -------------------------------------------------------


def _edit_name(qtbot, window, suffix="-mine"):
    line = name_line(window)
    line.end(False)
    qtbot.keyClicks(line, suffix)


def test_opening_another_file_asks_and_cancel_keeps_the_edits(qtbot, window, dialogs, tmp_path):
    first, second = copy_seed(tmp_path, "000"), copy_seed(tmp_path, "004")
    assert window.open_file(first)
    _edit_name(qtbot, window)
    edited = text_of(window)
    dialogs.save_choice = SaveChoice.CANCEL
    assert window.open_file(second) is False
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", first.name)]
    assert window.current.path == first
    assert text_of(window) == edited
    assert name_line(window).text() == "backend-architect-mine"
    assert window.isWindowModified()
    window.undo_action.trigger()  # the history is still there
    assert name_line(window).text() == "backend-architect"


def test_opening_another_file_discard_drops_the_edits(qtbot, window, dialogs, tmp_path):
    first, second = copy_seed(tmp_path, "000"), copy_seed(tmp_path, "004")
    original = first.read_bytes()
    assert window.open_file(first)
    _edit_name(qtbot, window)
    dialogs.save_choice = SaveChoice.DISCARD
    assert window.open_file(second)
    assert len(dialogs.asked("ask_save_changes")) == 1
    assert window.current.path == second
    assert name_line(window).text() == "senior-backend-architect"
    assert not window.isWindowModified()
    assert not window.undo_action.isEnabled()
    assert first.read_bytes() == original
    assert window.open_file(first)
    assert name_line(window).text() == "backend-architect"


def test_opening_another_file_save_saves(qtbot, window, dialogs, tmp_path):
    first, second = copy_seed(tmp_path, "000"), copy_seed(tmp_path, "004")
    original = first.read_bytes()
    assert window.open_file(first)
    _edit_name(qtbot, window)
    dialogs.save_choice = SaveChoice.SAVE
    assert window.open_file(second)
    assert window.current.path == second
    assert changed_lines(original, first.read_bytes()) == [
        ([b"name: backend-architect\n"], [b"name: backend-architect-mine\n"])]


def test_opening_another_file_save_refused_by_an_error_keeps_the_document(qtbot, window, dialogs, tmp_path):
    first, second = copy_seed(tmp_path, "000"), copy_seed(tmp_path, "004")
    original = first.read_bytes()
    assert window.open_file(first)
    window.current.set_field("description", "")
    dialogs.save_choice = SaveChoice.SAVE
    assert window.open_file(second) is False
    assert window.current.path == first
    assert len(dialogs.asked("ask_save_anyway")) == 1
    assert first.read_bytes() == original


def test_an_unmodified_document_is_left_without_asking(qtbot, window, dialogs, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    _edit_name(qtbot, window)
    window.undo_action.trigger()  # back to the saved state
    assert window.open_file(copy_seed(tmp_path, "004"))
    assert dialogs.calls == []


@pytest.mark.parametrize("choice", [SaveChoice.CANCEL, SaveChoice.DISCARD, SaveChoice.SAVE])
def test_closing_the_window_with_unsaved_changes_asks(qtbot, window, dialogs, tmp_path, choice):
    path = copy_seed(tmp_path, "001")
    original = path.read_bytes()
    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(path)
    _edit_name(qtbot, window)
    dialogs.save_choice = choice
    closed = window.close()
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", path.name)]
    if choice is SaveChoice.CANCEL:
        assert closed is False and window.isVisible()
        assert name_line(window).text() == "backend-architect-mine"
        assert window.isWindowModified()
        assert path.read_bytes() == original
    elif choice is SaveChoice.DISCARD:
        assert closed is True and not window.isVisible()
        assert path.read_bytes() == original
    else:
        assert closed is True
        assert changed_lines(original, path.read_bytes()) == [
            ([b"name: backend-architect\n"], [b"name: backend-architect-mine\n"])]
    assert window.settings.value("window/geometry") is not None or choice is SaveChoice.CANCEL


# ----- the title --------------------------------------------------------------------------


def test_title_shows_the_file_name_and_the_unsaved_mark(qtbot, window, tmp_path):
    assert window.windowTitle() == "Agent Editor"
    path = copy_seed(tmp_path, "002")
    assert window.open_file(path)
    assert path.name in window.windowTitle()
    assert not window.isWindowModified()
    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, "x")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    assert path.name in window.windowTitle()
    assert str(path) in window.status.text()


# ----- another program changes the file -----------------------------------------------------


def write_behind_its_back(path: Path, text: str, atomic: bool = False) -> None:
    if atomic:  # as most editors save: a new file renamed over the old one
        temp = path.with_name(path.name + ".tmp~")
        temp.write_bytes(text.encode())
        temp.replace(path)
    else:
        path.write_bytes(text.encode())


@pytest.mark.parametrize("atomic", [False, True])
def test_outside_change_while_unmodified_reloads(qtbot, window, dialogs, tmp_path, atomic):
    path = copy_seed(tmp_path, "000")
    assert window.open_file(path)
    theirs = path.read_text().replace("name: backend-architect\n", "name: their-architect\n")
    write_behind_its_back(path, theirs, atomic)
    qtbot.waitUntil(lambda: name_line(window).text() == "their-architect", timeout=5000)
    assert text_of(window) == theirs
    assert not window.isWindowModified()
    assert window.banner.isHidden()
    # and again: the watch survives the other program's save
    again = theirs.replace("model: opus\n", "model: haiku\n")
    write_behind_its_back(path, again, atomic)
    qtbot.waitUntil(lambda: window.form.rows["model"].editor.combo.currentText() == "haiku", timeout=5000)
    assert not window.isWindowModified()
    assert dialogs.calls == []


def _modified_then_changed_behind(qtbot, window, tmp_path):
    path = copy_seed(tmp_path, "000")
    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(path)
    _edit_name(qtbot, window)
    mine = text_of(window)
    theirs = path.read_text().replace("model: opus\n", "model: haiku\n")
    write_behind_its_back(path, theirs)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    return path, mine, theirs


def test_outside_change_while_modified_shows_the_banner_reload_theirs(qtbot, window, dialogs, tmp_path):
    path, mine, theirs = _modified_then_changed_behind(qtbot, window, tmp_path)
    assert "Another program changed" in window.banner.text.text()
    assert text_of(window) == mine  # nothing taken from them yet
    assert window.banner.button("Keep My Version") is not None
    qtbot.mouseClick(window.banner.button("Use the File on Disk"), Qt.MouseButton.LeftButton)
    assert window.banner.isHidden()
    assert text_of(window) == theirs
    assert name_line(window).text() == "backend-architect"
    assert window.form.rows["model"].editor.combo.currentText() == "haiku"
    assert not window.isWindowModified()
    window.undo_action.trigger()  # their version came in as a step that can be undone
    assert text_of(window) == mine
    assert dialogs.calls == []


def test_outside_change_while_modified_keep_mine_then_save_overwrites(qtbot, window, dialogs, tmp_path):
    path, mine, theirs = _modified_then_changed_behind(qtbot, window, tmp_path)
    qtbot.mouseClick(window.banner.button("Keep My Version"), Qt.MouseButton.LeftButton)
    assert window.banner.isHidden()
    assert text_of(window) == mine
    assert window.isWindowModified()
    assert window.save()
    assert path.read_text() == mine
    assert dialogs.calls == []  # no second question
    assert not window.isWindowModified()


def test_saving_while_the_banner_shows_hides_it(qtbot, window, dialogs, tmp_path):
    path, mine, theirs = _modified_then_changed_behind(qtbot, window, tmp_path)
    dialogs.overwrite = True
    assert window.save()
    assert dialogs.asked("ask_overwrite_changed_file") == [("ask_overwrite_changed_file", path.name, False)]
    assert path.read_text() == mine
    assert window.banner.isHidden()


@pytest.mark.parametrize("overwrite", [True, False])
def test_saving_over_a_file_changed_behind_its_back_asks(qtbot, window, dialogs, tmp_path, overwrite):
    path = copy_seed(tmp_path, "000")
    assert window.open_file(path)
    _edit_name(qtbot, window)
    mine = text_of(window)
    theirs = path.read_text().replace("model: opus\n", "model: haiku\n")
    write_behind_its_back(path, theirs)
    dialogs.overwrite = overwrite
    assert window.save() is overwrite  # before the watcher has said anything
    assert dialogs.asked("ask_overwrite_changed_file") == [("ask_overwrite_changed_file", path.name, False)]
    assert path.read_text() == (mine if overwrite else theirs)
    assert window.isWindowModified() is not overwrite


def test_deleted_file_shows_the_banner_and_save_again_writes_it(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "004")
    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(path)
    _edit_name(qtbot, window)
    mine = text_of(window)
    path.unlink()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert "deleted" in window.banner.text.text()
    assert window.banner.button("Use the File on Disk") is None
    assert text_of(window) == mine
    qtbot.mouseClick(window.banner.button("Save Again"), Qt.MouseButton.LeftButton)
    assert path.read_text() == mine
    assert not window.isWindowModified()
    assert dialogs.asked("ask_overwrite_changed_file") == []  # the banner already asked


def test_deleted_file_saved_later_asks(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "004")
    assert window.open_file(path)
    _edit_name(qtbot, window)
    path.unlink()
    dialogs.overwrite = True
    assert window.save()
    assert dialogs.asked("ask_overwrite_changed_file") == [("ask_overwrite_changed_file", path.name, True)]
    assert path.read_text() == text_of(window)


# ----- files that cannot be opened ----------------------------------------------------------


BAD_FILES = {
    "binary": (b"---\nname: x\x00\x01\x02\n---\n", "not a text file"),
    "latin1": ("---\nname: caf\xe9\ndescription: d\n---\nBody\n".encode("latin-1"), "it is not UTF-8"),
    "empty": (b"", "is empty"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_cannot_be_opened_keeps_the_current_document(qtbot, window, dialogs, tmp_path, kind):
    good = copy_seed(tmp_path, "002")
    assert window.open_file(good)
    _edit_name(qtbot, window)
    edited = text_of(window)
    data, words = BAD_FILES[kind]
    bad = tmp_path / f"{kind}.md"
    bad.write_bytes(data)
    assert window.open_file(bad) is False
    ((_, title, message),) = dialogs.asked("show_error")
    assert title == "Cannot open this file"
    assert words in message and bad.name in message
    assert "Traceback" not in message and "Error" not in message
    assert not dialogs.asked("ask_save_changes")  # nothing to decide: the other file never opened
    assert window.current.path == good
    assert text_of(window) == edited
    assert good.name in window.windowTitle() and window.isWindowModified()
    assert bad.read_bytes() == data


def test_a_file_that_cannot_be_opened_at_start_leaves_the_window_empty(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    assert window.open_paths([bad]) is False
    assert window.current is None
    assert window.windowTitle() == "Agent Editor"
    assert not window.save_action.isEnabled()
    assert len(dialogs.asked("show_error")) == 1


# ----- a folder of agents --------------------------------------------------------------------


def _folder(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "agents"
    folder.mkdir()
    files = [copy_seed(folder, p, f"{n}.md") for p, n in (("000", "a-supabase"), ("002", "b-nextjs"),
                                                          ("004", "c-senior"))]
    (folder / "notes.txt").write_text("not an agent\n")
    return folder, files


def _click_entry(qtbot, window, path: Path) -> None:
    agent_list = window.library.list
    index = window.library.model.index(window.library.model.row_of(path))
    agent_list.scrollTo(index)
    qtbot.mouseClick(agent_list.viewport(), Qt.MouseButton.LeftButton, pos=agent_list.visualRect(index).center())


def _current_row(window) -> int:
    path = window.library.current_path()
    return window.library.paths().index(path) if path is not None else -1


def test_folder_mode_lists_the_agents_and_switches(qtbot, window, dialogs, tmp_path):
    folder, files = _folder(tmp_path)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_paths([folder])
    assert window.library.isVisible()
    assert window.library.paths() == files
    assert "agents — 3 agents" in window.library.title.text()
    texts = window.library.row_texts()
    assert texts[0].startswith("backend-architect") and texts[2].startswith("senior-backend-architect")
    assert window.current.path == files[0]
    assert _current_row(window) == 0

    _click_entry(qtbot, window, files[2])
    assert window.current.path == files[2]
    assert name_line(window).text() == "senior-backend-architect"
    assert dialogs.calls == []

    _edit_name(qtbot, window)  # now modified: switching asks first
    dialogs.save_choice = SaveChoice.CANCEL
    _click_entry(qtbot, window, files[1])
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", "c-senior.md")]
    assert window.current.path == files[2]
    assert _current_row(window) == 2  # the selection goes back to the open file
    assert name_line(window).text() == "senior-backend-architect-mine"

    dialogs.save_choice = SaveChoice.SAVE
    _click_entry(qtbot, window, files[1])
    assert window.current.path == files[1]
    assert _current_row(window) == 1
    assert b"name: senior-backend-architect-mine\n" in files[2].read_bytes()
    assert window.library.row_texts()[2].startswith("senior-backend-architect-mine")


def test_an_empty_folder_says_so(qtbot, window, tmp_path):
    (tmp_path / "empty").mkdir()
    assert window.open_paths([tmp_path / "empty"]) is False
    assert window.current is None
    assert "No agent files" in window.statusBar().currentMessage()


# ----- what opens first ------------------------------------------------------------------------


@pytest.fixture
def no_user_agents(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    QStandardPaths.setTestModeEnabled(True)
    yield home
    QStandardPaths.setTestModeEnabled(False)


def test_default_paths_inside_a_project_is_its_agents_folder(tmp_path, no_user_agents):
    project = tmp_path / "project"
    agents = project / ".claude" / "agents"
    agents.mkdir(parents=True)
    (project / ".git").mkdir()
    (project / "src" / "deep").mkdir(parents=True)
    assert default_paths(project / "src" / "deep") == ([agents.resolve()], "Project agents")
    assert default_paths(project) == ([agents.resolve()], "Project agents")
    assert find_project_agents((project / "src").resolve()) == agents.resolve()


def test_default_paths_outside_a_project_is_the_example_library(qtbot, window, tmp_path, no_user_agents):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".git").mkdir()  # the search for .claude/agents stops at a git root
    paths, title = default_paths(elsewhere)
    assert title == "Example agents"
    (library,) = paths
    assert str(library).startswith(str(no_user_agents))
    names = sorted(p.name for p in library.glob("*.md"))
    assert len(names) >= 5 and "senior-backend-architect.md" in names
    # made once, then the author's: an edit stays
    (library / names[0]).write_text("---\nname: mine\ndescription: d\n---\n")
    assert example_library() == library
    assert (library / names[0]).read_text().startswith("---\nname: mine\n")
    assert window.open_paths(paths, title)
    assert window.library.title.text().startswith("Example agents")
    assert len(window.library.paths()) == len(names)


def test_default_paths_prefers_the_users_own_agents(tmp_path, no_user_agents):
    (tmp_path / "elsewhere" / ".git").mkdir(parents=True)
    user = no_user_agents / ".claude" / "agents"
    user.mkdir(parents=True)
    assert default_paths(tmp_path / "elsewhere")[1] == "Example agents"  # an empty folder is no library
    copy_seed(user, "001", "mine.md")
    assert default_paths(tmp_path / "elsewhere") == ([user], "Your agents")


# ----- the body editor and the one history ------------------------------------------------------


def test_undo_keeps_the_body_cursor_in_place(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    editor = window.body.editor
    body_cursor_to_end_of_line(window, 10)
    where = editor.textCursor().position()
    qtbot.keyClicks(editor, " typed")
    assert editor.textCursor().position() == where + len(" typed")
    window.undo_action.trigger()
    assert editor.textCursor().position() == where
    assert editor.toPlainText() == window.current.body
    window.redo_action.trigger()
    assert editor.toPlainText() == window.current.body
    assert " typed" in editor.document().findBlockByNumber(10).text()

    # reading further down: undoing an edit above moves the cursor with its text
    body_cursor_to_end_of_line(window, 40)
    below = editor.textCursor().position()
    line_40 = editor.document().findBlockByNumber(40).text()
    window.undo_action.trigger()
    assert editor.textCursor().position() == below - len(" typed")
    assert editor.textCursor().block().text() == line_40
    assert editor.textCursor().atBlockEnd()


def test_ctrl_z_in_the_body_editor_is_the_windows_undo(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "002"))
    _edit_name(qtbot, window)  # an edit in the form first
    editor = window.body.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    body_cursor_to_end_of_line(window, 1)
    before_typing = text_of(window)
    qtbot.keyClicks(editor, " abc")
    stack = window.current.undo_stack
    assert stack.index() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 1
    assert text_of(window) == before_typing
    assert editor.toPlainText() == window.current.body
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # then the form's edit
    assert stack.index() == 0
    assert name_line(window).text() == "backend-architect"
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stack.index() == 2
    assert "# Purpose abc" in editor.toPlainText()
    assert stack.count() == 2  # undo never went in as an edit of its own


def test_ctrl_z_in_a_form_field_is_the_windows_undo_too(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "000"))
    line = name_line(window)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.end(False)
    qtbot.keyClicks(line, "-two")
    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, " Later.")
    after_name = text_of(window).replace(" Later.", "", 1)
    stack = window.current.undo_stack
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window) == after_name  # the last edit, in the body, undone first
    assert stack.index() == 1
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == "backend-architect"
    assert stack.index() == 0 and stack.count() == 2

    description = window.form.rows["description"].editor.text
    description.setFocus()
    qtbot.waitUntil(description.hasFocus)
    qtbot.keyClick(description, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == "backend-architect-two"
    assert stack.index() == 1 and stack.count() == 2


def test_typing_keeps_unusual_spaces_elsewhere_in_the_text(qtbot, window, tmp_path):
    path = tmp_path / "spaces.md"
    source = SEED["002"].read_text(encoding="utf-8")
    source = source.replace("so solid and scalable", "so\u00a0solid and\u2028scalable")  # pasted from the web
    source = source.replace("server architecture,", "server\u00a0architecture,")
    path.write_bytes(source.encode())
    assert window.open_file(path)
    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, "!")
    description = window.form.rows["description"].editor.text
    description.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(description, "!")
    assert window.current.fields["description"].startswith("Use this agent proactively to design server\u00a0arch")
    assert window.save()
    diffs = changed_lines(source.encode(), path.read_bytes())
    assert [(len(old), len(new)) for old, new in diffs] == [(1, 1), (1, 1)]
    assert diffs[0][1][0].endswith(b"backend systems.!\n") and "server\u00a0arch".encode() in diffs[0][1][0]
    assert diffs[1] == ([b"# Purpose\n"], [b"# Purpose!\n"])


# ----- reload from the menu -----------------------------------------------------------------------


@pytest.mark.parametrize("choice", [SaveChoice.CANCEL, SaveChoice.DISCARD, SaveChoice.SAVE])
def test_reload_from_disk_asks_about_unsaved_changes(qtbot, window, dialogs, tmp_path, choice):
    path = copy_seed(tmp_path, "000")
    original = path.read_text()
    assert window.open_file(path)
    _edit_name(qtbot, window)
    mine = text_of(window)
    dialogs.save_choice = choice
    window.reload_action.trigger()
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", path.name)]
    if choice is SaveChoice.CANCEL:
        assert text_of(window) == mine and window.isWindowModified()
        assert path.read_text() == original
    elif choice is SaveChoice.DISCARD:
        assert text_of(window) == original and not window.isWindowModified()
        assert path.read_text() == original
    else:
        assert path.read_text() == mine  # saved first, as the answer said
        assert text_of(window) == mine and not window.isWindowModified()


def test_activating_a_problem_goes_to_its_field(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "001"))
    panel = window.problems
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    tools_item = next(item for item in items if "MultiEdit" in item.text(2))
    panel.tree.itemActivated.emit(tools_item, 0)
    assert window.form.rows["tools"].isAncestorOf(QApplication.focusWidget())


def test_a_model_id_typed_and_entered_adds_no_choice(qtbot, window, dialogs, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "002"))
    combo = window.form.rows["model"].editor.combo
    count = combo.count()
    qtbot.keyClicks(combo.lineEdit(), "claude-opus-5")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert window.current.fields["model"] == "claude-opus-5"
    assert combo.count() == count and combo.currentText() == "claude-opus-5"
    assert window.current.undo_stack.count() == 1
    dialogs.save_choice = SaveChoice.DISCARD
    assert window.open_file(copy_seed(tmp_path, "000"))
    assert combo.currentText() == "opus"
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "inherit", "sonnet", "opus", "haiku", "fable"]


class _SingleClickStyle(QProxyStyle):
    """A desktop where one click activates an item (as KDE's does by default)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 - Qt's name
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 1
        return super().styleHint(hint, option, widget, data)


def test_one_click_asks_once_where_a_click_also_activates(qtbot, window, dialogs, tmp_path):
    folder, files = _folder(tmp_path)
    style = _SingleClickStyle()
    window.library.list.setStyle(style)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_paths([folder])
    _edit_name(qtbot, window)
    dialogs.save_choice = SaveChoice.CANCEL
    _click_entry(qtbot, window, files[1])
    assert len(dialogs.asked("ask_save_changes")) == 1
    assert window.current.path == files[0]
    dialogs.save_choice = SaveChoice.DISCARD
    _click_entry(qtbot, window, files[2])
    assert len(dialogs.asked("ask_save_changes")) == 2
    assert window.current.path == files[2]


def test_saving_updates_every_entry_a_shared_name_touches(qtbot, window, dialogs, tmp_path):
    folder, files = _folder(tmp_path)  # a-supabase and b-nextjs are both backend-architect
    assert window.open_paths([folder])
    def row(path):
        return window.library.row_texts()[window.library.paths().index(path)]

    assert "2 problems" in row(files[1])  # Green, and the shared name
    assert "name-shared" in {p.code for p in window.problems.problems}  # shown for the open file too
    window.current.set_field("name", "supabase-architect")
    assert window.save()
    assert row(files[0]).startswith("supabase-architect")
    assert "1 problem" in row(files[1])  # only Green now
    assert "name-shared" not in {p.code for p in window.problems.problems}
    assert window.library.current_path() == files[0]  # the open file's row stays chosen where it moved


def test_the_file_left_behind_shows_nothing_more(qtbot, window, dialogs, tmp_path):
    first, second = copy_seed(tmp_path, "002"), copy_seed(tmp_path, "004")
    assert window.open_file(first)
    body_cursor_to_end_of_line(window, 1)
    qtbot.keyClicks(window.body.editor, " Zebra")  # a preview and a check still to come
    window.current.set_field("color", "Blue")
    dialogs.save_choice = SaveChoice.DISCARD
    assert window.open_file(second)
    left = window.current
    qtbot.wait(300)
    assert window.current is left
    assert "Zebra" not in window.preview.toPlainText()
    assert "Senior Backend Architect" in window.preview.toPlainText()
    assert window.problems.problems == left.problems
    assert not any("Blue" in p.message for p in window.problems.problems)


def test_default_paths_under_home_without_a_project_is_the_users_agents(tmp_path, no_user_agents):
    user = no_user_agents / ".claude" / "agents"
    user.mkdir(parents=True)
    copy_seed(user, "001", "mine.md")
    somewhere = no_user_agents / "notes" / "today"  # under home, in no git project
    somewhere.mkdir(parents=True)
    assert default_paths(somewhere) == ([user], "Your agents")


def test_a_file_caught_half_written_is_reloaded_once_complete(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "000")
    assert window.open_file(path)
    theirs = path.read_text().replace("model: opus", "model: haiku")
    path.write_bytes(b"")  # another program has emptied the file and not yet written it
    window.current.check_disk_now()
    assert window.banner.isVisible() or not window.banner.isHidden()
    assert "unsaved changes" not in window.banner.text.text()  # there are none
    assert text_of(window) != ""
    path.write_text(theirs)
    window.current.check_disk_now()
    assert text_of(window) == theirs
    assert window.banner.isHidden()
    assert dialogs.calls == []


def test_save_as_writes_the_new_file_and_follows_it(qtbot, window, dialogs, tmp_path):
    path = copy_seed(tmp_path, "004")
    original = path.read_bytes()
    assert window.open_file(path)
    _edit_name(qtbot, window)
    target = tmp_path / "renamed.md"
    dialogs.save_path_answer = target
    assert window.save_as()
    assert dialogs.asked("ask_save_path") == [("ask_save_path", path)]
    assert path.read_bytes() == original
    assert b"name: senior-backend-architect-mine\n" in target.read_bytes()
    assert window.current.path == target
    assert "renamed.md" in window.windowTitle() and not window.isWindowModified()
    dialogs.save_path_answer = None  # cancelled: nothing happens
    _edit_name(qtbot, window, "-again")
    assert window.save_as() is False
    assert window.isWindowModified()


def test_activating_a_body_problem_goes_to_its_line(qtbot, shown, tmp_path):
    window = shown
    path = tmp_path / "no-body.md"
    path.write_text("---\nname: no-body\ndescription: Does nothing yet.\n---\n\n")
    assert window.open_file(path)
    panel = window.problems
    (item,) = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert "instructions are empty" in item.text(2)
    panel.tree.itemActivated.emit(item, 0)
    assert window.body.editor.hasFocus()


def test_undo_in_a_body_with_wide_characters(qtbot, window, tmp_path):
    path = tmp_path / "emoji.md"
    path.write_text("---\nname: emoji\ndescription: Smiles.\n---\n"
                    "\n😀 first 🎉 line\nsecond line\nthird 𝄞 line\n")
    assert window.open_file(path)
    editor = window.body.editor
    body_cursor_to_end_of_line(window, 2)
    where = editor.textCursor().position()
    qtbot.keyClicks(editor, " and more")
    assert window.current.body == "\n😀 first 🎉 line\nsecond line and more\nthird 𝄞 line\n"
    window.undo_action.trigger()
    assert window.current.body == "\n😀 first 🎉 line\nsecond line\nthird 𝄞 line\n"
    assert editor.toPlainText() == window.current.body
    assert editor.textCursor().position() == where
    window.redo_action.trigger()
    assert editor.toPlainText() == window.current.body
    assert window.save()
    assert path.read_text().endswith("second line and more\nthird 𝄞 line\n")


def test_a_windows_file_keeps_its_line_endings(qtbot, window, tmp_path):
    path = tmp_path / "crlf.md"
    original = SEED["000"].read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    assert window.open_file(path)
    _edit_name(qtbot, window, "-win")
    body_cursor_to_end_of_line(window, 3)
    qtbot.keyClicks(window.body.editor, " More.")
    assert window.save()
    diffs = changed_lines(original, path.read_bytes())
    assert diffs == [([b"name: backend-architect\r\n"], [b"name: backend-architect-win\r\n"]),
                     ([b"## Purpose\r\n"], [b"## Purpose More.\r\n"])]


def test_other_key_rows_fit_each_files_values(qtbot, window, dialogs, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "003"))  # category: engineering
    number = tmp_path / "number.md"
    number.write_text("---\nname: n\ndescription: d\ncategory: 5\n---\nBody\n")
    assert window.open_file(number)
    line = window.form.rows["category"].editor.line
    assert line.text() == "5"
    line.end(False)
    qtbot.keyClicks(line, "6")
    assert window.current.fields["category"] == 56  # still a number, as the file had it
    dialogs.save_choice = SaveChoice.DISCARD
    listed = tmp_path / "listed.md"
    listed.write_text("---\nname: l\ndescription: d\ncategory:\n  - web\n  - api\n---\nBody\n")
    assert window.open_file(listed)
    editor = window.form.rows["category"].editor
    assert not hasattr(editor, "line")  # a list is edited as YAML, not squashed into one line
    assert window.current.fields["category"] == ["web", "api"]
    window.current.set_header_text("name: l\ndescription: d\ncategory: web\n")  # back to text, in place
    assert window.form.rows["category"].editor.line.text() == "web"
    window.undo_action.trigger()
    assert not hasattr(window.form.rows["category"].editor, "line")


def test_typing_in_a_description_written_with_backslash_n(qtbot, window, tmp_path):
    path = copy_seed(tmp_path, "004")
    original = path.read_bytes()
    assert window.open_file(path)
    text = window.form.rows["description"].editor.text
    text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(text, " Thanks")
    shown = text.toPlainText()
    assert shown.endswith("</example> Thanks") and text.textCursor().position() == len(shown)
    assert window.current.fields["description"] == shown
    assert window.save()
    ((old, new),) = changed_lines(original, path.read_bytes())
    assert old[0].startswith(b"description: ") and new[0].startswith(b"description: ")
    assert AgentDocument.load(path).fields["description"] == shown


def test_two_agents_selected_in_the_list_open_in_a_compare_window(qtbot, shown, dialogs, tmp_path):
    from agent_editor.app.compare.window import CompareWindow

    for prefix in ("000", "001", "003"):
        copy_seed(tmp_path, prefix)
    shown.open_paths([tmp_path])
    library = shown.library
    assert not library.compare_button.isEnabled()
    selection = library.list.selectionModel()
    for row in (0, 2):
        selection.select(library.model.index(row), selection.SelectionFlag.Select)
    assert library.compare_button.isEnabled()
    assert library.compare_button.text() == "Compare 2 Selected"
    library.compare_button.click()
    assert dialogs.calls == []  # chosen in the list: nothing to ask
    compare = next(w for w in shown.findChildren(CompareWindow))
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    shown_paths = [doc.path for doc in compare.session.documents]
    assert shown_paths == [library.paths()[0], library.paths()[2]]
    compare.close()


def test_new_agent_starts_unsaved_and_save_asks_where(qtbot, window, dialogs, tmp_path):
    window.open_paths([copy_seed(tmp_path, "002")])
    assert window.new_agent()
    assert window.current.path is None
    assert "Untitled agent" in window.windowTitle()
    assert window.current.fields["name"] == "new-agent"
    name_line(window).selectAll()
    qtbot.keyClicks(name_line(window), "release-notes-writer")
    assert window.current.is_modified
    target = tmp_path / "release-notes-writer.md"
    dialogs.save_path_answer = target
    assert window.save()
    assert dialogs.asked("ask_save_path")
    saved = target.read_text(encoding="utf-8")
    assert saved.startswith("---\nname: release-notes-writer\ndescription: Use this agent when")
    assert window.current.path == target and not window.current.is_modified


def test_only_these_tools_stays_chosen_while_other_fields_are_edited(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "000"))  # no tools key: all tools
    tools = window.form.rows["tools"].editor
    assert tools.all_tools.isChecked()
    qtbot.mouseClick(tools.only, Qt.MouseButton.LeftButton, pos=QPoint(6, tools.only.height() // 2))
    assert tools.only.isChecked() and "tools" not in window.current.fields  # nothing written yet
    name_line(window).end(False)
    qtbot.keyClicks(name_line(window), "-x")
    assert window.current.fields["name"] == "backend-architect-x"
    assert tools.only.isChecked() and tools.grid_host.isEnabled()
    click_box(qtbot, tools.checks["Read"])
    assert window.current.fields["tools"] == "Read"
    window.undo_action.trigger()  # back to no tools key: the choice was written, so all tools again
    assert "tools" not in window.current.fields and tools.all_tools.isChecked()


def test_an_unwritten_only_these_choice_does_not_follow_to_another_file(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "000"))
    tools = window.form.rows["tools"].editor
    qtbot.mouseClick(tools.only, Qt.MouseButton.LeftButton, pos=QPoint(6, tools.only.height() // 2))
    assert window.open_file(copy_seed(tmp_path, "002"))  # also without a tools key
    assert tools.all_tools.isChecked() and not tools.grid_host.isEnabled()


def test_problems_list_keeps_its_selection_when_problems_are_checked_again(qtbot, shown, tmp_path):
    window = shown
    assert window.open_file(copy_seed(tmp_path, "003"))
    tree = window.problems.tree
    tree.setCurrentItem(tree.topLevelItem(2))
    chosen = window.problems.selected_problem()
    name_line(window).end(False)
    qtbot.keyClicks(name_line(window), "-v2")
    window.problems.show_problems(window.current.problems)  # as after every re-check
    assert window.problems.selected_problem() == chosen
    assert window.problems.fix_button.isEnabled() == bool(chosen.fix)


def test_a_new_agent_saved_into_the_listed_folder_joins_the_list(qtbot, window, dialogs, tmp_path):
    for prefix in ("000", "003"):
        copy_seed(tmp_path, prefix)
    window.open_paths([tmp_path])
    assert len(window.library.paths()) == 2
    assert window.new_agent()
    target = tmp_path / "new-agent.md"
    dialogs.save_path_answer = target
    assert window.save()
    assert target in window.library.paths() and len(window.library.paths()) == 3
    assert window.library.current_path() == target


def test_the_find_bar_is_built_on_first_use_and_the_menu_action_opens_it(qtbot, shown, tmp_path):
    shown.open_paths([copy_seed(tmp_path, "000")])
    assert shown.body._find_bar is None  # nothing of it is built at start-up
    cursor = shown.body.editor.textCursor()
    start = shown.body.editor.toPlainText().index("backend")
    cursor.setPosition(start)
    cursor.setPosition(start + len("backend"), QTextCursor.MoveMode.KeepAnchor)
    shown.body.editor.setTextCursor(cursor)
    find = next(a for a in shown.actions() if a in shown.body.find_actions.all() and a.text() == "&Find…")
    find.trigger()
    bar = shown.body.find_bar
    assert bar.isVisible() and bar.find_field.text() == cursor.selectedText()
    assert bar.match_count() >= 1
    # Once built, the bar takes the actions itself: Find Next moves one match, not two.
    shown.body.find_actions.find_next.trigger()
    first = bar.current_match_index()
    shown.body.find_actions.find_next.trigger()
    assert first is not None and bar.current_match_index() == (first + 1) % bar.match_count()
