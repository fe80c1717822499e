"""Checking an agent file against what Claude Code does with it, in plain words.

``validate(doc)`` returns ``Problem`` records; the widgets decide how to show them.
Severities: ``error`` means Claude Code will not load the file at all; ``warning``
means it loads it but ignores or changes a value (or other tools cannot read it);
``info`` is style and advice. A problem may carry a ``Fix`` the caller can apply to
the document. The checks of each field are in ``field_checks``. ``check_files`` adds
what only shows across several files: two files with one name (Claude Code loads only
one) and files Claude Code never reads.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.field_checks import field_label, field_problems, missing_problem, rename_label
from agent_editor.agentfile.field_checks import slug
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import COSTLY_ALIASES, REFUSED_ALIASES, quote_for_retry, read_header
from agent_editor.agentfile.problem import ERROR, INFO, SEVERITY_ORDER, WARNING, Fix, Problem
from agent_editor.agentfile import repair
from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.agentfile.wording import translate
from agent_editor.agentfile.yamlwrite import double_quoted

__all__ = ["ERROR", "INFO", "WARNING", "Fix", "Problem", "FileReport", "agent_files", "check_files",
           "not_md_problem", "slug", "validate"]


def validate(doc: AgentDocument, schema: Schema | None = None) -> list[Problem]:
    """Everything worth telling the author about one file, most serious first."""
    schema = schema or load_schema()
    problems: list[Problem] = []
    problems += _structure_problems(doc)
    reading = doc.reading
    if doc.has_header and reading.ok:
        fields = doc.fields
        for rule in schema.fields:
            if rule.key in fields:
                problems += field_problems(doc, rule, fields[rule.key], schema)
            elif rule.required:
                problems.append(missing_problem(doc, rule))
        problems += _unknown_key_problems(doc, fields, schema)
        problems += _rescue_problems(doc, schema)
        problems += _comment_problems(doc)
        cut = repair.cut_problems(doc, schema)
        if cut:  # the lines it swallowed are the description's, not settings of the author's own
            swallowed = {s.key for s in repair.cut_description(doc, schema).swallowed}
            problems = [p for p in problems if not (p.code == "key-extra" and p.field in swallowed)] + cut
        problems += repair.duplicate_problems(doc, schema)
    if doc.has_header and reading.ok and not doc.body.strip():
        problems.append(
            Problem(INFO, translate("validation", "The instructions are empty, so the agent gets nothing to work "
                                    "from but its description. Write what it should do in the Instructions pane."),
                    code="body-empty", line=doc.body_first_line)
        )
    if reading.rescued_keys:
        problems = [replace(p, fix=_with_quotes_if_needed(p.fix)) if p.fix else p for p in problems]
    if reading.rescued_keys or "&" in doc.header_text or _keys_sharing_a_line(doc):
        # Where values hang together (an anchor & used by an alias *, two keys on one line
        # after a lone carriage return, lines only the retry reads), an edit of one value can
        # be impossible without changing another: a fix is offered only if it works on a copy.
        problems = [replace(p, fix=None) if p.fix and not _works(doc, p.fix) else p for p in problems]
    problems.sort(key=lambda p: (SEVERITY_ORDER[p.severity], p.line or 0))
    return problems


def _works(doc: AgentDocument, fix: Fix) -> bool:
    try:
        fix.apply(doc.copy())
    except DocumentError:
        return False
    return True


def _keys_sharing_a_line(doc: AgentDocument) -> set[str]:
    # Line by line rather than span against span, which is quadratic in the number of keys.
    keys_on: dict[int, list[str]] = {}
    for span in doc.reading.spans:
        for line in range(span.first, span.last + 1):
            keys_on.setdefault(line, []).append(span.key)
    return {key for keys in keys_on.values() if len(keys) > 1 for key in keys}


def _with_quotes_if_needed(fix: Fix) -> Fix:
    """The fix, made to work in a header only Claude Code's retry reads.

    There, an edit that mends the last line strict YAML stumbles on makes the whole header
    strict YAML, which reads the other rescued values otherwise (`k: []` becomes a list,
    not the text "[]"), so the edit is refused. Then the rescued values are put in quotes
    first (Claude Code reads them the same), and the fix is applied again.
    """

    def apply(doc: AgentDocument) -> None:
        try:
            fix.apply(doc)
            return
        except DocumentError:
            if not doc.reading.rescued_keys:
                raise
        original = doc.to_text()
        try:
            _quote_all_rescued(doc)
            fix.apply(doc)
        except DocumentError:
            doc.set_text(original)
            raise

    return Fix(fix.label, apply)


# ----- the file's shape -----------------------------------------------------------


def _structure_problems(doc: AgentDocument) -> list[Problem]:
    if doc.opens_header_without_closing:
        return [Problem(ERROR, translate("validation", "The header starts with --- on line 1 but is never closed, "
                                         "so Claude Code ignores this file. Add a line with only --- after the last "
                                         "field."), line=1, code="header-unclosed")]
    if not doc.has_header:
        return [Problem(ERROR, translate("validation", "This file has no header, so Claude Code ignores it. An agent "
                                         "file starts with a line ---, then name: and description: lines, then "
                                         "another --- line."), line=1, code="header-missing")]
    problems: list[Problem] = []
    reading = doc.reading
    if not reading.ok and reading.kind in (REFUSED_ALIASES, COSTLY_ALIASES):
        line = doc.header_line_number(reading.error_line) if reading.error_line is not None else None
        severity = ERROR if reading.kind == REFUSED_ALIASES else WARNING
        problems.append(Problem(severity, reading.error, line=line, code=reading.kind))
    elif not reading.ok:
        line = doc.header_line_number(reading.error_line) if reading.error_line is not None else None
        message = reading.error + " " + translate("validation", "Until then Claude Code ignores this file.")
        if doc.newline == "\r\n" and "“: ”" in reading.error:
            message += " " + translate("validation", "(The file uses Windows line endings, which stop Claude Code "
                                                     "from rescuing such lines by itself.)")
        fix = _quote_lines_fix(doc)
        if fix is None:
            fix, why_not = repair.mend_fix(doc)
            if fix is None and repair.error_in_description(doc):
                message += " " + translate("validation", "It cannot be mended automatically:") + " " + why_not
        problems.append(Problem(ERROR, message, line=line, fix=fix, code="header-unreadable",
                                details=reading.details))
    if doc.header_cut_mid_line:
        problems.append(_cut_problem(doc))
    elif doc.closing_line.rstrip("\r\n") != "---":
        shown = doc.closing_line.rstrip("\r\n")
        shown = shown if len(shown) <= 12 else shown[:10] + "…"
        problems.append(Problem(
            WARNING, translate("validation", "The header ends with the line “{shown}” instead of “---”. Claude "
                               "Code accepts it, but other programs may not find the end of the header.")
            .format(shown=shown), line=len(doc.header_lines()) + 2,
            fix=Fix(translate("validation", "End the header with ---"),
                    lambda d: d.set_closing_line("---" + d.newline)),
            code="closing-unusual"))
    return problems


def _cut_problem(doc: AgentDocument) -> Problem:
    lines = doc.header_lines()
    index = len(lines) - 1
    key = next((s.key for s in doc.reading.spans if s.first <= index <= s.last), None)
    value = doc.fields.get(key) if key else None
    if key and isinstance(value, str):
        message = translate("validation", "Line {line} holds “---”, which Claude Code takes as the end of the "
                            "header: it reads {key} as “{value}” and ignores the rest of that line and the lines "
                            "after it. Write a dash (—) instead.").format(line=index + 2, key=key, value=value)
    else:
        message = translate("validation", "Line {line} holds “---”, which Claude Code takes as the end of the "
                            "header: it ignores the rest of that line and the lines after it. Write a dash (—) "
                            "instead.").format(line=index + 2)

    def dashed(d: AgentDocument) -> str:
        text, cut = d.to_text(), d.header_end
        return text[:cut] + "—" + text[cut + 3:]

    # Without the early end, the header runs on to the next ---; offer the dash only when
    # Claude Code can read that longer header (else the fix would make it ignore the file).
    # Nor when the next --- cuts the same line again, when a line after it writes a key again
    # (the last counts), or when the longer value is one Claude Code refuses.
    fix = None
    longer = AgentDocument.parse(dashed(doc))
    rule = load_schema().rule(key) if key else None
    if (longer.has_header and longer.reading.ok
            and not (longer.header_cut_mid_line and len(longer.header_lines()) == len(lines))
            and all(longer.fields.get(k, ...) == v for k, v in doc.fields.items() if k != key)
            and not (rule and key in longer.fields and any(
                p.severity == ERROR for p in field_problems(longer, rule, longer.fields[key], load_schema())))):
        fix = Fix(translate("validation", "Replace --- with a dash (—)"), lambda d: d.set_text(dashed(d)))
    return Problem(WARNING, message, field=key, line=index + 2, fix=fix, code="header-cut")


def _quote_lines_fix(doc: AgentDocument) -> Fix | None:
    """Quote the single-line values holding ": " or YAML signs, when that makes the header readable."""
    lines = doc.header_text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        ending = "\r" if line.endswith("\r") else ""
        if quote_for_retry(line.rstrip("\r"))[1]:
            key, _, value = line.rstrip("\r").partition(":")
            lines[index] = f"{key}: {double_quoted(value.strip())}{ending}"
            changed = True
    fixed = "\n".join(lines)
    if not changed or not read_header(fixed).ok:
        return None
    return Fix(translate("validation", "Put the values that hold “: ” in quotes"), lambda d: d.set_header_text(fixed))


def _rescue_problems(doc: AgentDocument, schema: Schema) -> list[Problem]:
    problems = []
    for key in doc.reading.rescued_keys:
        if not doc.span(key).rescued:  # only a line Claude Code ignores (the key is written again below)
            continue
        label = field_label(schema, key)
        problems.append(Problem(
            WARNING,
            translate("validation", "Claude Code reads the {label} as it is, but other programs that read agent "
                      "files may not. Click “Put the {label} in quotes”: Claude Code reads it the same, and so "
                      "does every other program.").format(label=label),
            field=key, line=doc.field_line(key), code="needs-quotes",
            details=translate("validation", "The value holds “: ” or a sign that has a meaning of its own in the "
                              "header's format, YAML (such as # [ ] { } * & ! | > % @), without quotes around "
                              "it. Claude Code puts such a value in quotes itself; strict YAML readers stop there."),
            fix=Fix(translate("validation", "Put the {label} in quotes").format(label=label),
                    lambda d, k=key: d.set_field(k, d.fields[k]))))
    return problems


def _quote_all_rescued(doc: AgentDocument) -> None:
    """Put every value only Claude Code's retry reads in quotes at once; what it reads stays the same."""
    before, original = doc.fields, doc.to_text()
    lines = doc.header_lines()
    for span in doc.reading.spans:
        if span.rescued:
            line = lines[span.first]
            bare = line.rstrip("\r\n")
            # A line Claude Code ignores (its key is written again below) keeps its own value.
            value = before[span.key] if span.used else read_header(quote_for_retry(bare)[0]).fields.get(span.key)
            if not isinstance(value, str):
                raise DocumentError(translate("validation", "The values could not be put in quotes without changing "
                                                        "what Claude Code reads."))
            lines[span.first] = f"{line.split(':', 1)[0]}: {double_quoted(value)}{line[len(bare):]}"
    start = doc.header_end - len(doc.header_text)
    doc.set_text(original[:start] + "".join(lines) + original[doc.header_end:])
    if not doc.reading.ok or doc.fields != before:
        doc.set_text(original)
        raise DocumentError(translate("validation", "The values could not be put in quotes without changing what "
                                                    "Claude Code reads."))


