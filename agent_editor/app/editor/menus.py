"""The editor window's menu bar: File, Edit, View, Try and Help, and the keys of their actions.

Each action calls a method of the window (or of the parts it owns); the window keeps the
actions it enables and checks (``save_action``, ``preview_action`` ...) as attributes.
Texts are translated in the window's context, as they were when the window made them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from agent_editor.app.actions import add_action
from agent_editor.app.look.menu import add_appearance_menu
from agent_editor.app.tryout import add_try_menu

if TYPE_CHECKING:
    from agent_editor.app.editor.window import MainWindow


def build_menus(window: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    tr = window.tr
    file_menu = window.menuBar().addMenu(tr("&File"))
    add_action(window, file_menu, tr("&Open…"), window.open_dialog, keys.Open, tr("Open agent files"))
    add_action(window, file_menu, tr("Open &Folder…"), window.open_folder_dialog, "Ctrl+Shift+O",
               tr("Open a folder of agents"))
    window.remembered.add_menu(file_menu)
    add_action(window, file_menu, tr("&Compare Variants…"), window.compare_dialog, "Ctrl+Shift+D",
               tr("Compare two or more variants of an agent side by side"))
    file_menu.addSeparator()
    window.save_action = add_action(window, file_menu, tr("&Save"), window.save, keys.Save)
    window.save_as_action = add_action(window, file_menu, tr("Save &As…"), window.save_as, keys.SaveAs)
    window.reload_action = add_action(window, file_menu, tr("&Reload from Disk"), window.reload, None,
                                      tr("Read the file again, dropping unsaved changes"))
    window.version_actions.add_to_menu(file_menu)
    file_menu.addSeparator()
    window.library_actions.add_to_menu(file_menu)
    file_menu.addSeparator()
    quit_action = add_action(window, file_menu, tr("&Quit"), window.close, keys.Quit)
    if quit_action.shortcut().isEmpty():
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    edit_menu = window.menuBar().addMenu(tr("&Edit"))
    window.undo_action = undo = window.undo_group.createUndoAction(window, tr("&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
    window.redo_action = redo = window.undo_group.createRedoAction(window, tr("&Redo"))
    # Ctrl+Y and Ctrl+Shift+Z both redo, each once: a key bound twice to one
    # action is ambiguous to Qt and does nothing.
    redo_keys = QKeySequence.keyBindings(keys.Redo)
    for extra in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
        if extra not in redo_keys:
            redo_keys.append(extra)
    redo.setShortcuts(redo_keys)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(window.library_actions.undo_trash_action)
    edit_menu.addSeparator()
    for action in window.body.find_actions.all():
        edit_menu.addAction(action)
        window.addAction(action)

    view_menu = window.menuBar().addMenu(tr("&View"))
    window.preview_action = add_action(window, view_menu, tr("&Preview"), window._toggle_preview, "Ctrl+Shift+P")
    window.preview_action.setCheckable(True)
    window.preview_action.setChecked(True)
    window.problems_action = add_action(window, view_menu, tr("P&roblems"), window._toggle_problems, "Ctrl+Shift+M")
    window.problems_action.setCheckable(True)
    window.problems_action.setChecked(True)
    view_menu.addSeparator()
    window.appearance_menu = add_appearance_menu(view_menu, window.settings)

    window.try_action = add_try_menu(window, lambda: [window.current])
    from agent_editor.app.language import add_language_menu

    add_language_menu(window, view_menu)
    help_menu = window.menuBar().addMenu(tr("&Help"))
    window.guide_action = add_action(window, help_menu, tr("&User Guide"), window.show_guide, keys.HelpContents,
                                     tr("How to write an agent Claude Code uses well"))
    add_action(window, help_menu, tr("&Keyboard Shortcuts"), window.show_shortcuts, "Ctrl+/",
               tr("Every key the editor answers to"))
    add_action(window, help_menu, tr("&Welcome"), window.show_welcome, None,
               tr("What the examples are and where your agents belong"))
    help_menu.addSeparator()
    add_action(window, help_menu, tr("&About Agent Editor"), window._show_about)
