"""Undo and Redo actions for a window that follow one of several undo stacks.

Qt's ``QUndoGroup`` lets a stack belong to one group only: adding it to a second
group takes it out of the first. An open file's one history is shared by every
window that shows the file (the editor and a compare view), so each window needs its
own actions over stacks it does not own. ``SharedUndoGroup`` offers the part of
``QUndoGroup``'s interface the windows use, without claiming the stacks.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoStack

from agent_editor.app.plain_text import tip


class SharedUndoGroup(QObject):
    """Undo/Redo actions that act on the active stack; a stack may be in many groups."""

    active_stack_changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._stacks: list[QUndoStack] = []
        self._active: QUndoStack | None = None
        self._actions: list[tuple[QAction, str, bool]] = []  # action, prefix, is_undo

    def stacks(self) -> list[QUndoStack]:
        return list(self._stacks)

    def addStack(self, stack: QUndoStack) -> None:  # noqa: N802 - QUndoGroup's name
        if stack not in self._stacks:
            self._stacks.append(stack)
            stack.destroyed.connect(self._on_stack_destroyed)

    def removeStack(self, stack: QUndoStack) -> None:  # noqa: N802 - QUndoGroup's name
        if stack in self._stacks:
            self._stacks.remove(stack)
            try:
                stack.destroyed.disconnect(self._on_stack_destroyed)
            except (RuntimeError, TypeError):
                pass
        if stack is self._active:
            self.setActiveStack(None)

    def activeStack(self) -> QUndoStack | None:  # noqa: N802 - QUndoGroup's name
        return self._active

    def setActiveStack(self, stack: QUndoStack | None) -> None:  # noqa: N802 - QUndoGroup's name
        if stack is self._active:
            return
        old = self._active
        if old is not None:
            for signal in (old.canUndoChanged, old.canRedoChanged, old.undoTextChanged, old.redoTextChanged):
                try:
                    signal.disconnect(self._update)
                except (RuntimeError, TypeError):
                    pass
        if stack is not None:
            self.addStack(stack)
            for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                           stack.redoTextChanged):
                signal.connect(self._update)
        self._active = stack
        self._update()
        self.active_stack_changed.emit(stack)

    def createUndoAction(self, parent: QObject, prefix: str = "") -> QAction:  # noqa: N802 - Qt's name
        return self._make_action(parent, prefix or "Undo", True)

    def createRedoAction(self, parent: QObject, prefix: str = "") -> QAction:  # noqa: N802 - Qt's name
        return self._make_action(parent, prefix or "Redo", False)

    def undo(self) -> None:
        if self._active is not None:
            self._active.undo()

    def redo(self) -> None:
        if self._active is not None:
            self._active.redo()

    def _make_action(self, parent: QObject, prefix: str, is_undo: bool) -> QAction:
        action = QAction(prefix, parent)
        action.triggered.connect(self.undo if is_undo else self.redo)
        self._actions.append((action, prefix, is_undo))
        self._update()
        return action

    def _update(self, *_args) -> None:
        stack = self._active
        for action, prefix, is_undo in self._actions:
            if stack is None:
                action.setEnabled(False)
                action.setText(prefix)
                continue
            able = stack.canUndo() if is_undo else stack.canRedo()
            text = stack.undoText() if is_undo else stack.redoText()
            action.setEnabled(able)
            action.setText(f"{prefix} {text}" if able and text else prefix)
            action.setToolTip(tip(action.text()))  # its text names a key; as a tooltip it stays text

    def _on_stack_destroyed(self, stack: QObject) -> None:
        # The wrapper handed over while the stack is destroyed may be a new one: compare addresses.
        gone = shiboken6.getCppPointer(stack)[0]
        self._stacks = [s for s in self._stacks if shiboken6.getCppPointer(s)[0] != gone]
        if self._active is not None and shiboken6.getCppPointer(self._active)[0] == gone:
            self._active = None
            self._update()
