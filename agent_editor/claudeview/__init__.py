"""How Claude sees an agent: which file Claude Code uses for a name (scopes.py), and the
command-line side, ``agent-editor show`` and ``check --fix`` (command.py). The reading of
one file is ``agentfile.claude_view``; the panel is ``app.claudeview``. Pure Python: never
imports Qt or ``agent_editor.app``."""
