"""OpenDocument: one open file's text, its single history, its problems, and its file on disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from agent_editor.app import open_document
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError, FileChangedOnDisk
from agent_editor.app.open_document import OpenDocument
from conftest import seed_files

SEED = {path.name[:3]: path for path in seed_files()}


def copy_seed(folder: Path, prefix: str, name: str | None = None) -> Path:
    target = folder / (name or f"{SEED[prefix].stem}.md")
    shutil.copyfile(SEED[prefix], target)
    return target


class Clock:
    """Stands in for time.monotonic, so typing pauses need no sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(open_document.time, "monotonic", fake)
    return fake


@pytest.fixture
def opened(qtbot, tmp_path):
    """Open a copy of a seed; closed (its watcher stopped) at the end."""
    made: list[OpenDocument] = []

    def open_seed(prefix: str = "000") -> OpenDocument:
        doc = OpenDocument.open(copy_seed(tmp_path, prefix))
        made.append(doc)
        return doc

    yield open_seed
    for doc in made:
        doc.deleteLater()


def type_into_body(doc: OpenDocument, at: int, text: str) -> None:
    """As the body editor sends typing: the whole body after each keystroke."""
    for char in text:
        body = doc.body
        doc.set_body(body[:at] + char + body[at:])
        at += 1


def type_into_field(doc: OpenDocument, key: str, text: str) -> None:
    for char in text:
        doc.set_field(key, doc.fields[key] + char)


# ----- opening -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(SEED))
def test_open_reads_the_file_as_it_is(opened, prefix):
    doc = opened(prefix)
    raw = SEED[prefix].read_bytes()
    assert doc.document.to_text().encode() == raw
    assert doc.display_name == f"{SEED[prefix].stem}.md"
    assert isinstance(doc.fields["name"], str) and doc.fields["description"]
    assert doc.body and raw.decode().endswith(doc.body)
    assert not doc.is_modified and doc.undo_stack.count() == 0
    assert not doc.errors


