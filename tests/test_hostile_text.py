"""Text from a file is shown as text, never read as markup.

A file whose every key and value is ``<img src=PROBE>`` (and ``<a href=PROBE>``),
with PROBE a FIFO, is opened in the editor window and in the compare window. Every
widget is then walked: labels, text documents, every item view's cells, headers and
tooltips, widget and action tooltips, tab tips and window titles. No rich-text
document may hold an image or a link from the file, and nothing may open the FIFO.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QApplication,
    QLabel,
    QDialog,
    QTabBar,
    QTextEdit,
    QWidget,
)

from agent_editor.app.compare.style import HTML_ROLE
from agent_editor.compare.model import Side
from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.dialogs import Dialogs, SaveChoice
from agent_editor.app.editor.window import MainWindow

# ----- the probe --------------------------------------------------------------------------


_WATCHER = r"""
import errno, os, sys, time
path, reader_there, opens = sys.argv[1], False, 0
while not os.path.exists(path + ".stop"):
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno != errno.ENXIO:
            raise
        reader_there = False
        time.sleep(0.001)
        continue
    os.close(fd)
    if not reader_there:  # one count for each time a reader comes, however long it stays
        opens += 1
        reader_there = True
    time.sleep(0.001)
print(opens)
"""


class FifoProbe:
    """A FIFO that reports every time something opens it.

    A reader opening a FIFO waits for a writer; a watcher keeps trying to open it for
    writing without waiting. That fails (ENXIO) while no one reads, and succeeds the
    moment anything opens it to read, which lets the reader go on (it reads nothing).
    The watcher is a process of its own: a reader stuck in Qt may hold Python's lock.
    """

    def __init__(self, path: Path):
        self.path = path
        os.mkfifo(path)
        self._watcher = subprocess.Popen([sys.executable, "-c", _WATCHER, str(path)], stdout=subprocess.PIPE, text=True)
        self._opens: int | None = None

    def stop(self) -> int:
        """How many times something opened the FIFO."""
        if self._opens is None:
            Path(f"{self.path}.stop").touch()
            out, _ = self._watcher.communicate(timeout=10)
            self._opens = int(out)
        return self._opens


@pytest.fixture
def probe(tmp_path):
    watcher = FifoProbe(tmp_path / "probe")
    yield watcher
    watcher.stop()


def test_the_probe_sees_an_open(probe):
    """The probe itself works: a reader that opens the FIFO is seen (and not left waiting)."""
    with open(probe.path, "rb") as reader:
        assert reader.read() == b""
    assert probe.stop() == 1


def hostile_text(probe_path: Path, duplicated: bool = False, variant: str = "") -> str:
    img, link = f"<img src={probe_path}>", f'<a href="{probe_path}">{variant}link</a>'
    lines = [
        "---",
        f"name: {img}{variant}",
        f"description: {img} {link} {variant}",
        f"model: {img}",
        f"color: {img}",
        f"tools: {img}, Read, {link}",
        f"disallowedTools: [\"{img}\"]",
        f"{img}: {img}{variant}",
        f"{link}:",
        f"  - {img}",
        f"  - {{{img}x: {link}}}",
    ]
    if duplicated:
        lines.append(f"{img}: again")
    lines += ["---", "", f"# {img}{variant}", "", f"## {link}", "", f"{img} {link}", "",
              f"## {variant}{img} only here", "", "text", ""]
    return "\n".join(lines)


# ----- walking every widget ------------------------------------------------------------


class _RecordingDocument(QTextDocument):
    """A text document that records every resource its HTML asks for, and loads none."""

    def __init__(self):
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt's name
        self.asked.append(name.toString())
        return None


def read_as_qt(html: str, marker: str) -> tuple[list[str], str]:
    """(the images, links and resources from the file in ``html``, the text it shows), read as Qt reads it."""
    document = _RecordingDocument()
    document.setHtml(html)
    document.documentLayout()
    document.size()  # lays it out, which is when images are asked for
    found = [f"resource {name}" for name in document.asked] + document_markup(document, marker)
    return found, document.toPlainText()


def document_markup(document: QTextDocument, marker: str) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(f"image {fmt.toImageFormat().name()}")
            if fmt.isAnchor() and marker in "".join(fmt.anchorHref() + " ".join(fmt.anchorNames())):
                found.append(f"link {fmt.anchorHref()}")
            it += 1
        block = block.next()
    return found


might_be_rich_text = GuiQt.mightBeRichText  # how Qt decides a label's or tooltip's text is HTML

_TEXT_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)


def _shown_as_rich(text: str) -> bool:
    return bool(text) and might_be_rich_text(text)


def walk(top_levels: list[QWidget], marker: str) -> tuple[list[str], list[str]]:
    """(every place that holds markup from the file, every place that shows the file's markup as text)."""
    bad: list[str] = []
    plain: list[str] = []

    def check(where: str, text: str, rich: bool) -> None:
        if not text:
            return
        if rich:
            found, text = read_as_qt(text, marker)
            bad.extend(f"{where}: {what}" for what in found)
        if marker in text:
            plain.append(where)

    for top in top_levels:
        check(f"{type(top).__name__} title", top.windowTitle(), rich=False)
        for widget in [top, *top.findChildren(QWidget)]:
            name = f"{type(widget).__name__}({widget.objectName()})"
            for kind, text in (("tooltip", widget.toolTip()), ("status tip", widget.statusTip()),
                               ("what's this", widget.whatsThis())):
                check(f"{name} {kind}", text, _shown_as_rich(text))
            if isinstance(widget, QLabel):
                text_format = widget.textFormat()
                rich = text_format == Qt.TextFormat.RichText or (
                    text_format == Qt.TextFormat.AutoText and might_be_rich_text(widget.text()))
                check(f"{name} text", widget.text(), rich)
            if isinstance(widget, QTextEdit):
                bad.extend(f"{name} document: {what}" for what in document_markup(widget.document(), marker))
                if marker in widget.toPlainText():
                    plain.append(f"{name} document")
            if isinstance(widget, QTabBar):
                for index in range(widget.count()):
                    check(f"{name} tab {index} tip", widget.tabToolTip(index), _shown_as_rich(widget.tabToolTip(index)))
            if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
                _walk_model(name, widget.model(), QModelIndex(), check)
        for action in top.findChildren(QAction):
            for kind, text in (("tooltip", action.toolTip()), ("what's this", action.whatsThis())):
                check(f"action {action.text()!r} {kind}", text, _shown_as_rich(text))
    return bad, plain


_FLAT = (QAbstractListModel, QAbstractTableModel)


def _columns(model, parent: QModelIndex) -> int:
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _walk_model(name: str, model, parent: QModelIndex, check) -> None:
    for orientation, count in ((Qt.Orientation.Horizontal, _columns(model, parent)),
                               (Qt.Orientation.Vertical, model.rowCount(parent))):
        if parent.isValid():
            break
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, *_TEXT_ROLES):
                text = model.headerData(section, orientation, role)
                if isinstance(text, str):
                    rich = role != Qt.ItemDataRole.DisplayRole and _shown_as_rich(text)
                    check(f"{name} header {section} role {int(role)}", text, rich)
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            display = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str):
                check(f"{name} cell {row},{column}", display, rich=False)
            for role in _TEXT_ROLES:
                text = model.data(index, role)
                if isinstance(text, str):
                    check(f"{name} cell {row},{column} role {int(role)}", text, _shown_as_rich(text))
            html = model.data(index, HTML_ROLE)
            if isinstance(html, str):
                check(f"{name} cell {row},{column} html", html, rich=True)
            if column == 0 and not isinstance(model, _FLAT) and model.rowCount(index):
                _walk_model(name, model, index, check)


