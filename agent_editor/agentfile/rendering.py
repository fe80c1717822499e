"""Turns the Markdown body of an agent file into safe HTML for the preview.

Owns the choice of Markdown dialect and the safety rules; knows nothing about Qt.

Safety: raw HTML in the body is shown as text, never interpreted. Agent prompts are
full of pseudo-tags such as ``<example>`` and ``<commentary>`` that must stay visible,
and escaping every tag also disarms ``<script>``, ``<iframe>`` and event attributes.
Markdown images become a text placeholder, so the preview never loads anything, and
links keep their target only for http, https, mailto and in-page anchors.

Dialect: Python-Markdown with fenced code, tables and sane lists, plus a small
preprocessor that bridges the CommonMark habits agent authors write in (a list right
under a paragraph line, lists nested by two or three spaces, fences indented inside a
list) to what Python-Markdown expects.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import threading
from collections import OrderedDict

import markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

ALLOWED_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_LIST_ITEM = re.compile(r"( *)([-*+]|\d{1,9}\.)( +|$)")
_HORIZONTAL_RULE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")
_FENCE_OPEN = re.compile(r"( *)(`{3,}|~{3,})")
_FENCE_LANGUAGE = re.compile(r"[\w#.+-]*")
_HEADING = re.compile(r" {0,3}#{1,6}(?: |$)")


class _CommonMarkListsPreprocessor(Preprocessor):
    """Rewrites block structure that CommonMark accepts but Python-Markdown does not.

    - A list (or table) that directly follows a paragraph line gets a blank line
      before it; otherwise Python-Markdown folds it into the paragraph.
    - Nested list items are re-indented to Python-Markdown's four spaces per level,
      whatever indentation the author used.
    - A fenced block is moved to column 0, because Python-Markdown only recognises
      fences there; inside a list this ends the list, which reads better than a
      fence shown as plain text.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        items: list[tuple[int, int]] = []  # open list items: (marker column, content column)
        fence: str | None = None
        fence_indent = 0
        previous_blank = True
        previous_table = False

        for line in lines:
            if fence is not None:
                # Dedent by the fence's own indentation, but never into the code itself.
                out.append(line[min(fence_indent, len(line) - len(line.lstrip(" "))):])
                stripped = line.strip()
                if stripped.startswith(fence) and not stripped.lstrip(fence[0]):
                    # Python-Markdown wants the closing fence identical to the opening one.
                    out[-1] = fence
                    fence = None
                    out.append("")
                    previous_blank = True
                continue

            stripped = line.lstrip(" ")
            if not stripped:
                out.append(line)
                previous_blank = True
                previous_table = False
                continue
            indent = len(line) - len(stripped)

            opening = _FENCE_OPEN.match(line)
            if opening and (indent < 4 or items):
                marker = opening.group(2)
                info = stripped[len(marker):]
                if marker[0] != "`" or "`" not in info:
                    if not previous_blank:
                        out.append("")
                    fence = marker
                    fence_indent = indent
                    items = []
                    # Python-Markdown rejects info strings with more than a language.
                    out.append(marker + _FENCE_LANGUAGE.match(info.strip()).group())
                    previous_blank = False
                    continue

            item = _LIST_ITEM.match(line)
            if item and (indent < 4 or items) and not _HORIZONTAL_RULE.match(line):
                if not items and not previous_blank:
                    out.append("")
                while items and indent < min(items[-1][1], items[-1][0] + 2):
                    items.pop()
                content = indent + len(item.group(2)) + len(item.group(3))
                out.append(" " * (4 * len(items)) + stripped)
                items.append((indent, content))
                previous_blank = False
                previous_table = False
                continue

            if items:
                if _HEADING.match(line) or (previous_blank and indent == 0):
                    items = []
                elif indent > 0:
                    level = len(items)
                    while level > 1 and indent <= items[level - 1][0]:
                        level -= 1
                    extra = max(0, indent - items[level - 1][1])
                    line = " " * (4 * level + extra) + stripped
            if not items:
                table = stripped.startswith("|")
                if table and not previous_table and not previous_blank:
                    out.append("")
                previous_table = table
            out.append(line)
            previous_blank = False
        return out


