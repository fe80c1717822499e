"""The library panel: search, filter, sort and the list of agents, grouped by scope.

It shows an ``AgentCollection``; choosing a row asks the window to open that file,
selecting several (Ctrl or Shift and click) lets them be compared. Searching runs on
every keystroke over names, descriptions, tools and instructions. The panel decides
nothing about files: the actions on them (``LibraryActions``) are put in its context
menu by the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from agent_editor.agentfile.validation import Problem
from agent_editor.app.access.names import name
from agent_editor.app.library.collection import AgentCollection
from agent_editor.app.look.look import look
from agent_editor.app.plain_text import plain_label
from agent_editor.app.library.rows import ENTRY_ROLE, PATH_ROLE, LibraryModel, RowDelegate, row_text
from agent_editor.library.scan import AgentEntry
from agent_editor.library.scopes import ADDED, FOLDER, Scope, library_scopes
from agent_editor.library.search import SORT_CHANGED, SORT_NAME, SORT_SCOPE, filter_entries, sort_entries

_SORTS = [(QT_TRANSLATE_NOOP("LibraryPanel", "By scope"), SORT_SCOPE),
          (QT_TRANSLATE_NOOP("LibraryPanel", "By name"), SORT_NAME),
          (QT_TRANSLATE_NOOP("LibraryPanel", "Last changed"), SORT_CHANGED)]


class LibraryPanel(QWidget):
    file_chosen = Signal(Path)
    compare_requested = Signal(list)  # of Path, two or more
    entries_changed = Signal()  # read, re-read or marked again: problems shown elsewhere may change
    context_menu_about_to_show = Signal()
    folder_removal_requested = Signal(Path)  # an added folder the author no longer wants listed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = AgentCollection(self)
        self.collection.entries_changed.connect(self._on_collection_entries_changed)
        self.collection.progress_changed.connect(self._on_collection_progress_changed)
        self.collection.loading_finished.connect(self._on_collection_loading_finished)
        self.context_actions: list[QAction | None] = []  # None: a separator
        self.project_start: Path | None = None  # the project the library by scope is for
        self._matches: list[AgentEntry] = []
        self._sorted: tuple[tuple, list[AgentEntry]] | None = None  # (what it was sorted for, the entries)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.title = plain_label(objectName="libraryTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.title)
        tools = QWidget(objectName="libraryTools")
        tools_box = QVBoxLayout(tools)
        tools_box.setContentsMargins(6, 6, 6, 4)
        tools_box.setSpacing(4)
        self.search = QLineEdit(objectName="librarySearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search names, descriptions, tools, instructions"))
        name(self.search, self.tr("Search agents"), self.tr("Shows only the agents whose name, description, "
                                                            "tools or instructions hold these words"))
        self.search.textChanged.connect(self._on_search_text_changed)
        tools_box.addWidget(self.search)
        row = QHBoxLayout()
        self.problems_only = QCheckBox(self.tr("Has problems"), objectName="problemsOnly")
        self.problems_only.setToolTip(self.tr("Show only agents with errors or warnings, or that Claude Code "
                                              "does not use"))
        name(self.problems_only, self.tr("Only agents with problems"), self.problems_only.toolTip())
        self.problems_only.toggled.connect(self._arrange)
        row.addWidget(self.problems_only)
        row.addStretch(1)
        self.sort = QComboBox(objectName="librarySort")
        for label, key in _SORTS:
            self.sort.addItem(QCoreApplication.translate("LibraryPanel", label), key)
        name(self.sort, self.tr("Sort agents"), self.tr("By scope, by name, or the last changed first"))
        self.sort.currentIndexChanged.connect(self._arrange)
        row.addWidget(self.sort)
        tools_box.addLayout(row)
        self.progress = QProgressBar(objectName="libraryProgress", textVisible=True, maximumHeight=14)
        self.progress.hide()
        tools_box.addWidget(self.progress)
        box.addWidget(tools)
        self.notice = plain_label(objectName="libraryNotice", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        box.addWidget(self.notice)

        self.model = LibraryModel(self)
        self.list = QListView(objectName="agentList")
        name(self.list, self.tr("Agents"), self.tr(
            "The agents Claude Code sees. Enter opens one; Ctrl or Shift with the arrows and Space selects "
            "several to compare."))
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.model, self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Thousands of rows are laid out a batch at a time, so the first rows show at once.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(120)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list.activated.connect(self._on_list_activated)
        self.list.clicked.connect(self._on_list_clicked)
        self.list.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        box.addWidget(self.list, 1)
        look().colours_changed.connect(self.list.viewport().update)  # rows paint with the look's colours
        self.compare_button = QPushButton(self.tr("Compare Selected"), objectName="compareSelected")
        self.compare_button.setToolTip(self.tr("Select two or more agents (Ctrl+click) to compare them side by side"))
        name(self.compare_button, self.tr("Compare selected agents"), self.compare_button.toolTip())
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.compare_button.setEnabled(False)
        box.addWidget(self.compare_button)

    # ----- what to show ---------------------------------------------------------------

    def show_project(self, start: Path, added: list[Path] | None = None) -> list[Path]:
        """Every agent Claude Code would see from ``start``, by scope, plus the added folders."""
        self.project_start = start
        scopes = library_scopes(start, added)
        return self._show("Agents Claude Code sees", scopes, by_scope=True)

    def show_paths(self, paths: list[Path], title: str) -> list[Path]:
        """One folder (or several, or single files) as a plain list, as ``agent-editor FOLDER`` shows it."""
        folders = [path for path in paths if path.is_dir()]
        files = tuple(path for path in paths if not path.is_dir())
        scopes = [Scope(FOLDER, folder, folder.name or str(folder)) for folder in folders]
        if files:
            scopes.append(Scope(FOLDER, Path(), "Files", extra_files=files))
        return self._show(title, scopes, by_scope=len(scopes) > 1)

    def _show(self, title: str, scopes: list[Scope], by_scope: bool) -> list[Path]:
        self.collection.show(title, scopes, by_scope)
        self.show()
        return self.paths()

    def refresh(self, paths: list[Path]) -> None:
        self.collection.refresh(paths)

    # ----- questions from the window -------------------------------------------------------

    def paths(self) -> list[Path]:
        """The files listed, in the order shown."""
        return self.model.paths()

    def row_texts(self) -> list[str]:
        """Each agent row as plain text, in the order shown."""
        return [row_text(entry, self.model.match(entry)) for entry in self.model.entries()]

    def entry(self, path: Path | None) -> AgentEntry | None:
        return self.collection.entry(path)

    def problems_for(self, path: Path | None) -> list[Problem]:
        return self.collection.problems_for(path)

    def default_folder(self) -> Path | None:
        return self.collection.default_folder()

    def select(self, path: Path | None) -> None:
        """Mark the open file's row (None: the open agent is not listed)."""
        row = self.model.row_of(path) if path is not None else -1
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.clearSelection()
        selection.blockSignals(False)
        self._on_list_selection_changed()

    def current_path(self) -> Path | None:
        index = self.list.currentIndex()
        return index.data(PATH_ROLE) if index.isValid() and self.list.selectionModel().isSelected(index) else None

    def selected_paths(self) -> list[Path]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        return [self.model.row(row).path for row in rows if isinstance(self.model.row(row), AgentEntry)]

    # ----- arranging --------------------------------------------------------------------------

    def _on_collection_entries_changed(self) -> None:
        self._search(self.search.text())
        self.entries_changed.emit()

    def _on_search_text_changed(self, text: str) -> None:
        self._search(text)

    def _search(self, text: str) -> None:
        entries = self.collection.entries
        self._matches = self.collection.search_index.search_entries(text, entries) if text.strip() else []
        self._arrange()

    def _arrange(self, *_args) -> None:
        collection = self.collection
        searching = bool(self.search.text().strip())
        sort = self.sort.currentData()
        entries = collection.entries
        key = (sort, id(collection.scopes), len(entries), collection.version)
        if self._sorted is None or self._sorted[0] != key:  # sorted once, then only filtered as you type
            self._sorted = (key, sort_entries(entries, sort, collection.scopes))
        shown = filter_entries(self._sorted[1], only_problems=self.problems_only.isChecked(),
                               matches=self._matches if searching else None)
        by_scope: dict[int, list[AgentEntry]] = {}  # by the scope's identity: hashing 1,000s of paths is slow
        for entry in shown:
            by_scope.setdefault(id(entry.scope), []).append(entry)
        counts = {scope: len(by_scope.get(id(scope), ())) for scope in collection.scopes}
        rows: list[Scope | AgentEntry] = []
        if collection.by_scope and sort == SORT_SCOPE:
            for scope in collection.scopes:
                if id(scope) in by_scope or not (searching or self.problems_only.isChecked()):
                    rows.append(scope)
                    rows += by_scope.get(id(scope), [])
        else:
            rows = list(shown)
        selected, current = set(self.selected_paths()), self.current_path()
        scrolled = self.list.verticalScrollBar().value()
        self.model.set_rows(rows, counts, self.collection.search_index.match if searching else None)
        self._restore_selection(selected, current)
        self.list.verticalScrollBar().setValue(scrolled)
        total = len(collection.entries)
        found = f"{len(shown)} of {total}" if len(shown) != total else str(total)
        self.title.setText(f"{collection.title} — {found} agent{'s' if total != 1 else ''}")
        self._update_notice()

    def _restore_selection(self, selected: set[Path], current: Path | None) -> None:
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        for path in selected:
            row = self.model.row_of(path)
            if row >= 0:
                index = self.model.index(row)
                if path == current:
                    self.list.setCurrentIndex(index)
                else:
                    selection.select(index, selection.SelectionFlag.Select)
        selection.blockSignals(False)
        self._on_list_selection_changed()

    def _update_notice(self) -> None:
        collection = self.collection
        text = ""
        if collection.only_unread_files():
            count = len(collection.entries)
            text = (f"Claude Code reads none of these {count} file{'s' if count != 1 else ''}: it reads only files "
                    "ending in .md. Right-click a file and choose “Rename to .md”.")
        elif not collection.entries and not collection.loading:
            text = "No agents here yet. Use File › New Agent to make one."
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ----- progress ---------------------------------------------------------------------------

    def _on_collection_progress_changed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"Reading {done:,} of {total:,} agents…")
        self.progress.setVisible(done < total)

    def _on_collection_loading_finished(self) -> None:
        self.progress.hide()
        self._update_notice()

    # ----- choosing -------------------------------------------------------------------------------

    def _on_list_activated(self, index) -> None:
        path = index.data(PATH_ROLE)
        if path is not None:
            self.file_chosen.emit(path)

    def _on_list_clicked(self, index) -> None:
        if QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return  # adding to a selection, not choosing a file
        # One click chooses. Where the desktop makes one click activate an item, Qt
        # sends both signals for it, and the window would ask about unsaved changes twice.
        hint = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.list.style().styleHint(hint, None, self.list):
            self._on_list_activated(index)

    def _on_list_selection_changed(self, *_args) -> None:
        count = len(self.selected_paths())
        self.compare_button.setEnabled(count >= 2)
        self.compare_button.setText(f"Compare {count} Selected" if count >= 2 else "Compare Selected")

    def _on_compare_button_clicked(self) -> None:
        paths = self.selected_paths()
        if len(paths) >= 2:
            self.compare_requested.emit(paths)

    def _on_list_context_menu_requested(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if index.isValid() and index.data(PATH_ROLE) is not None and index not in self.list.selectedIndexes():
            self.list.setCurrentIndex(index)  # right-click on a row acts on that row
        self.context_menu_about_to_show.emit()
        menu = QMenu(self)
        heading = self.model.row(index.row()) if index.isValid() else None
        if isinstance(heading, Scope) and heading.kind == ADDED:
            remove = menu.addAction(self.tr("Remove This Folder from the Library"))
            remove.setToolTip(self.tr("Stop listing it here; its files stay where they are"))
            remove.triggered.connect(lambda _=False, root=heading.root: self.folder_removal_requested.emit(root))
            menu.addSeparator()
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            elif action.isVisible():
                menu.addAction(action)
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(point))

    def entry_at_current(self) -> AgentEntry | None:
        index = self.list.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None
