"""Making, copying, renaming and restoring agent files, and the templates new agents start from.

The file operations write through ``fileio.write_atomic`` and never replace a file that
is already there: a name or file name already used is refused with the reason, in words
the author can act on (``LibraryError``). Moving to the system trash needs Qt and lives
in the app; putting a trashed file back does not, and lives here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from agent_editor.agentfile import fileio
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import claude_description
from agent_editor.agentfile.resources_path import resource_path
from agent_editor.agentfile.validation import ERROR, slug, validate

_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class LibraryError(DocumentError):
    """An operation on agent files that was refused or failed; ``message`` says why, plainly."""


@dataclass(frozen=True)
class Template:
    name: str  # the agent's name in the template
    summary: str  # the first line of its description
    text: str


def templates() -> list[Template]:
    """The bundled starting points for a new agent, by name."""
    found = []
    folder = resource_path("templates")
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        doc = AgentDocument.load(path)
        description = doc.fields.get("description", "")
        found.append(Template(str(doc.fields.get("name", path.stem)),
                              claude_description(str(description)).split("\n", 1)[0], doc.to_text()))
    return found


def unused_name(base: str, taken: set[str]) -> str:
    """``base`` itself if free, else ``base-2``, ``base-3`` ..."""
    if base not in taken:
        return base
    stem = re.sub(r"-\d+$", "", base) or base
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def file_stem_for(name: str) -> str:
    """A file name (without .md) for an agent name: the name itself when it is a plain file name."""
    return name if _FILE_NAME.fullmatch(name) else (slug(name) or "agent")


def unused_file(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """``folder/stem.md`` if free, else ``stem-2.md``, ``stem-3.md`` ..."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def with_name(text: str, name: str) -> str:
    """The agent's text with its ``name`` set, everything else as it was."""
    doc = AgentDocument.parse(text)
    doc.set_field("name", name)
    return doc.to_text()


def variant_name(name: str, taken: set[str]) -> str:
    return unused_name(f"{name}-variant" if not re.search(r"-variant(-\d+)?$", name) else name, taken)


def duplicate(path: Path, taken: set[str], folder: Path | None = None, text: str | None = None) -> Path:
    """Copy an agent as a variant: a new unused name, and a new file named after it.

    The copy goes beside the original, or into ``folder``; ``text`` is the agent's text
    when it is not the file's (an open file with unsaved changes).
    """
    doc = AgentDocument.parse(text) if text is not None else AgentDocument.load(path)
    name = doc.fields.get("name")
    base = name.strip() if isinstance(name, str) and name.strip() else path.stem
    new_name = variant_name(base, taken)
    target = unused_file(folder or path.parent, file_stem_for(new_name))
    try:
        copied = with_name(doc.to_text(), new_name) if doc.reading.ok and doc.has_header else doc.to_text()
    except DocumentError:
        copied = doc.to_text()  # a header the copy cannot rename: an exact copy, under a new file name
    write_new(target, copied)
    return target


def name_refusal(new_name: str, current: str, taken: set[str]) -> str | None:
    """Why ``new_name`` cannot be used in this scope, or None when it can."""
    new_name = new_name.strip()
    if not new_name:
        return "An agent needs a name."
    if new_name != current and new_name in taken:
        return (f"Another agent in this folder is already called “{new_name}”. Claude Code would load only one "
                "of the two, so choose a different name.")
    probe = AgentDocument.parse(f"---\nname: x\ndescription: d\n---\n")
    try:
        probe.set_field("name", new_name)
    except DocumentError as error:
        return error.message
    name_errors = [p for p in validate(probe) if p.severity == ERROR and p.field == "name"]
    return name_errors[0].message if name_errors else None


def rename(path: Path, new_name: str, taken: set[str]) -> Path:
    """Set the agent's name and rename its file to match; returns the new path.

    Refused (``LibraryError``) when the name is used by another agent in the same scope,
    when Claude Code would not accept it, or when a different file already has the new
    file name. The file is renamed first, then its name written, so a failure leaves
    either the old file or the renamed one, never two or none.
    """
    doc = AgentDocument.load(path)
    current = doc.fields.get("name") if isinstance(doc.fields.get("name"), str) else ""
    refusal = name_refusal(new_name, current.strip(), taken)
    if refusal:
        raise LibraryError(refusal)
    new_name = new_name.strip()
    doc.set_field("name", new_name)
    target = path.with_name(file_stem_for(new_name) + path.suffix) if path.suffix == ".md" else \
        path.with_name(file_stem_for(new_name) + ".md")
    if target != path and target.exists() and not _same_file(target, path):
        raise LibraryError(f"A different file is already called “{target.name}” in this folder; "
                           "rename or move that one first.")
    move(path, target)
    try:
        doc.save(target, force=True)
    except DocumentError:
        move(target, path)
        raise
    return target


def rename_to_md(path: Path) -> Path:
    """Give a file Claude Code never reads (not ``.md``) the ``.md`` ending, keeping its name and text."""
    target = path.with_suffix(".md")
    if target.exists():
        raise LibraryError(f"“{target.name}” already exists in this folder; rename or move it first.")
    move(path, target)
    return target


def move(source: Path, target: Path) -> None:
    """Rename a file, refusing to replace another one."""
    if source == target:
        return
    if target.exists() and not _same_file(source, target):
        raise LibraryError(f"“{target.name}” already exists; nothing was moved.")
    try:
        os.rename(source, target)
    except OSError as error:
        raise LibraryError(f"“{source.name}” could not be renamed: {error.strerror}.") from error


def write_new(target: Path, text: str) -> None:
    """Write a new agent file, refusing to replace one that exists."""
    if target.exists():
        raise LibraryError(f"“{target.name}” already exists; nothing was written.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fileio.write_atomic(target, text.encode("utf-8"))


def restore_from_trash(in_trash: Path, original: Path) -> None:
    """Put a file the system trash holds back where it was, byte for byte.

    On the desktops that follow the freedesktop.org trash layout (``Trash/files`` with
    a ``Trash/info/NAME.trashinfo`` beside it), the info record goes too, so the trash
    no longer lists the file.
    """
    if original.exists():
        raise LibraryError(f"“{original.name}” cannot be put back: a file with that name is there now. "
                           "Rename or move that one first.")
    if not in_trash.exists():
        raise LibraryError(f"“{original.name}” is no longer in the trash, so it cannot be put back from here.")
    original.parent.mkdir(parents=True, exist_ok=True)
    move(in_trash, original)
    if in_trash.parent.name == "files":
        info = in_trash.parent.parent / "info" / f"{in_trash.name}.trashinfo"
        try:
            info.unlink()
        except OSError:
            pass  # the file is back; a stale line in the trash's list harms nothing


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
