"""The header form: one row per field, built from the schema, showing an OpenDocument.

Rows show values and send each edit one way into the ``OpenDocument``; when the
document changes (an edit, undo, a fix, a reload) the rows are refreshed from it.
A row never rewrites the text the author is typing in: what the document reads back
from the author's own edit is recognised and left alone.

The basic fields are always shown; other fields Claude Code knows appear when the
file has them or the author adds them; keys Claude Code does not know are shown
too, editable, and never dropped. When the header cannot be read at all, the form
shows the header as text so the author can mend it, with the reason above it.
"""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import ClaudeLoader, claude_description
from agent_editor.app.open_document import OpenDocument
from agent_editor.agentfile.schema import FieldRule, Schema, load_schema
from agent_editor.agentfile.tools import parse_tools, tools_value_in_style
from agent_editor.app.editor.body_editor import exact_text
from agent_editor.agentfile.validation import Problem
from agent_editor.app.editor.problems import severity_icon

_MISSING = object()
_NO_ECHO = object()
_TOOL_COLUMNS = 3


class _WindowHistoryKeys(QObject):
    """Lets Undo and Redo keys reach the window's one history instead of an input's own.

    A line edit would otherwise undo its own typing and send the result as a new
    edit, so Ctrl+Z in a field would neither undo the last edit nor walk back.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()  # not for the input: the window's Undo/Redo actions take the key
            return True
        return False

    def watch(self, widget: QWidget) -> None:
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
            inputs = widget.findChildren(kind)
            if isinstance(widget, kind):
                inputs.append(widget)
            for each in inputs:
                each.installEventFilter(self)
                if isinstance(each, QPlainTextEdit):
                    each.setUndoRedoEnabled(False)


class _Editor(QWidget):
    """A field's input. ``edited`` carries the new value (None: take the key out)."""

    edited = Signal(object)

    def show_value(self, value: Any) -> None:  # value is _MISSING when the key is absent
        raise NotImplementedError

    def forget_choice(self) -> None:
        """Drop any choice made on screen but not written yet (another file is shown)."""


class _LineEditor(_Editor):
    def __init__(self, placeholder: str = "", as_list: bool = False):
        super().__init__()
        self._as_list = as_list
        self.line = QLineEdit(placeholderText=placeholder)
        _single(self, self.line)
        self.line.textEdited.connect(self._on_line_text_edited)

    def show_value(self, value: Any) -> None:
        if value is _MISSING or value is None:
            text = ""
        elif self._as_list and isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True).strip()
            text = text.removesuffix("\n...").strip() if not isinstance(value, str) else text
        if self.line.text() != text:
            self.line.setText(text)

    def _on_line_text_edited(self, text: str) -> None:
        if self._as_list:
            items = [item.strip() for item in text.split(",") if item.strip()]
            self.edited.emit(items or None)
        else:
            self.edited.emit(text)


class _TypedLineEditor(_LineEditor):
    """A simple value of a key Claude Code does not know: text stays text, 5 stays a number."""

    def __init__(self, original: Any):
        super().__init__()
        self._typed = not isinstance(original, str)

    def _on_line_text_edited(self, text: str) -> None:
        if self._typed:
            try:
                self.edited.emit(yaml.load(text, Loader=ClaudeLoader) if text.strip() else "")
                return
            except yaml.YAMLError:
                pass
        self.edited.emit(text)


class _TextEditor(_Editor):
    def __init__(self, placeholder: str = "", lines: int = 5):
        super().__init__()
        self.text = QPlainTextEdit(placeholderText=placeholder)
        self.text.setTabChangesFocus(True)
        height = self.text.fontMetrics().lineSpacing() * lines + 14
        self.text.setFixedHeight(height)
        _single(self, self.text)
        self.text.textChanged.connect(self._on_text_text_changed)
        self._showing = False

    def show_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ("" if value is _MISSING or value is None else str(value))
        if exact_text(self.text) != text:
            self._showing = True
            self.text.setPlainText(text)
            self._showing = False

    def _on_text_text_changed(self) -> None:
        if not self._showing:
            self.edited.emit(exact_text(self.text))


