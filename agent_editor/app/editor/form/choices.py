"""Inputs for a fixed set of values: the model row (editable), choices and yes/no."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from agent_editor.agentfile.wording import translate

from agent_editor.app.editor.form.editors import MISSING, ValueEditor, fill_with


class ChoiceEditor(ValueEditor):
    """A fixed set of values, plus "Not set"; a value Claude Code does not know is shown as such.

    Each value keeps the spelling Claude Code reads (``acceptEdits``); its one-line
    explanation from the schema is the item's tooltip and stands under the list for
    the value chosen.
    """

    def __init__(self, choices: tuple[str, ...], unset_text: str = "", editable: bool = False,
                 choice_help: dict[str, str] | None = None):
        super().__init__()
        unset_text = unset_text or self.tr("Not set")
        self._choice_help = {k: translate("schema", v) for k, v in (choice_help or {}).items()}
        self.combo = QComboBox(editable=editable)
        self.combo.addItem(unset_text, None)
        for choice in choices:
            self.combo.addItem(choice, choice)
            if choice in self._choice_help:
                self.combo.setItemData(self.combo.count() - 1, self._choice_help[choice], Qt.ItemDataRole.ToolTipRole)
        if editable:
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter must not add a choice
            self.combo.lineEdit().setPlaceholderText(unset_text)
            self.combo.setItemText(0, "")
            self.combo.currentTextChanged.connect(self._on_combo_current_text_changed)
        else:
            self.combo.activated.connect(self._on_combo_activated)
        fill_with(self, self.combo)
        self.note = QLabel(objectName="fieldHelp", wordWrap=True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.layout().addWidget(self.note)
        self.note.setVisible(bool(self._choice_help))
        self.combo.currentTextChanged.connect(self._show_choice_help)
        self._showing = False
        self._show_choice_help(self.combo.currentText())

    def show_value(self, value: Any) -> None:
        self._showing = True
        try:
            if value is MISSING or value is None:
                self.combo.setCurrentIndex(0)
            else:
                index = self.combo.findData(value)
                if index < 0:
                    if self.combo.isEditable():
                        if self.combo.currentText() != str(value):
                            self.combo.setEditText(str(value))
                        return
                    self.combo.addItem(self.tr("{value} (not recognised)").format(value=value), value)
                    index = self.combo.count() - 1
                self.combo.setCurrentIndex(index)
        finally:
            self._showing = False

    def _show_choice_help(self, text: str) -> None:
        if not self._choice_help:
            return
        value = self.combo.currentData() if not self.combo.isEditable() else (text.strip() or None)
        explanation = self._choice_help.get(value, "") if isinstance(value, str) else ""
        if value is None and not explanation:
            explanation = self._choice_help.get("inherit", "") if self.combo.isEditable() else ""
        self.note.setText(explanation)
        self.note.setVisible(bool(explanation))
        self.combo.setAccessibleDescription(explanation)

    def _on_combo_activated(self, index: int) -> None:
        self.edited.emit(self.combo.itemData(index))

    def _on_combo_current_text_changed(self, text: str) -> None:
        if not self._showing:
            self.edited.emit(text.strip() or None)



class BoolEditor(ChoiceEditor):
    def __init__(self):
        super().__init__(())
        self.combo.addItem(self.tr("Yes"), True)
        self.combo.addItem(self.tr("No"), False)
