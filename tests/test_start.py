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
    qtbot.waitUntil(lambda: not window._tab_order_timer.isActive())
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
