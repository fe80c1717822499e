"""The header form: one row per field, built from the schema, showing an OpenDocument.

``header_form`` lays the rows out and sends edits; each kind of row has its own module.
"""

from agent_editor.app.editor.form.header_form import FieldRow, HeaderForm

__all__ = ["FieldRow", "HeaderForm"]
