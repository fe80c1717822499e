"""Times the library on 1,400 real agent files; prints JSON.

Run from the repository: ``python tests/benchmarks/bench_library.py [--xvfb] [--runs N]``.
The shared corpus (586 files) is copied into a temporary folder until there are 1,400
files, in three sub-folders (as a collection grows: copies of copies). Then, in a fresh
``MainWindow`` for each run:

1. listed: from the window showing (``show()`` and its first paint) until the list holds
   all 1,400 rows (by file name while their headers are still being read);
2. read: until every header is read and checked (names, descriptions, problem counts,
   marks), in the worker thread, batch by batch;
3. painting while reading: the longest gap between two ticks of a 5 ms timer in the
   window's thread from the start of reading until it is done (how long the window
   could not repaint or answer a click);
4. search: for each keystroke of a few queries typed one character at a time, the time
   from the key event until the list has been rearranged and repainted (and the CPU time
   the window's thread spent on it, which other programs on the machine do not inflate).

Not a test: pytest does not collect this folder. Figures depend on the machine; the
ones in the README were taken on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
FILES = 1400
QUERIES = ["database", "review code", "kubernetes", "proactively", "xyz"]


def make_library(target: Path) -> Path:
    """1,400 agent files: the corpus, copied again until there are enough."""
    record = json.loads((CORPUS / "claude-code-2.1.328.json").read_text(encoding="utf-8"))
    sources = [CORPUS / rel for rel in sorted(record)]
    count = 0
    copy = 0
    while count < FILES:
        folder = target / f"copy-{copy}"
        for source in sources:
            if count >= FILES:
                break
            destination = folder / source.relative_to(CORPUS)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            count += 1
        copy += 1
    return target


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure(library: Path, runs: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest

    from agent_editor.app.start import make_application

    app = make_application()
    from agent_editor.app.editor.window import MainWindow

    listed, read, gaps, keys, key_cpu = [], [], [], [], []
    for run in range(runs):
        window = MainWindow(settings=QSettings(str(library.parent / f"s{run}.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 880)
        window.show()
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        collection = window.library.collection
        done = {"read": None, "listed": None}
        collection.loading_finished.connect(lambda: done.__setitem__("read", time.perf_counter()))
        ticks: list[float] = []
        heartbeat = QTimer(interval=5)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        heartbeat.start()
        started = time.perf_counter()
        window.library.show_paths([library], library.name)
        if len(window.library.paths()) == FILES:
            done["listed"] = time.perf_counter()
        window.library.list.viewport().repaint()
        listed_at = time.perf_counter()
        while done["read"] is None and time.perf_counter() - started < 60:
            app.processEvents()
            time.sleep(0.001)
        heartbeat.stop()
        app.processEvents()
        assert len(window.library.paths()) == FILES, len(window.library.paths())
        assert all(entry.loaded for entry in collection.entries)
        listed.append((listed_at - started) * 1000)
        read.append((done["read"] - started) * 1000)
        marks = [b - a for a, b in zip(ticks, ticks[1:])]
        gaps.append(max(marks) * 1000 if marks else 0.0)

        search = window.library.search
        search.setFocus()
        for query in QUERIES:
            search.clear()
            app.processEvents()
            for char in query:
                timer = QElapsedTimer()
                cpu = time.thread_time()
                timer.start()
                QTest.keyClick(search, char)
                window.library.list.viewport().repaint()
                keys.append(timer.nsecsElapsed() / 1e6)
                key_cpu.append((time.thread_time() - cpu) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    return {
        "files": FILES,
        "runs": runs,
        "listed_ms_median": round(statistics.median(listed), 1),
        "listed_ms_max": round(max(listed), 1),
        "all_headers_read_ms_median": round(statistics.median(read), 1),
        "all_headers_read_ms_max": round(max(read), 1),
        "longest_paint_gap_while_reading_ms_median": round(statistics.median(gaps), 1),
        "longest_paint_gap_while_reading_ms_max": round(max(gaps), 1),
        "search_keystroke_ms_median": round(statistics.median(keys), 2),
        "search_keystroke_ms_p95": round(percentile(keys, 0.95), 2),
        "search_keystroke_ms_max": round(max(keys), 2),
        "search_keystroke_cpu_ms_median": round(statistics.median(key_cpu), 2),
        "search_keystroke_cpu_ms_p95": round(percentile(key_cpu, 0.95), 2),
        "search_keystrokes": len(keys),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--xvfb", metavar="DISPLAY", nargs="?", const=":73",
                        help="use a real X server on DISPLAY (started here if none answers)")
    args = parser.parse_args()
    xvfb = None
    if args.xvfb:
        os.environ["DISPLAY"] = args.xvfb
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        if subprocess.run(["xdpyinfo"], capture_output=True).returncode != 0:
            xvfb = subprocess.Popen(["Xvfb", args.xvfb, "-screen", "0", "1400x880x24", "-noreset"])
            time.sleep(1)
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as temp:
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = temp  # nothing of the user's
        library = make_library(Path(temp) / "agents")
        figures = measure(library, args.runs)
    if xvfb is not None:
        xvfb.terminate()
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
