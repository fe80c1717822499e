"""The Try runner and ``agent-editor try`` with the real Claude Code against the mock API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from agent_editor.tryout.events import Started, TextDelta
from agent_editor.tryout.runner import NOT_LOGGED_IN, TryOptions, try_variants
from agent_editor.tryout.variants import Variant
from claude_code import Reply
from conftest import REPO, SEEDS

SEED_A = SEEDS / "000_1652237d2decf832.txt"
SEED_B = SEEDS / "003_07c591a51ef07c38.txt"
BODY_A = "You are a backend system architect specializing in scalable, resilient"  # first line of 000's body
BODY_B = "# Backend Architect\n\n## Triggers"  # start of 003's body


def _variant(name: str, header: str, marker: str) -> Variant:
    return Variant(f"{marker.lower()}.md", f"---\nname: {name}\ndescription: Tries {name}.\n{header}---\n\nYou are {marker}.\n")


def test_each_variant_runs_with_its_own_instructions_tools_and_model(claude_code, tmp_path):
    one = _variant("reviewer", "tools: Read, Grep\nmodel: haiku\n", "VARIANT-ONE")
    two = _variant("reviewer", "disallowedTools: Bash, Write\n", "VARIANT-TWO")

    def script(request):
        if "VARIANT-ONE" in request.system_text:
            return Reply("One says **hello** and more words")
        if "VARIANT-TWO" in request.system_text:
            return Reply("Two answers")
        return None

    claude_code.api.script = script
    batch = try_variants([one, two], TryOptions("Review it", cwd=tmp_path, env=claude_code.env))
    events: list[tuple[str, object]] = []
    lock = threading.Lock()

    def on_event(run, event):
        with lock:
            events.append((run, event))

    batch.on_event = on_event
    assert batch.start().wait(60)

    first, second = batch.results
    assert (first.label, first.agent_name, second.agent_name) == ("variant-one.md", "reviewer-try-a", "reviewer-try-b")
    assert first.ok and first.answer == "One says **hello** and more words"
    assert second.ok and second.answer == "Two answers"
    assert first.cost_usd > 0 and first.finished.input_tokens > 0 and first.seconds > 0
    # The text streamed in pieces, each to its own column.
    deltas = [e.text for run, e in events if run is batch.runs[0] and isinstance(e, TextDelta)]
    assert "".join(deltas) == first.answer and len(deltas) > 1
    assert any(isinstance(e, Started) and e.permission_mode == "plan" for _, e in events)

    by_variant = {marker: [r for r in claude_code.api.main_turns() if marker in r.system_text]
                  for marker in ("VARIANT-ONE", "VARIANT-TWO")}
    one_request, two_request = by_variant["VARIANT-ONE"][0], by_variant["VARIANT-TWO"][0]
    # Instructions arrive as the run's system prompt ...
    assert one_request.system_text.rstrip().endswith("You are VARIANT-ONE.")
    assert "VARIANT-TWO" not in one_request.system_text
    # ... the tool restrictions as its tool list, and the model as the request's model.
    assert {"Read", "Grep"} <= set(one_request.tool_names) and "Edit" not in one_request.tool_names
    assert not {"Bash", "Write"} & set(two_request.tool_names) and "Edit" in two_request.tool_names
    assert "haiku" in one_request.body["model"] and "haiku" not in two_request.body["model"]
    assert not batch.folder.exists()  # the --agents file is gone


def test_stop_ends_every_process(claude_code, tmp_path):
    claude_code.api.script = lambda request: Reply("never finishes", delay=60) if request.is_main_turn else None
    variants = [_variant("slow", "", "SLOW-A"), _variant("slow", "", "SLOW-B"), _variant("slow", "", "SLOW-C")]
    batch = try_variants(variants, TryOptions("Wait", cwd=tmp_path, env=claude_code.env, max_parallel=2))
    asked = threading.Event()
    batch.on_event = lambda run, event: asked.set() if isinstance(event, Started) else None
    batch.start()
    assert asked.wait(30)
    running = [run for run in batch.runs if run.process is not None]
    assert len(running) == 2 and batch.runs[2].process is None  # the third waits for a free place

    batch.stop()
    assert batch.wait(15)
    for run in running:
        assert run.process.poll() is not None
        try:
            os.killpg(run.process.pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        assert not alive, "a process of the run's group is still there"
    assert all(r.stopped and not r.problem for r in batch.results)
    assert batch.runs[2].process is None  # never started


def test_not_logged_in_is_said_in_plain_words(claude_code, tmp_path):
    env = dict(claude_code.env)
    del env["ANTHROPIC_API_KEY"]
    batch = try_variants([_variant("x", "", "X")], TryOptions("Hi", cwd=tmp_path, env=env)).start()
    assert batch.wait(30)
    assert batch.results[0].problem == NOT_LOGGED_IN
    assert not claude_code.api.requests  # nothing was sent


def _run_cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "agent_editor", "try", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_try_command_prints_one_result_per_variant_and_counts_picks(claude_code):
    def script(request):
        if BODY_A in request.system_text:
            return Reply("Variant zero designs it.")
        if BODY_B in request.system_text:
            if request.has_tool_result:
                return Reply("Variant three, after reading.")
            return Reply.tool("Read", text="Reading first.", file_path="README.md")
        if request.is_main_turn and not request.has_tool_result:  # the main session: pick B
            return Reply.tool("Agent", subagent_type="backend-architect-try-b", description="Design", prompt="Design")
        return None

    claude_code.api.script = script
    done = _run_cli(claude_code.env, str(SEED_A), str(SEED_B), "--prompt", "Design a todo API", "--json", "--pick", "2")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["request"] == "Design a todo API"
    assert [r["variant"] for r in out["results"]] == [SEED_A.name, SEED_B.name]
    zero, three = out["results"]
    assert zero["ok"] and zero["answer"] == "Variant zero designs it." and zero["tool_calls"] == []
    assert three["answer"] == "Reading first.\n\nVariant three, after reading."
    assert three["tool_calls"] == [{"name": "Read", "input": {"file_path": "README.md"}}]
    assert zero["cost_usd"] > 0 and zero["input_tokens"] > 0
    assert out["pick"]["picked"] == {SEED_A.name: 0, SEED_B.name: 2} and out["pick"]["runs"] == 2
    # Seed 003 lists its tools: its run offered none outside that list; 000 offers all.
    requests = claude_code.api.main_turns()
    three_tools = {t for r in requests if BODY_B in r.system_text for t in r.tool_names}
    zero_tools = {t for r in requests if BODY_A in r.system_text for t in r.tool_names}
    assert three_tools - {"DeferredToolPlaceholder"} <= {"Read", "Write", "Grep", "Glob", "Bash"}
    assert {"Edit", "Agent"} <= zero_tools
    assert "opus" in next(r for r in requests if BODY_A in r.system_text).body["model"]  # 000 says model: opus


def test_try_command_without_claude_says_what_to_install(tmp_path):
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    done = _run_cli(env, str(SEED_A), "--prompt", "Hi")
    assert done.returncode == 2
    assert "Claude Code is not installed" in done.stderr and "npm install -g @anthropic-ai/claude-code" in done.stderr
    assert "Traceback" not in done.stderr
