"""Markdown syntax colouring for the body editor.

Owns the look of Markdown source: headings, emphasis, inline code, fenced code
blocks, links, list markers, block quotes, horizontal rules and tag-shaped text such
as ``<example>``. Fenced blocks span lines, so the fence that opened one is carried
from block to block in the block state.

The colours are the look's ``md_*`` tokens (``agent_editor.look.colours``), light or
dark with the palette, and follow it when it changes; only foreground colours and
weights change, so the editor's own background stays as the theme made it.
"""

from __future__ import annotations

import re
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from agent_editor.app.look.look import look
from agent_editor.look.colours import DARK, LIGHT, Colours

_NORMAL = -1  # Qt's state for a block that has not been highlighted is also -1

# Block-level patterns, tried on the whole line.
_FENCE = re.compile(r"\s*(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}>+")
_LIST_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?=\s)")

# Inline patterns, tried on the line with code spans blanked out.
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])"  # *single stars*
    r"|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])"  # _underscores_, not in snake_case
)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_BARE_URL = re.compile(r"<?https?://[^\s<>)\]]+>?")
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")


def _char_format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(QColor(color))
    if bold:
        char_format.setFontWeight(QFont.Weight.Bold)
    if italic:
        char_format.setFontItalic(True)
    return char_format


def _all_bmp(text: str) -> bool:
    return len(text.encode("utf-16-le")) == 2 * len(text)


def _utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of every code point index in ``text``, including its end."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# Inline marks (bold, links, code spans...) are looked for in this many characters of a block at most.
INLINE_LIMIT = 5000


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown in a QTextDocument (for example a QPlainTextEdit's document)."""

    def __init__(self, document: QTextDocument, *, dark: bool | None = None) -> None:
        """``dark`` fixes the light or dark colours; left out, they follow the app's look."""
        super().__init__(document)
        self._utf16_offsets: list[int] | None = None
        if dark is None:
            look().colours_changed.connect(self._on_look_colours_changed)
            self._set_colours(look().colours)
        else:
            self._set_colours(DARK if dark else LIGHT)

    def _set_colours(self, colours: Colours) -> None:
        self.heading_format = _char_format(colours["md_heading"], bold=True)
        self.bold_format = _char_format(colours["text"], bold=True)
        self.italic_format = _char_format(colours["text"], italic=True)
        self.code_format = _char_format(colours["md_code"])
        self.fence_format = _char_format(colours["md_fence"])
        self.link_format = _char_format(colours["md_link"])
        self.url_format = _char_format(colours["md_url"])
        self.marker_format = _char_format(colours["md_marker"], bold=True)
        self.quote_format = _char_format(colours["md_quote"], italic=True)
        self.tag_format = _char_format(colours["md_tag"])
        self.rule_format = _char_format(colours["md_rule"], bold=True)

    def _on_look_colours_changed(self) -> None:
        self._set_colours(look().colours)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        # Python counts code points, Qt counts UTF-16 units: they differ after an emoji
        # or other character outside the Basic Multilingual Plane.
        self._utf16_offsets = None if text.isascii() or _all_bmp(text) else _utf16_offsets(text)
        # A block state >= 0 means "inside a fenced block"; it encodes the opening fence
        # (length * 2, +1 for tildes) because only a fence at least as long closes it.
        state = self.previousBlockState()
        if state >= 0:
            self._apply(0, len(text), self.code_format)
            fence = _FENCE.match(text)
            closing = "~" if state & 1 else "`"
            if fence and fence.group(1)[0] == closing and len(fence.group(1)) >= state >> 1 \
                    and not text[fence.end():].strip():
                self._apply(0, len(text), self.fence_format)
                self.setCurrentBlockState(_NORMAL)
            else:
                self.setCurrentBlockState(state)
            return

        self.setCurrentBlockState(_NORMAL)
        fence = _FENCE.match(text)
        if fence:
            marker = fence.group(1)
            if marker[0] == "~" or "`" not in text[fence.end():]:
                self._apply(0, len(text), self.fence_format)
                self.setCurrentBlockState(len(marker) * 2 + (marker[0] == "~"))
                return
        if _HEADING.match(text):
            self._apply(0, len(text), self.heading_format)
            return
        if _RULE.match(text):
            self._apply(0, len(text), self.rule_format)
            return

        quote = _QUOTE.match(text)
        if quote:
            self._apply(0, len(text), self.quote_format)
            start = quote.end()
        else:
            start = 0
        marker = _LIST_MARKER.match(text, start)
        if marker:
            self._apply(marker.start(), marker.end(), self.marker_format)
        # Work per block is bounded: in one unbroken line of megabytes (a stranger's file),
        # only its start is coloured, so a keystroke there never waits on the whole line.
        self._highlight_inline(text[:INLINE_LIMIT])

    def _apply(self, start: int, end: int, char_format: QTextCharFormat) -> None:
        offsets = self._utf16_offsets
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        self.setFormat(start, end - start, char_format)

    def _highlight_inline(self, text: str) -> None:
        # Nothing inside a code span is Markdown, so other patterns see it blanked out.
        if "`" in text:
            code_spans = list(_CODE_SPAN.finditer(text))
            searched = _CODE_SPAN.sub(_blank, text) if code_spans else text
        else:
            code_spans = []
            searched = text
        if "*" in searched or "_" in searched:
            for match in _BOLD.finditer(searched):
                self._apply(match.start(), match.end(), self.bold_format)
            for match in _ITALIC.finditer(searched):
                self._apply(match.start(), match.end(), self.italic_format)
        if "<" in searched:
            for match in _TAG.finditer(searched):
                self._apply(match.start(), match.end(), self.tag_format)
        if "](" in searched:
            for match in _LINK.finditer(searched):
                self._apply(match.start(1), match.end(1), self.link_format)
                self._apply(match.start(2), match.end(2), self.url_format)
        if "://" in searched:
            for match in _BARE_URL.finditer(searched):
                self._apply(match.start(), match.end(), self.url_format)
        for match in code_spans:
            self._apply(match.start(), match.end(), self.code_format)
