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
import stat
import tempfile
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotUtf8(
            translate("fileio", "“{name}” is saved in an encoding Claude Code cannot read (UTF-16). Open it in another text editor, "
               "save it again as UTF-8, then open it here.").format(name=name),
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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    A symbolic link is followed, so the link stays a link. The file keeps its permissions.
    """
    target = Path(os.path.realpath(path))
    name = path.name
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        exists = True
    except FileNotFoundError:
        mode, exists = None, False
    if exists and not os.access(target, os.W_OK):
        raise FileNotWritable(
            translate("fileio", "“{name}” is read-only, so it was not changed. Save it under another name (File › Save As), or "
               "make it writable and save again.").format(name=name),
            path,
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        reason = translate("fileio", "the disk is full") if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise FileNotWritable(translate("fileio", "“{name}” was not saved ({reason}); the file on disk is unchanged.")
                              .format(name=name, reason=reason), path) from None
    _sync_folder(folder)


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
