"""Applying every offered fix to one file at once, and saying what changed as a diff.

Fixes of errors and warnings are applied one after the other, each checked again on the
text the ones before it left. A fix is skipped (and left for the author, one by one) when it
fails, adds an error, or, in a file Claude Code loads, would change what the agent is or
can do: its name, the tools it gets or the model that runs it. Notes (style advice such as
renaming ``Backend Architect`` to ``backend-architect``) are never applied. Pure Python.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from agent_editor.agentfile.claude_view import effective_tools, model_used
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.problem import ERROR, WARNING, Problem
from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.agentfile.validation import validate

_MAX_ROUNDS = 40


@dataclass
class FixAllResult:
    before: str
    after: str
    applied: list[str] = field(default_factory=list)  # the labels of the fixes applied, in order
    left: list[Problem] = field(default_factory=list)  # errors and warnings still standing

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self, name: str = "agent.md") -> str:
        """A unified diff of the change, line endings shown as they are."""
        absolute = name.startswith("/") or name[1:3] in (":\\", ":/")  # a/ and b/ prefix only a relative path
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=name if absolute else f"a/{name}", tofile=name if absolute else f"b/{name}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _what_it_is(doc: AgentDocument, schema: Schema) -> tuple | None:
    """What a working agent is and can do; None when Claude Code does not load it."""
    if not doc.reading.ok or any(p.severity == ERROR for p in validate(doc, schema)):
        return None
    fields = doc.fields
    everything, granted, denied = effective_tools(fields, schema)
    return fields.get("name"), everything, [t.name for t in granted], denied, model_used(fields.get("model"), schema)[0]


def fix_all(doc: AgentDocument, schema: Schema | None = None) -> FixAllResult:
    """Every fix that is safe to apply without asking, applied to a copy of ``doc``."""
    schema = schema or load_schema()
    work = doc.copy()
    result = FixAllResult(doc.to_text(), doc.to_text())
    identity = _what_it_is(work, schema)
    tried: set[tuple] = set()
    for _ in range(_MAX_ROUNDS):
        problems = validate(work, schema)
        errors = {(p.code, p.field) for p in problems if p.severity == ERROR}
        candidate = next((p for p in problems if p.fix and p.severity in (ERROR, WARNING)
                          and (p.code, p.field, p.fix.label) not in tried), None)
        if candidate is None:
            break
        tried.add((candidate.code, candidate.field, candidate.fix.label))
        trial = work.copy()
        try:
            candidate.fix.apply(trial)
        except DocumentError:
            continue
        if trial.to_text() == work.to_text():
            continue
        after = validate(trial, schema)
        if {(p.code, p.field) for p in after if p.severity == ERROR} - errors:
            continue  # it would add an error
        if identity is not None and _what_it_is(trial, schema) != identity:
            continue  # it would change what a working agent is or can do
        work = trial
        result.applied.append(candidate.fix.label)
        tried.clear()  # on the new text, a fix skipped before may now be safe
        if identity is None:  # from the moment it loads, what the agent is stays
            identity = _what_it_is(work, schema)
    result.after = work.to_text()
    result.left = [p for p in validate(work, schema) if p.severity in (ERROR, WARNING)]
    return result
