"""One agent file as text that can be edited without disturbing what was not edited.

An ``AgentDocument`` keeps the file as it came: an optional BOM, the opening ``---``
line, the header's lines (each with its own line ending), the closing line (whatever it
looks like) and the body. ``to_text()`` joins them back, so a file loaded and saved with
no edit is the same bytes. ``fields`` is what Claude Code reads from the header (see
``header.py``); ``set_field`` rewrites only the lines of that one key, in the style the
file already uses, and checks that Claude Code will read back exactly the value set.

Claude Code ends the header at the first ``---`` anywhere after the opening line, even
in the middle of a line; so does this model, which is why the header may end mid-line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent_editor.agentfile import fileio
from agent_editor.agentfile.fileio import DocumentError, FileChangedOnDisk

if TYPE_CHECKING:
    from agent_editor.agentfile.header import HeaderReading, KeySpan

__all__ = ["AgentDocument", "DocumentError", "FileChangedOnDisk"]

BOM = "\ufeff"
_OPENING = re.compile(r"---[ \t]*(\r?\n)")


class AgentDocument:
    """An agent file: header fields as Claude Code reads them, the Markdown body, and the exact text."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._bom = ""
        self._opening = ""  # "" when the file has no header
        self._header_lines: list[str] = []
        self._closing = ""
        self._body = ""
        self._body_lf: str | None = None  # ``body``, kept until the body changes (see ``_set_body_text``)
        self._disk_signature: bytes | None = None
        self._reading: HeaderReading | None = None  # read when first asked for (see ``reading``)

    # ----- reading and writing text -------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> AgentDocument:
        doc = cls()
        if text.startswith(BOM):
            doc._bom, text = BOM, text[1:]
        opening = _OPENING.match(text)
        if opening:
            rest = text[opening.end() :]
            end = rest.find("---")
            if end >= 0:
                line_end = rest.find("\n", end)
                line_end = len(rest) if line_end < 0 else line_end + 1
                doc._opening = opening.group(0)
                doc._header_lines = _split_lines(rest[:end])
                doc._closing = rest[end:line_end]
                text = rest[line_end:]
        doc._set_body_text(text)
        doc._reread()
        return doc

    def to_text(self) -> str:
        return self._bom + self._opening + "".join(self._header_lines) + self._closing + self._body

    @classmethod
    def load(cls, path: str | Path) -> AgentDocument:
        """Read a file, or raise a ``DocumentError`` saying in plain words why it cannot be opened."""
        path = Path(path)
        text, disk_signature = fileio.read_text(path)
        doc = cls.parse(text)
        doc.path = path
        doc._disk_signature = disk_signature
        return doc

    def save(self, path: str | Path | None = None, *, force: bool = False) -> None:
        """Write the file atomically.

        Saving over the file this document was loaded from raises ``FileChangedOnDisk``
        when another program changed or deleted it since; ``force=True`` overwrites anyway.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DocumentError("This agent has not been saved yet; choose where to save it.")
        expected = fileio.ANY_CONTENT
        if not force and self.path is not None and self._disk_signature is not None and _same_file(target, self.path):
            expected = self._disk_signature  # looked at once more just before the file is replaced
            on_disk = fileio.read_signature(target)
            if on_disk is None:
                raise FileChangedOnDisk(
                    f"“{target.name}” was deleted or moved by another program since it was opened.",
                    target,
                    deleted=True,
                )
            if on_disk != self._disk_signature:
                raise FileChangedOnDisk(
                    f"“{target.name}” was changed by another program since it was opened.", target
                )
        data = self.to_text().encode("utf-8")
        fileio.write_atomic(target, data, expected)
        self.path = target
        self._disk_signature = fileio.signature(data)

    def take_disk_state_from(self, other: AgentDocument) -> None:
        """Treat the file on disk as ``other`` found it (after reloading it)."""
        self._disk_signature = other._disk_signature

    def forget_disk_state(self) -> None:
        """Let the next save overwrite the file without checking for outside changes."""
        self._disk_signature = None

    def changed_on_disk(self) -> bool:
        """Whether the file on disk differs from what was last loaded or saved (or is gone)."""
        if self.path is None or self._disk_signature is None:
            return False
        return fileio.read_signature(self.path) != self._disk_signature

    # ----- what Claude Code reads ---------------------------------------------------

    @property
    def has_header(self) -> bool:
        return bool(self._opening)

    @property
    def fields(self) -> dict[str, Any]:
        """Key -> value, in file order, as Claude Code reads them (a copy)."""
        return dict(self.reading.fields)

    @property
    def reading(self) -> HeaderReading:
        """How the header was read: spans, rescued keys, the error if any.

        Read when first asked for, and again after each change to the header: a window
        shows a file's body and preview before anything needs its header, and PyYAML,
        which reads it, is loaded only then.
        """
        if self._reading is None:
            from agent_editor.agentfile.header import HeaderReading, read_header

            self._reading = read_header(self.header_text) if self._opening else HeaderReading()
        return self._reading

    @property
    def body(self) -> str:
        """The Markdown after the header, with line breaks as ``\\n``."""
        if self._body_lf is None:  # worked out once per change: a body may be megabytes, asked for at each key
            self._body_lf = self._body.replace("\r\n", "\n")
        return self._body_lf

    @property
    def newline(self) -> str:
        """The line break this file uses: ``\\r\\n`` if its first line break is one, else ``\\n``."""
        text = self._opening or self._body
        index = text.find("\n")
        return "\r\n" if index > 0 and text[index - 1] == "\r" else "\n"

    @property
    def header_text(self) -> str:
        """The header's YAML as it stands between the two ``---`` lines."""
        return "".join(self._header_lines)

    @property
    def header_end(self) -> int:
        """Where in ``to_text()`` the header's YAML ends (the closing ``---`` starts)."""
        return len(self._bom) + len(self._opening) + len(self.header_text)

    @property
    def closing_line(self) -> str:
        return self._closing

    @property
    def opens_header_without_closing(self) -> bool:
        """The file starts with ``---`` but no second ``---`` ever ends the header."""
        return not self._opening and _OPENING.match(self._body) is not None

    @property
    def header_cut_mid_line(self) -> bool:
        """A ``---`` inside a line ended the header, cutting that line short."""
        return bool(self._header_lines) and not self._header_lines[-1].endswith("\n")

    def field_line(self, key: str) -> int | None:
        """The 1-based line of the file where ``key`` stands, if it is in the header."""
        span = self._span(key)
        return None if span is None else span.first + 2

    def header_line_number(self, header_index: int) -> int:
        """The 1-based file line of a 0-based header line index."""
        return header_index + 2

    @property
    def body_first_line(self) -> int:
        """The 1-based file line on which the body starts."""
        if not self._opening:
            return 1
        return len(self._header_lines) + 2 + (0 if self.header_cut_mid_line else 1)

    # ----- edits --------------------------------------------------------------------

    def set_field(self, key: str, value: Any, *, keep_comment: bool = True) -> None:
        """Set one header value, rewriting only that key's lines (a new key goes last).

        A ``# comment`` after a one-line value stays, unless ``keep_comment`` is False.
        """
        if self._header_lines and not self.reading.ok:
            raise DocumentError(
                "The header cannot be read, so fields cannot be changed one by one. "
                "Fix the header first: " + self.reading.error
            )
        if value is None:
            raise ValueError("use remove_field to take a key out")
        span = self._span(key)
        # The file's own style first; then one every reader takes the same way, which
        # matters in a header only Claude Code's retry can read: the retry quotes any
        # single line holding "[" or ": ", so there a list must be a block list.
        styles = [span.style if span else None, "block" if isinstance(value, (list, tuple)) else '"']
        for attempt, style in enumerate(styles):
            try:
                self._replace_key_lines(key, value, span, style, keep_comment)
                return
            except DocumentError:
                if attempt == len(styles) - 1:
                    raise

    def _replace_key_lines(
        self, key: str, value: Any, span: KeySpan | None, style: str | None, keep_comment: bool
    ) -> None:
        from agent_editor.agentfile.yamlwrite import key_text  # edits load PyYAML; see ``reading``

        newline = self.newline
        if span is None:
            new_lines = self._render(key_text(key) + ":", value, style, None, "", newline)
            lines = list(self._header_lines)
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += newline
            self._apply_header(lines + new_lines, key, value)
            return
        old_first = self._header_lines[span.first]
        key_prefix = old_first[: _key_prefix_length(old_first)]
        comment = span.comment if keep_comment else ""
        new_lines = self._render(key_prefix, value, style, span.indent, comment, newline)
        if not self._header_lines[span.last].endswith("\n"):  # the header was cut mid-line after this value
            new_lines[-1] = new_lines[-1].rstrip("\r\n")
        lines = self._header_lines[: span.first] + new_lines + self._header_lines[span.last + 1 :]
        self._apply_header(lines, key, value)

    def remove_field(self, key: str) -> None:
        """Take a key and its value lines out of the header (every time it is written); nothing else moves."""
        spans = self._spans_of(key)
        if not spans:
            return
        dropped = {index for span in spans for index in range(span.first, span.last + 1)}
        lines = [line for index, line in enumerate(self._header_lines) if index not in dropped]
        before = self.fields
        before.pop(key, None)
        old = (self._header_lines, self._reading)
        self._header_lines = lines
        self._reread()
        if not self.reading.ok or self.fields != before:
            self._header_lines, self._reading = old
            raise DocumentError(f"Removing “{key}” would change other fields; the header needs fixing by hand.")

    def remove_ignored_occurrences(self, key: str) -> None:
        """Where ``key`` is written more than once, take out the lines Claude Code ignores (all but the last)."""
        spans = [span for span in self._spans_of(key) if not span.used]
        if not spans:
            return
        dropped = {index for span in spans for index in range(span.first, span.last + 1)}
        before = self.fields
        old = (self._header_lines, self._reading)
        self._header_lines = [line for index, line in enumerate(self._header_lines) if index not in dropped]
        self._reread()
        if not self.reading.ok or self.fields != before:
            self._header_lines, self._reading = old
            raise DocumentError(f"Removing the other “{key}” lines would change what Claude Code reads.")

    def rename_field(self, old: str, new: str) -> None:
        """Give a key another name in place (every time it is written), keeping its value lines as they are."""
        spans = self._spans_of(old)
        if not spans or old == new:
            return
        if new in self.reading.fields:
            raise DocumentError(f"“{new}” is already in the header; renaming “{old}” to it would replace its value.")
        from agent_editor.agentfile.yamlwrite import key_text

        lines = list(self._header_lines)
        for span in spans:
            line = lines[span.first]
            colon = _key_prefix_length(line) - 1
            lines[span.first] = key_text(new) + line[colon:]
        value = self.fields[old]
        self._apply_header(lines, new, value, renamed_from=old)

    def set_body(self, text: str) -> None:
        """Replace the Markdown body (given with ``\\n`` line breaks; the file's own are kept)."""
        if text == self.body:
            return
        body_has_crlf = len(self.body) < len(self._body)  # each \r\n is one character shorter in ``body``
        if body_has_crlf or (not self._body and self.newline == "\r\n"):
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if text and self._opening and not self._closing.endswith("\n"):
            # The file ended on the closing ---: the body must start on a line of its own,
            # or it would become part of the closing line and be lost on the next load.
            self._closing += self.newline
        self._set_body_text(text)

    def set_header_text(self, text: str) -> None:
        """Replace the whole header's YAML text (for fixing a header that cannot be read)."""
        newline = self.newline
        text = text.replace("\r\n", "\n").replace("\n", newline)  # keep the file's line endings
        if text and not text.endswith("\n"):
            text += newline
        if not self._opening:
            self._opening, self._closing = "---" + newline, "---" + newline
        self._header_lines = _split_lines(text)
        self._reread()

    def set_text(self, text: str) -> None:
        """Replace the whole file's text (the file on disk it belongs to stays the same)."""
        other = AgentDocument.parse(text)
        self._bom, self._opening, self._closing = other._bom, other._opening, other._closing
        self._header_lines, self._reading = other._header_lines, other._reading
        self._set_body_text(other._body)

    def span(self, key: str) -> KeySpan | None:
        """Where ``key`` stands in the header, if it does."""
        return self._span(key)

    def value_source(self, key: str) -> str | None:
        """A one-line value's text as the author wrote it (``1.50``, ``yes``), without comment; else None."""
        span = self._span(key)
        if span is None or span.first != span.last:
            return None
        line = self._header_lines[span.first].rstrip("\r\n")
        text = line[_key_prefix_length(line) :]
        if span.comment and text.endswith(span.comment):
            text = text[: -len(span.comment)]
        return text.strip() or None

    def header_lines(self) -> list[str]:
        """The header's lines, each with its own line ending."""
        return list(self._header_lines)

    def set_closing_line(self, line: str) -> None:
        """Replace the line that ends the header (to tidy an unusual one)."""
        if self._opening:
            self._closing = line
            self._reread()

    def copy(self) -> AgentDocument:
        doc = AgentDocument.parse(self.to_text())
        doc.path, doc._disk_signature = self.path, self._disk_signature
        return doc

    # ----- internals ----------------------------------------------------------------

    def _set_body_text(self, text: str) -> None:
        """The body as it stands in the file (its own line breaks)."""
        self._body, self._body_lf = text, None

    def _reread(self) -> None:
        self._reading = None  # read again when next asked for

    def _span(self, key: str) -> KeySpan | None:
        """The lines Claude Code reads ``key`` from: the last, where the key is written twice."""
        return self.reading.span_of(key)

    def _spans_of(self, key: str) -> list[KeySpan]:
        return [span for span in self.reading.spans if span.key == key]

    def _render(
        self, key_prefix: str, value: Any, style: str | None, indent: int | None, comment: str, newline: str
    ) -> list[str]:
        from agent_editor.agentfile.yamlwrite import value_text

        try:
            text = key_prefix + value_text(value, style, indent, comment)
        except ValueError as error:
            raise DocumentError(f"This value cannot be written in the header: {error}.") from None
        return [line + newline for line in text.split("\n")]

    def _apply_header(self, lines: list[str], key: str, value: Any, renamed_from: str | None = None) -> None:
        """Install new header lines, or change nothing if Claude Code would not read them as meant."""
        from agent_editor.agentfile.header import claude_description

        header = "".join(lines)
        if header and not header.endswith(("\n", "\r")) and (header + "---").find("---") != len(header):
            # The header ends mid-line: a value ending in "-" would run into the closing ---,
            # and Claude Code would end the header at the value's own dash instead.
            raise DocumentError(f"“{key}” could not be written so that Claude Code reads it back as set.")
        expected = self.fields
        if renamed_from is not None:
            expected = {(key if k == renamed_from else k): v for k, v in expected.items()}
        else:
            expected[key] = value
            if key == "description" and isinstance(value, str):
                expected[key] = claude_description(value)
        if not self._opening:
            newline = self.newline
            self._opening, self._closing = "---" + newline, "---" + newline
        old = (self._header_lines, self._reading)
        self._header_lines = lines
        self._reread()
        got = self.reading.fields
        if renamed_from is not None and "description" in (key, renamed_from) and key in got:
            # Only the description gets Claude Code's \n rule and trimming: a value renamed to or
            # from it is the same value when both read the same that way.
            def norm(v: Any) -> Any:
                return claude_description(v) if isinstance(v, str) else v

            if norm(got[key]) == norm(expected[key]):
                expected[key] = got[key]
        # In order too: an edit that moved another key (one sharing a line with this one)
        # would be a change the author did not ask for.
        if not self.reading.ok or list(got.items()) != list(expected.items()):
            self._header_lines, self._reading = old
            if not old[0]:
                self._opening = self._closing = ""
            raise DocumentError(f"“{key}” could not be written so that Claude Code reads it back as set.")


def _key_prefix_length(line: str) -> int:
    """Length of ``key:`` at the start of a key line (the key as written, quotes and all)."""
    if line[:1] in "\"'":
        quote = line[0]
        index = 1
        while index < len(line):
            if line[index] == "\\" and quote == '"':
                index += 2
                continue
            if line[index] == quote:
                if quote == "'" and line[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                break
            index += 1
        colon = line.index(":", index)
    else:
        match = re.match(r"[^\r\n]*?:(?=[ \t\r\n]|$)", line)
        colon = match.end() - 1 if match else line.index(":")
    return colon + 1


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split at ``\n`` only (as line numbers are counted)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