def test_open_a_file_that_cannot_be_read_raises_a_plain_message(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(DocumentError) as raised:
        OpenDocument.open(bad)
    assert "not a text file" in raised.value.message
    with pytest.raises(DocumentError, match="does not exist"):
        OpenDocument.open(tmp_path / "missing.md")


def test_an_untitled_document(qtbot):
    doc = OpenDocument(AgentDocument.parse("---\nname: new-agent\ndescription: d\n---\nBody\n"))
    assert doc.path is None and doc.display_name == "Untitled agent"
    with pytest.raises(DocumentError, match="choose where to save"):
        doc.save()
    doc.check_disk_now()  # nothing on disk to look at
    doc.reload()  # nothing to reload
    assert doc.undo_stack.count() == 0


# ----- one history ---------------------------------------------------------------------------


def test_form_and_body_edits_share_one_history(opened, clock, qtbot):
    doc = opened("000")
    original = doc.document.to_text()
    type_into_field(doc, "name", "-two")
    after_name = doc.document.to_text()
    assert after_name == original.replace("name: backend-architect\n", "name: backend-architect-two\n")
    type_into_body(doc, 1, "Hello. ")
    after_body = doc.document.to_text()
    assert doc.undo_stack.count() == 2  # each run of typing is one step
    assert doc.undo_stack.undoText() == "Typing"

    doc.undo_stack.undo()
    assert doc.document.to_text() == after_name
    doc.undo_stack.undo()
    assert doc.document.to_text() == original
    assert not doc.is_modified
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert doc.document.to_text() == after_body
    assert doc.is_modified


def test_typing_merges_until_a_pause(opened, clock):
    doc = opened("002")
    type_into_body(doc, 0, "ab")
    clock.now += 1.0
    type_into_body(doc, 2, "cd")  # a short pause: still the same step
    assert doc.undo_stack.count() == 1
    clock.now += 2.0
    type_into_body(doc, 4, "ef")  # a longer one: a new step
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.body.startswith("abcd\n")
    doc.undo_stack.undo()
    assert doc.body == AgentDocument.load(SEED["002"]).body


def test_a_paste_is_a_step_of_its_own(opened, clock):
    doc = opened("002")
    type_into_body(doc, 0, "ab")
    doc.set_body("PASTED TEXT " + doc.body)
    type_into_body(doc, 0, "x")
    assert doc.undo_stack.count() == 3


def test_typing_in_another_field_is_another_step(opened, clock):
    doc = opened("000")
    type_into_field(doc, "name", "-a")
    type_into_field(doc, "description", " More.")
    type_into_field(doc, "name", "b")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.fields["name"] == "backend-architect-a"
    assert doc.fields["description"].endswith("More.")


def test_a_field_typed_from_empty_is_one_step(opened, clock):
    doc = opened("002")  # no model
    original = doc.document.to_text()
    for typed in ("h", "ha", "hai", "haik", "haiku"):
        doc.set_field("model", typed)
    type_into_field(doc, "description", " Also  spaces: yes.")  # quoting comes and goes
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.document.to_text() == original


def test_choices_made_in_quick_succession_are_steps_of_their_own(opened, clock):
    doc = opened("001")
    for color in ("cyan", "pink", "red"):
        doc.set_field("color", color)
    doc.set_field("tools", "Write, Read, MultiEdit, Bash")
    doc.set_field("tools", "Write, Read, Bash")
    assert doc.undo_stack.count() == 5
    doc.undo_stack.undo()
    assert doc.fields["tools"] == "Write, Read, MultiEdit, Bash"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.fields["color"] == "pink"


def test_replacing_a_selection_by_typing_is_a_step_of_its_own(opened, clock):
    doc = opened("002")
    type_into_body(doc, 0, "ab")
    doc.set_body(doc.body.replace("# Purpose", "# Purposx", 1))  # a letter selected and typed over
    assert doc.undo_stack.count() == 2


def test_typing_after_a_save_is_a_new_step(opened, clock):
    doc = opened("002")
    type_into_body(doc, 0, "ab")
    doc.save()
    type_into_body(doc, 2, "c")
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert not doc.is_modified  # back at what is on disk


def test_signals_say_what_changed(opened, qtbot):
    doc = opened("000")
    fields, bodies, modified = [], [], []
    doc.fields_changed.connect(lambda: fields.append(1))
    doc.body_changed.connect(bodies.append)
    doc.modified_changed.connect(modified.append)
    doc.set_field("model", "sonnet")
    assert (len(fields), bodies, modified) == (1, [], [True])
    doc.set_body("New body\n")
    assert len(fields) == 1 and bodies == ["New body\n"]
    doc.undo_stack.undo()  # the body
    assert bodies[-1] == AgentDocument.load(SEED["000"]).body and len(fields) == 1
    doc.undo_stack.undo()  # the field
    assert len(fields) == 2 and modified == [True, False]


def test_an_edit_that_changes_nothing_is_no_step(opened):
    doc = opened("000")
    doc.set_field("name", "backend-architect")
    doc.set_body(doc.body)
    doc.remove_field("color")  # not there
    assert doc.undo_stack.count() == 0 and not doc.is_modified


def test_a_value_that_cannot_be_written_leaves_the_document_alone(opened):
    doc = opened("000")
    before = doc.document.to_text()
    with pytest.raises(DocumentError):
        doc.set_field("name", "x\udcff")  # a lone surrogate cannot be written as UTF-8 or YAML
    assert doc.document.to_text() == before
    assert doc.undo_stack.count() == 0


def test_remove_rename_and_header_text_are_undoable(opened):
    doc = opened("003")
    original = doc.document.to_text()
    doc.remove_field("category")
    assert "category" not in doc.fields and "category:" not in doc.document.to_text()
    doc.rename_field("color", "colour")
    assert doc.fields["colour"] == "#6366F1"
    doc.set_header_text(doc.document.header_text.replace("name: backend-architect", "name: renamed"))
    assert doc.fields["name"] == "renamed"
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.document.to_text() == original


# ----- problems and fixes ---------------------------------------------------------------------


def test_problems_follow_edits_after_a_short_wait(opened, qtbot):
    doc = opened("000")
    assert doc.problems == []
    with qtbot.waitSignal(doc.problems_changed, timeout=2000) as signal:
        doc.set_field("color", "Green")
    assert [p.field for p in signal.args[0]] == ["color"]
    with qtbot.waitSignal(doc.problems_changed, timeout=2000) as signal:
        doc.undo_stack.undo()
    assert signal.args[0] == []


def _commands_holding_text() -> int:
    import gc

    from agent_editor.app.open_document import _TextCommand

    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, _TextCommand) and (o._before or o._after))


