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

Speed: a body is rendered in chunks whose HTML is remembered, and handed out as a
list of parts (``render_parts``) so that the preview can replace only what changed.
``BackgroundRenderer`` renders in a worker thread. Chunks that would take
Python-Markdown seconds are shown as plain text with a note, and only the first
``PREVIEW_LIMIT_CHARS`` of a body are previewed.
"""

from __future__ import annotations

import html
import logging
import re
import sys
import threading
import xml.etree.ElementTree as etree
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

ALLOWED_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_log = logging.getLogger(__name__)

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
_CHUNK_CACHE: OrderedDict[tuple[str, int], tuple[str, ...]] = OrderedDict()  # by (chunk, beyond)
_CHUNK_CACHE_SIZE = 2048

# Between the parts of a rendered body (see ``render_parts``), so that the preview can
# replace only the parts that changed. Text from the file can never produce it: raw
# HTML, comments included, is escaped.
PART_BREAK = "\n<!-- preview part -->\n"

# The preview shows a code block of more lines than this as runs of about this many
# lines, each a ``<pre class="run">`` of its own that the preview draws without the
# box short blocks get (Qt lays a box, a one-cell table, out again whole after any
# change inside it: 10 to 20 ms for a 640-line block at every edit; a run takes 1 to 2).
PREVIEW_RUN_LINES = 40
_CODE_BLOCK = re.compile(r"<pre><code(?: class=\"[^\"<>]*\")?>(.*?)</code></pre>", re.DOTALL)


def preview_pieces(part: str) -> list[str]:
    """``part`` (one of ``render_parts``) as the preview puts it in, in order: each code
    block of more than ``PREVIEW_RUN_LINES`` lines as runs, everything else as it is."""
    if part.count("\n") <= PREVIEW_RUN_LINES:
        return [part]
    pieces: list[str] = []
    done = 0
    for block in _CODE_BLOCK.finditer(part):
        lines = block[1].split("\n")
        if lines[-1] == "":
            lines.pop()  # the newline Python-Markdown ends a block's code with
        if len(lines) <= PREVIEW_RUN_LINES:
            continue
        # Between blocks a piece's outer newlines are dropped: put in alone, a trailing
        # one would become a space at the end of the paragraph before.
        before = part[done:block.start()].rstrip()
        if before.strip():
            pieces.append(before.lstrip() if done else before)
        pieces.extend(f'<pre class="run">{run}</pre>' for run in _runs(lines))
        done = block.end()
    if not done:
        return [part]
    if part[done:].strip():
        pieces.append(part[done:].lstrip())
    return pieces


def _runs(lines: list[str]) -> list[str]:
    """``lines`` in runs of about ``PREVIEW_RUN_LINES``, each starting and ending with a line
    that is not empty (HTML drops a newline just inside ``<pre>``; an empty line there
    would vanish)."""
    runs, start = [], 0
    while start < len(lines):
        end = min(len(lines), start + PREVIEW_RUN_LINES)
        while end < len(lines) and (not lines[end - 1].strip() or not lines[end].strip()):
            end += 1
        runs.append("\n".join(lines[start:end]))
        start = end
    return runs

# Limits that keep a hostile body from freezing the preview. Python-Markdown's cost
# grows faster than the text on some input (each block of a chunk re-examines the rest
# of it: 20,000 ``---`` lines take 18 s; one 200 KB line takes a second), so a chunk
# past these limits is shown as plain text, with a note, and only the first
# ``PREVIEW_LIMIT_CHARS`` of a body are previewed at all.
PREVIEW_LIMIT_CHARS = 600_000
FORMATTED_CHUNK_CHARS = 40_000
FORMATTED_CHUNK_LINES = 1_000
FORMATTED_LINE_CHARS = 10_000
PLAIN_PIECE_CHARS = 4_000  # plain text goes to the preview in parts of about this size


def render_markdown(text: str) -> str:
    """Return an HTML fragment for the Markdown body of an agent file (any thread).

    The body is rendered in independent chunks (see ``split_chunks``) whose HTML is
    remembered, so a keystroke re-renders only the chunk it falls in.
    """
    return "\n".join(render_parts(text))


def render_parts(text: str, *, wait: bool = True) -> list[str] | None:
    """The HTML of a body as a list of parts, in order, empty parts left out (any thread).

    Joined with newlines they are ``render_markdown``'s fragment. Each chunk of the
    body gives one part, or several when it is shown as plain text; unchanged chunks
    give the very same part again. With ``wait=False``, returns None at once when
    another thread is rendering.
    """
    if not _MARKDOWN_LOCK.acquire(blocking=wait):
        return None
    try:
        shown, rest = _previewed(text)
        # Cut in the middle of a line (one longer than the preview shows): the line's
        # whole length is what its note must say.
        continued = 0 if shown.endswith("\n") or not rest else len(rest.partition("\n")[0])
        chunks = split_chunks(shown)
        parts: list[str] = []
        for index, chunk in enumerate(chunks):
            beyond = continued if index == len(chunks) - 1 else 0
            key = (chunk, beyond)
            rendered = _CHUNK_CACHE.get(key)
            if rendered is None:
                rendered = _render_chunk(chunk, beyond)
                _CHUNK_CACHE[key] = rendered
                if len(_CHUNK_CACHE) > _CHUNK_CACHE_SIZE:
                    _CHUNK_CACHE.popitem(last=False)
            else:
                _CHUNK_CACHE.move_to_end(key)
            parts.extend(rendered)
        if rest:
            parts.append(_note(f"The preview ends here: it shows the first {_size(len(shown))} of this "
                               f"{_size(len(text))} body. The rest is in the editor."))
        return parts
    finally:
        _MARKDOWN_LOCK.release()


class BackgroundRenderer:
    """Renders bodies with ``render_parts`` in one worker thread, newest request first.

    Each caller (``key``) has at most one request waiting: a newer one replaces it, so
    a burst of typing costs one render, not one per key. ``done`` is called in the
    worker thread with the parts. While it renders, the interpreter switches threads
    every millisecond instead of every five, so the window's thread, which needs the
    interpreter for each Python-side widget and timer, waits at most that long.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._waiting: dict[object, tuple[str, Callable[[list[str]], object]]] = {}
        self._thread: threading.Thread | None = None

    def submit(self, key: object, text: str, done: Callable[[list[str]], object]) -> None:
        with self._condition:
            self._waiting.pop(key, None)
            self._waiting[key] = (text, done)
            if self._thread is None or not self._thread.is_alive():  # none yet, or gone in a forked child
                self._thread = threading.Thread(target=self._run, name="preview-render", daemon=True)
                self._thread.start()
            self._condition.notify()

    def cancel(self, key: object) -> None:
        with self._condition:
            self._waiting.pop(key, None)

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._waiting:
                    self._condition.wait()
                key = next(iter(self._waiting))
                text, done = self._waiting.pop(key)
            interval = sys.getswitchinterval()
            sys.setswitchinterval(min(interval, 0.001))
            try:
                parts = render_parts(text)
            except Exception:  # a bug in a Markdown extension must not end the worker
                _log.exception("rendering the preview failed")
                parts = [_note("This body could not be previewed.")]
            finally:
                sys.setswitchinterval(interval)
            try:
                done(parts)
            except Exception:  # the caller is gone (its window closed)
                _log.debug("a finished preview had no one to go to", exc_info=True)


