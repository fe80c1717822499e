"""How wide the header form must be, known before the form is built.

The window builds the form after its first frame and keeps its place this wide until
then, so the panes are arranged (``editor/fit.py``) as they will be with the form. The
rows that cannot wrap are the tools checklist (three columns) and the color swatches;
the form adds its margins.
"""

from __future__ import annotations

from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.app.editor.form.colors import ColorEditor
from agent_editor.app.editor.form.tools_checklist import ToolsEditor

MARGINS = (14, 10, 14, 14)  # the form's own: left, top, right, bottom


def narrowest(schema: Schema | None = None) -> int:
    """The narrowest the form's rows can be, margins included (the scroll bar is not)."""
    schema = schema or load_schema()
    widest = max(ColorEditor.narrowest(len(schema.colors)), ToolsEditor.narrowest(schema))
    return widest + MARGINS[0] + MARGINS[2]
