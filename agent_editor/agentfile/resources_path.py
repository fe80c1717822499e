"""Finds the app's bundled resources (schema, stylesheet, icons, examples).

The same lookup works from a source checkout (the top-level ``resources/`` folder),
from an installed wheel (where that folder is the package ``agent_editor.resources``)
and from a PyInstaller bundle (which ships it as ``agent_editor/resources``).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path


@functools.cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent.parent   # agent_editor/
    candidates = [
        package / "resources",                   # wheel install and bundle
        package.parent / "resources",            # source checkout
    ]
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        candidates.insert(0, Path(bundle_root) / "agent_editor" / "resources")
    for candidate in candidates:
        if (candidate / "schema.json").is_file():
            return candidate
    raise FileNotFoundError("Agent Editor's resources folder is missing; reinstall the app.")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
