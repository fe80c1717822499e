"""Saving one open document through the questions it may need, for every window.

- An error stands (Claude Code would ignore the file): "Save anyway?", behind a plain
  warning that says until what Claude Code will ignore it, so that unfinished work can
  be kept. Refused, nothing is written.
- Another program changed or deleted the file since: "Save your version anyway?".
- Anything else that stops the save (a read-only file, a full disk) is told in plain words.
"""

from __future__ import annotations

from pathlib import Path

from agent_editor.agentfile.fileio import DocumentError, FileChangedOnDisk
from agent_editor.app.open_document import OpenDocument, SaveRefused

__all__ = ["save_document", "ignored_until"]


def ignored_until(refused: SaveRefused) -> str:
    """The error in plain words, with its fix when there is one."""
    problem = refused.problem
    fix = f" (Fix: {problem.fix.label}.)" if problem.fix else ""
    return f"{problem.message}{fix}"


def save_document(document: OpenDocument, dialogs, target: Path | None = None, *, failure_title: str = "Not saved") -> bool:
    """Save ``document`` (to ``target``, or its own path), asking what must be asked. True when saved."""
    force = with_errors = False
    while True:
        try:
            document.save(target, force=force, with_errors=with_errors)
            return True
        except SaveRefused as refused:
            if with_errors or not dialogs.ask_save_anyway(document.display_name, ignored_until(refused)):
                return False
            with_errors = True
        except FileChangedOnDisk as error:
            if force or not dialogs.ask_overwrite_changed_file(document.display_name, error.deleted):
                return False
            force = True
        except DocumentError as error:
            dialogs.show_error(failure_title, error.message)
            return False