def test_typing_keeps_no_copy_of_the_body_per_keystroke(opened, clock):
    """A command Qt merges into the one before stays alive on PySide's side as long as the
    stack; it lets go of its texts, so memory does not grow with typing."""
    doc = opened("001")
    held_before = _commands_holding_text()
    body = doc.body
    for index in range(60):
        body += "abcdefghij"[index % 10]
        doc.set_body(body)
    assert doc.undo_stack.count() == 1 and _commands_holding_text() - held_before == 1
    doc.undo_stack.undo()
    clock.now += 5
    doc.set_body(doc.body + "x")  # replaces the undone step
    assert doc.undo_stack.count() == 1 and _commands_holding_text() - held_before == 1
    doc.undo_stack.undo()
    assert doc.body.endswith(SEED["001"].read_text(encoding="utf-8")[-40:].replace("\r\n", "\n"))


def test_problems_are_checked_when_first_asked_for_with_no_signal(opened, qtbot):
    """A window asks after its first frame; nobody has been told of other problems before."""
    from agent_editor.agentfile.validation import validate

    doc = opened("001")
    with qtbot.assertNotEmitted(doc.problems_changed):
        problems = doc.problems
    assert problems and problems == validate(AgentDocument.load(doc.path))
    assert doc.problems is problems  # checked once


def test_problems_are_current_even_before_the_wait(opened):
    doc = opened("000")
    doc.set_field("description", "")
    assert [p.message for p in doc.errors] and "description is empty" in doc.errors[0].message


def test_many_edits_give_one_problems_report(opened, qtbot):
    doc = opened("000")
    reports = []
    doc.problems_changed.connect(reports.append)
    for color in ("Red", "Blue", "Green"):
        doc.set_field("color", color)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=2000)
    qtbot.wait(200)
    assert len(reports) == 1 and "Green" in reports[0][0].message


def test_apply_fix_and_undo(opened, qtbot):
    doc = opened("002")
    original = doc.document.to_text()
    (problem,) = doc.problems
    assert problem.fix.label == "Write “green”"
    doc.apply_fix(problem.fix)
    assert doc.fields["color"] == "green"
    assert doc.document.to_text() == original.replace("color: Green\n", "color: green\n")
    assert doc.problems == []
    assert doc.undo_stack.undoText() == "Write “green”"
    doc.undo_stack.undo()
    assert doc.document.to_text() == original
    assert [p.field for p in doc.problems] == ["color"]


# ----- the preview -------------------------------------------------------------------------------


def test_preview_renders_the_body_after_typing(opened, qtbot):
    doc = opened("002")
    with qtbot.waitSignal(doc.preview_rendered, timeout=2000) as signal:
        doc.set_body("# Zebra crossing\n\nText\n")
    assert "Zebra crossing</h1>" in signal.args[0]
    with qtbot.waitSignal(doc.preview_rendered, timeout=2000) as signal:
        doc.undo_stack.undo()
    assert "Purpose</h1>" in signal.args[0] and "Zebra" not in signal.args[0]


def test_a_header_edit_renders_no_preview(opened, qtbot):
    doc = opened("002")
    rendered = []
    doc.preview_rendered.connect(rendered.append)
    doc.set_field("color", "green")
    qtbot.wait(50)
    assert rendered == []


# ----- saving ---------------------------------------------------------------------------------


def test_save_writes_only_the_edit(opened, qtbot):
    doc = opened("001")
    path = doc.path
    original = path.read_bytes()
    doc.set_field("color", "cyan")
    with qtbot.waitSignal(doc.saved, timeout=1000), qtbot.waitSignal(doc.modified_changed, timeout=1000) as m:
        doc.save()
    assert m.args == [False]
    assert path.read_bytes() == original.replace(b"color: purple\n", b"color: cyan\n")
    assert not doc.is_modified


