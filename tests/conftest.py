"""Shared test setup: Qt runs offscreen, and the real agent files beside the repository."""

from __future__ import annotations

import difflib
import gc
import json
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# In CI the property tests draw the same examples every run, so a result can be
# reproduced and a submission is judged on its code, not on the draw; at a desk they
# explore new examples each run (and keep any failure in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from agent_editor.app.collector import MainThreadCollector  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AGENT_EDITOR_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """As in the app (``agent_editor.app.collector``): reference cycles are collected on
    the main thread only, here as each test ends, so a Qt object one test left behind is
    never destroyed by a collection that happens to run in a worker thread of the next."""
    gc.disable()
    yield
    MainThreadCollector.collect_if_due()


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


def copy_seed(folder: Path, prefix: str, name: str | None = None) -> Path:
    """A writable copy of the seed whose name starts with ``prefix``, as a ``.md`` file."""
    seed = next(path for path in seed_files() if path.name.startswith(prefix))
    target = folder / (name or f"{seed.stem}.md")
    shutil.copyfile(seed, target)
    return target


def changed_lines(old: bytes, new: bytes) -> list[tuple[list[bytes], list[bytes]]]:
    """The (old lines, new lines) of every place the two differ, line endings included."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


class FakeDialogs:
    """Scripted answers to every question the app asks; each question is recorded in ``calls``."""

    def __init__(self) -> None:
        from agent_editor.app.dialogs import SaveChoice

        self.calls: list[tuple] = []
        self.save_choice = SaveChoice.CANCEL
        self.overwrite = True
        self.open_answer: list[Path] = []
        self.folder_answer: Path | None = None
        self.save_path_answer: Path | None = None
        self.template_answer = "new-agent"  # the name of the template chosen, or None to cancel
        self.name_answer: str | None = None
        self.trash_with_changes = True
        self.choose_variant_files = True
        self.review_recovered = True
        self.discard_recovered = True
        self.save_anyway = False
        self.version_answer: int | None = None
        self.send_to_claude = True
        self.apply_fixes = True

    def for_window(self, window):
        return self  # one script of answers for every window

    def ask_save_changes(self, name: str):
        self.calls.append(("ask_save_changes", name))
        return self.save_choice

    def ask_overwrite_changed_file(self, name: str, deleted: bool) -> bool:
        self.calls.append(("ask_overwrite_changed_file", name, deleted))
        return self.overwrite

    def ask_review_recovered(self, titles: list[str]) -> bool:
        self.calls.append(("ask_review_recovered", list(titles)))
        return self.review_recovered

    def ask_discard_recovered(self, title: str) -> bool:
        self.calls.append(("ask_discard_recovered", title))
        return self.discard_recovered

    def ask_save_anyway(self, name: str, reason: str) -> bool:
        self.calls.append(("ask_save_anyway", name, reason))
        return self.save_anyway

    def ask_version(self, name: str, choices: list[str]):
        self.calls.append(("ask_version", name, list(choices)))
        return self.version_answer

    def ask_open_paths(self, folder: Path | None) -> list[Path]:
        self.calls.append(("ask_open_paths", folder))
        return self.open_answer

    def ask_folder(self, folder: Path | None) -> Path | None:
        self.calls.append(("ask_folder", folder))
        return self.folder_answer

    def ask_save_path(self, suggested: Path) -> Path | None:
        self.calls.append(("ask_save_path", suggested))
        return self.save_path_answer

    def ask_template(self, templates: list):
        self.calls.append(("ask_template", [t.name for t in templates]))
        return next((t for t in templates if t.name == self.template_answer), None)

    def ask_agent_name(self, title: str, prompt: str, current: str) -> str | None:
        self.calls.append(("ask_agent_name", current))
        return self.name_answer

    def ask_trash_with_changes(self, name: str) -> bool:
        self.calls.append(("ask_trash_with_changes", name))
        return self.trash_with_changes

    def ask_choose_variants(self, list_shown: bool, selected: int) -> bool:
        self.calls.append(("ask_choose_variants", list_shown, selected))
        return self.choose_variant_files

    def ask_send_to_claude(self, message: str) -> bool:
        self.calls.append(("ask_send_to_claude", message))
        return self.send_to_claude

    def ask_apply_fixes(self, name: str, diff: str, labels: list[str]) -> bool:
        self.calls.append(("ask_apply_fixes", name, diff, labels))
        return self.apply_fixes

    def show_error(self, title: str, message: str) -> None:
        self.calls.append(("show_error", title, message))

    def show_about(self, title: str, html: str) -> None:
        self.calls.append(("show_about", title))

    def asked(self, what: str) -> list[tuple]:
        return [call for call in self.calls if call[0] == what]


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def settings(tmp_path):
    """Settings of the test's own, in its temporary folder."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot, dialogs, settings):
    """An editor window with scripted questions and settings of its own. At the end, unsaved
    changes are dropped and every compare window it opened is closed."""
    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.dialogs import SaveChoice
    from agent_editor.app.editor.window import MainWindow

    window = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(window)
    yield window
    dialogs.save_choice = SaveChoice.DISCARD
    for compare in window.findChildren(CompareWindow):
        compare.close()
    window.close()


def write_agent(folder: Path, file_name: str, name: str, description: str = "Does things.", body: str = "Body.\n",
                extra: str = "") -> Path:
    """A small agent file (``extra``: more header lines, each ending in a newline)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(f"---\nname: {name}\ndescription: {description}\n{extra}---\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def claude_binary() -> Path:
    """The real Claude Code, installed into .cache/claude-code on first use (see claude_code.py).

    Skipped only where npm is missing; in CI (``CI`` set) a missing client fails instead."""
    from claude_code import ClaudeCodeUnavailable, ensure_claude_code

    try:
        return ensure_claude_code()
    except ClaudeCodeUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the real Claude Code: {error}")
        pytest.skip(f"the real Claude Code is not available: {error}")


@pytest.fixture
def mock_api():
    """A mock Anthropic Messages API on 127.0.0.1 (random port) that records every request."""
    from claude_code import MockMessagesAPI

    with MockMessagesAPI() as api:
        yield api


@pytest.fixture
def claude_code(claude_binary, mock_api, tmp_path):
    """The real Claude Code wired to ``mock_api`` with an empty home; ``.run(args, cwd)``.

    After the test, asserts that the client tried to reach no address but the mock."""
    from claude_code import ClaudeCodeHarness

    harness = ClaudeCodeHarness(claude_binary, mock_api, tmp_path / "claude-home")
    yield harness
    assert not mock_api.strays, f"Claude Code tried to reach other addresses: {mock_api.strays}"
