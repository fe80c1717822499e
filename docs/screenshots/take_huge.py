"""Takes the README's screenshot of a stranger's huge file in a real window.

Run under an X server (a real desktop, or Xvfb with a screen of at least 1400x880):

    DISPLAY=:1 python docs/screenshots/take_huge.py docs/screenshots/huge.png

It writes an agent file with a description of 500 KB on one line, 3,000 header keys
Claude Code does not know and a body line of 5 MB, opens it, and saves what the X server
shows of the window: the description cut short with Show All, the other settings as a
table, and the body's long line cut short under its banner.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from shots import close_unsaved, editor_window, save_window, settle


def main(out: Path) -> int:
    work = Path(tempfile.mkdtemp())
    path = work / "cloned-agent.md"
    keys = "".join(f"setting{i}: value {i}\n" for i in range(3000))
    description = "Reviews pull requests for security problems. " * 11_000
    path.write_text(f"---\nname: cloned-agent\ndescription: {description}\n{keys}---\n\n"
                    f"# Cloned agent\n\n{'word ' * 1_000_000}\n", encoding="utf-8")
    window = editor_window(work)
    window.open_file(path)
    settle(1500)
    window.form.focus_field("setting2999")  # scrolls the form down to the table
    settle(500)
    window.status.setText("")  # no temporary path in the picture
    settle(100)
    save_window(window, out)
    close_unsaved(window)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
