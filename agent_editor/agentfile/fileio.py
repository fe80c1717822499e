"""Reading and writing agent files on disk, safely.

Reading turns every way a file can be unusable (missing, unreadable, binary, not
UTF-8, empty, huge) into a ``DocumentError`` with a message a non-programmer can act
on; nothing half-read ever comes back. Writing is atomic: a temporary file in the same
folder, flushed to disk, then renamed over the original, so a crash leaves either the
old file or the new one. Bytes are written exactly as given: newlines, BOM and
encoding are the document's business, not ours.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
import zlib
from pathlib import Path

from agent_editor.agentfile.wording import translate

# The largest real agent file known is 64 KB; anything this big is not an agent file,
# and reading it into a text editor would only make the app hang.
MAX_FILE_BYTES = 10 * 1024 * 1024


class DocumentError(Exception):
    """A problem with a file, explained in plain words in ``message``."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.message = message
        self.path = path


class FileMissing(DocumentError):
    pass


class FileUnreadable(DocumentError):
    pass


class FileTooLarge(DocumentError):
    pass


class BinaryFile(DocumentError):
    pass


class NotUtf8(DocumentError):
    pass


class EmptyFile(DocumentError):
    pass


class FileNotWritable(DocumentError):
    pass


class FileChangedOnDisk(DocumentError):
    """The file on disk is no longer what was loaded; ``deleted`` says if it is gone."""

    def __init__(self, message: str, path: Path | None = None, deleted: bool = False):
        super().__init__(message, path)
        self.deleted = deleted


def signature(data: bytes) -> bytes:
    """What a file's content is, to notice later that someone else changed it.

    Agent files are small, so the bytes themselves are kept: exact, and no hashing
    library to load at start-up.
    """
    return data


def _size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def read_text(path: Path) -> tuple[str, bytes]:
    """The file's text and signature, or a DocumentError saying why it cannot be opened."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileMissing(translate("fileio", "“{name}” does not exist (it may have been moved, renamed or deleted).")
                          .format(name=name), path) from None
    except PermissionError:
        raise FileUnreadable(translate("fileio", "You do not have permission to open “{name}”.").format(name=name), path) from None
    except OSError as error:
        raise FileUnreadable(translate("fileio", "“{name}” cannot be opened: {reason}.").format(name=name,
                                                                          reason=error.strerror or error),
                             path) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileUnreadable(translate("fileio", "“{name}” is a folder, not an agent file.").format(name=name), path)
    if not stat.S_ISREG(info.st_mode):
        # A named pipe or a device: reading one may wait forever or never end.
        raise FileUnreadable(translate("fileio", "“{name}” is not an ordinary file (it is a pipe or a device), so it cannot be "
                                "an agent file.").format(name=name), path)
    if info.st_size > MAX_FILE_BYTES:
        raise FileTooLarge(
            translate("fileio", "“{name}” is {size}. Agent files are small text files (the largest known is 64 KB), so Agent "
               "Editor opens files up to {limit} only.").format(name=name, size=_size_words(info.st_size),
                                                               limit=_size_words(MAX_FILE_BYTES)),
            path,
        )
    remove_stale_temps(path.parent)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise FileUnreadable(translate("fileio", "You do not have permission to open “{name}”.").format(name=name), path) from None
    except OSError as error:
        raise FileUnreadable(translate("fileio", "“{name}” cannot be read: {reason}.").format(name=name,
                                                                        reason=error.strerror or error),
                             path) from None
    if len(data) > MAX_FILE_BYTES:  # it grew between stat and read
        raise FileTooLarge(translate("fileio", "“{name}” is larger than {limit}; it is not an agent file.")
                           .format(name=name, limit=_size_words(MAX_FILE_BYTES)), path)
    return decode(data, name, path), signature(data)


def decode(data: bytes, name: str = "This file", path: Path | None = None) -> str:
    """UTF-8 text (BOM kept as U+FEFF) or a DocumentError saying what the bytes are instead."""
    if not data:
        raise EmptyFile(translate("fileio", "“{name}” is empty. An agent file starts with a header between two --- lines.")
                        .format(name=name), path)
    wide = "UTF-32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else (
        "UTF-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else None)
    if wide is not None:
        raise NotUtf8(
            translate("fileio", "“{name}” is saved in an encoding Claude Code cannot read ({encoding}). Open it in another text "
               "editor, save it again as UTF-8, then open it here.").format(name=name, encoding=wide),
            path,
        )
    if b"\x00" in data[:8192]:
        raise BinaryFile(translate("fileio", "“{name}” is not a text file, so it cannot be an agent file.").format(name=name), path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NotUtf8(
            translate("fileio", "“{name}” is saved in an encoding Claude Code cannot read (it is not UTF-8; the first letter it "
               "cannot read is on line {line}). Open it in another text editor, save it again as UTF-8, then open "
               "it here. Nothing was changed.").format(name=name, line=line),
            path,
        ) from None


UNREADABLE = "unreadable"  # a signature no content has (contents are bytes): there, but not readable


def read_signature(path: Path) -> bytes | str | None:
    """The signature of what is on disk now, None when the file is gone, ``UNREADABLE`` when
    something else stands there now (a folder) or it can no longer be read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return UNREADABLE
        with open(path, "rb") as handle:
            return signature(handle.read(MAX_FILE_BYTES + 1))
    except FileNotFoundError:
        return None
    except OSError:
        return UNREADABLE


