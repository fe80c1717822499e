"""The real Claude Code, run against a mock Anthropic Messages API of the tests' own.

Claude Code (the npm package ``@anthropic-ai/claude-code``, pinned to ``CLAUDE_CODE_VERSION``)
is installed into ``.cache/claude-code/`` (ignored by git) by ``.ci/run`` or, failing that, by
the first test that needs it. ``MockMessagesAPI`` listens on 127.0.0.1 at a random port,
answers ``/v1/messages`` the way the real API streams (SSE: message_start,
content_block_start/delta/stop for text and tool_use, message_delta, message_stop), records
every request, and can be scripted per test.

Nothing may leave the machine: ``claude_env`` points the client at the mock
(``ANTHROPIC_BASE_URL``), turns off telemetry, error reports and auto-update, gives it an empty
home of its own, and sets the mock as the HTTP(S) proxy for every other address. A connection
the client tries to open anywhere else therefore arrives at the mock as a proxy request, is
refused, and is recorded in ``MockMessagesAPI.strays`` (tests assert it stays empty).

    python tests/claude_code.py --install    install the pinned Claude Code (used by .ci/run)
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

CLAUDE_CODE_VERSION = "2.1.328"
REPO = Path(__file__).resolve().parents[1]
INSTALL_DIR = REPO / ".cache" / "claude-code"
_PLATFORM_BINARY = INSTALL_DIR / "node_modules" / "@anthropic-ai" / "claude-code-linux-x64" / "claude"
_WRAPPER_BINARY = INSTALL_DIR / "node_modules" / ".bin" / "claude"
_install_lock = threading.Lock()


# --- installing the real client ------------------------------------------------------------


class ClaudeCodeUnavailable(Exception):
    """Claude Code could not be installed here (no npm, or the registry refused)."""


def _works(binary: Path) -> bool:
    try:
        out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60,
                             env={"PATH": os.environ.get("PATH", ""), "HOME": str(INSTALL_DIR),
                                  "DISABLE_AUTOUPDATER": "1"})
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0 and out.stdout.startswith(CLAUDE_CODE_VERSION)


def installed_claude() -> Path | None:
    """The pinned Claude Code binary if it is installed and answers ``--version``."""
    # npm's postinstall copies the native binary over the wrapper's placeholder; when install
    # scripts did not run, the platform package's own binary is the same program.
    for binary in (_WRAPPER_BINARY, _PLATFORM_BINARY):
        if binary.exists() and _works(binary):
            return binary
    return None


def ensure_claude_code() -> Path:
    """Install the pinned Claude Code into ``.cache/claude-code`` unless it is there already."""
    with _install_lock:
        found = installed_claude()
        if found:
            return found
        npm = shutil.which("npm")
        if not npm:
            raise ClaudeCodeUnavailable("npm is not installed, so Claude Code cannot be installed")
        INSTALL_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(INSTALL_DIR),
             f"@anthropic-ai/claude-code@{CLAUDE_CODE_VERSION}"],
            capture_output=True, text=True, timeout=600,
        )
        found = installed_claude()
        if not found:
            raise ClaudeCodeUnavailable(
                f"npm install @anthropic-ai/claude-code@{CLAUDE_CODE_VERSION} failed:\n"
                f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
        return found


# --- scripted replies -----------------------------------------------------------------------


@dataclass
class ToolCall:
    name: str
    input: dict


@dataclass
class Reply:
    """One assistant turn: optional text, then tool calls. ``delay`` holds the stream open
    (seconds) after message_start, to keep a client waiting."""

    text: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    delay: float = 0.0

    @classmethod
    def tool(cls, name: str, text: str = "", **tool_input) -> "Reply":
        return cls(text=text, tool_calls=[ToolCall(name, tool_input)])


@dataclass
class RecordedRequest:
    """One request the client sent to the mock."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict

    @property
    def system_text(self) -> str:
        system = self.body.get("system") or ""
        if isinstance(system, str):
            return system
        return "\n".join(block.get("text", "") for block in system if isinstance(block, dict))

    @property
    def tool_names(self) -> list[str]:
        return [tool.get("name", "") for tool in self.body.get("tools") or []]

    @property
    def messages(self) -> list[dict]:
        return self.body.get("messages") or []

    def _blocks(self, role: str) -> list[dict]:
        blocks = []
        for message in self.messages:
            if message.get("role") != role:
                continue
            content = message.get("content")
            if isinstance(content, str):
                blocks.append({"type": "text", "text": content})
            else:
                blocks.extend(block for block in content or [] if isinstance(block, dict))
        return blocks

    @property
    def user_text(self) -> str:
        """All text the user side sent (the request, plus reminders Claude Code adds)."""
        return "\n".join(block.get("text", "") for block in self._blocks("user") if block.get("type") == "text")

    @property
    def conversation_text(self) -> str:
        """The text of every message, any role (2.1.328 sends the environment and the list of
        agents as a message with the role ``system``)."""
        return "\n".join(block.get("text", "") for role in ("user", "system", "assistant")
                         for block in self._blocks(role) if block.get("type") == "text")

    def offered_agents(self) -> dict[str, str]:
        """The agents offered to the model for the Agent tool: name -> the rest of its line
        ("description (Tools: ...)"), as listed under "Available agent types"."""
        text = self.conversation_text + "\n" + self.system_text
        start = text.find("Available agent types")
        if start < 0:
            return {}
        agents = {}
        for line in text[start:].splitlines()[1:]:
            if not line.startswith("- "):
                break
            name, _, rest = line[2:].partition(": ")
            agents[name] = rest
        return agents

    @property
    def has_tool_result(self) -> bool:
        return any(block.get("type") == "tool_result" for block in self._blocks("user"))

    @property
    def is_main_turn(self) -> bool:
        """A conversation turn (with tools), as opposed to a side request such as a title."""
        return self.path.startswith("/v1/messages") and not self.path.endswith("count_tokens") and bool(self.tool_names)


