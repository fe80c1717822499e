"""Start-up measured from outside: launch to the main window being mapped on a real X server.

    python tests/benchmarks/bench_mapped.py [--runs 5] [--file SEED] [--other NAME=COMMAND]

An independent check of ``bench.py``'s start-up figure, which the app reports from inside.
Here a watcher connected to Xvfb (through libX11 with ctypes, so nothing is installed)
selects SubstructureNotify on the root window and takes the time of the first MapNotify
of a top-level window at least 600 pixels wide, for two commands run alternately:

* ``python -m agent_editor FILE`` (the app, unchanged);
* a bare PySide6 window with a QPlainTextEdit holding the body and a QTextBrowser showing
  it rendered by Python-Markdown.

``--other retext=/path/to/retext`` times another editor opening the same file in the
same rounds (its command gets the file as last argument), e.g. ReText, which opens
with its preview off.

Each is run once to warm caches, then ``--runs`` times; medians are printed as JSON.
Settings and data folders point into a temporary folder, so nothing of the user's is used.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO.parent / "shared" / "seeds" / "001_e8af0677f75d917f.txt"
DISPLAY = ":74"
MIN_WIDTH = 600

BARE = r"""
import sys
from pathlib import Path
import markdown
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTextBrowser
app = QApplication([sys.argv[0]])
text = Path(sys.argv[1]).read_text(encoding="utf-8")
body = text
if text.startswith("---"):
    end = text.find("\n---", 3)
    if end != -1:
        body = text[text.find("\n", end + 1) + 1:]
window = QMainWindow()
split = QSplitter()
editor = QPlainTextEdit()
editor.setPlainText(body)
browser = QTextBrowser()
browser.setHtml(markdown.markdown(body, extensions=["fenced_code", "tables", "sane_lists"]))
split.addWidget(editor)
split.addWidget(browser)
window.setCentralWidget(split)
window.setWindowTitle(Path(sys.argv[1]).name)
window.resize(1400, 880)
window.show()
app.exec()
"""

# ----- a minimal Xlib binding: just enough to wait for MapNotify -----------------------

_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_MAP_NOTIFY = 19


class _XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("c_class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
                ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
                ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
                ("screen", ctypes.c_void_p)]


class MapWatcher:
    """Records the time of each MapNotify of a wide top-level window on the display."""

    def __init__(self, display: str):
        self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        self.x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XWindowAttributes)]
        self.x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.display = self.x.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot open display {display}")
        self.x.XSelectInput(self.display, self.x.XDefaultRootWindow(self.display), _SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XSync(self.display, 0)
        self.x.XPending.argtypes = [ctypes.c_void_p]
        self.x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.mapped = threading.Event()
        self.mapped_at = 0.0
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop watching before the server goes away (Xlib exits the process on a lost display)."""
        self._stopping.set()
        self._thread.join()
        self.x.XCloseDisplay(self.display)

    def expect(self) -> None:
        self.mapped.clear()

    def _loop(self) -> None:
        event = _XEvent()
        attributes = _XWindowAttributes()
        connection = self.x.XConnectionNumber(self.display)
        while not self._stopping.is_set():
            if not self.x.XPending(self.display):
                select.select([connection], [], [], 0.02)
                continue
            self.x.XNextEvent(self.display, ctypes.byref(event))
            if event.type != _MAP_NOTIFY or self.mapped.is_set():
                continue
            at = time.monotonic()
            if self.x.XGetWindowAttributes(self.display, event.xmap.window, ctypes.byref(attributes)) and \
                    attributes.width >= MIN_WIDTH:
                self.mapped_at = at
                self.mapped.set()


def _start_xvfb() -> subprocess.Popen:
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1400x900x24", "-nolisten", "tcp", "-noreset"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{DISPLAY[1:]}")
    for _ in range(200):
        if socket.exists():
            return server
        time.sleep(0.025)
    server.kill()
    raise RuntimeError(f"Xvfb did not start on {DISPLAY}")


def _run_once(command: list[str], env: dict[str, str], watcher: MapWatcher) -> float:
    watcher.expect()
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=env["HOME"])
    try:
        if not watcher.mapped.wait(30):
            raise RuntimeError(f"no window mapped for {command}")
        return (watcher.mapped_at - started) * 1000
    finally:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--other", action="append", default=[], metavar="NAME=COMMAND",
                        help="another program to time opening the same file, e.g. retext=/usr/bin/retext")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="agent-editor-mapped-"))
    agent = home / "agent.md"
    shutil.copyfile(args.file, agent)
    # Bytecode is cached in the temporary folder, as for an installed app (a shell's
    # PYTHONDONTWRITEBYTECODE would make both compile every module on every run).
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {**inherited, "HOME": str(home), "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "PYTHONPYCACHEPREFIX": str(home / "pycache")}
    commands = {"app": [sys.executable, "-m", "agent_editor", str(agent)],
                "bare": [sys.executable, "-c", BARE, str(agent)]}
    for other in args.other:
        name, _, command = other.partition("=")
        commands[name] = [*command.split(), str(agent)]
    server = _start_xvfb()
    watcher = None
    try:
        watcher = MapWatcher(DISPLAY)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for name, command in commands.items():
            _run_once(command, env, watcher)  # warm caches and bytecode
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(round(_run_once(command, env, watcher), 1))
        app, bare = statistics.median(times["app"]), statistics.median(times["bare"])
        others = {f"ratio_{name}_over_bare": round(statistics.median(times[name]) / bare, 2) for name in times
                  if name not in ("app", "bare")}
        print(json.dumps({"launch_to_mapped_ms": times, "median_app_ms": app, "median_bare_ms": bare,
                          "ratio_app_over_bare": round(app / bare, 2), **others,
                          "load_average_1m": round(os.getloadavg()[0], 2)}, indent=2))
    finally:
        if watcher is not None:
            watcher.close()
        server.terminate()
        server.wait(5)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
