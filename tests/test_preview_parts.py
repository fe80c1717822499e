"""The preview updates only the parts that changed, in slices, and ends up as a full render would.

The property at the heart of it: after any sequence of edits, the preview's document is
the same (block by block: text, block and character formats, lists, tables) as a
document built afresh from the final body, and as Qt's own ``setHtml`` of the whole
fragment. Plus: large bodies render in the worker, hostile ones degrade to plain text
with a note, and the reader's scroll position is kept.
"""

from __future__ import annotations

import functools
import os
import random
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat  # noqa: E402

from agent_editor.agentfile import rendering  # noqa: E402
from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.agentfile.rendering import PART_BREAK, preview_pieces, render_markdown, render_parts  # noqa: E402
from agent_editor.app.editor.preview import PreviewView, adapt_for_qt  # noqa: E402
from agent_editor.app.open_document import OpenDocument  # noqa: E402
from conftest import corpus_files, seed_files  # noqa: E402


def body_of(path: Path) -> str:
    return AgentDocument.parse(path.read_text(encoding="utf-8")).body


def fragment(body: str) -> str:
    return PART_BREAK.join(render_parts(body))


# ----- comparing documents ----------------------------------------------------------------

def _format(fmt) -> QTextFormat:
    # The object index is an internal number (which list a block is in): lists are
    # compared by their order of appearance below.
    copy = QTextFormat(fmt)
    copy.clearProperty(QTextFormat.Property.ObjectIndex)
    return copy


def signature(document: QTextDocument) -> list[tuple]:
    """What a reader sees of a document, block by block."""
    blocks, lists = [], {}
    root = document.rootFrame()
    block = document.begin()
    while block.isValid():
        fragments = []
        iterator = block.begin()
        while not iterator.atEnd():
            piece = iterator.fragment()
            fragments.append((piece.text(), _format(piece.charFormat())))
            iterator += 1
        text_list = block.textList()
        listed = None
        if text_list is not None:
            listed = (lists.setdefault(text_list.objectIndex(), len(lists)), _format(text_list.format()),
                      text_list.itemNumber(block), text_list.count())
        cell = None
        cursor = QTextCursor(block)
        table = cursor.currentTable() if cursor.currentFrame() is not root else None
        if table is not None:
            at = table.cellAt(cursor)
            cell = (at.row(), at.column(), table.rows(), table.columns(), _format(table.format()))
        blocks.append((block.text(), _format(block.blockFormat()), _format(block.charFormat()), listed, cell,
                       tuple(fragments)))
        block = block.next()
    return blocks


def _first_difference(a: list, b: list) -> str:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"block {index} ({x[0][:60]!r}): {[i for i, (p, q) in enumerate(zip(x, y)) if p != q]} differ"
    return f"{len(a)} blocks against {len(b)}"


@pytest.fixture
def make_view(qtbot):
    def make() -> PreviewView:
        view = PreviewView(opener=lambda url: None)
        qtbot.addWidget(view)
        view.resize(520, 400)
        view.show()
        return view
    return make


def shown(qtbot, view: PreviewView, text: str) -> None:
    view.show_html(text)
    qtbot.waitUntil(lambda: not view.is_showing(), timeout=10_000)


def whole(view: PreviewView, text: str) -> QTextDocument:
    """Qt's own rendering of the whole fragment, as the preview used to show it."""
    document = QTextDocument()
    document.setDefaultStyleSheet(view.document().defaultStyleSheet())
    document.setDocumentMargin(view.document().documentMargin())
    document.setIndentWidth(view.document().indentWidth())
    pieces = [piece for part in text.split(PART_BREAK) if part.strip() for piece in preview_pieces(part)]
    document.setHtml(adapt_for_qt("\n".join(pieces)))
    return document


# ----- the property -----------------------------------------------------------------------

_SNIPPETS = ["# Title", "## Section", "- item", "1. first", "```", "```python", "text line", "", "  indented",
             "| a | b |", "|---|---|", "---", "> quoted", "<example>", "***", "    code"]


