"""The editor window: lays out the form, body, preview, problems and file list, and runs the flows.

The window owns no document state: each open file is an ``OpenDocument``, and the
widgets show it. What the window does own are the flows between them: open, switch,
save (refused while an error stands), the unsaved-changes question, and what happens
when another program changes the file. Every question goes through ``self.dialogs``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agent_editor import __version__
from agent_editor.app.dialogs import Dialogs, SaveChoice
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.app.documents import documents
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.safety.earlier import VersionActions
from agent_editor.app.remembered import Remembered
from agent_editor.app.saving import save_document
from agent_editor.app.undo import SharedUndoGroup
from agent_editor.agentfile.problem import Problem
from agent_editor.app.access.tab_order import chain_in_layout_order, next_in_round
from agent_editor.app.claudeview.install import install as install_claude_view
from agent_editor.app.editor.banner import Banner
from agent_editor.app.editor.body_editor import BodyEditor
from agent_editor.app.editor.menus import build_menus
from agent_editor.app.editor.fit import WindowFit
from agent_editor.app.library.actions import LibraryActions
from agent_editor.app.editor.preview import PreviewView
from agent_editor.app.editor.stand_ins import form_stand_in, put_in_place
from agent_editor.app.editor.problems import ProblemsPanel
from agent_editor.app.plain_text import plain_label
from agent_editor.app.painting import SETTLE_MS, after_first_paint

if TYPE_CHECKING:
    from agent_editor.app.editor.form.header_form import HeaderForm
    from agent_editor.app.library.panel import LibraryPanel

APP_NAME = "Agent Editor"
NEW_AGENT_TEXT = """---
name: new-agent
description: Use this agent when ... (say what it is for and when Claude should call it)
---

