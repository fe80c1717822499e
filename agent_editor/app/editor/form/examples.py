"""The description's input with an examples editor under it.

The text box shows the whole description, as before. Below it, each ``<example>`` block
is a row with its context, the user's words, the assistant's answer and the commentary,
which can be edited, moved up or down, removed, or added; every change is written into the
description (``claudeview.examples`` keeps all the other text as it is). A description
whose examples are not of the usual shape stays plain text, and the rows say so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_editor.app.access.names import name
from agent_editor.app.editor.body_editor import exact_text
from agent_editor.app.editor.form.editors import MISSING, TextEditor, WindowHistoryKeys
from agent_editor.claudeview.examples import Example, SplitDescription, split

PARTS = (("context", "Context"), ("user", "User says"), ("assistant", "Assistant answers"),
         ("commentary", "Why this agent"))


class ExampleRow(QFrame):
    """One example: four inputs and the buttons to move or remove it."""

    part_edited = Signal(int, str, str)  # index, part, new text
    move_requested = Signal(int, int)  # index, to
    remove_requested = Signal(int)

    def __init__(self, index: int, count: int, example: Example, parent: QWidget | None = None):
        super().__init__(parent, objectName="exampleRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.index = index
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 8)
        head = QHBoxLayout()
        head.addWidget(QLabel(f"Example {index + 1}", objectName="exampleTitle"), 1)
        for text, tip, to in (("↑", "Move this example up", index - 1), ("↓", "Move this example down", index + 1)):
            button = QToolButton(text=text, toolTip=tip, enabled=0 <= to < count)
            name(button, f"{tip} (example {index + 1})")
            button.clicked.connect(lambda _=False, t=to: self.move_requested.emit(self.index, t))
            head.addWidget(button)
        remove = QToolButton(text="Remove", toolTip="Take this example out of the description")
        name(remove, f"Remove example {index + 1}", "Take this example out of the description")
        remove.clicked.connect(lambda: self.remove_requested.emit(self.index))
        head.addWidget(remove)
        box.addLayout(head)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        for part, label in PARTS:
            value = getattr(example, part)
            if part == "context":
                widget = QLineEdit(value, placeholderText="When does this happen? (optional)")
                widget.textEdited.connect(lambda text, p=part: self.part_edited.emit(self.index, p, text))
            else:
                widget = QPlainTextEdit(value, placeholderText=f"{label} (in a few words)")
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 2 + 14)
                widget.textChanged.connect(lambda p=part, w=widget: self._on_text_changed(p, w))
            name(widget, f"Example {index + 1}: {label}")
            self.inputs[part] = widget
            form.addRow(label, widget)
        box.addLayout(form)
        self._showing = False

    def _on_text_changed(self, part: str, widget: QPlainTextEdit) -> None:
        if not self._showing:
            self.part_edited.emit(self.index, part, exact_text(widget))


class DescriptionEditor(TextEditor):
    """The description as text, and its examples as rows."""

    def __init__(self, placeholder: str = "", lines: int = 6):
        super().__init__(placeholder, lines)
        self._split: SplitDescription | None = None
        self._shown_text: str | None = None
        self.examples_box = QWidget(objectName="examplesBox")
        column = QVBoxLayout(self.examples_box)
        column.setContentsMargins(0, 6, 0, 0)
        self.examples_title = QLabel("Examples", objectName="fieldHelp")
        column.addWidget(self.examples_title)
        self.note = QLabel(objectName="fieldHelp", wordWrap=True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.note)
        self.rows_box = QVBoxLayout()
        column.addLayout(self.rows_box)
        self.add_button = QPushButton("Add Example")
        self.add_button.setToolTip("Add an example: when Claude should pick this agent, shown as a short conversation")
        name(self.add_button, "Add Example", self.add_button.toolTip())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout().addWidget(self.examples_box)
        self.rows: list[ExampleRow] = []
        self._history_keys = WindowHistoryKeys(self)

    # ----- showing ---------------------------------------------------------------------

    def show_value(self, value: Any) -> None:
        super().show_value(value)
        text = value if isinstance(value, str) else ""
        if value is MISSING or text == self._shown_text:
            if value is MISSING:
                self._rebuild(None, "")
            return  # our own edit coming back: the rows already show it
        self._rebuild(split(text), text)

    def _rebuild(self, parts: SplitDescription | None, text: str) -> None:
        self._split, self._shown_text = parts, text
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        if parts is None:
            self.note.setText("The examples in this description are not in the usual form (<example> blocks "
                              "with Context, user, assistant and commentary), so they stay plain text above."
                              if "<example>" in text else "")
            self.note.setVisible("<example>" in text)
            self.add_button.setVisible("<example>" not in text)
            self.examples_title.setText("Examples")
            return
        self.note.hide()
        self.add_button.show()
        count = len(parts.examples)
        self.examples_title.setText(f"Examples ({count})" if count else "Examples: none yet")
        for index, example in enumerate(parts.examples):
            row = ExampleRow(index, count, example)
            row.part_edited.connect(self._on_row_part_edited)
            row.move_requested.connect(self._on_row_move_requested)
            row.remove_requested.connect(self._on_row_remove_requested)
            self.rows_box.addWidget(row)
            self._history_keys.watch(row)  # Undo goes to the window's one history, as in every input
            self.rows.append(row)

    # ----- editing ---------------------------------------------------------------------

    def _send(self, rebuild: bool) -> None:
        assert self._split is not None
        text = self._split.compose()
        if rebuild:
            self._rebuild(self._split, text)
        self._shown_text = text
        self.edited.emit(text)

    def _on_row_part_edited(self, index: int, part: str, value: str) -> None:
        if self._split is None:
            return
        self._split.replace_example(index, self._split.examples[index].edited(**{part: value}))
        self._send(rebuild=False)

    def _on_row_move_requested(self, index: int, to: int) -> None:
        if self._split is not None and 0 <= to < len(self._split.examples):
            self._split.move(index, to)
            self._send(rebuild=True)

    def _on_row_remove_requested(self, index: int) -> None:
        if self._split is not None:
            self._split.remove(index)
            self._send(rebuild=True)

    def _on_add_button_clicked(self) -> None:
        if self._split is None:
            self._split = split(exact_text(self.text))
            if self._split is None:
                return
        index = self._split.add()
        self._send(rebuild=True)
        self.rows[index].inputs["user"].setFocus()
