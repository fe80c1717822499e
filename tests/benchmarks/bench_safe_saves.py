"""Saves under fire: a kill-during-save loop and an outside writer racing the save; prints JSON.

Run from the repository: ``python tests/benchmarks/bench_safe_saves.py [--kills 300] [--races 300]``.

- kills: a child process saves an agent file in a loop and is killed with SIGKILL at a
  random moment, again and again. After each kill the file must hold one whole version;
  after the last, the next open must leave none of our temp files behind.
- races: the file is loaded and edited; another thread writes the file at a random
  moment during the save (aimed at the few milliseconds the save takes). A race is
  "lost" when the save went through and the other program's text is gone without a
  word; "noticed" when the save refused with FileChangedOnDisk.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from agent_editor.agentfile.document import AgentDocument, FileChangedOnDisk  # noqa: E402
from test_safe_saves import TEXT, kill_during_saves  # noqa: E402


def aimed_races(folder: Path, tries: int, seed: int = 91) -> dict:
    rng = random.Random(seed)
    path = folder / "race.md"
    theirs = TEXT.replace("name: a", "name: theirs").encode()
    durations = []
    for _ in range(20):  # how long a save takes here, to aim the writer inside it
        path.write_text(TEXT, encoding="utf-8")
        doc = AgentDocument.load(path)
        doc.set_field("name", "mine")
        started = time.perf_counter()
        doc.save()
        durations.append(time.perf_counter() - started)
    span = sorted(durations)[len(durations) // 2]
    lost = noticed = missed_save = 0
    for _ in range(tries):
        path.write_text(TEXT, encoding="utf-8")
        doc = AgentDocument.load(path)
        doc.set_field("name", "mine")
        delay = rng.uniform(0, span)
        writer = threading.Timer(delay, path.write_bytes, args=(theirs,))
        writer.start()
        try:
            doc.save()
        except FileChangedOnDisk:
            noticed += 1
            writer.join()
            continue
        writer.join()
        on_disk = path.read_bytes()
        if on_disk == theirs:
            missed_save += 1  # their write landed after ours: nothing of theirs is lost
        elif b"name: mine" in on_disk:
            lost += 1
    return {"tries": tries, "lost": lost, "noticed": noticed, "theirs_landed_after_the_save": missed_save,
            "median_save_ms": round(span * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--races", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as kills_folder, tempfile.TemporaryDirectory() as races_folder:
        started = time.perf_counter()
        kills = kill_during_saves(Path(kills_folder), args.kills)
        kills["seconds"] = round(time.perf_counter() - started, 1)
        races = aimed_races(Path(races_folder), args.races)
    print(json.dumps({"kill_during_save": kills, "aimed_race": races}, indent=2))


if __name__ == "__main__":
    main()