def _previewed(text: str) -> tuple[str, str]:
    """The part of ``text`` the preview shows (cut at a line end) and the rest."""
    if len(text) <= PREVIEW_LIMIT_CHARS:
        return text, ""
    cut = text.rfind("\n", PREVIEW_LIMIT_CHARS // 2, PREVIEW_LIMIT_CHARS) + 1 or PREVIEW_LIMIT_CHARS
    return text[:cut], text[cut:]


def _render_chunk(chunk: str, beyond: int = 0) -> tuple[str, ...]:
    """``beyond``: how many characters the chunk's last line runs on past the preview's end."""
    lines = chunk.count("\n") + 1
    longest = max(map(len, chunk.split("\n"))) if len(chunk) > FORMATTED_LINE_CHARS else 0
    if beyond:
        longest = max(longest, len(chunk.rpartition("\n")[2]) + beyond)
    if len(chunk) > FORMATTED_CHUNK_CHARS or lines > FORMATTED_CHUNK_LINES or longest > FORMATTED_LINE_CHARS:
        if longest > FORMATTED_LINE_CHARS:
            why = f"it has a line of {longest:,} characters"
        elif lines > FORMATTED_CHUNK_LINES:
            why = f"it runs for {lines:,} lines without a break"
        else:
            why = f"it is {_size(len(chunk))} without a break"
        return (_note(f"The next part is shown as plain text, because {why}."), *_plain_pieces(chunk))
    _MARKDOWN.reset()
    rendered = _MARKDOWN.convert(chunk)
    return (rendered,) if rendered else ()


def _plain_pieces(chunk: str) -> list[str]:
    """``chunk`` as escaped plain text, in paragraphs of about ``PLAIN_PIECE_CHARS``."""
    pieces = []
    start = 0
    while start < len(chunk):
        end = min(len(chunk), start + PLAIN_PIECE_CHARS)
        if end < len(chunk):
            newline = chunk.rfind("\n", start + PLAIN_PIECE_CHARS // 2, end)
            end = newline + 1 if newline != -1 else end
        piece = chunk[start:end].rstrip("\n")
        if piece.strip():
            pieces.append(f'<p class="plain-text">{html.escape(piece)}</p>')
        start = end
    return pieces


def _note(text: str) -> str:
    return f'<p class="preview-note">{html.escape(text)}</p>'


def _size(chars: int) -> str:
    if chars >= 1_000_000:
        return f"{chars / 1_000_000:.1f} MB"
    return f"{max(1, round(chars / 1000))} KB"


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
