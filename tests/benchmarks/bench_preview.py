"""How the editor window keeps up while the preview follows a large body, printed as JSON.

    python tests/benchmarks/bench_preview.py                  # every case
    python tests/benchmarks/bench_preview.py --case 290k      # one case
    python tests/benchmarks/bench_preview.py --list           # the case names

Each case runs in a fresh process (so peak memory and caches are its own), on Qt's
offscreen platform unless ``QT_QPA_PLATFORM`` says otherwise. The case's file (a header
and a body) is written to a temporary folder, then:

1. open: the window is shown and the file opened; "window shown" is the time until the
   body editor first paints, "preview up to date" until the preview has caught up with
   the body (no render waiting, nothing left to show).
2. burst: 200 keys typed into the body (as fast as the event loop takes them: each key
   is sent by a 0 ms timer, so other work runs between keys), at the end of a line in
   the middle of the body (for the hostile cases, in the short paragraph above the
   hostile part), then the window is left to settle: the preview catches up and the
   problem check runs. A burst stops after 120 s (on a body where each key takes
   seconds, fewer than 200 keys are typed: "keys" says how many).

Throughout, a 2 ms timer notes the time of each beat; the longest gap between beats is
the longest the window's event loop was held (a stall). Reported per case: key handling
(median, p95, max), the longest stall while opening, during the burst and after it,
the longest single preview step (rendering plus showing, timed around the preview's own
methods), the time until the window is shown and until the preview is up to date, and
the peak memory (``ru_maxrss``). Bodies come from ``../shared`` (seeds and corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))
HEARTBEAT_MS = 2
KEYS = 200
FRAME_MS = 16.0
HOSTILE_MS = 100.0

HEADER = "---\nname: bench-agent\ndescription: A body made for measuring the preview.\n---\n"
INTRO = "An agent made for measuring. Typing happens in this paragraph.\n\n"


# ----- the cases --------------------------------------------------------------------------

def _body_of(path: Path) -> str:
    sys.path.insert(0, str(REPO))
    from agent_editor.agentfile.document import AgentDocument

    return AgentDocument.parse(path.read_text(encoding="utf-8")).body


def _corpus_bodies() -> list[str]:
    paths = sorted((SHARED / "corpus").rglob("*.md"))
    return [_body_of(p) for p in paths if p.name not in ("README.md", "SOURCES.md")]


def _mixed(size: int) -> str:
    """Real bodies one after another (largest first) up to ``size`` characters."""
    parts, total = [], 0
    for body in sorted(_corpus_bodies(), key=len, reverse=True):
        parts.append(body.strip() + "\n")
        total += len(parts[-1]) + 1
        if total >= size:
            break
    return "\n".join(parts)[:size]


def _words(count: int, seed: int = 1) -> str:
    words = "agent review code **bold** `code` tests [link](https://example.com) the of and".split()
    rnd = random.Random(seed)
    return " ".join(rnd.choice(words) for _ in range(count))


def _one_line(size: int) -> str:
    return (_words(size // 5 + 10))[:size]


def _table(size: int) -> str:
    head = "| Tool | What it does | When | Notes |\n|---|---|---|---|\n"
    row = "| `Read` | reads **a file** | always | see [docs](https://example.com) |\n"
    return head + row * ((size - len(head)) // len(row))


def case_body(name: str) -> str:
    if name == "seed":
        return _body_of(sorted((SHARED / "seeds").glob("*.txt"))[1])
    if name == "largest":
        paths = [p for p in (SHARED / "corpus").rglob("*.md") if p.name not in ("README.md", "SOURCES.md")]
        return _body_of(max(paths, key=lambda p: len(_body_of(p))))
    if name == "64k":
        return _mixed(64_000)
    if name == "290k":
        return _mixed(290_000)
    if name == "line-200k":
        return INTRO + _one_line(200_000) + "\n\nAfter the line.\n"
    if name == "line-5m":
        return INTRO + _one_line(5_000_000) + "\n\nAfter the line.\n"
    if name == "table-1m":
        return INTRO + _table(1_000_000) + "\nAfter the table.\n"
    if name == "rules-20k":
        return INTRO + "---\n" * 20_000 + "\nAfter the rules.\n"
    if name == "file-9.9m":
        return INTRO + _repeat_corpus(9_900_000 - len(HEADER) - len(INTRO))
    raise SystemExit(f"no case {name!r}")


def _repeat_corpus(size: int) -> str:
    bodies = _corpus_bodies()
    parts, total, index = [], 0, 0
    while total < size:
        body = bodies[index % len(bodies)].strip() + "\n\n"
        parts.append(body)
        total += len(body)
        index += 1
    return "".join(parts)[:size]


CASES = ["seed", "largest", "64k", "290k", "line-200k", "line-5m", "table-1m", "rules-20k", "file-9.9m"]
HOSTILE = {"line-200k", "line-5m", "table-1m", "rules-20k", "file-9.9m"}


# ----- one case, in this process ------------------------------------------------------------

def _stats(values: list[float]) -> dict:
    if not values:
        return {"median_ms": None, "p95_ms": None, "max_ms": None}
    ordered = sorted(values)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def _preview_up_to_date(window) -> bool:
    """Whether the preview shows the current body: nothing waiting to render or to show."""
    doc, preview = window.current, window.preview
    if doc._preview_timer.isActive():
        return False
    pending = getattr(doc, "preview_pending", False)  # a render in the worker
    showing = getattr(preview, "is_showing", lambda: False)()  # parts still to put in place
    return not pending and not showing


def run_case(name: str, interval_ms: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    body = case_body(name)
    folder = Path(tempfile.mkdtemp(prefix="agent-editor-bench-preview-"))
    os.environ["HOME"] = str(folder)
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    path = folder / "bench-agent.md"
    path.write_text(HEADER + body, encoding="utf-8")

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from agent_editor.app.start import make_application
    from agent_editor.app.editor.window import MainWindow

    app = make_application([sys.argv[0]])
    # Each beat notes the wall clock and this thread's CPU time: a gap the thread spent
    # working is the app holding the loop; a gap without CPU time is the machine
    # running something else (or the thread waiting for the interpreter lock).
    beats: list[tuple[float, float]] = []
    heartbeat = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append((time.perf_counter(), time.thread_time())))

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_until(condition, limit: float) -> float | None:
        """Seconds until ``condition`` holds (checked every few ms), or None after ``limit``."""
        started = time.perf_counter()
        while not condition():
            if time.perf_counter() - started > limit:
                return None
            wait(0.004)
        return time.perf_counter() - started

    def longest_gap(since: float, until: float) -> tuple[float, float]:
        """The longest gap between beats (wall ms) and the most CPU time in one gap (ms)."""
        before = [b for b in beats if b[0] < since][-1:]  # a stall may begin before ``since``
        stamps = before + [b for b in beats if since <= b[0] <= until]
        pairs = list(zip(stamps, stamps[1:]))
        if not pairs:
            return float("nan"), float("nan")
        wall = max(b[0] - a[0] for a, b in pairs) * 1000 - HEARTBEAT_MS
        busy = max(b[1] - a[1] for a, b in pairs) * 1000
        return round(max(0.0, wall), 2), round(busy, 2)

    heartbeat.start()
    wait(0.1)

    # Time the preview's own steps: the render and show calls the app makes (wrapped on
    # the classes, before the window exists, so that timer connections get the wrappers).
    from agent_editor.app.editor.preview import PreviewView
    from agent_editor.app.open_document import OpenDocument

    steps: list[tuple[float, float]] = []  # (wall ms, CPU ms) of each call
    depth = [0]

    def timed(owner, attribute: str) -> None:
        original = getattr(owner, attribute, None)
        if original is None:
            return

        def wrapper(*args, **kwargs):
            started, cpu = time.perf_counter(), time.thread_time()
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1
                if not depth[0]:  # only the outermost of nested calls
                    steps.append(((time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000))

        setattr(owner, attribute, wrapper)

    for owner, attribute in ((PreviewView, "show_html"), (PreviewView, "_show_some"),
                             (OpenDocument, "_render_preview"), (OpenDocument, "_on_preview_parts_ready")):
        timed(owner, attribute)

    # ----- open
    class FirstPaint(QObject):
        at: float | None = None

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and FirstPaint.at is None:
                FirstPaint.at = time.perf_counter()
            return False

    opened_at = time.perf_counter()
    window = MainWindow()
    window.resize(1400, 880)
    painter = FirstPaint()
    window.body.editor.viewport().installEventFilter(painter)
    window.show()
    window.open_paths([path])
    doc, preview, editor = window.current, window.preview, window.body.editor
    open_limit = 60.0
    wait_until(lambda: FirstPaint.at is not None, open_limit)
    shown_s = (FirstPaint.at - opened_at) if FirstPaint.at else None
    caught_up = wait_until(lambda: _preview_up_to_date(window), open_limit)
    preview_ready_s = (time.perf_counter() - opened_at) if caught_up is not None else None
    wait(0.3)
    open_end = time.perf_counter()
    open_stall = longest_gap(opened_at, open_end)
    open_steps = [step for step in steps]
    steps.clear()

    # ----- burst
    text = editor.toPlainText()
    if name in HOSTILE:
        line = 0  # the short intro paragraph, above the hostile part
    else:
        line = text.count("\n") // 2
        lines = text.split("\n")
        while line < len(lines) - 1 and not lines[line].strip():
            line += 1
    editor.setFocus()
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    wait(0.1)

    typed = _words(60, seed=7)[:KEYS - 1].replace("*", "").replace("`", "").replace("[", "").replace("]", "")
    typed = (" " + typed + " " * KEYS)[:KEYS]
    handling: list[float] = []
    handling_cpu: list[float] = []
    keys = iter(typed)
    loop = QEventLoop()
    marks: dict[str, float] = {}

    def type_next() -> None:
        char = next(keys, None)
        if char is None or time.perf_counter() - marks["burst_start"] > 120:
            typer.stop()
            marks["burst_end"] = time.perf_counter()
            loop.quit()
            return
        started, cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(editor, char)
        handling.append((time.perf_counter() - started) * 1000)
        handling_cpu.append((time.thread_time() - cpu) * 1000)

    typer = QTimer(interval=interval_ms)
    typer.timeout.connect(type_next)
    marks["burst_start"] = time.perf_counter()
    typer.start()
    loop.exec()
    burst_stall = longest_gap(marks["burst_start"], marks["burst_end"])
    caught = wait_until(lambda: _preview_up_to_date(window), 120)
    after_burst_s = (time.perf_counter() - marks["burst_end"]) if caught is not None else None
    wait(1.5)  # the problem check and anything else deferred
    settle_stall = longest_gap(marks["burst_end"], time.perf_counter())
    heartbeat.stop()

    # The preview shows what was typed (checked once, outside the timing).
    shown_text = preview.toPlainText()
    typed_words = [w for w in typed[:len(handling)].split() if len(w) > 3][-3:-1]  # the last may be cut
    preview_has_typing = all(w in shown_text for w in typed_words)

    usage = resource.getrusage(resource.RUSAGE_SELF)
    shown_at = FirstPaint.at or opened_at
    after_shown_stall = longest_gap(shown_at, open_end)
    # Targets: 16 ms during and after the burst on ordinary bodies; 100 ms on hostile
    # ones, from the window's first paint on. Judged by CPU time in a gap, which other
    # work on this machine does not inflate (wall figures are reported beside them).
    judged = [burst_stall[1], settle_stall[1]] + ([after_shown_stall[1]] if name in HOSTILE else [])
    longest = max(x for x in judged if x == x)
    target = HOSTILE_MS if name in HOSTILE else FRAME_MS
    result = {
        "case": name,
        "body_chars": len(body),
        "window_shown_ms": round(shown_s * 1000, 1) if shown_s is not None else None,
        "preview_up_to_date_after_open_ms": round(preview_ready_s * 1000, 1) if preview_ready_s else None,
        "longest_stall_open_ms": open_stall[0],
        "longest_stall_after_shown_ms": after_shown_stall[0],
        "longest_busy_after_shown_ms": after_shown_stall[1],
        "keys": len(handling),
        "key_handling": _stats(handling),
        "key_handling_cpu": _stats(handling_cpu),
        "longest_stall_burst_ms": burst_stall[0],
        "longest_busy_burst_ms": burst_stall[1],
        "longest_stall_after_burst_ms": settle_stall[0],
        "longest_busy_after_burst_ms": settle_stall[1],
        "preview_up_to_date_after_burst_ms": round(after_burst_s * 1000, 1) if after_burst_s is not None else None,
        "longest_preview_step_open_ms": round(max(s[0] for s in open_steps), 2) if open_steps else None,
        "longest_preview_step_open_cpu_ms": round(max(s[1] for s in open_steps), 2) if open_steps else None,
        "longest_preview_step_burst_ms": round(max(s[0] for s in steps), 2) if steps else None,
        "longest_preview_step_burst_cpu_ms": round(max(s[1] for s in steps), 2) if steps else None,
        "preview_shows_typing": preview_has_typing,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "target_stall_ms": target,
        "target_met": longest <= target and (name not in HOSTILE or (shown_s or 99) <= 2.0),
    }
    doc.undo_stack.setClean()
    return result


# ----- running ------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the cases")
    parser.add_argument("--interval", type=int, default=0, help="ms between keys (default 0: a burst)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if args.child:
        print("RESULT " + json.dumps(run_case(args.child, args.interval)), flush=True)
        os._exit(0)  # skip Qt's teardown of a window holding megabytes
    results = []
    for name in args.case or CASES:
        proc = subprocess.run([sys.executable, __file__, "--child", name, "--interval", str(args.interval)],
                              capture_output=True, text=True, timeout=900)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
        if not lines:
            results.append({"case": name, "error": proc.stderr[-1500:]})
        else:
            results.append(json.loads(lines[-1][7:]))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print(json.dumps({
        "load_average_1m": round(os.getloadavg()[0], 2),
        "interval_ms": args.interval,
        "cases": results,
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