def _edit(rnd: random.Random, body: str, sources: list[str]) -> str:
    lines = body.split("\n")
    kind = rnd.randrange(7)
    if kind == 0 and lines:
        index = rnd.randrange(len(lines))
        lines[index] += rnd.choice([" edited", "x", " **bold**", " `code`"])
    elif kind == 1 and len(lines) > 2:
        index = rnd.randrange(len(lines))
        del lines[index:index + rnd.randrange(1, 15)]
    elif kind == 2:
        source = rnd.choice(sources).split("\n")
        index = rnd.randrange(len(source))
        at = rnd.randrange(len(lines) + 1)
        lines[at:at] = source[index:index + rnd.randrange(1, 30)]
    elif kind == 3:
        lines = rnd.choice(sources).split("\n")
    elif kind == 4:
        at = rnd.choice([0, 1, 2, len(lines)])
        lines[at:at] = [rnd.choice(_SNIPPETS)]
    elif kind == 5:
        lines = lines[:rnd.randrange(len(lines) + 1)]
    else:
        lines = lines[rnd.randrange(len(lines) + 1):]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(3))
def test_preview_after_random_edits_equals_a_full_render(qtbot, make_view, seed):
    paths = seed_files() + corpus_files()[seed::60]
    sources = [body_of(path) for path in paths]
    rnd = random.Random(seed)
    view = make_view()
    body = sources[seed]
    for step in range(35):
        body = _edit(rnd, body, sources)
        text = fragment(body)
        shown(qtbot, view, text)
        fresh = make_view()
        shown(qtbot, fresh, text)
        got, fresh_signature = signature(view.document()), signature(fresh.document())
        assert got == fresh_signature, f"step {step}: {_first_difference(got, fresh_signature)}"
        full = signature(whole(view, text))
        assert got == full, f"step {step}: {_first_difference(got, full)}"
        fresh.deleteLater()


_KINDS = {"p": "Para text", "h": "# Head", "l": "- item\n- two", "o": "3. three\n4. four", "c": "```\ncode\n```",
          "q": "> quote", "r": "---", "t": "| a | b |\n|---|---|\n| x | y |"}


def test_every_change_between_short_part_lists_keeps_formats(qtbot, make_view):
    # The edges: a new first part, the first part gone, a part next to a table, a list or a rule.
    rnd = random.Random(5)
    view = make_view()
    for _ in range(250):
        parts = [_KINDS[rnd.choice("phloqcrt")] for _ in range(rnd.randrange(4))]
        text = PART_BREAK.join(render_markdown(part) for part in parts)
        shown(qtbot, view, text)
        assert signature(view.document()) == signature(whole(view, text)), parts


def test_a_keystroke_replaces_one_part_and_leaves_the_others(qtbot, make_view):
    body = body_of(max(seed_files(), key=lambda p: p.stat().st_size))
    view = make_view()
    shown(qtbot, view, fragment(body))
    before = list(view._shown)
    edited = body.replace("scalab", "SCALAB", 1)
    assert edited != body
    shown(qtbot, view, fragment(edited))
    changed = [index for index, (a, b) in enumerate(zip(before, view._shown)) if a != b]
    assert len(changed) == 1 and len(view._shown) == len(before)
    assert "SCALAB" in view.toPlainText()


# ----- slices, scrolling ------------------------------------------------------------------

@functools.cache
def _long_body() -> str:
    bodies = sorted((body_of(path) for path in corpus_files()), key=len, reverse=True)
    return "\n\n".join(bodies[:2])


def test_a_large_body_is_shown_over_several_turns_and_completes(qtbot, make_view):
    view = make_view()
    body = _long_body()
    view.show_html(fragment(body))
    assert view.is_showing()  # not all in one go
    assert 0 < len(view._shown) < len(render_parts(body))
    qtbot.waitUntil(lambda: not view.is_showing(), timeout=10_000)
    assert signature(view.document()) == signature(whole(view, fragment(body)))


