"""Remembered between runs: recent files and folders, the window's layout, the last agent."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.remembered import RECENT_LIMIT, pushed_front
from conftest import copy_seed


def test_pushed_front_keeps_one_of_each_newest_first():
    entries = [f"/a/{n}.md" for n in range(RECENT_LIMIT)]
    assert pushed_front(entries, "/a/3.md")[:2] == ["/a/3.md", "/a/0.md"]
    assert len(pushed_front(entries, "/a/new.md")) == RECENT_LIMIT
    assert pushed_front(entries, "/a/new.md")[-1] == f"/a/{RECENT_LIMIT - 2}.md"


def make_window(qtbot, settings, dialogs) -> MainWindow:
    window = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(window)
    return window


def test_recent_files_and_folders_in_the_menu_newest_first(qtbot, tmp_path, dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, settings, dialogs)
    folder = tmp_path / "agents"
    folder.mkdir()
    first, second = copy_seed(folder, "000"), copy_seed(folder, "001")
    gone = copy_seed(tmp_path, "002")
    assert window.open_file(gone)
    assert window.open_paths([folder])
    assert window.open_file(second)
    gone.unlink()
    menu = window.remembered.recent_menu
    window.remembered.fill_menu()
    entries = [a.data() for a in menu.actions() if a.data()]
    assert entries == [str(second.resolve()), str(first.resolve()), str(folder.resolve())]  # the gone one is left out
    next(a for a in menu.actions() if a.data() == str(first.resolve())).trigger()
    assert window.current.path == first
    dialogs.save_choice = SaveChoice.DISCARD
    window.close()
    again = make_window(qtbot, settings, dialogs)  # the next run
    again.remembered.fill_menu()
    assert [a.data() for a in again.remembered.recent_menu.actions() if a.data()][0] == str(first.resolve())


def test_layout_and_the_last_agent_come_back(qtbot, tmp_path, dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, settings, dialogs)
    path = copy_seed(tmp_path, "004")
    assert window.open_file(path)
    window.resize(760, 560)  # within the offscreen screen, which restoring clamps to
    window.show()
    qtbot.waitExposed(window)
    window.main_split.setSizes([0, 300, 450])
    window.vertical_split.setSizes([380, 120])
    sizes = (window.main_split.sizes(), window.vertical_split.sizes())
    window.close()
    again = make_window(qtbot, settings, dialogs)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (760, 560)
    assert (again.main_split.sizes(), again.vertical_split.sizes()) == sizes
    assert again.current is None and again.reopen_last_agent()
    assert again.current.path == path
    path.unlink()
    again.close()
    third = make_window(qtbot, settings, dialogs)
    assert not third.reopen_last_agent()  # gone since: nothing to reopen, no question
    assert not dialogs.asked("show_error")
