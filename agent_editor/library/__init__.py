"""The author's whole collection of agents, as Claude Code would see it: pure Python, no Qt.

``scopes`` finds the folders Claude Code reads (project, user, plugins) and those the
author adds; ``scan`` reads each file's header into an ``AgentEntry``; ``marks`` says
which files another overrides or shadows, and what Claude Code never reads; ``search``
finds the entries a query matches and where; ``files`` picks unused names and file
names for new, copied and renamed agents, and lists the bundled templates.
"""
