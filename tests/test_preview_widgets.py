"""The preview, the Markdown highlighter and the find bar, driven as a user would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPixmap, QTextCharFormat, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QTextEdit, QVBoxLayout, QWidget  # noqa: E402

from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.agentfile.rendering import render_markdown  # noqa: E402
from agent_editor.app.editor.find_bar import FindReplaceBar  # noqa: E402
from agent_editor.app.editor.highlighter import MarkdownHighlighter  # noqa: E402
from agent_editor.app.editor.preview import PreviewView  # noqa: E402


from conftest import SHARED  # noqa: E402
SEEDS = {path.name[:3]: path for path in sorted((SHARED / "seeds").glob("*.txt"))}


def body_of(text: str) -> str:
    """The Markdown after the header, as the editor itself splits it."""
    return AgentDocument.parse(text).body


def seed_body(prefix: str) -> str:
    return body_of(SEEDS[prefix].read_text(encoding="utf-8"))


# PreviewView


@pytest.fixture
def opened() -> list[QUrl]:
    return []


@pytest.fixture
def preview(qtbot, opened) -> PreviewView:
    view = PreviewView(opener=opened.append)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_preview_uses_the_preview_stylesheet(preview):
    assert "table.code-block" in preview.document().defaultStyleSheet()
    preview.show_html(render_markdown("```\ncode\n```\n\n> quoted"))
    assert preview.toPlainText().split() == ["code", "quoted"]
    # Code blocks and quotes are wrapped in one-cell tables so Qt can pad them.
    assert preview.document().rootFrame().childFrames()


def test_preview_keeps_scroll_position_when_content_is_re_set(preview):
    body = seed_body("000")
    preview.show_html(render_markdown(body))
    scroll = preview.verticalScrollBar()
    assert scroll.maximum() > 600
    scroll.setValue(600)

    # An edit near the end, as while typing: the reader stays where they were.
    preview.show_html(render_markdown(body + "\nOne more line.\n"))
    assert scroll.value() == 600
    # And an edit above the visible part.
    preview.show_html(render_markdown(body.replace("scalable", "scalable and fast", 1)))
    assert scroll.value() == 600


def test_preview_clamps_position_when_content_shrinks_and_can_start_at_top(preview):
    preview.show_html(render_markdown(seed_body("000")))
    scroll = preview.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    preview.show_html(render_markdown("# Short\n\nNow the body is short.\n" * 3))
    assert scroll.value() == scroll.maximum()

    preview.show_html(render_markdown(seed_body("000")))
    scroll.setValue(500)
    preview.show_html(render_markdown(seed_body("004")), keep_position=False)
    assert scroll.value() == 0


def test_preview_never_loads_resources(preview, tmp_path, monkeypatch):
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image_path = tmp_path / "pixel.png"
    assert image.save(str(image_path))
    local = QUrl.fromLocalFile(str(image_path))
    remote = QUrl("https://tracker.example/p.png")
    html = (f'<p>x <img src="{local.toString()}"> <img src="{image_path}"> '
            f'<img src="{remote.toString()}"></p>')

    # A plain QTextBrowser reads the local file: the comparison makes the test mean something.
    plain = QTextBrowser()
    plain.setHtml(html)
    plain.grab()
    assert _image_size(plain.document().resource(QTextDocument.ResourceType.ImageResource, local)) == (8, 8)

    asked = []
    load = preview.loadResource
    monkeypatch.setattr(preview, "loadResource", lambda kind, url: asked.append(url) or load(kind, url))
    preview.setHtml(html)
    preview.grab()
    assert local in asked and remote in asked
    for url in (local, QUrl(str(image_path)), remote):
        held = preview.document().resource(QTextDocument.ResourceType.ImageResource, url)
        assert _image_size(held) == (1, 1), url  # the blank stand-in, not the file
    for url in (local, remote, QUrl("http://example.com/a.css")):
        assert _image_size(preview.loadResource(QTextDocument.ResourceType.ImageResource, url)) == (1, 1)
        assert preview.loadResource(QTextDocument.ResourceType.StyleSheetResource, url) == ""


def _image_size(resource) -> tuple[int, int] | None:
    if resource is None:
        return None
    if isinstance(resource, (QImage, QPixmap)):
        return resource.width(), resource.height()
    image = QImage()
    return (image.width(), image.height()) if image.loadFromData(resource) else None


def _anchor_point(view: QTextBrowser, href: str) -> QPoint:
    """Where on the viewport the link to ``href`` is drawn."""
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = view.textCursor()
                cursor.setPosition(fragment.position() + 1)
                return view.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


@pytest.mark.parametrize("href", ["https://example.com/docs", "mailto:team@example.com"])
def test_clicked_link_goes_to_the_opener_not_navigation(qtbot, preview, opened, href):
    preview.show_html(render_markdown(f"Read [the docs]({href}) first."))
    before = preview.toPlainText()
    with qtbot.waitSignal(preview.link_activated) as signal:
        qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=_anchor_point(preview, href))
    assert signal.args[0] == QUrl(href)
    assert opened == [QUrl(href)]
    assert preview.source().isEmpty()
    assert preview.toPlainText() == before


def test_unsafe_link_is_not_opened(qtbot, preview, opened):
    # The renderer drops such targets; this checks the view's own guard with raw HTML.
    preview.setHtml('<p>A <a href="file:///etc/passwd">local file</a> link</p>')
    with qtbot.assertNotEmitted(preview.link_activated):
        qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton,
                         pos=_anchor_point(preview, "file:///etc/passwd"))
    assert opened == []
    assert preview.source().isEmpty()
    assert "local file" in preview.toPlainText()


# MarkdownHighlighter


@pytest.fixture
def highlighted(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = MarkdownHighlighter(editor.document(), dark=False)
    return editor, highlighter


def _formats(editor: QPlainTextEdit, line: int):
    block = editor.document().findBlockByNumber(line)
    # Copies: a format range's format dies with the list Qt handed over.
    return block, [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def _line_of(editor: QPlainTextEdit, text: str) -> int:
    lines = editor.toPlainText().split("\n")
    return next(i for i, line in enumerate(lines) if line == text)


def test_highlighter_formats_headings_and_fenced_blocks_of_a_seed(highlighted):
    editor, highlighter = highlighted
    editor.setPlainText(seed_body("003"))

    heading = _line_of(editor, "# Backend Architect")
    block, formats = _formats(editor, heading)
    assert [(start, length) for start, length, _ in formats] == [(0, block.length() - 1)]
    assert formats[0][2].fontWeight() == QFont.Weight.Bold
    assert formats[0][2].foreground().color() == highlighter.heading_format.foreground().color()

    lines = editor.toPlainText().split("\n")
    opening = next(i for i, line in enumerate(lines) if line.startswith("```"))
    closing = next(i for i in range(opening + 1, len(lines)) if lines[i].startswith("```"))
    assert closing > opening + 1
    code_color = highlighter.code_format.foreground().color()
    for line in range(opening + 1, closing):
        block, formats = _formats(editor, line)
        assert block.userState() >= 0  # inside the fence
        if block.length() > 1:
            assert formats[0][:2] == (0, block.length() - 1)
            assert formats[0][2].foreground().color() == code_color
    after, _ = _formats(editor, closing)
    assert after.userState() == -1
    # A heading after the block is a heading again, not code.
    later = next(i for i in range(closing, len(lines)) if lines[i].startswith("## "))
    _, formats = _formats(editor, later)
    assert formats[0][2].foreground().color() == highlighter.heading_format.foreground().color()


def test_highlighter_inline_rules(highlighted):
    editor, highlighter = highlighted
    editor.setPlainText("- **Bold** `co*de*` <example> [link](https://x.example) *it*\n---\n> quote")
    _, formats = _formats(editor, 0)
    by_start = {start: (length, fmt) for start, length, fmt in formats}
    text = editor.document().firstBlock().text()
    assert by_start[0][1].foreground().color() == highlighter.marker_format.foreground().color()
    assert by_start[text.index("**Bold**")][0] == len("**Bold**")
    assert by_start[text.index("**Bold**")][1].fontWeight() == QFont.Weight.Bold
    # Emphasis markers inside inline code are code, not italic.
    assert by_start[text.index("`co*de*`")] == (len("`co*de*`"), by_start[text.index("`co*de*`")][1])
    assert not by_start[text.index("`co*de*`")][1].fontItalic()
    assert by_start[text.index("<example>")][1].foreground().color() == \
        highlighter.tag_format.foreground().color()
    assert by_start[text.index("link")][0] == len("link")
    assert by_start[text.index("*it*")][1].fontItalic()
    _, rule = _formats(editor, 1)
    assert rule[0][2].foreground().color() == highlighter.rule_format.foreground().color()
    _, quote = _formats(editor, 2)
    assert quote[0][2].fontItalic()


def test_highlighter_positions_after_an_emoji(highlighted):
    # Qt counts UTF-16 units; a rocket is two of them.
    editor, _ = highlighted
    editor.setPlainText("Launch 🚀 **now**")
    _, formats = _formats(editor, 0)
    assert [(start, length) for start, length, _ in formats] == [(10, 7)]


def test_highlighter_fence_needs_a_long_enough_closing_fence(highlighted):
    editor, _ = highlighted
    editor.setPlainText("````\n```\nstill code\n````\n# heading")
    states = [editor.document().findBlockByNumber(i).userState() for i in range(5)]
    assert states[0] >= 0 and states[1] >= 0 and states[2] >= 0
    assert states[3] == -1 and states[4] == -1


# FindReplaceBar


@pytest.fixture
def find_setup(qtbot):
    window = QWidget()
    editor = QPlainTextEdit()
    editor.setPlainText(seed_body("000"))
    bar = FindReplaceBar(editor)
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(bar)
    bar.install_actions(window)
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, editor, bar


def _positions(text: str, word: str) -> list[int]:
    lowered, word = text.lower(), word.lower()
    positions, start = [], lowered.find(word)
    while start != -1:
        positions.append(start)
        start = lowered.find(word, start + 1)
    return positions


def test_find_bar_counts_and_walks_matches_with_wrap_around(qtbot, find_setup):
    _, editor, bar = find_setup
    text = editor.toPlainText()
    assert text.isascii()  # Python positions equal Qt positions
    positions = _positions(text, "Supabase")
    assert len(positions) > 3

    bar.show_find()
    qtbot.keyClicks(bar.find_field, "supabase")
    assert bar.match_count() == len(positions)
    assert editor.textCursor().selectionStart() == positions[0]
    assert bar.count_label.text() == f"1 of {len(positions)}"

    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() == positions[1]
    assert bar.count_label.text() == f"2 of {len(positions)}"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    # Wrapped from the first match to the last.
    assert editor.textCursor().selectionStart() == positions[-1]
    assert bar.count_label.text() == f"{len(positions)} of {len(positions)}"
    assert bar.find_next()
    assert editor.textCursor().selectionStart() == positions[0]


def test_find_bar_match_case(qtbot, find_setup):
    _, editor, bar = find_setup
    text = editor.toPlainText()
    bar.show_find()
    qtbot.keyClicks(bar.find_field, "api")
    assert bar.match_count() == text.lower().count("api")
    bar.match_case_box.setChecked(True)
    assert bar.match_count() == text.count("api") < text.lower().count("api")
    bar.find_field.setText("no such words here")
    bar.find_field.textEdited.emit(bar.find_field.text())
    assert bar.match_count() == 0
    assert bar.count_label.text() == "No results"
    assert not bar.find_next()


def test_find_bar_highlights_matches_and_keeps_other_extra_selections(qtbot, find_setup):
    _, editor, bar = find_setup
    mine = QTextEdit.ExtraSelection()
    mine.cursor = editor.textCursor()
    editor.setExtraSelections([mine])
    bar.show_find()
    qtbot.keyClicks(bar.find_field, "Supabase")
    assert len(editor.extraSelections()) == 1 + bar.match_count()
    bar.close_bar()
    assert len(editor.extraSelections()) == 1


def test_replace_all_is_one_undo_step(qtbot, find_setup):
    _, editor, bar = find_setup
    original = editor.toPlainText()
    count = len(_positions(original, "supabase"))
    assert not editor.document().isUndoAvailable()

    bar.show_replace()
    assert bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "Supabase")
    qtbot.keyClicks(bar.replace_field, "Supabase Cloud")
    assert bar.replace_all() == count
    changed = editor.toPlainText()
    assert changed.count("Supabase Cloud") == count

    editor.undo()
    assert editor.toPlainText() == original
    assert not editor.document().isUndoAvailable()
    editor.redo()
    assert editor.toPlainText() == changed


def test_replace_current_replaces_the_selected_match_then_moves_on(qtbot, find_setup):
    _, editor, bar = find_setup
    original = editor.toPlainText()
    positions = _positions(original, "Supabase")
    bar.show_replace()
    qtbot.keyClicks(bar.find_field, "Supabase")
    qtbot.keyClicks(bar.replace_field, "Neon")
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)
    text = editor.toPlainText()
    assert text[positions[0]:positions[0] + 4] == "Neon"
    assert text.count("Neon") == 1
    # The next match is selected, ready for the next replace.
    assert editor.textCursor().selectedText() == "Supabase"
    assert bar.match_count() == len(positions) - 1


def test_escape_closes_the_bar_and_returns_focus(qtbot, find_setup):
    _, editor, bar = find_setup
    bar.show_find()
    qtbot.waitUntil(bar.find_field.hasFocus)
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    qtbot.waitUntil(editor.hasFocus)


def test_find_actions_open_the_bar_with_the_selection(qtbot, find_setup):
    window, editor, bar = find_setup
    assert bar.find_action in window.actions()
    assert bar.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert bar.find_next_action.shortcut() == QKeySequence(QKeySequence.StandardKey.FindNext)
    assert not bar.replace_action.shortcut().isEmpty()

    cursor = editor.textCursor()
    start = editor.toPlainText().index("PostgreSQL")
    cursor.setPosition(start)
    cursor.setPosition(start + len("PostgreSQL"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.find_action.trigger()
    assert bar.isVisible() and not bar.replace_field.isVisible()
    assert bar.find_field.text() == "PostgreSQL"
    assert bar.match_count() == editor.toPlainText().lower().count("postgresql")
    bar.replace_action.trigger()
    assert bar.replace_field.isVisible()
