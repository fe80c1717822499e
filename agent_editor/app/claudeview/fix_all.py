"""Fix All in the window: every safe fix for the open file, shown as a diff first, then
applied as one undo step. Which fixes are safe is ``agentfile.fix_all``'s business."""

from __future__ import annotations

from agent_editor.agentfile.fix_all import fix_all
from agent_editor.agentfile.problem import Fix
from agent_editor.app.open_document import OpenDocument


def fix_all_in(opened: OpenDocument | None, dialogs) -> str:
    """Apply every safe fix to ``opened`` if the author agrees; what happened, in words for the status bar."""
    if opened is None:
        return ""
    result = fix_all(opened.document)
    if not result.changed:
        left = len(result.left)
        return "Nothing to fix automatically." + (
            f" {left} problem{'s' if left != 1 else ''} need{'s' if left == 1 else ''} you to decide." if left else "")
    if not dialogs.ask_apply_fixes(opened.display_name, result.diff(opened.display_name), result.applied):
        return ""
    after = result.after
    opened.apply_fix(Fix("Fix All", lambda d: d.set_text(after)))
    count = len(result.applied)
    return f"Applied {count} fix{'es' if count != 1 else ''}. Undo takes them all back."
