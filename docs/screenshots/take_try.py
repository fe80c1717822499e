"""Takes the README's screenshot of the Try window, against the tests' mock Messages API.

Run under an X server (Xvfb with a screen of at least 1400x880), from the repository:

    DISPLAY=:1 python docs/screenshots/take_try.py ../shared/seeds docs/screenshots

It runs the real Claude Code (installed by the tests into .cache/claude-code) with two seed
variants against the mock on 127.0.0.1, whose scripted answers stand in for the model's,
then runs "Would Claude pick it?" three times, and saves the window as try.png.
Nothing is sent anywhere but the mock.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from claude_code import ClaudeCodeHarness, MockMessagesAPI, Reply, ensure_claude_code  # noqa: E402

from agent_editor.app.start import apply_style, make_application  # noqa: E402
from shots import settle, save_window  # noqa: E402

ANSWER_A = """I'd design it around **Supabase** so most of the API comes for free:

1. **Tables**: `todos (id, user_id, title, done, created_at)` with a foreign key to `auth.users`.
2. **Row-level security**: `user_id = auth.uid()` on select, insert, update and delete.
3. **API**: PostgREST gives `GET/POST/PATCH/DELETE /todos`; add an RPC `complete_all()`.

Use an index on `(user_id, created_at)` for the list view."""

ANSWER_B = """**Design** (reliability first):

1. **Endpoints**: `GET /todos`, `POST /todos`, `PATCH /todos/{id}`, `DELETE /todos/{id}`.
2. **Data integrity**: validate titles server-side; use idempotency keys on `POST`.
3. **Failure modes**: timeouts and retries with backoff; return `409` on conflicts.

Add structured logging and a health check before the first deploy."""


class Confirming:
    """Answers the one question before the first run with yes (the screenshot's own)."""

    def for_window(self, window):
        return self

    def ask_send_to_claude(self, message: str) -> bool:
        return True


PICKS: list = []


def script(request):
    if "backend system architect specializing in scalable" in request.system_text:
        return Reply(ANSWER_A)
    if "# Backend Architect" in request.system_text:
        if request.has_tool_result:
            return Reply(ANSWER_B)
        return Reply.tool("Read", text="Let me first check what is already there.", file_path="api/routes.py")
    if request.is_main_turn and not request.has_tool_result:
        PICKS.append(None)  # the mock's stand-in for the model asks for B twice and A once
        pick = "backend-architect-try-a" if len(PICKS) == 2 else "backend-architect-try-b"
        return Reply.tool("Agent", subagent_type=pick, description="Design the API", prompt="Design it")
    return None


def main(seeds: Path, out: Path) -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = make_application([sys.argv[0]], style=False)
    apply_style(app)
    from agent_editor.app.open_document import OpenDocument
    from agent_editor.app.tryout.window import TryWindow

    work = Path(tempfile.mkdtemp())
    project = work / "todo-app"
    (project / ".claude" / "agents").mkdir(parents=True)
    (project / "api").mkdir()
    (project / "api" / "routes.py").write_text("routes = []\n")
    paths = []
    for prefix in ("000", "003"):
        seed = next(seeds.glob(f"{prefix}_*.txt"))
        paths.append(project / ".claude" / "agents" / f"{seed.stem}.md")
        shutil.copyfile(seed, paths[-1])
    binary = ensure_claude_code()
    with MockMessagesAPI(script) as api:
        harness = ClaudeCodeHarness(binary, api, work / "home")
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        window = TryWindow([OpenDocument.open(p) for p in paths], Confirming(), settings,
                           env=harness.env, store_folder=work / "store")
        window.resize(1400, 880)
        window.move(0, 0)
        window.show()
        window.request.setPlainText("Design the API for a small todo app: list, add, complete and delete todos.")
        window.pick_runs.setValue(3)
        window.run()
        while not window.run_button.isEnabled():
            settle(100)
        window.run_pick()
        while not window.run_button.isEnabled():
            settle(100)
        settle(500)
        assert not api.strays, api.strays
        path = out / "try.png"
        save_window(window, path)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