class _PseudoTagProcessor(InlineProcessor):
    """Shows anything tag-shaped (``<example>``, ``</commentary>``, ``<script ...>``) as
    text marked ``pseudo-tag``, where Python-Markdown would pass it through as HTML."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        element = etree.Element("span", {"class": "pseudo-tag"})
        element.text = AtomicString(m.group(0))  # atomic: no emphasis or links inside
        return element, m.start(0), m.end(0)


_PSEUDO_TAG = r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"

_AMP_ENTITY = re.compile(re.escape(AMP_SUBSTITUTE) + r"(#x?[0-9a-fA-F]+;)")


class _NeutraliseTreeprocessor(Treeprocessor):
    """Drops link targets with unsafe schemes and turns images into text placeholders."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a":
                    self._check_link(child)
                elif child.tag == "img":
                    self._replace_image(parent, child)

    @staticmethod
    def _check_link(link: etree.Element) -> None:
        href = link.get("href")
        if href is None:
            return
        # Autolinked e-mail addresses arrive entity-obfuscated; decode to see the scheme.
        target = html.unescape(_AMP_ENTITY.sub(r"&\1", href)).strip()
        scheme = urlsplit(target).scheme.lower() if ":" in target else ""
        if scheme and scheme not in ALLOWED_LINK_SCHEMES:
            del link.attrib["href"]
            link.set("class", "blocked-link")

    @staticmethod
    def _replace_image(parent: etree.Element, image: etree.Element) -> None:
        placeholder = etree.Element("span", {"class": "image-placeholder"})
        alt = (image.get("alt") or "").strip()
        placeholder.text = f"[image: {alt}]" if alt else "[image]"
        placeholder.tail = image.tail
        parent[list(parent).index(image)] = placeholder


class _AgentBodyExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML would pass through these two; without them it is escaped as text,
        # and the pseudo-tag pattern takes the inline one's place to style tags as text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_PseudoTagProcessor(_PSEUDO_TAG, md), "pseudo_tag", 90)
        # Between normalize_whitespace (30), which expands tabs, and fenced_code_block (25).
        md.preprocessors.register(_CommonMarkListsPreprocessor(md), "commonmark_lists", 27)
        # After the inline processor (20) has created links and images.
        md.treeprocessors.register(_NeutraliseTreeprocessor(md), "neutralise", 15)


_MARKDOWN = markdown.Markdown(
    # Instances, not names: naming an extension makes Python-Markdown scan every
    # installed package's metadata, about 30 ms of start-up.
    extensions=[FencedCodeExtension(), TableExtension(), SaneListExtension(), _AgentBodyExtension()],
    output_format="html",
    # Honour the first number of an ordered list: a list split by a code block resumes.
    lazy_ol=False,
)


_MARKDOWN_LOCK = threading.Lock()  # one shared Markdown instance; previews render in a worker thread
_CHUNK_CACHE: OrderedDict[str, str] = OrderedDict()
_CHUNK_CACHE_SIZE = 2048


def render_markdown(text: str) -> str:
    """Return an HTML fragment for the Markdown body of an agent file (any thread).

    The body is rendered in independent chunks (see ``split_chunks``) whose HTML is
    remembered, so a keystroke re-renders only the chunk it falls in.
    """
    with _MARKDOWN_LOCK:
        parts = []
        for chunk in split_chunks(text):
            rendered = _CHUNK_CACHE.get(chunk)
            if rendered is None:
                _MARKDOWN.reset()
                rendered = _MARKDOWN.convert(chunk)
                _CHUNK_CACHE[chunk] = rendered
                if len(_CHUNK_CACHE) > _CHUNK_CACHE_SIZE:
                    _CHUNK_CACHE.popitem(last=False)
            else:
                _CHUNK_CACHE.move_to_end(chunk)
            if rendered:
                parts.append(rendered)
        return "\n".join(parts)


def split_chunks(text: str) -> list[str]:
    """Cut a body where a block starts that cannot belong to what is above it.

    A cut falls before a line at the left edge that follows a blank line and is not a
    list item (a list may go on after a blank line) and not inside a fenced block:
    such a line always starts a new paragraph, heading, table or fence.
    """
    lines = text.split("\n")
    chunks: list[str] = []
    start = 0
    fence: str | None = None
    for index, line in enumerate(lines):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if (
            index > start
            and line[:1] not in ("", " ", "\t")
            and not lines[index - 1].strip()
            and not _LIST_ITEM.match(line)
        ):
            chunks.append("\n".join(lines[start:index]))
            start = index
        opening = _FENCE_OPEN.match(line)
        if opening:
            fence = opening.group(2)
    chunks.append("\n".join(lines[start:]))
    return chunks


def full_html(fragment: str, css: str) -> str:
    """Wrap a fragment from :func:`render_markdown` into a document with a stylesheet."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<style>\n{css}\n</style></head>\n<body>\n{fragment}\n</body></html>\n"
    )
