"""The read-only rendered preview of an agent file's body.

Owns how rendered HTML is shown: the preview stylesheet (in the look's light or dark
colours, redrawn when they change), keeping the reader's scroll
position across re-renders, refusing to load any resource, and handing clicked links
to an opener instead of navigating. Turning Markdown into HTML is
``agent_editor.agentfile.rendering``'s job.

A new rendering replaces only the parts of the document that changed (the renderer
cuts a body into parts; see ``PART_BREAK``), a few parts at a time with a time budget
for each turn of the event loop, so neither a keystroke in a long body nor a first
look at a huge one holds the window for long.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from agent_editor.agentfile.rendering import PART_BREAK, preview_pieces
from agent_editor.app.look.look import look

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
PAGE_MARGIN = 18
LIST_INDENT = 28

# Qt pads and borders only table cells, so code blocks and quotes go in a one-cell
# table each to look like blocks (preview.css styles table.code-block, table.quote).
# (A long block's runs, ``<pre class="run">`` without ``<code>``, stay as they are: see
# ``preview_pieces``.)
_QT_BLOCK_WRAPPERS = (
    # Python-Markdown ends code with a newline, which Qt would show as an empty line.
    ("\n</code></pre>", "</code></pre>"),
    ("<pre>", '<table class="code-block" width="100%" cellspacing="0"><tr><td><pre>'),
    ("</code></pre>", "</code></pre></td></tr></table>"),
    ("<blockquote>", '<table class="quote" width="100%" cellspacing="0"><tr><td>'),
    ("</blockquote>", "</td></tr></table>"),
)


# Each turn of the event loop puts parts in place for at most about this long (at least
# one part: putting one in costs up to about 10 ms, for a long code block).
SLICE_SECONDS = 0.008

# Qt copies the format of a fragment's first block only when it goes in at position 0;
# elsewhere that block merges into the block at the cursor. So every part but the first
# starts with an empty paragraph, which merges into the end of the part before it
# (adding nothing), and the part's own first block follows with its own format.
_PART_LEAD = '<p style="-qt-paragraph-type:empty"><br /></p>'


def adapt_for_qt(fragment: str) -> str:
    """Rewrite the few constructs Qt's rich text engine cannot style as they are."""
    for old, new in _QT_BLOCK_WRAPPERS:
        fragment = fragment.replace(old, new)
    return fragment


@functools.cache
def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def load_preview_css() -> str:
    """The preview stylesheet in the look's colours now."""
    return look().preview_stylesheet()


