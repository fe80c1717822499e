"""The header form: one row per field, built from the schema, showing an OpenDocument.

``header_form`` lays the rows out and sends edits; each kind of row has its own module.
The form is loaded on first use (the window builds it after its first frame), so this
package's names are looked up when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agent_editor.app.editor.form.header_form import FieldRow, HeaderForm

__all__ = ["FieldRow", "HeaderForm"]


def __getattr__(name: str):
    if name in __all__:
        from agent_editor.app.editor.form import header_form

        return getattr(header_form, name)
    raise AttributeError(name)
