"""The compare window: variants of an agent side by side, and changes carried between them.

The window lays out the compare widgets and runs the flows between them; the state
lives in a ``CompareSession`` (the variants as ``OpenDocument`` objects, the pair side
by side, the comparisons). With two variants it shows the pair: header fields, the
two bodies aligned line for line, and the sections that differ. With more it adds an
overview of all of them, from which any two can be opened side by side.

A field, a section or a single change carried across is one undo step on the variant
it changes; the Undo and Redo actions follow the variant last changed (or clicked).
Saving goes through each variant's own validation and lossless save; refusals and
errors, and the unsaved-changes question on closing, go through ``self.dialogs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from agent_editor.app.access.names import name
from agent_editor.compare.comparison import Comparison
from agent_editor.compare.model import Side
from agent_editor.compare.overview import Overview
from agent_editor.compare.sections import SectionMatch
from agent_editor.app.compare.session import CompareSession, StaleComparison, variant_letter
from agent_editor.app.dialogs import Dialogs, SaveChoice
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.app.documents import documents as open_documents
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.saving import save_document
from agent_editor.app.undo import SharedUndoGroup
from agent_editor.app.actions import add_action
from agent_editor.app.tryout import add_try_menu
from agent_editor.app.plain_text import tip as plain_tip
from agent_editor.app.compare.body import SideBySideBody
from agent_editor.app.compare.fields import FieldTable
from agent_editor.app.compare.header import Legend, VariantHeader
from agent_editor.app.compare.overview import OverviewView, VariantLabel, overview_summary, percent
from agent_editor.app.compare.sections import SectionNotes
from agent_editor.app.look.look import look
from agent_editor.app.look.menu import add_appearance_menu

APP_NAME = "Agent Editor"

__all__ = ["CompareWindow", "open_compare_window"]


class CompareWindow(QMainWindow):
    """Two or more variants compared; the chosen pair side by side."""

    comparison_updated = Signal()  # the pair view shows a new comparison
    overview_updated = Signal()

    def __init__(self, documents: Sequence[OpenDocument], dialogs: Dialogs | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.dialogs = dialogs or Dialogs(self)
        # Each variant is the app's one document of its file, shared with the editor.
        documents = [open_documents().hold(document, self) for document in documents]
        self._released = False
        self.session = CompareSession(documents, self)
        self.undo_group = SharedUndoGroup(self)
        self._document_connections: list = []
        for document in documents:
            self.undo_group.addStack(document.undo_stack)
            self._document_connections += [
                (document.modified_changed, document.modified_changed.connect(self._update_title)),
                (document.path_changed, document.path_changed.connect(self._update_title)),
                (document.saved, document.saved.connect(self._update_title)),
                (document.file_changed_on_disk, document.file_changed_on_disk.connect(
                    lambda deleted, d=document: self._on_document_file_changed_on_disk(d, deleted))),
            ]
        self.resize(1400, 880)

        self.headers = {Side.A: VariantHeader(), Side.B: VariantHeader()}
        for side, header in self.headers.items():
            header.save_requested.connect(lambda s=side: self._on_header_save_requested(s))
            header.activated.connect(lambda s=side: self._follow(s))
        self.fields = FieldTable()
        self.fields.copy_requested.connect(self._on_fields_copy_requested)
        self.body = SideBySideBody()
        self.body.current_change_changed.connect(self._on_body_current_change_changed)
        self.body.take_requested.connect(self._on_body_take_requested)
        self.body.pane_focused.connect(self._on_body_pane_focused)
        self.sections = SectionNotes()
        self.sections.section_chosen.connect(self._on_sections_section_chosen)
        self.sections.copy_requested.connect(self._on_sections_copy_requested)
        self.legend = Legend()
        self.overview = OverviewView()
        self.overview.pair_chosen.connect(self._on_overview_pair_chosen)
        self.fields_title = QLabel("Header fields", objectName="paneTitle")

        self.tabs = QTabWidget(objectName="compareTabs")
        self.tabs.setDocumentMode(True)
        self.pair_page = self._build_pair_page()
        if len(documents) > 2:
            self.tabs.addTab(self.overview, "Overview")
        self.tabs.addTab(self.pair_page, "Side by Side")
        self.tabs.tabBar().setVisible(len(documents) > 2)
        if len(documents) <= 2:  # a tab widget hands Tab to its tab bar; a hidden one would trap it
            self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        name(self.tabs.tabBar(), self.tr("Views"), self.tr("The overview of every variant, or two side by side"))
        self.setCentralWidget(self.tabs)

        self.change_label = QLabel(objectName="changeLabel")
        self.busy = QWidget()
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(8, 0, 8, 0)
        spinner = QProgressBar(objectName="busySpinner", minimum=0, maximum=0, textVisible=False)
        spinner.setFixedSize(90, 10)
        busy_row.addWidget(spinner)
        busy_row.addWidget(QLabel("Comparing…"))
        self.summary = QLabel(objectName="compareSummary")
        self._pair_summary = self._overview_summary = ""
        self.statusBar().addPermanentWidget(self.summary)
        self._build_actions()

        self.session.comparison_updated.connect(self._on_session_comparison_updated)
        self.session.overview_updated.connect(self._on_session_overview_updated)
        self.session.busy_changed.connect(self._on_session_busy_changed)
        self.session.pair_changed.connect(self._on_session_pair_changed)
        self.session.comparison_failed.connect(self._on_session_comparison_failed)
        self.overview.set_variants(self._labels())
        self._on_session_pair_changed(*self.session.pair)
        look().colours_changed.connect(self._on_look_colours_changed)
        self.session.refresh()

    @classmethod
    def from_paths(cls, paths: Sequence[Path | str], dialogs: Dialogs | None = None,
                   parent: QWidget | None = None) -> CompareWindow:
        """Open each file as a variant. Raises ``DocumentError`` (naming the file) when one cannot be read."""
        if len(paths) < 2:
            raise ValueError("a comparison needs at least two files")
        documents: list[OpenDocument] = []
        opening = object()  # holds the documents until the window does
        try:
            for path in paths:
                try:
                    documents.append(open_documents().open(Path(path), opening))
                except DocumentError as error:
                    raise DocumentError(f"{Path(path).name}: {error.message}", Path(path)) from error
            return cls(documents, dialogs, parent)
        finally:
            for document in documents:
                open_documents().release(document, opening)

    # ----- layout ------------------------------------------------------------------------

    def _build_pair_page(self) -> QWidget:
        page = QWidget(objectName="pairPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        cards = QHBoxLayout()
        cards.setContentsMargins(0, 0, 0, 0)
        cards.setSpacing(1)
        cards.addWidget(self.headers[Side.A], 1)
        cards.addWidget(self.headers[Side.B], 1)
        column.addLayout(cards)

        fields_host = QWidget()
        fields_box = QVBoxLayout(fields_host)
        fields_box.setContentsMargins(0, 0, 0, 0)
        fields_box.setSpacing(0)
        fields_box.addWidget(self.fields_title)
        fields_box.addWidget(self.fields)

        body_host = QWidget()
        body_box = QVBoxLayout(body_host)
        body_box.setContentsMargins(0, 0, 0, 0)
        body_box.setSpacing(0)
        body_box.addWidget(self.body, 1)
        legend_bar = QFrame(objectName="legendBar")
        legend_row = QHBoxLayout(legend_bar)
        legend_row.setContentsMargins(10, 4, 10, 4)
        legend_row.addWidget(self.legend)
        body_box.addWidget(legend_bar)

        lower = QSplitter(Qt.Orientation.Horizontal, objectName="compareBodySplit")
        lower.addWidget(body_host)
        lower.addWidget(self.sections)
        lower.setStretchFactor(0, 1)
        lower.setSizes([1120, 280])
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="compareSplit")
        self.split.addWidget(fields_host)
        self.split.addWidget(lower)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([310, 510])
        column.addWidget(self.split, 1)
        return page

    def _action(self, menu, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        return add_action(self, menu, text, slot, shortcuts, tip)

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self.save_all_action = self._action(file_menu, "&Save All", self.save_all, [keys.Save],
                                            "Save every variant with unsaved changes")
        self.save_a_action = self._action(file_menu, "Save &A", lambda: self.save_variant(self._index(Side.A)))
        self.save_b_action = self._action(file_menu, "Save &B", lambda: self.save_variant(self._index(Side.B)))
        file_menu.addSeparator()
        self._action(file_menu, "&Close", self.close, [keys.Close])

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.take_into_b_action = self._action(edit_menu, "Use A's Value in B", lambda: self.take_change(Side.B),
                                               ["Alt+Right"], "Replace B's lines of the current change with A's")
        self.take_into_a_action = self._action(edit_menu, "Use B's Value in A", lambda: self.take_change(Side.A),
                                               ["Alt+Left"], "Replace A's lines of the current change with B's")

        view_menu = self.menuBar().addMenu("&View")
        self.previous_change_action = self._action(view_menu, "&Previous Change",
                                                   lambda: self._step(self.body.previous_change),
                                                   ["Shift+F7", "Alt+Up"], "Go to the previous body change")
        self.next_change_action = self._action(view_menu, "&Next Change", lambda: self._step(self.body.next_change),
                                               ["F7", "Alt+Down"], "Go to the next body change")
        view_menu.addSeparator()
        self.wrap_action = self._action(view_menu, "&Wrap Lines", self.body.set_wrapped, ["Alt+Z"],
                                        "Wrap long lines (prose); the panes then keep together row by row")
        self.wrap_action.setCheckable(True)
        self.wrap_action.setChecked(self.body.wrapped)
        if len(self.session.documents) > 2:
            view_menu.addSeparator()
            self._action(view_menu, "&Overview", lambda: self.tabs.setCurrentWidget(self.overview), ["Ctrl+1"])
            self._action(view_menu, "&Side by Side", lambda: self.tabs.setCurrentWidget(self.pair_page), ["Ctrl+2"])
        view_menu.addSeparator()
        self.appearance_menu = add_appearance_menu(view_menu, QSettings())

        toolbar = QToolBar("Compare", objectName="compareToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.previous_change_action.setIconText("▲ Previous")
        self.next_change_action.setIconText("▼ Next")
        toolbar.addAction(self.previous_change_action)
        toolbar.addAction(self.next_change_action)
        self._change_label_action = toolbar.addWidget(self.change_label)
        toolbar.addSeparator()
        toolbar.addAction(self.take_into_b_action)
        toolbar.addAction(self.take_into_a_action)
        toolbar.addSeparator()
        self.undo_action.setIconText("↶ Undo")
        self.redo_action.setIconText("↷ Redo")
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.save_all_action)
        toolbar.addSeparator()
        self.wrap_action.setIconText("Wrap Lines")
        toolbar.addAction(self.wrap_action)
        toolbar.addSeparator()
        self.try_action = add_try_menu(self, lambda: self.session.documents, toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self._busy_action = toolbar.addWidget(self.busy)
        self._busy_action.setVisible(False)
        for document in self.session.documents:
            document.modified_changed.connect(self._update_actions)
        # What only makes sense for the pair side by side; the overview hides it.
        self._pair_only_actions = (self.previous_change_action, self.next_change_action, self.take_into_b_action,
                                   self.take_into_a_action, self.wrap_action)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # ----- naming ------------------------------------------------------------------------

    def _index(self, side: Side) -> int:
        return self.session.pair[0] if side is Side.A else self.session.pair[1]

    def _labels(self) -> list[VariantLabel]:
        labels = []
        for index, document in enumerate(self.session.documents):
            name = document.fields.get("name")
            labels.append(VariantLabel(variant_letter(index), document.display_name,
                                       name if isinstance(name, str) else ""))
        return labels

    def _letters(self) -> tuple[str, str]:
        return self.session.letter(Side.A), self.session.letter(Side.B)

    def _update_title(self, *_args) -> None:
        """"Compare: a.md ↔ b.md*": the unsaved mark follows the variant that is unsaved."""
        names = []
        placeholder = False  # Qt's [*] shows the mark; a second unsaved side gets a plain one
        for document in (self.session.left, self.session.right):
            mark = ("*" if placeholder else "[*]") if document.is_modified else ""
            placeholder = placeholder or document.is_modified
            names.append(document.display_name + mark)
        count = len(self.session.documents)
        pair = set(self.session.pair)
        others = [variant_letter(i) for i, d in enumerate(self.session.documents) if i not in pair and d.is_modified]
        of = f" (of {count}{'; ' + ', '.join(others) + ' unsaved' if others else ''})" if count > 2 else ""
        self.setWindowTitle(f"Compare: {names[0]} ↔ {names[1]}{of}{'' if placeholder else '[*]'} — {APP_NAME}")
        self.setWindowModified(any(d.is_modified for d in self.session.documents))

    # ----- showing the session ------------------------------------------------------------

    def _hide_carrying_into_fixed_sides(self) -> None:
        """A version kept for comparison (read-only) is never carried into: nothing offers it."""
        fixed = {side for side in (Side.A, Side.B) if self.session.document(side).read_only}
        self.fields.fixed_sides = fixed  # before the comparison fills the table
        self.sections.set_fixed_sides(fixed)
        if Side.A in fixed:
            self.take_into_a_action.setVisible(False)
        if Side.B in fixed:
            self.take_into_b_action.setVisible(False)

    def _on_session_pair_changed(self, left: int, right: int) -> None:
        self._hide_carrying_into_fixed_sides()
        if self.session.comparison is None:
            # Until the new pair's comparison arrives, show none rather than the old pair's.
            self.fields.show_fields(())
            self.body.clear()
            self.sections.show_matches(())
            self._pair_summary = ""
            self.summary.clear()
        letters = self._letters()
        labels = self._labels()
        for side, index in ((Side.A, left), (Side.B, right)):
            self.headers[side].bind(self.session.documents[index], labels[index].letter, index)
        titles = tuple(f"{labels[i].letter} · {labels[i].file_name}" for i in (left, right))
        self.fields.set_variants(letters, (left, right), titles)
        self.body.set_variants(letters, tuple(f"Instructions — {t}" for t in titles))
        self.sections.set_letters(letters)
        self.legend.set_letters(letters)
        self.overview.set_pair(left, right)
        a, b = letters
        self.take_into_b_action.setText(f"Use {a}'s Value in {b}")
        self.take_into_b_action.setIconText(f"Use {a}'s value in {b}")
        self.take_into_b_action.setStatusTip(f"Replace {b}'s lines of the current change with {a}'s")
        self.take_into_a_action.setText(f"Use {b}'s Value in {a}")
        self.take_into_a_action.setIconText(f"Use {b}'s value in {a}")
        self.take_into_a_action.setStatusTip(f"Replace {a}'s lines of the current change with {b}'s")
        for action in (self.take_into_a_action, self.take_into_b_action):
            action.setToolTip(action.statusTip())
        for action, letter, index in ((self.save_a_action, a, left), (self.save_b_action, b, right)):
            action.setText(f"Save {letter} ({labels[index].file_name})")
            action.setToolTip(plain_tip(action.text()))  # its own text, which names a file, stays text
        self.tabs.setTabText(self.tabs.indexOf(self.pair_page), f"Side by Side: {a} ↔ {b}")
        self.undo_group.setActiveStack(self.session.left.undo_stack)
        self._update_title()
        self._update_actions()

    def _on_session_comparison_updated(self, comparison: Comparison) -> None:
        self.fields.show_fields(comparison.fields)
        differing = len(comparison.field_changes)
        self.fields_title.setText(f"Header fields — {differing} of {len(comparison.fields)} differ"
                                  if differing else "Header fields — all the same")
        self.body.show_diff(comparison.body)
        self.sections.show_matches(comparison.sections)
        changes = len(comparison.changes)
        self._pair_summary = (
            f"Body similarity {percent(comparison.similarity)}  ·  {changes} body change{'s' if changes != 1 else ''}"
            f"  ·  {differing} field{'s' if differing != 1 else ''} differ{'s' if differing == 1 else ''}")
        self._show_view_state()
        self._update_actions()
        self.comparison_updated.emit()

    def _on_session_overview_updated(self, overview: Overview) -> None:
        self.overview.set_variants(self._labels())
        self.overview.set_pair(*self.session.pair)
        self.overview.show_overview(overview)
        self._overview_summary = overview_summary(overview)
        self._show_view_state()
        self.overview_updated.emit()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._show_view_state()

    def showing_overview(self) -> bool:
        return self.tabs.currentWidget() is self.overview

    def _show_view_state(self) -> None:
        """The toolbar and status line speak of what is shown: the overview of all, or the pair."""
        overview = self.showing_overview()
        for action in self._pair_only_actions:
            action.setVisible(not overview)
        self._hide_carrying_into_fixed_sides()
        if overview:
            self.change_label.setText(f"  Overview of {len(self.session.documents)} variants  ")
            self.summary.setText(self._overview_summary)
        else:
            self._on_body_current_change_changed(self.body.current_change if self.body.current_change is not None
                                                 else -1, self.body.change_count)
            self.summary.setText(self._pair_summary)

    def _on_look_colours_changed(self) -> None:
        """Draw everything again in the new light or dark colours."""
        if self._released:
            return  # closed: its documents may be gone
        self.legend.set_letters(self._letters())
        for header in self.headers.values():
            header.show_name()
        if self.session.comparison is not None:
            self._on_session_comparison_updated(self.session.comparison)
        if self.session.overview is not None:
            self._on_session_overview_updated(self.session.overview)

    def _on_session_busy_changed(self, busy: bool) -> None:
        self._busy_action.setVisible(busy)
        self._update_actions()

    def _on_session_comparison_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_body_current_change_changed(self, index: int, count: int) -> None:
        if self.showing_overview():
            return
        if count == 0:
            self.change_label.setText("  Bodies are the same  " if self.session.comparison else "  ")
        else:
            self.change_label.setText(f"  Change {index + 1} of {count}  ")
        self._update_actions()

    def _update_actions(self, *_args) -> None:
        current, count = self.body.current_change, self.body.change_count
        ready = self.session.comparison is not None and not self.session.is_busy
        self.previous_change_action.setEnabled(current is not None and current > 0)
        self.next_change_action.setEnabled(current is not None and current + 1 < count)
        for action in (self.take_into_a_action, self.take_into_b_action):
            action.setEnabled(ready and current is not None)
        self.save_all_action.setEnabled(any(d.is_modified for d in self.session.documents))
        self.save_a_action.setEnabled(self.session.left.is_modified)
        self.save_b_action.setEnabled(self.session.right.is_modified)

    def _step(self, move) -> None:
        self.tabs.setCurrentWidget(self.pair_page)
        move()

    def _on_sections_section_chosen(self, match: SectionMatch) -> None:
        if match.a is not None:
            self.body.scroll_to_line(Side.A, match.a.start_line)
        elif match.b is not None:
            self.body.scroll_to_line(Side.B, match.b.start_line)

    def _on_body_pane_focused(self, side: Side) -> None:
        self._follow(side)

    def _on_header_save_requested(self, side: Side) -> None:
        self.save_variant(self._index(side))

    def _follow(self, side: Side) -> None:
        """Undo and Redo act on this variant from now on."""
        self.undo_group.setActiveStack(self.session.document(side).undo_stack)

    # ----- choosing the pair --------------------------------------------------------------

    def show_pair(self, left: int, right: int) -> None:
        """Show variants ``left`` and ``right`` side by side."""
        if left != right:
            self.session.set_pair(left, right)
            self.tabs.setCurrentWidget(self.pair_page)

    def _on_overview_pair_chosen(self, left: int, right: int) -> None:
        self.show_pair(left, right)

    # ----- carrying changes across -----------------------------------------------------------

    def copy_field(self, key: str, into: Side) -> bool:
        """Give variant ``into`` the other's value of ``key`` (one undo step)."""
        return self._carry(into, lambda: self.session.copy_field(key, into), "Could not copy the field")

    def _on_fields_copy_requested(self, key: str, into: Side) -> None:
        self.copy_field(key, into)

    def copy_section(self, match: SectionMatch, into: Side) -> bool:
        """Copy the other variant's version of a section into ``into`` (one undo step)."""
        return self._carry(into, lambda: self.session.copy_section(match, into), "Could not copy the section")

    def _on_sections_copy_requested(self, match: SectionMatch, into: Side) -> None:
        self.copy_section(match, into)

    def _on_body_take_requested(self, into: Side) -> None:
        self.take_change(into)

    def take_change(self, into: Side) -> bool:
        """Take the current body change from the other variant into ``into`` (one undo step)."""
        index = self.body.current_change
        if index is None:
            return False
        return self._carry(into, lambda: self.session.take_change(index, into), "Could not take the change")

    def _carry(self, into: Side, edit, failure: str) -> bool:
        target = self.session.document(into)
        if target.read_only:
            self.statusBar().showMessage(
                f"“{target.display_name}” is a version kept for comparison and does not change; "
                f"carry its text the other way.", 8000)
            return False
        try:
            changed = edit()
        except StaleComparison as error:
            self.statusBar().showMessage(str(error), 6000)
            return False
        except DocumentError as error:
            self.dialogs.show_error(failure, error.message)
            return False
        except ValueError as error:
            self.dialogs.show_error(failure, str(error))
            return False
        if changed:
            self._follow(into)
        return changed

    # ----- saving and closing -------------------------------------------------------------

    def save_variant(self, index: int) -> bool:
        """Save one variant, through its validation (a refusal is shown, not raised)."""
        document = self.session.documents[index]
        if not save_document(document, self.dialogs, failure_title=f"{document.display_name} not saved"):
            return False
        self.statusBar().showMessage(f"Saved {document.display_name}", 4000)
        return True

    def save_all(self) -> bool:
        """Save every variant with unsaved changes; False when any was not saved."""
        return all([self.save_variant(i) for i, d in enumerate(self.session.documents) if d.is_modified])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._released:  # closed before: the documents are no longer this window's
            event.accept()
            return
        for index, document in enumerate(self.session.documents):
            if not document.is_modified or open_documents().is_held_elsewhere(document, self):
                continue  # unchanged, or the editor still shows it with its changes
            choice = self.dialogs.ask_save_changes(document.display_name)
            if choice is SaveChoice.CANCEL or (choice is SaveChoice.SAVE and not self.save_variant(index)):
                event.ignore()
                return
        self.session.close()
        event.accept()
        self._let_go_of_documents()

    def _let_go_of_documents(self) -> None:
        if self._released:
            return
        self._released = True
        try:
            look().colours_changed.disconnect(self._on_look_colours_changed)
        except (RuntimeError, TypeError):
            pass
        for signal, connection in self._document_connections:
            signal.disconnect(connection)
        self._document_connections = []
        for document in self.session.documents:
            self.undo_group.removeStack(document.undo_stack)
            open_documents().release(document, self)

    def _on_document_file_changed_on_disk(self, document: OpenDocument, deleted: bool) -> None:
        what = "deleted or moved" if deleted else "changed"
        self.statusBar().showMessage(
            f"“{document.display_name}” was {what} by another program; saving it will ask first.", 15000)


def open_compare_window(parent: QWidget, dialogs: Dialogs, folder: Path | None = None,
                        paths: list[Path] | None = None) -> CompareWindow | None:
    """Open ``paths`` (or, without them, files the author chooses) in a compare window owned by ``parent``."""
    paths = paths if paths is not None else dialogs.ask_open_paths(folder)
    if not paths:
        return None
    if len(paths) < 2:
        dialogs.show_error("Choose two or more files",
                           "Comparing needs at least two agent files: choose several at once in the file dialog.")
        return None
    try:
        window = CompareWindow.from_paths(paths, parent=parent)
        window.dialogs = dialogs.for_window(window)
    except DocumentError as error:
        dialogs.show_error("Cannot compare these files", error.message)
        return None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.raise_()
    return window
