"""Shared test setup: Qt runs offscreen, and the real agent files beside the repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def corpus_files() -> list[Path]:
    """Every real agent file Claude Code was given, as listed in its record."""
    record = json.loads((CORPUS / "claude-code-2.1.328.json").read_text(encoding="utf-8"))
    return [CORPUS / rel for rel in sorted(record)]


def claude_code_record(folder: Path) -> dict:
    return json.loads((folder / "claude-code-2.1.328.json").read_text(encoding="utf-8"))


@pytest.fixture
def seeds() -> list[Path]:
    files = seed_files()
    assert len(files) == 5, f"expected the five seed files in {SEEDS}"
    return files