def test_a_new_rendering_while_slicing_takes_over(qtbot, make_view):
    view = make_view()
    body = _long_body()
    view.show_html(fragment(body))
    edited = body[: len(body) // 3] + "\n\nInserted paragraph.\n\n" + body[len(body) // 3:]
    view.show_html(fragment(edited))
    qtbot.waitUntil(lambda: not view.is_showing(), timeout=10_000)
    assert signature(view.document()) == signature(whole(view, fragment(edited)))


def test_scroll_position_is_kept_while_parts_change_above_and_below(qtbot, make_view):
    view = make_view()
    body = _long_body()
    shown(qtbot, view, fragment(body))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    # Below the visible part: nothing moves.
    shown(qtbot, view, fragment(body + "\n\nA new last paragraph.\n"))
    assert bar.value() == kept
    # Above it: the offset is kept, so the text moves by what changed (a few lines).
    lines = body.split("\n")
    shown(qtbot, view, fragment("\n".join(lines[:5] + ["Inserted line."] + lines[5:])))
    assert bar.value() == kept
    # The last part replaced while the reader is at the very end.
    bar.setValue(bar.maximum())
    end = bar.value()
    shown(qtbot, view, fragment(body + "\n\nThe last paragraph, longer now.\n"))
    assert bar.value() == end


def test_a_different_file_starts_at_the_top(qtbot, make_view):
    view = make_view()
    shown(qtbot, view, fragment(_long_body()))
    view.verticalScrollBar().setValue(2000)
    view.show_html(fragment(body_of(seed_files()[0])), keep_position=False)
    qtbot.waitUntil(lambda: not view.is_showing())
    assert view.verticalScrollBar().value() == 0


# ----- hostile bodies ---------------------------------------------------------------------

def _plain_and_notes(parts: list[str]) -> tuple[list[str], list[str]]:
    return ([p for p in parts if p.startswith('<p class="plain-text">')],
            [p for p in parts if p.startswith('<p class="preview-note">')])


def test_a_very_long_line_is_plain_text_with_a_note_and_stays_escaped():
    line = "<script>alert(1)</script> **bold** " * 1000  # 35 KB on one line
    parts = render_parts(f"Intro.\n\n{line}\n\nAfter.")
    plain, notes = _plain_and_notes(parts)
    assert len(notes) == 1 and "a line of 35,000 characters" in notes[0]
    assert len(plain) > 5  # in pieces, so the preview puts it in place a piece at a time
    assert all(len(p) < 2 * rendering.PLAIN_PIECE_CHARS for p in plain)
    assert "<script" not in "".join(parts) and "&lt;script&gt;" in "".join(plain)
    assert parts[0] == "<p>Intro.</p>" and parts[-1] == "<p>After.</p>"  # the rest is formatted


def test_runs_of_rules_and_long_tables_are_plain_text():
    rules = render_parts("---\n" * 20_000)
    plain, notes = _plain_and_notes(rules)
    assert "20,001 lines" in notes[0] and plain
    table = "| a | b |\n|---|---|\n" + "| x | y |\n" * 20_000
    plain, notes = _plain_and_notes(render_parts(table))
    assert len(notes) == 1 and plain


def test_only_the_first_part_of_a_huge_body_is_previewed():
    body = ("A paragraph of text that goes on. " * 3 + "\n\n") * 100_000  # 10 MB
    parts = render_parts(body)
    text = "".join(parts)
    assert len(text) < 2 * rendering.PREVIEW_LIMIT_CHARS
    assert "The preview ends here" in parts[-1] and f"{len(body) / 1e6:.1f} MB" in parts[-1]


def test_a_line_longer_than_the_preview_is_named_by_its_whole_length():
    body = "# Title\n\n" + "word " * 1_000_000 + "\n\nAfter.\n"  # one line of 5,000,000 characters
    parts = render_parts(body)
    _plain, notes = _plain_and_notes(parts)
    assert any("a line of 5,000,000 characters" in note for note in notes)
    assert "The preview ends here" in parts[-1]


def test_a_long_code_block_is_shown_in_runs_with_every_line_and_blank_line(qtbot, make_view):
    # Blank lines everywhere, at run boundaries too: none may be lost between two runs.
    code = [f"line {i}" if i % 7 else "" for i in range(1, 130)]
    body = "Intro.\n\n```python\n" + "\n".join(code) + "\n```\n\nAfter.\n"
    pieces = [piece for part in render_parts(body) for piece in preview_pieces(part)]
    assert sum(piece.startswith('<pre class="run">') for piece in pieces) >= 3
    view = make_view()
    shown(qtbot, view, fragment(body))
    assert "\n".join(code) in view.toPlainText().replace("\u2029", "\n")
    edited = body.replace("line 64", "line 64 edited")
    before = list(view._shown)
    shown(qtbot, view, fragment(edited))
    assert sum(a != b for a, b in zip(before, view._shown)) == 1  # one run put in again, not the block


def test_chunks_within_the_limits_render_as_before():
    for path in seed_files():
        body = body_of(path)
        assert not _plain_and_notes(render_parts(body))[1]


# ----- the open document: rendering in the worker -------------------------------------------

def test_a_large_body_renders_in_the_worker_and_the_latest_wins(qtbot, tmp_path):
    body = _long_body()
    path = tmp_path / "large.md"
    path.write_text("---\nname: large\ndescription: A large body.\n---\n" + body, encoding="utf-8")
    doc = OpenDocument.open(path)
    got = []
    doc.preview_rendered.connect(got.append)
    doc.render_preview_now()
    assert doc.preview_pending and not got  # not rendered in the window's thread
    doc.set_body(body + "\n\nFirst addition.")
    doc.set_body(body + "\n\nSecond addition.")
    qtbot.waitUntil(lambda: not doc.preview_pending and not doc._preview_timer.isActive(), timeout=10_000)
    assert got and "Second addition." in got[-1]
    assert got[-1] == PART_BREAK.join(render_parts(doc.body))
    doc.deleteLater()


def test_a_small_body_renders_at_once(qtbot, tmp_path):
    doc = OpenDocument.open(seed_files()[0])
    got = []
    doc.preview_rendered.connect(got.append)
    doc.render_preview_now()
    assert got and not doc.preview_pending
    assert got[0].replace(PART_BREAK, "\n") == render_markdown(doc.body)
    doc.deleteLater()


def test_new_colours_put_every_part_in_again_with_the_new_stylesheet(qtbot, make_view):
    view = make_view()
    text = fragment(body_of(seed_files()[3]))
    shown(qtbot, view, text)
    view.verticalScrollBar().setValue(300)
    view._on_look_colours_changed()  # what a change of light and dark does
    qtbot.waitUntil(lambda: not view.is_showing())
    assert signature(view.document()) == signature(whole(view, text))
    assert view.verticalScrollBar().value() == 300


def test_scroll_position_is_kept_through_an_update_in_several_slices(qtbot, make_view):
    view = make_view()
    body = _long_body()
    shown(qtbot, view, fragment(body))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() * 2 // 3)
    kept = bar.value()
    # Most of the body above the reader replaced (its paragraphs in another order),
    # and a long stretch below removed: several turns of the event loop.
    paragraphs = body.split("\n\n")
    third = len(paragraphs) // 3
    edited = "\n\n".join(paragraphs[:third][::-1] + paragraphs[third:2 * third] + paragraphs[-3:])
    view.show_html(fragment(edited))
    assert view.is_showing()
    qtbot.waitUntil(lambda: not view.is_showing(), timeout=10_000)
    assert bar.value() == min(kept, bar.maximum())


def test_the_worker_renders_the_newest_request_and_starts_again_after_a_fork():
    import threading

    from agent_editor.agentfile.rendering import BackgroundRenderer

    renderer = BackgroundRenderer()
    got: list[list[str]] = []
    finished = threading.Event()

    def done(parts):
        got.append(parts)
        finished.set()

    renderer.submit("doc", "# First", done)
    assert finished.wait(10)
    # In a forked child the worker thread of the parent is gone: a new one starts.
    gone = threading.Thread(target=lambda: None)
    gone.start()
    gone.join()
    renderer._thread = gone
    finished.clear()
    renderer.submit("doc", "# Second", done)
    assert finished.wait(10)
    assert got[-1] == ["<h1>Second</h1>"]
    assert renderer._thread is not gone and renderer._thread.is_alive()
