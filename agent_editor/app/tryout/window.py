"""The Try window: one request run through Claude Code with each variant, side by side.

The author types a request (or picks one remembered for this agent) and presses Run;
nothing is sent before. The first Run in a window, and any Run in a permission mode
other than ``plan``, first says what will be sent, to whom, and roughly what it costs
(``dialogs.ask_send_to_claude``). Each variant gets a column (``column.py``); the
answers' word-level differences and the definitions' differences are one tab away;
“Would Claude pick it?” fills a small table. The variants are the open documents as
they stand, saved or not. The runs are owned by a ``TryController``; Stop ends them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPlainTextEdit,
    QPushButton, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from agent_editor.app.access.names import name
from agent_editor.app.compare.session import variant_letter
from agent_editor.app.dialogs import Dialogs
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.tryout.column import VariantColumn
from agent_editor.app.tryout.controller import TryController
from agent_editor.app.tryout.diff_view import DiffView
from agent_editor.tryout.estimate import estimate_pick, estimate_try, what_is_sent
from agent_editor.tryout.history import TryHistory
from agent_editor.tryout.pick import PickTally
from agent_editor.tryout.runner import (
    DEFAULT_BUDGET_USD, DEFAULT_PERMISSION_MODE, PERMISSION_MODES, TryOptions, permission_warning)
from agent_editor.tryout.variants import Variant, project_folder

DEFAULT_PICK_RUNS = 3


def default_store_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "try"


class TryWindow(QMainWindow):
    def __init__(self, documents: Sequence[OpenDocument], dialogs: Dialogs | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None, *,
                 env: dict[str, str] | None = None, store_folder: Path | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.documents = list(documents)
        # The variants as they stand, kept current on every edit, so the window goes on
        # working when the editor moves to another file and lets go of a document.
        self._variants = [self._variant_of(d) for d in self.documents]
        self.dialogs = dialogs.for_window(self) if dialogs else Dialogs(self)  # questions over this window
        self.settings = settings or QSettings()
        self.env = env  # None: Claude Code gets this program's environment (the author's login)
        self.history = TryHistory(store_folder or default_store_folder())
        self.controller = TryController(self)
        self._confirmed_mode: str | None = None  # the permission mode the author agreed to send in
        self._request_of_run = ""
        self._texts_of_run: list[str] = []
        self.setWindowTitle(f"Try — {self.agent_key}")
        self.resize(1400, 880)

        self.request = QPlainTextEdit(objectName="tryRequest")
        self.request.setPlaceholderText("A request, as you would type it to Claude Code")
        self.request.setFixedHeight(72)
        self.request.textChanged.connect(self._on_request_text_changed)
        self.earlier = QComboBox(objectName="tryEarlier")
        self.earlier.setMinimumWidth(260)
        self.earlier.activated.connect(self._on_earlier_activated)
        self.run_button = QPushButton("▶ Run", objectName="tryRun")
        self.run_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.run_button.setToolTip("Run the request with each variant (Ctrl+Return)")
        self.run_button.clicked.connect(self.run)
        self.pick_button = QPushButton("Would Claude pick it?", objectName="tryPick")
        self.pick_button.setToolTip("Run the main session several times with every variant offered, and count "
                                    "which one Claude asks for")
        self.pick_button.clicked.connect(self.run_pick)
        self.stop_button = QPushButton("■ Stop", objectName="tryStop")
        self.stop_button.setShortcut(QKeySequence("Esc"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)

        self.budget = QDoubleSpinBox(objectName="tryBudget", decimals=2, minimum=0.01, maximum=100.0, singleStep=0.05,
                                     prefix="$ ")
        self.budget.setValue(float(self.settings.value("try/budget_usd", DEFAULT_BUDGET_USD)))
        self.budget.setToolTip("The most each run may spend (Claude Code's --max-budget-usd)")
        self.budget.valueChanged.connect(self._on_settings_changed)
        self.mode = QComboBox(objectName="tryMode")
        self.mode.addItems(PERMISSION_MODES)
        self.mode.setCurrentText(DEFAULT_PERMISSION_MODE)  # never remembered: each window starts safe
        self.mode.currentTextChanged.connect(self._on_settings_changed)
        self.pick_runs = QSpinBox(objectName="tryPickRuns", minimum=1, maximum=20)
        self.pick_runs.setValue(int(self.settings.value("try/pick_runs", DEFAULT_PICK_RUNS)))
        self.pick_runs.valueChanged.connect(self._on_settings_changed)
        self.folder = QLineEdit(objectName="tryFolder")
        self.folder.setText(str(self._default_folder() or ""))
        self.folder.setPlaceholderText("an empty folder of its own")
        self.claude_path = QLineEdit(objectName="tryClaudePath")
        self.claude_path.setText(str(self.settings.value("try/claude_path", "") or ""))
        self.claude_path.setPlaceholderText("claude on the PATH")
        self.claude_path.editingFinished.connect(self._on_settings_changed)

        self.estimate = QLabel(objectName="tryEstimate")
        self.estimate.setTextFormat(Qt.TextFormat.PlainText)
        self.estimate.setWordWrap(True)
        self.warning = QLabel(objectName="tryWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.message = QLabel(objectName="tryMessage")  # why a run could not start, in plain words
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.columns = [VariantColumn(i, variant_letter(i), d.display_name) for i, d in enumerate(self.documents)]
        columns = QSplitter(Qt.Orientation.Horizontal, objectName="tryColumns")
        for column in self.columns:
            columns.addWidget(column)
        self.pick_table = QTableWidget(0, 2, objectName="tryPickTable")
        self.pick_table.setHorizontalHeaderLabels(["Asked for", "Runs"])
        self.pick_table.horizontalHeader().setStretchLastSection(False)
        self.pick_table.verticalHeader().setVisible(False)
        self.pick_table.setColumnWidth(0, 380)
        self.pick_title = QLabel("Would Claude pick it?", objectName="paneTitle")
        self.pick_box = QWidget()
        pick_layout = QVBoxLayout(self.pick_box)
        pick_layout.setContentsMargins(0, 0, 0, 0)
        pick_layout.addWidget(self.pick_title)
        pick_layout.addWidget(self.pick_table)
        self.pick_box.setVisible(False)
        answers = QSplitter(Qt.Orientation.Vertical)
        answers.addWidget(columns)
        answers.addWidget(self.pick_box)
        answers.setSizes([640, 160])

        self.answer_diff = DiffView()
        self.definition_diff = DiffView()
        self.tabs = QTabWidget(objectName="tryTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(answers, "Answers")
        self.tabs.addTab(self._diff_page(self.answer_diff, "answer_pair"), "Answers’ differences")
        self.tabs.addTab(self._diff_page(self.definition_diff, "definition_pair"), "Definitions’ differences")

        self.setCentralWidget(self._layout(answers))
        self._name_controls()
        self.controller.run_event.connect(self._on_controller_run_event)
        self.controller.run_finished.connect(self._on_controller_run_finished)
        self.controller.try_finished.connect(self._on_controller_try_finished)
        self.controller.pick_finished.connect(self._on_controller_pick_finished)
        self.controller.pick_progress.connect(self._on_controller_pick_progress)
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.busy_changed.connect(self._update_buttons)
        self._connections = []  # (signal, slot) on the documents, undone when the window closes
        for index, document in enumerate(self.documents):
            for signal in (document.fields_changed, document.body_changed, document.path_changed,
                           document.reloaded):
                slot = (lambda *_args, i=index: self._on_document_changed(i))
                signal.connect(slot)
                self._connections.append((signal, slot))
        self._fill_earlier()
        self._say("")
        self._on_settings_changed()
        self._show_definitions()

    # ----- layout ---------------------------------------------------------------------------

    def _diff_page(self, view: DiffView, name: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        first, second = QComboBox(), QComboBox()
        for combo in (first, second):
            combo.addItems([f"{variant_letter(i)}  {d.display_name}" for i, d in enumerate(self.documents)])
            combo.currentIndexChanged.connect(self._show_diffs)
        second.setCurrentIndex(min(1, len(self.documents) - 1))
        row.addWidget(QLabel("Compare"))
        row.addWidget(first)
        row.addWidget(QLabel("with"))
        row.addWidget(second)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        setattr(self, name, (first, second))
        return page

    def _layout(self, answers: QWidget) -> QWidget:
        central = QWidget()
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        top.addWidget(self.request, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel("Earlier requests for this agent:"))
        side.addWidget(self.earlier)
        side.addStretch(1)
        top.addLayout(side)
        outer.addLayout(top)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.stop_button, self.pick_button):
            buttons.addWidget(button)
        buttons.addWidget(QLabel("runs:"))
        buttons.addWidget(self.pick_runs)
        buttons.addSpacing(20)
        buttons.addWidget(self.estimate, 1)
        outer.addLayout(buttons)
        settings = QFormLayout()
        settings.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        line = QHBoxLayout()
        line.addWidget(self.budget)
        line.addWidget(QLabel("   Permission mode:"))
        line.addWidget(self.mode)
        line.addWidget(QLabel("   Working folder:"))
        line.addWidget(self.folder, 2)
        line.addWidget(QLabel("   Claude Code program:"))
        line.addWidget(self.claude_path, 1)
        settings.addRow("Budget per run:", line)
        outer.addLayout(settings)
        outer.addWidget(self.warning)
        outer.addWidget(self.message)
        outer.addWidget(self.tabs, 1)
        return central

    def _name_controls(self) -> None:
        """What a screen reader says for each control."""
        for widget, text, description in (
            (self.request, "Request", "The request sent to Claude Code with each variant"),
            (self.earlier, "Earlier requests for this agent", "Choose one to type it in again"),
            (self.run_button, "Run", "Run the request with each variant"),
            (self.stop_button, "Stop", "End every run now"),
            (self.pick_button, "Would Claude pick it?", self.pick_button.toolTip()),
            (self.pick_runs, "Runs of Would Claude pick it", ""),
            (self.budget, "Budget per run in US dollars", self.budget.toolTip()),
            (self.mode, "Permission mode", "plan changes nothing on disk"),
            (self.folder, "Working folder", "The folder Claude Code runs in"),
            (self.claude_path, "Claude Code program", "Leave empty to use claude on the PATH"),
            (self.pick_table, "Would Claude pick it? results", ""),
            (self.answer_diff, "Answers' differences", ""),
            (self.definition_diff, "Definitions' differences", ""),
            (self.tabs, "Try views", ""),
            (self.tabs.tabBar(), "Try views", "Answers, their differences, the definitions' differences"),
        ):
            name(widget, text, description)
        for first, second in (self.answer_pair, self.definition_pair):
            name(first, "Compare", "The first text")
            name(second, "With", "The second text")
        for column in self.columns:
            column.name_controls()

    # ----- what is tried ----------------------------------------------------------------------

    @staticmethod
    def _variant_of(document: OpenDocument) -> Variant:
        return Variant(document.display_name, document.document.to_text(), document.path)

    def _on_document_changed(self, index: int) -> None:
        self._variants[index] = self._variant_of(self.documents[index])
        self._on_settings_changed()
        self._show_definitions()

    @property
    def agent_key(self) -> str:
        """Requests are remembered under the agent's name (variants share it), else the file name."""
        for variant in self._variants:
            if variant.name:
                return variant.name
        return self._variants[0].label if self._variants else "agent"

    def variants(self) -> list[Variant]:
        return list(self._variants)

    def _default_folder(self) -> Path | None:
        for variant in self._variants:
            folder = project_folder(variant.path)
            if folder:
                return folder
        return None

    def options(self) -> TryOptions:
        folder = self.folder.text().strip()
        return TryOptions(prompt=self.request.toPlainText().strip(), budget_usd=self.budget.value(),
                          permission_mode=self.mode.currentText(), cwd=Path(folder) if folder else None,
                          claude=self.claude_path.text().strip() or None, env=self.env)

    # ----- running ------------------------------------------------------------------------------

    def _ready(self, pick_runs: int = 0) -> bool:
        """Whether to go ahead: a request is there, and the author agreed to what is sent."""
        if self.controller.busy:
            return False
        prompt = self.request.toPlainText().strip()
        if not prompt:
            self._say("Type a request first.")
            return False
        mode = self.mode.currentText()
        if self._confirmed_mode != mode:
            variants = self.variants()
            estimate = (estimate_pick(variants, prompt, pick_runs, self.budget.value()) if pick_runs
                        else estimate_try(variants, prompt, self.budget.value()))
            text = what_is_sent(variants, prompt, pick_runs) + "\n\n" + estimate.words()
            if warning := permission_warning(mode):
                text += f"\n\nPermission mode “{mode}”: {warning}"
            if not self.dialogs.ask_send_to_claude(text):
                return False
            self._confirmed_mode = mode
        self._say("")
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def run(self) -> bool:
        """Run the request once with each variant. Returns whether the runs started."""
        if not self._ready():
            return False
        options = self.options()
        variants = self.variants()
        if not self.controller.start_try(variants, options):
            return False
        self._request_of_run = options.prompt
        self._texts_of_run = [v.text for v in variants]
        self.history.remember_request(self.agent_key, options.prompt)
        self._fill_earlier()
        for column, result in zip(self.columns, self.controller.results):
            column.start(result)
        self.tabs.setCurrentIndex(0)
        self._update_buttons()
        return True

    def run_pick(self) -> bool:
        runs = self.pick_runs.value()
        if not self._ready(runs):
            return False
        if not self.controller.start_pick(self.variants(), self.options(), runs):
            return False
        self.history.remember_request(self.agent_key, self.request.toPlainText().strip())
        self.pick_box.setVisible(True)
        self.pick_title.setText(f"Would Claude pick it? Running 0 of {runs}…")
        self.pick_table.setRowCount(0)
        self._update_buttons()
        return True

    def stop(self) -> None:
        self.controller.stop()

    # ----- from the controller --------------------------------------------------------------------

    def _on_controller_run_event(self, index: int, _event) -> None:
        self.columns[index].update_soon()

    def _on_controller_run_finished(self, index: int) -> None:
        column = self.columns[index]
        column.finish()
        result = column.result
        if result is not None and result.ok and index < len(self._texts_of_run):
            self.history.keep_result(self._texts_of_run[index], self._request_of_run, result.to_json())

    def _on_controller_try_finished(self) -> None:
        self._show_diffs()
        self._update_buttons()

    def _on_controller_pick_progress(self, done: int, runs: int) -> None:
        self.pick_title.setText(f"Would Claude pick it? Running {done} of {runs}…")

    def _on_controller_pick_finished(self, tally: PickTally) -> None:
        self.pick_title.setText(f"Would Claude pick it? First agent asked for, in {tally.runs} runs:")
        rows = tally.rows()
        self.pick_table.setRowCount(len(rows))
        for row, (what, count) in enumerate(rows):
            if row < len(tally.labels):  # a variant: its letter, as in the columns
                what = f"{variant_letter(row)}  {what}"
            for col, text in enumerate((what, str(count))):
                item = QTableWidgetItem(text)  # a table item shows plain text
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.pick_table.setItem(row, col, item)
        if tally.problems:
            self._say(tally.problems[0])
        self._update_buttons()

    def _on_controller_failed(self, message: str) -> None:
        self._say(message)
        self._update_buttons()

    # ----- keeping the window current --------------------------------------------------------------

    def _update_buttons(self, *_args) -> None:
        busy = self.controller.busy
        self.run_button.setEnabled(not busy)
        self.pick_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)

    def _on_settings_changed(self, *_args) -> None:
        self.settings.setValue("try/budget_usd", self.budget.value())
        self.settings.setValue("try/pick_runs", self.pick_runs.value())
        self.settings.setValue("try/claude_path", self.claude_path.text().strip())
        self.warning.setText(permission_warning(self.mode.currentText()))
        self.warning.setVisible(bool(self.warning.text()))
        variants = self.variants()
        prompt = self.request.toPlainText().strip()
        self.estimate.setText("Estimate: " + estimate_try(variants, prompt, self.budget.value()).words())

    def _on_request_text_changed(self) -> None:
        self._on_settings_changed()
        self._show_kept_results()

    def _fill_earlier(self) -> None:
        self.earlier.clear()
        requests = self.history.requests(self.agent_key)
        self.earlier.addItem(f"{len(requests)} earlier request{'s' if len(requests) != 1 else ''}…"
                             if requests else "none yet")
        for request in requests:
            self.earlier.addItem(" ".join(request.split())[:80], request)

    def _on_earlier_activated(self, index: int) -> None:
        request = self.earlier.itemData(index)
        if isinstance(request, str):
            self.request.setPlainText(request)

    def _show_kept_results(self) -> None:
        """Each column shows the last result of its variant as it stands now for this request, if kept."""
        if self.controller.busy:
            return
        prompt = self.request.toPlainText().strip()
        for column, variant in zip(self.columns, self.variants()):
            record = self.history.last_result(variant.text, prompt) if prompt else None
            if record:
                column.show_kept(record)
            elif column.result is None:
                column.clear()

    def _show_diffs(self, *_args) -> None:
        if hasattr(self, "answer_pair"):
            first, second = (combo.currentIndex() for combo in self.answer_pair)
            if 0 <= first < len(self.columns) and 0 <= second < len(self.columns):
                self.answer_diff.show_texts(self.columns[first].answer_text, self.columns[second].answer_text)
        self._show_definitions()

    def _show_definitions(self) -> None:
        if not hasattr(self, "definition_pair"):
            return
        first, second = (combo.currentIndex() for combo in self.definition_pair)
        if 0 <= first < len(self._variants) and 0 <= second < len(self._variants):
            self.definition_diff.show_texts(self._variants[first].text, self._variants[second].text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.controller.stop()  # closing the window ends its runs; nothing keeps spending
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the document is gone already
                pass
        self._connections.clear()
        super().closeEvent(event)