You are ...
"""


class MainWindow(QMainWindow):
    def __init__(self, dialogs: Dialogs | None = None, settings: QSettings | None = None):
        super().__init__()
        self.dialogs = dialogs or Dialogs(self)
        self.settings = settings or QSettings()
        self.current: OpenDocument | None = None
        self.welcome = None  # the welcome panel, once shown
        self._document_connections: list = []  # to the shown document, undone when another is shown
        self.undo_group = SharedUndoGroup(self)
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 880)

        # The agent list (``library``) is built when a folder is first listed or when first asked
        # for: a window showing one file never lists agents. Until then a hidden stand-in keeps
        # its place, which the window's arrangement (``fit``) may move.
        self._library: LibraryPanel | None = None
        self._library_slot = QWidget(objectName="librarySlot")
        self.library_actions = LibraryActions(self)
        self.version_actions = VersionActions(self)
        self.remembered = Remembered(self, self.settings)
        # The header form (two hundred widgets and the modules behind them) is built after the
        # first frame, or when first asked for (``form``): the instructions and the preview come
        # first. Until then its pane holds an empty placeholder of the form's width.
        self._form: HeaderForm | None = None
        self._form_slot = form_stand_in()
        self.body = BodyEditor()
        self.preview = PreviewView()
        self.problems = ProblemsPanel()
        self.problems.problem_activated.connect(self._on_problems_problem_activated)
        self.problems.fix_requested.connect(self._on_problems_fix_requested)
        self.banner = Banner()

        self.editor_split = editors = QSplitter(Qt.Orientation.Horizontal, objectName="editorSplit")
        editors.addWidget(self._titled(self.tr("Instructions (Markdown)"), self.body))
        editors.addWidget(self._titled(self.tr("Preview"), self.preview))
        self.main_split = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplit")
        self.main_split.addWidget(self._library_slot)
        form_host = self._titled(self.tr("Header"), self._form_slot)
        self.main_split.addWidget(form_host)
        self.main_split.addWidget(editors)
        self.main_split.setSizes([240, 430, 730])
        self.main_split.setStretchFactor(2, 1)
        self._library_slot.hide()
        self.vertical_split = QSplitter(Qt.Orientation.Vertical, objectName="verticalSplit")
        self.vertical_split.addWidget(self.main_split)
        self.vertical_split.addWidget(self.problems)
        self.vertical_split.setSizes([700, 150])
        self.vertical_split.setChildrenCollapsible(False)
        self.fit = WindowFit(self, library=self._library_slot, form=form_host, editors=editors,
                             main_split=self.main_split, vertical_split=self.vertical_split,
                             instructions=self.body.editor, problems=self.problems)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.vertical_split)
        self.setCentralWidget(central)
        self.status = plain_label()
        self.statusBar().addPermanentWidget(self.status)
        build_menus(self)
        self.claude_view = install_claude_view(self)
        self.remembered.restore_layout()
        self._set_editing_enabled(False)
        # Controls made later (a field shown on demand, a Fix button) join the Tab order
        # where they stand on screen, not at its end. Nobody presses Tab before the first
        # frame, so it is first set after it.
        self._tab_order_timer = QTimer(self, singleShot=True, interval=0)
        self._tab_chain: list[QWidget] = []
        self._header_due = False  # whether the form and the problems may be shown (see ``_show_header``)
        self._problems_waiting = False  # the current document's, until then
        self._tab_order_timer.timeout.connect(self._on_tab_order_timer_timeout)
        after_first_paint(self, self._on_first_painted)
        # What the header says, once the first frame and the events that came with it are handled.
        after_first_paint(self, self._show_header, delay_ms=SETTLE_MS)

    def _on_tab_order_timer_timeout(self) -> None:
        self._tab_chain = chain_in_layout_order(self)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        # Tab and Shift+Tab follow the chain in screen order, round from the last control to
        # the first, whatever Qt's own focus list has come to (see access/tab_order.py).
        target = next_in_round(self._tab_chain, QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def _on_first_painted(self) -> None:
        self._tab_order_timer.start()
        self.fit.arranged.connect(self._tab_order_timer.start)

    @property
    def form(self) -> HeaderForm:
        """The header form, built on first use (see ``__init__``) and showing the current document."""
        if self._form is None:
            self._show_header()
            self._build_form()
        return self._form

    @property
    def header_shown(self) -> bool:
        """Whether the problems are shown, and the form is or comes next (see ``_show_header``)."""
        return self._header_due or not self.isVisible()

    def _show_header(self) -> None:
        """The problems, then the form in the next turn of the event loop: they come after the
        first frame, which shows the body and the preview, each in a turn of its own (reading
        and checking the header loads PyYAML; the form is two hundred widgets)."""
        if self._header_due:
            return
        self._header_due = True
        if self._problems_waiting:
            self._show_problems()
        QTimer.singleShot(0, self, self._on_form_due)

    def _on_form_due(self) -> None:
        if self._form is None:  # else asked for meanwhile
            self._build_form()

    def _build_form(self) -> None:
        from agent_editor.app.editor.form.header_form import HeaderForm  # loaded with the form

        self._form = form = HeaderForm()
        form.error_raised.connect(self._on_form_error_raised)
        form.rows_built.connect(self._tab_order_timer.start)
        put_in_place(self._form_slot, form)
        form.bind(self.current)
        self.fit.arrange_soon()  # once the form is laid out: its width may change the arrangement
        self._tab_order_timer.start()

    @property
    def library(self) -> LibraryPanel:
        """The agent list, built in the stand-in's place on first use (see ``__init__``)."""
        if self._library is None:
            from agent_editor.app.library.panel import LibraryPanel  # loaded with the list

            panel = LibraryPanel()
            panel.file_chosen.connect(self._on_library_file_chosen)
            panel.compare_requested.connect(self.compare_dialog)
            panel.entries_changed.connect(self._on_library_entries_changed)
            self._library = panel
            put_in_place(self._library_slot, panel)  # in the main splitter, or the column the arrangement made
            self.fit.take_library(panel)
            self.library_actions.attach(panel)
        return self._library

    @property
    def library_shown(self) -> bool:
        """Whether the agent list is on screen (asked without building it)."""
        return self._library is not None and self._library.isVisible()

    def _select_in_library(self, path: Path | None) -> None:
        if self._library is not None:  # else nothing is listed
            self._library.select(path)

    @property
    def claude_panel(self):
        """The “How Claude sees it” panel (built on first use)."""
        return self.claude_view.panel

    # ----- layout helpers -----------------------------------------------------------

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        host = QWidget()
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        label = QLabel(title, objectName="paneTitle")
        box.addWidget(label)
        box.addWidget(widget)
        return host

    # ----- opening --------------------------------------------------------------------

    def open_paths(self, paths: list[Path], library_title: str | None = None) -> bool:
        """Open files, or a folder as a list of its agents; the first file is shown."""
        folders = [p for p in paths if p.is_dir()]
        files = [p for p in paths if not p.is_dir()]
        for folder in folders:
            self.remembered.note_opened(folder)
        if len(files) > 1 or folders:
            title = library_title or (folders[0].name if len(folders) == 1 and len(paths) == 1 else self.tr("Agents"))
            files = self.library.show_paths(list(paths), title)
        return self._open_first(files)

    def open_project(self, start: Path) -> bool:
        """List every agent Claude Code would see from the project at ``start``, by scope."""
        self.remembered.note_opened(start)
        return self._open_first(self.library.show_project(start, self.library_actions.added_folders()))

    def reopen_last_agent(self) -> bool:
        """Show the agent that was open when the window last closed, if it is still there."""
        last = self.remembered.last_agent()
        return last is not None and self.open_file(last)

    def _open_first(self, files: list[Path]) -> bool:
        if not files:
            self.statusBar().showMessage(self.tr("No agent files (*.md) here yet."), 8000)
            return False
        return self.open_file(files[0])

    def new_agent(self, text: str = NEW_AGENT_TEXT) -> bool:
        """Start an unsaved agent from ``text`` (a short outline); saving asks where to put it."""
        if not self._may_let_go():
            return False
        self._show_document(documents().hold(OpenDocument(AgentDocument.parse(text)), self))
        self._select_in_library(None)
        self.form.focus_field("name")
        return True

    def open_dialog(self) -> None:
        folder = self.current.path.parent if self.current and self.current.path else None
        paths = self.dialogs.ask_open_paths(folder)
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = self.dialogs.ask_folder(self.current.path.parent if self.current and self.current.path else None)
        if folder:
            self.open_paths([folder])

    def compare_dialog(self, paths: list[Path] | None = None) -> None:
        """Compare the files given, the two or more selected in the list, or files the author picks."""
        from agent_editor.app.compare.window import open_compare_window  # loaded when first asked for

        if not paths:
            selected = self.library.selected_paths() if self.library_shown else []
            if len(selected) >= 2:
                paths = selected
            elif not self.dialogs.ask_choose_variants(self.library_shown, len(selected)):
                return
        folder = self.current.path.parent if self.current and self.current.path else None
        open_compare_window(self, self.dialogs, folder, paths or None)

    def open_file(self, path: Path) -> bool:
        """Show a file, after asking about unsaved changes in the current one."""
        if self.current is not None and self.current.path is not None and _same(self.current.path, path):
            return True
        try:  # read it first: a file that cannot be opened needs no decision about this one
            opened = documents().open(path, self)
        except DocumentError as error:
            self.dialogs.show_error(self.tr("Cannot open this file"), error.message)
            self._select_current_in_library()
            return False
        if not self._may_let_go():
            documents().release(opened, self)
            self._select_current_in_library()
            return False
        self._show_document(opened)
        self._select_in_library(path)
        self.remembered.note_opened(path)
        return True

    def show_open_document(self, document: OpenDocument) -> bool:
        """Show a document another window has open (a restored draft, a compared file)."""
        if document is self.current:
            return True
        if not self._may_let_go():
            return False
        self._show_document(documents().hold(document, self))
        self._select_in_library(document.path)
        return True

    def _select_current_in_library(self) -> None:
        if self.current is not None and self.current.path is not None:
            self._select_in_library(self.current.path)

    def _show_document(self, opened: OpenDocument) -> None:
        self._let_go_of_current()
        self.current = opened
        self.undo_group.addStack(opened.undo_stack)
        self.undo_group.setActiveStack(opened.undo_stack)
        self._document_connections = [
            (opened.modified_changed, opened.modified_changed.connect(self._update_title)),
            (opened.path_changed, opened.path_changed.connect(self._update_title)),
            (opened.problems_changed, opened.problems_changed.connect(self._on_document_problems_changed)),
            (opened.preview_rendered, opened.preview_rendered.connect(self._on_document_preview_rendered)),
            (opened.file_changed_on_disk, opened.file_changed_on_disk.connect(self._on_document_file_changed_on_disk)),
            (opened.saved, opened.saved.connect(self._on_document_saved)),
            (opened.reloaded, opened.reloaded.connect(self.banner.hide)),
            (opened.fields_changed, opened.fields_changed.connect(self._on_document_layout_may_change)),
            (opened.problems_changed, opened.problems_changed.connect(self._on_document_layout_may_change)),
        ]
        self.banner.hide()
        if self._form is not None:  # else it shows this document when it is built
            self._form.bind(opened)
        self.body.bind(opened)
        self.claude_view.bind(opened)
        self.preview.show_html("", keep_position=False)
        opened.render_preview_now()
        self.preview.verticalScrollBar().setValue(0)
        self._set_editing_enabled(True)
        self._update_title()
        self._show_problems()
        self.library_actions.offer_md_rename(opened.path)

    def close_document(self) -> None:
        """Stop showing the current document, dropping unsaved changes (the caller has asked)."""
        self._let_go_of_current()
        if self._form is not None:
            self._form.bind(None)
        self.body.bind(None)
        self.claude_view.bind(None)
        self.problems.show_problems([])
        self.preview.show_html("", keep_position=False)
        self.banner.hide()
        self._set_editing_enabled(False)
        self._update_title()
        self._tab_order_timer.start()

    def _let_go_of_current(self) -> None:
        """Stop showing the current document; it lives on while another window shows it."""
        old, self.current = self.current, None
        if old is None:
            return
        for signal, connection in self._document_connections:
            signal.disconnect(connection)
        self._document_connections = []
        self.undo_group.removeStack(old.undo_stack)
        documents().release(old, self)

    def _may_let_go(self) -> bool:
        """Whether the current document may stop being shown here: asked only when no
        other window (a compare view) still shows it with its changes."""
        if self.current is not None and documents().is_held_elsewhere(self.current, self):
            return True
        return self.maybe_save()

    # ----- saving ---------------------------------------------------------------------

    def save(self) -> bool:
        if self.current is None:
            return False
        if self.current.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.current is None:
            return False
        suggested = self.current.path or self.library_actions.new_agent_folder() / \
            f"{self.current.fields.get('name') or 'agent'}.md"
        target = self.dialogs.ask_save_path(suggested)
        if target is None:
            return False
        return self._save_to(target)

    def _save_to(self, target: Path | None) -> bool:
        assert self.current is not None
        if target is None and self.library_actions.refuses_save(self.current.path):
            return False
        return save_document(self.current, self.dialogs, target)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or unmodified)."""
        if self.current is None or not self.current.is_modified:
            return True
        choice = self.dialogs.ask_save_changes(self.current.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def reload(self) -> None:
        if self.current is None or self.current.path is None:
            return
        if not self.maybe_save():  # "Save" saves first; "Don't Save" drops the changes
            return
        self._reload_current()

    def _reload_current(self) -> None:
        try:
            self.current.reload()
        except DocumentError as error:
            self.dialogs.show_error(self.tr("Cannot reload"), error.message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._may_let_go():
            self.remembered.save_layout()
            self.remembered.save_last_agent(self.current.path if self.current is not None else None)
            event.accept()
            if self.current is not None:
                if self._form is not None:
                    self._form.bind(None)
                self.body.bind(None)
                self.claude_view.bind(None)
                self._let_go_of_current()
        else:
            event.ignore()

    # ----- reacting to the document --------------------------------------------------

    def _update_title(self, *_args) -> None:
        if self.current is None:
            self.setWindowTitle(APP_NAME)
            return
        self.setWindowTitle(f"{self.current.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.current.is_modified)
        self.status.setText(str(self.current.path) if self.current.path else "")

    def _on_document_layout_may_change(self, *_args) -> None:
        self._tab_order_timer.start()

    def _on_document_problems_changed(self, problems: list[Problem]) -> None:
        self.problems.show_problems(self._all_problems(problems))

    def _show_problems(self) -> None:
        """The current document's problems; in a window about to show its first frame, once
        that frame is out (see ``_show_header``)."""
        self._problems_waiting = self.current is not None and not self.header_shown
        if self.current is not None and not self._problems_waiting:
            self.problems.show_problems(self._all_problems(self.current.problems))

    def _all_problems(self, problems: list[Problem]) -> list[Problem]:
        """The open file's own problems, and what other files in the library say about it."""
        from agent_editor.agentfile.validation import not_md_problem  # loaded with the problems

        path = self.current.path if self.current else None
        if self._library is not None:
            return problems + self._library.problems_for(path)
        return problems + ([not_md_problem(path)] if path is not None and path.suffix != ".md" else [])

    def _on_library_entries_changed(self) -> None:
        self._show_problems()

    def _on_document_preview_rendered(self, html: str) -> None:
        self.preview.show_html(html)

    def _on_document_saved(self) -> None:
        self.banner.hide()  # whatever it asked about the file on disk, the file is now this text
        self.statusBar().showMessage(self.tr("Saved {name}").format(name=self.current.display_name), 4000)
        if self._library is not None:
            self._library.refresh([self.current.path])  # a new file in a listed folder joins the list
        self._select_in_library(self.current.path)

    def _on_document_file_changed_on_disk(self, deleted: bool) -> None:
        shown = html.escape(self.current.display_name)
        tr = self.tr
        if deleted:
            self.banner.ask(tr("<b>“{name}” was deleted or moved by another program.</b> Your text is still "
                               "here: click Save Again to write the file back.").format(name=shown),
                            [(tr("Save Again"), self._save_again), (tr("Dismiss"), lambda: None)])
        elif self.current.is_modified:
            self.banner.ask(tr("<b>Another program changed “{name}”</b> while you have unsaved changes here. "
                               "Use the file as it is now (your changes are dropped), or keep your version "
                               "(saving it replaces theirs).").format(name=shown),
                            [(tr("Use the File on Disk"), self._reload_current),
                             (tr("Compare"), self.version_actions.compare_with_disk),
                             (tr("Keep My Version"), self.current.keep_mine)])
        else:
            # Unmodified, it is reloaded at once, unless it cannot be read (yet): say so.
            self.banner.ask(tr("<b>Another program changed “{name}”</b>, and it cannot be read as it is now. "
                               "Try again once the other program is done, or keep the version shown here.")
                            .format(name=shown),
                            [(tr("Use the File on Disk"), self._reload_current),
                             (tr("Keep My Version"), self.current.keep_mine)])

    def _save_again(self) -> None:
        # The banner has just asked; saving must not ask the same thing again.
        if self.current is not None:
            self.current.keep_mine()
            self.save()

    def _on_library_file_chosen(self, path: Path) -> None:
        self.open_file(path)

    def _on_form_error_raised(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_problems_problem_activated(self, problem: Problem) -> None:
        if problem.field and self.form.focus_field(problem.field):
            return
        if problem.line and self.current is not None:
            body_line = problem.line - self.current.document.body_first_line + 1
            if body_line >= 1:
                self.body.go_to_line(body_line)
            else:
                self.form.show_header_line(problem.line)

    def _on_problems_fix_requested(self, fix) -> None:
        if self.current is None:
            return
        try:
            self.current.apply_fix(fix)
        except DocumentError as error:
            self.dialogs.show_error(self.tr("Could not apply the fix"), error.message)

    # ----- view -----------------------------------------------------------------------

    def _toggle_preview(self, shown: bool) -> None:
        self.preview.parentWidget().setVisible(shown)

    def _toggle_problems(self, shown: bool) -> None:
        self.problems.setVisible(shown)

    def _set_editing_enabled(self, enabled: bool) -> None:
        for action in (self.save_action, self.save_as_action, self.reload_action):
            action.setEnabled(enabled)
        self.version_actions.set_enabled(enabled)

    # ----- help -----------------------------------------------------------------------

    def show_welcome(self) -> None:
        from agent_editor.app.help.welcome import show_welcome_panel

        show_welcome_panel(self)

    def show_guide(self) -> None:
        from agent_editor.app.help.guide import GuideDialog
        from agent_editor.app.language import chosen_locale

        GuideDialog(chosen_locale(self.settings).name()[:2], self).show()

    def show_shortcuts(self) -> None:
        from agent_editor.app.access.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).show()

    def _show_about(self) -> None:
        self.dialogs.show_about(
            self.tr("About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3><p>"
            + self.tr("Edit Claude Code agent files with a form, a Markdown editor and a live preview. It reads "
                      "every file the way Claude Code reads it and writes back only what you changed.")
            + "</p>",
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


__all__ = ["MainWindow", "Banner"]
