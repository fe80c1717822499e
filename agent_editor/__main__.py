"""Allows ``python -m agent_editor``."""

from agent_editor.cli import main

raise SystemExit(main())
