"""Crash test: the app, editing a copy of a seed, is killed with SIGKILL at random moments.

After every kill the next start (this process, through the app's own recovery code)
must find the draft of the edits made more than the draft delay before the kill,
whole and uncorrupted, and the real file must be byte-identical to before. The child
(``crash_child.py``) forks from a process that has already imported the app, so each
of the many starts is cheap.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from agent_editor.app.documents import DocumentRegistry
from agent_editor.app.safety.drafts import DraftKeeper
from agent_editor.app.safety.recovery import Recovery
from conftest import REPO, copy_seed

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash child forks (POSIX)")

KILLS = 100
PAUSE, LONGEST = 0.05, 0.15  # the child's draft delays: many drafts in a short life


class Child:
    """The forking child process, and the lines it prints."""

    def __init__(self, data: Path, path: Path, mode: str):
        self.process = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "crash_child.py"), str(data), str(path), str(PAUSE), str(LONGEST),
             mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1, cwd=REPO,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_for(lambda line: line == "ready", 60)

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.strip())
                self._changed.notify_all()

    def wait_for(self, matches, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    if matches(line):
                        self.lines.remove(line)
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise AssertionError(f"the crash child stopped answering; last lines: {self.lines[-5:]}")
                self._changed.wait(left)

    def take_lines(self) -> list[str]:
        with self._changed:
            taken, self.lines = self.lines, []
        return taken

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def expected_text(original: str, edits: int) -> str:
    return original + "".join(f"edit {n}\n" for n in range(1, edits + 1))


# (mode, kills, the longest life before the kill, the time within which an edit must be on
# disk): an edit is written at the latest LONGEST after it was made, plus the write; the
# margin covers a busy machine (two cores shared by many processes), more so for the window,
# whose every edit also validates and renders the preview.
@pytest.mark.parametrize("mode, kills, longest_life, kept_within", [
    ("lean", KILLS, 0.35, LONGEST + 0.6),
    ("window", 5, 1.0, LONGEST + 1.5),
])
def test_killed_at_random_moments_no_draft_lost_or_corrupt_and_the_file_untouched(qtbot, tmp_path, mode, kills,
                                                                                 longest_life, kept_within):
    agents = tmp_path / "agents"
    agents.mkdir()
    path = copy_seed(agents, "001")
    original_bytes = path.read_bytes()
    original = original_bytes.decode("utf-8")
    data = tmp_path / "data"
    # This process is "the next start": its own keeper, and the app's recovery code.
    registry = DocumentRegistry()
    keeper = DraftKeeper(registry, data / "drafts", durable=False)
    child = Child(data, path, mode)
    rng = random.Random(20261201)
    checked_with_edits = cut_off_writes = 0
    try:
        for _round in range(kills):
            child.process.stdin.write("run\n")
            child.process.stdin.flush()
            started = child.wait_for(lambda line: line.startswith("started "), 30)
            pid = int(started.split()[1])
            time.sleep(rng.uniform(0.0, longest_life))  # a random moment: before, between or during draft writes
            killed_at = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            child.wait_for(lambda line: line == "gone", 30)
            lines = child.take_lines()
            made = [(int(n), float(t)) for _, n, t in (line.split() for line in lines if line.startswith("edit "))]
            # Every draft the child saw on disk must be found (nothing lost) ...
            confirmed = max((int(line.split()[1]) for line in lines if line.startswith("drafted ")), default=0)
            # ... and every edit made long enough before the kill.
            must_have = max(confirmed, max((n for n, t in made if t <= killed_at - kept_within), default=0))

            cut_off_writes += bool(list((data / "drafts").glob("*/.*.tmp")))  # killed while writing a draft
            recovery = Recovery(keeper)
            assert recovery.unreadable == [], "a draft was left corrupt"
            assert path.read_bytes() == original_bytes, "the real file was touched"
            assert len(recovery.drafts) <= 1
            if must_have:
                assert recovery.drafts, f"no draft, though edit {must_have} was made well before the kill"
            for recovered in recovery.drafts:
                draft = recovered.draft
                assert draft.path == path
                kept = draft.text.count("\nedit ") + draft.text.startswith("edit ")
                assert draft.text == expected_text(original, kept), "the draft is not a state the editor had"
                assert must_have <= kept <= (made[-1][0] if made else 0)
                checked_with_edits += kept > 0
                recovery.discard(recovered)
            recovery.release()
            assert not any(p.is_dir() for p in (data / "drafts").iterdir() if p.name != keeper.session_name)
    finally:
        child.close()
        keeper.close()
        keeper.deleteLater()  # at a safe moment, not whenever the garbage collector runs
        registry.deleteLater()
    print(f"{mode}: {kills} kills, {checked_with_edits} after a draft with edits, {cut_off_writes} in the middle "
          "of writing a draft")
    assert sorted(p.name for p in agents.iterdir()) == [path.name]  # nothing written beside it
    # Enough kills came after a draft (not only before the first) for the test to mean something.
    assert checked_with_edits >= max(1, kills // 5), "too few kills came after a draft to test anything"
