"""``agent-editor try A.md B.md ... --prompt "..." [--json] [--pick K]``.

Runs the request through Claude Code once per variant and prints what each did; with
``--pick K`` also asks K times which variant Claude would pick for it. Exit code 0 when
every run answered, 1 when one had a problem, 2 when Claude Code could not be run at all.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from agent_editor.agentfile.fileio import DocumentError
from agent_editor.tryout.estimate import estimate_pick, estimate_try
from agent_editor.tryout.pick import tally_picks
from agent_editor.tryout.runner import (
    DEFAULT_BUDGET_USD, DEFAULT_PARALLEL, PERMISSION_MODES, ClaudeMissing, TryBatch, TryOptions,
    permission_warning, try_variants, would_pick)
from agent_editor.tryout.variants import Variant, dropped_fields


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-editor try",
        description="Run one request through Claude Code with each variant. This sends the request and each "
                    "variant's text to Anthropic under your Claude Code account, and costs what those runs cost "
                    "(each is capped by --budget).")
    parser.add_argument("paths", nargs="+", help="agent files (the variants)")
    parser.add_argument("--prompt", required=True, help="the request to send to each variant")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--pick", type=int, default=0, metavar="K",
                        help="also run the main session K times and count which variant Claude picks")
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET_USD, metavar="USD",
                        help=f"spending cap per run (default {DEFAULT_BUDGET_USD})")
    parser.add_argument("--permission-mode", choices=PERMISSION_MODES, default="plan",
                        help="default plan: nothing is changed on disk")
    parser.add_argument("--cwd", type=Path, help="working folder (default: the agents' project)")
    parser.add_argument("--claude", help="path to the claude program (default: claude on the PATH)")
    parser.add_argument("--parallel", type=int, default=DEFAULT_PARALLEL, help="runs at a time")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    variants = []
    for path in args.paths:
        try:
            variants.append(Variant.from_file(path))
        except DocumentError as error:
            print(f"{path}: error: {error.message}", file=sys.stderr)
            return 1
    options = TryOptions(prompt=args.prompt, budget_usd=args.budget, permission_mode=args.permission_mode,
                         cwd=args.cwd, claude=args.claude, max_parallel=max(1, args.parallel))
    if warning := permission_warning(args.permission_mode):
        print(f"warning: {warning}", file=sys.stderr)
    for variant in variants:
        if dropped := dropped_fields(variant):
            print(f"{variant.label}: note: not used in a try run: {', '.join(dropped)}", file=sys.stderr)
    print(estimate_try(variants, args.prompt, args.budget).words(), file=sys.stderr)
    try:
        batch = try_variants(variants, options)
        picks = would_pick(variants, options, args.pick) if args.pick > 0 else None
    except ClaudeMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if picks:
        print("Would Claude pick it: " + estimate_pick(variants, args.prompt, args.pick, args.budget).words(),
              file=sys.stderr)
    batches = [b for b in (batch, picks) if b]
    _run_until_done(batches)

    tally = tally_picks(picks.results, picks.labels, picks.agent_names) if picks else None
    if args.json:
        out = {"request": args.prompt, "results": [r.to_json() for r in batch.results]}
        if tally:
            out["pick"] = tally.to_json()
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        _print_text(batch, tally)
    return 0 if all(r.ok for r in batch.results) else 1


def _run_until_done(batches: list[TryBatch]) -> None:
    """Start the batches and wait; Ctrl+C or SIGTERM stops every run before returning."""
    def stop_all(*_):
        for batch in batches:
            batch.stop()

    previous = signal.signal(signal.SIGTERM, stop_all)
    try:
        for batch in batches:
            batch.start()
        for batch in batches:
            while not batch.wait(0.2):
                pass
    except KeyboardInterrupt:
        stop_all()
        for batch in batches:
            batch.wait(10)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_text(batch: TryBatch, tally) -> None:
    for result in batch.results:
        print(f"== {result.label} (as {result.agent_name}) ==")
        if result.problem:
            print(f"problem: {result.problem}")
        if result.answer:
            print(result.answer)
        for call in result.tool_calls:
            if not call.subagent:
                print(f"  tool: {call.name} {call.short_input()}")
        if result.finished:
            f = result.finished
            print(f"  {result.seconds:.1f} s, {f.input_tokens:,} tokens in, {f.output_tokens:,} out, ${f.cost_usd:.4f}")
        print()
    if tally:
        print(f"== Would Claude pick it? ({tally.runs} runs) ==")
        for what, count in tally.rows():
            print(f"  {count}  {what}")
