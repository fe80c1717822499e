"""One row of the form: a field's title, help, input and the problems that concern it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from agent_editor.agentfile.validation import Problem
from agent_editor.app.access.names import name
from agent_editor.app.editor.problems import severity_icon
from agent_editor.app.editor.form.editors import ValueEditor
from agent_editor.app.plain_text import escape, tip as plain_tip


class FieldRow(QFrame):
    """A field's title, help, input and the problems that concern it."""

    fix_requested = Signal(object)
    remove_requested = Signal(str)

    def __init__(self, key: str, title: str, help_text: str, editor: ValueEditor, removable: bool = False):
        super().__init__(objectName="fieldRow")
        self.key, self.editor = key, editor
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 6)
        box.setSpacing(3)
        head = QHBoxLayout()
        self.title = QLabel(f"<b>{escape(title)}</b>", objectName="fieldTitle", textFormat=Qt.TextFormat.RichText)
        self.title.setBuddy(editor.focusProxy() or editor)
        if editor.focusProxy() is not None:  # one input: it carries the field's name and help
            name(editor.focusProxy(), title, help_text)
        head.addWidget(self.title)
        head.addStretch(1)
        if removable:
            tooltip = self.tr("Take “{key}” out of the file").format(key=key)
            remove = QToolButton(text=self.tr("Remove"), toolTip=plain_tip(tooltip), autoRaise=True)
            name(remove, self.tr("Remove {field}").format(field=title), tooltip)
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
            text.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the file, a stranger's text
            text.setAccessibleName(f"{problem.severity}: {problem.message}")
            if problem.details:
                text.setToolTip(self.tr("Details: {details}").format(details=problem.details))
                text.setAccessibleDescription(problem.details)
            text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
            row.addWidget(text, 1)
            column.addLayout(row)
            if problem.fix:
                button = QPushButton(problem.fix.label, objectName="fixButton")
                name(button, problem.fix.label, problem.message)
                button.clicked.connect(lambda _=False, f=problem.fix: self.fix_requested.emit(f))
                column.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.problem_box.addWidget(line)
