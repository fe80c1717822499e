"""Every saved version of an agent file, kept in the app's data folder.

Before a save replaces a file, its content as it is on disk is kept here: one
folder per file (named from the file's resolved path), one file per version named
by the time it was kept, each written atomically. Keeping the same content twice in
a row is skipped. The history is bounded by a number of versions and by their age
(``prune``); both limits come from the caller (the app's settings).

``last_committed`` reads the version git last committed (``git show HEAD:path``),
when the file is in a git repository and ``git`` is on the PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from agent_editor.safety.drafts import draft_key, write_file_atomic

__all__ = ["HistoryStore", "Version", "last_committed"]

_SOURCE = "source.txt"
_SUFFIX = ".version"
_STAMP = "%Y%m%dT%H%M%S%fZ"
# Larger than any agent file the app opens: such a file is not kept.
_MAX_VERSION_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Version:
    """One kept version of ``path``: its content as it was on disk before a save at ``kept``."""

    path: Path
    kept: float  # seconds since the epoch
    location: Path
    size: int

    def read(self) -> bytes:
        return self.location.read_bytes()


class HistoryStore:
    """The kept versions of every file, under ``root``."""

    def __init__(self, root: Path):
        self.root = root

    def folder_for(self, path: Path) -> Path:
        return self.root / draft_key(path)

    def keep(self, path: Path, data: bytes, *, now: float | None = None, durable: bool = True) -> Version | None:
        """Keep ``data`` as a version of ``path``; None when it is the same as the latest kept."""
        if len(data) > _MAX_VERSION_BYTES:
            return None
        latest = self.versions(path)[:1]
        if latest and latest[0].size == len(data) and latest[0].read() == data:
            return None
        folder = self.folder_for(path)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / _SOURCE
        if not source.exists():
            write_file_atomic(source, str(path).encode("utf-8", "surrogatepass"), durable=durable)
        when = time.time() if now is None else now
        stamp = datetime.fromtimestamp(when, timezone.utc).strftime(_STAMP)
        target = folder / f"{stamp}{_SUFFIX}"
        while target.exists():  # two saves in one microsecond (a test, a script)
            when += 1e-6
            stamp = datetime.fromtimestamp(when, timezone.utc).strftime(_STAMP)
            target = folder / f"{stamp}{_SUFFIX}"
        write_file_atomic(target, data, durable=durable)
        return Version(path, when, target, len(data))

    def versions(self, path: Path) -> list[Version]:
        """The kept versions of ``path``, newest first."""
        folder = self.folder_for(path)
        if not folder.is_dir():
            return []
        found = []
        for file in folder.glob(f"*{_SUFFIX}"):
            try:
                kept = datetime.strptime(file.name[: -len(_SUFFIX)], _STAMP).replace(tzinfo=timezone.utc).timestamp()
                size = file.stat().st_size
            except (ValueError, OSError):
                continue  # not one of ours, or gone meanwhile
            found.append(Version(path, kept, file, size))
        found.sort(key=lambda v: v.kept, reverse=True)
        return found

    def prune(self, path: Path, max_count: int, max_age_days: float, *, now: float | None = None) -> list[Version]:
        """Remove the versions of ``path`` beyond the newest ``max_count`` or older than ``max_age_days``."""
        now = time.time() if now is None else now
        oldest = now - max_age_days * 86400
        removed = []
        for index, version in enumerate(self.versions(path)):
            if index >= max(0, max_count) or version.kept < oldest:
                try:
                    version.location.unlink()
                except FileNotFoundError:
                    pass
                removed.append(version)
        return removed


def last_committed(path: Path, timeout: float = 5.0) -> bytes | None:
    """The file's content in git's last commit; None when not in a repository, not
    committed, or ``git`` is not on the PATH."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        resolved = path.resolve()
        top = subprocess.run([git, "-C", str(resolved.parent), "rev-parse", "--show-toplevel"],
                             capture_output=True, timeout=timeout, check=False)
        if top.returncode != 0:
            return None
        root = Path(top.stdout.decode("utf-8", "surrogateescape").strip()).resolve()
        relative = resolved.relative_to(root).as_posix()
        shown = subprocess.run([git, "-C", str(root), "show", f"HEAD:{relative}"],
                               capture_output=True, timeout=timeout, check=False)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
    if shown.returncode != 0 or len(shown.stdout) > _MAX_VERSION_BYTES:
        return None
    return shown.stdout