Script = Callable[[RecordedRequest], "Reply | None"]
_ids = itertools.count(1)


def _sse(event: str, data: dict) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def _usage(request: RecordedRequest, output_tokens: int) -> dict:
    return {"input_tokens": max(1, len(json.dumps(request.body)) // 4), "output_tokens": output_tokens,
            "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}


def reply_events(request: RecordedRequest, reply: Reply) -> list[bytes]:
    """The SSE events of ``reply`` as the Messages API streams them."""
    message_id = f"msg_mock{next(_ids):05d}"
    model = request.body.get("model", "claude-mock")
    output_tokens = max(1, (len(reply.text) + len(json.dumps([c.input for c in reply.tool_calls]))) // 4)
    events = [_sse("message_start", {"type": "message_start", "message": {
        "id": message_id, "type": "message", "role": "assistant", "model": model, "content": [],
        "stop_reason": None, "stop_sequence": None, "usage": _usage(request, 1)}})]
    index = 0
    if reply.text:
        events.append(_sse("content_block_start", {"type": "content_block_start", "index": index,
                                                    "content_block": {"type": "text", "text": ""}}))
        words = reply.text.split(" ")
        for number, word in enumerate(words):  # several deltas, as the real stream sends
            chunk = word if number == len(words) - 1 else word + " "
            events.append(_sse("content_block_delta", {"type": "content_block_delta", "index": index,
                                                       "delta": {"type": "text_delta", "text": chunk}}))
        events.append(_sse("content_block_stop", {"type": "content_block_stop", "index": index}))
        index += 1
    for call in reply.tool_calls:
        events.append(_sse("content_block_start", {"type": "content_block_start", "index": index, "content_block": {
            "type": "tool_use", "id": f"toolu_mock{next(_ids):05d}", "name": call.name, "input": {}}}))
        events.append(_sse("content_block_delta", {"type": "content_block_delta", "index": index, "delta": {
            "type": "input_json_delta", "partial_json": json.dumps(call.input)}}))
        events.append(_sse("content_block_stop", {"type": "content_block_stop", "index": index}))
        index += 1
    stop = "tool_use" if reply.tool_calls else "end_turn"
    events.append(_sse("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                                         "usage": {"output_tokens": output_tokens}}))
    events.append(_sse("message_stop", {"type": "message_stop"}))
    return events


def reply_message(request: RecordedRequest, reply: Reply) -> dict:
    """``reply`` as one non-streamed Messages API response."""
    content: list[dict] = [{"type": "text", "text": reply.text}] if reply.text else []
    content += [{"type": "tool_use", "id": f"toolu_mock{next(_ids):05d}", "name": c.name, "input": c.input}
                for c in reply.tool_calls]
    return {"id": f"msg_mock{next(_ids):05d}", "type": "message", "role": "assistant",
            "model": request.body.get("model", "claude-mock"), "content": content,
            "stop_reason": "tool_use" if reply.tool_calls else "end_turn", "stop_sequence": None,
            "usage": _usage(request, max(1, len(reply.text) // 4))}


# --- the mock server --------------------------------------------------------------------------


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client stopped mid-request (Stop, or a pick run ended at its first Agent call).
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class MockMessagesAPI:
    """A Messages API on 127.0.0.1 at a random port; use as a context manager.

    ``script`` decides each reply: a function of the recorded request returning a ``Reply``
    (``None`` means the default). The default answers a conversation turn with
    ``default_text`` and any side request (title, topic) with a short text."""

    def __init__(self, script: Script | None = None, default_text: str = "Mock answer.") -> None:
        self.script = script
        self.default_text = default_text
        self.requests: list[RecordedRequest] = []
        self.strays: list[str] = []  # proxy requests: the client tried to reach another address
        self._lock = threading.Lock()
        self.closing = threading.Event()  # ends a scripted delay early when the mock stops
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="mock-messages-api", daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "MockMessagesAPI":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()

    # what tests read

    def messages_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.split("?")[0] == "/v1/messages"]

    def main_turns(self) -> list[RecordedRequest]:
        return [r for r in self.messages_requests() if r.is_main_turn]

    # serving

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _stray(self, what: str) -> None:
        with self._lock:
            self.strays.append(what)

    def _reply_for(self, request: RecordedRequest) -> Reply:
        reply = self.script(request) if self.script else None
        if reply is not None:
            return reply
        return Reply(self.default_text if request.is_main_turn else "Mock title")

    def _handler_class(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _send_json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _own_path(self) -> str | None:
                """The path if this request is for the mock itself; None for a proxied request
                to another address (which is recorded and refused)."""
                if self.path.startswith("/"):
                    return self.path
                for prefix in (f"http://127.0.0.1:{api.port}", f"http://localhost:{api.port}"):
                    if self.path.startswith(prefix + "/"):
                        return self.path[len(prefix):]
                api._stray(f"{self.command} {self.path}")
                self._send_json(403, {"type": "error", "error": {"type": "forbidden", "message": "tests allow loopback only"}})
                return None

            def _body(self) -> dict:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    return json.loads(raw) if raw else {}
                except ValueError:
                    return {"_raw": raw.decode("utf-8", "replace")}

            def do_CONNECT(self) -> None:
                api._stray(f"CONNECT {self.path}")
                self.send_response(403)
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.close_connection = True

            def do_GET(self) -> None:
                path = self._own_path()
                if path is None:
                    return
                api._record(RecordedRequest("GET", path, dict(self.headers), {}))
                self._send_json(404, {"type": "error", "error": {"type": "not_found_error", "message": path}})

            def do_HEAD(self) -> None:
                self.do_GET()

            def do_POST(self) -> None:
                path = self._own_path()
                if path is None:
                    return
                request = RecordedRequest("POST", path, dict(self.headers), self._body())
                api._record(request)
                bare = path.split("?")[0]
                if bare == "/v1/messages/count_tokens":
                    self._send_json(200, {"input_tokens": max(1, len(json.dumps(request.body)) // 4)})
                elif bare == "/v1/messages":
                    self._messages(request)
                else:
                    self._send_json(404, {"type": "error", "error": {"type": "not_found_error", "message": path}})

            def _messages(self, request: RecordedRequest) -> None:
                reply = api._reply_for(request)
                if not request.body.get("stream"):
                    self._send_json(200, reply_message(request, reply))
                    return
                events = reply_events(request, reply)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Content-Length", str(sum(len(e) for e in events)))
                self.end_headers()
                try:
                    self.wfile.write(events[0])
                    self.wfile.flush()
                    if reply.delay:
                        api.closing.wait(reply.delay)
                    for event in events[1:]:
                        self.wfile.write(event)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):  # the client was stopped
                    self.close_connection = True

        return Handler


# --- running the client ------------------------------------------------------------------------


def claude_env(api: MockMessagesAPI, home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A clean environment for Claude Code that reaches only the mock.

    Built from nothing (not from os.environ) so no credentials or settings of the machine's
    user reach the client."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "CLAUDE_CONFIG_DIR": str(home / ".claude"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "TMPDIR": str(home),
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "ANTHROPIC_BASE_URL": api.url,
        "ANTHROPIC_API_KEY": "test",
        # Documented switches for everything that is not the conversation itself.
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
        "DISABLE_AUTOUPDATER": "1",
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "DISABLE_BUG_COMMAND": "1",
        "DISABLE_COST_WARNINGS": "1",
        "CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1",
        "CLAUDE_CODE_DISABLE_TERMINAL_TITLE": "1",
        # Anything else the client opens goes to the mock as a proxy request and is recorded.
        "HTTPS_PROXY": api.url,
        "HTTP_PROXY": api.url,
        "https_proxy": api.url,
        "http_proxy": api.url,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    env.update(extra or {})
    return env


def run_claude(binary: Path, args: list[str], env: dict[str, str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


class ClaudeCodeHarness:
    """The real client, a mock API of its own and an empty home: what the ``claude_code``
    fixture gives a test. ``run`` starts ``claude`` with the given arguments and waits; ``env``
    has ``claude`` on its PATH, for programs that look for it there."""

    def __init__(self, binary: Path, api: MockMessagesAPI, home: Path) -> None:
        self.binary = binary
        self.api = api
        self.home = home
        self.env = claude_env(api, home)
        self.env["PATH"] = f"{binary.parent}{os.pathsep}{self.env['PATH']}"  # `claude` is on the PATH

    def run(self, args: list[str], cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        return run_claude(self.binary, args, self.env, cwd or self.home, timeout)


def stream_events(stdout: str) -> list[dict]:
    """The JSON lines of a ``--output-format stream-json`` run."""
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        try:
            print(f"Claude Code {CLAUDE_CODE_VERSION}: {ensure_claude_code()}")
        except ClaudeCodeUnavailable as error:
            print(error, file=sys.stderr)
            raise SystemExit(1)
    else:
        print(__doc__)
