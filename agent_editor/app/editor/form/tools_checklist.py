"""The tools row: all tools, or a checklist of built-in tools in groups, MCP tools and others.

For ``tools``, nothing ticked means every tool to Claude Code (as does ``tools: []``),
so "Only the tools ticked below" with nothing ticked stays chosen on screen with a
warning saying so, until the author ticks a tool or chooses "All tools" on purpose.
"""

from __future__ import annotations

from typing import Any

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from agent_editor.agentfile.schema import Schema
from agent_editor.agentfile.tools import parse_tools, tools_value_in_style
from agent_editor.agentfile.wording import translate
from agent_editor.app.access.names import name
from agent_editor.app.editor.form.editors import MISSING, ValueEditor

_TOOL_COLUMNS = 3
_INDENT = 18  # the checklist stands under the "only these" choice
_COLUMN_GAP = 14


class ToolsEditor(ValueEditor):
    """All tools, or a checklist of built-in tools in plain groups, MCP tools and any others the file names."""

    @staticmethod
    def narrowest(schema: Schema) -> int:
        """How narrow the checklist can be, worked out from one box per column (the one with
        the longest name) instead of the whole list (tests hold it to the list's own figure)."""
        probe = QCheckBox()
        metrics = probe.fontMetrics()
        columns: list[list[str]] = [[] for _ in range(_TOOL_COLUMNS)]
        for group in schema.tool_groups:
            for index, tool in enumerate(group.tools):
                columns[index % _TOOL_COLUMNS].append(tool)
        width = _INDENT + _COLUMN_GAP * (_TOOL_COLUMNS - 1)
        for tools in columns:
            probe.setText(max(tools, key=metrics.horizontalAdvance, default=""))
            width += probe.minimumSizeHint().width()
        probe.deleteLater()
        return width

    def __init__(self, schema: Schema, all_text: str = "", empty_means_all: bool = False):
        super().__init__()
        self._value: Any = MISSING
        self._empty_means_all = empty_means_all
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.all_tools = QRadioButton(all_text or self.tr("All tools, including MCP tools"))
        self.only = QRadioButton(self.tr("Only the tools ticked below"))
        name(self.all_tools, self.all_tools.text())
        name(self.only, self.only.text())
        box.addWidget(self.all_tools)
        box.addWidget(self.only)
        self.warning = QLabel(self.tr("With no tool ticked, Claude Code gives this agent every tool. Tick the tools it "
                                 "needs, or choose “All tools” if every tool is what you want."),
                              objectName="problem_warning", wordWrap=True)
        self.warning.setAccessibleName(self.tr("Warning: with no tool ticked, Claude Code gives this agent every tool"))
        self.warning.hide()
        box.addWidget(self.warning)
        self.grid_host = QWidget()
        grid = QGridLayout(self.grid_host)
        grid.setContentsMargins(_INDENT, 0, 0, 0)
        grid.setHorizontalSpacing(_COLUMN_GAP)
        grid.setVerticalSpacing(2)
        self.checks: dict[str, QCheckBox] = {}
        row = 0
        for group in schema.tool_groups:
            # The help is a label of its own so the stylesheet tints it in the light or dark look.
            title = QWidget()
            title_row = QHBoxLayout(title)
            title_row.setContentsMargins(0, 0, 0, 0)
            title_row.addWidget(QLabel(f"<b>{html.escape(translate('schema', group.label))}</b>"))
            group_help = QLabel(translate("schema", group.help), objectName="fieldHelp", wordWrap=True)
            group_help.setTextFormat(Qt.TextFormat.PlainText)
            title_row.addWidget(group_help, 1)
            grid.addWidget(title, row, 0, 1, _TOOL_COLUMNS)
            row += 1
            for index, tool in enumerate(group.tools):
                check = QCheckBox(tool)
                explanation = translate("schema", schema.tool_help.get(tool, ""))
                check.setToolTip(explanation)
                name(check, tool, explanation)
                check.toggled.connect(self._on_check_toggled)
                self.checks[tool] = check
                grid.addWidget(check, row + index // _TOOL_COLUMNS, index % _TOOL_COLUMNS)
            row += (len(group.tools) + _TOOL_COLUMNS - 1) // _TOOL_COLUMNS
        self.others_title = QLabel(self.tr("<b>Others in this file</b>"))
        grid.addWidget(self.others_title, row, 0, 1, _TOOL_COLUMNS)
        self.others_row = QHBoxLayout()
        grid.addLayout(self.others_row, row + 1, 0, 1, _TOOL_COLUMNS)
        self.other_checks: dict[str, QCheckBox] = {}
        self.mcp = QLineEdit(placeholderText=self.tr("for example mcp__github, mcp__context7__get-library-docs"))
        mcp_help = self.tr("Tools of services connected to Claude Code (MCP servers): write mcp__ and the server's "
                      "name for all its tools (mcp__github), or add __ and a tool's name for one tool. "
                      "Separate them with commas.")
        self.mcp.setToolTip(mcp_help)
        name(self.mcp, self.tr("Tools of connected services (MCP)"), mcp_help)
        self.mcp.textEdited.connect(self._on_mcp_text_edited)
        grid.addWidget(QLabel(self.tr("<b>Tools of connected services (MCP tools)</b>")), row + 2, 0, 1, _TOOL_COLUMNS)
        grid.addWidget(self.mcp, row + 3, 0, 1, _TOOL_COLUMNS)
        box.addWidget(self.grid_host)
        self.all_tools.toggled.connect(self._on_mode_toggled)
        self._showing = False
        self._only_chosen = False  # "only these" is chosen but nothing is written yet

    def show_value(self, value: Any) -> None:
        if value is MISSING and self._value is MISSING and self._only_chosen:
            return  # the author chose "only the tools ticked" and has not ticked one yet
        self._only_chosen = False
        self._value = value
        names = parse_tools(None if value is MISSING else value)
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
                for tool in extras:
                    check = QCheckBox(tool, checked=True)
                    name(check, tool, self.tr("A tool this file names that Claude Code does not have"))
                    check.toggled.connect(self._on_check_toggled)
                    self.other_checks[tool] = check
                    self.others_row.addWidget(check)
            for check in self.other_checks.values():
                check.setChecked(True)  # each is a tool the file names
            self.others_title.setVisible(bool(extras))
            mcp = ", ".join(n for n in names or [] if n.startswith("mcp__"))
            if self.mcp.text() != mcp and not self.mcp.hasFocus():
                self.mcp.setText(mcp)
            self.grid_host.setEnabled(names is not None)
            self.warning.hide()
        finally:
            self._showing = False

    def _selected(self) -> list[str]:
        old = parse_tools(None if self._value is MISSING else self._value) or []
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
            # Nothing ticked: the key goes (never ``tools: []``, which means every tool too), and
            # for ``tools`` the choice of "only these" stays on screen with its warning.
            if self._empty_means_all:
                self._value = MISSING
                self._only_chosen = True
                self.warning.show()
            self.edited.emit(None)
            return
        self.warning.hide()
        existing = None if self._value is MISSING else self._value
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
        self.warning.setVisible(not all_tools and self._empty_means_all and not self._selected())
        if all_tools:
            self.edited.emit(None)

    def forget_choice(self) -> None:
        self._only_chosen = False
        self.warning.hide()
