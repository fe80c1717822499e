"""The “How Claude sees it” panel: the open agent exactly as Claude Code presents it.

It shows what ``agentfile.claude_view`` and ``claudeview.scopes`` compute, from the same
reading as the form and the problems list: whether Claude Code loads the file, the line
Claude reads to choose an agent, the tools it really gets, the model that runs it, and
whether this file is the one used for its name. Text from the file is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_editor.agentfile.claude_view import BUILT_IN, INHERIT, MCP, OLD_NAME, UNKNOWN, ClaudeView, view_of
from agent_editor.app.access.names import name
from agent_editor.app.editor.problems import severity_icon
from agent_editor.app.open_document import OpenDocument
from agent_editor.claudeview.scopes import Neighbours

_KIND_TEXT = {BUILT_IN: "Built-in tool", MCP: "MCP", OLD_NAME: "Old name", UNKNOWN: "Unknown: does nothing"}


def _plain_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True, objectName=object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ClaudeViewPanel(QScrollArea):
    """Shows one open document as Claude sees it; follows its edits."""

    def __init__(self, parent: QWidget | None = None, neighbours: Neighbours | None = None):
        super().__init__(parent, objectName="claudeView", widgetResizable=True)
        name(self, "How Claude sees it")
        self.neighbours = neighbours or Neighbours()
        self._open: OpenDocument | None = None
        self._stale = False  # the document changed while the panel was closed
        self.view: ClaudeView | None = None
        # Edits come keystroke by keystroke: the view is worked out again once they pause.
        self._refresh_timer = QTimer(self, singleShot=True, interval=120)
        self._refresh_timer.timeout.connect(self.refresh)
        page = QWidget(objectName="claudeViewPage")
        box = QVBoxLayout(page)
        box.setContentsMargins(10, 8, 10, 10)
        box.setSpacing(4)
        self.status = _plain_label(object_name="claudeViewStatus")
        box.addWidget(self.status)

        box.addWidget(QLabel("The line Claude reads to choose an agent", objectName="sectionTitle"))
        self.listing = QPlainTextEdit(readOnly=True, objectName="claudeListing")
        name(self.listing, "The line Claude reads to choose an agent", "The agent's name, description and tools "
             "exactly as Claude Code lists them")
        self.listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.listing.setMinimumHeight(110)
        box.addWidget(self.listing, 1)

        box.addWidget(QLabel("Tools it gets", objectName="sectionTitle"))
        self.tools_summary = _plain_label(object_name="claudeToolsSummary")
        box.addWidget(self.tools_summary)
        self.tools = QTreeWidget(rootIsDecorated=False, objectName="claudeTools")
        name(self.tools, "Tools it gets", "Each tool the agent gets, and what Claude Code makes of its name")
        self.tools.setHeaderLabels(["Tool", "What it is"])
        self.tools.setColumnWidth(0, 110)
        self.tools.setMinimumHeight(90)
        box.addWidget(self.tools, 1)

        box.addWidget(QLabel("Model", objectName="sectionTitle"))
        self.model = _plain_label(object_name="claudeModel")
        box.addWidget(self.model)

        box.addWidget(QLabel("Used for this name?", objectName="sectionTitle"))
        self.standing = _plain_label(object_name="claudeStanding")
        box.addWidget(self.standing)

        self.notes_title = QLabel("What Claude Code does not tell you", objectName="sectionTitle")
        box.addWidget(self.notes_title)
        self.notes = _plain_label(object_name="claudeNotes")
        box.addWidget(self.notes)
        box.addStretch(0)
        self.setWidget(page)
        self.show_view(None)

    # ----- following a document ------------------------------------------------------

    def bind(self, open_doc: OpenDocument | None) -> None:
        if self._open is not None:
            for signal in self._signals(self._open):
                signal.disconnect(self._on_document_changed)
        self._open = open_doc
        if open_doc is not None:
            for signal in self._signals(open_doc):
                signal.connect(self._on_document_changed)
        self.refresh()

    @staticmethod
    def _signals(open_doc: OpenDocument) -> list:
        return [open_doc.fields_changed, open_doc.problems_changed, open_doc.saved, open_doc.path_changed]

    def _on_document_changed(self, *_args) -> None:
        if self.isVisible():  # a closed panel works nothing out; it catches up when shown
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._stale = False
        if not self.isVisible() and self._open is not None:
            self._stale = True
            return
        if self._open is None:
            self.show_view(None)
            return
        doc = self._open.document
        view = view_of(doc)
        standing = None
        if doc.path is not None and view.loaded:
            standing = self.neighbours.standing(doc.path, view).summary()
        elif doc.path is None:
            standing = "Not saved yet: save it into an agents folder for Claude Code to find it."
        self.show_view(view, standing)

    # ----- showing ---------------------------------------------------------------------

    def show_view(self, view: ClaudeView | None, standing: str | None = None) -> None:
        self.view = view
        self.tools.clear()
        if view is None:
            self.status.setText("Open an agent to see it as Claude sees it.")
            self.listing.setPlainText("")
            self.tools_summary.setText("")
            self.model.setText("")
            self.standing.setText("")
            self.notes_title.hide()
            self.notes.hide()
            return
        if view.loaded:
            self.status.setText("Claude Code loads this agent.")
        else:
            self.status.setText("Claude Code does not load this file. " + view.why_not)
        self.listing.setPlainText(view.listing or "(nothing: Claude Code does not list this agent)")
        if view.tools is None:
            self.tools_summary.setText("")
        elif view.all_tools:
            denied = f", except {', '.join(view.denied)}" if view.denied else ""
            self.tools_summary.setText(f"All tools{denied}: every built-in tool below, and the tools of every "
                                       "MCP server connected.")
        else:
            self.tools_summary.setText(view.tools + (f" (taken away: {', '.join(view.denied)})" if view.denied else ""))
        for entry in view.granted:
            item = QTreeWidgetItem([entry.name, _KIND_TEXT[entry.kind] + (f": {entry.note}" if entry.kind == MCP else "")])
            item.setToolTip(1, entry.note or item.text(1))
            if entry.kind in (UNKNOWN, OLD_NAME):
                item.setIcon(0, severity_icon("warning"))
            self.tools.addTopLevelItem(item)
        if view.model == INHERIT:
            self.model.setText("inherit: " + view.model_note)
        else:
            self.model.setText(view.model)
        self.standing.setText(standing or ("No: Claude Code does not load this file." if not view.loaded else ""))
        self.notes.setText("\n\n".join(view.warnings))
        self.notes_title.setVisible(bool(view.warnings))
        self.notes.setVisible(bool(view.warnings))
