"""Bodies of megabytes in the editor: put in a slice at a time, long lines shown cut short, never altered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from agent_editor.app.editor.body_editor import LOAD_SLICE_LINES, LONG_LINE_CHARS, SHOWN_OF_A_LONG_LINE, exact_text
from agent_editor.app.editor.window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    win = MainWindow(dialogs=dialogs, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    return win


def _file(tmp_path, body: str):
    path = tmp_path / "huge.md"
    path.write_bytes(f"---\nname: huge\ndescription: Reviews code\n---\n{body}".encode())
    return path, path.read_bytes()


def _rename(window, name: str) -> None:
    line = window.form.rows["name"].editor.line
    line.setText(name)
    line.textEdited.emit(name)


def test_a_body_of_many_lines_goes_in_a_slice_at_a_time_unaltered(qtbot, window, tmp_path):
    body = "".join(f"| cell {i} | value {i} |\n" for i in range(3 * LOAD_SLICE_LINES + 17))
    path, original = _file(tmp_path, body)
    assert window.open_file(path)
    editor = window.body.editor
    assert editor.isReadOnly() and len(exact_text(editor)) < len(body)  # the first slice only, for now
    assert window.current.body == body
    qtbot.waitUntil(lambda: not editor.isReadOnly())
    assert exact_text(editor) == body
    assert not window.current.is_modified  # putting it in is no edit
    _rename(window, "huge-x")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: huge", b"name: huge-x")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "end")
    assert window.current.body == body + "end"


def test_going_to_a_line_puts_the_rest_of_the_body_in_first(qtbot, window, tmp_path):
    body = "".join(f"line {i}\n" for i in range(3 * LOAD_SLICE_LINES))
    path, _ = _file(tmp_path, body)
    assert window.open_file(path)
    window.body.go_to_line(3 * LOAD_SLICE_LINES - 1)
    assert window.body.showing_all and exact_text(window.body.editor) == body
    assert window.body.editor.textCursor().block().text() == f"line {3 * LOAD_SLICE_LINES - 2}"


def test_a_body_changed_while_it_goes_in_is_shown_as_it_is_now(qtbot, window, tmp_path):
    body = "".join(f"line {i}\n" for i in range(3 * LOAD_SLICE_LINES))
    path, _ = _file(tmp_path, body)
    assert window.open_file(path)
    window.current.set_body("short now\n")
    qtbot.waitUntil(lambda: window.body.showing_all)
    assert exact_text(window.body.editor) == "short now\n"
    window.current.undo_stack.undo()
    qtbot.waitUntil(lambda: window.body.showing_all)
    assert exact_text(window.body.editor) == body


def test_a_huge_line_is_shown_cut_short_read_only_and_saved_whole(qtbot, window, tmp_path):
    line = "word " * (LONG_LINE_CHARS // 4)  # 125,000 characters
    body = "# Title\n\n" + line + "\nThe end.\n"
    path, original = _file(tmp_path, body)
    assert window.open_file(path)
    body_editor = window.body
    editor = body_editor.editor
    assert not body_editor.long_lines.isHidden()
    assert f"{len(line):,}" in body_editor.long_lines.text.text()
    assert editor.isReadOnly()
    shown = exact_text(editor)
    assert shown.startswith("# Title\n\n" + line[:SHOWN_OF_A_LONG_LINE]) and shown.endswith("\nThe end.\n")
    assert len(shown) < len(body)
    assert window.current.body == body and not window.current.is_modified

    bar = body_editor.find_bar  # replacing is refused while the text is not all there
    bar.find_field.setText("word")
    bar.replace_field.setText("WORD")
    assert bar.replace_all() == 0
    assert window.current.body == body

    _rename(window, "huge-x")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: huge", b"name: huge-x")

    body_editor.long_lines.edit_button.click()
    assert body_editor.long_lines.isHidden() and not editor.isReadOnly()
    assert exact_text(editor) == body
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "More.")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: huge", b"name: huge-x") + b"More."


def test_a_description_of_half_a_megabyte_is_cut_short_until_show_all_and_saved_whole(qtbot, window, tmp_path):
    from agent_editor.app.editor.form.editors import LONG_VALUE_SHOWN

    description = "word " * 100_000
    path = tmp_path / "long.md"
    path.write_bytes(f"---\nname: long\ndescription: {description.strip()}\n---\n\nBody.\n".encode())
    original = path.read_bytes()
    assert window.open_file(path)
    editor = window.form.rows["description"].editor
    assert editor.cut_short and editor.text.isReadOnly()
    assert len(exact_text(editor.text)) < LONG_VALUE_SHOWN + 10
    assert not editor.show_all.isHidden() and "499,999" in editor.show_all.text()
    editor.text.setPlainText("typed over a cut value")  # sends nothing: the value is not all there
    assert window.current.fields["description"] == description.strip() and not window.current.is_modified
    _rename(window, "long-x")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: long", b"name: long-x")

    editor.show_all.click()
    assert not editor.cut_short and not editor.text.isReadOnly() and editor.show_all.isHidden()
    assert exact_text(editor.text) == description.strip()
    cursor = editor.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.text.setTextCursor(cursor)
    qtbot.keyClicks(editor.text, " end")
    assert window.current.fields["description"] == description.strip() + " end"
    assert window.save()
    from agent_editor.agentfile.document import AgentDocument

    saved = AgentDocument.load(path)
    assert saved.fields["description"] == description.strip() + " end" and saved.body == "\nBody.\n"
