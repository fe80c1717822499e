"""The agent file as Claude Code reads it: header, document, lossless writing, file I/O,
schema, validation, tools and Markdown rendering. Pure Python: never imports Qt or anything
from ``agent_editor.app`` or ``agent_editor.compare``."""
