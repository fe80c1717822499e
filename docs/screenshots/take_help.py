"""Takes the screenshots of the welcome panel and the user guide, and the guide's own pictures.

Run under an X server (a real desktop, or Xvfb with a screen of at least 1400x880):

    DISPLAY=:1 python docs/screenshots/take_help.py ../shared/seeds

It opens a copy of the given folder of agents as the examples, and saves
docs/screenshots/welcome.png and guide.png, and the guide's pictures
(resources/guide/description.png, tools.png, problems.png), cut from the editor.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from agent_editor.app.start import apply_style, make_application
from shots import settle, save_window

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "docs" / "screenshots"
GUIDE = REPO / "resources" / "guide"


def _shoot(app: QApplication, window: QWidget, path: Path) -> None:
    settle()
    save_window(window, path)


def _cut(app: QApplication, widgets: list[QWidget], path: Path, width: int = 640, crop: bool = False) -> None:
    """``widgets`` drawn one under the other, at most ``width`` pixels wide (cut, or scaled down)."""
    settle(800)
    parts = [widget.grab() for widget in widgets]
    picture = QPixmap(max(part.width() for part in parts) + 12, sum(part.height() for part in parts) + 12)
    picture.fill(widgets[0].palette().color(widgets[0].backgroundRole()))
    painter = QPainter(picture)
    top = 6
    for part in parts:
        painter.drawPixmap(6, top, part)
        top += part.height()
    painter.end()
    if picture.width() > width:
        picture = picture.copy(0, 0, width, picture.height()) if crop else picture.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation)
    picture.save(str(path))
    print(f"wrote {path}")


def main(source: Path) -> int:
    os.environ["HOME"] = "/home/you"  # the welcome page names the user's own folder
    os.environ.pop("CLAUDE_CONFIG_DIR", None)
    settings_home = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_home))
    app = make_application([sys.argv[0]], style=False)
    from agent_editor.app.editor.window import MainWindow

    examples = Path(tempfile.mkdtemp()) / "examples"
    examples.mkdir()
    for file in sorted(source.iterdir()):
        if file.is_file():
            shutil.copyfile(file, examples / (file.stem + ".md"))
    window = MainWindow()
    apply_style(app)
    window.resize(1400, 880)
    window.show()
    window.open_paths([examples], "Example agents")
    window.show_welcome()
    window.status.setText("")  # no temporary path in the picture
    _shoot(app, window, SHOTS / "welcome.png")

    window.welcome.examples_button.click()
    files = sorted(examples.glob("*.md"))
    window.open_file(files[1])  # an agent whose tools are ticked one by one, with problems to fix
    form = window.form
    examples_box = form.rows["description"].editor.examples_box
    examples_box.hide()  # the picture is of the name and the description; examples have a section of their own
    _cut(app, [form.rows["name"], form.rows["description"]], GUIDE / "description.png")
    examples_box.show()
    form.verticalScrollBar().setValue(form.rows["tools"].y() - 10)
    tools = form.rows["tools"].editor
    _cut(app, [form.rows["tools"]], GUIDE / "tools.png")
    window.problems.tree.setCurrentItem(window.problems.tree.topLevelItem(1))
    # The list and its Fix button in one picture narrow enough for the guide's window (820 px)
    window.resize(700, 880)
    _cut(app, [window.problems], GUIDE / "problems.png", width=700)

    window.show_guide()
    settle()
    guide = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "GuideDialog")
    guide.resize(820, 760)
    guide.view.verticalScrollBar().setValue(0)
    _shoot(app, guide, SHOTS / "guide.png")
    for widget in QApplication.topLevelWidgets():
        widget.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
