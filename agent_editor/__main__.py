"""Allows ``python -m agent_editor``."""

from agent_editor.cli import main

if __name__ == "__main__":  # importing this module (a tool walking the package) starts nothing
    raise SystemExit(main())