class _YamlEditor(_TextEditor):
    """A value with structure (a list, a mapping) edited as YAML text; applied once it reads."""

    def __init__(self):
        super().__init__(placeholder="YAML, for example:\n- name: value", lines=4)
        self.text.setFont(_monospace())
        self.note = QLabel(objectName="fieldNote")
        self.layout().addWidget(self.note)
        self.note.hide()

    def show_value(self, value: Any) -> None:
        text = "" if value is _MISSING or value is None else yaml.safe_dump(
            value, default_flow_style=False, sort_keys=False, allow_unicode=True).rstrip("\n")
        if text.endswith("\n..."):
            text = text[:-4]
        try:
            current = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            current = _MISSING
        if current != (None if value is _MISSING else value):
            super().show_value(text)
        self.note.hide()

    def _on_text_text_changed(self) -> None:
        if self._showing:
            return
        try:
            value = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            self.note.setText("Not applied yet: this is not valid YAML.")
            self.note.show()
            return
        self.note.hide()
        self.edited.emit(value)


class _ChoiceEditor(_Editor):
    """A fixed set of values, plus "Not set"; a value Claude Code does not know is shown as such."""

    def __init__(self, choices: tuple[str, ...], unset_text: str = "Not set", editable: bool = False):
        super().__init__()
        self.combo = QComboBox(editable=editable)
        self.combo.addItem(unset_text, None)
        for choice in choices:
            self.combo.addItem(choice, choice)
        if editable:
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter must not add a choice
            self.combo.lineEdit().setPlaceholderText(unset_text)
            self.combo.setItemText(0, "")
            self.combo.currentTextChanged.connect(self._on_combo_current_text_changed)
        else:
            self.combo.activated.connect(self._on_combo_activated)
        _single(self, self.combo)
        self._showing = False

    def show_value(self, value: Any) -> None:
        self._showing = True
        try:
            if value is _MISSING or value is None:
                self.combo.setCurrentIndex(0)
            else:
                index = self.combo.findData(value)
                if index < 0:
                    if self.combo.isEditable():
                        if self.combo.currentText() != str(value):
                            self.combo.setEditText(str(value))
                        return
                    self.combo.addItem(f"{value} (not recognised)", value)
                    index = self.combo.count() - 1
                self.combo.setCurrentIndex(index)
        finally:
            self._showing = False

    def _on_combo_activated(self, index: int) -> None:
        self.edited.emit(self.combo.itemData(index))

    def _on_combo_current_text_changed(self, text: str) -> None:
        if not self._showing:
            self.edited.emit(text.strip() or None)


class _NumberEditor(_Editor):
    def __init__(self):
        super().__init__()
        self.spin = QSpinBox(minimum=0, maximum=100000, specialValueText="Not set")
        _single(self, self.spin)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self._showing = False

    def show_value(self, value: Any) -> None:
        number = value if isinstance(value, int) and not isinstance(value, bool) else 0
        if self.spin.value() != number:
            self._showing = True
            self.spin.setValue(number)
            self._showing = False

    def _on_spin_value_changed(self, value: int) -> None:
        if not self._showing:
            self.edited.emit(value or None)


class _BoolEditor(_ChoiceEditor):
    def __init__(self):
        super().__init__(())
        self.combo.addItem("Yes", True)
        self.combo.addItem("No", False)


class _ColorEditor(_Editor):
    """The eight colors Claude Code knows as swatches, plus none."""

    def __init__(self, colors: dict[str, str]):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.group = QButtonGroup(self, exclusive=True)
        self.none = QToolButton(text="None", checkable=True, toolTip="No color")
        self.group.addButton(self.none)
        row.addWidget(self.none)
        self.buttons: dict[str, QToolButton] = {}
        for name, hex_color in colors.items():
            button = QToolButton(checkable=True, toolTip=name, objectName="swatch")
            button.setIcon(_swatch_icon(hex_color))
            button.setIconSize(QSize(18, 18))
            button.setAccessibleName(f"Color {name}")
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._on_group_button_clicked)

    def show_value(self, value: Any) -> None:
        button = self.buttons.get(value) if isinstance(value, str) else None
        if value is _MISSING or value is None:
            button = self.none
        self.group.setExclusive(button is not None)
        for each in self.group.buttons():
            each.setChecked(each is button)
        self.group.setExclusive(True)  # a color Claude Code ignores checks no swatch; its problem says so

    def _on_group_button_clicked(self, button: QToolButton) -> None:
        if button is self.none:
            self.edited.emit(None)
            return
        for name, each in self.buttons.items():
            if each is button:
                self.edited.emit(name)


