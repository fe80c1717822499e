"""Every saved version kept: one per save, bounded by count and age, comparable with the open
text, and restorable a field, a section or the whole file at a time, each one undo step."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.safety import net as safety_net
from agent_editor.compare.model import Side
from agent_editor.safety.history import HistoryStore, last_committed
from conftest import copy_seed

# ----- pure: the store ----------------------------------------------------------------------


def test_one_version_per_distinct_content_newest_first(tmp_path):
    store = HistoryStore(tmp_path / "history")
    path = tmp_path / "agent.md"
    assert store.keep(path, b"one", now=1000.0, durable=False) is not None
    assert store.keep(path, b"one", now=1001.0, durable=False) is None  # the same again: skipped
    store.keep(path, b"two\r\n", now=1002.0, durable=False)
    assert [v.read() for v in store.versions(path)] == [b"two\r\n", b"one"]
    assert store.versions(tmp_path / "other.md") == []
    assert not list(store.folder_for(path).glob("*.tmp"))


def test_prune_by_count_and_age(tmp_path):
    store = HistoryStore(tmp_path)
    path = tmp_path / "agent.md"
    day = 86400.0
    for index in range(6):
        store.keep(path, f"version {index}".encode(), now=index * day, durable=False)
    removed = store.prune(path, max_count=4, max_age_days=3.5, now=5 * day)
    assert sorted(v.read() for v in store.versions(path)) == [b"version 2", b"version 3", b"version 4",
                                                                b"version 5"]
    assert len(removed) == 2
    store.prune(path, max_count=2, max_age_days=100, now=5 * day)
    assert [v.read() for v in store.versions(path)] == [b"version 5", b"version 4"]


@pytest.fixture
def git_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not on the PATH")
    repo = tmp_path / "project"
    (repo / ".claude" / "agents").mkdir(parents=True)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                        "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)

    git("init", "-q")
    return repo, git


def test_last_committed_reads_head(git_repo, tmp_path):
    repo, git = git_repo
    path = copy_seed(repo / ".claude" / "agents", "002")
    committed = path.read_bytes()
    assert last_committed(path) is None  # not committed yet
    git("add", ".")
    git("commit", "-q", "-m", "agents")
    path.write_bytes(committed + b"\nChanged since.\n")
    assert last_committed(path) == committed
    outside = copy_seed(tmp_path, "001")
    assert last_committed(outside) is None


# ----- in the app -------------------------------------------------------------------------------


@pytest.fixture
def net(tmp_path, settings):
    installed = safety_net.install(tmp_path / "data", settings, durable=False)
    yield installed
    safety_net.uninstall()


@pytest.fixture
def editor(net, main_window):
    return main_window


def agents(tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir(exist_ok=True)
    return folder


def test_each_save_keeps_the_previous_content_byte_for_byte(tmp_path, editor, net):
    path = copy_seed(agents(tmp_path), "002")  # CRLF and odd spacing: kept exactly
    contents = [path.read_bytes()]
    assert editor.open_file(path)
    for model in ("haiku", "sonnet", "opus"):
        editor.current.set_field("model", model)
        assert editor.save()
        contents.append(path.read_bytes())
    kept = [v.read() for v in net.history.versions(path)]
    assert kept == contents[-2::-1]  # newest first: each save kept what it replaced
    assert sorted(p.name for p in agents(tmp_path).iterdir()) == [path.name]  # nothing beside the file


def test_the_limits_come_from_the_settings(tmp_path, editor, net, settings):
    settings.setValue("history/max_versions", 2)
    path = copy_seed(agents(tmp_path), "000")
    assert editor.open_file(path)
    for index in range(4):
        editor.current.set_field("description", f"Version {index}.")
        assert editor.save()
    assert len(net.history.versions(path)) == 2


def saved_twice(tmp_path, editor):
    """003 saved with another color and model; returns its path and the original bytes."""
    path = copy_seed(agents(tmp_path), "003")
    original = path.read_bytes()
    assert editor.open_file(path)
    editor.current.set_field("color", "blue")
    editor.current.set_field("model", "haiku")
    assert editor.save()
    return path, original


def test_restoring_one_field_from_an_earlier_version_is_one_undo_step(qtbot, tmp_path, editor, dialogs):
    path, original = saved_twice(tmp_path, editor)
    dialogs.version_answer = 0
    compare = editor.version_actions.compare_with_earlier()
    assert len(dialogs.asked("ask_version")[0][2]) >= 1
    version, current = compare.session.documents
    assert version.read_only and current is editor.current
    assert version.document.to_text().encode("utf-8") == original
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    assert {c.key for c in compare.session.comparison.field_changes} == {"color", "model"}
    with qtbot.waitSignal(compare.comparison_updated):
        assert compare.copy_field("color", Side.B)
    assert editor.current.fields["color"] == "#6366F1" and editor.current.fields["model"] == "haiku"
    assert editor.isWindowModified()
    assert not compare.copy_field("model", Side.A)  # the version never changes
    # ... and nothing offers to change it: no arrow, section button or action points into it.
    assert compare.fields.copy_button("model", Side.A) is None and compare.fields.copy_button("model", Side.B)
    assert compare.sections.copy_into_a.isHidden() and not compare.sections.copy_into_b.isHidden()
    assert not compare.take_into_a_action.isVisible() and compare.take_into_b_action.isVisible()
    editor.undo_action.trigger()  # one step
    assert editor.current.fields["color"] == "blue" and not editor.isWindowModified()


def test_restoring_the_whole_version_is_one_undo_step(qtbot, tmp_path, editor, dialogs):
    path, original = saved_twice(tmp_path, editor)
    saved = path.read_bytes()
    dialogs.version_answer = 0
    compare = editor.version_actions.compare_with_earlier()
    compare.version_bar.buttons["Restore Whole Version"].click()
    assert editor.current.document.to_text().encode("utf-8") == original
    assert path.read_bytes() == saved  # restored into the editor, not written
    editor.undo_action.trigger()
    assert editor.current.document.to_text().encode("utf-8") == saved and not editor.isWindowModified()


def test_git_head_is_offered_in_a_repository(qtbot, git_repo, editor, dialogs):
    repo, git = git_repo
    path = copy_seed(repo / ".claude" / "agents", "001")
    git("add", ".")
    git("commit", "-q", "-m", "agents")
    committed = path.read_bytes()
    assert editor.open_file(path)
    editor.current.set_field("model", "haiku")
    assert editor.save()
    dialogs.version_answer = None
    editor.version_actions.compare_with_earlier()
    [(_, _, choices)] = dialogs.asked("ask_version")
    assert choices[-1] == "Last committed in git (HEAD)" and len(choices) == 2
    dialogs.version_answer = 1
    compare = editor.version_actions.compare_with_earlier()
    assert compare.session.left.document.to_text().encode("utf-8") == committed
    assert compare.session.left.display_name == "Last git commit (HEAD)"


def test_the_outside_change_banner_offers_compare_theirs_against_mine(qtbot, tmp_path, editor):
    path = copy_seed(agents(tmp_path), "000")
    assert editor.open_file(path)
    editor.current.set_field("model", "haiku")  # mine, unsaved
    theirs = path.read_text(encoding="utf-8").replace("You are", "Another program says: you are", 1)
    path.write_text(theirs, encoding="utf-8")
    editor.current.check_disk_now()
    assert editor.banner.isVisible() or not editor.banner.isHidden()
    assert [editor.banner.button(label) is not None
            for label in ("Use the File on Disk", "Compare", "Keep My Version")] == [True, True, True]
    qtbot.mouseClick(editor.banner.button("Compare"), Qt.MouseButton.LeftButton)
    [compare] = editor.findChildren(CompareWindow)
    left, right = compare.session.documents
    assert left.display_name == "Theirs: on disk now" and left.document.to_text() == theirs
    assert right is editor.current and right.fields["model"] == "haiku"
