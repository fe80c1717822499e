"""Does keeping drafts slow typing down? Key handling with and without the safety net.

    python tests/benchmarks/bench_drafts.py            # Qt's offscreen platform
    QT_QPA_PLATFORM=xcb DISPLAY=:NN python tests/benchmarks/bench_drafts.py

A seed, then the largest body of the corpus (about 64 KB), open in the editor window.
K real key events are sent to the body editor, one every 60 ms from a timer in a running
event loop (so the draft timer, the writer thread, the preview and validation all run
as they do while an author types); each key event's handling time is measured. The
same typing is done with the safety net off and on (drafts with the app's default
delays, written to a temporary data folder with fsync), in alternating rounds, and the
medians, 95th percentiles and maxima are compared. Also printed: how many drafts were
written, and how long a draft write takes in the writer thread.

Prints one JSON object. Nothing is asserted: figures go in the README and the closing note.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seeds" / "001_e8af0677f75d917f.txt"
CORPUS = SHARED / "corpus"
KEYS = 150
INTERVAL_MS = 60
ROUNDS = 3


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def _stats(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values), 3), "p95_ms": round(_percentile(values, 0.95), 3),
            "max_ms": round(max(values), 3), "keys": len(values)}


def _type(app, window, keys: int) -> list[float]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    editor = window.body.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    text = ("the quick brown fox jumps over the lazy dog " * 10)[:keys]
    handled: list[float] = []
    loop = QEventLoop()
    position = [0]

    def next_key() -> None:
        if position[0] >= len(text):
            timer.stop()
            QTimer.singleShot(800, loop.quit)  # let the last draft and preview land
            return
        start = time.perf_counter()
        QTest.keyClick(editor, text[position[0]])
        handled.append((time.perf_counter() - start) * 1000)
        position[0] += 1

    timer = QTimer(interval=INTERVAL_MS)
    timer.timeout.connect(next_key)
    timer.start()
    loop.exec()
    return handled


def measure(app, path: Path, data: Path) -> dict:
    from PySide6.QtCore import QSettings

    from agent_editor.app.editor.window import MainWindow
    from agent_editor.app.safety import net as safety_net

    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    results: dict[str, list[float]] = {"without_drafts": [], "with_drafts": []}
    drafts_written = 0
    write_ms: list[float] = []
    for _round in range(ROUNDS):
        for mode in ("without_drafts", "with_drafts"):
            net = safety_net.install(data / mode, settings) if mode == "with_drafts" else None
            if net is not None:
                original = net.drafts.folder.write

                def timed_write(*args, _original=original, **kwargs):
                    start = time.perf_counter()
                    try:
                        return _original(*args, **kwargs)
                    finally:
                        write_ms.append((time.perf_counter() - start) * 1000)

                net.drafts.folder.write = timed_write
                counted = []
                net.drafts.draft_written.connect(counted.append)
            window = MainWindow(settings=settings)
            window.show()
            window.open_file(path)
            results[mode] += _type(app, window, KEYS)
            if net is not None:
                drafts_written += len(counted)
            window.current.undo_stack.setClean()
            window.close()
            safety_net.uninstall()
    return {
        "file": path.name,
        "body_chars": len(path.read_text(encoding="utf-8")),
        "without_drafts": _stats(results["without_drafts"]),
        "with_drafts": _stats(results["with_drafts"]),
        "p95_difference_ms": round(_percentile(results["with_drafts"], 0.95)
                                   - _percentile(results["without_drafts"], 0.95), 3),
        "drafts_written": drafts_written,
        "draft_write_in_thread": _stats(write_ms) if write_ms else None,
    }


def main() -> None:
    from agent_editor.app.start import make_application

    app = make_application([sys.argv[0]])
    largest = max(CORPUS.rglob("*.md"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="agent-editor-drafts-bench-") as folder:
        work = Path(folder)
        copies = []
        for source in (SEED, largest):
            copy = work / f"{source.stem}.md"
            copy.write_bytes(source.read_bytes())
            copies.append(copy)
        load = round(os.getloadavg()[0], 2)
        report = {
            "measured": "handling time of each key event sent to the body editor, 60 ms apart, in a running loop",
            "platform": app.platformName(),
            "load_average_1m_at_start": load,
            "seed": measure(app, copies[0], work),
            "largest_corpus_body": measure(app, copies[1], work),
            "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        }
    print(json.dumps(report, indent=2), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
