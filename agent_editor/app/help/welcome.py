"""The welcome panel shown on first start: what the examples are, where agents belong, what to do next.

It only shows and asks; the window does what a button asks for. Whether it was shown
already is the setting ``welcome/shown``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agent_editor.app.access.names import name

SHOWN_KEY = "welcome/shown"


def is_first_start(settings: QSettings) -> bool:
    return not _true(settings.value(SHOWN_KEY, False))


def mark_shown(settings: QSettings) -> None:
    settings.setValue(SHOWN_KEY, True)


def _true(value) -> bool:
    return value is True or str(value).lower() in ("true", "1")


class WelcomePanel(QFrame):
    """What the examples are, where Claude Code looks for agents, and buttons for the next step."""

    project_requested = Signal()
    user_requested = Signal()
    new_requested = Signal()
    examples_requested = Signal()
    guide_requested = Signal()

    def __init__(self, user_folder: str, project_folder: str | None = None, parent: QWidget | None = None):
        super().__init__(parent, objectName="welcomePanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        centred = QHBoxLayout()
        page = QWidget(objectName="welcomePage")
        page.setMaximumWidth(860)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        centred.addStretch(1)
        centred.addWidget(page, 20)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(1)
        title = QLabel(self.tr("<h2>Welcome to Agent Editor</h2>"), objectName="welcomeTitle")
        column.addWidget(title)
        self.intro = _text(self.tr(
            "An agent is a helper Claude Code can hand work to. Each agent is one small file: a name, a "
            "description that tells Claude <b>when</b> to call it, and instructions that tell the agent "
            "<b>how</b> to work. This editor fills in the file for you and checks it the way Claude Code "
            "reads it."))
        column.addWidget(self.intro)
        project = html.escape(project_folder) if project_folder else self.tr("<i>your project</i>/.claude/agents")
        self.places = _text(self.tr(
            "<b>Where Claude Code looks for agents</b><ul>"
            "<li><b>A project's agents</b>: the <tt>.claude/agents</tt> folder inside the project ({project}). "
            "Everyone who works on the project gets them.</li>"
            "<li><b>Your own agents</b>: <tt>{user}</tt>. You get them in every project.</li></ul>"
            "Claude Code reads these folders when it starts: after saving, start a new Claude Code "
            "session to use your changes.").format(project=project, user=html.escape(user_folder)))
        column.addWidget(self.places)
        self.examples = _text(self.tr(
            "<b>The examples</b>: five versions of one example agent (a backend architect), copied for you "
            "to try things on; they are listed on the left once this page is closed. Changing them does not "
            "change anything Claude Code uses."))
        column.addWidget(self.examples)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.project_button = self._button(
            self.tr("Open a Project's Agents…"), self.tr("Open the .claude/agents folder of a project "
                                                "(it is made if the project has none yet)"),
            self.project_requested)
        self.user_button = self._button(self.tr("Open Your Agents"), self.tr("Open {user}").format(user=user_folder),
                                        self.user_requested)
        self.new_button = self._button(self.tr("Start from a Template…"),
                                       self.tr("Choose a ready-made agent to start from (File › New Agent); saving "
                                               "asks where to put it"), self.new_requested)
        self.examples_button = self._button(self.tr("Explore the Examples"), self.tr("Close this page and look at "
                                                                           "the examples"),
                                            self.examples_requested)
        self.guide_button = self._button(self.tr("Read the User Guide"), self.tr("How to write an agent Claude "
                                                                       "uses well (Help › User Guide)"),
                                         self.guide_requested)
        for index, button in enumerate((self.project_button, self.user_button, self.new_button,
                                        self.examples_button, self.guide_button)):
            grid.addWidget(button, index // 3, index % 3)
        column.addLayout(grid)
        note = _text(self.tr("This page comes back with Help › Welcome."))
        column.addWidget(note)
        name(self, self.tr("Welcome"), self.tr("What the examples are, where agents belong, and what to do next"))

    def _button(self, text: str, tip: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        name(button, text.rstrip("…"), tip)
        button.clicked.connect(signal.emit)
        return button


def _text(rich: str) -> QLabel:
    label = QLabel(rich, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def show_welcome_panel(window) -> WelcomePanel:
    """Show the welcome panel in place of the editor panes of ``window`` (a MainWindow) and wire its buttons."""
    from pathlib import Path

    from agent_editor.app.start import example_library, find_project_agents, user_agents_folder

    panel = getattr(window, "welcome", None)
    if panel is None:
        project = find_project_agents(Path.cwd().resolve())
        panel = WelcomePanel(str(user_agents_folder()), str(project) if project else None)
        window.welcome = panel
        window.centralWidget().layout().addWidget(panel, 1)

        def leave() -> None:
            panel.hide()
            window.vertical_split.show()

        def open_folder(folder: Path | None, title: str) -> None:
            if folder is None:
                return
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                window.dialogs.show_error(QCoreApplication.translate("MainWindow", "Cannot open the folder"),
                                          QCoreApplication.translate("MainWindow", "“{folder}” could not be made: {reason}.")
                                          .format(folder=folder, reason=error.strerror or error))
                return
            leave()
            window.open_paths([folder], title)

        def project_agents() -> None:
            found = find_project_agents(Path.cwd().resolve())
            if found is None:
                chosen = window.dialogs.ask_folder(None)
                found = chosen / ".claude" / "agents" if chosen else None
                if chosen is not None and chosen.parts[-2:] == (".claude", "agents"):
                    found = chosen
            open_folder(found, QCoreApplication.translate("MainWindow", "Project agents"))

        def new_agent() -> None:
            leave()
            window.library_actions.new_agent()

        def examples() -> None:
            leave()
            folder = example_library()
            if window.library.isHidden() or folder not in [p.parent for p in window.library.paths()]:
                window.open_paths([folder], QCoreApplication.translate("MainWindow", "Example agents"))

        panel.project_requested.connect(project_agents)
        panel.user_requested.connect(lambda: open_folder(user_agents_folder(), QCoreApplication.translate("MainWindow", "Your agents")))
        panel.new_requested.connect(new_agent)
        panel.examples_requested.connect(examples)
        panel.guide_requested.connect(window.show_guide)
    window.vertical_split.hide()
    panel.show()
    panel.examples_button.setFocus()
    mark_shown(window.settings)
    return panel
