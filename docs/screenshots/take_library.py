"""Takes the README's library screenshot in a real window.

Run under an X server (a real desktop, or Xvfb with a screen of at least 1400x880):

    DISPLAY=:1 python docs/screenshots/take_library.py ../shared docs/screenshots/library.png

It builds a small made-up collection in a temporary home folder from the shared seeds
and corpus: a project whose ``.claude/agents`` holds two files with one name and a
``.txt`` file, the user's own agents (one of them overridden by the project's), and an
installed plugin; then it shows the library by scope, with a search typed in when a
third argument gives one.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from shots import save_window


def build(shared: Path, home: Path) -> Path:
    project = home / "work" / "shop-site"
    agents, user = project / ".claude" / "agents", home / ".claude" / "agents"
    (project / ".git").mkdir(parents=True)
    agents.mkdir(parents=True)
    user.mkdir(parents=True)
    seeds = sorted((shared / "seeds").glob("*.txt"))
    corpus = sorted((shared / "corpus").rglob("*.md"))

    def corpus_file(part: str, folder: Path) -> None:
        source = next(path for path in corpus if part in path.name)
        shutil.copyfile(source, folder / source.name.split("__")[-1])

    shutil.copyfile(seeds[0], agents / "backend-architect.md")
    shutil.copyfile(seeds[2], agents / "backend-architect-nextjs.md")
    shutil.copyfile(seeds[1], agents / "api-designer.txt")
    corpus_file("code-reviewer", agents)
    corpus_file("test-automator", agents)
    shutil.copyfile(seeds[3], user / "backend-architect.md")
    corpus_file("debugger", user)
    plugin = home / ".claude" / "plugins" / "cache" / "market" / "security-kit" / "1.2.0"
    (plugin / "agents").mkdir(parents=True)
    corpus_file("security-auditor", plugin / "agents")
    (home / ".claude" / "plugins" / "installed_plugins.json").write_text(json.dumps(
        {"version": 2, "plugins": {"security-kit@market": [{"scope": "user", "installPath": str(plugin)}]}}))
    return project


def main(shared: Path, out: Path, query: str = "") -> int:
    home = Path(tempfile.mkdtemp()) / "home"
    project = build(shared, home)
    os.environ["HOME"] = str(home)
    os.environ.pop("CLAUDE_CONFIG_DIR", None)
    from PySide6.QtCore import QSettings, QTimer

    from agent_editor.app.look.look import Scheme, look
    from agent_editor.app.start import apply_style, make_application

    app = make_application([sys.argv[0]], style=False)
    from agent_editor.app.editor.window import MainWindow

    window = MainWindow(settings=QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    apply_style(app)
    look().set_scheme(Scheme.LIGHT)
    window.resize(1400, 880)
    window.show()
    window.open_project(project)
    # as an author would: the list dragged wider than its first width, to read the file names
    app.processEvents()
    window.main_split.moveSplitter(420, 1)
    window.open_file(project.resolve() / ".claude" / "agents" / "backend-architect-nextjs.md")
    if query:
        window.library.search.setText(query)

    def tidy() -> None:
        # The status line shows the file's full path: a temporary folder here, shown as a home would be.
        window.status.setText(str(window.current.path).replace(str(home), "~"))
        QTimer.singleShot(200, shoot)

    def shoot() -> None:
        save_window(window, out)
        window.close()
        app.quit()

    QTimer.singleShot(1500, tidy)  # in the running event loop, so replaced widgets are really gone
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4]))
