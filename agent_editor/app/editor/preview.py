"""The read-only rendered preview of an agent file's body.

Owns how rendered HTML is shown: the preview stylesheet (in the look's light or dark
colours, redrawn when they change), keeping the reader's scroll
position across re-renders, refusing to load any resource, and handing clicked links
to an opener instead of navigating. Turning Markdown into HTML is
``agent_editor.agentfile.rendering``'s job.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from agent_editor.app.look.look import look

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
PAGE_MARGIN = 18
LIST_INDENT = 28

# Qt pads and borders only table cells, so code blocks and quotes go in a one-cell
# table each to look like blocks (preview.css styles table.code-block, table.quote).
_QT_BLOCK_WRAPPERS = (
    # Python-Markdown ends code with a newline, which Qt would show as an empty line.
    ("\n</code></pre>", "</code></pre>"),
    ("<pre>", '<table class="code-block" width="100%" cellspacing="0"><tr><td><pre>'),
    ("</pre>", "</pre></td></tr></table>"),
    ("<blockquote>", '<table class="quote" width="100%" cellspacing="0"><tr><td>'),
    ("</blockquote>", "</td></tr></table>"),
)


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
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._fragment = ""
        self.document().setDefaultStyleSheet(load_preview_css() if css is None else css)
        if css is None:
            look().colours_changed.connect(self._on_look_colours_changed)
        # Qt ignores margins on <body>; the page margin is the document's.
        self.document().setDocumentMargin(PAGE_MARGIN)
        self.document().setIndentWidth(LIST_INDENT)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._wanted_scroll: int | None = None
        self.verticalScrollBar().rangeChanged.connect(self._on_vertical_range_changed)
        self.verticalScrollBar().actionTriggered.connect(self._on_vertical_action_triggered)

    def show_html(self, fragment: str, *, keep_position: bool = True) -> None:
        """Replace the shown HTML, leaving the reader where they were.

        The absolute scroll offset is kept (clamped to the new length), so an edit
        above the visible part moves the text by only as much as it changed.
        Pass ``keep_position=False`` for a different file, to start at the top.
        """
        vertical = self.verticalScrollBar()
        horizontal = self.horizontalScrollBar()
        old_vertical, old_horizontal = vertical.value(), horizontal.value()
        self._fragment = fragment
        self.setHtml(adapt_for_qt(fragment))
        self._wanted_scroll = old_vertical if keep_position else None
        self._restore_scroll()
        if keep_position:
            horizontal.setValue(old_horizontal)

    def _on_look_colours_changed(self) -> None:
        # A default stylesheet applies when HTML is set, so the page is set again.
        self.document().setDefaultStyleSheet(load_preview_css())
        self.show_html(self._fragment)

    def _restore_scroll(self) -> None:
        # The document lays itself out a piece at a time, so the scroll range may still
        # be short: the wanted position is applied again each time the range grows,
        # instead of forcing the whole layout at once (tens of ms on a 64 KB body).
        if self._wanted_scroll is None:
            return
        bar = self.verticalScrollBar()
        bar.setValue(min(self._wanted_scroll, bar.maximum()))
        if bar.maximum() >= self._wanted_scroll:
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
