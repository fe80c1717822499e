"""Claude Code's ``--output-format stream-json`` lines, read into typed events and a result.

One JSON object per line. What Claude Code 2.1.328 sends with ``--verbose
--include-partial-messages`` (observed against a mock API):

- ``system``/``init``: model, tools, agents, permission mode;
- ``stream_event``: the API's own stream (``content_block_delta`` with ``text_delta``) as it
  arrives, for showing the answer word by word;
- ``assistant``: each finished content block (text, or ``tool_use`` with its input), with
  ``error`` set (e.g. ``authentication_failed``) when the client made the message itself;
- ``user``: tool results (``tool_result``, ``is_error``);
- ``result``: the end, with ``total_cost_usd``, ``usage``, ``duration_ms``, ``num_turns``,
  ``is_error`` and ``subtype`` (``success``, ``error_max_budget_usd``, ...).

Events from inside a subagent carry ``parent_tool_use_id``; only the session's own text
makes the answer. Lines are a stranger's input: anything unexpected is skipped, never raised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Union

MAX_LINE = 16 * 1024 * 1024  # a line longer than this is not read (a runaway tool output)


@dataclass(frozen=True)
class Started:
    model: str
    tools: tuple[str, ...]
    agents: tuple[str, ...]
    permission_mode: str


@dataclass(frozen=True)
class TextDelta:
    """A piece of the answer as it streams in."""

    text: str


@dataclass(frozen=True)
class Text:
    """A finished block of the answer's text."""

    text: str
    subagent: bool = False


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    input: dict
    subagent: bool = False

    def short_input(self, limit: int = 80) -> str:
        """The input in a few words: the most telling value first, cut at ``limit``."""
        for key in ("subagent_type", "command", "file_path", "path", "pattern", "url", "query", "description", "prompt"):
            value = self.input.get(key)
            if isinstance(value, str) and value.strip():
                return _cut(" ".join(value.split()), limit)
        text = json.dumps(self.input, ensure_ascii=False)
        return _cut(text, limit)


@dataclass(frozen=True)
class ToolResult:
    tool_use_id: str
    is_error: bool
    text: str


@dataclass(frozen=True)
class Finished:
    """The ``result`` line: the end of the run."""

    text: str
    is_error: bool
    subtype: str
    cost_usd: float
    input_tokens: int
    output_tokens: int
    duration_ms: int
    turns: int
    errors: tuple[str, ...]


@dataclass(frozen=True)
class ClientError:
    """A message the client made itself instead of the model (``error`` on ``assistant``)."""

    kind: str  # e.g. "authentication_failed"
    text: str


Event = Union[Started, TextDelta, Text, ToolCall, ToolResult, Finished, ClientError]


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _result_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(_str(block.get("text")) for block in content if isinstance(block, dict))
    return ""


def parse_line(line: str | bytes) -> list[Event]:
    """The events in one stream-json line (none for lines this app does not use)."""
    if len(line) > MAX_LINE:
        return []
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(data, dict):
        return []
    kind = data.get("type")
    subagent = bool(data.get("parent_tool_use_id"))
    if kind == "system" and data.get("subtype") == "init":
        return [Started(_str(data.get("model")), _strings(data.get("tools")), _strings(data.get("agents")),
                        _str(data.get("permissionMode")))]
    if kind == "stream_event" and not subagent:
        event = data.get("event")
        if isinstance(event, dict) and event.get("type") == "content_block_delta":
            delta = event.get("delta")
            if isinstance(delta, dict) and delta.get("type") == "text_delta":
                return [TextDelta(_str(delta.get("text")))]
        return []
    if kind in ("assistant", "user"):
        message = data.get("message")
        content = message.get("content") if isinstance(message, dict) else None
        if not isinstance(content, list):
            return []
        if kind == "assistant" and isinstance(data.get("error"), str):
            return [ClientError(data["error"], _result_text(content))]
        events: list[Event] = []
        for block in content:
            if not isinstance(block, dict):
                continue
            if kind == "assistant" and block.get("type") == "text":
                events.append(Text(_str(block.get("text")), subagent))
            elif kind == "assistant" and block.get("type") == "tool_use":
                tool_input = block.get("input")
                events.append(ToolCall(_str(block.get("id")), _str(block.get("name")),
                                       tool_input if isinstance(tool_input, dict) else {}, subagent))
            elif kind == "user" and block.get("type") == "tool_result" and not subagent:
                events.append(ToolResult(_str(block.get("tool_use_id")), bool(block.get("is_error")),
                                         _result_text(block.get("content"))))
        return events
    if kind == "result":
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        cost = data.get("total_cost_usd")
        return [Finished(
            text=_str(data.get("result")),
            is_error=bool(data.get("is_error")),
            subtype=_str(data.get("subtype")),
            cost_usd=float(cost) if isinstance(cost, (int, float)) and not isinstance(cost, bool) else 0.0,
            input_tokens=_int(usage.get("input_tokens")) + _int(usage.get("cache_read_input_tokens"))
            + _int(usage.get("cache_creation_input_tokens")),
            output_tokens=_int(usage.get("output_tokens")),
            duration_ms=_int(data.get("duration_ms")),
            turns=_int(data.get("num_turns")),
            errors=_strings(data.get("errors")),
        )]
    return []


