"""Takes the README's recovery screenshots: a real crash, then the real app's next start.

Run under an X server (Xvfb with a screen of at least 1400x880), with xdotool and
ImageMagick's ``import``:

    DISPLAY=:1 python docs/screenshots/take_recovery.py ../shared/seeds docs/screenshots

1. A child process opens a copy of seed 001 in the editor, changes a field and the
   body, waits until the draft is written, and kills itself with SIGKILL.
2. ``python -m agent_editor`` is started on the same file (same data folder). It asks
   whether to review the recovered changes: ``recovery-question.png``.
3. Enter ("Review Now"): the compare view shows "recovered" against "on disk" with
   Restore and Discard: ``recovery.png``.
Everything runs in a temporary home; nothing of the user's is read or written.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CRASH = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from agent_editor.app.start import make_application
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.safety.net import install

app = make_application([sys.argv[0]])
net = install()
window = MainWindow()
window.show()
window.open_file(Path(sys.argv[1]))
doc = window.current
doc.set_field("model", "haiku")
doc.set_body(doc.body.replace("Your primary responsibilities:", "Always start from the data model.\\n\\nYour primary responsibilities:", 1))
net.drafts.draft_written.connect(lambda _key: os.kill(os.getpid(), signal.SIGKILL))
QTimer.singleShot(10000, app.quit)
app.exec()
"""


def _window_id(title: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--name", title], capture_output=True, text=True)
        if found.stdout.strip():
            return found.stdout.split()[-1]
        time.sleep(0.2)
    raise SystemExit(f"no window titled {title!r} appeared")


def _shoot(window_id: str, path: Path) -> None:
    time.sleep(0.8)  # let it paint
    subprocess.run(["import", "-window", window_id, str(path)], check=True)
    print(f"wrote {path}")


def main(seeds: Path, out: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="agent-editor-recovery-"))
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "xcb"}
    agents = home / "project" / ".claude" / "agents"
    agents.mkdir(parents=True)
    seed = next(seeds.glob("001_*"))
    path = agents / "backend-architect.md"
    shutil.copyfile(seed, path)
    before = path.read_bytes()
    crashed = subprocess.run([sys.executable, "-c", CRASH, str(path)], env=env, timeout=60)
    assert crashed.returncode == -signal.SIGKILL, crashed.returncode
    assert path.read_bytes() == before, "the crash touched the real file"
    app = subprocess.Popen([sys.executable, "-m", "agent_editor", str(path)], env=env, cwd=home)
    try:
        question = _window_id("Unsaved changes recovered")
        _shoot(question, out / "recovery-question.png")
        subprocess.run(["xdotool", "windowfocus", "--sync", question, "key", "Return"], check=False)
        compare = _window_id("Recovered:")
        subprocess.run(["xdotool", "windowsize", compare, "1400", "860", "windowmove", compare, "0", "0"], check=False)
        _shoot(compare, out / "recovery.png")
    finally:
        app.kill()  # the process this script started
        app.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
