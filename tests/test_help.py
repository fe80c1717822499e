"""First run and help: the welcome panel, and the user guide shown inside the app."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QImage, QTextDocument

from agent_editor.agentfile.resources_path import resource_path
from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.editor.window import MainWindow
from agent_editor.app.help.guide import GuideView, guide_file, guide_html
from agent_editor.app.help.welcome import is_first_start, mark_shown


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings, dialogs):
    win = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    dialogs.save_choice = SaveChoice.DISCARD
    win.close()


# ----- the welcome panel ----------------------------------------------------------------------


def test_first_start_is_remembered(settings):
    assert is_first_start(settings)
    mark_shown(settings)
    assert not is_first_start(settings)
    settings.clear()  # what a test (or a new user) starts from
    assert is_first_start(settings)


def test_welcome_says_what_the_examples_are_and_where_agents_live(qtbot, window, settings, monkeypatch, tmp_path):
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(tmp_path / "config"))
    window.show_welcome()
    panel = window.welcome
    assert panel.isVisible() and not window.vertical_split.isVisible()
    text = " ".join(label.text() for label in (panel.intro, panel.places, panel.examples))
    assert ".claude/agents" in text and str(tmp_path / "config" / "agents") in text
    assert "examples" in text.lower()
    assert not is_first_start(settings)
    # Exploring the examples puts the editor back.
    panel.examples_button.click()
    assert not panel.isVisible() and window.vertical_split.isVisible()


def test_welcome_opens_your_agents_folder(qtbot, window, monkeypatch, tmp_path):
    config = tmp_path / "config"
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(config))
    window.show_welcome()
    window.welcome.user_button.click()
    assert (config / "agents").is_dir()  # made for the author, who is told where it is
    assert not window.welcome.isVisible()


def test_welcome_opens_a_projects_agents_folder(qtbot, window, dialogs, monkeypatch, tmp_path):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # not inside a project: the author picks one
    dialogs.folder_answer = project
    window.show_welcome()
    window.welcome.project_button.click()
    assert dialogs.asked("ask_folder")
    assert (project / ".claude" / "agents").is_dir()


def test_welcome_starts_from_a_template(qtbot, window, dialogs):
    window.show_welcome()
    window.welcome.new_button.click()
    assert dialogs.asked("ask_template")


# ----- the user guide ----------------------------------------------------------------------------


def test_the_guide_covers_description_examples_tools_and_model():
    text = guide_file().lower()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert any("description" in h for h in headings) and any("tools" in h for h in headings)
    for topic in ("description", "example", "tools", "model"):
        assert topic in text
    assert "every tool" in text  # the ticked-nothing surprise is explained


def test_the_guide_shows_its_own_pictures_and_nothing_else(qtbot):
    markdown = guide_file()
    pictures = re.findall(r"!\[[^\]]*\]\(([\w.-]+\.png)\)", markdown)
    assert len(pictures) >= 3
    for name in pictures:
        assert resource_path("guide", name).is_file(), name
    html = guide_html(markdown)
    assert html.count('<img src="guide:') == len(pictures)
    assert "[image:" not in html
    view = GuideView()
    qtbot.addWidget(view)
    picture = view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(f"guide:{pictures[0]}"))
    assert isinstance(picture, QImage) and picture.width() > 100
    # Anything else is the preview's blank placeholder: no file outside the guide is read.
    other = view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("guide:../icons/agent-editor.svg"))
    assert isinstance(other, QImage) and other.width() == 1
    elsewhere = view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("file:///etc/hostname"))
    assert isinstance(elsewhere, QImage) and elsewhere.width() == 1


def test_the_guides_pictures_fit_its_window(qtbot):
    """At the size it opens, the guide scrolls down only: no picture is wider than its page."""
    from agent_editor.app.help.guide import GuideDialog

    guide = GuideDialog()
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    page = guide.view.viewport().width()
    widths = {name: QImage(str(resource_path("guide", name))).width()
              for name in re.findall(r"!\[[^\]]*\]\(([\w.-]+\.png)\)", guide_file())}
    assert widths and max(widths.values()) < page, (widths, page)
    qtbot.waitUntil(lambda: guide.view.verticalScrollBar().maximum() > 0)  # laid out, pictures and all
    assert guide.view.horizontalScrollBar().maximum() == 0


def test_help_user_guide_opens_the_guide(qtbot, window):
    assert window.guide_action.shortcut().toString()  # F1 where the desktop has it
    window.guide_action.trigger()
    from PySide6.QtWidgets import QApplication

    guides = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "GuideDialog" and w.isVisible()]
    assert guides and "description" in guides[0].view.toPlainText().lower()
    for guide in guides:
        guide.close()
