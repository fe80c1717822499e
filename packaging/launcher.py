"""Entry script for the PyInstaller bundle: the same as the ``agent-editor`` console script."""

import sys

from agent_editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
