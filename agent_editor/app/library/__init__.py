"""The library's widgets: the collection of agents the window lists, the list itself, and the
actions on files (new from a template, duplicate, rename, delete to the trash and back).
The rules they show live in ``agent_editor.library``."""
