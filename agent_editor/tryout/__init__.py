"""Trying variants for real: one request through Claude Code with each variant, and which one
Claude would pick. Pure Python (the ``claude`` processes are started with ``subprocess``);
never imports Qt or ``agent_editor.app``.

variants.py (the ``--agents`` JSON and temporary names), events.py (stream-json into typed
events and a result), runner.py (processes, parallel runs, Stop), pick.py (“Would Claude
pick it?”), estimate.py (what is sent and a cost estimate), history.py (requests and last
results kept on disk), command.py (``agent-editor try``)."""
