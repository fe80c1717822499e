"""Agent Editor: a desktop editor for Claude Code agent definition files.

The version lives here and only here; packaging and ``--version`` read it.
"""

__version__ = "0.1.0"
