"""Keyboard and screen-reader access: Tab paths, accessible names, focus that edits nothing, shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from agent_editor.app.access.names import focusable_controls, unnamed_controls
from agent_editor.app.access.shortcuts import ShortcutsDialog, menu_shortcuts
from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.editor.body_editor import indent_unit
from agent_editor.app.editor.window import MainWindow
from conftest import copy_seed

RARE_FIELDS = ("disallowedTools", "permissionMode", "maxTurns", "skills", "mcpServers", "hooks", "memory",
               "background", "effort", "isolation", "initialPrompt")


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    dialogs.save_choice = SaveChoice.DISCARD
    win.close()


def press_tab(qtbot, backwards: bool = False) -> QWidget:
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    qtbot.keyClick(QApplication.focusWidget(), key)
    return QApplication.focusWidget()


def tab_round(qtbot, start: QWidget, limit: int = 400) -> list[QWidget]:
    """The controls Tab visits from ``start`` until it comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [start]
    for _ in range(limit):
        widget = press_tab(qtbot)
        if widget is start:
            return visited
        visited.append(widget)
    raise AssertionError("Tab never came back to where it started")


def reachable(root: QWidget) -> set[QWidget]:
    return {w for w in focusable_controls(root) if w.isVisibleTo(root) and w.isEnabled()}


# ----- the instructions editor --------------------------------------------------------


def test_indent_unit_follows_the_file():
    assert indent_unit("plain\ntext\n") == "\t"
    assert indent_unit("- a\n\t- b\n    - c\n") == "\t"
    assert indent_unit("- a\n  - b\n    - c\n") == "  "
    assert indent_unit("- a\n    - b\n") == "    "
    assert indent_unit("x\n - odd\n") == "  "  # at least two spaces


def test_tab_leaves_the_instructions_and_ctrl_tab_types_an_indent(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "000"))
    editor = window.body.editor
    editor.setFocus()
    before = window.current.body
    uses_spaces = indent_unit(before) != "\t"
    qtbot.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor
    typed = window.current.body[: len(window.current.body) - len(before)]
    assert typed == (indent_unit(before) if uses_spaces else "\t")
    assert window.current.undo_stack.count() == 1
    assert press_tab(qtbot) is not editor
    assert window.current.body.startswith(typed) and len(window.current.body) == len(before) + len(typed)


# ----- accessible names -----------------------------------------------------------------


