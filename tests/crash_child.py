"""A child for the crash test: the app edits a file until it is killed.

Run as ``python crash_child.py DATA PATH PAUSE LONGEST MODE``. The process imports Qt
and the app once and says ``ready``. It keeps one child forked ahead, which starts
the app with the safety net (drafts under DATA, with the given delays) and opens PATH:
in MODE ``window`` in the editor window, in ``lean`` only as the app's document (no
window to build, so a start is cheap). On each ``run`` line on its input, the child
made ready is let go: it keeps adding numbered lines to the body (``edit N``), printing
``edit N T`` (T: the monotonic clock) after each, and ``drafted N`` each time a draft
holding N edits is on disk; the next child is forked to get
ready meanwhile. The test kills the running child with SIGKILL at a random moment;
this process reaps it and says ``gone``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from agent_editor.app.documents import documents  # noqa: E402
from agent_editor.app.editor.window import MainWindow  # noqa: E402
from agent_editor.app.safety import net as safety_net  # noqa: E402
from agent_editor.app.start import make_application  # noqa: E402

EDIT_EVERY_MS = 7


def edit_line(number: int) -> str:
    return f"edit {number}\n"


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def child(go: int, path: Path, data: Path, pause: float, longest: float, mode: str) -> None:
    app = make_application(style=False)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    net = safety_net.install(data, settings, pause=pause, longest=longest)
    write = net.drafts.folder.write

    def write_and_tell(key, path, text, *args, **kwargs):  # in the writer thread
        location = write(key, path, text, *args, **kwargs)
        say(f"drafted {text.count(chr(10) + 'edit ')}")  # on disk (renamed into place) with this many edits
        return location

    net.drafts.folder.write = write_and_tell
    if mode == "window":
        window = MainWindow(settings=settings)
        window.open_file(path)
        document = window.current
    else:
        document = documents().open(path, app)
    if not os.read(go, 1):  # ready: wait to be let go (nothing: the test is over)
        os._exit(0)
    count = 0

    def edit() -> None:
        nonlocal count
        count += 1
        document.set_body(document.body + edit_line(count))
        say(f"edit {count} {time.monotonic():.6f}")

    timer = QTimer(interval=EDIT_EVERY_MS)
    timer.timeout.connect(edit)
    timer.start()
    say(f"started {os.getpid()} {time.monotonic():.6f}")
    app.exec()


def fork_ready(args: tuple) -> tuple[int, int]:
    """A child getting ready; returns its pid and the pipe that lets it go."""
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(go_write)
        try:
            child(go_read, *args)
        finally:
            os._exit(0)
    os.close(go_read)
    return pid, go_write


def main() -> None:
    data, path, pause, longest, mode = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), \
        float(sys.argv[4]), sys.argv[5]
    args = (path, data, pause, longest, mode)
    ready = fork_ready(args)
    say("ready")
    for line in sys.stdin:
        if line.strip() != "run":
            break
        pid, go = ready
        os.write(go, b"g")
        os.close(go)
        ready = fork_ready(args)
        os.waitpid(pid, 0)
        say("gone")
    pid, go = ready
    os.close(go)  # the child made ready reads nothing and ends
    os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
