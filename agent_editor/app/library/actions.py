"""What the author can do to agent files from the library: new, duplicate, rename, delete and back.

``LibraryActions`` owns the menu and context-menu actions and runs their flows against
the editor window: every question goes through the window's ``dialogs``, the file work
through ``agent_editor.library.files``. Deleting moves the file to the system trash
(``QFile.moveToTrash``), never deletes it for good; each move is remembered so that
Undo puts it back, byte for byte, for as long as the app runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFile, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence

from agent_editor.agentfile.fileio import DocumentError
from agent_editor.app.actions import add_action
from agent_editor.app.documents import documents
from agent_editor.app.plain_text import escape
from agent_editor.library.scopes import user_agents_folder


_ADDED_FOLDERS = "library/folders"


class LibraryActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.trashed: list[tuple[Path, Path]] = []  # (where it was, where the trash keeps it), newest last

    @property
    def library(self):
        return self.window.library

    # ----- building ------------------------------------------------------------------

    def add_to_menu(self, file_menu) -> None:
        """The actions, in the File menu and the list's context menu; the window puts
        ``undo_trash_action`` in its Edit menu."""
        keys = QKeySequence.StandardKey
        w = self.window
        first = file_menu.actions()[0] if file_menu.actions() else None
        self.new_action = add_action(w, file_menu, "&New Agent…", self.new_agent, keys.New,
                                     "Start a new agent from a template")
        if first is not None:  # New comes first in a File menu
            file_menu.removeAction(self.new_action)
            file_menu.insertAction(first, self.new_action)
        self.duplicate_action = add_action(w, file_menu, "D&uplicate as Variant", self.duplicate, "Ctrl+D",
                                           "Copy this agent under a new name and compare the two")
        self.rename_action = add_action(w, file_menu, "Rena&me…", self.rename, "F2",
                                        "Change the agent's name and its file name together")
        self.rename_md_action = add_action(w, file_menu, "Rename to .&md", self.rename_to_md, None,
                                           "Give the file the .md ending Claude Code reads")
        self.trash_action = add_action(w, file_menu, "Move to &Trash", self.move_to_trash, keys.Delete,
                                       "Move the agent's file to the system trash (Edit › Undo Move to Trash "
                                       "brings it back)")
        # Delete is a key every text field uses: it trashes a file only from the list.
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_folder_action = add_action(w, file_menu, "Add Folder to &Library…", self.add_folder, None,
                                            "List the agents of another folder in the library too")
        self.undo_trash_action = QAction("Undo Move to Trash", w)
        self.undo_trash_action.setStatusTip("Put the last agent moved to the trash back where it was")
        self.undo_trash_action.triggered.connect(self.undo_move_to_trash)
        self.undo_trash_action.setEnabled(False)
        file_menu.aboutToShow.connect(self._update_enabled)
        self._update_enabled()

    def attach(self, library) -> None:
        """Put the actions on the agent list, once the window has built it."""
        library.list.addAction(self.trash_action)
        library.context_actions = [self.new_action, self.duplicate_action, self.rename_action,
                                   self.rename_md_action, None, self.trash_action, self.undo_trash_action]
        library.context_menu_about_to_show.connect(self._update_enabled)
        library.folder_removal_requested.connect(self.remove_folder)

    def _target(self) -> Path | None:
        """The agent acted on: the row chosen in the list, else the open file."""
        if self.window.library_shown:
            chosen = self.library.current_path()
            if chosen is not None:
                return chosen
        current = self.window.current
        return current.path if current is not None else None

    def _update_enabled(self, *_args) -> None:
        """Only "Rename to .md" comes and goes; the others stay enabled and say why when they cannot act."""
        path = self._target()
        self.rename_md_action.setVisible(path is not None and path.suffix != ".md")

    # ----- new and duplicate -------------------------------------------------------------

    def new_agent(self) -> bool:
        """Start an unsaved agent from a template the author chooses; its name unused where it will go."""
        from agent_editor.library import files  # with the headers it reads (PyYAML): not before the first frame

        template = self.window.dialogs.ask_template(files.templates())
        if template is None:
            return False
        taken = self._names_where_new_agents_go()
        name = files.unused_name(template.name, taken)
        text = files.with_name(template.text, name) if name != template.name else template.text
        return self.window.new_agent(text)

    def _names_where_new_agents_go(self) -> set[str]:
        folder = self.new_agent_folder()
        scope = self.library.collection.scope_for(folder / "x.md") if folder else None
        return self.library.collection.names_in(scope) if scope else set()

    def new_agent_folder(self) -> Path:
        """Where a new agent is saved unless the author chooses otherwise: the folder shown, or the
        project's agents folder; the user's agents folder when neither is there (never the home folder)."""
        return self.library.default_folder() or self._open_folder() or user_agents_folder()

    def _open_folder(self) -> Path | None:
        """The open file's folder, unless it belongs to a plugin."""
        current = self.window.current
        if current is None or current.path is None:
            return None
        scope = self.library.collection.scope_for(current.path)
        return None if scope is not None and scope.read_only else current.path.parent

    def duplicate(self) -> Path | None:
        """Copy the agent as a variant with a new name, then compare the two side by side."""
        from agent_editor.library import files

        path = self._target()
        if path is None:
            return None
        collection = self.library.collection
        scope = collection.scope_for(path)
        folder = None
        if scope is not None and scope.read_only:
            folder = self.library.default_folder() or user_agents_folder()
            scope = collection.scope_for(folder / "x.md")
        taken = collection.names_in(scope) if scope is not None else set()
        current = self.window.current
        text = current.document.to_text() if current is not None and current.path == path and current.is_modified \
            else None
        try:
            copy = files.duplicate(path, taken, folder, text)
        except DocumentError as error:
            self.window.dialogs.show_error("Not duplicated", error.message)
            return None
        collection.rescan()
        self.window.statusBar().showMessage(f"Made {copy.name}, a copy of {path.name}", 6000)
        self.window.compare_dialog([path, copy])
        return copy

    # ----- rename ------------------------------------------------------------------------

    def rename(self) -> Path | None:
        """Rename the agent and its file together; a name already used in its scope is refused."""
        from agent_editor.library import files

        path = self._target()
        if path is None:
            return None
        collection = self.library.collection
        scope = collection.scope_for(path)
        if scope is not None and scope.read_only:
            self._refuse_read_only(path)
            return None
        window = self.window
        current = window.current
        is_open = current is not None and current.path is not None and _same(current.path, path)
        if is_open and current.is_modified and not window.maybe_save():
            return None
        shown = documents().find(path)  # the file's document, if any window shows it
        if shown is not None and shown is not current and shown.is_modified:
            window.dialogs.show_error("Not renamed", f"“{path.name}” has changes that are not saved in another "
                                      "window. Save them there (or close that window) first.")
            return None
        entry = collection.entry(path)
        old_name = entry.name if entry is not None and entry.name else path.stem
        new_name = window.dialogs.ask_agent_name("Rename agent", f"New name for “{old_name}”:", old_name)
        if new_name is None or new_name.strip() == old_name and files.file_stem_for(new_name.strip()) == path.stem:
            return None
        taken = collection.names_in(scope, leaving_out=path) if scope is not None else set()
        try:
            if is_open and current.is_modified:  # the author chose not to save: the file is what is renamed
                current.reload()
            target = files.rename(path, new_name, taken)
        except DocumentError as error:
            window.dialogs.show_error("Not renamed", error.message)
            return None
        if shown is not None:  # every window showing it follows: one document per file
            shown.moved_to(target)
            try:
                shown.reload()  # the new name, read from the renamed file
            except DocumentError:
                pass
        collection.rescan()
        self.library.select(target)
        window.statusBar().showMessage(f"Renamed to {target.name}", 6000)
        return target

    def rename_to_md(self) -> Path | None:
        """Give a file Claude Code never reads the .md ending (its text unchanged)."""
        from agent_editor.library import files

        path = self._target()
        if path is None or path.suffix == ".md":
            return None
        try:
            target = files.rename_to_md(path)
        except DocumentError as error:
            self.window.dialogs.show_error("Not renamed", error.message)
            return None
        current = self.window.current
        if current is not None and current.path is not None and _same(current.path, path):
            current.moved_to(target)
            self.window.banner.hide()
        self.library.collection.rescan()
        self.library.select(target)
        self.window.statusBar().showMessage(f"Renamed to {target.name}: Claude Code reads it now", 6000)
        return target

    def offer_md_rename(self, path: Path | None) -> None:
        """An open file Claude Code never reads (not .md): say so plainly, and offer the fix."""
        if path is None or path.suffix == ".md":
            return
        self.window.banner.ask(
            f"Claude Code never reads “{escape(path.name)}”: it reads only files whose name ends in .md.",
            [(f"Rename to {path.stem}.md", self.rename_to_md), ("Not Now", lambda: None)])

    # ----- trash -------------------------------------------------------------------------

    def move_to_trash(self) -> bool:
        """Move the agent's file to the system trash; Undo Move to Trash brings it back."""
        path = self._target()
        if path is None:
            return False
        window = self.window
        scope = self.library.collection.scope_for(path)
        if scope is not None and scope.read_only:
            self._refuse_read_only(path)
            return False
        current = window.current
        is_open = current is not None and current.path is not None and _same(current.path, path)
        if is_open and current.is_modified and not window.dialogs.ask_trash_with_changes(current.display_name):
            return False
        neighbour = self._neighbour(path)
        in_trash = _move_to_trash(path)
        if in_trash is None:
            window.dialogs.show_error(
                "Not moved to the trash",
                f"“{path.name}” could not be moved to the trash, so it is still where it was. This system may "
                "have no trash for that folder; the app never deletes a file for good.")
            return False
        self.trashed.append((path, in_trash))
        self.undo_trash_action.setEnabled(True)
        self.undo_trash_action.setText(f"Undo Move to Trash (“{path.name}”)")
        if is_open:
            window.close_document()
        self.library.collection.rescan()
        if is_open and neighbour is not None:
            window.open_file(neighbour)
        window.banner.ask(f"“{escape(path.name)}” was moved to the trash.",
                          [("Undo", self.undo_move_to_trash), ("Dismiss", lambda: None)])
        return True

    def undo_move_to_trash(self) -> Path | None:
        """Put the last file moved to the trash back where it was."""
        from agent_editor.library import files

        if not self.trashed:
            return None
        original, in_trash = self.trashed[-1]
        try:
            files.restore_from_trash(in_trash, original)
        except DocumentError as error:
            self.window.dialogs.show_error("Not put back", error.message)
            return None
        self.trashed.pop()
        self.undo_trash_action.setEnabled(bool(self.trashed))
        self.undo_trash_action.setText(f"Undo Move to Trash (“{self.trashed[-1][0].name}”)" if self.trashed
                                       else "Undo Move to Trash")
        self.window.banner.hide()
        self.library.collection.rescan()
        self.window.statusBar().showMessage(f"“{original.name}” is back", 6000)
        if self.window.current is None:
            self.window.open_file(original)
        else:
            self.library.select(self.window.current.path)
        return original

    def _neighbour(self, path: Path) -> Path | None:
        paths = self.library.paths()
        if path not in paths:
            return None
        index = paths.index(path)
        rest = paths[index + 1:] + paths[:index][::-1]
        return rest[0] if rest else None

    # ----- folders --------------------------------------------------------------------------

    def added_folders(self) -> list[Path]:
        """The folders the author added to the library (remembered between runs)."""
        value = self.window.settings.value(_ADDED_FOLDERS, []) or []
        return [Path(p) for p in ([value] if isinstance(value, str) else value) if isinstance(p, str)]

    def add_folder(self) -> None:
        folder = self.window.dialogs.ask_folder(None)
        if folder is not None:
            self._set_added_folders([p for p in self.added_folders() if p != folder] + [folder])

    def remove_folder(self, folder: Path) -> None:
        """Stop listing an added folder (its files are not touched)."""
        self._set_added_folders([p for p in self.added_folders() if p != folder])

    def _set_added_folders(self, folders: list[Path]) -> None:
        self.window.settings.setValue(_ADDED_FOLDERS, [str(p) for p in folders])
        self.library.show_project(self.library.project_start or Path.cwd(), folders)

    def refuses_save(self, path: Path | None) -> bool:
        """A plugin's agent is not saved over (Save As a copy is fine); says why when refusing."""
        scope = self.library.collection.scope_for(path) if path is not None else None
        if scope is not None and scope.read_only:
            self._refuse_read_only(path)
            return True
        return False

    def _refuse_read_only(self, path: Path) -> None:
        self.window.dialogs.show_error(
            "Part of a plugin",
            f"“{path.name}” belongs to a plugin, which Claude Code replaces when it updates the plugin. "
            "Use Duplicate as Variant (or Save As) to make your own copy and change that.")


def _move_to_trash(path: Path) -> Path | None:
    """Move a file to the system trash; where the trash keeps it, or None when it could not."""
    for attempt in range(2):
        handle = QFile(str(path))
        if handle.moveToTrash():
            return Path(handle.fileName())  # after the move, the name is the one in the trash
        if attempt == 0:
            # Qt finds no trash when the data folder (~/.local/share) does not exist yet, as on
            # a new account: make it, as any desktop program would on first use, and try again.
            data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
            if not data or Path(data).is_dir():
                return None
            try:
                Path(data).mkdir(parents=True, exist_ok=True)
            except OSError:
                return None
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == b
