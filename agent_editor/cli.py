"""The ``agent-editor`` command: ``check`` and ``compare`` without a window, else the app.

    agent-editor [FILE | FOLDER ...]      open the editor
    agent-editor check PATH ...           validate files or folders (exit 1 on errors)
    agent-editor check --fix PATH ...     apply every safe fix, printing each change as a diff
    agent-editor show PATH ... [--json]   each agent as Claude Code presents it
    agent-editor compare A B [C ...]      compare variants (``--html OUT`` writes a report)
    agent-editor try A B ... --prompt P   run a request through Claude Code with each variant
    agent-editor --version

Qt's own options (``-style fusion``, ``-platform xcb``, ``-reverse`` ...) may stand
beside these; they are handed to Qt untouched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from agent_editor import __version__

_COMMANDS = ("check", "compare", "try", "show")

# Options QGuiApplication and QApplication read from the command line (Qt 6's
# documentation), with whether each takes a value.
_QT_OPTIONS_WITH_VALUE = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qmljsdebugger", "qwindowgeometry",
    "qwindowicon", "qwindowtitle", "session", "style", "stylesheet", "display", "geometry", "title",
    "name", "visual", "ncols", "cmap", "im", "dialogs", "fontengine",
})
_QT_FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync", "testability"})


def split_qt_options(argv: list[str]) -> tuple[list[str], list[str]]:
    """The arguments for us, and Qt's own options (``-style fusion``, ``--platform=xcb``,
    ``-reverse``) for QApplication, in their order. After ``--`` everything is ours."""
    own: list[str] = []
    qt: list[str] = []
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--":
            own.extend(argv[index:])
            break
        name = argument.lstrip("-").partition("=")[0] if argument.startswith("-") else ""
        if argument.startswith("-") and name in _QT_OPTIONS_WITH_VALUE:
            qt.append(argument)
            if "=" not in argument and index + 1 < len(argv):
                qt.append(argv[index + 1])
                index += 1
        elif argument.startswith("-") and name in _QT_FLAGS and "=" not in argument:
            qt.append(argument)
        else:
            own.append(argument)
        index += 1
    return own, qt


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # In the packaged app, the compare view's worker process starts this same
        # program; freeze_support makes it run the worker instead of a second window.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        return _check(argv[1:])
    if argv and argv[0] == "show":
        from agent_editor.claudeview.command import show

        return show(argv[1:])
    if argv and argv[0] == "try":
        from agent_editor.tryout.command import main as try_main

        return try_main(argv[1:])
    argv, qt_args = split_qt_options(argv)
    if argv and argv[0] == "compare":
        return _compare(argv[1:], qt_args)
    parser = argparse.ArgumentParser(
        prog="agent-editor",
        description="Edit Claude Code agent files. Commands: check PATH..., show PATH..., compare A B [C...], try A B ... --prompt P.",
        epilog="Qt's own options, such as -style NAME or -platform NAME, are passed to Qt.",
    )
    parser.add_argument("--version", action="version", version=f"agent-editor {__version__}")
    parser.add_argument("paths", nargs="*", help="agent files to open, or a folder of them")
    args = parser.parse_args(argv)
    # No cyclic garbage collection until the window has painted (run_app then collects
    # on the window's thread): start-up makes tens of thousands of long-lived objects and
    # almost no garbage, and each collection on the way would walk them again.
    import gc

    gc.disable()
    try:
        from agent_editor.app.import_hook import import_qt

        import_qt()  # first: PySide6 looks at every module imported after it, see import_hook
        from agent_editor.app.start import run_app  # Qt is imported only when a window is wanted

        return run_app([Path(p) for p in args.paths], qt_args)
    finally:
        gc.enable()


def _check(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="agent-editor check",
        description="Check agent files the way Claude Code reads them. Exits 1 if any file has an error.",
    )
    parser.add_argument("paths", nargs="+", help="agent files, or folders to search for *.md files")
    parser.add_argument("--quiet", action="store_true", help="print errors only")
    parser.add_argument("--fix", action="store_true",
                        help="apply every fix that is safe without asking, print each change as a diff, and save")
    parser.add_argument("--diff", action="store_true", help="print what --fix would change, and change nothing")
    args = parser.parse_args(argv)
    from agent_editor.agentfile.validation import ERROR, INFO, check_files

    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"{path}: error: no such file or folder", file=sys.stderr)
    reports = check_files([p for p in args.paths if Path(p).exists()])
    unread = _folders_claude_code_never_reads([Path(p) for p in args.paths], reports)
    fixed = 0
    if args.fix or args.diff:
        from agent_editor.claudeview.command import fix_reports

        fixed, reports = fix_reports(reports, write=args.fix)
    counts = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for problem in report.problems:
            counts[problem.severity] += 1
            if args.quiet and problem.severity != ERROR:
                continue
            # A problem with the whole file (not .md, unreadable) is reported on line 1, so that
            # every line has the "path:line: severity: message" form editors and CI logs parse.
            where = f"{report.path}:{problem.line or 1}"
            message = problem.message
            if problem.fix and problem.severity != INFO:
                message += f" [fix: {problem.fix.label}]"
            print(f"{where}: {problem.severity}: {message}")
    print(
        f"{_count(len(reports), 'file')} checked: {_count(counts['error'], 'error')}, "
        f"{_count(counts['warning'], 'warning')}, {_count(counts['info'], 'note')}"
        + (f"; {_count(fixed, 'file')} {'fixed' if args.fix else 'would be fixed'}" if args.fix or args.diff else ""),
        file=sys.stderr,
    )
    return 1 if counts["error"] or missing or unread or not reports else 0


def _folders_claude_code_never_reads(paths: list[Path], reports) -> list[Path]:
    """Folders named that hold agent-like files but no .md file: say so, since Claude Code reads none."""
    from agent_editor.library.scan import scope_files
    from agent_editor.library.scopes import FOLDER, Scope

    checked = {report.path.resolve() for report in reports}
    unread = []
    for folder in (p for p in paths if p.is_dir()):
        found = scope_files(Scope(FOLDER, folder, folder.name))
        if found and not any(path.suffix == ".md" or path.resolve() in checked for path in found):
            names = ", ".join(path.name for path in found[:5]) + (", ..." if len(found) > 5 else "")
            print(f"{folder}: warning: Claude Code reads none of the {_count(len(found), 'file')} here ({names}): "
                  "it only reads files ending in .md. Rename them to .md.", file=sys.stderr)
            unread.append(folder)
    return unread


def _compare(argv: list[str], qt_args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="agent-editor compare", description="Compare variants of an agent.")
    parser.add_argument("paths", nargs="+", help="two or more agent files")
    parser.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML report instead of opening a window")
    args = parser.parse_args(argv)
    if len(args.paths) < 2:
        parser.error("give at least two files to compare")
    from agent_editor.agentfile.document import AgentDocument
    from agent_editor.agentfile.fileio import DocumentError

    docs = []
    for path in args.paths:
        try:
            docs.append(AgentDocument.load(path))
        except DocumentError as error:
            print(f"{path}: error: {error.message}", file=sys.stderr)
            return 1
    if args.html:
        from agent_editor.compare.report import render_report

        labels = [Path(p).name for p in args.paths]
        Path(args.html).write_text(render_report(docs, labels), encoding="utf-8")
        print(f"Wrote {args.html}", file=sys.stderr)
        return 0
    from agent_editor.app.start import run_compare_app

    return run_compare_app([Path(p) for p in args.paths], qt_args)


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


if __name__ == "__main__":
    raise SystemExit(main())
