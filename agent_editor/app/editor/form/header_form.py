"""The header form: lays out one row per field, built from the schema, showing an OpenDocument.

Rows show values and send each edit one way into the ``OpenDocument``; when the
document changes (an edit, undo, a fix, a reload) the rows are refreshed from it.
A row never rewrites the text the author is typing in: what the document reads back
from the author's own edit is recognised and left alone.

The basic fields are always shown; other fields Claude Code knows appear when the
file has them or the author adds them; keys Claude Code does not know are shown
too, editable, and never dropped (the first ones as rows, built a few per turn of the
event loop; past those, one table). When the header cannot be read at all, the form
shows the header as text so the author can mend it, with the reason above it.
"""


from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QMenu, QPushButton, QScrollArea, QVBoxLayout, QWidget

from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import claude_description
from agent_editor.agentfile.schema import FieldRule, Schema, load_schema
from agent_editor.agentfile.validation import Problem
from agent_editor.agentfile.wording import translate
from agent_editor.app.access.names import name
from agent_editor.app.editor.form.examples import DescriptionEditor
from agent_editor.app.editor.body_editor import exact_text
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.editor.form.choices import BoolEditor, ChoiceEditor
from agent_editor.app.editor.form.colors import ColorEditor
from agent_editor.app.editor.form.header_text import HeaderTextEditor
from agent_editor.app.editor.form.editors import (
    MISSING,
    NO_ECHO,
    LineEditor,
    NumberEditor,
    TextEditor,
    TypedLineEditor,
    ValueEditor,
    WindowHistoryKeys,
    same_value,
)
from agent_editor.app.editor.form.other_keys import YamlEditor
from agent_editor.app.editor.form.other_keys_table import OtherKeysTable
from agent_editor.app.editor.form.row import FieldRow
from agent_editor.app.editor.form.tools_checklist import ToolsEditor
from agent_editor.app.editor.form.width import MARGINS


# Rows built for the first settings Claude Code does not know; the rest are rows of a table.
OTHER_ROWS_SHOWN = 50
# Of those, up to this many are built as the file is shown; the others follow a slice at a
# time, one slice per turn of the event loop, so a header of thousands of keys never holds
# the window (a row takes about a millisecond to build).
OTHER_ROWS_AT_ONCE = 10
_SLICE_SECONDS = 0.008


