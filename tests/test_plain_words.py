"""Plain words: no hidden "every tool", each choice explained, and the German translation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from agent_editor.agentfile import wording
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.schema import load_schema
from agent_editor.agentfile.validation import validate
from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.language import install_translation
from conftest import copy_seed

EVERY_TOOL_WARNING = "With no tool ticked, Claude Code gives this agent every tool"


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.header_shown)  # the form and the problems come after the first frame
    yield win
    dialogs.save_choice = SaveChoice.DISCARD
    win.close()


def header_of(window) -> str:
    text = window.current.document.to_text()
    return text.split("\n---", 1)[0]


# ----- no hidden "every tool" ------------------------------------------------------------------


def test_only_with_nothing_ticked_stays_chosen_and_warns(qtbot, window, tmp_path):
    path = copy_seed(tmp_path, "000")  # no tools key: every tool
    assert window.open_file(path)
    tools = window.form.rows["tools"].editor
    assert tools.all_tools.isChecked() and tools.warning.isHidden()
    tools.only.click()
    assert tools.only.isChecked()
    assert not tools.warning.isHidden() and tools.warning.text().startswith(EVERY_TOOL_WARNING)
    assert "tools:" not in header_of(window)  # nothing written, and never `tools: []`
    # Editing another field keeps the choice and its warning on screen.
    qtbot.keyClicks(window.form.rows["name"].editor.line, "-x")
    assert tools.only.isChecked() and not tools.warning.isHidden()
    # Ticking a tool writes it and the warning goes.
    tools.checks["Read"].click()
    assert "tools: Read" in header_of(window)
    assert tools.warning.isHidden()
    # "All tools" on purpose: no warning, no key.
    tools.all_tools.click()
    assert tools.warning.isHidden() and "tools:" not in header_of(window)


def test_unticking_the_last_tool_keeps_only_and_warns(qtbot, window, tmp_path):
    path = tmp_path / "one-tool.md"
    path.write_text("---\nname: one-tool\ndescription: Reads.\ntools: Read\n---\nBody\n", encoding="utf-8")
    assert window.open_file(path)
    tools = window.form.rows["tools"].editor
    assert tools.only.isChecked() and tools.checks["Read"].isChecked()
    tools.checks["Read"].click()
    assert tools.only.isChecked() and not tools.all_tools.isChecked()
    assert not tools.warning.isHidden() and EVERY_TOOL_WARNING in tools.warning.text()
    header = header_of(window)
    assert "tools" not in header and "[]" not in header  # the key goes: what Claude Code does, said out loud
    window.undo_action.trigger()
    assert "tools: Read" in header_of(window)
    assert tools.checks["Read"].isChecked() and tools.warning.isHidden()


def test_tools_not_allowed_with_nothing_ticked_does_not_warn(qtbot, window, tmp_path):
    path = tmp_path / "deny.md"
    path.write_text("---\nname: deny\ndescription: x\ndisallowedTools: Bash\n---\nBody\n", encoding="utf-8")
    assert window.open_file(path)
    denied = window.form.rows["disallowedTools"].editor
    denied.checks["Bash"].click()
    assert denied.warning.isHidden()  # nothing denied is just that: nothing denied
    assert "disallowedTools" not in header_of(window)


# ----- every choice explained -------------------------------------------------------------


def test_schema_explains_every_model_permission_mode_and_tool():
    schema = load_schema()
    for key in ("model", "permissionMode"):
        rule = schema.rule(key)
        assert set(rule.choice_help) == set(rule.choices)
        assert all(text.strip() and "\n" not in text for text in rule.choice_help.values())
    assert set(schema.tool_help) == schema.builtin_tools
    assert all(text.strip().endswith(".") for text in schema.tool_help.values())


def test_the_form_shows_what_a_choice_means(qtbot, window, tmp_path):
    path = tmp_path / "modes.md"
    path.write_text("---\nname: modes\ndescription: x\nmodel: haiku\npermissionMode: acceptEdits\n---\nB\n",
                    encoding="utf-8")
    assert window.open_file(path)
    schema = load_schema()
    model = window.form.rows["model"].editor
    assert model.note.text() == schema.rule("model").choice_help["haiku"]
    mode = window.form.rows["permissionMode"].editor
    assert mode.note.text() == schema.rule("permissionMode").choice_help["acceptEdits"]
    index = mode.combo.findData("bypassPermissions")
    assert "trust" in mode.combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
    mode.combo.setCurrentIndex(index)
    mode.combo.activated.emit(index)
    assert mode.note.text() == schema.rule("permissionMode").choice_help["bypassPermissions"]
    assert mode.combo.accessibleDescription() == mode.note.text()
    read = window.form.rows["tools"].editor.checks["Read"]
    assert read.toolTip() == schema.tool_help["Read"] == read.accessibleDescription()


# ----- translation ----------------------------------------------------------------------------


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_german_translation_loads_and_changes_the_menus(qtbot, tmp_path, dialogs):
    app = QApplication.instance()
    try:
        assert install_translation(app, QLocale("de_DE"))
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        german = MainWindow(dialogs=dialogs, settings=settings)
        qtbot.addWidget(german)
        titles = _menu_titles(german)
        assert titles[0] == "&Datei" and "&Hilfe" in titles
        assert german.problems.fix_button.text() == "Beheben"
        assert wording.translate("schema", "Description") == "Beschreibung"
        missing = validate(AgentDocument.parse("---\nname: a\n---\nBody\n"))
        assert any(p.message.startswith("Das Feld „Beschreibung“ fehlt") for p in missing)
        german.close()
    finally:
        install_translation(app, QLocale("en_US"))
    english = MainWindow(dialogs=dialogs, settings=QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(english)
    assert _menu_titles(english)[0] == "&File"
    assert wording.translate("schema", "Description") == "Description"
    english.close()


def test_the_language_setting_chooses_the_translation(qtbot, tmp_path):
    from agent_editor.app.language import LANGUAGE_KEY, chosen_locale

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    assert chosen_locale(settings).language() == QLocale.Language.German
    settings.setValue(LANGUAGE_KEY, "")
    assert chosen_locale(settings) == QLocale.system()


def test_technical_details_stay_behind_details(qtbot, window, tmp_path):
    path = tmp_path / "quotes.md"
    path.write_text("---\nname: quotes\ndescription: Use it when: the API is slow\n---\nBody\n", encoding="utf-8")
    assert window.open_file(path)
    problem = next(p for p in window.current.problems if p.code == "needs-quotes")
    assert "YAML" not in problem.message and "YAML" in problem.details
    tree = window.problems.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == problem)
    assert item.childCount() == 1 and item.child(0).text(2).startswith("Details:")
    assert tree.rootIsDecorated() and not item.isExpanded()