def _comment_problems(doc: AgentDocument) -> list[Problem]:
    span = doc.span("description")
    value = doc.fields.get("description")
    if span is None or not span.comment or span.style != "plain" or not isinstance(value, str):
        return []
    full = value + span.comment.rstrip()
    return [Problem(
        WARNING, translate("validation", "Everything after “ #” in the description is read as a note and "
                           "ignored: Claude Code reads only “{value}”.").format(value=value),
        field="description", line=doc.field_line("description"), code="comment-cut",
        fix=Fix(translate("validation", "Keep the whole description (in quotes)"),
                lambda d: d.set_field("description", full, keep_comment=False)))]


_CLOSE = 0.8  # how alike a key and a known key must be (difflib's ratio) to be a likely misspelling


@functools.lru_cache(maxsize=8192)
def _close_known(key: str, known: tuple[str, ...]) -> str | None:
    """The known key ``key`` is probably a misspelling of (remembered: a file is checked again and again)."""
    # difflib's ratio is 2·M/(len(a)+len(b)), M the characters matched; a character of one
    # that the other lacks is never matched, so M <= |A & B| + len(a) - |A| for the sets A,
    # B of their characters. That bound, one set intersection per known key, leaves out the
    # keys that cannot come close, so a header of thousands of unknown keys is checked
    # quickly and difflib sees only real candidates.
    chars = set(key)
    base = _CLOSE / 2 * len(key) - (len(key) - len(chars)) - 1e-9  # never stricter than difflib's own sums
    candidates = [other for other, others, half in _shapes(known) if len(chars & others) >= base + half]
    if not candidates:
        return None
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=_CLOSE)
    return close[0] if close else None