ANY_CONTENT = object()  # write_atomic's ``expected`` when the caller does not mind what is on disk


def write_atomic(path: Path, data: bytes, expected: bytes | str | None | object = ANY_CONTENT) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    A symbolic link is followed, so the link stays a link. The file keeps its permissions,
    its owner and group (when this process may set them), its extended attributes and
    its other hard links: a file with more than one name, or whose owner cannot be kept,
    is written in place after a backup copy. With ``expected`` (the signature the caller
    last saw, None for "no file"), the file on disk is checked again just before the
    rename, and ``FileChangedOnDisk`` is raised, the file untouched, when it differs.
    """
    target = Path(os.path.realpath(path))
    name = path.name
    folder = target.parent
    remove_stale_temps(folder)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not os.access(target, os.W_OK):
        raise FileNotWritable(
            translate("fileio", "“{name}” is read-only, so it was not changed. Save it under another name (File › Save As), or "
               "make it writable and save again.").format(name=name),
            path,
        )
    try:
        temp_name = _create_temp(folder, target.name, ".tmp")
    except FileNotFoundError:
        raise FileNotWritable(translate("fileio", "The folder for “{name}” no longer exists, so it was not saved.").format(name=name),
                              path) from None
    except PermissionError:
        raise FileNotWritable(
            translate("fileio", "The folder of “{name}” is read-only, so it was not saved. Save it somewhere else (File › Save As).")
            .format(name=name), path
        ) from None
    except OSError as error:
        raise FileNotWritable(translate("fileio", "“{name}” was not saved: {reason}.").format(name=name,
                                                                        reason=error.strerror or error),
                              path) from None
    try:
        _write_synced(temp_name, data, truncate=False)
        in_place = False
        if info is not None:
            os.chmod(temp_name, stat.S_IMODE(info.st_mode))
            in_place = info.st_nlink > 1 or not _keep_owner(temp_name, info)
            _copy_xattrs(target, Path(temp_name))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        if in_place:
            os.unlink(temp_name)
            _check_unchanged(target, expected, name, path)
            _write_in_place(target, data)
        else:
            _check_unchanged(target, expected, name, path)
            os.replace(temp_name, target)
    except FileChangedOnDisk:
        _unlink_quietly(temp_name)
        raise
    except OSError as error:
        _unlink_quietly(temp_name)
        reason = translate("fileio", "the disk is full") if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise FileNotWritable(translate("fileio", "“{name}” was not saved ({reason}); the file on disk is unchanged.")
                              .format(name=name, reason=reason), path) from None
    _sync_folder(folder)


def _check_unchanged(target: Path, expected: bytes | str | None | object, name: str, path: Path) -> None:
    """The last look before the file is replaced: is it still what the caller saw?"""
    if expected is ANY_CONTENT:
        return
    now = read_signature(target)
    if now == expected:
        return
    if now is None:
        raise FileChangedOnDisk(translate("fileio", "“{name}” was deleted or moved by another program since it was opened.")
                                .format(name=name), path, deleted=True)
    raise FileChangedOnDisk(translate("fileio", "“{name}” was changed by another program since it was opened.")
                            .format(name=name), path)


def _write_synced(file_name: str | Path, data: bytes, truncate: bool) -> None:
    flags = os.O_WRONLY | (os.O_TRUNC if truncate else 0)
    fd = os.open(file_name, flags)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.truncate(len(data))
        out.flush()
        os.fsync(out.fileno())


def _keep_owner(temp_name: str, info: os.stat_result) -> bool:
    """Give the new file the old one's owner and group; False when this process may not."""
    if not hasattr(os, "chown"):
        return True
    mine = os.stat(temp_name)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(temp_name, info.st_uid, info.st_gid)
    except OSError:
        return False
    os.chmod(temp_name, stat.S_IMODE(info.st_mode))  # chown may clear set-id bits
    return True