class PreviewView(QTextBrowser):
    """Shows HTML fragments from ``render_markdown`` with the preview stylesheet.

    Clicked http, https and mailto links are emitted as ``link_activated`` and passed
    to ``opener`` (the desktop's default handler unless another is injected); in-page
    anchors scroll; anything else is ignored.
    """

    link_activated = Signal(QUrl)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        opener: Callable[[QUrl], object] | None = None,
        css: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener if opener is not None else QDesktopServices.openUrl
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Preview"))
        self.setAccessibleDescription(self.tr("The instructions as they read when formatted. Read only; "
                                              "Tab moves through its links."))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(load_preview_css() if css is None else css)
        if css is None:
            look().colours_changed.connect(self._on_look_colours_changed)
        # Qt ignores margins on <body>; the page margin is the document's.
        self.document().setDocumentMargin(PAGE_MARGIN)
        self.document().setIndentWidth(LIST_INDENT)
        self.anchorClicked.connect(self._on_anchor_clicked)
        # The document keeps no undo history: parts are replaced all the time.
        self.document().setUndoRedoEnabled(False)
        self._wanted_scroll: int | None = None
        self.verticalScrollBar().rangeChanged.connect(self._on_vertical_range_changed)
        self.verticalScrollBar().actionTriggered.connect(self._on_vertical_action_triggered)
        self._shown: list[str] = []  # the parts in the document, in order (as rendered)
        self._lengths: list[int] = []  # how many characters of the document each part takes
        self._target: list[str] = []  # the parts to show
        # The pieces of each part of the last fragment: a new rendering of a long body
        # repeats almost all of its parts, and cutting them again took milliseconds.
        self._pieces_of: dict[str, list[str]] = {}
        self._slice_timer = QTimer(self, singleShot=True, interval=0)
        self._slice_timer.timeout.connect(self._show_some)

    def show_html(self, fragment: str, *, keep_position: bool = True) -> None:
        """Show an HTML fragment from the renderer, leaving the reader where they were.

        Only the parts that differ from what is shown are replaced: at once when that
        is quick, else over the next turns of the event loop (``is_showing``).
        The absolute scroll offset is kept (clamped to the new length), so an edit
        above the visible part moves the text by only as much as it changed.
        Pass ``keep_position=False`` for a different file, to start at the top.
        """
        horizontal = self.horizontalScrollBar()
        old_horizontal = horizontal.value()
        if not keep_position or self.document().characterCount() != sum(self._lengths) + 1:
            # A different file, or the document was set some other way: start afresh.
            self.document().clear()
            self._shown, self._lengths = [], []
            self._wanted_scroll = None
            self.verticalScrollBar().setValue(0)
        elif self._wanted_scroll is None:
            self._wanted_scroll = self.verticalScrollBar().value()
        pieces_of: dict[str, list[str]] = {}
        target: list[str] = []
        for part in fragment.split(PART_BREAK):
            if part and not part.isspace():
                pieces = pieces_of[part] = self._pieces_of.get(part) or preview_pieces(part)
                target.extend(pieces)
        self._pieces_of, self._target = pieces_of, target
        self._show_some()
        if keep_position:
            horizontal.setValue(old_horizontal)

    def _on_look_colours_changed(self) -> None:
        # A default stylesheet applies when HTML goes in, so every part goes in again.
        self.document().setDefaultStyleSheet(load_preview_css())
        if self._wanted_scroll is None:
            self._wanted_scroll = self.verticalScrollBar().value()
        self.document().clear()
        self._shown, self._lengths = [], []
        self._show_some()

    def is_showing(self) -> bool:
        """Whether parts of the last fragment are still to be put in place."""
        return self._slice_timer.isActive()

    def _show_some(self) -> None:
        """Replace differing parts, one at a time, until done or the time budget is spent."""
        deadline = time.perf_counter() + SLICE_SECONDS
        shown, target, lengths = self._shown, self._target, self._lengths
        if not target:
            if shown:
                self.document().clear()
                shown.clear()
                lengths.clear()
            self._restore_scroll()
            return
        same = min(len(shown), len(target))
        first = 0
        while first < same and shown[first] == target[first]:
            first += 1
        tail = 0  # parts equal at the end, which stay where they are
        while tail < same - first and shown[-1 - tail] == target[-1 - tail]:
            tail += 1
        start = sum(lengths[:first])
        last = 0.0  # what the last part took: the next is not begun unless as much time is left
        while True:
            old_end, new_end = len(shown) - tail, len(target) - tail
            if first >= old_end and first >= new_end:
                break
            began = time.perf_counter()
            if last and began + last > deadline:
                self._slice_timer.start()
                break
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()  # one layout pass per part
            if first < new_end:
                self._put_part(cursor, first, start, replace=first < old_end)
                start += lengths[first]
                first += 1
            else:
                self._drop_part(cursor, first, start)
            cursor.endEditBlock()
            last = max(time.perf_counter() - began, 1e-6)
        self._restore_scroll()

    def _put_part(self, cursor: QTextCursor, index: int, start: int, *, replace: bool) -> None:
        """Make part ``index`` (at ``start`` in the document) the target's."""
        shown, lengths, new = self._shown, self._lengths, self._target[index]
        if replace:
            self._remove_part(cursor, index, start)
            lengths[index] = self._insert(cursor, start, new, first=index == 0)
            shown[index] = new
        elif index == 0 and shown:
            # A new first part: the old first part goes back in after it, so that
            # each keeps the format of its first block.
            self._remove(cursor, 0, lengths[0])
            length = self._insert(cursor, 0, new, first=True)
            lengths[0] = self._insert(cursor, length, shown[0], first=False)
            shown.insert(0, new)
            lengths.insert(0, length)
        else:
            lengths.insert(index, self._insert(cursor, start, new, first=index == 0))
            shown.insert(index, new)

    def _drop_part(self, cursor: QTextCursor, index: int, start: int) -> None:
        """Remove part ``index``, which the target no longer has (a part follows it)."""
        shown, lengths = self._shown, self._lengths
        if index == 0:
            # The next part becomes the first: it goes in again at 0 to keep its format.
            self._remove(cursor, 0, lengths[0] + lengths[1])
            lengths[1] = self._insert(cursor, 0, shown[1], first=True)
        else:
            self._remove_part(cursor, index, start)
        del shown[index], lengths[index]

    def _remove_part(self, cursor: QTextCursor, index: int, start: int) -> None:
        """Take part ``index``'s text out of the document, leaving its neighbours' formats."""
        if index == 0:
            self._remove(cursor, 0, self._lengths[0])  # the first block's formats are reset on insert
            return
        # The part runs from the separator that ends the block above it. When Qt removes
        # that separator, the block above takes the formats of the part's last block:
        # they are put back as they were.
        above = self.document().findBlock(start)
        block_format, char_format, text_list = above.blockFormat(), above.charFormat(), above.textList()
        self._remove(cursor, start, self._lengths[index])
        above = self.document().findBlock(start)
        if above.textList() is not None and above.textList() != text_list:
            above.textList().remove(above)
        if text_list is not None and above.textList() is None:
            text_list.add(above)
        cursor.setPosition(start)
        cursor.setBlockFormat(block_format)
        cursor.setBlockCharFormat(char_format)

    @staticmethod
    def _remove(cursor: QTextCursor, start: int, length: int) -> None:
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def _insert(self, cursor: QTextCursor, at: int, part: str, *, first: bool) -> int:
        """Insert ``part`` at ``at``; returns how many characters it added."""
        before = self.document().characterCount()
        cursor.setPosition(at)
        if first:
            # What is left of the first block keeps its old formats when the part
            # starts with a table (an empty block before it): clear them.
            block = cursor.block()
            if block.textList() is not None:
                block.textList().remove(block)
            cursor.setBlockFormat(QTextBlockFormat())
            cursor.setBlockCharFormat(QTextCharFormat())
        cursor.insertHtml(adapt_for_qt(part) if first else _PART_LEAD + adapt_for_qt(part))
        if first and part.startswith("<hr") and self.document().firstBlock().length() == 1:
            # Inserted, a rule brings an empty block above it that a whole document
            # would not have; without its separator the block becomes the rule.
            self._remove(cursor, 0, 1)
        return self.document().characterCount() - before

    def _restore_scroll(self) -> None:
        # The document lays itself out a piece at a time, so the scroll range may still
        # be short: the wanted position is applied again each time the range grows,
        # instead of forcing the whole layout at once (tens of ms on a 64 KB body).
        if self._wanted_scroll is None:
            return
        bar = self.verticalScrollBar()
        bar.setValue(min(self._wanted_scroll, bar.maximum()))
        # While parts are still going in, the document may shrink for a moment.
        if bar.maximum() >= self._wanted_scroll and not self._slice_timer.isActive():
            self._wanted_scroll = None

    def _on_vertical_range_changed(self, _minimum: int, _maximum: int) -> None:
        self._restore_scroll()

    def _on_vertical_action_triggered(self, _action: int) -> None:
        self._wanted_scroll = None  # the reader scrolled: their place wins

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:
        # Nothing the preview shows needs an external resource (images are placeholders
        # and the stylesheet is set directly), so none is loaded, whatever HTML ends up
        # here. The answer must not be empty: on an empty one QTextDocument reads local
        # files itself, and the image handler then tries the file name directly.
        if resource_type == QTextDocument.ResourceType.ImageResource:
            return _blank_image()
        if resource_type == QTextDocument.ResourceType.StyleSheetResource:
            return ""
        return QByteArray()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in OPENABLE_SCHEMES:
            self.link_activated.emit(url)
            self._opener(url)
        elif not url.scheme() and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