class _ToolsEditor(_Editor):
    """All tools, or a checklist of built-in tools in plain groups, MCP tools and any others the file names."""

    def __init__(self, schema: Schema, all_text: str = "All tools, including MCP tools"):
        super().__init__()
        self._value: Any = _MISSING
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.all_tools = QRadioButton(all_text)
        self.only = QRadioButton("Only the tools ticked below")
        box.addWidget(self.all_tools)
        box.addWidget(self.only)
        self.grid_host = QWidget()
        grid = QGridLayout(self.grid_host)
        grid.setContentsMargins(18, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.checks: dict[str, QCheckBox] = {}
        row = 0
        for group in schema.tool_groups:
            title = QLabel(f"<b>{group.label}</b> <span style='color:#6b7280'>{group.help}</span>", wordWrap=True)
            grid.addWidget(title, row, 0, 1, _TOOL_COLUMNS)
            row += 1
            for index, tool in enumerate(group.tools):
                check = QCheckBox(tool)
                check.toggled.connect(self._on_check_toggled)
                self.checks[tool] = check
                grid.addWidget(check, row + index // _TOOL_COLUMNS, index % _TOOL_COLUMNS)
            row += (len(group.tools) + _TOOL_COLUMNS - 1) // _TOOL_COLUMNS
        self.others_title = QLabel("<b>Others in this file</b>")
        grid.addWidget(self.others_title, row, 0, 1, _TOOL_COLUMNS)
        self.others_row = QHBoxLayout()
        grid.addLayout(self.others_row, row + 1, 0, 1, _TOOL_COLUMNS)
        self.other_checks: dict[str, QCheckBox] = {}
        self.mcp = QLineEdit(placeholderText="MCP tools, e.g. mcp__github, mcp__context7__get-library-docs")
        self.mcp.setToolTip("Tools from MCP servers: mcp__<server> for all of a server's tools, "
                            "or mcp__<server>__<tool> for one. Separate them with commas.")
        self.mcp.textEdited.connect(self._on_mcp_text_edited)
        grid.addWidget(QLabel("<b>MCP tools</b>"), row + 2, 0, 1, _TOOL_COLUMNS)
        grid.addWidget(self.mcp, row + 3, 0, 1, _TOOL_COLUMNS)
        box.addWidget(self.grid_host)
        self.all_tools.toggled.connect(self._on_mode_toggled)
        self._showing = False
        self._only_chosen = False  # "only these" is chosen but nothing is written yet

    def show_value(self, value: Any) -> None:
        if value is _MISSING and self._value is _MISSING and self._only_chosen:
            return  # the author chose "only the tools ticked" and has not ticked one yet
        self._only_chosen = False
        self._value = value
        names = parse_tools(None if value is _MISSING else value)
        self._showing = True
        try:
            self.all_tools.setChecked(names is None)
            self.only.setChecked(names is not None)
            chosen = set(names or [])
            for tool, check in self.checks.items():
                check.setChecked(tool in chosen)
            extras = [n for n in names or [] if n not in self.checks and not n.startswith("mcp__")]
            if list(self.other_checks) != extras:
                for check in self.other_checks.values():
                    check.deleteLater()
                self.other_checks = {}
                for name in extras:
                    check = QCheckBox(name, checked=True)
                    check.toggled.connect(self._on_check_toggled)
                    self.other_checks[name] = check
                    self.others_row.addWidget(check)
            for check in self.other_checks.values():
                check.setChecked(True)  # each is a tool the file names
            self.others_title.setVisible(bool(extras))
            mcp = ", ".join(n for n in names or [] if n.startswith("mcp__"))
            if self.mcp.text() != mcp and not self.mcp.hasFocus():
                self.mcp.setText(mcp)
            self.grid_host.setEnabled(names is not None)
        finally:
            self._showing = False

    def _selected(self) -> list[str]:
        old = parse_tools(None if self._value is _MISSING else self._value) or []
        ticked = {t for t, c in self.checks.items() if c.isChecked()}
        ticked |= {t for t, c in self.other_checks.items() if c.isChecked()}
        mcp = [m.strip() for m in self.mcp.text().split(",") if m.strip()]
        names = [n for n in old if n in ticked or n in mcp]  # the file's order first
        names += [t for t in list(self.checks) + list(self.other_checks) if t in ticked and t not in names]
        names += [m for m in mcp if m not in names]
        return names

    def _emit_selection(self) -> None:
        names = self._selected()
        if not names:
            self.edited.emit(None)
            return
        existing = None if self._value is _MISSING else self._value
        value = tools_value_in_style(names, existing)
        self._value = value  # the form does not show the author's own edit back
        self.edited.emit(value)

    def _on_check_toggled(self, _checked: bool) -> None:
        if not self._showing:
            self._emit_selection()

    def _on_mcp_text_edited(self, _text: str) -> None:
        self._emit_selection()

    def _on_mode_toggled(self, all_tools: bool) -> None:
        self.grid_host.setEnabled(not all_tools)
        if self._showing:
            return
        # "Only these": nothing is written until a tool is ticked; until then the
        # choice stays on screen whatever else the author edits.
        self._only_chosen = not all_tools
        if all_tools:
            self.edited.emit(None)

    def forget_choice(self) -> None:
        self._only_chosen = False


class FieldRow(QFrame):
    """A field's title, help, input and the problems that concern it."""

    fix_requested = Signal(object)
    remove_requested = Signal(str)

    def __init__(self, key: str, title: str, help_text: str, editor: _Editor, removable: bool = False):
        super().__init__(objectName="fieldRow")
        self.key, self.editor = key, editor
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 6)
        box.setSpacing(3)
        head = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>", objectName="fieldTitle")
        self.title.setBuddy(editor.focusProxy() or editor)
        head.addWidget(self.title)
        head.addStretch(1)
        if removable:
            remove = QToolButton(text="Remove", toolTip=f"Take “{key}” out of the file", autoRaise=True)
            remove.clicked.connect(lambda: self.remove_requested.emit(self.key))
            head.addWidget(remove)
        box.addLayout(head)
        if help_text:
            self.help = QLabel(help_text, objectName="fieldHelp", wordWrap=True)
            box.addWidget(self.help)
        box.addWidget(editor)
        self.problem_box = QVBoxLayout()
        self.problem_box.setSpacing(2)
        box.addLayout(self.problem_box)
        self.setToolTip(help_text)

    def show_problems(self, problems: list[Problem]) -> None:
        while self.problem_box.count():
            item = self.problem_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for problem in problems:
            line = QWidget(objectName=f"problem_{problem.severity}")
            column = QVBoxLayout(line)
            column.setContentsMargins(6, 4, 6, 4)
            column.setSpacing(4)
            row = QHBoxLayout()
            icon = QLabel()
            icon.setPixmap(severity_icon(problem.severity).pixmap(16, 16))
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            text = QLabel(problem.message, wordWrap=True, objectName="problemText")
            text.setAccessibleName(f"{problem.severity}: {problem.message}")
            text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
            row.addWidget(text, 1)
            column.addLayout(row)
            if problem.fix:
                button = QPushButton(problem.fix.label, objectName="fixButton")
                button.clicked.connect(lambda _=False, f=problem.fix: self.fix_requested.emit(f))
                column.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.problem_box.addWidget(line)


class HeaderForm(QScrollArea):
    """The form for one OpenDocument's header."""

    error_raised = Signal(str)  # an edit could not be made; the window says why

    def __init__(self, schema: Schema | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.schema = schema or load_schema()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget(objectName="formHost")
        self.setWidget(host)
        self.box = QVBoxLayout(host)
        self.box.setContentsMargins(14, 10, 14, 14)
        self.box.setSpacing(2)
        self.banner = QLabel(objectName="headerBanner", wordWrap=True)
        self.banner.hide()
        self.box.addWidget(self.banner)
        self.rows: dict[str, FieldRow] = {}
        self._history_keys = _WindowHistoryKeys(self)
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
        self.other_title = QLabel("<b>Other keys in this file</b>", objectName="sectionTitle")
        self.other_help = QLabel("Claude Code does not use these, but they are yours: they are kept as they are.",
                                 objectName="fieldHelp", wordWrap=True)
        self.box.addWidget(self.other_title)
        self.box.addWidget(self.other_help)
        self.other_box = QVBoxLayout()
        self.box.addLayout(self.other_box)
        self.add_button = QPushButton("Add a setting…", objectName="addSetting")
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._on_add_menu_about_to_show)
        self.box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.raw_toggle = QCheckBox("Show the header as text")
        self.raw_toggle.toggled.connect(self._on_raw_toggle_toggled)
        self.box.addWidget(self.raw_toggle)
        self.raw = _TextEditor(lines=12)
        self._history_keys.watch(self.raw)
        self.raw.text.setFont(_monospace())
        self.raw.edited.connect(self._on_raw_edited)
        self.raw.hide()
        self.box.addWidget(self.raw)
        self.box.addStretch(1)

    # ----- building -----------------------------------------------------------------

    def _editor_for(self, rule: FieldRule, original: Any = _MISSING) -> _Editor:
        kind = rule.type
        if kind in ("text",):
            return _TextEditor(rule.placeholder, lines=6 if rule.key == "description" else 3)
        if kind == "model":
            return _ChoiceEditor(rule.choices, "Not set: the conversation's model", editable=True)
        if kind == "color":
            return _ColorEditor(self.schema.colors)
        if kind == "tools":
            return _ToolsEditor(self.schema, "All tools" if rule.key == "tools" else "None")
        if kind == "choice":
            return _ChoiceEditor(rule.choices)
        if kind == "positive_int":
            return _NumberEditor()
        if kind == "bool":
            return _BoolEditor()
        if kind == "string_list":
            return _LineEditor("names, separated by commas", as_list=True)
        if kind == "yaml":
            return _YamlEditor()
        return _LineEditor(rule.placeholder)

    def _add_row(self, key: str, title: str, help_text: str, editor: _Editor, removable: bool,
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
        return self._add_row(rule.key, rule.label, rule.help, self._editor_for(rule),
                             removable=not rule.basic, into=self.known_box, index=index)

    # ----- showing a document ---------------------------------------------------------

    def bind(self, open_doc: OpenDocument | None) -> None:
        if self._open is not None:
            self._open.fields_changed.disconnect(self.refresh)
            self._open.problems_changed.disconnect(self.show_problems)
        self._open = open_doc
        self._revealed.clear()
        self._echo.clear()
        for row in self.rows.values():
            row.editor.forget_choice()
        for key in [k for k in self.rows if self.schema.rule(k) is None]:
            self.rows.pop(key).deleteLater()  # another file's keys: its rows fit its values
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
        unknown = [k for k in fields if self.schema.rule(k) is None]
        self._sync_other_rows(unknown, fields)
        for key in [*fields, *self._revealed]:
            self._known_row(key)
        for key, row in self.rows.items():
            rule = self.schema.rule(key)
            present = key in fields
            row.setVisible(readable and (rule is None or rule.basic or present or key in self._revealed))
            value = fields.get(key, _MISSING)
            echo = self._echo.get(key, _NO_ECHO)
            if echo is not _NO_ECHO and _same(echo, value):
                continue  # the author's own edit coming back: leave their typing alone
            row.editor.show_value(value)
        self.other_title.setVisible(bool(unknown) and readable)
        self.other_help.setVisible(bool(unknown) and readable)
        self.add_button.setVisible(readable)
        if not readable:
            reason = doc.reading.error if doc.has_header else "This file has no header yet."
            self.banner.setText(f"<b>The header cannot be read as fields.</b> {reason} "
                                "Mend it in the text below; the fields come back once it reads.")
            self.banner.show()
            self.raw_toggle.setChecked(True)
        else:
            self.banner.hide()
        if self.raw.isVisible():
            self._show_raw_header()

    def _sync_other_rows(self, unknown: list[str], fields: dict[str, Any]) -> None:
        for key in [k for k, r in self.rows.items() if self.schema.rule(k) is None and k not in unknown]:
            self.rows.pop(key).deleteLater()
        for key in unknown:
            value = fields[key]
            simple = not isinstance(value, (dict, list))
            if key in self.rows:
                if simple != isinstance(self.rows[key].editor, _TypedLineEditor):  # a list became text, or back
                    self.rows.pop(key).deleteLater()
                else:
                    continue
            editor = _TypedLineEditor(value) if simple else _YamlEditor()
            self._add_row(key, key, "", editor, removable=True, into=self.other_box)

    def show_problems(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            if problem.field is not None and (problem.field in self.rows or self._known_row(problem.field)):
                by_field.setdefault(problem.field, []).append(problem)
        for key, row in self.rows.items():
            row.show_problems(by_field.get(key, []))
            if by_field.get(key) and not row.isVisible() and self._open and key in self._open.fields:
                row.show()

    def focus_field(self, key: str) -> bool:
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
        expected = _MISSING if value is None else value
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
                action = self.add_menu.addAction(rule.label)
                action.setToolTip(rule.help)
                action.triggered.connect(lambda _=False, k=rule.key: self.focus_field(k))

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


def _same(a: Any, b: Any) -> bool:
    return a == b and type(a) is type(b)


def _single(parent: QWidget, child: QWidget) -> None:
    box = QVBoxLayout(parent)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(child)
    parent.setFocusProxy(child)


def _monospace():
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def _swatch_icon(hex_color: str) -> QIcon:
    pixmap = QPixmap(36, 36)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(hex_color))
    painter.setPen(QColor(0, 0, 0, 60))
    painter.drawEllipse(2, 2, 32, 32)
    painter.end()
    return QIcon(pixmap)


__all__ = ["HeaderForm", "FieldRow"]
