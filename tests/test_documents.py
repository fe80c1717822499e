"""One document per file: the editor and the compare view share it, its history and its saves."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings

from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.documents import DocumentRegistry, documents
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.open_document import OpenDocument
from agent_editor.compare.model import Side
from conftest import FakeDialogs, changed_lines, copy_seed


@pytest.fixture
def editor(qtbot, tmp_path, dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(dialogs=dialogs, settings=settings)
    yield window
    dialogs.save_choice = SaveChoice.DISCARD
    for compare in window.findChildren(CompareWindow):
        compare.close()
    window.close()


def compare_from(editor: MainWindow, *paths) -> CompareWindow:
    editor.compare_dialog(list(paths))
    [window] = [w for w in editor.findChildren(CompareWindow) if w.isVisible()]
    return window


# ----- the registry ------------------------------------------------------------------------


@pytest.fixture
def registry():
    made = DocumentRegistry()
    yield made
    made.deleteLater()  # at a safe moment, not whenever the garbage collector runs


def test_one_document_per_resolved_path_until_the_last_holder_lets_go(qtbot, tmp_path, registry):
    path = copy_seed(tmp_path, "000")
    (tmp_path / "sub").mkdir()
    first, second = object(), object()
    a = registry.open(path, first)
    b = registry.open(tmp_path / "sub" / ".." / path.name, second)
    assert a is b and registry.find(path) is a
    registry.release(a, first)
    registry.release(a, first)  # twice: nothing more
    assert registry.find(path) is a and registry.holders(a) == [second]
    with qtbot.waitSignal(registry.document_removed):
        registry.release(a, second)
    assert registry.find(path) is None and registry.all() == []


def test_save_as_moves_the_document_to_its_new_path(tmp_path, registry):
    holder = object()
    doc = registry.open(copy_seed(tmp_path, "001"), holder)
    target = tmp_path / "renamed.md"
    doc.save(target)
    assert registry.find(target) is doc
    assert registry.find(tmp_path / "001_e8af0677f75d917f.md") is None
    registry.release(doc, holder)


def test_a_symlinked_path_is_the_same_document(tmp_path, registry):
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    path = copy_seed(tmp_path, "002")
    link = tmp_path / "link.md"
    link.symlink_to(path)
    holder = object()
    assert registry.open(link, holder) is registry.open(path, holder)


# ----- editor and compare view share one document ------------------------------------------


def test_compare_view_shows_the_editors_unsaved_edits(qtbot, tmp_path, editor):
    mine, other = copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")
    assert editor.open_file(mine)
    editor.current.set_field("model", "haiku")
    compare = compare_from(editor, mine, other)
    assert compare.session.left is editor.current
    assert compare.session.left.fields["model"] == "haiku"
    assert mine.read_bytes() == (tmp_path / mine.name).read_bytes()  # nothing written


def test_a_change_carried_in_the_compare_view_shows_in_the_editor_and_is_one_history(qtbot, tmp_path, editor):
    mine, other = copy_seed(tmp_path, "003"), copy_seed(tmp_path, "001")
    assert editor.open_file(mine)
    compare = compare_from(editor, other, mine)  # mine is B
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    with qtbot.waitSignal(compare.comparison_updated):
        compare.copy_field("color", Side.B)
    assert editor.current.fields["color"] == "purple"
    assert editor.form.rows["color"].editor.buttons["purple"].isChecked()
    assert editor.isWindowModified()
    assert editor.undo_action.isEnabled() and "color" in editor.undo_action.text()
    editor.undo_action.trigger()  # the editor's Undo takes back the compare view's change
    assert editor.current.fields["color"] == "#6366F1"
    assert not editor.isWindowModified() and not compare.session.right.is_modified


def test_saving_in_the_compare_view_is_not_another_program(qtbot, tmp_path, editor, dialogs):
    mine, other = copy_seed(tmp_path, "003"), copy_seed(tmp_path, "001")
    before = mine.read_bytes()
    assert editor.open_file(mine)
    compare = compare_from(editor, other, mine)
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    compare.copy_field("color", Side.B)
    assert compare.save_variant(1)
    editor.current.check_disk_now()
    qtbot.wait(120)  # the watcher's own delay: nothing may arrive
    assert editor.banner.isHidden()
    assert not editor.isWindowModified()
    assert editor.current.fields["color"] == "purple"
    assert len(changed_lines(before, mine.read_bytes())) == 1
    # A later edit in the editor saves over the compare view's save without asking.
    editor.current.set_field("description", "Both changes are kept.")
    assert editor.save()
    assert dialogs.asked("ask_overwrite_changed_file") == []
    saved = mine.read_text(encoding="utf-8")
    assert "color: purple" in saved.replace('"', "") and "Both changes are kept." in saved


def test_closing_the_compare_view_does_not_ask_while_the_editor_keeps_the_changes(qtbot, tmp_path, editor, dialogs):
    mine, other = copy_seed(tmp_path, "003"), copy_seed(tmp_path, "001")
    assert editor.open_file(mine)
    compare = compare_from(editor, other, mine)
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    compare.copy_field("color", Side.B)
    compare.close()
    assert dialogs.asked("ask_save_changes") == []
    assert editor.current.fields["color"] == "purple" and editor.isWindowModified()
    assert documents().find(other) is None  # only the compare view held the other one
    dialogs.save_choice = SaveChoice.CANCEL
    editor.close()
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", mine.name)]


def test_the_editor_lets_go_without_asking_while_the_compare_view_keeps_the_changes(qtbot, tmp_path, editor,
                                                                                     dialogs):
    mine, other, third = copy_seed(tmp_path, "003"), copy_seed(tmp_path, "001"), copy_seed(tmp_path, "000")
    assert editor.open_file(mine)
    editor.current.set_field("model", "haiku")
    compare = compare_from(editor, mine, other)
    assert editor.open_file(third)  # no question: the compare view still shows the change
    assert dialogs.asked("ask_save_changes") == []
    assert compare.session.left.fields["model"] == "haiku" and compare.session.left.is_modified
    assert editor.open_file(mine)  # back: the same document, changes and all
    assert editor.current is compare.session.left and editor.isWindowModified()


def test_compare_window_made_from_documents_outside_the_registry_still_works(qtbot, tmp_path):
    dialogs = FakeDialogs()
    dialogs.save_choice = SaveChoice.DISCARD
    docs = [OpenDocument.open(copy_seed(tmp_path, p)) for p in ("000", "001")]
    window = CompareWindow(docs, dialogs=dialogs)
    qtbot.addWidget(window)
    assert documents().find(docs[0].path) is docs[0]
    window.close()
    assert documents().find(docs[0].path) is None


def test_keep_my_version_keeps_a_change_made_in_the_compare_view(qtbot, tmp_path, editor, dialogs):
    mine, other = copy_seed(tmp_path, "003"), copy_seed(tmp_path, "001")
    assert editor.open_file(mine)
    compare = compare_from(editor, other, mine)
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    assert compare.copy_field("color", Side.B)  # unsaved, made in the compare view
    theirs = mine.read_text(encoding="utf-8") + "\nAnother program added this.\n"
    mine.write_text(theirs, encoding="utf-8")
    editor.current.check_disk_now()
    assert not editor.banner.isHidden()
    editor.banner.button("Keep My Version").click()
    assert editor.current.fields["color"] == "purple" and compare.session.right.fields["color"] == "purple"
    assert editor.save()
    saved = mine.read_text(encoding="utf-8")
    assert "Another program" not in saved and "purple" in saved
