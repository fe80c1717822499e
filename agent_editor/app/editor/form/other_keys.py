"""The input for a key whose value has structure (a list, a mapping): edited as YAML text."""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtWidgets import QLabel

from agent_editor.agentfile.header import ClaudeLoader
from agent_editor.app.editor.body_editor import exact_text
from agent_editor.app.editor.form.editors import MISSING, TextEditor, monospace_font


class YamlEditor(TextEditor):
    """A value with structure (a list, a mapping) edited as YAML text; applied once it reads."""

    def __init__(self):
        super().__init__(placeholder=self.tr("One item a line, for example:\n- name: value"), lines=4)
        self.text.setFont(monospace_font())
        self.note = QLabel(objectName="fieldNote")
        self.layout().addWidget(self.note)
        self.note.hide()

    def show_value(self, value: Any) -> None:
        text = "" if value is MISSING or value is None else yaml.safe_dump(
            value, default_flow_style=False, sort_keys=False, allow_unicode=True).rstrip("\n")
        if text.endswith("\n..."):
            text = text[:-4]
        try:
            current = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            current = MISSING
        if current != (None if value is MISSING else value):
            super().show_value(text)
        self.note.hide()

    def _on_text_text_changed(self) -> None:
        if self._showing or self.cut_short:
            return
        try:
            value = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            self.note.setText(self.tr("Not applied yet: Claude Code could not read this. Check the colons, "
                                      "quotes and indentation."))
            self.note.show()
            return
        self.note.hide()
        self.edited.emit(value)
