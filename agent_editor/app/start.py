"""Starting the app: the QApplication, its look, and what to open first.

With files, they are opened; with a folder of agents, its agents are listed. With a
project folder, or with nothing (the working folder), the library shows every agent
Claude Code would see from there, by scope; when there are none at all, a copy of the
bundled example library, so a new user sees real agents at once.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from agent_editor import __version__
from agent_editor.agentfile.resources_path import resource_path
from agent_editor.app.collector import MainThreadCollector
from agent_editor.app.look.look import look, saved_scheme
from agent_editor.app.painting import SETTLE_MS, after_first_paint
from agent_editor.library.scopes import find_project_agents, is_project_folder, library_scopes, user_agents_folder


def make_application(argv: list[str] | None = None, *, style: bool = True) -> QApplication:
    """The QApplication, named, with its icon and the look the author chose (light, dark,
    or the desktop's); ``style=False`` leaves the stylesheet to ``apply_style``, which is
    cheaper once the first window is built (a stylesheet set first restyles every widget
    as it is added). ``argv`` may carry Qt's own options (``-style``, ``-platform`` ...)."""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Agent Editor")
    app.setOrganizationName("Agent Editor")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("agent-editor")
    icon = resource_path("icons", "agent-editor.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    look().set_scheme(saved_scheme(QSettings()))
    if style:
        apply_style(app)
    from agent_editor.app.language import install_translation

    install_translation(app)
    return app


def apply_style(app: QApplication) -> None:
    """The stylesheet, filled with the look's colours (again whenever they change)."""
    look().style_application()


def example_library() -> Path:
    """A writable copy of the bundled examples (made once, then left to the user)."""
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation))
    target = base / "agent-editor" / "examples"
    if not target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for source in resource_path("examples").iterdir():
            if source.is_file():
                shutil.copyfile(source, target / source.name)
    return target


def default_paths(cwd: Path | None = None) -> tuple[list[Path], str]:
    project = find_project_agents((cwd or Path.cwd()).resolve())
    user = user_agents_folder()
    if project is not None and project != user.resolve():  # under home, outside a project: the user's own
        return [project], "Project agents"
    if user.is_dir() and any(user.rglob("*.md")):
        return [user], "Your agents"
    return [example_library()], "Example agents"


def run_app(paths: list[Path], qt_args: list[str] | None = None) -> int:
    app = make_application([sys.argv[0], *(qt_args or [])], style=False)
    from agent_editor.app.editor.window import MainWindow

    window = MainWindow()
    apply_style(app)
    safety = start_safety_net(app, window)
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"agent-editor: {path}: no such file or folder", file=sys.stderr)
    paths = [p for p in paths if p.exists()]
    window.show()
    if len(paths) == 1 and is_project_folder(paths[0]):
        window.open_project(paths[0])
    elif paths:
        window.open_paths(paths)
    elif not missing:
        open_default(window, Path.cwd())
        window.reopen_last_agent()
    if not paths and not missing:
        from agent_editor.app.help.welcome import is_first_start

        if is_first_start(window.settings):  # started without files, the first time
            window.show_welcome()
    if os.environ.get("AGENT_EDITOR_QUIT_AFTER_MS"):  # for start-up measurements and smoke tests
        QTimer.singleShot(int(os.environ["AGENT_EDITOR_QUIT_AFTER_MS"]), window.close)
    # Nothing here shows: it waits until the first frame is out and the events that came
    # with it are handled (see painting.SETTLE_MS).
    after_first_paint(window, lambda: (settle_memory(), safety()), delay_ms=SETTLE_MS)
    return app.exec()


def settle_memory() -> None:
    """Once the window is up: what start-up made lives as long as the app, so it is moved
    out of the collector's way (later collections, while the author types, skip it), and
    collection starts again (``main`` stops it while the window is built), on this
    thread only (see ``collector``)."""
    gc.freeze()
    MainThreadCollector(QApplication.instance())


def open_default(window, cwd: Path) -> bool:
    """With nothing named: every agent Claude Code would see from here, by scope; if there are
    none at all, a copy of the bundled examples, so a new user sees real agents at once."""
    from agent_editor.library.scan import scope_files  # a window opened on files never lists a folder

    scopes = library_scopes(cwd, window.library_actions.added_folders())
    if any(scope_files(scope) for scope in scopes):
        return window.open_project(cwd)
    paths, title = default_paths(cwd)
    return window.open_paths(paths, title)


def start_safety_net(app: QApplication, window) -> Callable[[], None]:
    """What starts drafts and saved versions, and offers the drafts a crashed run left.

    Run once the window has painted: the net watches the documents already open, and
    nothing can be edited or saved before then, so the first frame does not wait for it
    (nor for the compare window that recovery opens)."""

    def start() -> None:
        from agent_editor.app.safety.net import install, uninstall
        from agent_editor.app.safety.recovery import offer_recovery

        net = install()
        app.aboutToQuit.connect(uninstall)
        offer_recovery(window, window.dialogs, net.drafts, window.show_open_document)

    return start


def run_compare_app(paths: list[Path], qt_args: list[str] | None = None) -> int:
    app = make_application([sys.argv[0], *(qt_args or [])])
    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.safety.net import install, uninstall

    install()  # drafts and versions here too; the editor offers drafts left by a crash
    app.aboutToQuit.connect(uninstall)
    window = CompareWindow.from_paths(paths)
    window.show()
    return app.exec()
