"""Takes the README's look screenshots in a real window: light and dark, large and small.

Run under an X server (a real desktop, or Xvfb with a screen of at least 1400x880):

    DISPLAY=:1 python docs/screenshots/take.py ../shared/seeds docs/screenshots

It opens a copy of the given folder of agents in the editor, at 1400x880 and at
1024x700, once in the light look and once in the dark one, and saves what the X
server shows of the window as editor-<look>-<width>.png (and the compare view of two
variants as compare-<look>-<width>.png, of all of them as compare-overview.png). The
README's copies were then made smaller with ImageMagick:
``convert shot.png -colors 256 PNG8:shot.png``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agent_editor.app.look.look import Scheme, look
from agent_editor.app.start import apply_style, make_application
from shots import settle, save_window

SIZES = ((1400, 880), (1024, 700))


def _shoot(app: QApplication, window, path: Path) -> None:
    status = getattr(window, "status", None)
    if status is not None:
        status.clear()  # the file's path would show where the temporary copy is
    settle()
    save_window(window, path)


def main(source: Path, out: Path) -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = make_application([sys.argv[0]], style=False)
    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.editor.window import MainWindow

    work = Path(tempfile.mkdtemp())
    files = sorted(source.glob("*.txt")) or sorted(source.glob("*.md"))
    for file in files:
        shutil.copyfile(file, work / (file.stem + ".md"))
    agents = sorted(work.glob("*.md"))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    apply_style(app)
    window.resize(*SIZES[0])
    window.show()
    settle()
    window.open_paths([work], "Example agents")
    window.open_file(agents[min(3, len(agents) - 1)])
    for scheme in (Scheme.LIGHT, Scheme.DARK):
        look().set_scheme(scheme)
        for width, height in SIZES:
            window.resize(width, height)
            window.move(0, 0)
            window.show()
            _shoot(app, window, out / f"editor-{scheme.value}-{width}.png")
    window.hide()
    compare = CompareWindow.from_paths(agents[:2] if len(agents) == 2 else [agents[1], agents[3]])
    for scheme in (Scheme.LIGHT, Scheme.DARK):
        look().set_scheme(scheme)
        for width, height in SIZES:
            compare.resize(width, height)
            compare.move(0, 0)
            compare.show()
            _shoot(app, compare, out / f"compare-{scheme.value}-{width}.png")
    compare.close()
    overview = CompareWindow.from_paths(agents)
    look().set_scheme(Scheme.LIGHT)
    overview.resize(*SIZES[0])
    overview.move(0, 0)
    overview.show()
    _shoot(app, overview, out / "compare-overview.png")
    overview.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