@functools.lru_cache(maxsize=8)
def _shapes(known: tuple[str, ...]) -> list[tuple[str, frozenset[str], float]]:
    """Each known key, the set of its characters, and its share of the matches ``_CLOSE`` asks for."""
    return [(other, frozenset(other), _CLOSE / 2 * len(other)) for other in known]


def _unknown_key_problems(doc: AgentDocument, fields: dict[str, Any], schema: Schema) -> list[Problem]:
    problems = []
    known = [rule.key for rule in schema.fields]
    lowered = {key.lower().replace("_", "").replace("-", ""): key for key in known}
    for key in fields:
        if schema.rule(key):
            continue
        guess = lowered.get(key.lower().replace("_", "").replace("-", ""))
        if guess is None:
            guess = _close_known(key, tuple(known))
        if guess and guess not in fields:
            problems.append(Problem(WARNING, translate("validation", "Claude Code ignores “{key}”. Did you mean "
                                                       "“{guess}”?").format(key=key, guess=guess), field=key,
                                    line=doc.field_line(key), code="key-misspelled",
                                    fix=Fix(rename_label(guess), lambda d, k=key, g=guess: d.rename_field(k, g))))
        else:
            problems.append(Problem(INFO, translate("validation", "Claude Code does not use “{key}”; it stays in "
                                                    "the file for you and for other programs.").format(key=key),
                                    field=key, line=doc.field_line(key), code="key-extra"))
    return problems


