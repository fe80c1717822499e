"""``agent-editor show PATH... [--json]`` and the ``--fix``/``--diff`` side of ``agent-editor check``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.fix_all import fix_all
from agent_editor.agentfile.validation import FileReport, check_files


def show(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="agent-editor show",
        description="Show each agent as Claude Code presents it: the line Claude reads to choose an agent, "
        "the tools and model it really gets, and whether this file is the one used for its name.",
    )
    parser.add_argument("paths", nargs="+", help="agent files, or folders to search for *.md files")
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    args = parser.parse_args(argv)
    from agent_editor.claudeview.scopes import show_records

    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"{path}: error: no such file or folder", file=sys.stderr)
    records = show_records([p for p in args.paths if Path(p).exists()])
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for record in records:
            print(_as_text(record))
    return 1 if missing or not records else 0


def _as_text(record: dict) -> str:
    lines = [record["path"]]
    if record["loaded"]:
        lines.append("  Loaded: yes")
    else:
        lines.append(f"  Loaded: no. {record['why_not']}")
    if record["listing"] is not None:
        listing = record["listing"].replace("\n", "\n    ")
        lines.append(f"  Claude reads:\n    {listing}")
        tools = record["tools"]
        if record["tools_unknown"]:
            tools += " (unknown, doing nothing: " + ", ".join(record["tools_unknown"]) + ")"
        if record["tools_old_names"]:
            tools += " (old names: " + ", ".join(record["tools_old_names"]) + ")"
        lines.append(f"  Tools: {tools}")
        model = record["model"]
        lines.append("  Model: " + ("inherit (the conversation's model)" if model == "inherit" else model))
        lines.append(f"  Used for this name: {record['used']}")
    for warning in record["warnings"]:
        lines.append(f"  Note: {warning}")
    return "\n".join(lines)


def fix_reports(reports: list[FileReport], write: bool) -> tuple[int, list[FileReport]]:
    """Apply every safe fix to each checked file (saving only when ``write``), printing each
    change as a unified diff; then the reports of the files as they now are."""
    changed = 0
    for report in reports:
        if report.doc is None:
            continue
        result = fix_all(report.doc)
        if not result.changed:
            continue
        sys.stdout.write(result.diff(str(report.path)))
        if write:
            report.doc.set_text(result.after)
            try:
                report.doc.save()
            except DocumentError as error:
                print(f"{report.path}: error: not saved: {error.message}", file=sys.stderr)
                continue
        changed += 1
    if write and changed:
        reports = check_files([r.path for r in reports])
    return changed, reports
