"""Drafts of unsaved work: written soon after an edit, never beside the real file, removed
when saved or discarded, and offered after a crash in the compare view."""

from __future__ import annotations

import json
import time

import pytest

from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.documents import documents
from agent_editor.app.safety import net as safety_net
from agent_editor.app.safety.drafts import session_lock
from agent_editor.app.safety.recovery import offer_recovery
from agent_editor.safety.drafts import DraftFolder, DraftSchedule, DraftUnreadable, draft_key, read_draft
from conftest import copy_seed

# ----- pure: the draft files ------------------------------------------------------------------


def test_a_draft_round_trips_any_text(tmp_path):
    folder = DraftFolder(tmp_path / "session")
    text = "---\nname: é-agent\n---\n\nLone surrogate \udc80, emoji 🙂, CRLF\r\nend"
    location = folder.write("k", tmp_path / "agent.md", text, "agent.md", durable=False)
    draft = read_draft(location)
    assert (draft.text, draft.path, draft.title, draft.key) == (text, tmp_path / "agent.md", "agent.md", "k")
    assert [d.key for d in folder.drafts()[0]] == ["k"]
    folder.remove("k")
    folder.remove("k")  # twice: nothing to do
    assert folder.drafts() == ([], [])


@pytest.mark.parametrize("damage", ["cut", "flip", "not-json", "other-json"])
def test_a_damaged_draft_is_recognised(tmp_path, damage):
    folder = DraftFolder(tmp_path)
    location = folder.write("k", None, "some unsaved text " * 50, durable=False)
    data = location.read_bytes()
    damaged = {
        "cut": data[: len(data) // 2],
        "flip": data.replace(b"unsaved", b"unsavex", 1),
        "not-json": b"\x00\x01garbage",
        "other-json": b"agent-editor-draft\n" + json.dumps({"format": "something else"}).encode() + b"\nx",
    }[damage]
    location.write_bytes(damaged)
    with pytest.raises(DraftUnreadable):
        read_draft(location)
    assert folder.drafts() == ([], [location])


def test_a_cut_off_write_leaves_the_previous_draft(tmp_path):
    folder = DraftFolder(tmp_path)
    folder.write("k", None, "first", durable=False)
    (tmp_path / ".k.draft.123.tmp").write_bytes(b"agent-editor-draft\n{")  # a write killed midway
    [draft], unreadable = folder.drafts()
    assert draft.text == "first" and unreadable == []


def test_draft_key_is_one_per_file_whatever_the_spelling(tmp_path):
    (tmp_path / "sub").mkdir()
    path = tmp_path / "my agent.md"
    assert draft_key(path) == draft_key(tmp_path / "sub" / ".." / "my agent.md")
    assert draft_key(path) != draft_key(tmp_path / "other.md")
    assert draft_key(path).startswith("my_agent-")
    assert draft_key(None, 3) == "untitled-3"


def test_schedule_waits_for_a_pause_but_never_longer_than_the_limit():
    schedule = DraftSchedule(pause=0.6, longest=1.5)
    assert schedule.edited(10.0) == pytest.approx(0.6)
    assert schedule.edited(10.5) == pytest.approx(0.6)
    assert schedule.edited(11.2) == pytest.approx(0.3)  # 1.5 s after the first edit
    assert schedule.edited(12.0) == 0.0
    schedule.kept()
    assert not schedule.pending and schedule.edited(20.0) == pytest.approx(0.6)


# ----- the keeper in the app ----------------------------------------------------------------


@pytest.fixture
def net(tmp_path, settings):
    installed = safety_net.install(tmp_path / "data", settings, pause=0.05, longest=0.2, durable=False)
    yield installed
    safety_net.uninstall()


@pytest.fixture
def editor(net, main_window):
    return main_window


def agents_folder(tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    return folder


def test_an_edit_is_kept_as_a_draft_outside_the_agents_folder_then_removed_on_save(qtbot, tmp_path, editor, net):
    folder = agents_folder(tmp_path)
    path = copy_seed(folder, "000")
    before = path.read_bytes()
    assert editor.open_file(path)
    with qtbot.waitSignal(net.drafts.draft_written, timeout=2000):
        editor.current.set_field("model", "haiku")
    [draft], _ = net.drafts.folder.drafts()
    assert draft.path == path and draft.text == editor.current.document.to_text() and "model: haiku" in draft.text
    assert draft.location.is_relative_to(tmp_path / "data" / "drafts")
    assert sorted(p.name for p in folder.iterdir()) == [path.name] and path.read_bytes() == before
    with qtbot.waitSignal(net.drafts.draft_removed, timeout=2000):
        assert editor.save()
    assert net.drafts.folder.drafts() == ([], [])


def test_undoing_back_to_the_saved_text_removes_the_draft(qtbot, tmp_path, editor, net):
    assert editor.open_file(copy_seed(agents_folder(tmp_path), "001"))
    with qtbot.waitSignal(net.drafts.draft_written, timeout=2000):
        editor.current.set_body(editor.current.body + "\nMore.\n")
    with qtbot.waitSignal(net.drafts.draft_removed, timeout=2000):
        editor.undo_action.trigger()
    assert net.drafts.folder.drafts() == ([], [])


def test_dont_save_removes_the_draft(qtbot, tmp_path, editor, net, dialogs):
    folder = agents_folder(tmp_path)
    first, second = copy_seed(folder, "001"), copy_seed(folder, "002")
    assert editor.open_file(first)
    with qtbot.waitSignal(net.drafts.draft_written, timeout=2000):
        editor.current.set_field("description", "Changed, then not kept.")
    dialogs.save_choice = SaveChoice.DISCARD
    with qtbot.waitSignal(net.drafts.draft_removed, timeout=2000):
        assert editor.open_file(second)
    assert net.drafts.folder.drafts() == ([], [])


def test_steady_typing_is_kept_before_the_author_pauses(qtbot, tmp_path, editor, net):
    assert editor.open_file(copy_seed(agents_folder(tmp_path), "003"))
    written = []
    net.drafts.draft_written.connect(written.append)
    for index in range(12):  # a keystroke every 40 ms: never a 50 ms pause
        editor.current.set_body(editor.current.body + "x")
        qtbot.wait(40)
    assert written, "no draft while typing steadily"


def test_a_new_agent_never_saved_is_kept_too(qtbot, editor, net):
    assert editor.new_agent()
    with qtbot.waitSignal(net.drafts.draft_written, timeout=2000):
        editor.current.set_field("name", "half-written")
    [draft], _ = net.drafts.folder.drafts()
    assert draft.path is None and "name: half-written" in draft.text


# ----- after a crash: the offer --------------------------------------------------------------


def crashed_session(net, name: str, path, text: str) -> DraftFolder:
    """Drafts left by a run that is gone (no lock held)."""
    folder = DraftFolder(net.drafts.root / name)
    folder.write(draft_key(path), path, text, path.name if path else "", durable=False)
    return folder


def test_recovery_offers_the_draft_in_the_compare_view_and_restore_is_one_undo_step(qtbot, tmp_path, editor, net,
                                                                                      dialogs):
    path = copy_seed(agents_folder(tmp_path), "000")
    before = path.read_bytes()
    recovered_text = before.decode("utf-8").replace("model: opus", "model: haiku")
    old = crashed_session(net, "20260101-000000-1", path, recovered_text)
    [window] = offer_recovery(editor, dialogs, net.drafts, editor.show_open_document)
    qtbot.addWidget(window)
    assert dialogs.asked("ask_review_recovered") == [("ask_review_recovered", [path.name])]
    left, right = window.session.documents
    assert left.display_name == f"Recovered: {path.name}" and left.read_only
    assert right is documents().find(path) and right.document.to_text() == before.decode("utf-8")
    qtbot.waitUntil(lambda: window.session.comparison is not None)
    assert [c.key for c in window.session.comparison.field_changes] == ["model"]
    window.version_bar.buttons["Restore"].click()
    assert editor.current is right and right.fields["model"] == "haiku" and editor.isWindowModified()
    assert path.read_bytes() == before  # restored into the editor, not written
    assert not old.folder.exists()  # the crashed run's draft is gone ...
    assert [d.path for d in net.drafts.folder.drafts()[0]] == [path]  # ... and this run keeps it
    editor.undo_action.trigger()  # one step back to the file on disk
    assert right.document.to_text() == before.decode("utf-8") and not editor.isWindowModified()


def test_discard_asks_then_deletes_the_draft(qtbot, tmp_path, editor, net, dialogs):
    path = copy_seed(agents_folder(tmp_path), "001")
    old = crashed_session(net, "20260101-000000-2", path, "---\nname: x\n---\nrecovered\n")
    [window] = offer_recovery(editor, dialogs, net.drafts, editor.show_open_document)
    qtbot.addWidget(window)
    dialogs.discard_recovered = False
    window.version_bar.buttons["Discard…"].click()
    assert old.drafts()[0] and window.isVisible()
    dialogs.discard_recovered = True
    window.version_bar.buttons["Discard…"].click()
    assert not old.folder.exists() and editor.current is None


def test_later_keeps_the_drafts_and_a_running_session_is_never_offered(qtbot, tmp_path, editor, net, dialogs):
    path = copy_seed(agents_folder(tmp_path), "002")
    old = crashed_session(net, "20260101-000000-3", path, "recovered")
    alive = crashed_session(net, "20260101-000000-4", path, "another window's draft")
    lock = session_lock(net.drafts.root, "20260101-000000-4")
    assert lock.tryLock(0)
    dialogs.review_recovered = False
    assert offer_recovery(editor, dialogs, net.drafts, editor.show_open_document) == []
    assert dialogs.asked("ask_review_recovered") == [("ask_review_recovered", [path.name])]  # one, not two
    assert old.drafts()[0] and alive.drafts()[0]
    dialogs.review_recovered = True
    [window] = offer_recovery(editor, dialogs, net.drafts, editor.show_open_document)  # the next start
    qtbot.addWidget(window)
    window.close()  # no decision: still kept
    assert old.drafts()[0]
    lock.unlock()


def test_a_draft_of_a_file_gone_since_restores_as_an_unsaved_agent(qtbot, tmp_path, editor, net, dialogs):
    gone = agents_folder(tmp_path) / "gone.md"
    crashed_session(net, "20260101-000000-5", gone, "---\nname: gone\ndescription: Was here.\n---\n\nBody.\n")
    [window] = offer_recovery(editor, dialogs, net.drafts, editor.show_open_document)
    qtbot.addWidget(window)
    assert window.session.right.display_name == "On disk: no file"
    window.version_bar.buttons["Restore"].click()
    assert editor.current.fields["name"] == "gone" and editor.current.path is None and editor.isWindowModified()
    assert not gone.exists()


def test_with_the_apps_own_delays_an_edit_is_on_disk_within_two_seconds(qtbot, tmp_path):
    from agent_editor.app.documents import DocumentRegistry
    from agent_editor.app.safety.drafts import DraftKeeper

    registry = DocumentRegistry()
    keeper = DraftKeeper(registry, tmp_path / "drafts")  # the defaults the app runs with
    holder = object()
    document = registry.open(copy_seed(agents_folder(tmp_path), "004"), holder)
    try:
        started = time.monotonic()
        with qtbot.waitSignal(keeper.draft_written, timeout=2000):
            document.set_field("model", "haiku")
        assert time.monotonic() - started < 2.0
        [draft], _ = keeper.folder.drafts()
        assert "model: haiku" in draft.text
    finally:
        registry.release(document, holder)
        keeper.close()
        keeper.deleteLater()  # at a safe moment, not whenever the garbage collector runs
        registry.deleteLater()
    assert not (tmp_path / "drafts" / keeper.session_name).exists()  # nothing left after a clean end
