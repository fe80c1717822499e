"""Opening and saving files: every unusable file gets a plain-words error and no document;
saving is atomic, notices other programs' changes, and keeps links and permissions."""

from __future__ import annotations

import errno
import os
import re
import stat

import pytest

from agent_editor.agentfile import fileio
from agent_editor.agentfile.document import AgentDocument, DocumentError, FileChangedOnDisk
from agent_editor.agentfile.fileio import (
    BinaryFile,
    EmptyFile,
    FileMissing,
    FileNotWritable,
    FileTooLarge,
    FileUnreadable,
    NotUtf8,
)

TEXT = "---\nname: a\ndescription: Does things.\n---\n\nBody.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# What a person who does not program should never have to read.
TECHNICAL = re.compile(r"Errno|Traceback|Error\b|Exception|\\x[0-9a-f]{2}|b'|PosixPath|WindowsPath|None|codec|0x")


def assert_plain(error: DocumentError, path) -> None:
    assert error.message == str(error)
    assert not TECHNICAL.search(error.message), error.message
    assert path.name in error.message
    assert str(path.parent) not in error.message  # the name is enough; no long paths
    assert error.path == path


def assert_refused(path, kind: type[DocumentError]) -> DocumentError:
    with pytest.raises(kind) as caught:
        AgentDocument.load(path)
    assert_plain(caught.value, path)
    return caught.value


# ----- opening -----------------------------------------------------------------------------


def test_latin1_is_refused_with_the_line(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("---\nname: a\ndescription: caf\u00e9\n---\n".encode("latin-1"))
    error = assert_refused(path, NotUtf8)
    assert "UTF-8" in error.message and "line 3" in error.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(tmp_path, encoding):
    path = tmp_path / "wide.md"
    data = TEXT.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + TEXT).encode(encoding)
    path.write_bytes(data)
    error = assert_refused(path, NotUtf8)
    assert "UTF-16" in error.message


def test_utf16_without_bom_is_refused(tmp_path):
    path = tmp_path / "wide.md"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises((NotUtf8, BinaryFile)) as caught:
        AgentDocument.load(path)
    assert_plain(caught.value, path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        b"---\nname: a\x00b\n---\n",
        b"\x00" * 100,
        bytes(range(256)),
    ],
    ids=["png", "nul-in-text", "zeros", "all-bytes"],
)
def test_binary_is_refused(tmp_path, data):
    path = tmp_path / "image.md"
    path.write_bytes(data)
    assert_refused(path, BinaryFile)


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert_refused(path, EmptyFile)


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no disk space
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    error = assert_refused(path, FileTooLarge)
    assert "50.0 MB" in error.message
    assert not opened, "a file known to be too big must not be read"


def test_file_just_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * (fileio.MAX_FILE_BYTES + 1))
    assert_refused(path, FileTooLarge)
    path.write_bytes(b"---\nname: a\n---\n" + b"x" * (fileio.MAX_FILE_BYTES - 100))
    assert AgentDocument.load(path).fields == {"name": "a"}


@pytest.mark.skipif(IS_ROOT, reason="root can read a file whatever its permissions")
def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "secret.md"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        error = assert_refused(path, FileUnreadable)
        assert "permission" in error.message
    finally:
        path.chmod(0o644)