def test_save_is_refused_while_an_error_stands(opened):
    doc = opened("000")
    path = doc.path
    original = path.read_bytes()
    doc.set_field("description", "")
    with pytest.raises(DocumentError) as raised:
        doc.save()
    assert not isinstance(raised.value, FileChangedOnDisk)
    assert raised.value.message.startswith("Not saved")
    assert "The description is empty" in raised.value.message
    assert path.read_bytes() == original
    assert doc.is_modified


def test_save_with_only_warnings(opened):
    doc = opened("003")
    assert doc.problems and not doc.errors
    doc.set_field("category", "backend")
    doc.save()
    assert b"category: backend\n" in doc.path.read_bytes()


def test_save_as_moves_to_the_new_path(opened, qtbot, tmp_path):
    doc = opened("004")
    target = tmp_path / "copy.md"
    with qtbot.waitSignal(doc.path_changed, timeout=1000) as signal:
        doc.save(target)
    assert signal.args == [target]
    assert doc.path == target and doc.display_name == "copy.md"
    assert target.read_bytes() == SEED["004"].read_bytes()


def test_saving_over_a_file_changed_behind_its_back(opened):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    theirs = doc.path.read_text().replace("opus", "haiku")
    doc.path.write_text(theirs)
    with pytest.raises(FileChangedOnDisk) as raised:
        doc.save()
    assert raised.value.deleted is False and "changed by another program" in raised.value.message
    assert doc.path.read_text() == theirs
    assert doc.is_modified
    doc.save(force=True)
    assert "model: sonnet\n" in doc.path.read_text()
    assert not doc.is_modified


def test_saving_over_a_deleted_file(opened):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    doc.path.unlink()
    with pytest.raises(FileChangedOnDisk) as raised:
        doc.save()
    assert raised.value.deleted is True
    doc.save(force=True)
    assert "model: sonnet\n" in doc.path.read_text()


def test_keep_mine_lets_the_next_save_overwrite(opened, qtbot):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    doc.path.write_text(doc.path.read_text().replace("opus", "haiku"))
    doc.keep_mine()
    assert doc.is_modified
    doc.save()
    assert "model: sonnet\n" in doc.path.read_text()


def test_keep_mine_keeps_it_modified_even_after_undoing_everything(opened):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    doc.path.write_text(doc.path.read_text().replace("opus", "haiku"))
    doc.keep_mine()
    doc.undo_stack.undo()
    assert doc.is_modified  # what is shown is not what is on disk


# ----- the file on disk -------------------------------------------------------------------------


def test_reload_brings_the_disk_version_in_as_an_undoable_step(opened):
    doc = opened("000")
    doc.set_field("name", "mine")
    theirs = doc.path.read_text().replace("opus", "haiku")
    doc.path.write_text(theirs)
    doc.reload()
    assert doc.document.to_text() == theirs and not doc.is_modified
    assert doc.undo_stack.undoText() == "Reload from disk"
    doc.undo_stack.undo()
    assert doc.fields["name"] == "mine" and doc.is_modified
    doc.undo_stack.redo()
    doc.save()  # the disk version is now the one it knows: no question
    assert doc.path.read_text() == theirs


def test_outside_change_while_unmodified_reloads_itself(opened, qtbot):
    doc = opened("000")
    theirs = doc.path.read_text().replace("model: opus", "model: haiku")
    noticed = []
    doc.file_changed_on_disk.connect(noticed.append)
    with qtbot.waitSignal(doc.fields_changed, timeout=5000):
        doc.path.write_text(theirs)
    assert doc.fields["model"] == "haiku"
    assert not doc.is_modified and noticed == []


def test_outside_change_while_modified_is_reported(opened, qtbot):
    doc = opened("000")
    doc.set_field("name", "mine")
    mine = doc.document.to_text()
    with qtbot.waitSignal(doc.file_changed_on_disk, timeout=5000) as signal:
        doc.path.write_text(doc.path.read_text().replace("opus", "haiku"))
    assert signal.args == [False]
    assert doc.document.to_text() == mine and doc.is_modified


