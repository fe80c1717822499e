"""Who is who in the compare view: a variant's name card, and the legend of the colours.

``VariantHeader`` shows one variant of the pair (its letter, file, agent name and
whether it has unsaved changes) with its own Undo, Redo and Save buttons; it reads an
``OpenDocument`` and asks the window to save (``save_requested``). ``Legend`` says what
the colours mean.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from agent_editor.app.access.names import name
from agent_editor.app.open_document import OpenDocument
from agent_editor.app.compare.style import colours, e, letter_icon
from agent_editor.app.plain_text import tip


class VariantHeader(QFrame):
    """One variant's card: letter, file name, agent name, unsaved mark, Undo/Redo/Save."""

    save_requested = Signal()
    activated = Signal()  # the author used this variant's own buttons

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="variantHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 8, 6)
        row.setSpacing(8)
        self.tag = QLabel(objectName="variantTag")
        self.name = QLabel(objectName="variantName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # A long file name is cut at the card's edge (its tip has it whole) rather than
        # making the window wider than a small screen.
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name.setMinimumWidth(60)
        self.modified = QLabel("● unsaved", objectName="variantModified")
        self.modified.hide()
        self.undo_button = QToolButton(objectName="variantButton", text="↶ Undo")
        self.redo_button = QToolButton(objectName="variantButton", text="↷ Redo")
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.redo_button.clicked.connect(self._on_redo_button_clicked)
        self.save_button = QToolButton(objectName="variantButton", text="Save")
        self.save_button.clicked.connect(self.save_requested)
        name(self.undo_button, self.tr("Undo in this variant"), self.tr("Undo the last change to this variant"))
        name(self.redo_button, self.tr("Redo in this variant"), self.tr("Redo the change to this variant"))
        name(self.save_button, self.tr("Save this variant"), self.tr("Save this variant's file"))
        for button in (self.undo_button, self.redo_button, self.save_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(self.activated)
        row.addWidget(self.tag)
        row.addWidget(self.name, 1)
        row.addWidget(self.modified)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addWidget(self.save_button)
        self._document: OpenDocument | None = None
        self._letter = ""

    def bind(self, document: OpenDocument, letter: str, index: int) -> None:
        if self._document is not None:
            old = self._document
            old.modified_changed.disconnect(self._on_document_modified_changed)
            old.path_changed.disconnect(self._on_document_path_changed)
            old.fields_changed.disconnect(self.show_name)
            stack = old.undo_stack
            stack.canUndoChanged.disconnect(self.undo_button.setEnabled)
            stack.canRedoChanged.disconnect(self.redo_button.setEnabled)
            stack.undoTextChanged.disconnect(self._on_stack_undo_text_changed)
            stack.redoTextChanged.disconnect(self._on_stack_redo_text_changed)
        self._document, self._letter = document, letter
        self.tag.setPixmap(letter_icon(letter, index, 22).pixmap(QSize(22, 22)))
        self.save_button.setToolTip(tip(f"Save {letter} ({document.display_name})"))
        document.modified_changed.connect(self._on_document_modified_changed)
        document.path_changed.connect(self._on_document_path_changed)
        document.fields_changed.connect(self.show_name)
        # The stack's own signals carry what to show: when the window closes, the stack
        # announces it is emptied while it is already being destroyed.
        stack = document.undo_stack
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        stack.undoTextChanged.connect(self._on_stack_undo_text_changed)
        stack.redoTextChanged.connect(self._on_stack_redo_text_changed)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self._on_stack_undo_text_changed(stack.undoText())
        self._on_stack_redo_text_changed(stack.redoText())
        self.show_name()
        self._on_document_modified_changed(document.is_modified)

    def _on_undo_button_clicked(self) -> None:
        if self._document is not None:
            self._document.undo_stack.undo()

    def _on_redo_button_clicked(self) -> None:
        if self._document is not None:
            self._document.undo_stack.redo()

    def _on_stack_undo_text_changed(self, text: str) -> None:
        # The button stays short; its tip says what it would undo.
        self.undo_button.setToolTip(tip(f"Undo {text} in {self._letter}") if text else "Nothing to undo")

    def _on_stack_redo_text_changed(self, text: str) -> None:
        self.redo_button.setToolTip(tip(f"Redo {text} in {self._letter}") if text else "Nothing to redo")

    def show_name(self) -> None:
        if self._document is None:
            return
        agent = self._document.fields.get("name")
        agent_text = f'&nbsp;&nbsp;<span style="color:{colours().muted_text.name()}">{e(agent)}</span>' if isinstance(agent, str) else ""
        self.name.setText(f"<b>{e(self._document.display_name)}</b>{agent_text}")
        self.name.setToolTip(tip(str(self._document.path or self._document.display_name)))

    def _on_document_modified_changed(self, modified: bool) -> None:
        self.modified.setVisible(modified)
        self.save_button.setEnabled(modified)

    def _on_document_path_changed(self, _path) -> None:
        self.show_name()


class Legend(QLabel):
    """What the colours mean, in one line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="compareLegend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.set_letters(("A", "B"))

    def set_letters(self, letters: tuple[str, str]) -> None:
        a, b = letters

        def swatch(line, word) -> str:
            return (f'<span style="background:{line.name()}">&nbsp;&nbsp;</span>'
                    f'<span style="background:{word.name()}">&nbsp;&nbsp;</span>')

        palette = colours()
        items = [
            f"{swatch(palette.removed_line, palette.removed_word)} {a} only / {a}'s words",
            f"{swatch(palette.added_line, palette.added_word)} {b} only / {b}'s words",
            f'<span style="background:{palette.filler_hatch.name()}">&nbsp;&nbsp;&nbsp;</span> no lines on this side',
            f'<span style="color:{palette.current_change.name()}; font-weight:700">▍</span> current change',
            f'<span style="background:{palette.changed_row.name()}">&nbsp;&nbsp;&nbsp;</span> field differs',
        ]
        self.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(items))
