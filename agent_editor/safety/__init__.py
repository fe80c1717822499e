"""The safety net, pure Python: drafts of unsaved work and the saved versions of each file.

``drafts`` keeps the unsaved text of open agents so that a crash loses nothing;
``history`` keeps each file's previous content on every save. Both write into a folder
the caller gives (the app's data folder), never beside the agent files. No Qt here:
the app's glue is in ``agent_editor.app.safety``.
"""