def test_deleted_file_is_reported(opened, qtbot):
    doc = opened("000")
    with qtbot.waitSignal(doc.file_changed_on_disk, timeout=5000) as signal:
        doc.path.unlink()
    assert signal.args == [True]


def test_an_atomic_replace_by_another_program_is_noticed_twice(opened, qtbot):
    doc = opened("000")
    for model in ("haiku", "sonnet"):
        temp = doc.path.with_name("swap.tmp")
        temp.write_text(doc.path.read_text().replace(f"model: {doc.fields['model']}", f"model: {model}"))
        with qtbot.waitSignal(doc.fields_changed, timeout=5000):
            os.replace(temp, doc.path)
        assert doc.fields["model"] == model


def test_its_own_save_is_not_an_outside_change(opened, qtbot):
    doc = opened("000")
    noticed, fields = [], []
    doc.file_changed_on_disk.connect(noticed.append)
    doc.set_field("model", "sonnet")
    doc.save()
    doc.fields_changed.connect(lambda: fields.append(1))
    qtbot.wait(300)  # give the watcher time to report the save
    assert noticed == [] and fields == []
    assert doc.undo_stack.count() == 1 and not doc.is_modified


def test_check_disk_now_does_not_wait_for_the_watcher(opened):
    doc = opened("000")
    doc.path.write_text(doc.path.read_text().replace("opus", "haiku"))
    doc.check_disk_now()
    assert doc.fields["model"] == "haiku"


def test_after_keep_mine_a_later_outside_change_is_still_noticed(opened, qtbot):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    doc.path.write_text(doc.path.read_text().replace("opus", "haiku"))
    doc.keep_mine()
    with qtbot.waitSignal(doc.file_changed_on_disk, timeout=5000) as signal:
        doc.path.write_text(doc.path.read_text().replace("haiku", "fable"))
    assert signal.args == [False]
    with pytest.raises(FileChangedOnDisk):
        doc.save()
    doc.keep_mine()
    doc.save()
    assert "model: sonnet\n" in doc.path.read_text()


def test_keep_mine_after_a_deletion_saves_without_asking(opened):
    doc = opened("000")
    doc.set_field("model", "sonnet")
    doc.path.unlink()
    doc.keep_mine()
    doc.save()
    assert "model: sonnet\n" in doc.path.read_text()


def test_a_document_closed_while_a_disk_check_is_pending(qtbot, tmp_path):
    path = copy_seed(tmp_path, "000")
    doc = OpenDocument.open(path)
    path.write_text(path.read_text().replace("opus", "haiku"))
    doc._on_watcher_file_changed(str(path))  # as the watcher reports it, just before the window closes the file
    doc.deleteLater()
    qtbot.wait(150)  # the check it had scheduled must not reach a deleted object


# ----- what counts as a keystroke ---------------------------------------------------------------


def _shared_ends(before: str, after: str) -> tuple[int, int]:
    """Characters shared at the start, then at the end of what is left: one at a time."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return start, end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab\n", max_size=9000), st.integers(0, 9000), st.sampled_from(["", "a", "c", "cc", "ccc"]),
       st.integers(0, 3))
@example("a" * 8192, 4096, "c", 0)  # an edit at a slice's edge
@example("ab" * 3000, 6000, "", 1)  # a deletion at the very end
def test_a_keystroke_is_found_however_long_the_text(text, at, typed, dropped):
    """Texts are compared a slice at a time; the answer is the one a character-by-character
    comparison gives."""
    from agent_editor.app.open_document import _common_prefix, _common_suffix, _is_keystroke

    at = min(at, len(text))
    edited = text[:at] + typed + text[at + dropped:]
    start, end = _shared_ends(text, edited)
    assert _common_prefix(text, edited) == start
    assert _common_suffix(text, edited, min(len(text), len(edited)) - start) == end
    removed, added = len(text) - start - end, len(edited) - start - end
    assert _is_keystroke(text, edited) == (abs(len(text) - len(edited)) <= 2 and min(removed, added) == 0
                                           and max(removed, added) <= 2)
