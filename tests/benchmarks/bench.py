"""Performance figures for Agent Editor, printed as one JSON object.

    python tests/benchmarks/bench.py            # Qt's offscreen platform
    python tests/benchmarks/bench.py --xvfb     # a real X server (Xvfb :73) and the xcb platform

What is measured:

1. start-up: fresh processes, from just before the parent spawns them until the main
   window's preview (with a seed's rendered body) has painted for the first time:
   ``python -m agent_editor SEED`` (run unchanged; a small driver only watches for that
   first paint) against a bare PySide6 window doing the same work (QMainWindow with a
   QPlainTextEdit holding the body and a QTextBrowser showing Python-Markdown's HTML).
   The app builds its header form after that first frame; the time until the form has
   painted too is reported beside it (``complete_median_ms``).
   Each is run once to warm caches, then N times, alternating; medians are reported.
2. keystroke to preview: in this process, a seed open in ``MainWindow``; for each of K
   real key events sent to the body editor, the time until ``preview_rendered`` has
   been emitted and the preview shows the new text (and, separately, until the
   preview has repainted).
3. typing on the largest corpus body (about 64 KB): K keys 60 ms apart driven by a
   timer in a running event loop; how long each key event takes to handle, and the
   longest event-loop stall seen by a 1 ms heartbeat timer, during the burst and
   during the settle after it (when the deferred preview and validation run); with
   the main thread's CPU time in the worst gap, which other work on the machine does
   not inflate.
4. peak memory: ``ru_maxrss`` of the app and of the bare window, each printed by the
   child process once its whole window has painted (the app's header form is built
   after the first frame, so the app reports again once the form has painted: its
   ``complete`` time and memory).

Settings, caches, data folders and the children's bytecode cache point into a
temporary folder, so nothing of the user's is read or written and start-up is measured
with compiled bytecode, as an installed app would start.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "001_e8af0677f75d917f.txt"
CORPUS = SHARED / "corpus"
XVFB_DISPLAY = ":73"

STARTUP_RUNS = 7
KEYSTROKES = 200
TYPING_INTERVAL_MS = 60
HEARTBEAT_MS = 1
FRAME_MS = 16.0


def now() -> float:
    """A clock shared by all processes on the machine (seconds)."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


# ----- start-up (child processes) -------------------------------------------------------

# Shared by both children: once the window is up, wait for the first paint of the
# text browser that shows the rendered body, then report the time and peak memory.
_READY_HOOK = r"""
import json, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def _snapshot():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"at": time.clock_gettime(time.CLOCK_MONOTONIC), "cpu_s": usage.ru_utime + usage.ru_stime,
            "maxrss_kb": usage.ru_maxrss}

def _report(browser, first, complete=None):
    app = QApplication.instance()
    print("BENCH " + json.dumps({
        "cpu_s": first["cpu_s"],
        "ready": first["at"],
        "driver_start": _DRIVER_START,
        "maxrss_kb": first["maxrss_kb"],
        "complete": complete,
        "platform": app.platformName(),
        "preview_chars": browser.document().characterCount(),
        "exposed": bool(browser.window().windowHandle() and browser.window().windowHandle().isExposed()),
    }), flush=True)
    os._exit(0)

class _Painted(QObject):
    # Calls back in the event loop's next turn after ``widget`` paints (when ``ready()`` holds).
    def __init__(self, widget, callback, ready=lambda: True):
        super().__init__(widget)
        self.callback, self.ready = callback, ready
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.ready():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # after this paint is done
        return False

def _FirstPaint(browser, then=None):
    def painted():
        first = _snapshot()
        if then is None:
            _report(browser, first)
        else:
            then(first)
    _Painted(browser.viewport(), painted, lambda: browser.document().characterCount() > 1)
"""

_APP_DRIVER = r"""
import time
_DRIVER_START = time.clock_gettime(time.CLOCK_MONOTONIC)
import runpy, sys
""" + _READY_HOOK + r"""
_exec = QApplication.exec

def _exec_when_ready(*args):
    from agent_editor.app.editor.window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    def wait_for_form(first):
        # The window is complete once the header form, built after the first frame, has painted.
        def form_painted():
            _report(window.preview, first, _snapshot())
        def poll():
            if window._form is None:
                QTimer.singleShot(1, poll)
            else:
                _Painted(window._form.viewport(), form_painted)
                window._form.viewport().update()
        poll()

    _FirstPaint(window.preview, wait_for_form)
    return _exec()

QApplication.exec = _exec_when_ready
sys.argv = ["agent_editor", *sys.argv[1:]]
runpy.run_module("agent_editor", run_name="__main__", alter_sys=True)
"""

