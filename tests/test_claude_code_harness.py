"""The test harness itself: the real Claude Code talks to the mock API and to nothing else."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from claude_code import Reply, stream_events

PRINT = ["--output-format", "stream-json", "--verbose", "--no-session-persistence"]


def test_a_print_run_reaches_the_mock_and_streams_its_answer(claude_code):
    claude_code.api.default_text = "Hello from the **mock**."
    done = claude_code.run(["-p", "Say hello", *PRINT])
    assert done.returncode == 0, done.stderr

    events = stream_events(done.stdout)
    assert events[0]["type"] == "system" and events[0]["subtype"] == "init"
    assert events[0]["apiKeySource"] == "ANTHROPIC_API_KEY"
    result = events[-1]
    assert result["type"] == "result" and result["result"] == "Hello from the **mock**."
    assert result["usage"]["input_tokens"] > 0

    # 2.1.328 with -p sends exactly one request: the conversation turn (no title, no count).
    turns = claude_code.api.messages_requests()
    assert len(turns) == 1 and turns[0].is_main_turn
    assert turns[0].body["stream"] is True
    assert "Say hello" in turns[0].user_text


def test_a_scripted_tool_call_reaches_the_client(claude_code, tmp_path):
    agents = tmp_path / "agents.json"
    agents.write_text(json.dumps({
        "harness-helper": {"description": "Helps the harness.", "prompt": "You are the HARNESS-HELPER."},
    }))

    def script(request):
        if request.is_main_turn and not request.has_tool_result:
            return Reply.tool("Agent", subagent_type="harness-helper", description="help", prompt="Help.")
        return None

    claude_code.api.script = script
    done = claude_code.run(["-p", "Get help", *PRINT, "--agents", str(agents), "--permission-mode", "plan"])
    assert done.returncode == 0, done.stderr
    events = stream_events(done.stdout)
    assert "harness-helper" in events[0]["agents"]
    calls = [block for event in events if event["type"] == "assistant"
             for block in event["message"]["content"] if block["type"] == "tool_use"]
    assert calls and calls[0]["name"] == "Agent" and calls[0]["input"]["subagent_type"] == "harness-helper"
    # The main session's first request offers the Agent tool and lists the registered agent.
    first = claude_code.api.main_turns()[0]
    assert "Agent" in first.tool_names
    offered = first.offered_agents()
    assert offered["harness-helper"] == "Helps the harness. (Tools: All tools)"


def test_the_trap_records_a_request_for_any_other_address(mock_api):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(
        {"http": mock_api.url, "https": mock_api.url}))
    for url in ("http://example.invalid/x", "https://example.invalid/y"):
        with pytest.raises((urllib.error.URLError, OSError)):
            opener.open(url, timeout=5)
    assert mock_api.strays == ["GET http://example.invalid/x", "CONNECT example.invalid:443"]
    mock_api.strays.clear()


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed (.ci/run installs it)")
def test_every_connection_the_client_opens_is_to_loopback(claude_code, tmp_path):
    trace = tmp_path / "connect.txt"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), str(claude_code.binary), "-p", "Hi", *PRINT],
        env=claude_code.env, cwd=claude_code.home, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    inet = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
    assert inet, "strace saw no network connection at all"
    addresses = {m for line in inet for m in re.findall(r'inet_(?:addr|pton)\((?:AF_INET6, )?"([^"]+)"', line)}
    assert addresses <= {"127.0.0.1", "::1"}, inet
    ports = {int(p) for line in inet for p in re.findall(r"htons\((\d+)\)", line)}
    assert ports == {claude_code.api.port}, inet


def test_without_the_switches_the_client_calls_home_and_the_trap_catches_it(claude_code):
    # Shows the trap is not vacuous: 2.1.328 without the documented switches tries to reach
    # api.anthropic.com besides the base URL; the attempts arrive at the mock as proxy
    # requests (nothing leaves the machine) and are recorded.
    env = {k: v for k, v in claude_code.env.items()
           if k not in ("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_TELEMETRY", "DISABLE_ERROR_REPORTING")}
    done = subprocess.run([str(claude_code.binary), "-p", "Hi", *PRINT], env=env, cwd=claude_code.home,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert len(claude_code.api.messages_requests()) == 1  # the conversation still goes to the mock
    assert "CONNECT api.anthropic.com:443" in claude_code.api.strays
    claude_code.api.strays.clear()
