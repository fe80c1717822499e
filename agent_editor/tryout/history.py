"""Requests remembered per agent, and the last result of each variant version, on disk.

The window keeps these in the app's data folder, so a set of requests can be run again
after an edit and compared with what the earlier version answered. A version is the
variant's exact text: an edited variant is a new version with no result yet. Files are
small JSON; an unreadable one counts as empty (never an error for the author).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

MAX_REQUESTS = 30  # per agent, most recent first
MAX_REQUEST_CHARS = 20_000


def version_key(variant_text: str, request: str) -> str:
    return hashlib.sha256(f"{variant_text}\0{request}".encode("utf-8")).hexdigest()[:32]


class TryHistory:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # requests per agent

    def requests(self, agent: str) -> list[str]:
        stored = self._read(self.folder / "requests.json").get(agent)
        return [r for r in stored if isinstance(r, str)] if isinstance(stored, list) else []

    def remember_request(self, agent: str, request: str) -> None:
        request = request.strip()[:MAX_REQUEST_CHARS]
        if not request:
            return
        path = self.folder / "requests.json"
        data = self._read(path)
        kept = [r for r in self.requests(agent) if r != request]
        data[agent] = [request, *kept][:MAX_REQUESTS]
        self._write(path, data)

    def forget_request(self, agent: str, request: str) -> None:
        path = self.folder / "requests.json"
        data = self._read(path)
        data[agent] = [r for r in self.requests(agent) if r != request]
        self._write(path, data)

    # last result per variant version and request

    def last_result(self, variant_text: str, request: str) -> dict | None:
        data = self._read(self.folder / "results" / f"{version_key(variant_text, request)}.json")
        return data if data.get("request") == request else None

    def keep_result(self, variant_text: str, request: str, result: dict) -> None:
        record = dict(result, request=request, saved_at=time.strftime("%Y-%m-%d %H:%M"))
        self._write(self.folder / "results" / f"{version_key(variant_text, request)}.json", record)

    # files

    @staticmethod
    def _read(path: Path) -> dict:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _write(path: Path, data: dict) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temp, path)
        except OSError:
            pass  # remembering is a convenience: a full or read-only disk must not stop a try
