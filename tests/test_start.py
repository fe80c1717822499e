"""Starting the app: PySide6's import hook made cheaper, and what waits for the first paint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_SAME_ANSWERS = r"""
import linecache, sys
import PySide6.QtCore
import shibokensupport.feature as feature
original = feature._mod_uses_pyside
from agent_editor.app.import_hook import import_qt
assert import_qt() is True
lighter = feature._mod_uses_pyside
assert lighter is not original
assert import_qt() is True and feature._mod_uses_pyside is lighter  # once only
import agent_editor.app.editor.window  # two hundred modules, through the hook
import yaml, markdown
modules = [m for m in list(sys.modules.values()) if m is not None]
different = [m.__name__ for m in modules if lighter(m) != original(m)]
assert not different, different
uses = sorted(m.__name__ for m in modules if lighter(m))
assert "agent_editor.app.editor.window" in uses and "yaml" not in uses, uses
linecache.clearcache()
import agent_editor.app.compare.window  # imported after the check above: nothing kept
kept = [name for name in linecache.cache if "agent_editor" in name]
assert not kept, kept
print(len(modules), len(uses))
"""


def test_lighter_import_hook_gives_pysides_answers_and_keeps_no_source() -> None:
    """For every module the editor window imports, the file read says what
    ``inspect.getsource`` said; modules imported after it leave no lines in linecache."""
    result = subprocess.run([sys.executable, "-c", _SAME_ANSWERS], capture_output=True, text=True, cwd=REPO,
                            env={**_env(), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-3000:]
    checked, using = map(int, result.stdout.split())
    assert checked > 200 and using > 25


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def test_the_form_is_built_after_the_first_frame_and_joins_the_tab_order(qtbot, main_window, tmp_path):
    """Two hundred widgets wait for the first frame, then come with the file's values and
    in the Tab order."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from conftest import copy_seed

    window = main_window
    assert window.open_file(copy_seed(tmp_path, "001"))
    assert window._form is None  # its place kept by the stand-in
    window.show()
    qtbot.waitUntil(lambda: window._form is not None, timeout=3000)
    tools = window.form.rows["tools"].editor
    assert window.form.rows["name"].editor.line.text() == "backend-architect"
    assert {n for n, c in tools.checks.items() if c.isChecked()} == {"Read", "Write", "Grep", "Bash"}
    assert list(tools.other_checks) == ["MultiEdit"] and not tools.others_title.isHidden()
    qtbot.waitUntil(lambda: tools.only.isVisible() and not window._tab_order_timer.isActive())  # shown a turn later
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tools.only.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tools.only, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tools.checks["Read"]


def test_a_form_asked_for_before_the_first_frame_is_built_there_and_then(qtbot, main_window, tmp_path):
    from conftest import copy_seed

    window = main_window
    assert window.open_file(copy_seed(tmp_path, "003"))
    assert window._form is None
    tools = window.form.rows["tools"].editor
    assert {n for n, c in tools.checks.items() if c.isChecked()} == {"Read", "Write", "Grep", "Glob", "Bash"}
    assert list(tools.other_checks) == ["supabase", "context7"]


def test_the_forms_place_is_as_wide_as_the_built_form_needs(qtbot, main_window, tmp_path):
    """The width kept for the form before it is built is the width its rows then need, and
    the panes do not move when it comes."""
    from agent_editor.app.editor.form.colors import ColorEditor
    from agent_editor.app.editor.form.tools_checklist import ToolsEditor
    from agent_editor.app.editor.form.width import narrowest
    from agent_editor.agentfile.schema import load_schema
    from conftest import copy_seed

    schema = load_schema()
    row = ColorEditor(schema.colors)
    tools = ToolsEditor(schema)
    qtbot.addWidget(row)
    qtbot.addWidget(tools)
    assert ColorEditor.narrowest(len(schema.colors)) == row.minimumSizeHint().width()
    assert ToolsEditor.narrowest(schema) == tools.minimumSizeHint().width()
    window = main_window
    folder = tmp_path / "agents"
    folder.mkdir()
    for prefix in ("001", "003"):
        copy_seed(folder, prefix)
    window.open_paths([folder])
    window.resize(1400, 880)
    slot_floor = window.fit.form_floor()
    window.show()
    qtbot.waitUntil(lambda: window._form is not None, timeout=3000)
    sizes = window.main_split.sizes()
    qtbot.wait(100)  # the form laid out, and the window arranged for it again
    form = window.form
    assert window.fit.form_floor() == slot_floor == narrowest() + form.verticalScrollBar().sizeHint().width()
    assert form.viewport().width() >= form.widget().minimumSizeHint().width()  # no row cut off
    assert window.main_split.sizes() == sizes  # nothing moved when the form came


_FIRST_FRAME = r"""
import json, os, runpy, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

seen = {}

def header_parts(window):
    return {"yaml": "yaml" in sys.modules, "validation": "agent_editor.agentfile.validation" in sys.modules,
            "form": window._form is not None, "problems": [p.code for p in window.problems.problems],
            "summary": window.problems.summary.text()}

class FirstPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.preview.viewport().installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first" not in seen:
            seen["first"] = header_parts(self.window)
            seen["preview_chars"] = self.window.preview.document().characterCount()
            QTimer.singleShot(10, self.poll)
        return False

    def poll(self):
        if self.window.header_shown and self.window._form is not None:
            seen["then"] = header_parts(self.window)
            print(json.dumps(seen), flush=True)
            os._exit(0)
        QTimer.singleShot(10, self.poll)

real_exec = QApplication.exec

def exec_when_ready(*args):
    from agent_editor.app.editor.window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    FirstPaint(window)
    QTimer.singleShot(20000, lambda: os._exit(3))
    return real_exec()

QApplication.exec = exec_when_ready
sys.argv = ["agent_editor", sys.argv[1]]
runpy.run_module("agent_editor", run_name="__main__", alter_sys=True)
"""


def test_the_first_frame_shows_the_body_and_preview_before_the_header_is_read(tmp_path):
    """Started on a file, the app paints the instructions and the preview without loading
    PyYAML or the checks; the problems and the form follow, as ``check`` reports them."""
    import json

    from agent_editor.agentfile.document import AgentDocument
    from agent_editor.agentfile.validation import validate
    from conftest import copy_seed

    path = copy_seed(tmp_path, "001")
    home = tmp_path / "home"
    home.mkdir()
    env = {**_env(), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache")}
    result = subprocess.run([sys.executable, "-c", _FIRST_FRAME, str(path)], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["preview_chars"] > 1000
    first, then = seen["first"], seen["then"]
    assert first == {"yaml": False, "validation": False, "form": False, "problems": [], "summary": ""}
    expected = [p.code for p in validate(AgentDocument.load(path))]
    assert len(expected) == 2  # the seed has problems to show
    assert then["yaml"] and then["form"] and then["problems"] == expected
    assert then["summary"].startswith("Claude Code will load this agent.")
