"""Reading the files of a scope into ``AgentEntry`` records: what one row of the library shows.

Only ``*.md`` files count for Claude Code (recursively, in sub-folders too). Other files
in an agents folder that start like an agent (``---`` on the first line) are listed as
well, marked as never read, so the author learns why an agent does not load.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import claude_description
from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.agentfile.tools import tools_summary
from agent_editor.agentfile.validation import ERROR, WARNING, Problem, not_md_problem, validate
from agent_editor.library.scopes import Scope

_STRAY_PEEK_BYTES = 8
_STRAY_LIMIT = 2 * 1024 * 1024  # a larger non-.md file is not an agent anyone wrote


@dataclass
class AgentEntry:
    """One agent file as the library shows it."""

    path: Path
    scope: Scope
    loaded: bool = False  # False until its header is read (the row shows the file name meanwhile)
    name: str = ""  # the name as Claude Code reads it; "" when it has none it accepts
    description: str = ""  # as Claude Code reads it
    model: str = ""
    color: str = ""
    tools: str = ""  # Claude Code's summary: "All tools", "Read, Grep", ...
    body: str = ""
    problems: list[Problem] = field(default_factory=list)  # the file's own problems
    shared_problems: list[Problem] = field(default_factory=list)  # across files: set by ``marks``
    mark: object = None  # a ``marks.Mark`` when another file overrides this one, or it is not read
    name_line: int | None = None  # the line of ``name:`` in the file
    modified: float = 0.0  # seconds since the epoch
    size: int = -1

    @functools.cached_property
    def is_md(self) -> bool:
        return self.path.suffix == ".md"

    @property
    def shown_name(self) -> str:
        """The name the row shows: Claude Code's, with a plugin's prefix, else the file's stem."""
        return self.scope.loaded_name(self.name) if self.name else self.path.stem

    @property
    def first_line(self) -> str:
        return self.description.split("\n", 1)[0].strip()

    @property
    def all_problems(self) -> list[Problem]:
        return self.problems + self.shared_problems

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.all_problems)

    @property
    def problem_count(self) -> int:
        """Errors and warnings; notes (style advice) are not counted as problems."""
        return sum(p.severity in (ERROR, WARNING) for p in self.all_problems)

    @functools.cached_property
    def loads(self) -> bool:
        """Whether Claude Code loads this file at all (before any overriding)."""
        return self.loaded and self.is_md and bool(self.name) and not any(p.severity == ERROR for p in self.problems)

    def stamp(self) -> tuple[float, int]:
        return (self.modified, self.size)

    @functools.cached_property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.shown_name.casefold(), self.path.name.casefold(), str(self.path))

    @functools.cached_property
    def texts(self) -> tuple[str, str, str, str]:
        """What search looks in: the name (with the file name), description, tools and instructions."""
        return (self.shown_name + " " + self.path.name, self.description, self.tools, self.body)

    @functools.cached_property
    def lowered(self) -> tuple[str, ...]:
        """``texts`` lower-cased, made once (in the worker thread, as the header is read)."""
        return tuple(text.lower() for text in self.texts)

    @functools.cached_property
    def haystack(self) -> str:
        """All of ``lowered`` in one string, so a word is looked for with one ``in``."""
        return "\x00".join(self.lowered)


def scope_files(scope: Scope) -> list[Path]:
    """The files the library lists for a scope: every ``*.md`` below it, and stray agent-like files."""
    found: list[Path] = []
    if scope.root != Path() and scope.root.is_dir():
        for folder, subfolders, names in os.walk(scope.root):
            subfolders.sort()
            base = Path(folder)
            for name in sorted(names):
                path = base / name
                if name.endswith(".md") or _looks_like_agent(path):
                    found.append(path)
    found += [path for path in scope.extra_files if path.is_file() and path not in found]
    return found


def stray_files(paths: list[Path]) -> list[Path]:
    """The files among ``paths`` that Claude Code never reads (not ``*.md``)."""
    return [path for path in paths if path.suffix != ".md"]


def _looks_like_agent(path: Path) -> bool:
    try:
        if not path.is_file() or path.stat().st_size > _STRAY_LIMIT:
            return False
        with open(path, "rb") as handle:
            start = handle.read(_STRAY_PEEK_BYTES)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


def blank_entry(path: Path, scope: Scope) -> AgentEntry:
    """A row for a file whose header is not read yet."""
    return AgentEntry(path, scope)


def read_entry(path: Path, scope: Scope, schema: Schema | None = None) -> AgentEntry:
    """Read one file's header and check it; a file that cannot be read is an entry with that problem."""
    schema = schema or load_schema()
    entry = AgentEntry(path, scope, loaded=True)
    try:
        stat = path.stat()
        entry.modified, entry.size = stat.st_mtime, stat.st_size
        doc = AgentDocument.load(path)
    except (DocumentError, OSError) as error:
        message = error.message if isinstance(error, DocumentError) else f"This file cannot be read: {error.strerror}."
        entry.problems = [Problem(ERROR, message, code="file-unusable")]
        return entry
    fields = doc.fields if doc.reading.ok else {}
    name = fields.get("name")
    entry.name = name.strip() if isinstance(name, str) else ""
    entry.name_line = doc.field_line("name")
    description = fields.get("description")
    entry.description = claude_description(description) if isinstance(description, str) else ""
    model, color = fields.get("model"), fields.get("color")
    entry.model = model if isinstance(model, str) else ""
    entry.color = color if isinstance(color, str) and color in schema.colors else ""
    entry.tools = tools_summary(fields)
    entry.body = doc.body
    entry.problems = file_problems(doc, schema)
    entry.sort_key, entry.haystack, entry.loads  # noqa: B018 - worked out here, off the window's thread
    return entry


def file_problems(doc: AgentDocument, schema: Schema | None = None) -> list[Problem]:
    """A file's own problems, with one only its file name can cause: not ending in ``.md``."""
    problems = validate(doc, schema)
    if doc.path is not None and doc.path.suffix != ".md":
        problems.insert(0, not_md_problem(doc.path))
    return problems

