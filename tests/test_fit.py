"""Small screens: at 1024x700 every pane is usable and the instructions keep 60 characters a
line; the problems pane takes only its summary line while there are no problems."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from agent_editor.app.editor.fit import INSTRUCTION_CHARS, Arrangement
from conftest import copy_seed

CLEAN = "---\nname: tidy-helper\ndescription: Use this agent to tidy notes.\n---\n\nYou tidy notes.\n"


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    from agent_editor.app.editor.window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(main)
    return main


def _show(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    window.show()
    qtbot.waitUntil(lambda: window.width() == width and window.header_shown and not window.fit._timer.isActive())


def chars_a_line(window) -> float:
    """How many characters fit on a line of the instructions editor, measured as Qt lays it out."""
    editor = window.body.editor
    usable = editor.viewport().width() - 2 * editor.document().documentMargin()
    return usable / editor.fontMetrics().horizontalAdvance("0")


def _top(window, widget) -> int:
    return widget.mapTo(window, widget.rect().topLeft()).y()


def _bottom(window, widget) -> int:
    return widget.mapTo(window, widget.rect().bottomLeft()).y()


def test_at_1024x700_with_the_agent_list_the_list_goes_above_the_form(qtbot, tmp_path, window):
    folder = tmp_path / "agents"
    folder.mkdir()
    for prefix in ("000", "002", "003"):
        copy_seed(folder, prefix)
    window.open_paths([folder])
    _show(qtbot, window, 1024, 700)
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    assert window.fit.arrangement is Arrangement.ONE_COLUMN
    assert chars_a_line(window) >= INSTRUCTION_CHARS
    # The list stands above the form, and the form is not cut off at its right edge.
    library, form = window.library, window.form
    assert library.isVisible() and _top(window, form) >= _bottom(window, library)
    assert form.viewport().width() >= form.widget().minimumSizeHint().width()
    # The preview is below the instructions, not squeezed beside them.
    assert _top(window, window.preview) >= _bottom(window, window.body)
    # Wide again: every pane side by side once there is room.
    _show(qtbot, window, 1700, 880)
    assert window.fit.arrangement is Arrangement.SIDE_BY_SIDE and chars_a_line(window) >= INSTRUCTION_CHARS


def test_at_1024x700_with_one_file_the_preview_goes_below(qtbot, tmp_path, window):
    window.open_paths([copy_seed(tmp_path, "003")])
    _show(qtbot, window, 1024, 700)
    assert window.fit.arrangement is Arrangement.PREVIEW_BELOW
    assert chars_a_line(window) >= INSTRUCTION_CHARS
    assert window.form.viewport().width() >= window.form.widget().minimumSizeHint().width()


def test_the_problems_pane_shrinks_when_there_are_none(qtbot, tmp_path, window):
    clean = tmp_path / "tidy-helper.md"
    clean.write_text(CLEAN, encoding="utf-8")
    window.open_paths([copy_seed(tmp_path, "003")])
    _show(qtbot, window, 1024, 700)
    with_problems = window.problems.height()
    assert window.problems.tree.isVisible() and with_problems >= 100
    window.open_file(clean)
    assert window.problems.problems == [] and not window.problems.tree.isVisible()
    qtbot.waitUntil(lambda: window.problems.height() <= window.problems.summary.height() + 20)
    window.open_file(tmp_path / "003_07c591a51ef07c38.md")
    qtbot.waitUntil(lambda: window.problems.height() == with_problems)


def test_the_compare_window_fits_1024x700(qtbot, tmp_path, dialogs):
    from agent_editor.app.compare.window import CompareWindow

    window = CompareWindow.from_paths([copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")], dialogs)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(lambda: window.session.comparison is not None)
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024


def test_tab_follows_the_panes_when_they_move(qtbot, tmp_path, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    folder = tmp_path / "agents"
    folder.mkdir()
    for prefix in ("001", "003"):
        copy_seed(folder, prefix)
    window.open_paths([folder])
    _show(qtbot, window, 1700, 880)  # side by side, and the Tab order set for it
    qtbot.waitUntil(lambda: not window._tab_order_timer.isActive())
    _show(qtbot, window, 1024, 700)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.fit.arrangement is Arrangement.ONE_COLUMN
    assert window.form is not None  # built after the first frame, or now
    qtbot.waitUntil(lambda: not window._tab_order_timer.isActive())  # set again once the panes have moved
    start = window.library.list
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [start]
    for _ in range(300):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            break
        visited.append(QApplication.focusWidget())
    form_stops = [i for i, widget in enumerate(visited) if window.form.isAncestorOf(widget)]
    order = [visited.index(window.library.list), form_stops[0], visited.index(window.body.editor),
             visited.index(window.preview), visited.index(window.problems.tree)]
    assert order == sorted(order)  # list, form, instructions, preview, problems: as on screen


def test_a_layout_remembered_at_1024_opens_well_at_1400(qtbot, tmp_path, dialogs):
    from agent_editor.app.editor.window import MainWindow

    folder = tmp_path / "agents"
    folder.mkdir()
    for prefix in ("001", "003"):
        copy_seed(folder, prefix)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    small = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(small)
    small.open_paths([folder])
    _show(qtbot, small, 1024, 700)
    assert small.fit.arrangement is Arrangement.ONE_COLUMN
    small.close()
    large = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(large)
    large.open_paths([folder])
    _show(qtbot, large, 1700, 880)
    assert large.fit.arrangement is Arrangement.SIDE_BY_SIDE
    assert large.main_split.count() == 3 and chars_a_line(large) >= INSTRUCTION_CHARS
    assert large.form.viewport().width() >= large.form.widget().minimumSizeHint().width()