def test_unreadable_file_is_refused_even_for_root(tmp_path, monkeypatch):
    # Root can read anything, so the refusal path is reached by making open() refuse.
    path = tmp_path / "secret.md"
    path.write_text(TEXT, encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    error = assert_refused(path, FileUnreadable)
    assert "permission" in error.message


def test_read_error_is_refused_in_plain_words(tmp_path, monkeypatch):
    path = tmp_path / "flaky.md"
    path.write_text(TEXT, encoding="utf-8")
    real_open = open

    def failing_open(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise OSError(errno.EIO, "Input/output error", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    error = assert_refused(path, FileUnreadable)
    assert "Input/output error" in error.message


def test_folder_is_refused(tmp_path):
    path = tmp_path / "agents.md"
    path.mkdir()
    error = assert_refused(path, FileUnreadable)
    assert "folder" in error.message


def test_missing_file_is_refused(tmp_path):
    assert_refused(tmp_path / "gone.md", FileMissing)


def test_path_through_a_file_is_refused(tmp_path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        AgentDocument.load(tmp_path / "plain" / "agent.md")
    assert not TECHNICAL.search(caught.value.message)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_waiting(tmp_path):
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    assert_refused(path, FileUnreadable)  # opening it for reading would wait for a writer forever


def test_bom_and_crlf_are_read_as_text(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    doc = AgentDocument.load(path)
    assert doc.fields == {"name": "a", "description": "Does things."}
    assert doc.path == path


# ----- saving --------------------------------------------------------------------------------


def saved(tmp_path, text: str = TEXT):
    path = tmp_path / "agent.md"
    path.write_text(text, encoding="utf-8", newline="")
    return path, AgentDocument.load(path)


def leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp") or name.startswith("."))


def test_save_writes_the_edit(tmp_path):
    path, doc = saved(tmp_path)
    doc.set_field("model", "haiku")
    doc.save()
    assert path.read_text(encoding="utf-8") == TEXT.replace("---\n\n", "model: haiku\n---\n\n")
    assert not doc.changed_on_disk()
    assert leftovers(tmp_path) == []


def test_a_crash_while_saving_leaves_the_old_file(tmp_path, monkeypatch):
    path, doc = saved(tmp_path)
    doc.set_field("name", "changed")

    def crash(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(FileNotWritable) as caught:
        doc.save()
    assert_plain(caught.value, path)
    assert "unchanged" in caught.value.message
    assert path.read_text(encoding="utf-8") == TEXT
    assert leftovers(tmp_path) == []


def test_a_full_disk_is_said_in_words(tmp_path, monkeypatch):
    path, doc = saved(tmp_path)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileNotWritable) as caught:
        doc.save()
    assert "disk is full" in caught.value.message
    assert path.read_text(encoding="utf-8") == TEXT
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(IS_ROOT, reason="root may write to a read-only file")
def test_read_only_file_is_not_overwritten(tmp_path):
    path, doc = saved(tmp_path)
    path.chmod(0o444)
    doc.set_field("name", "changed")
    with pytest.raises(FileNotWritable) as caught:
        doc.save()
    assert "read-only" in caught.value.message
    assert path.read_text(encoding="utf-8") == TEXT


def test_read_only_file_is_not_overwritten_even_for_root(tmp_path, monkeypatch):
    # As root, os.access says every file is writable, and a read-only folder does not stop
    # root either; so the read-only answer is simulated where the code asks for it.
    path, doc = saved(tmp_path)
    path.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **k: False if mode & os.W_OK else real_access(p, mode, **k)
    )
    doc.set_field("name", "changed")
    with pytest.raises(FileNotWritable) as caught:
        doc.save()
    assert_plain(caught.value, path)
    assert "read-only" in caught.value.message
    assert path.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    path.chmod(0o644)


def test_read_only_folder_is_said_in_words(tmp_path, monkeypatch):
    path, doc = saved(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio, "_create_temp", refuse)
    with pytest.raises(FileNotWritable) as caught:
        doc.save()
    assert_plain(caught.value, path)
    assert "folder" in caught.value.message
    assert path.read_text(encoding="utf-8") == TEXT


def test_saving_into_a_folder_that_is_gone(tmp_path):
    doc = AgentDocument.parse(TEXT)
    target = tmp_path / "gone" / "agent.md"
    with pytest.raises(FileNotWritable) as caught:
        doc.save(target)
    assert_plain(caught.value, target)


def test_a_file_changed_by_another_program_is_not_overwritten(tmp_path):
    path, doc = saved(tmp_path)
    path.write_text(TEXT + "Someone else's line.\n", encoding="utf-8")
    assert doc.changed_on_disk()
    doc.set_field("name", "mine")
    with pytest.raises(FileChangedOnDisk) as caught:
        doc.save()
    assert caught.value.deleted is False
    assert_plain(caught.value, path)
    assert path.read_text(encoding="utf-8").endswith("Someone else's line.\n")
    doc.save(force=True)
    assert AgentDocument.load(path).fields["name"] == "mine"
    assert not doc.changed_on_disk()


def test_a_file_deleted_by_another_program_is_reported(tmp_path):
    path, doc = saved(tmp_path)
    path.unlink()
    assert doc.changed_on_disk()
    with pytest.raises(FileChangedOnDisk) as caught:
        doc.save()
    assert caught.value.deleted is True
    assert_plain(caught.value, path)
    assert not path.exists()
    doc.save(force=True)
    assert path.read_text(encoding="utf-8") == TEXT


def test_a_file_replaced_by_a_folder_is_reported_not_raised(tmp_path):
    path, doc = saved(tmp_path)
    path.unlink()
    path.mkdir()
    with pytest.raises(DocumentError) as caught:
        doc.save()
    assert not TECHNICAL.search(caught.value.message)
    with pytest.raises(DocumentError):
        doc.save(force=True)
    assert path.is_dir()


def test_the_same_content_written_again_is_not_a_change(tmp_path):
    path, doc = saved(tmp_path)
    path.write_text(TEXT, encoding="utf-8")  # touched, same bytes
    assert not doc.changed_on_disk()
    doc.save()


def test_save_as_another_file_then_save_again(tmp_path):
    path, doc = saved(tmp_path)
    other = tmp_path / "copy.md"
    doc.save(other)
    assert doc.path == other
    path.write_text("changed elsewhere", encoding="utf-8")  # the old file no longer matters
    doc.set_field("name", "b")
    doc.save()
    assert AgentDocument.load(other).fields["name"] == "b"


def test_a_symlink_stays_a_symlink(tmp_path):
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    target = real_folder / "agent.md"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    doc = AgentDocument.load(link)
    doc.set_field("name", "through-link")
    doc.save()
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert AgentDocument.load(target).fields["name"] == "through-link"
    assert leftovers(tmp_path) == [] and leftovers(real_folder) == []


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_the_file_mode_is_kept(tmp_path, mode):
    path, doc = saved(tmp_path)
    path.chmod(mode)
    doc.set_field("name", "b")
    doc.save()
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.md"
        AgentDocument.parse(TEXT).save(path)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text(encoding="utf-8") == TEXT


def test_bytes_are_written_exactly(tmp_path):
    text = "\ufeff---\r\nname: a\r\ndescription: é\r\n---\r\nbody"
    path = tmp_path / "exact.md"
    AgentDocument.parse(text).save(path)
    assert path.read_bytes() == text.encode("utf-8")