def _copy_xattrs(source: Path, target: Path) -> None:
    """Copy extended attributes (labels, quarantine marks, tags); those that cannot be set are left."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return
    for attribute in names:
        try:
            os.setxattr(target, attribute, os.getxattr(source, attribute))
        except OSError:
            pass  # not supported here, or not ours to set (security.*): the rest still come across


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite the file itself, so its other names and its owner stay; a backup copy covers a crash.

    The backup is named like our temp files, with the new content's checksum in it: on
    the next open, one left behind is removed when the file holds either version whole
    (the write never began, or it ended), and kept beside the file otherwise.
    """
    old = target.read_bytes()
    backup = _create_temp(target.parent, target.name, f".{zlib.crc32(data):08x}.bak")
    try:
        _write_synced(backup, old, truncate=False)
        _write_synced(target, data, truncate=False)
    except BaseException:
        if target.read_bytes() == old:
            _unlink_quietly(backup)
        raise
    _unlink_quietly(backup)


# ----- our temporary files ------------------------------------------------------------------

# ".<name>.agent-editor-<host>-<pid>-<random>.tmp" (or "...-<crc>.bak" for an in-place backup):
# no other program's file has this shape, so removing a stale one never removes theirs.
_TEMP_TAG = ".agent-editor-"
_TEMP = re.compile(r"\.(?P<name>.+)\.agent-editor-(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]{8}"
                   r"(?:\.tmp|\.(?P<crc>[0-9a-f]{8})\.bak)")
_STALE_AFTER_SECONDS = 24 * 3600  # another computer's, on a shared folder: surely dead by then
_last_swept: dict[str, float] = {}


def _host_tag() -> str:
    import socket  # only saving needs it: not loaded by a window that has not saved yet

    return f"{zlib.crc32(socket.gethostname().encode('utf-8', 'replace')):08x}"


def _create_temp(folder: Path, name: str, suffix: str) -> str:
    while True:
        temp = folder / f".{name}{_TEMP_TAG}{_host_tag()}-{os.getpid()}-{os.urandom(4).hex()}{suffix}"
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return str(temp)
        except FileExistsError:
            continue


def _unlink_quietly(file_name: str | Path) -> None:
    try:
        os.unlink(file_name)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove our own temp files left in ``folder`` by a save that was killed; the ones removed.

    A temp file is stale when the process that made it (on this computer) is gone, or
    when it is a day old. A backup of an in-place write is removed only when the file
    holds one version whole; otherwise it stays beside the file for the author.
    """
    now = time.time() if now is None else now
    key = str(folder)
    if now - _last_swept.get(key, 0.0) < 2.0:  # a folder of many agents is opened file by file
        return []
    _last_swept[key] = now
    try:
        entries = [entry for entry in os.scandir(folder) if _TEMP_TAG in entry.name]
    except OSError:
        return []
    host, removed = _host_tag(), []
    for entry in entries:
        match = _TEMP.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        mine_and_dead = match["host"] == host and not _alive(int(match["pid"]))
        if not (mine_and_dead or age > _STALE_AFTER_SECONDS):
            continue
        if match["crc"] is not None and not _backup_is_spare(Path(entry.path), folder / match["name"], match["crc"]):
            continue
        _unlink_quietly(entry.path)
        removed.append(Path(entry.path))
    return removed


def _backup_is_spare(backup: Path, target: Path, crc: str) -> bool:
    try:
        current = target.read_bytes()
        return f"{zlib.crc32(current):08x}" == crc or current == backup.read_bytes()
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk too (POSIX only).
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
