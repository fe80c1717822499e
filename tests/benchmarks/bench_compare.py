"""Times the comparison model and the HTML report on real agent files; prints JSON.

Run from the repository: ``python tests/benchmarks/bench_compare.py [--repeat N]``.
Measures ``compare`` of two seeds (fields, body lines, word diffs, sections,
similarity), ``overview`` of all five seeds, ``compare`` of the largest corpus body
against a copy with about 5% of its lines edited, ``compare`` of the two largest
corpus bodies, and ``render_report`` of the five seeds. Not a test: pytest does not
collect this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))

from timing import timings_ms  # noqa: E402
from agent_editor.compare.comparison import compare  # noqa: E402
from agent_editor.compare.overview import overview  # noqa: E402
from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.compare.report import render_report  # noqa: E402




def edited_copy(doc: AgentDocument, share: float, seed: int = 7) -> AgentDocument:
    """The document with ``share`` of its body lines changed: half edited, half replaced."""
    lines = doc.body.split("\n")
    rng = random.Random(seed)
    for index in rng.sample(range(len(lines)), int(len(lines) * share)):
        lines[index] = lines[index] + " (edited)" if index % 2 else f"A new line number {index}."
    copy = AgentDocument.parse(doc.to_text())
    copy.set_body("\n".join(lines))
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    seeds = [AgentDocument.load(path) for path in sorted((SHARED / "seeds").glob("*.txt"))]
    corpus = sorted((SHARED / "corpus").rglob("*.md"), key=lambda path: path.stat().st_size, reverse=True)
    largest, second = AgentDocument.load(corpus[0]), AgentDocument.load(corpus[1])
    largest_edited = edited_copy(largest, 0.05)

    figures = {
        "compare_two_seeds_001_003": timings_ms(lambda: compare(seeds[1], seeds[3]), args.repeat),
        "compare_two_seeds_000_004": timings_ms(lambda: compare(seeds[0], seeds[4]), args.repeat),
        "overview_five_seeds": timings_ms(lambda: overview(seeds), args.repeat),
        "compare_largest_body_vs_5pct_edited": timings_ms(lambda: compare(largest, largest_edited), max(3, args.repeat // 4)),
        "compare_two_largest_bodies": timings_ms(lambda: compare(largest, second), max(3, args.repeat // 4)),
        "render_report_five_seeds": timings_ms(lambda: render_report(seeds), max(3, args.repeat // 4)),
        "inputs": {
            "largest_body_bytes": len(largest.body.encode("utf-8")),
            "largest_body_lines": len(largest.body.split("\n")),
            "second_body_bytes": len(second.body.encode("utf-8")),
            "largest_file": corpus[0].name,
            "second_file": corpus[1].name,
        },
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
