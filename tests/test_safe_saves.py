"""Atomic saves without side effects: our temp files only, cleaned after a crash; owner, mode,
hard links and extended attributes kept; an outside change just before the rename is not lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent_editor.agentfile import fileio
from agent_editor.agentfile.document import AgentDocument, FileChangedOnDisk
from agent_editor.agentfile.fileio import read_text, remove_stale_temps, write_atomic
from conftest import copy_seed

TEXT = "---\nname: a\ndescription: d\n---\n\nBody.\n"


def our_temps(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if ".agent-editor-" in name)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_save_leaves_no_temp_file_and_names_its_own_uniquely(tmp_path, monkeypatch):
    path = tmp_path / "agent.md"
    seen: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (seen.append(Path(src).name), real_replace(src, dst)))
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert our_temps(tmp_path) == []
    assert len(seen) == 2 and seen[0] != seen[1]
    assert all(name.startswith(".agent.md.agent-editor-") and name.endswith(".tmp") for name in seen)


def test_stale_temps_of_ours_are_removed_on_the_next_open_and_only_ours(tmp_path):
    path = copy_seed(tmp_path, "000")
    host = fileio._host_tag()
    stale = tmp_path / f".{path.name}.agent-editor-{host}-{dead_pid()}-0badc0de.tmp"
    in_flight = tmp_path / f".{path.name}.agent-editor-{host}-{os.getpid()}-12345678.tmp"  # a save of ours under way
    others = [tmp_path / name for name in (f".{path.name}.swp", f".{path.name}.abc123.tmp", "notes.tmp",
                                           f".{path.name}.agent-editor-draft.tmp")]
    for each in (stale, in_flight, *others):
        each.write_bytes(b"partial")
    read_text(path)
    assert not stale.exists()
    assert in_flight.exists() and all(each.exists() for each in others)


def test_stale_temps_are_removed_on_the_next_save_too(tmp_path):
    path = tmp_path / "agent.md"
    stale = tmp_path / f".agent.md.agent-editor-{fileio._host_tag()}-{dead_pid()}-0badc0de.tmp"
    stale.write_bytes(b"x" * 1000)
    fileio._last_swept.clear()
    write_atomic(path, TEXT.encode())
    assert our_temps(tmp_path) == []


def test_another_computers_temp_is_left_until_it_is_a_day_old(tmp_path):
    other = tmp_path / ".agent.md.agent-editor-00000000-1-0badc0de.tmp"
    other.write_bytes(b"x")
    now = time.time()
    assert remove_stale_temps(tmp_path, now=now) == []
    assert remove_stale_temps(tmp_path, now=now + 25 * 3600) == [other]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root may give a file to another user")
def test_owner_group_and_mode_are_kept_when_root_saves(tmp_path):
    path = tmp_path / "agent.md"
    path.write_text(TEXT, encoding="utf-8")
    os.chown(path, 4321, 4322)
    os.chmod(path, 0o600)
    doc = AgentDocument.load(path)
    doc.set_field("name", "b")
    doc.save()
    info = path.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 4322, 0o600)
    assert "name: b" in path.read_text(encoding="utf-8")


def test_a_hard_linked_file_stays_one_file(tmp_path):
    path = tmp_path / "agent.md"
    path.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "linked.md"
    os.link(path, other)
    inode = path.stat().st_ino
    doc = AgentDocument.load(path)
    doc.set_field("name", "linked")
    doc.save()
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert "name: linked" in other.read_text(encoding="utf-8")
    assert our_temps(tmp_path) == []  # the backup copy is gone once the write is done


def test_a_backup_left_by_an_in_place_write_is_kept_unless_the_file_is_whole(tmp_path):
    path = tmp_path / "agent.md"
    path.write_bytes(b"new content")
    host, pid = fileio._host_tag(), dead_pid()
    done = tmp_path / f".agent.md.agent-editor-{host}-{pid}-00000001.{fileio.zlib.crc32(b'new content'):08x}.bak"
    done.write_bytes(b"old content")  # the write ended: the backup is spare
    mixed = tmp_path / f".agent.md.agent-editor-{host}-{pid}-00000002.{fileio.zlib.crc32(b'other'):08x}.bak"
    mixed.write_bytes(b"older content")  # the file holds neither version: the backup stays for the author
    remove_stale_temps(tmp_path, now=time.time() + 10)
    assert not done.exists() and mixed.exists()


def test_extended_attributes_are_kept(tmp_path):
    path = tmp_path / "agent.md"
    path.write_text(TEXT, encoding="utf-8")
    try:
        os.setxattr(path, "user.agent-editor.test", b"kept")
    except OSError:
        pytest.skip("this file system keeps no user extended attributes")
    write_atomic(path, b"changed")
    assert os.getxattr(path, "user.agent-editor.test") == b"kept"


def test_an_outside_change_just_before_the_rename_is_not_lost(tmp_path, monkeypatch):
    path = tmp_path / "agent.md"
    path.write_text(TEXT, encoding="utf-8")
    doc = AgentDocument.load(path)
    doc.set_field("name", "mine")
    real_create = fileio._create_temp

    def create_then_let_another_program_write(*args):  # after the first check, before the rename
        path.write_text(TEXT.replace("name: a", "name: theirs"), encoding="utf-8")
        return real_create(*args)

    monkeypatch.setattr(fileio, "_create_temp", create_then_let_another_program_write)
    with pytest.raises(FileChangedOnDisk):
        doc.save()
    assert "name: theirs" in path.read_text(encoding="utf-8")
    assert our_temps(tmp_path) == []


SAVER = r"""
import sys
from pathlib import Path
from agent_editor.agentfile.fileio import write_atomic
path, n = Path(sys.argv[1]), 0
versions = [(f"---\nname: v{i}\ndescription: " + "d" * 5000 + "\n---\n\nBody.\n").encode() for i in range(4)]
print("ready", flush=True)
while True:
    write_atomic(path, versions[n % 4])
    n += 1
"""


def kill_during_saves(folder: Path, kills: int, seed: int = 8) -> dict:
    """Kill a process that saves in a loop ``kills`` times at random moments; what was left each time."""
    path = folder / "agent.md"
    path.write_text(TEXT, encoding="utf-8")
    versions = {(f"---\nname: v{i}\ndescription: " + "d" * 5000 + "\n---\n\nBody.\n").encode() for i in range(4)}
    versions.add(TEXT.encode())
    rng = random.Random(seed)
    broken, temps_after_kill = 0, 0
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, env=env)
        child.stdout.readline()
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        broken += path.read_bytes() not in versions
        temps_after_kill += bool(our_temps(folder))
    fileio._last_swept.clear()
    read_text(path)  # the next open
    return {"kills": kills, "broken": broken, "kills_leaving_a_temp": temps_after_kill,
            "temps_after_next_open": len(our_temps(folder))}


def test_killed_saves_lose_nothing_and_the_next_open_cleans_up(tmp_path):
    """A lean run; tests/benchmarks/bench_kill_save.py runs 300 kills."""
    result = kill_during_saves(tmp_path, kills=12)
    assert result["broken"] == 0
    assert result["temps_after_next_open"] == 0
