"""Times How Claude sees it and Fix All on the shared files; prints JSON.

Run from the repository: ``python tests/benchmarks/bench_claudeview.py [--runs N]``.

1. show: ``show_records`` on the 5 seeds and the 586 corpus files (every file read,
   checked, and placed among the files that share its name), wall and CPU time;
2. panel refresh: what the panel works out after an edit, for a file in the corpus's
   largest folder (202 files): its view (``view_of``) and where it stands among its
   neighbours (their headers read once, then only looked up);
3. fix all: ``fix_all`` on each corpus file (most have nothing to fix; a few get quotes,
   a colour or a closing line), per file;
4. mend: the description mend on a constructed file Claude Code ignores.

Not a test: pytest does not collect this folder. Figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from benchmarks.timing import timings_ms  # noqa: E402
from conftest import CORPUS, corpus_files, seed_files  # noqa: E402

from agent_editor.agentfile.claude_view import view_of  # noqa: E402
from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.agentfile.fix_all import fix_all  # noqa: E402
from agent_editor.agentfile.repair import mend_description  # noqa: E402
from agent_editor.claudeview.scopes import Neighbours, show_records  # noqa: E402


def measure_show(runs: int) -> dict:
    walls, cpus = [], []
    paths = [*seed_files(), CORPUS]
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        records = show_records(paths)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"files": len(records), "median_wall_s": round(statistics.median(walls), 2),
            "median_cpu_s": round(statistics.median(cpus), 2), "runs": runs}


def measure_panel(runs: int) -> dict:
    folder = CORPUS / "wshobson__agents"
    path = sorted(folder.glob("*.md"))[0]
    doc = AgentDocument.load(path)
    neighbours = Neighbours()
    first = time.perf_counter()
    neighbours.standing(path, view_of(doc))
    cold = (time.perf_counter() - first) * 1000

    def refresh() -> None:
        neighbours.standing(path, view_of(doc))

    return {"folder_files": len(list(folder.glob("*.md"))), "first_ms": round(cold, 1),
            "after_an_edit": timings_ms(refresh, runs)}


def measure_fix_all() -> dict:
    samples, changed = [], 0
    for path in corpus_files():
        doc = AgentDocument.load(path)
        start = time.perf_counter()
        result = fix_all(doc)
        samples.append((time.perf_counter() - start) * 1000)
        changed += result.changed
    samples.sort()
    return {"files": len(samples), "changed": changed, "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(len(samples) * 0.95)], 2), "max_ms": round(samples[-1], 2),
            "total_s": round(sum(samples) / 1000, 2)}


def measure_mend(runs: int) -> dict:
    examples = "\n".join(f'<example>\nContext: case {i}\nuser: "Do {i}: now"\nassistant: ok\n</example>'
                         for i in range(20))
    doc = AgentDocument.parse(f"---\nname: a\ndescription: Use it. Examples:\n{examples}\ntools: Read\n---\nBody.\n")
    return {"description_lines": examples.count("\n") + 2, **timings_ms(lambda: mend_description(doc), runs)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLAUDE_CONFIG_DIR"] = home  # an empty folder of the user's own agents
        figures = {
            "show": measure_show(args.runs),
            "panel_refresh": measure_panel(max(20, args.runs * 10)),
            "fix_all": measure_fix_all(),
            "mend": measure_mend(max(20, args.runs * 10)),
        }
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
