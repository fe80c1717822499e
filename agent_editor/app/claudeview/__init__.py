"""How Claude sees it, in the window: the panel (panel.py) and Fix All (fix_all.py).
The logic is ``agentfile.claude_view``, ``agentfile.fix_all`` and ``claudeview``."""
