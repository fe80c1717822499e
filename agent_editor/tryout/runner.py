"""Running Claude Code once per variant, in parallel up to a limit, and stopping the runs.

Each run is one ``claude -p REQUEST --output-format stream-json --verbose
--include-partial-messages --agents FILE --agent TEMPNAME --permission-mode MODE
--max-budget-usd CAP --no-session-persistence`` process (flags as in Claude Code 2.1.328).
A reader thread per process turns its output lines into events (``events.py``) and hands
them to ``on_event``; nothing here knows about Qt, so the window and the command line share
it. Problems (Claude Code missing, not logged in, over budget) become plain words in
``RunResult.problem``, never exceptions the author would see.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from agent_editor.tryout.events import Event, RunResult, parse_line
from agent_editor.tryout.variants import Variant, agents_json, project_folder, temp_names

# Claude Code's own choices for --permission-mode, the safe one first.
PERMISSION_MODES = ("plan", "default", "acceptEdits", "dontAsk", "auto", "bypassPermissions")
DEFAULT_PERMISSION_MODE = "plan"
DEFAULT_BUDGET_USD = 0.25
DEFAULT_PARALLEL = 3

CLAUDE_MISSING = (
    "Claude Code is not installed, or not where Agent Editor looks for it. Install it "
    "(npm install -g @anthropic-ai/claude-code), run `claude` once in a terminal to log in, "
    "or set the path to the `claude` program in the Try settings."
)
NOT_LOGGED_IN = (
    "Claude Code is not logged in. Open a terminal, run `claude` and log in "
    "(or set ANTHROPIC_API_KEY), then press Run again."
)


class ClaudeMissing(Exception):
    """No ``claude`` program to run; ``str()`` says what to do in plain words."""


def permission_warning(mode: str) -> str:
    """Plain words on what a permission mode other than ``plan`` lets the runs do."""
    if mode == "plan":
        return ""
    if mode == "bypassPermissions":
        return ("Each variant may change and delete files and run any command in the working folder, "
                "without asking. Only use this in a throw-away copy of your project.")
    return ("Each variant may change files in the working folder (and with some modes run commands). "
            "“plan” is the mode that changes nothing.")


@dataclass
class TryOptions:
    prompt: str
    budget_usd: float = DEFAULT_BUDGET_USD  # per run: --max-budget-usd
    permission_mode: str = DEFAULT_PERMISSION_MODE
    cwd: Path | None = None  # None: the first variant's project, else an empty folder
    claude: str | None = None  # a path set by the author; None: ``claude`` on the PATH
    max_parallel: int = DEFAULT_PARALLEL
    timeout_s: float = 900.0
    env: dict[str, str] | None = None  # None: this program's environment


def find_claude(setting: str | None = None, env: dict[str, str] | None = None) -> Path:
    """The ``claude`` program: the path set in the settings, else the one on the PATH."""
    if setting:
        path = Path(setting).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise ClaudeMissing(f"There is no `claude` program at {setting}. {CLAUDE_MISSING}")
    search = (env if env is not None else os.environ).get("PATH")
    found = shutil.which("claude", path=search)
    if not found:
        raise ClaudeMissing(CLAUDE_MISSING)
    return Path(found)


def claude_arguments(prompt: str, agents_file: Path, agent: str | None, options: TryOptions) -> list[str]:
    args = ["-p", prompt, "--output-format", "stream-json", "--verbose", "--include-partial-messages",
            "--agents", str(agents_file), "--permission-mode", options.permission_mode,
            "--max-budget-usd", f"{options.budget_usd:.4f}".rstrip("0").rstrip("."),
            "--no-session-persistence"]
    if agent:
        args += ["--agent", agent]
    return args


def plain_problem(result: RunResult, returncode: int | None, stderr: str) -> str:
    """What went wrong in a finished run, in words an author can act on ("" if nothing)."""
    error = result.client_error
    finished = result.finished
    said = " ".join(filter(None, [error.text if error else "", finished.text if finished else "", stderr]))
    if (error and error.kind == "authentication_failed") or any(
            marker in said for marker in ("Not logged in", "Invalid API key", "Please run /login")):
        return NOT_LOGGED_IN
    if finished and finished.subtype == "error_max_budget_usd":
        return (f"Stopped at the budget cap after spending ${finished.cost_usd:.2f}. "
                "Raise the cap in the Try settings to let it finish.")
    if finished and finished.is_error:
        detail = finished.text or "; ".join(finished.errors) or finished.subtype
        return f"Claude Code reported a problem: {detail}"
    if error:
        return f"Claude Code reported a problem: {error.text or error.kind}"
    if finished is None and not result.stopped:
        last = [line for line in stderr.strip().splitlines() if line.strip()]
        code = "" if returncode is None else f" (exit code {returncode})"
        return f"Claude Code stopped without an answer{code}" + (f": {last[-1][:300]}" if last else ".")
    return ""


EventHandler = Callable[["Run", Event], None]
DoneHandler = Callable[["Run"], None]


class Run:
    """One ``claude`` process and the result it builds up."""

    def __init__(self, label: str, agent_name: str, argv: list[str], cwd: Path, env: dict[str, str] | None,
                 timeout_s: float, until: Callable[[RunResult], bool] | None = None) -> None:
        self.result = RunResult(label, agent_name)
        self.argv = argv
        self.cwd = cwd
        self.env = env
        self.timeout_s = timeout_s
        self.until = until  # stop the process as soon as this holds (it ended early, not stopped)
        self.ended_early = False
        self.process: subprocess.Popen | None = None
        self._stderr: list[str] = []
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._started_at = 0.0

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def start(self, on_event: EventHandler, on_done: DoneHandler) -> None:
        self._started_at = time.monotonic()
        try:
            self.process = subprocess.Popen(
                self.argv, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, start_new_session=(os.name == "posix"),
            )
        except OSError as error:
            self.result.problem = f"Claude Code could not be started: {error.strerror or error}. {CLAUDE_MISSING}"
            self._finish(on_done)
            return
        threading.Thread(target=self._read_stderr, daemon=True).start()
        threading.Thread(target=self._read, args=(on_event, on_done), daemon=True).start()
        threading.Thread(target=self._watch_time, daemon=True).start()

    def _read_stderr(self) -> None:
        assert self.process and self.process.stderr
        for raw in self.process.stderr:
            if len(self._stderr) < 200:
                self._stderr.append(raw.decode("utf-8", "replace"))

    def _read(self, on_event: EventHandler, on_done: DoneHandler) -> None:
        assert self.process and self.process.stdout
        for raw in self.process.stdout:
            for event in parse_line(raw):
                with self._lock:
                    self.result.apply(event)
                on_event(self, event)
            if self.until and not self.ended_early and self.until(self.result):
                self.ended_early = True
                self._signal(signal.SIGTERM)
        returncode = self.process.wait()
        if not self.ended_early and not self.result.problem:  # a timeout has said its own words
            self.result.problem = plain_problem(self.result, returncode, "".join(self._stderr))
        self._finish(on_done)

    def _watch_time(self) -> None:
        if not self._finished.wait(self.timeout_s):
            limit = self.timeout_s
            words = f"{limit / 60:.0f} minutes" if limit >= 120 else f"{limit:.0f} second" + ("" if round(limit) == 1 else "s")
            self.result.problem = f"Stopped after {words} without an end. Claude Code may be waiting for something."
            self.stop()

    def _finish(self, on_done: DoneHandler) -> None:
        self.result.seconds = time.monotonic() - self._started_at if self._started_at else 0.0
        self._finished.set()
        on_done(self)

    def stop(self) -> None:
        """End the process (and what it started); the run counts as stopped."""
        if self.done:
            return
        self.result.stopped = True
        self._signal(signal.SIGTERM)
        threading.Thread(target=self._kill_later, daemon=True).start()

    def _kill_later(self) -> None:
        if not self._finished.wait(3.0):
            self._signal(getattr(signal, "SIGKILL", signal.SIGTERM))

    def _signal(self, sig: int) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        try:
            if os.name == "posix":
                os.killpg(process.pid, sig)  # its own session: the whole group, children too
            else:
                process.terminate()
        except (ProcessLookupError, PermissionError):
            pass

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)


@dataclass
class Job:
    label: str
    agent_name: str
    agent: str | None  # --agent, or None for the main session


@dataclass
class TryBatch:
    """Several runs of one request: at most ``max_parallel`` at a time; ``stop`` ends all."""

    runs: list[Run]
    max_parallel: int
    agent_names: list[str]
    labels: list[str]
    folder: Path  # holds the --agents file; removed when every run is done
    on_event: EventHandler | None = None
    on_done: DoneHandler | None = None
    on_all_done: Callable[["TryBatch"], None] | None = None
    _next: int = 0
    _stopped: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _all_done: threading.Event = field(default_factory=threading.Event)

    @property
    def results(self) -> list[RunResult]:
        return [run.result for run in self.runs]

    def start(self) -> "TryBatch":
        for _ in range(max(1, self.max_parallel)):
            self._start_next()
        return self

    def _start_next(self) -> None:
        with self._lock:
            if self._stopped or self._next >= len(self.runs):
                return
            run = self.runs[self._next]
            self._next += 1
        run.start(self._event, self._run_done)

    def _event(self, run: Run, event: Event) -> None:
        if self.on_event:
            self.on_event(run, event)

    def _run_done(self, run: Run) -> None:
        if self.on_done:
            self.on_done(run)
        self._start_next()
        if all(r.done for r in self.runs) and not self._all_done.is_set():
            shutil.rmtree(self.folder, ignore_errors=True)
            self._all_done.set()
            if self.on_all_done:
                self.on_all_done(self)

    def stop(self) -> None:
        """End every run: the running ones are ended, the waiting ones never start."""
        with self._lock:
            self._stopped = True
            waiting = self.runs[self._next:]
            self._next = len(self.runs)
        for run in self.runs:
            if run not in waiting:
                run.stop()
        for run in waiting:
            run.result.stopped = True
            run._finish(self._run_done)

    def wait(self, timeout: float | None = None) -> bool:
        return self._all_done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._all_done.is_set()


def working_folder(variants: list[Variant], options: TryOptions, scratch: Path) -> Path:
    if options.cwd:
        return Path(options.cwd)
    for variant in variants:
        folder = project_folder(variant.path)
        if folder and folder.is_dir():
            return folder
    empty = scratch / "work"
    empty.mkdir(exist_ok=True)
    return empty


def _batch(variants: list[Variant], options: TryOptions, jobs_for: Callable[[list[str]], list[Job]],
           until: Callable[[RunResult], bool] | None = None) -> TryBatch:
    claude = find_claude(options.claude, options.env)
    names = temp_names(variants)
    folder = Path(tempfile.mkdtemp(prefix="agent-editor-try-"))
    agents_file = folder / "agents.json"
    agents_file.write_text(json.dumps(agents_json(variants, names), ensure_ascii=False), encoding="utf-8")
    cwd = working_folder(variants, options, folder)
    runs = [Run(job.label, job.agent_name, [str(claude), *claude_arguments(options.prompt, agents_file, job.agent, options)],
                cwd, options.env, options.timeout_s, until)
            for job in jobs_for(names)]
    return TryBatch(runs, options.max_parallel, names, [v.label for v in variants], folder)


def try_variants(variants: list[Variant], options: TryOptions) -> TryBatch:
    """One run per variant, each as the whole session (``--agent``). Raises ClaudeMissing.

    Set the batch's handlers, then call ``start()``."""
    return _batch(variants, options,
                  lambda names: [Job(v.label, name, name) for v, name in zip(variants, names)])


def would_pick(variants: list[Variant], options: TryOptions, runs: int = 3) -> TryBatch:
    """``runs`` main sessions with every variant registered; each ends at its first Agent call."""
    return _batch(variants, options,
                  lambda names: [Job(f"run {n + 1}", "", None) for n in range(runs)],
                  until=lambda result: result.first_agent_call() is not None)
