"""The inputs behind the form's text rows, and what every row's input shares.

``ValueEditor`` is the one interface the form talks to: ``show_value`` shows what the
document holds (``MISSING`` when the key is absent) and ``edited`` sends a new value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from agent_editor.app.access.names import name
from agent_editor.app.editor.body_editor import exact_text, has_long_line

# A value with a line longer than this is shown cut to its first LONG_VALUE_SHOWN characters,
# read-only, with a Show All button: Qt lays out a line in one go, and a line of hundreds of
# thousands of characters in a narrow field holds the window for a good part of a second.
LONG_VALUE_SHOWN = 20_000

MISSING = object()  # the key is not in the file
NO_ECHO = object()  # no edit of the author's own is on its way back


class WindowHistoryKeys(QObject):
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


class ValueEditor(QWidget):
    """A field's input. ``edited`` carries the new value (None: take the key out)."""

    edited = Signal(object)

    def show_value(self, value: Any) -> None:  # value is MISSING when the key is absent
        raise NotImplementedError

    def forget_choice(self) -> None:
        """Drop any choice made on screen but not written yet (another file is shown)."""


class LineEditor(ValueEditor):
    def __init__(self, placeholder: str = "", as_list: bool = False):
        super().__init__()
        self._as_list = as_list
        self.line = QLineEdit(placeholderText=placeholder)
        fill_with(self, self.line)
        self.line.textEdited.connect(self._on_line_text_edited)

    def show_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            text = ""
        elif self._as_list and isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        elif isinstance(value, str):
            text = value
        else:
            import yaml  # PyYAML is loaded by the time the form shows values; not before the first frame

            text = yaml.safe_dump(value, default_flow_style=True).strip()
            text = text.removesuffix("\n...").strip()
        if self.line.text() != text:
            self.line.setText(text)

    def _on_line_text_edited(self, text: str) -> None:
        if self._as_list:
            items = [item.strip() for item in text.split(",") if item.strip()]
            self.edited.emit(items or None)
        else:
            self.edited.emit(text)


class TypedLineEditor(LineEditor):
    """A simple value of a key Claude Code does not know: text stays text, 5 stays a number."""

    def __init__(self, original: Any):
        super().__init__()
        self._typed = not isinstance(original, str)

    def _on_line_text_edited(self, text: str) -> None:
        if self._typed:
            import yaml

            from agent_editor.agentfile.header import ClaudeLoader

            try:
                self.edited.emit(yaml.load(text, Loader=ClaudeLoader) if text.strip() else "")
                return
            except yaml.YAMLError:
                pass
        self.edited.emit(text)


class TextEditor(ValueEditor):
    """A value as plain text; a very long one is shown cut short until the author asks for all of it.

    While cut short, the input is read-only and sends nothing: the document keeps the
    whole value, and saving writes it back as it is.
    """

    text_class = QPlainTextEdit  # the input; a subclass may number its lines

    def __init__(self, placeholder: str = "", lines: int = 5):
        super().__init__()
        self.text = self.text_class(placeholderText=placeholder)
        self.text.setTabChangesFocus(True)
        height = self.text.fontMetrics().lineSpacing() * lines + 14
        self.text.setFixedHeight(height)
        fill_with(self, self.text)
        self.text.textChanged.connect(self._on_text_text_changed)
        self._showing = False
        self._whole: str | None = None  # the value, while the input shows it cut short
        self._all_asked = False
        self.show_all: QPushButton | None = None  # made the first time a value is cut short

    @property
    def cut_short(self) -> bool:
        return self._whole is not None

    def show_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ("" if value is MISSING or value is None else str(value))
        cut = not self._all_asked and len(text) > LONG_VALUE_SHOWN and has_long_line(text, LONG_VALUE_SHOWN)
        self._whole = text if cut else None
        self.text.setReadOnly(cut)
        if cut:
            self._show_all_button().setText(self.tr("Show All {count} Characters").format(count=f"{len(text):,}"))
            text = text[:LONG_VALUE_SHOWN] + " …"
        if self.show_all is not None:
            self.show_all.setVisible(cut)
        if exact_text(self.text) != text:
            self._showing = True
            self.text.setPlainText(text)
            self._showing = False

    def _show_all_button(self) -> QPushButton:
        if self.show_all is None:
            self.show_all = QPushButton(objectName="showAllText")
            name(self.show_all, self.tr("Show all of the value"),
                 self.tr("Shows the whole value, to edit it; a very long one can take a moment"))
            self.show_all.clicked.connect(self._on_show_all_clicked)
            self.layout().insertWidget(self.layout().indexOf(self.text) + 1, self.show_all, 0,
                                       Qt.AlignmentFlag.AlignLeft)
        return self.show_all

    def _on_show_all_clicked(self) -> None:
        self._all_asked = True
        if self._whole is not None:
            self.show_value(self._whole)

    def forget_choice(self) -> None:
        self._all_asked = False  # another file: its long values are cut short again

    def _on_text_text_changed(self) -> None:
        if not self._showing and not self.cut_short:
            self.edited.emit(exact_text(self.text))



class NumberEditor(ValueEditor):
    def __init__(self):
        super().__init__()
        self.spin = QSpinBox(minimum=0, maximum=100000, specialValueText=self.tr("Not set"))
        fill_with(self, self.spin)
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



def same_value(a: Any, b: Any) -> bool:
    return a == b and type(a) is type(b)


def fill_with(parent: QWidget, child: QWidget) -> None:
    box = QVBoxLayout(parent)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(child)
    parent.setFocusProxy(child)


def monospace_font():
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
