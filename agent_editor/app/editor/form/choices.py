"""Inputs for a fixed set of values: the model row (editable), choices and yes/no."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from agent_editor.app.editor.form.editors import MISSING, ValueEditor, fill_with


class ChoiceEditor(ValueEditor):
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
        fill_with(self, self.combo)
        self._showing = False

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



class BoolEditor(ChoiceEditor):
    def __init__(self):
        super().__init__(())
        self.combo.addItem("Yes", True)
        self.combo.addItem("No", False)