# ----- several files --------------------------------------------------------------


@dataclass
class FileReport:
    path: Path
    problems: list[Problem]
    doc: AgentDocument | None = None


def agent_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to check: each file named, and every ``*.md`` under each folder named (recursively)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        for candidate in sorted(p for p in path.rglob("*.md") if p.is_file()) if path.is_dir() else [path]:
            # A file named twice (itself and through its folder) is one file, not two sharing a
            # name. (Two links to one file are two files for Claude Code, so links are not followed.)
            key = Path(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def not_md_problem(path: Path) -> Problem:
    """What a file not ending in ``.md`` means: Claude Code never reads it."""
    return Problem(WARNING, translate("validation", "Claude Code only reads files ending in .md, so it never "
                                      "reads this one. Rename it to “{name}.md”.").format(name=path.stem),
                   code="not-md")


def check_files(paths: Iterable[str | Path], schema: Schema | None = None) -> list[FileReport]:
    """Validate files, plus what only shows across them: shared names, files Claude Code never reads."""
    schema = schema or load_schema()
    reports: list[FileReport] = []
    for path in agent_files(paths):
        try:
            doc = AgentDocument.load(path)
        except DocumentError as error:
            reports.append(FileReport(path, [Problem(ERROR, error.message, code="file-unusable")]))
            continue
        problems = validate(doc, schema)
        if path.suffix != ".md":
            problems.insert(0, not_md_problem(path))
        reports.append(FileReport(path, problems, doc))
    by_name: dict[str, list[FileReport]] = {}
    for report in reports:
        name = report.doc.fields.get("name") if report.doc else None
        if isinstance(name, str) and name.strip():
            by_name.setdefault(name.strip(), []).append(report)
    for name, sharing in by_name.items():
        if len(sharing) < 2:
            continue
        for report in sharing:
            others = ", ".join(r.path.name for r in sharing if r is not report)
            report.problems.append(Problem(
                WARNING, translate("validation", "The name “{name}” is also used by {others}. Claude Code loads only "
                                   "one agent of a name and does not say which: give each a different name.")
                .format(name=name, others=others), field="name",
                line=report.doc.field_line("name") if report.doc else None, code="name-shared"))
    return reports
