"""Hostile and huge files in the editor window: time to a shown window, longest event-loop stall; prints JSON.

Run from the repository: ``python tests/benchmarks/bench_hostile.py [--settle 3] [--only NAME ...]``.
Each case is written to a temporary folder and measured twice, each time in a process of
its own, in the two ways a file reaches the window:

* ``start``: as ``agent-editor FILE`` starts. The window is made, the file opened and
  the window shown before the event loop runs (there is no loop to stall yet: that part
  is start-up, ``window_built_ms`` of it the window's own making whatever the file).
  ``shown_ms`` runs from making the window to the first tick after it is exposed; the
  stalls count from the moment the event loop starts, the first paint included.
* ``running``: a window already up and idle opens the file (File > Open, the library):
  the stalls count from the start of opening; ``open_ms`` is how long ``open_file`` took
  to return (the event loop keeps running meanwhile when the file is read in a worker).

Either way the event loop then runs for ``--settle`` seconds (the preview, the
highlighter and the checks finish their work). A timer ticks every 5 ms; the longest gap
between two ticks is the longest stall. ``max_rss_mb`` is the process's peak memory.
Targets (issue 8): shown within 2 s, no stall over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def laughs(target: str) -> str:
    names = "abcdefghi"
    lines = ["name: bomb", "laughs:", f"  a: &a [{', '.join(['lol'] * 9)}]"]
    for level in range(1, 9):
        lines.append(f"  {names[level]}: &{names[level]} [{', '.join(['*' + names[level - 1]] * 9)}]")
    if target == "description":
        lines.append("description:\n  - *i")
    elif target == "tools":
        lines.append("description: d\ntools:\n  - *i")
    else:
        lines.append("description: d\nother:\n  deep: *i")
    return "---\n" + "\n".join(lines) + "\n---\n\nBody.\n"


def header(extra: str = "", description: str = "Reviews code") -> str:
    return f"---\nname: hostile\ndescription: {description}\n{extra}---\n\n"


def cases() -> dict[str, str]:
    paragraph = "Some words of instructions for the agent, written out plainly. " * 8 + "\n\n"
    table = "| a | b | c |\n|---|---|---|\n" + "".join(f"| cell {i} | value {i} | more {i} |\n"
                                                     for i in range(1_000_000 // 40))
    return {
        "bomb_in_description": laughs("description"),
        "bomb_in_tools": laughs("tools"),
        "bomb_in_other_key": laughs("other"),
        "body_line_200KB": header() + "word " * 40_000 + "\n",
        "body_line_5MB": header() + "word " * 1_000_000 + "\n",
        "description_500KB": header(description="word " * 100_000) + "Body.\n",
        "keys_3000": header("".join(f"key{i}: value {i}\n" for i in range(3000))) + "Body.\n",
        "keys_10000": header("".join(f"key{i}: value {i}\n" for i in range(10_000))) + "Body.\n",
        "table_1MB": header() + table,
        "rules_20000": header() + "---\n" * 20_000,
        "file_9.9MB": header() + paragraph * int(9.9 * 1024 * 1024 // len(paragraph)),
    }


CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.start import settle_memory
path, settle, mode = Path(sys.argv[1]), float(sys.argv[3]), sys.argv[4]
ticks = []
timer = QTimer(interval=5)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
result = {}

def make_window():
    window = MainWindow(settings=QSettings(str(path.parent / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 880)
    return window

def open_file():
    result["start"] = time.perf_counter()
    result["opened"] = window.open_file(path)
    result["open_returned"] = time.perf_counter()

def check_shown():
    if "start" in result and "shown" not in result and window.windowHandle() is not None \
            and window.windowHandle().isExposed():
        result["shown"] = time.perf_counter()
        if mode == "start":
            settle_memory()  # what the app does once its window has painted
    now = time.perf_counter()
    if now - result.get("shown", now) > settle or now - result.get("start", now) > 240:
        app.quit()

if mode == "start":
    # As ``agent-editor FILE`` starts: the window is made, the file opened and the
    # window shown before the event loop runs; stalls count from the loop's start.
    result["built_start"] = time.perf_counter()
    window = make_window()
    result["built"] = time.perf_counter()
    result["start"] = result["built_start"]
    result["opened"] = window.open_file(path)
    result["open_returned"] = time.perf_counter()
    window.show()
else:
    # A window already up and idle; the file is opened in the running event loop.
    window = make_window()
    window.show()
    settle_memory()  # the window has been up a while: the app has done this
    QTimer.singleShot(600, open_file)
timer.timeout.connect(check_shown)
timer.start()
ticks.append(time.perf_counter())  # the loop starts: the first gap holds the first paint
app.exec()
since = result["start"] if mode == "running" else ticks[0]
gaps = [b - a for a, b in zip(ticks, ticks[1:]) if b >= since - 0.005]
figures = {
    "opened": result["opened"],
    "longest_stall_ms": round(max(gaps) * 1000) if gaps else None,
    "stalls_over_100ms": sum(g > 0.1 for g in gaps),
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
}
if mode == "start":
    figures["shown_ms"] = round((result["shown"] - result["start"]) * 1000) if "shown" in result else None
    figures["window_built_ms"] = round((result["built"] - result["built_start"]) * 1000)
else:
    figures["open_ms"] = round((result["open_returned"] - result["start"]) * 1000)
print(json.dumps(figures))
"""


def run(name: str, text: str, settle: float, mode: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        try:
            out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(REPO), str(settle), mode],
                                 capture_output=True, text=True, timeout=300 + settle)
        except subprocess.TimeoutExpired:
            return {"size_bytes": len(text.encode()), "error": "still not done after 300 s"}
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        figures = json.loads(lines[-1]) if lines else {"error": out.stderr[-400:]}
        figures["size_bytes"] = len(text.encode())
        figures["wall_s"] = round(time.perf_counter() - started, 1)
        return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = {}
    for name, text in cases().items():
        if args.only and name not in args.only:
            continue
        results[name] = {mode: run(name, text, args.settle, mode) for mode in ("start", "running")}
        print(name, json.dumps(results[name]), file=sys.stderr, flush=True)
    print(json.dumps({"platform": os.environ.get("QT_QPA_PLATFORM"), "cases": results}, indent=2))


if __name__ == "__main__":
    main()
