"""Takes the README's screenshot of the “How Claude sees it” panel in a real window.

Run under an X server (a real desktop, or Xvfb with a screen of at least 1400x880):

    DISPLAY=:1 python docs/screenshots/take_claude_view.py ../shared/seeds docs/screenshots/claude-view.png

It copies the seeds into a temporary ``.claude/agents`` folder (with an empty folder of
the user's own agents), opens the one with tools Claude Code does not know, and saves
what the X server shows of the window.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QDockWidget

from shots import close_unsaved, editor_window, save_window, settle


def main(source: Path, out: Path) -> int:
    work = Path(tempfile.mkdtemp())
    os.environ["CLAUDE_CONFIG_DIR"] = str(work / "config")
    (work / "config" / "agents").mkdir(parents=True)
    agents = work / "project" / ".claude" / "agents"
    agents.mkdir(parents=True)
    for file in sorted(source.glob("*.txt")):
        shutil.copyfile(file, agents / (file.stem + ".md"))
    window = editor_window(work)
    window.findChild(QDockWidget, "claudeViewDock").show()
    window.open_file(sorted(agents.glob("003_*.md"))[0])
    settle(600)
    window.status.setText("")  # no temporary path in the picture
    settle(100)
    save_window(window, out)
    close_unsaved(window)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
