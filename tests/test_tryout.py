"""The Try runner's pure parts: stream-json events, the --agents entries, the pick tally, the
estimate. Fast tests on small stream-json lines; the real client is in test_tryout_claude.py."""

from __future__ import annotations

import json

import pytest

from agent_editor.tryout.events import (
    ClientError, Finished, RunResult, Started, Text, TextDelta, ToolCall, ToolResult, parse_line)
from agent_editor.tryout.estimate import estimate_pick, estimate_try, what_is_sent
from agent_editor.tryout.pick import tally_picks
from agent_editor.tryout.runner import (
    CLAUDE_MISSING, NOT_LOGGED_IN, ClaudeMissing, TryOptions, claude_arguments, find_claude, permission_warning,
    plain_problem)
from agent_editor.tryout.variants import (
    Variant, agent_definition, agents_json, dropped_fields, project_folder, temp_names)
from conftest import seed_files


def line(**data) -> str:
    return json.dumps(data)


def seed_variants() -> list[Variant]:
    return [Variant.from_file(path) for path in seed_files()]


# --- stream-json ------------------------------------------------------------------------------


def test_events_from_a_run_build_its_result():
    lines = [
        line(type="system", subtype="init", model="claude-x", tools=["Read", "Grep"], agents=["a-try-a"],
             permissionMode="plan"),
        line(type="stream_event", parent_tool_use_id=None,
             event={"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}}),
        line(type="stream_event", parent_tool_use_id=None,
             event={"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "lo"}}),
        line(type="assistant", parent_tool_use_id=None, message={"content": [{"type": "text", "text": "Hello"}]}),
        line(type="assistant", parent_tool_use_id=None, message={"content": [
            {"type": "tool_use", "id": "t1", "name": "Read", "input": {"file_path": "/src/app.py"}}]}),
        line(type="user", parent_tool_use_id=None, message={"content": [
            {"type": "tool_result", "tool_use_id": "t1", "is_error": True, "content": "no such file"}]}),
        line(type="assistant", parent_tool_use_id="t9", message={"content": [{"type": "text", "text": "inside"}]}),
        line(type="assistant", parent_tool_use_id=None, message={"content": [{"type": "text", "text": "Done."}]}),
        line(type="result", subtype="success", is_error=False, result="Done.", total_cost_usd=0.0123,
             usage={"input_tokens": 100, "cache_read_input_tokens": 20, "output_tokens": 7}, duration_ms=1500,
             num_turns=2),
    ]
    result = RunResult("A")
    seen = []
    for text in lines:
        for event in parse_line(text):
            seen.append(type(event))
            result.apply(event)
            if isinstance(event, TextDelta) and event.text == "lo":
                assert result.shown_text == "Hello"  # streamed before the block is finished
    assert seen == [Started, TextDelta, TextDelta, Text, ToolCall, ToolResult, Text, Text, Finished]
    assert result.model == "claude-x" and result.tools_offered == ("Read", "Grep")
    assert result.answer == "Hello\n\nDone."  # the subagent's text is not the session's answer
    assert [c.name for c in result.tool_calls] == ["Read"] and result.tool_calls[0].short_input() == "/src/app.py"
    assert result.tool_errors == {"t1": "no such file"}
    assert result.ok and result.cost_usd == 0.0123
    assert result.finished.input_tokens == 120 and result.finished.output_tokens == 7
    assert result.to_json()["tool_calls"] == [{"name": "Read", "input": {"file_path": "/src/app.py"}}]


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"type": "assistant", "message": "x"}',
                                  '{"type": "result", "usage": 5, "total_cost_usd": "lots"}',
                                  '{"type": "assistant", "message": {"content": [5, {"type": "tool_use"}]}}'])
def test_odd_lines_never_raise(text):
    result = RunResult("A")
    for event in parse_line(text):
        result.apply(event)
    assert result.answer == ""


def test_short_input_prefers_the_telling_value_and_is_cut():
    call = ToolCall("t", "Bash", {"description": "x", "command": "ls   -la\n/tmp" + "x" * 200})
    assert call.short_input(20) == "ls -la /tmpxxxxxxxx…" and len(call.short_input(20)) == 20
    assert ToolCall("t", "Odd", {"n": 1}).short_input() == '{"n": 1}'


def test_a_client_made_message_says_not_logged_in_in_plain_words():
    result = RunResult("A")
    for text in (line(type="assistant", error="authentication_failed",
                      message={"content": [{"type": "text", "text": "Not logged in · Please run /login"}]}),
                 line(type="result", subtype="success", is_error=True, result="Not logged in · Please run /login")):
        for event in parse_line(text):
            result.apply(event)
    assert isinstance(result.client_error, ClientError)
    assert plain_problem(result, 1, "") == NOT_LOGGED_IN


def test_budget_cap_and_a_silent_exit_in_plain_words():
    capped = RunResult("A")
    capped.apply(parse_line(line(type="result", subtype="error_max_budget_usd", is_error=True, total_cost_usd=0.3,
                                 errors=["Reached maximum budget ($0.25)"]))[0])
    assert plain_problem(capped, 1, "").startswith("Stopped at the budget cap after spending $0.30.")
    assert plain_problem(RunResult("B"), 3, "trace\nboom\n") == "Claude Code stopped without an answer (exit code 3): boom"
    stopped = RunResult("C", stopped=True)
    assert plain_problem(stopped, -15, "") == ""


# --- variants -----------------------------------------------------------------------------------


def test_variants_sharing_a_name_get_unique_temporary_names():
    variants = seed_variants()
    assert [v.name for v in variants].count("backend-architect") == 4
    names = temp_names(variants)
    assert names == [f"{v.name}-try-{c}" for v, c in zip(variants, "abcde")]
    assert len(set(names)) == 5
    assert temp_names([Variant("x", "---\nname: Backend Arch!\ndescription: d\n---\n")] * 28)[26:] == [
        "backend-arch-try-aa", "backend-arch-try-ab"]


def test_an_agent_entry_carries_instructions_tools_and_model():
    variants = seed_variants()
    zero, three = variants[0], variants[3]
    entry = agent_definition(zero)
    assert entry["model"] == "opus" and "tools" not in entry
    assert entry["prompt"] == zero.document.body.strip()
    assert entry["description"].startswith("Expert backend architect")
    entry = agent_definition(three)
    assert entry["tools"] == ["Read", "Write", "Grep", "Glob", "Bash", "supabase", "context7"]
    assert "category" not in entry and "color" not in entry
    text = ("---\nname: t\ndescription: d\ndisallowedTools: [Bash, Write]\nmodel: inherit\n"
            "hooks:\n  Stop: []\nmaxTurns: 3\n---\nBody\n")
    variant = Variant("t.md", text)
    assert agent_definition(variant) == {"description": "d", "prompt": "Body", "disallowedTools": ["Bash", "Write"],
                                         "maxTurns": 3}
    assert dropped_fields(variant) == ["hooks"]
    assert list(agents_json([variant], ["t-try-a"])) == ["t-try-a"]


def test_the_project_of_an_agent_file(tmp_path):
    agents = tmp_path / "proj" / ".claude" / "agents" / "sub"
    agents.mkdir(parents=True)
    assert project_folder(agents / "a.md") == (tmp_path / "proj").resolve()
    assert project_folder(tmp_path / "loose.md") == tmp_path.resolve()
    assert project_folder(None) is None


# --- finding claude, arguments, warnings ------------------------------------------------------


def test_missing_claude_is_said_in_plain_words(tmp_path):
    with pytest.raises(ClaudeMissing) as caught:
        find_claude(None, {"PATH": str(tmp_path)})
    assert str(caught.value) == CLAUDE_MISSING and "npm install -g @anthropic-ai/claude-code" in CLAUDE_MISSING
    with pytest.raises(ClaudeMissing, match="There is no `claude` program at /nowhere/claude"):
        find_claude("/nowhere/claude")
    fake = tmp_path / "claude"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_claude(None, {"PATH": str(tmp_path)}) == fake
    assert find_claude(str(fake)) == fake


def test_arguments_use_the_flags_of_claude_code(tmp_path):
    args = claude_arguments("Hi", tmp_path / "a.json", "x-try-a", TryOptions("Hi", budget_usd=0.25))
    assert args[:2] == ["-p", "Hi"]
    for flag, value in (("--output-format", "stream-json"), ("--agents", str(tmp_path / "a.json")),
                        ("--agent", "x-try-a"), ("--permission-mode", "plan"), ("--max-budget-usd", "0.25")):
        assert args[args.index(flag) + 1] == value
    assert {"--verbose", "--no-session-persistence", "--include-partial-messages"} <= set(args)
    assert "--agent" not in claude_arguments("Hi", tmp_path / "a.json", None, TryOptions("Hi"))
    assert permission_warning("plan") == ""
    assert "throw-away copy" in permission_warning("bypassPermissions")
    assert "changes nothing" in permission_warning("acceptEdits")


# --- pick tally and estimate ---------------------------------------------------------------------


def _picked(name: str | None, problem: str = "") -> RunResult:
    result = RunResult("run", problem=problem)
    if name is not None:
        result.apply(ToolCall("t", "Agent", {"subagent_type": name} if name else {}))
    return result


def test_pick_tally_counts_each_run_once():
    results = [_picked("a-try-b"), _picked("a-try-b"), _picked("Explore"), _picked(None), _picked(""),
               _picked(None, problem=NOT_LOGGED_IN)]
    tally = tally_picks(results, ["A.md", "B.md"], ["a-try-a", "a-try-b"])
    assert tally.rows() == [("A.md", 0), ("B.md", 2), ("another agent: Explore", 1),
                            ("another agent: general-purpose", 1), ("no agent", 1), ("could not tell (run failed)", 1)]
    assert tally.runs == 6 and tally.problems == [NOT_LOGGED_IN]


def test_estimate_grows_with_the_text_and_is_capped_by_the_budget():
    variants = seed_variants()
    small = estimate_try(variants[:2], "Hi", 0.25)
    large = estimate_try(variants[:2], "Hi " * 4000, 0.25)
    assert small.runs == 2 and small.cap_usd == 0.5
    assert large.input_tokens - small.input_tokens == 2 * (len("Hi " * 4000) - 2) // 4
    assert 0 < small.cost_usd < large.cost_usd
    assert "never more than $0.50" in small.words()
    pick = estimate_pick(variants, "Hi", 3, 0.25)
    assert pick.runs == 3 and pick.cap_usd == 0.75
    words = what_is_sent(variants, "Hi there", pick_runs=3)
    assert "Anthropic" in words and "8 characters" in words and "3 more times" in words


def test_a_run_that_outlives_its_time_is_ended_and_says_so(tmp_path):
    from agent_editor.tryout.runner import Run

    slow = tmp_path / "claude"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    run = Run("A", "a-try-a", [str(slow)], tmp_path, None, timeout_s=1)
    done = []
    run.start(lambda *_: None, done.append)
    assert run.wait(10) and done == [run]
    assert run.process.poll() is not None
    assert run.result.problem.startswith("Stopped after 1 second without an end.")