def test_every_focusable_control_of_the_editor_has_an_accessible_name(qtbot, window, tmp_path):
    window.open_paths([copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")])
    for key in RARE_FIELDS:
        window.form.focus_field(key)
    window.form.raw_toggle.setChecked(True)
    window.body.find_bar.show_replace()
    window.show_welcome()
    qtbot.wait(0)
    assert len(focusable_controls(window)) > 100
    assert [f"{type(w).__name__} {w.objectName()}" for w in unnamed_controls(window)] == []
    assert all(w.accessibleDescription() for w in window.form.rows["tools"].editor.checks.values())


def test_every_focusable_control_of_the_compare_window_and_the_help_has_an_accessible_name(
        qtbot, tmp_path, dialogs, window):
    paths = [copy_seed(tmp_path, prefix) for prefix in ("001", "003", "004")]
    compare = CompareWindow.from_paths(paths, dialogs=dialogs)
    qtbot.addWidget(compare)
    compare.show()
    assert len(focusable_controls(compare)) > 10
    assert [f"{type(w).__name__} {w.objectName()}" for w in unnamed_controls(compare)] == []
    shortcuts = ShortcutsDialog(window)
    qtbot.addWidget(shortcuts)
    assert unnamed_controls(shortcuts) == []
    from agent_editor.app.help.guide import GuideDialog

    guide = GuideDialog(parent=window)
    qtbot.addWidget(guide)
    assert unnamed_controls(guide) == []
    dialogs.save_choice = SaveChoice.DISCARD
    compare.close()


# ----- the Tab path ---------------------------------------------------------------------------


def test_forward_tab_reaches_every_control_the_problem_list_its_fix_button_and_the_preview(
        qtbot, window, tmp_path):
    window.open_paths([copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")])
    window.form.rows["tools"].editor.checks["Read"].setFocus()  # inside the form, not at its start
    qtbot.waitUntil(lambda: not window._tab_order_timer.isActive())  # the Tab order follows the form as built
    visited = tab_round(qtbot, window.library.list)
    assert window.problems.tree in visited
    assert window.preview in visited
    assert window.body.editor in visited
    # Choosing a problem in the list comes first; the Fix button is the next stop.
    tree_at = visited.index(window.problems.tree)
    assert window.problems.selected_problem() is not None or window.problems.tree.topLevelItemCount() == 0
    with_fix = next(i for i in range(window.problems.tree.topLevelItemCount())
                    if window.problems.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).fix)
    window.problems.tree.setCurrentItem(window.problems.tree.topLevelItem(with_fix))
    window.problems.tree.setFocus(Qt.FocusReason.TabFocusReason)
    assert press_tab(qtbot) is window.problems.fix_button
    # Radio and swatch groups are one stop each (arrows move inside them), as everywhere in Qt.
    grouped = {w for w in reachable(window) if type(w).__name__ in ("QRadioButton", "QToolButton")
               and w.parent() is not None and w.parent().__class__.__name__ in ("ToolsEditor", "ColorEditor")}
    missed = reachable(window) - set(visited) - grouped - {window.problems.fix_button}
    assert [f"{type(w).__name__} {w.accessibleName()}" for w in missed] == []
    assert tree_at > visited.index(window.preview)


def test_forward_tab_reaches_every_control_of_the_compare_window(qtbot, tmp_path, dialogs):
    compare = CompareWindow.from_paths([copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")], dialogs=dialogs)
    qtbot.addWidget(compare)
    compare.show()
    qtbot.waitExposed(compare)
    compare.activateWindow()
    qtbot.waitUntil(compare.isActiveWindow)
    first = compare.headers[next(iter(compare.headers))].undo_button
    visited = tab_round(qtbot, compare.body.panes[next(iter(compare.body.panes))])
    missed = {w for w in reachable(compare) if w.isVisible()} - set(visited)
    assert [f"{type(w).__name__} {w.accessibleName()}" for w in missed] == []
    assert first in visited or not first.isEnabled()
    dialogs.save_choice = SaveChoice.DISCARD
    compare.close()


# ----- focus edits nothing ----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_tabbing_through_an_untouched_agent_leaves_it_unmodified(qtbot, window, tmp_path, prefix):
    path = copy_seed(tmp_path, prefix)
    assert window.open_file(path)
    for key in RARE_FIELDS:  # every kind of input, empty ones too
        window.form.focus_field(key)
    qtbot.waitUntil(lambda: not window._tab_order_timer.isActive())
    visited = tab_round(qtbot, window.form.rows["name"].editor.line)
    assert len(visited) > 20
    for _ in range(len(visited)):
        press_tab(qtbot, backwards=True)
    assert not window.current.is_modified
    assert window.current.undo_stack.count() == 0
    assert window.current.document.to_text() == path.read_text(encoding="utf-8")


# ----- Help › Keyboard Shortcuts -------------------------------------------------------------


def test_keyboard_shortcuts_are_read_from_the_menus(qtbot, window):
    rows = menu_shortcuts(window)
    commands = {command for _menu, command, _keys in rows}
    assert {"Save", "Open", "New Agent", "Undo", "Find", "User Guide"} <= commands
    # Every menu action with a key is listed, with that key.
    window.save_action.setShortcut("Ctrl+Alt+S")
    assert ("File", "Save", "Ctrl+Alt+S") in menu_shortcuts(window)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]
    assert "Ctrl+Alt+S" in shown and "Ctrl+Tab" in shown


def test_help_menu_opens_the_guide_and_the_shortcuts(qtbot, window):
    titles = [a.text() for a in window.menuBar().actions()]
    help_menu = window.menuBar().actions()[titles.index("&Help")].menu()
    texts = [a.text() for a in help_menu.actions()]
    assert "&User Guide" in texts and "&Keyboard Shortcuts" in texts and "&Welcome" in texts
    window.show_shortcuts()
    window.show_guide()
    shown = {type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert {"ShortcutsDialog", "GuideDialog"} <= shown
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ in ("ShortcutsDialog", "GuideDialog"):
            widget.close()


def test_a_header_problem_opens_the_header_text_on_its_file_line(qtbot, window, tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\nname: a\ndescription: x\n  bad: [\n---\nBody\n", encoding="utf-8")
    assert window.open_file(path)
    problem = next(p for p in window.current.problems if p.line and p.line > 1)
    window._on_problems_problem_activated(problem)
    raw = window.form.raw.text
    assert not window.form.raw.isHidden()
    assert raw.first_number == 2
    line_shown = raw.textCursor().blockNumber() + raw.first_number
    assert line_shown == problem.line
    assert path.read_text(encoding="utf-8").split("\n")[problem.line - 1] == raw.textCursor().block().text()


def test_the_problem_list_is_not_read_as_markup(qtbot, window, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nname: a\ndescription: x\ncolor: <b>bold</b>\n---\nBody\n", encoding="utf-8")
    assert window.open_file(path)
    labels = window.form.rows["color"].findChildren(type(window.form.rows["color"].title), "problemText")
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert any("<b>bold</b>" in label.text() for label in labels)


def test_tab_goes_round_the_chain_past_hidden_and_disabled_controls(qtbot):
    from PySide6.QtWidgets import QLineEdit, QPushButton, QSpinBox, QVBoxLayout

    from agent_editor.app.access.tab_order import next_in_round

    host = QWidget()
    box = QVBoxLayout(host)
    first, hidden, spin, off, last = QLineEdit(), QLineEdit(), QSpinBox(), QPushButton("off"), QPushButton("last")
    for widget in (first, hidden, spin, off, last):
        box.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    hidden.hide()
    off.setEnabled(False)
    chain = [first, hidden, spin, off, last]
    assert next_in_round(chain, first) is spin
    assert next_in_round(chain, spin.findChild(QLineEdit)) is last  # the spin box's own line edit
    assert next_in_round(chain, last) is first  # round
    assert next_in_round(chain, first, forward=False) is last
    assert next_in_round(chain, QLineEdit()) is None  # not in the chain: Qt's own order