@dataclass
class RunResult:
    """Everything one run has shown so far; ``apply`` each event in order."""

    label: str
    agent_name: str = ""  # the temporary name the variant ran under
    model: str = ""
    tools_offered: tuple[str, ...] = ()
    answer: str = ""  # finished text blocks of the session itself
    streaming: str = ""  # the block now streaming in, not yet finished
    tool_calls: list[ToolCall] = field(default_factory=list)
    tool_errors: dict[str, str] = field(default_factory=dict)  # tool_use_id -> error text
    finished: Finished | None = None
    client_error: ClientError | None = None
    problem: str = ""  # plain words when the run could not start or ended badly
    stopped: bool = False
    seconds: float = 0.0

    def apply(self, event: Event) -> None:
        if isinstance(event, Started):
            self.model, self.tools_offered = event.model, event.tools
        elif isinstance(event, TextDelta):
            self.streaming += event.text
        elif isinstance(event, Text):
            if not event.subagent:
                self.answer += ("\n\n" if self.answer else "") + event.text
                self.streaming = ""
        elif isinstance(event, ToolCall):
            self.tool_calls.append(event)
            self.streaming = ""
        elif isinstance(event, ToolResult):
            if event.is_error:
                self.tool_errors[event.tool_use_id] = event.text
        elif isinstance(event, ClientError):
            self.client_error = event
        elif isinstance(event, Finished):
            self.finished = event
            self.streaming = ""

    @property
    def shown_text(self) -> str:
        """The answer as it stands, the streaming block included."""
        if not self.streaming:
            return self.answer
        return self.answer + ("\n\n" if self.answer else "") + self.streaming

    @property
    def done(self) -> bool:
        return self.finished is not None or self.stopped or bool(self.problem)

    @property
    def ok(self) -> bool:
        return self.finished is not None and not self.finished.is_error and not self.problem

    @property
    def cost_usd(self) -> float:
        return self.finished.cost_usd if self.finished else 0.0

    def first_agent_call(self) -> ToolCall | None:
        """The session's first call of the Agent tool (``Task`` is its old name)."""
        for call in self.tool_calls:
            if call.name in ("Agent", "Task") and not call.subagent:
                return call
        return None

    def to_json(self) -> dict:
        finished = self.finished
        return {
            "variant": self.label,
            "agent_name": self.agent_name,
            "ok": self.ok,
            "problem": self.problem or None,
            "stopped": self.stopped,
            "model": self.model,
            "answer": self.answer,
            "tool_calls": [{"name": c.name, "input": c.input} for c in self.tool_calls if not c.subagent],
            "cost_usd": finished.cost_usd if finished else None,
            "input_tokens": finished.input_tokens if finished else None,
            "output_tokens": finished.output_tokens if finished else None,
            "seconds": round(self.seconds, 2),
            "turns": finished.turns if finished else None,
        }
