"""The layout holds: the pure layers never import Qt, and every package ships in the wheel."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import tomllib

import pytest

import agent_editor
from conftest import REPO

PURE_PACKAGES = ("agent_editor.agentfile", "agent_editor.compare")
_QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:PySide6|shiboken6)\b", re.MULTILINE)


def _modules_under(package: str) -> list[str]:
    module = __import__(package, fromlist=["__path__"])
    return [package] + [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]


def _pure_modules() -> list[str]:
    modules = [name for package in PURE_PACKAGES for name in _modules_under(package)]
    # Every Qt-free package beside app/ (a new feature's pure logic gets its own room).
    for info in pkgutil.iter_modules(agent_editor.__path__):
        name = f"agent_editor.{info.name}"
        if info.ispkg and info.name not in ("app", "resources") and name not in PURE_PACKAGES:
            modules += _modules_under(name)
    return modules


@pytest.mark.parametrize("module", _pure_modules())
def test_pure_module_imports_no_qt(module: str) -> None:
    # A fresh interpreter, so nothing imported by another test can hide an import.
    code = (f"import sys, {module}\n"
            "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
            "print(','.join(qt))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "", f"{module} pulls in Qt: {result.stdout.strip()}"


def test_only_app_imports_pyside6() -> None:
    offenders = []
    for path in sorted((REPO / "agent_editor").rglob("*.py")):
        relative = path.relative_to(REPO / "agent_editor")
        if relative.parts[0] == "app":
            continue
        if _QT_IMPORT.search(path.read_text(encoding="utf-8")):
            offenders.append(str(relative))
    assert offenders == [], "only agent_editor/app/ may import PySide6"


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "agent_editor").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to pyproject.toml, or the installed app lacks them"
