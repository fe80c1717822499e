"""Every question the app asks the author, in one place.

Dialogs are only for decisions. The window calls these methods and never builds a
message box itself, so a test can hand the window a ``Dialogs`` whose answers are
scripted instead of patching Qt.

Their messages name files and quote file text, so every message box and prompt shows
its text as plain text: a name such as ``<img src=...>`` is shown, never loaded.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

AGENT_FILE_FILTER = "Agent files (*.md);;Text files (*.md *.txt);;All files (*)"


def _file_filter() -> str:
    return QCoreApplication.translate("Dialogs", "Agent files (*.md);;Text files (*.md *.txt);;All files (*)")


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """Asks with real dialogs; tests substitute an object with the same methods."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def for_window(self, window: QWidget) -> Dialogs:
        """The same questions, asked over ``window`` (another window the app opens)."""
        return Dialogs(window)

    def ask_save_changes(self, name: str) -> SaveChoice:
        box = _plain_box(self.parent, QMessageBox.Icon.Warning, QCoreApplication.translate("Dialogs", "Unsaved changes"),
                         QCoreApplication.translate("Dialogs", "Save the changes to “{name}”?").format(name=name))
        box.setInformativeText(QCoreApplication.translate("Dialogs", "If you don't save, your changes will be lost."))
        save = box.addButton(QCoreApplication.translate("Dialogs", "Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("Dialogs", "Don't Save"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SaveChoice.SAVE
        if clicked is discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def ask_overwrite_changed_file(self, name: str, deleted: bool) -> bool:
        """Saving over a file another program changed (or deleted): go ahead?"""
        if deleted:
            title = QCoreApplication.translate("Dialogs", "File deleted by another program")
            text = QCoreApplication.translate("Dialogs", "“{name}” was deleted or moved by another program since you "
                                              "opened it.\n\nSave your version there again?").format(name=name)
        else:
            title = QCoreApplication.translate("Dialogs", "File changed by another program")
            text = QCoreApplication.translate("Dialogs", "“{name}” was changed by another program since you opened "
                                              "it.\n\nSave your version anyway? The other program's changes will be "
                                              "replaced.").format(name=name)
        return _ask_plain(self.parent, title, text, QMessageBox.StandardButton.Save)

    def ask_review_recovered(self, titles: list[str]) -> bool:
        """After a crash: show the recovered unsaved changes now (True) or at the next start?"""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Unsaved changes recovered")
        count = len(titles)
        listed = "\n".join(f"• {title}" for title in titles[:12]) + ("\n…" if count > 12 else "")
        box.setText(f"Agent Editor closed without saving your changes to {count} agent{'s' if count != 1 else ''}. "
                    "They were kept.")
        box.setInformativeText(f"{listed}\n\nCompare each with the file on disk, then restore or discard it. "
                               "Nothing is restored until you choose.")
        box.setTextFormat(Qt.TextFormat.PlainText)
        review = box.addButton("Review Now", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(review)
        box.exec()
        return box.clickedButton() is review

    def ask_discard_recovered(self, title: str) -> bool:
        """Delete the recovered changes to ``title`` for good?"""
        return _ask_plain(self.parent, "Discard recovered changes",
                          f"Discard the recovered changes to “{title}”?\n\nThey cannot be brought back afterwards.",
                          QMessageBox.StandardButton.Discard)

    def ask_save_anyway(self, name: str, reason: str) -> bool:
        """An error stands: save ``name`` anyway, knowing Claude Code will ignore it until it is fixed?"""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Save with an error"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QCoreApplication.translate("Dialogs", "Claude Code will ignore this agent until this is "
                                               "fixed:\n{reason}").format(reason=reason))
        box.setInformativeText(QCoreApplication.translate("Dialogs", "Save “{name}” anyway, to finish it later?")
                               .format(name=name))
        save = box.addButton(QCoreApplication.translate("Dialogs", "Save Anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is save

    def ask_version(self, name: str, choices: list[str]) -> int | None:
        """Which earlier version of ``name`` to compare with (an index into ``choices``)?"""
        if not choices:
            _plain_box(self.parent, QMessageBox.Icon.Information, "No earlier versions",
                       f"No earlier version of “{name}” is kept yet: one is kept each time you save.").exec()
            return None
        dialog = _plain_input(self.parent, "Compare with an earlier version", f"Versions of “{name}”, newest first:")
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.textValue()
        return choices.index(choice) if choice in choices else None

    def ask_open_paths(self, folder: Path | None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent, QCoreApplication.translate("Dialogs", "Open agent files"), str(folder or ""), _file_filter())
        return [Path(n) for n in names]

    def ask_folder(self, folder: Path | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self.parent, QCoreApplication.translate("Dialogs", "Open a folder of agents"), str(folder or ""))
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Dialogs", "Save agent as"), str(suggested), _file_filter())
        return Path(name) if name else None

    def ask_template(self, templates: list) -> object | None:
        """Which starting point for a new agent (a ``library.files.Template``), or None."""
        labels = [f"{t.name} — {t.summary}" for t in templates]
        label, ok = QInputDialog.getItem(self.parent, QCoreApplication.translate("Dialogs", "New agent"),
                                         QCoreApplication.translate("Dialogs", "Start from:"), labels, 0, False)
        return templates[labels.index(label)] if ok and label in labels else None

    def ask_agent_name(self, title: str, prompt: str, current: str) -> str | None:
        """A new name for an agent (renaming it), or None."""
        dialog = _plain_input(self.parent, title, prompt)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(current)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_trash_with_changes(self, name: str) -> bool:
        """Moving an open file with unsaved changes to the trash: the changes are lost. Go ahead?"""
        return _ask_plain(self.parent, "Unsaved changes",
                          f"“{name}” has changes that are not saved. Move it to the trash anyway?\n\n"
                          "The file goes to the trash as it was last saved; the unsaved changes are lost.",
                          QMessageBox.StandardButton.Yes)

    def ask_choose_variants(self, list_shown: bool, selected: int) -> bool:
        """Compare Variants with fewer than two agents chosen: how to choose them. True: pick
        the files now."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Compare Variants")
        box.setText("Choose two or more agents to compare.")
        pick = "In the next window, click one file, then hold Ctrl (⌘ on a Mac) and click the others."
        if list_shown:
            chosen = "one agent is selected" if selected == 1 else "no agent is selected"
            box.setInformativeText(
                f"In the list on the left {chosen}. Click an agent, then hold Ctrl (⌘ on a Mac) and click the "
                "others; then press “Compare Selected” under the list.\n\nOr choose the files now. " + pick)
        else:
            box.setInformativeText(pick)
        choose = box.addButton("Choose Files…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(choose)
        box.exec()
        return box.clickedButton() is choose

    def ask_send_to_claude(self, message: str) -> bool:
        """Before a try: what will be sent, to whom, and roughly what it costs. Go ahead?"""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Send to Claude Code?")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText("This sends text to Anthropic and costs money on your account.")
        box.setInformativeText(message)
        run = box.addButton("Run", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(run)
        box.exec()
        return box.clickedButton() is run

    def ask_apply_fixes(self, name: str, diff: str, labels: list[str]) -> bool:
        """Fix All: show what would change in ``name`` (a unified diff), then apply it or not."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle("Fix All")
        dialog.resize(760, 520)
        box = QVBoxLayout(dialog)
        intro = QLabel(f"These changes will be made to “{name}”. Undo takes them all back at once.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        box.addWidget(intro)
        fixes = QLabel("\n".join(f"• {label}" for label in labels))
        fixes.setTextFormat(Qt.TextFormat.PlainText)
        fixes.setWordWrap(True)
        box.addWidget(fixes)
        shown = QPlainTextEdit(diff, readOnly=True, objectName="diffPane")
        shown.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        shown.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.addWidget(shown, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Apply the Fixes", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        box.addWidget(buttons)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_error(self, title: str, message: str) -> None:
        _plain_box(self.parent, QMessageBox.Icon.Warning, title, message).exec()

    def show_about(self, title: str, html: str) -> None:
        QMessageBox.about(self.parent, title, html)  # the app's own words only


def _plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box whose text is shown as it is, never as markup."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def _plain_input(parent: QWidget | None, title: str, prompt: str) -> QInputDialog:
    """An input dialog whose prompt is shown as it is, never as markup."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(" ")  # makes its label, which is set to plain text before the prompt goes in
    for label in dialog.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setLabelText(prompt)
    return dialog


def _ask_plain(parent: QWidget | None, title: str, text: str, go: QMessageBox.StandardButton) -> bool:
    """A warning with ``go`` and Cancel (the default); True when ``go`` is chosen."""
    box = _plain_box(parent, QMessageBox.Icon.Warning, title, text)
    box.setStandardButtons(go | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.standardButton(box.clickedButton()) == go
