"""PySide6's import hook, made to read each module's file instead of building its source.

Once imported, PySide6 looks at every module imported after it, to know which ones may
use its ``__feature__`` switches: it asks ``inspect.getsource`` for the module's whole
source and searches it for "PySide6". That goes through ``linecache``, which keeps every
line of every module in memory for the rest of the run: at start-up it cost the editor
about 40 ms and 7 MB for the two hundred modules it imports after PySide6.

``import_qt()`` imports QtCore and puts in a test with the same answer that reads the
file's bytes and keeps nothing; ``cli`` calls it before importing the rest of the app.
Modules without a ``.py`` file (built-in, compiled, or in the packaged app's archive) are
left to PySide6's own test.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = "_agent_editor_reads_file"


def import_qt() -> bool:
    """Import QtCore and replace PySide6's source test with the file read; True when it is
    (now) in place, False when this PySide6 has no such test."""
    import PySide6.QtCore  # noqa: F401 - loads the hook

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as file:
                return b"PySide6" in file.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside
    return True