_BARE_DRIVER = r"""
import time
_DRIVER_START = time.clock_gettime(time.CLOCK_MONOTONIC)
import sys
from pathlib import Path
""" + _READY_HOOK + r"""
import markdown
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter, QTextBrowser

app = QApplication([sys.argv[0]])
text = Path(sys.argv[1]).read_text(encoding="utf-8")
body = text
if text.startswith("---"):
    end = text.find("\n---", 3)
    if end != -1:
        body = text[text.find("\n", end + 1) + 1:]
html = markdown.markdown(body, extensions=["fenced_code", "tables", "sane_lists"])
window = QMainWindow()
split = QSplitter()
editor = QPlainTextEdit()
editor.setPlainText(body)
browser = QTextBrowser()
browser.setHtml(html)
split.addWidget(editor)
split.addWidget(browser)
window.setCentralWidget(split)
window.resize(1400, 880)
window.show()
_FirstPaint(browser)
app.exec()
"""


def _spawn_once(driver: str, seed: Path, env: dict[str, str]) -> dict:
    started = now()
    proc = subprocess.run(
        [sys.executable, "-c", driver, str(seed)],
        env=env, capture_output=True, text=True, timeout=60, cwd=env["HOME"],
    )
    finished = now()
    lines = [line for line in proc.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        raise RuntimeError(f"start-up child gave no figures (exit {proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(lines[-1][6:])
    data["startup_ms"] = (data["ready"] - started) * 1000
    data["interpreter_ms"] = (data["driver_start"] - started) * 1000
    data["process_ms"] = (finished - started) * 1000
    complete = data.get("complete")  # the app only: its header form, built after the first frame
    data["complete_ms"] = (complete["at"] - started) * 1000 if complete else data["startup_ms"]
    data["complete_maxrss_kb"] = complete["maxrss_kb"] if complete else data["maxrss_kb"]
    return data


def measure_startup(env: dict[str, str]) -> dict:
    runs: dict[str, list[dict]] = {"app": [], "bare": []}
    drivers = {"app": _APP_DRIVER, "bare": _BARE_DRIVER}
    for name, driver in drivers.items():  # warm the bytecode and font caches
        _spawn_once(driver, SEED, env)
    for _ in range(STARTUP_RUNS):
        for name, driver in drivers.items():  # alternate, so drift hits both alike
            runs[name].append(_spawn_once(driver, SEED, env))

    def summary(name: str) -> dict:
        got = runs[name]
        return {
            "median_ms": round(statistics.median(r["startup_ms"] for r in got), 1),
            "min_ms": round(min(r["startup_ms"] for r in got), 1),
            "max_ms": round(max(r["startup_ms"] for r in got), 1),
            "interpreter_start_median_ms": round(statistics.median(r["interpreter_ms"] for r in got), 1),
            # CPU time of the child until that paint: less disturbed by other work on the machine.
            "cpu_median_ms": round(statistics.median(r["cpu_s"] for r in got) * 1000, 1),
            "all_ms": [round(r["startup_ms"], 1) for r in got],
            # Until the whole window has painted: for the app, its header form too.
            "complete_median_ms": round(statistics.median(r["complete_ms"] for r in got), 1),
            "window_exposed": all(r["exposed"] for r in got),
            "platform": got[0]["platform"],
        }

    app, bare = summary("app"), summary("bare")
    app_rss = statistics.median(r["complete_maxrss_kb"] for r in runs["app"]) / 1024
    app_first_rss = statistics.median(r["maxrss_kb"] for r in runs["app"]) / 1024
    bare_rss = statistics.median(r["maxrss_kb"] for r in runs["bare"]) / 1024
    return {
        "startup": {
            "runs": STARTUP_RUNS,
            "measured": "spawn until the preview's first paint with the seed rendered",
            "app": app,
            "bare": bare,
            "ratio_app_over_bare": round(app["median_ms"] / bare["median_ms"], 2),
            "cpu_ratio_app_over_bare": round(app["cpu_median_ms"] / bare["cpu_median_ms"], 2),
            "target_ratio": 1.5,
            "target_met": app["median_ms"] / bare["median_ms"] <= 1.5,
            "complete_ratio_app_over_bare": round(app["complete_median_ms"] / bare["median_ms"], 2),
        },
        "memory": {
            "measured": "ru_maxrss of the child once its whole window has painted (median of runs)",
            "app_max_rss_mb": round(app_rss, 1),
            "app_max_rss_at_first_paint_mb": round(app_first_rss, 1),
            "bare_max_rss_mb": round(bare_rss, 1),
            "difference_mb": round(app_rss - bare_rss, 1),
            "ratio_app_over_bare": round(app_rss / bare_rss, 2),
        },
    }


# ----- in-process measurements ----------------------------------------------------------

def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _stats(values: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(values), 2),
        "p95_ms": round(_percentile(values, 0.95), 2),
        "max_ms": round(max(values), 2),
    }


def _settle(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _typing_text(count: int) -> str:
    words = "the quick brown fox jumps over the lazy dog while agents answer "
    return (words * (count // len(words) + 1))[:count]


def _preview_cost_ms(doc) -> float:
    """What the open document measured its last preview to cost: rendering (in the worker) plus showing."""
    render_seconds, show_seconds = doc.last_preview_seconds
    return (render_seconds + show_seconds) * 1000


def _open_window(path: Path):
    """The window with ``path`` open, as ``agent-editor PATH`` starts it (settle_memory is
    what the app does once the window has painted)."""
    from agent_editor.app.editor.window import MainWindow
    from agent_editor.app.start import settle_memory

    window = MainWindow()
    window.show()
    window.open_paths([path])
    settle_memory()
    return window


def measure_keystroke_to_preview(app) -> dict:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    window = _open_window(SEED)
    _settle(app, 0.3)
    editor, preview, doc = window.body.editor, window.preview, window.current
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(2):  # a paragraph of its own at the end, so the typed text is the last block
        QTest.keyClick(editor, Qt.Key.Key_Return)
    _settle(app, 0.2)

    rendered = [0]
    doc.preview_rendered.connect(lambda _html: rendered.__setitem__(0, rendered[0] + 1))

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                PaintCounter.count += 1
            return False

    painter = PaintCounter()
    preview.viewport().installEventFilter(painter)

    to_preview: list[float] = []
    to_paint: list[float] = []
    costs: list[float] = []  # the app's own measure of the last preview, which picks its delay
    deferred = 0
    timeouts = 0
    typed = ""
    for char in _typing_text(KEYSTROKES):
        typed += char
        tail = typed.rstrip()[-24:]
        # The typed text is at the end: keep the end of the preview in view, or no paint is due.
        bar = preview.verticalScrollBar()
        if bar.value() != bar.maximum():
            bar.setValue(bar.maximum())
            app.processEvents()
        renders, paints = rendered[0], PaintCounter.count
        cost = _preview_cost_ms(doc)
        deferred += doc.preview_delay_ms() > 0  # request_preview then waits for a pause
        start = time.perf_counter()
        QTest.keyClick(editor, char)
        deadline = start + 2.0
        while not (rendered[0] > renders and preview.document().lastBlock().text().rstrip().endswith(tail)):
            app.processEvents()
            if time.perf_counter() > deadline:
                timeouts += 1
                break
        shown = time.perf_counter()
        while PaintCounter.count == paints and time.perf_counter() < shown + 0.2:
            app.processEvents()
        painted = time.perf_counter()
        cost = _preview_cost_ms(doc)
        if cost is not None:
            costs.append(cost)
        to_preview.append((shown - start) * 1000)
        to_paint.append((painted - start) * 1000)
        app.processEvents()

    preview.viewport().removeEventFilter(painter)
    body_chars = len(doc.body)
    doc.undo_stack.setClean()
    window.hide()
    result = {
        "keystrokes": KEYSTROKES,
        "seed_body_chars": body_chars,
        "measured": "key event sent until preview_rendered emitted and the preview shows the typed text",
        **_stats(to_preview),
        "timeouts": timeouts,
        "to_repaint": _stats(to_paint),
        "preview_cost": _stats(costs) if costs else None,
        "keys_on_deferred_path": deferred,
        "target_p95_ms": FRAME_MS,
        "target_met": _percentile(to_preview, 0.95) < FRAME_MS and not timeouts,
    }
    return result


def _largest_corpus_file() -> Path:
    return max(CORPUS.rglob("*.md"), key=lambda p: p.stat().st_size)


def measure_typing_large(app) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from agent_editor.agentfile.rendering import render_markdown
    from agent_editor.agentfile.validation import validate

    path = _largest_corpus_file()
    window = _open_window(path)
    _settle(app, 0.3)
    editor, preview, doc = window.body.editor, window.preview, window.current

    # The cost of one preview (render + show), as the app pays it; the last run also
    # leaves the app's own cost estimate in place, so its typing delay is the usual one.
    render_ms, show_ms, both_ms = [], [], []
    for _ in range(3):
        t0 = time.perf_counter()
        html = render_markdown(doc.body)
        t1 = time.perf_counter()
        preview.show_html(html)
        t2 = time.perf_counter()
        render_ms.append((t1 - t0) * 1000)
        show_ms.append((t2 - t1) * 1000)
    for _ in range(3):
        t0 = time.perf_counter()
        doc.render_preview_now()  # a large body renders in a worker and shows in slices
        while getattr(doc, "preview_pending", False) or getattr(preview, "is_showing", lambda: False)():
            app.processEvents()
        both_ms.append((time.perf_counter() - t0) * 1000)
    validate_ms = []
    for _ in range(3):
        t0 = time.perf_counter()
        validate(doc.document)
        validate_ms.append((time.perf_counter() - t0) * 1000)
    deferred_delay_ms = doc.preview_delay_ms()  # what request_preview waits after a change
    cost_ms = _preview_cost_ms(doc)
    _settle(app, 0.2)

    # The cursor at the end of a line in the middle of the body.
    editor.setFocus()
    block = editor.document().findBlockByNumber(editor.document().blockCount() // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    _settle(app, 0.1)

    rendered: list[float] = []
    doc.preview_rendered.connect(lambda _html: rendered.append(time.perf_counter()))

    # Each beat notes the wall clock and this thread's CPU time: a gap the thread spent
    # working is the app blocking; a gap without CPU is the machine running something else.
    beats: list[tuple[float, float]] = []
    heartbeat = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append((time.perf_counter(), time.thread_time())))

    handling: list[float] = []
    keys = iter(_typing_text(KEYSTROKES))
    loop = QEventLoop()
    marks: dict[str, float] = {}

    def type_next() -> None:
        char = next(keys, None)
        if char is None:
            typer.stop()
            marks["burst_end"] = time.perf_counter()
            QTimer.singleShot(int(deferred_delay_ms + 3 * cost_ms + 1500), loop.quit)
            return
        t0 = time.perf_counter()
        QTest.keyClick(editor, char)
        handling.append((time.perf_counter() - t0) * 1000)

    typer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=TYPING_INTERVAL_MS)
    typer.timeout.connect(type_next)
    heartbeat.start()
    _settle(app, 0.05)
    marks["burst_start"] = time.perf_counter()
    typer.start()
    loop.exec()
    heartbeat.stop()
    marks["end"] = time.perf_counter()

    def max_stall(since: float, until: float) -> tuple[float, float]:
        """The longest gap between beats (wall, ms) and the most CPU spent in one gap (ms)."""
        stamps = [beat for beat in beats if since <= beat[0] <= until]
        pairs = list(zip(stamps, stamps[1:]))
        if not pairs:
            return float("nan"), float("nan")
        wall = max(b[0] - a[0] for a, b in pairs) * 1000 - HEARTBEAT_MS
        busy = max(b[1] - a[1] for a, b in pairs) * 1000
        return max(0.0, wall), busy

    burst_stall, burst_busy = max_stall(marks["burst_start"], marks["burst_end"])
    settle_stall, settle_busy = max_stall(marks["burst_end"], marks["end"])
    in_burst = sum(1 for t in rendered if t <= marks["burst_end"])
    body_chars = len(doc.body)
    doc.undo_stack.setClean()
    window.hide()
    key_stats = _stats(handling)
    return {
        "file": path.name,
        "body_bytes": len(doc.body.encode("utf-8")),
        "body_chars": body_chars,
        "keystrokes": len(handling),
        "interval_ms": TYPING_INTERVAL_MS,
        "key_handling": key_stats,
        "max_stall_during_burst_ms": round(burst_stall, 2),
        "max_stall_after_burst_ms": round(settle_stall, 2),
        "max_busy_stall_during_burst_ms": round(burst_busy, 2),
        "max_busy_stall_after_burst_ms": round(settle_busy, 2),
        "previews_during_burst": in_burst,
        "previews_after_burst": len(rendered) - in_burst,
        "preview_render_ms": round(statistics.median(render_ms), 2),
        "preview_show_ms": round(statistics.median(show_ms), 2),
        "preview_render_and_show_ms": round(statistics.median(both_ms), 2),
        "validate_ms": round(statistics.median(validate_ms), 2),
        "preview_delay_after_last_key_ms": deferred_delay_ms,
        "target_ms": FRAME_MS,
        "target_met_while_typing": max(key_stats["max_ms"], burst_stall) <= FRAME_MS,
        "target_met_including_pause": max(key_stats["max_ms"], burst_stall, settle_stall) <= FRAME_MS,
        "target_met_by_busy_time": max(burst_busy, settle_busy) <= FRAME_MS,
    }


# ----- running ----------------------------------------------------------------------------

def _commit() -> str:
    """The commit measured, with "-dirty" when the app's files differ from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD") or "unknown"
        return head + ("-dirty" if git("status", "--porcelain", "--", "agent_editor", "resources") else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _start_xvfb() -> subprocess.Popen:
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    proc = subprocess.Popen(["Xvfb", XVFB_DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path("/tmp/.X11-unix") / f"X{XVFB_DISPLAY[1:]}"
    deadline = time.monotonic() + 10
    while not socket.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"Xvfb {XVFB_DISPLAY} did not start (is the display taken?)")
        time.sleep(0.05)
    return proc


def _environment(use_xvfb: bool, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("AGENT_EDITOR_QUIT_AFTER_MS", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    env.update({
        # Bytecode is cached (as for an installed app), in the temporary folder, not the tree.
        "PYTHONPYCACHEPREFIX": str(home / "pycache"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        # A safety net: the child reports and exits at first paint, long before this.
        "AGENT_EDITOR_QUIT_AFTER_MS": "30000",
    })
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    if use_xvfb:
        env["QT_QPA_PLATFORM"] = "xcb"
        env["DISPLAY"] = XVFB_DISPLAY
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xvfb", action="store_true", help=f"run on Xvfb {XVFB_DISPLAY} with the xcb platform")
    args = parser.parse_args()
    began = time.perf_counter()
    load_at_start = round(os.getloadavg()[0], 2)  # other work on the machine skews every figure
    xvfb = _start_xvfb() if args.xvfb else None
    home = Path(tempfile.mkdtemp(prefix="agent-editor-bench-"))
    try:
        env = _environment(args.xvfb, home)
        results: dict = {}
        results.update(measure_startup(env))

        os.environ.update({k: v for k, v in env.items() if k != "AGENT_EDITOR_QUIT_AFTER_MS"})
        os.environ.pop("AGENT_EDITOR_QUIT_AFTER_MS", None)
        import markdown
        import PySide6
        from PySide6 import QtCore

        from agent_editor.app.start import make_application

        app = make_application([sys.argv[0]])
        results["keystroke_to_preview"] = measure_keystroke_to_preview(app)
        results["typing_64k"] = measure_typing_large(app)
        results["environment"] = {
            "qpa_platform": app.platformName(),
            "xvfb": bool(args.xvfb),
            "python": platform.python_version(),
            "pyside6": PySide6.__version__,
            "qt": QtCore.qVersion(),
            "markdown": markdown.__version__,
            "os": platform.platform(),
            "cpu_count": os.cpu_count(),
            "commit": _commit(),
            "load_average_1m_at_start": load_at_start,
            "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        }
        results["bench_seconds"] = round(time.perf_counter() - began, 1)
        print(json.dumps(results, indent=2), flush=True)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
        shutil.rmtree(home, ignore_errors=True)
    os._exit(0)  # skip Qt's teardown of the windows still open


if __name__ == "__main__":
    main()
