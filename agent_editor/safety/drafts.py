"""Drafts: the unsaved text of open agents, kept in the app's own data folder.

A draft is one small file: a first line naming the format, a line of JSON with the real
file's path, when it was written, the text's length and checksum, then the text itself
as UTF-8, so that a draft cut short or damaged is recognised instead of offered. (The
text is not put inside the JSON: encoding 64 KB as JSON holds the interpreter lock,
which the window's thread needs, ten times longer than writing it as it is.) Drafts are written atomically (a temporary file, flushed, then
renamed over the old draft), never next to the real file and never over it.

Each run of the app keeps its drafts in a folder of its own (a *session*). A session
whose app is no longer running (it crashed or was killed) is *orphaned*: its drafts
are what the next start offers to recover. Whether a session's app still runs is for
the caller to say (the app uses a lock file); this module only reads and writes.

``DraftSchedule`` decides when to write: soon after the author pauses, and at the
latest a fixed time after the first unsaved edit, so that steady typing is kept too.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Draft",
    "DraftFolder",
    "DraftSchedule",
    "DraftUnreadable",
    "SUFFIX",
    "draft_key",
    "orphaned_sessions",
    "read_draft",
    "write_file_atomic",
]

_FORMAT = "agent-editor-draft"
_VERSION = 1
SUFFIX = ".draft"
# A draft larger than this is not a draft of an agent file: refuse to read it.
_MAX_DRAFT_BYTES = 16 * 1024 * 1024


class DraftUnreadable(ValueError):
    """A draft file that is cut short, damaged or not a draft at all."""


@dataclass(frozen=True)
class Draft:
    """One recovered draft: the unsaved text of ``path`` (None: an agent never saved)."""

    key: str
    path: Path | None
    title: str
    text: str
    written: float  # seconds since the epoch
    location: Path  # the draft file itself


def draft_key(path: Path | None, untitled_number: int = 0) -> str:
    """The draft's file name (without suffix): one per real file, from its resolved path."""
    if path is None:
        return f"untitled-{untitled_number}"
    try:
        resolved = str(path.resolve())
    except OSError:
        resolved = str(path.absolute())
    digest = hashlib.sha256(os.path.normcase(resolved).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{_safe_stem(path.stem)}-{digest[:16]}"


def _safe_stem(stem: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem)[:40]
    return kept or "agent"


def write_file_atomic(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``target`` so that a crash leaves the old file or the new one.

    ``durable`` also flushes the data to the disk (it then survives a power cut, not only a crash).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


class DraftFolder:
    """The drafts of one session, in one folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def location(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def write(self, key: str, path: Path | None, text: str, title: str = "", *,
              durable: bool = True, now: float | None = None) -> Path:
        """Keep ``text`` as the draft ``key`` (replacing the previous one atomically)."""
        body = text.encode("utf-8", "surrogatepass")
        record = {
            "version": _VERSION,
            "path": str(path) if path is not None else None,
            "title": title or (path.name if path is not None else "Untitled agent"),
            "written": time.time() if now is None else now,
            "bytes": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        }
        head = f"{_FORMAT}\n{json.dumps(record, ensure_ascii=True)}\n".encode("ascii")
        target = self.location(key)
        write_file_atomic(target, head + body, durable=durable)
        return target

    def remove(self, key: str) -> None:
        try:
            self.location(key).unlink()
        except FileNotFoundError:
            pass

    def drafts(self) -> tuple[list[Draft], list[Path]]:
        """The drafts kept here, oldest first, and the draft files that cannot be read."""
        found: list[Draft] = []
        unreadable: list[Path] = []
        if not self.folder.is_dir():
            return found, unreadable
        for file in sorted(self.folder.glob(f"*{SUFFIX}")):
            try:
                found.append(read_draft(file))
            except DraftUnreadable:
                unreadable.append(file)
        found.sort(key=lambda d: d.written)
        return found, unreadable

    def is_empty(self) -> bool:
        return not self.folder.is_dir() or not any(self.folder.iterdir())

    def delete_folder(self) -> None:
        """Remove the session's folder with whatever it still holds (temporary files of a cut-off write)."""
        shutil.rmtree(self.folder, ignore_errors=True)


def read_draft(file: Path) -> Draft:
    """Read one draft file; raises ``DraftUnreadable`` when it is damaged or not a draft."""
    try:
        if file.stat().st_size > _MAX_DRAFT_BYTES:
            raise DraftUnreadable(f"{file.name} is too large to be a draft")
        data = file.read_bytes()
        magic, line, body = data.split(b"\n", 2)
        if magic.decode("ascii") != _FORMAT:
            raise DraftUnreadable(f"{file.name} is not a draft")
        record = json.loads(line.decode("ascii"))
        if not isinstance(record, dict):
            raise DraftUnreadable(f"{file.name} is not a draft")
        if record.get("bytes") != len(body) or record.get("sha256") != hashlib.sha256(body).hexdigest():
            raise DraftUnreadable(f"{file.name}: the text is cut short or damaged")
        text = body.decode("utf-8", "surrogatepass")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise DraftUnreadable(f"{file.name}: {error}") from None
    path, title, written = record.get("path"), record.get("title"), record.get("written")
    if path is not None and not isinstance(path, str):
        raise DraftUnreadable(f"{file.name}: no file path")
    if not isinstance(written, (int, float)):
        raise DraftUnreadable(f"{file.name}: no time")
    key = file.name[: -len(SUFFIX)]
    return Draft(key, Path(path) if path is not None else None, title if isinstance(title, str) else key,
                 text, float(written), file)


class DraftSchedule:
    """When the next draft of one document is due.

    A draft is written ``pause`` seconds after the last edit, and at the latest
    ``longest`` seconds after the first edit it has not yet kept, so that an author
    who never pauses is covered too. With the defaults an edit is on disk within two
    seconds (the write itself takes a few milliseconds).
    """

    def __init__(self, pause: float = 0.6, longest: float = 1.5):
        self.pause, self.longest = pause, longest
        self._first: float | None = None  # the first edit not yet kept

    @property
    def pending(self) -> bool:
        return self._first is not None

    def edited(self, now: float) -> float:
        """An edit at ``now``: the number of seconds until the draft is due."""
        if self._first is None:
            self._first = now
        return max(0.0, min(self.pause, self._first + self.longest - now))

    def kept(self) -> None:
        """The draft was written (or is no longer needed)."""
        self._first = None


def orphaned_sessions(root: Path, is_running) -> list[DraftFolder]:
    """The session folders under ``root`` whose app no longer runs (``is_running(name)`` says)."""
    if not root.is_dir():
        return []
    return [DraftFolder(folder) for folder in sorted(root.iterdir())
            if folder.is_dir() and not is_running(folder.name)]
