"""Times the preview pipeline on real agent files and prints the figures as JSON.

Run from the repository: ``python tests/benchmarks/bench_rendering.py [--repeat N]``.
Measures render_markdown on a seed and on the largest corpus body, the preview's
show_html on the largest body, and a full rehighlight of the largest body in a
QPlainTextEdit. Not a test: pytest does not collect this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))

from timing import timings_ms  # noqa: E402
from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.agentfile.rendering import render_markdown  # noqa: E402


def body_of(text: str) -> str:
    """The Markdown after the header, as the editor itself splits it."""
    return AgentDocument.parse(text).body




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    seed_path = sorted((SHARED / "seeds").glob("*.txt"))[0]
    seed = body_of(seed_path.read_text(encoding="utf-8"))
    bodies = {path: body_of(path.read_text(encoding="utf-8")) for path in (SHARED / "corpus").rglob("*.md")}
    largest_path = max(bodies, key=lambda path: len(bodies[path]))
    largest = bodies[largest_path]
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from agent_editor.app.editor.highlighter import MarkdownHighlighter
    from agent_editor.app.editor.preview import PreviewView

    app = QApplication.instance() or QApplication([])
    editor = QPlainTextEdit()
    editor.setPlainText(largest)
    highlighter = MarkdownHighlighter(editor.document())
    preview = PreviewView(opener=lambda url: None)
    preview.resize(700, 900)
    preview.show()  # a hidden view skips most of the layout work
    largest_html = render_markdown(largest)

    qt_repeat = max(5, args.repeat // 3)
    results = {
        "seed": {"file": seed_path.name, "chars": len(seed)},
        "largest_body": {"file": str(largest_path.relative_to(SHARED)), "chars": len(largest),
                         "blocks": editor.document().blockCount()},
        "render_markdown_seed": timings_ms(lambda: render_markdown(seed), args.repeat),
        "render_markdown_largest": timings_ms(lambda: render_markdown(largest), args.repeat),
        "preview_show_html_largest": timings_ms(lambda: preview.show_html(largest_html), qt_repeat),
        "highlighter_rehighlight_largest": timings_ms(highlighter.rehighlight, qt_repeat),
    }
    app.processEvents()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