# ----- the windows ---------------------------------------------------------------------


@pytest.fixture
def hostile_folder(tmp_path, probe, monkeypatch):
    """The hostile file, a variant, one whose key is written twice, and one whose header cannot be read.

    The variant's own name holds markup too, with an image source that resolves (relative
    to the working folder) to the probe.
    """
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "hostile.md").write_text(hostile_text(probe.path), encoding="utf-8")
    (folder / "<b>b<img src=probe>.md").write_text(hostile_text(probe.path, variant="B"), encoding="utf-8")
    (folder / "twice.md").write_text(hostile_text(probe.path, duplicated=True), encoding="utf-8")
    broken = hostile_text(probe.path).replace("\nmodel:", f"\n<img src={probe.path}>\nmodel:", 1)
    (folder / "broken.md").write_text(broken, encoding="utf-8")
    return folder


def test_editor_window_shows_file_markup_as_text(qtbot, tmp_path, probe, hostile_folder, dialogs):
    from PySide6.QtCore import QSettings

    marker = str(probe.path)
    window = MainWindow(dialogs=dialogs, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.claude_view.show()  # How Claude sees it: built when first shown, then walked too
    assert window.open_paths([hostile_folder])
    qtbot.waitUntil(lambda: window.library.list.model().rowCount() >= 4)
    seen: list[str] = []
    for name in ("hostile.md", "<b>b<img src=probe>.md", "twice.md", "broken.md"):
        assert window.open_file(hostile_folder / name)
        assert window.form.banner.isVisible() == (name == "broken.md")
        # an edit, then a change by another program: the window's banner names the file
        window.current.set_body(window.current.body + "edited\n")
        if name != "broken.md":  # an edit of a key names the key in Undo
            window.current.set_field(f"<img src={marker}>", "edited")
        (hostile_folder / name).write_text(hostile_text(probe.path, variant="X"), encoding="utf-8")
        qtbot.waitUntil(window.banner.isVisible)
        QApplication.processEvents()
        bad, plain = walk([window], marker)
        assert not bad, "\n".join([name, *sorted(set(b.split(":")[0] for b in bad))])
        seen += plain
        window.current.undo_stack.setClean()
        dialogs.save_choice = SaveChoice.DISCARD
    assert any("problemText" in where for where in seen)  # the hostile values are shown, as text
    assert any("problemsPanel" in where or "QTreeWidget" in where for where in seen)
    assert any("agentList" in where for where in seen)
    assert any("QTreeWidget(claudeTools)" in where or "claudeView" in where for where in seen)
    assert probe.stop() == 0
    window.close()


def test_compare_window_shows_file_markup_as_text(qtbot, probe, hostile_folder, dialogs):
    marker = str(probe.path)
    dialogs.save_choice = SaveChoice.DISCARD
    paths = [hostile_folder / "hostile.md", hostile_folder / "<b>b<img src=probe>.md"]
    (hostile_folder / "c.md").write_text(hostile_text(probe.path, variant="C"), encoding="utf-8")
    for files in (paths, [*paths, hostile_folder / "c.md"]):
        window = CompareWindow.from_paths(files, dialogs=dialogs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.session.comparison is not None)
        if len(files) > 2:
            qtbot.waitUntil(lambda: window.overview.fields.rowCount() > 0)
        else:  # carried across, a key is named in Undo
            with qtbot.waitSignal(window.comparison_updated):
                window.fields.copy_requested.emit(f"<img src={marker}>", Side.B)
            assert marker in window.undo_action.text()
        QApplication.processEvents()
        bad, plain = walk([window], marker)
        assert not bad, "\n".join(sorted(set(b.split(":")[0] for b in bad)))
        assert any("fieldTable" in where for where in plain)
        assert any("sectionNotes" in where for where in plain)
        if len(files) > 2:
            assert any("overviewFields" in where for where in plain)
        window.close()
    assert probe.stop() == 0


@pytest.mark.parametrize("ask", ["show_error", "ask_save_changes", "ask_overwrite_changed_file",
                                 "ask_trash_with_changes", "ask_agent_name", "ask_review_recovered",
                                 "ask_discard_recovered", "ask_save_anyway", "ask_version", "ask_version_none"])
def test_dialogs_show_file_text_as_text(qtbot, probe, ask):
    marker = str(probe.path)
    hostile = f"<img src={marker}> <a href='{marker}'>x</a>"
    parent = QWidget()
    qtbot.addWidget(parent)
    found: list[tuple[list[str], list[str]]] = []

    def inspect_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QDialog):
            QTimer.singleShot(10, inspect_and_close)
            return
        try:
            found.append(walk([box], marker))
        finally:
            box.reject()

    QTimer.singleShot(0, inspect_and_close)
    dialogs = Dialogs(parent)
    if ask == "show_error":
        dialogs.show_error(hostile, hostile)
    elif ask == "ask_save_changes":
        assert dialogs.ask_save_changes(hostile) is SaveChoice.CANCEL
    elif ask == "ask_overwrite_changed_file":
        assert dialogs.ask_overwrite_changed_file(hostile, deleted=False) is False
    elif ask == "ask_trash_with_changes":
        assert dialogs.ask_trash_with_changes(hostile) is False
    elif ask == "ask_agent_name":
        assert dialogs.ask_agent_name("Rename agent", f"New name for “{hostile}”:", hostile) is None
    elif ask == "ask_review_recovered":
        assert dialogs.ask_review_recovered([hostile, hostile]) is False
    elif ask == "ask_discard_recovered":
        assert dialogs.ask_discard_recovered(hostile) is False
    elif ask == "ask_save_anyway":
        assert dialogs.ask_save_anyway(hostile, hostile) is False
    else:
        assert dialogs.ask_version(hostile, [hostile] if ask == "ask_version" else []) is None
    [(bad, plain)] = found
    assert bad == []
    assert plain  # the message is shown, as text
    assert probe.stop() == 0
