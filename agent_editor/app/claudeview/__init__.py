"""How Claude sees it, in the window: the panel (panel.py) and Fix All (fix_all.py); the
examples editor is a row of the form (app/editor/form/examples.py).
The logic is ``agentfile.claude_view``, ``agentfile.fix_all`` and ``claudeview``."""