class HeaderForm(QScrollArea):
    """The form for one OpenDocument's header."""

    error_raised = Signal(str)  # an edit could not be made; the window says why
    rows_built = Signal()  # rows were added: a field shown on demand, or the last slice of other keys

    def __init__(self, schema: Schema | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.schema = schema or load_schema()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget(objectName="formHost")
        self.setWidget(host)
        self.box = QVBoxLayout(host)
        self.box.setContentsMargins(*MARGINS)
        self.box.setSpacing(2)
        name(self, self.tr("Header fields"), self.tr("The agent's settings, one field after another"))
        self.banner = QLabel(objectName="headerBanner", wordWrap=True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)  # our own markup; the reason in it is escaped
        self.banner.hide()
        self.box.addWidget(self.banner)
        self.rows: dict[str, FieldRow] = {}
        self._history_keys = WindowHistoryKeys(self)
        self._revealed: set[str] = set()
        self._echo: dict[str, Any] = {}
        self._open: OpenDocument | None = None
        # Rows for the fields Claude Code knows stand in schema order; the basic ones are
        # built now, the others only when a file has them or the author adds one, which
        # keeps start-up quick.
        self.known_box = QVBoxLayout()
        self.known_box.setSpacing(2)
        self.box.addLayout(self.known_box)
        for rule in self.schema.fields:
            if rule.basic:
                self._known_row(rule.key)
        self.other_title = QLabel(self.tr("<b>Other settings in this file</b>"), objectName="sectionTitle")
        self.other_help = QLabel(self.tr("Claude Code does not use these, but they are yours: they are kept "
                                         "as they are."), objectName="fieldHelp", wordWrap=True)
        self.box.addWidget(self.other_title)
        self.box.addWidget(self.other_help)
        self.other_box = QVBoxLayout()
        self.box.addLayout(self.other_box)
        # A stranger's file may hold thousands of other keys: rows are built for the first
        # ones only; the rest are rows of one table (made when a file has that many).
        self.more_table: OtherKeysTable | None = None
        self._pending_others: list[str] = []  # keys whose rows are still to be built, the next one last
        self._problems_by_field: dict[str, list[Problem]] = {}
        self._others_timer = QTimer(self, singleShot=True, interval=0)
        self._others_timer.timeout.connect(self._on_others_timer_timeout)
        self.add_button = QPushButton(self.tr("Add a setting…"), objectName="addSetting")
        name(self.add_button, self.tr("Add a setting"), self.tr("Shows a list of the other settings Claude "
                                                                 "Code knows, to add one to this agent"))
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._on_add_menu_about_to_show)
        self.box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.raw_toggle = QCheckBox(self.tr("Show the header as text"))
        name(self.raw_toggle, self.tr("Show the header as text"),
             self.tr("Shows the settings as they are written in the file, with the file's line numbers"))
        self.raw_toggle.toggled.connect(self._on_raw_toggle_toggled)
        self.box.addWidget(self.raw_toggle)
        self.raw = HeaderTextEditor(lines=12)
        name(self.raw.text, self.tr("Header as text"),
             self.tr("The settings as written in the file; the numbers are the file's line numbers"))
        self._history_keys.watch(self.raw)
        self.raw.edited.connect(self._on_raw_edited)
        self.raw.hide()
        self.box.addWidget(self.raw)
        self.box.addStretch(1)

    # ----- building -----------------------------------------------------------------

    def _editor_for(self, rule: FieldRule, original: Any = MISSING) -> ValueEditor:
        kind = rule.type
        if rule.key == "description":  # with its examples as rows
            return DescriptionEditor(rule.placeholder, lines=6)
        if kind in ("text",):
            return TextEditor(rule.placeholder, lines=3)
        if kind == "model":
            return ChoiceEditor(rule.choices, self.tr("Not set: the conversation's model"), editable=True,
                                choice_help=rule.choice_help)
        if kind == "color":
            return ColorEditor(self.schema.colors)
        if kind == "tools":
            if rule.key == "tools":
                return ToolsEditor(self.schema, self.tr("All tools"), empty_means_all=True)
            return ToolsEditor(self.schema, self.tr("None"))
        if kind == "choice":
            return ChoiceEditor(rule.choices, choice_help=rule.choice_help)
        if kind == "positive_int":
            return NumberEditor()
        if kind == "bool":
            return BoolEditor()
        if kind == "string_list":
            return LineEditor(self.tr("names, separated by commas"), as_list=True)
        if kind == "yaml":
            return YamlEditor()
        return LineEditor(rule.placeholder)

    def _add_row(self, key: str, title: str, help_text: str, editor: ValueEditor, removable: bool,
                 into: QVBoxLayout, index: int = -1) -> FieldRow:
        row = FieldRow(key, title, help_text, editor, removable)
        self._history_keys.watch(editor)
        editor.edited.connect(lambda value, k=key: self._send(k, value))
        row.fix_requested.connect(self._on_row_fix_requested)
        row.remove_requested.connect(self._on_row_remove_requested)
        into.insertWidget(index, row)
        self.rows[key] = row
        return row

    def _known_row(self, key: str) -> FieldRow | None:
        """The row of a field the schema knows, built on first need in its schema place."""
        if key in self.rows:
            return self.rows[key]
        rule = self.schema.rule(key)
        if rule is None:
            return None
        order = [r.key for r in self.schema.fields]
        index = sum(1 for k in self.rows if k in order and order.index(k) < order.index(key))
        row = self._add_row(rule.key, translate("schema", rule.label), translate("schema", rule.help),
                            self._editor_for(rule),
                            removable=not rule.basic, into=self.known_box, index=index)
        self.rows_built.emit()  # a field shown on demand joins the Tab order where it stands
        return row

    # ----- showing a document ---------------------------------------------------------

    def bind(self, open_doc: OpenDocument | None) -> None:
        if self._open is not None:
            self._open.fields_changed.disconnect(self.refresh)
            self._open.problems_changed.disconnect(self.show_problems)
        self._open = open_doc
        self._revealed.clear()
        self._pending_others = []
        self._others_timer.stop()
        self._problems_by_field = {}
        self._echo.clear()
        for row in self.rows.values():
            row.editor.forget_choice()
        for key in [k for k in self.rows if self.schema.rule(k) is None]:
            self.rows.pop(key).deleteLater()  # another file's keys: its rows fit its values
        if self.more_table is not None:
            self.more_table.show_keys([], {})
            self.more_table.hide()
        if open_doc is not None:
            open_doc.fields_changed.connect(self.refresh)
            open_doc.problems_changed.connect(self.show_problems)
            self.refresh()
            self.show_problems(open_doc.problems)

    def refresh(self) -> None:
        if self._open is None:
            return
        doc = self._open.document
        readable = doc.reading.ok and (doc.has_header or not doc.opens_header_without_closing)
        fields = doc.fields if readable else {}
        rule_of = self.schema.rule
        unknown = [k for k in fields if rule_of(k) is None]
        self._sync_other_rows(unknown, fields)
        for key in [*fields, *self._revealed]:
            if key not in self.rows and rule_of(key) is not None:  # a file may have thousands of other keys
                self._known_row(key)
        for key, row in self.rows.items():
            rule = self.schema.rule(key)
            present = key in fields
            row.setVisible(readable and (rule is None or rule.basic or present or key in self._revealed))
            value = fields.get(key, MISSING)
            echo = self._echo.get(key, NO_ECHO)
            if echo is not NO_ECHO and same_value(echo, value):
                continue  # the author's own edit coming back: leave their typing alone
            row.editor.show_value(value)
        self.other_title.setVisible(bool(unknown) and readable)
        self.other_help.setVisible(bool(unknown) and readable)
        self.add_button.setVisible(readable)
        if not readable:
            reason = doc.reading.error if doc.has_header else self.tr("This file has no header yet.")
            self.banner.setText(self.tr("<b>The settings cannot be shown as fields.</b> {reason} Mend them in the "
                                        "text below; the fields come back once Claude Code can read them.")
                                .format(reason=html.escape(reason)))
            self.banner.show()
            self.raw_toggle.setChecked(True)
        else:
            self.banner.hide()
        if self.raw.isVisible():
            self._show_raw_header()

    def _sync_other_rows(self, unknown: list[str], fields: dict[str, Any]) -> None:
        unknown, more = unknown[:OTHER_ROWS_SHOWN], unknown[OTHER_ROWS_SHOWN:]
        if more or self.more_table is not None:
            self._more_table().show_keys(more, fields)
            self._more_table().setVisible(bool(more))
        wanted = set(unknown)
        for key in [k for k, r in self.rows.items() if self.schema.rule(k) is None and k not in wanted]:
            self.rows.pop(key).deleteLater()
        for key in unknown:
            row = self.rows.get(key)
            simple = not isinstance(fields[key], (dict, list))
            if row is not None and simple != isinstance(row.editor, TypedLineEditor):  # a list became text, or back
                self.rows.pop(key).deleteLater()
        self._pending_others = [key for key in reversed(unknown) if key not in self.rows]
        while self._pending_others and len(self.rows) - len(self.known_rows()) < OTHER_ROWS_AT_ONCE:
            self._build_other_row(self._pending_others.pop(), fields)
        if self._pending_others:
            self._others_timer.start()

    def _more_table(self) -> OtherKeysTable:
        if self.more_table is None:
            self.more_table = OtherKeysTable()
            self.more_table.value_edited.connect(self._send)
            self.more_table.remove_requested.connect(self._on_more_table_remove_requested)
            self.box.insertWidget(self.box.indexOf(self.add_button), self.more_table)
        return self.more_table

    def _on_more_table_remove_requested(self, keys: list[str]) -> None:
        for key in keys:
            self._on_row_remove_requested(key)

    def known_rows(self) -> list[str]:
        """The keys of the rows built for fields Claude Code knows."""
        return [key for key in self.rows if self.schema.rule(key) is not None]

    def _build_other_row(self, key: str, fields: dict[str, Any]) -> FieldRow:
        value = fields[key]
        editor = YamlEditor() if isinstance(value, (dict, list)) else TypedLineEditor(value)
        row = self._add_row(key, key, "", editor, removable=True, into=self.other_box)
        editor.show_value(value)
        row.show_problems(self._problems_by_field.get(key, []))
        return row

    def _on_others_timer_timeout(self) -> None:
        fields = self._open.fields if self._open is not None else {}
        started = time.perf_counter()
        while self._pending_others and time.perf_counter() - started < _SLICE_SECONDS:
            key = self._pending_others.pop()
            if key in fields and key not in self.rows:
                self._build_other_row(key, fields)
        if self._pending_others:
            self._others_timer.start()
        else:
            self.rows_built.emit()

    def _build_others_through(self, key: str) -> None:
        """Build the rows still to come, in their order, up to ``key``'s (the author asked for it)."""
        fields = self._open.fields if self._open is not None else {}
        while key not in self.rows and self._pending_others:
            pending = self._pending_others.pop()
            if pending in fields and pending not in self.rows:
                self._build_other_row(pending, fields)

    def show_problems(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[Problem]] = {}
        rule_of = self.schema.rule
        for problem in problems:
            if problem.field is not None:
                if problem.field not in self.rows and rule_of(problem.field) is not None:
                    self._known_row(problem.field)  # a known field with a problem gets its row
                by_field.setdefault(problem.field, []).append(problem)
        self._problems_by_field = by_field  # also for the rows built later
        for key, row in self.rows.items():
            row.show_problems(by_field.get(key, []))
            if by_field.get(key) and not row.isVisible() and self._open and key in self._open.fields:
                row.show()

    def focus_field(self, key: str) -> bool:
        if key not in self.rows and self.more_table is not None and self.more_table.focus_key(key):
            self.ensureWidgetVisible(self.more_table)
            return True
        self._build_others_through(key)
        row = self.rows.get(key) or self._known_row(key)
        if row is None:
            return False
        self._revealed.add(key)
        row.show()
        self.ensureWidgetVisible(row)
        target = row.editor.focusProxy() or row.editor.findChild(QWidget) or row.editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # ----- sending edits ------------------------------------------------------------

    def _send(self, key: str, value: Any) -> None:
        if self._open is None:
            return
        # The document refreshes the form while it takes the edit, so say beforehand
        # what it will read back: that row then keeps the author's text and cursor.
        expected = MISSING if value is None else value
        if key == "description" and isinstance(value, str):
            expected = claude_description(value)
        self._echo[key] = expected
        try:
            self._open.set_field(key, value)
        except DocumentError as error:
            self.error_raised.emit(error.message)
        finally:
            self._echo.pop(key, None)

    def _on_row_fix_requested(self, fix) -> None:
        if self._open is None:
            return
        try:
            self._open.apply_fix(fix)
        except DocumentError as error:
            self.error_raised.emit(error.message)

    def _on_row_remove_requested(self, key: str) -> None:
        self._revealed.discard(key)
        if self._open is not None:
            self._open.remove_field(key)
        if key in self.rows and self.schema.rule(key) is not None:
            self.rows[key].hide()

    def _on_add_menu_about_to_show(self) -> None:
        self.add_menu.clear()
        fields = self._open.fields if self._open else {}
        for rule in self.schema.fields:
            if not rule.basic and rule.key not in fields and rule.key not in self._revealed:
                action = self.add_menu.addAction(translate("schema", rule.label))
                action.setToolTip(translate("schema", rule.help))
                action.triggered.connect(lambda _=False, k=rule.key: self.focus_field(k))

    def show_header_line(self, line: int) -> None:
        """Show the header as text with the cursor on ``line`` of the file (1-based, as problems count)."""
        self.raw_toggle.setChecked(True)
        block = self.raw.text.document().findBlockByNumber(max(0, line - self.raw.text.first_number))
        if block.isValid():
            self.raw.text.setTextCursor(QTextCursor(block))
        self.ensureWidgetVisible(self.raw)
        self.raw.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_raw_toggle_toggled(self, shown: bool) -> None:
        self.raw.setVisible(shown)
        if shown:
            self._show_raw_header()

    def _show_raw_header(self) -> None:
        if self._open is None:
            return
        header = self._open.document.header_text.replace("\r\n", "\n")
        if exact_text(self.raw.text).rstrip("\n") != header.rstrip("\n"):
            self.raw.show_value(header)

    def _on_raw_edited(self, text: str) -> None:
        if self._open is not None:
            try:
                self._open.set_header_text(text)
            except DocumentError as error:
                self.error_raised.emit(error.message)


__all__ = ["HeaderForm", "FieldRow"]
