"""Checking an agent file against what Claude Code does with it, in plain words.

``validate(doc)`` returns ``Problem`` records; the widgets decide how to show them.
Severities: ``error`` means Claude Code will not load the file at all; ``warning``
means it loads it but ignores or changes a value (or other tools cannot read it);
``info`` is style and advice. A problem may carry a ``Fix`` the caller can apply to
the document. ``check_files`` adds what only shows across several files: two files
with one name (Claude Code loads only one) and files Claude Code never reads.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import COSTLY_ALIASES, REFUSED_ALIASES, quote_for_retry, read_header
from agent_editor.agentfile.problem import ERROR, INFO, SEVERITY_ORDER, WARNING, Fix, Problem
from agent_editor.agentfile import repair
from agent_editor.agentfile.schema import FieldRule, Schema, load_schema
from agent_editor.agentfile.tools import parse_tools, split_tool_string, tools_value_in_style
from agent_editor.agentfile.wording import translate
from agent_editor.agentfile.yamlwrite import double_quoted

_NAME_STYLE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
                problems += _field_problems(doc, rule, fields[rule.key], schema)
            elif rule.required:
                problems.append(_missing(doc, rule))
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
    spans = doc.reading.spans
    return {a.key for a in spans for b in spans if a is not b and a.first <= b.last and b.first <= a.last}


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
    # Nor when the next --- cuts the same line again, or the longer value is one Claude Code refuses.
    fix = None
    longer = AgentDocument.parse(dashed(doc))
    rule = load_schema().rule(key) if key else None
    if (longer.has_header and longer.reading.ok
            and not (longer.header_cut_mid_line and len(longer.header_lines()) == len(lines))
            and not (rule and key in longer.fields and any(
                p.severity == ERROR for p in _field_problems(longer, rule, longer.fields[key], load_schema())))):
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
        label = _label(schema, key)
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


# ----- fields ---------------------------------------------------------------------


def _label(schema: Schema, key: str) -> str:
    rule = schema.rule(key)
    return _in_sentence(rule) if rule else f"“{key}”"


def _in_sentence(rule: FieldRule) -> str:
    """A field's label inside a sentence ("the description", "the connected services (MCP servers)")."""
    label = translate("schema", rule.label)
    english = translate("schema", "Description") == "Description"  # other languages keep their own capitals
    return label[:1].lower() + label[1:] if english else label


def _help(rule: FieldRule) -> str:
    return translate("schema", rule.help)


def _missing(doc: AgentDocument, rule: FieldRule) -> Problem:
    return Problem(ERROR, translate("validation", "The {label} is missing, so Claude Code ignores this file. {help}")
                   .format(label=_in_sentence(rule), help=_help(rule)),
                   field=rule.key, line=1, code=f"{rule.key}-missing")


def _field_problems(doc: AgentDocument, rule: FieldRule, value: Any, schema: Schema) -> list[Problem]:
    if value is None and rule.type != "tools":  # `key:` with nothing after it (an empty tools list means all tools)
        return [_empty(doc, rule)]
    check = _CHECKS.get(rule.type)
    return check(doc, rule, value, schema) if check else []


def _empty(doc: AgentDocument, rule: FieldRule) -> Problem:
    label = _in_sentence(rule)
    empty = translate("validation", "The {label} is empty, so Claude Code ignores this file. {help}")
    if rule.key == "name":
        fixed = slug(doc.path.stem) if doc.path else ""
        return _problem(doc, ERROR, rule, empty.format(label=label, help=_help(rule)), "name-empty",
                        _set(_use(fixed), "name", fixed) if fixed else None)
    if rule.required:
        return _problem(doc, ERROR, rule, empty.format(label=label, help=_help(rule)), f"{rule.key}-empty")
    return _problem(doc, WARNING, rule, translate("validation", "The {label} has no value, so Claude Code ignores "
                                                  "it. Fill it in, or remove the line.").format(label=label),
                    f"{rule.key}-empty",
                    Fix(translate("validation", "Remove the empty {label}").format(label=label),
                        lambda d, k=rule.key: d.remove_field(k)))


def _use(value: str) -> str:
    return translate("validation", "Use “{value}”").format(value=value)


def _write(value: str) -> str:
    return translate("validation", "Write “{value}”").format(value=value)


def _rename(value: str) -> str:
    return translate("validation", "Rename to “{value}”").format(value=value)


def _shown(doc: AgentDocument, key: str, value: Any) -> str:
    """A value as the author wrote it (``1.50``, ``yes``, ``[red]``), never in Python's spelling."""
    if isinstance(value, str):
        return value
    source = doc.value_source(key)
    if source is not None:
        return source
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.strip().removesuffix("...").strip()


def _kind(value: Any) -> str:
    """What YAML made of a value that is not text, in words."""
    if isinstance(value, bool):
        return translate("validation", "a yes/no value")
    if isinstance(value, (int, float)):
        return translate("validation", "a number")
    if isinstance(value, list):
        return translate("validation", "a list")
    if isinstance(value, dict):
        return translate("validation", "a group of “name: value” lines")
    return translate("validation", "something other than text")


def _problem(doc: AgentDocument, severity: str, rule: FieldRule, message: str, code: str,
             fix: Fix | None = None, details: str = "") -> Problem:
    return Problem(severity, message, field=rule.key, line=doc.field_line(rule.key), fix=fix, code=code,
                   details=details)


def _set(label: str, key: str, value: Any) -> Fix:
    return Fix(label, lambda d: d.set_field(key, value))


def slug(text: str) -> str:
    """A name in the documented style: lowercase letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _check_name(doc, rule, value, schema) -> list[Problem]:
    if not isinstance(value, str):
        shown = _shown(doc, "name", value)
        scalar = isinstance(value, (bool, int, float))
        advice = translate("validation", "Put it in quotes or add letters.") if scalar else _help(rule)
        return [_problem(doc, ERROR, rule, translate("validation", "The name “{shown}” is read as {kind}, not as "
                                                     "text, so Claude Code ignores this file. {advice}")
                         .format(shown=shown, kind=_kind(value), advice=advice),
                         "name-not-text",
                         _set(translate("validation", "Put the name in quotes"), "name", shown) if scalar else None)]
    name = value.strip()
    if not name:
        return [_problem(doc, ERROR, rule, translate("validation", "The {label} is empty, so Claude Code ignores "
                                                     "this file. {help}").format(label=_in_sentence(rule),
                                                                                 help=_help(rule)),
                         "name-empty", _set(_use(slug(doc.path.stem)), "name", slug(doc.path.stem))
                         if doc.path and slug(doc.path.stem) else None)]
    fixed = slug(name)
    if ":" in name or name.startswith("-"):
        if ":" in name:
            message = translate("validation", "Claude Code does not accept a name with a colon (“{name}”), so it "
                                "ignores this file. Use lowercase letters and hyphens.")
        else:
            message = translate("validation", "Claude Code does not accept a name that starts with a hyphen "
                                "(“{name}”), so it ignores this file. Use lowercase letters and hyphens.")
        return [_problem(doc, ERROR, rule, message.format(name=name), "name-invalid",
                         _set(_rename(fixed), "name", fixed) if fixed else None)]
    problems = []
    if not _NAME_STYLE.fullmatch(name):
        problems.append(_problem(doc, INFO, rule, translate("validation", "Names are meant to be lowercase letters "
                                                            "and hyphens. Claude Code accepts “{name}”, but "
                                                            "“{fixed}” is the usual form.")
                                 .format(name=name, fixed=fixed), "name-style",
                                 _set(_rename(fixed), "name", fixed) if fixed else None))
    if name in schema.builtin_agents:
        problems.append(_problem(doc, INFO, rule, translate("validation", "“{name}” is also the name of an agent "
                                                            "built into Claude Code; this file replaces it.")
                                 .format(name=name), "name-shadows-builtin"))
    return problems


def _check_text(doc, rule, value, schema) -> list[Problem]:
    if not isinstance(value, str):
        severity = ERROR if rule.required else WARNING
        if rule.required:
            message = translate("validation", "The {label} must be text, so Claude Code ignores this file. Click "
                                "“Put the {label} in quotes”.")
        else:
            message = translate("validation", "The {label} must be text, so Claude Code ignores it. Click “Put the "
                                "{label} in quotes”.")
        shown = _shown(doc, rule.key, value)
        label = _in_sentence(rule)
        return [_problem(doc, severity, rule, message.format(label=label), f"{rule.key}-not-text",
                         _set(translate("validation", "Put the {label} in quotes").format(label=label), rule.key,
                              shown))]
    if rule.required and not value.strip():
        return [_problem(doc, ERROR, rule, translate("validation", "The {label} is empty, so Claude Code ignores "
                                                     "this file. {help}").format(label=_in_sentence(rule),
                                                                                 help=_help(rule)),
                         f"{rule.key}-empty")]
    problems = []
    span = doc.span(rule.key)
    if rule.key == "description" and span is not None:
        raw = "".join(doc.header_lines()[span.first: span.last + 1])
        if "\\n" in raw:
            problems.append(_problem(doc, INFO, rule, translate("validation", "The description marks line breaks "
                                                                "with \\n. Claude Code starts a new line at each, but "
                                                                "other programs show “\\n” as it is. Click “Use real "
                                                                "line breaks”."),
                                     "description-backslash-n",
                                     _set(translate("validation", "Use real line breaks"), "description", value)))
    return problems


def _check_model(doc, rule, value, schema) -> list[Problem]:
    pattern = re.compile(rule.extra.get("model_id_pattern", r"^claude-"))
    choices = ", ".join(rule.choices)
    if isinstance(value, str) and (value in rule.choices or pattern.match(value)):
        return []
    if isinstance(value, str) and value.strip().lower() in rule.choices:
        fixed = value.strip().lower()
        return [_problem(doc, WARNING, rule, translate("validation", "Claude Code ignores the model “{value}”: "
                                                       "write it as “{fixed}”.").format(value=value, fixed=fixed),
                         "model-case", _set(_write(fixed), "model", fixed))]
    return [_problem(doc, WARNING, rule, translate("validation", "Claude Code does not know the model “{value}” and "
                                                   "uses the conversation's model instead. Choose one of: {choices}, "
                                                   "or a full model id such as claude-opus-5.")
                     .format(value=_shown(doc, rule.key, value), choices=choices), "model-unknown",
                     Fix(translate("validation", "Remove the model (use the conversation's)"),
                         lambda d: d.remove_field("model")))]


def _nearest_color(hex_text: str, colors: dict[str, str]) -> str | None:
    match = re.fullmatch(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", hex_text.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    rgb = [int(digits[i: i + 2], 16) for i in (0, 2, 4)]

    def distance(name: str) -> int:
        other = colors[name].lstrip("#")
        return sum((a - int(other[i * 2: i * 2 + 2], 16)) ** 2 for i, a in enumerate(rgb))

    return min(colors, key=distance)


def _check_color(doc, rule, value, schema) -> list[Problem]:
    if isinstance(value, str) and value in rule.choices:
        return []
    choices = ", ".join(rule.choices)
    text = _shown(doc, rule.key, value)
    if text.strip().lower() in rule.choices:
        fixed = text.strip().lower()
        return [_problem(doc, WARNING, rule, translate("validation", "Claude Code ignores the color “{text}”: "
                                                       "colors must be written in lowercase, like “{fixed}”.")
                         .format(text=text, fixed=fixed), "color-case", _set(_write(fixed), "color", fixed))]
    nearest = _nearest_color(text, schema.colors)
    fix = _set(translate("validation", "Use {color}, the closest color").format(color=nearest), "color", nearest) \
        if nearest else Fix(translate("validation", "Remove the color"), lambda d: d.remove_field("color"))
    return [_problem(doc, WARNING, rule, translate("validation", "Claude Code ignores the color “{text}”; choose one "
                                                   "of: {choices}.").format(text=text, choices=choices),
                     "color-unknown", fix)]


def _check_tools(doc, rule, value, schema) -> list[Problem]:
    if value is not None and not isinstance(value, (str, list)) or (
            isinstance(value, list) and not all(isinstance(item, str) for item in value)):
        return [_problem(doc, WARNING, rule, translate("validation", "The {label} should be tool names separated by "
                                                       "commas, or a list of names.").format(label=_in_sentence(rule)),
                         f"{rule.key}-shape")]
    names = parse_tools(value) or []
    problems = []
    builtin = schema.builtin_tools
    by_lower = {tool.lower(): tool for tool in builtin | set(schema.legacy_tools)}
    for name in names:
        base = name.split("(", 1)[0]
        if base in builtin or base.startswith("mcp__") or base == "*":
            continue
        if base in schema.legacy_tools:
            legacy = schema.legacy_tools[base]
            problems.append(_problem(doc, WARNING, rule, translate("schema", legacy["message"]), "tool-renamed",
                                     _replace_tool_fix(rule.key, name, legacy["replacement"] + name[len(base):])))
        elif base.lower() in by_lower:
            right = by_lower[base.lower()]
            problems.append(_problem(doc, WARNING, rule, translate("validation", "Tool names must be written with "
                                                               "the right capital letters: Claude Code has no tool "
                                                               "“{base}”, only “{right}”.")
                                     .format(base=base, right=right), "tool-case",
                                     _replace_tool_fix(rule.key, name, right + name[len(base):])))
        else:
            server = slug(base).replace("-", "_") or base
            # Only a plain word can be a server's name; for anything else ("[Read" or "Grep]")
            # an mcp__ name would be a guess that changes what the agent can do.
            plain = re.fullmatch(r"[A-Za-z0-9_-]+", base) is not None
            message = translate("validation", "Claude Code has no tool called “{name}”, so this entry does nothing "
                                "(it stays in the file).").format(name=name)
            details = ""
            if plain:
                message += " " + translate("validation", "If “{name}” is a service you connected to Claude Code, "
                                           "click “Change “{name}” to “mcp__{server}”” to give the agent all of "
                                           "that service's tools.").format(name=name, server=server)
                details = translate("validation", "Services connected to Claude Code are MCP servers; their tools "
                                    "are named mcp__ and the server's name (all its tools), or mcp__server__tool "
                                    "for one tool.")
            problems.append(_problem(doc, WARNING, rule, message, "tool-unknown",
                                     _replace_tool_fix(rule.key, name, f"mcp__{server}") if plain else None,
                                     details=details))
    return problems


def _replace_tool_fix(key: str, old: str, new: str) -> Fix:
    def apply(d: AgentDocument) -> None:
        current = d.fields.get(key)
        names = parse_tools(current) or []
        replaced: list[str] = []
        for name in names:
            candidate = new if name == old else name
            if candidate not in replaced:
                replaced.append(candidate)
        d.set_field(key, tools_value_in_style(replaced, current))

    return Fix(translate("validation", "Change “{old}” to “{new}”").format(old=old, new=new), apply)


def _check_choice(doc, rule, value, schema) -> list[Problem]:
    if isinstance(value, str) and value in rule.choices:
        if rule.key == "permissionMode" and value == "bypassPermissions":
            return [_problem(doc, INFO, rule, translate("validation", "This agent acts without asking permission "
                                                        "first. Use it only for agents you trust completely."),
                             "permission-bypass")]
        return []
    lowered = {c.lower(): c for c in rule.choices}
    if isinstance(value, str) and value.strip().lower() in lowered:
        fixed = lowered[value.strip().lower()]
        return [_problem(doc, WARNING, rule, translate("validation", "Claude Code does not recognise “{value}” for "
                                                       "the {label}; write “{fixed}”.")
                         .format(value=value, label=_in_sentence(rule), fixed=fixed),
                         f"{rule.key}-case", _set(_write(fixed), rule.key, fixed))]
    return [_problem(doc, WARNING, rule, translate("validation", "Claude Code ignores the {label} “{value}”; choose "
                                                   "one of: {choices}.")
                     .format(label=_in_sentence(rule), value=_shown(doc, rule.key, value),
                             choices=", ".join(rule.choices)), f"{rule.key}-unknown")]


def _check_positive_int(doc, rule, value, schema) -> list[Problem]:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return []
    fix = None
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        fix = _set(translate("validation", "Write {number} as a number").format(number=int(value)), rule.key,
                   int(value))
    return [_problem(doc, WARNING, rule, translate("validation", "The {label} must be a whole number above 0; "
                                                   "Claude Code ignores “{value}”.")
                     .format(label=_in_sentence(rule), value=_shown(doc, rule.key, value)), f"{rule.key}-invalid",
                     fix)]


def _check_bool(doc, rule, value, schema) -> list[Problem]:
    if isinstance(value, bool):
        return []
    fix = None
    if isinstance(value, str) and value.strip().lower() in ("yes", "no", "on", "off", "y", "n"):
        fixed = value.strip().lower() in ("yes", "on", "y")
        fix = _set(translate("validation", "Write true (Yes)") if fixed else translate("validation",
                                                                                      "Write false (No)"),
                   rule.key, fixed)
    return [_problem(doc, WARNING, rule, translate("validation", "The {label} must be true or false (Yes or No in "
                                                   "the form); Claude Code ignores “{value}”.")
                     .format(label=_in_sentence(rule), value=_shown(doc, rule.key, value)), f"{rule.key}-invalid",
                     fix)]


def _check_string_list(doc, rule, value, schema) -> list[Problem]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return []
    fix = None
    if isinstance(value, str):
        fix = _set(translate("validation", "Make it a list"), rule.key, split_tool_string(value))
    return [_problem(doc, WARNING, rule, translate("validation", "The {label} should be a list of names.")
                     .format(label=_in_sentence(rule)), f"{rule.key}-shape", fix)]


def _check_yaml(doc, rule, value, schema) -> list[Problem]:
    problems = []
    wanted = {"list": list, "mapping": dict}.get(rule.expect)
    if wanted and not isinstance(value, wanted):
        if rule.expect == "list":
            message = translate("validation", "The {label} should be a list (one “- ” line for each); Claude Code "
                                "may ignore it as written.")
        else:
            message = translate("validation", "The {label} should be a group of “name: value” lines; Claude Code "
                                "may ignore it as written.")
        problems.append(_problem(doc, WARNING, rule, message.format(label=_in_sentence(rule)), f"{rule.key}-shape"))
    if rule.safety:
        problems.append(_problem(doc, INFO, rule, translate("schema", rule.safety), f"{rule.key}-safety"))
    return problems


_CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "name": _check_name,
    "text": _check_text,
    "model": _check_model,
    "color": _check_color,
    "tools": _check_tools,
    "choice": _check_choice,
    "positive_int": _check_positive_int,
    "bool": _check_bool,
    "string_list": _check_string_list,
    "yaml": _check_yaml,
}


def _unknown_key_problems(doc: AgentDocument, fields: dict[str, Any], schema: Schema) -> list[Problem]:
    problems = []
    known = [rule.key for rule in schema.fields]
    lowered = {key.lower().replace("_", "").replace("-", ""): key for key in known}
    for key in fields:
        if schema.rule(key):
            continue
        guess = lowered.get(key.lower().replace("_", "").replace("-", ""))
        if guess is None:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
            guess = close[0] if close else None
        if guess and guess not in fields:
            problems.append(Problem(WARNING, translate("validation", "Claude Code ignores “{key}”. Did you mean "
                                                       "“{guess}”?").format(key=key, guess=guess), field=key,
                                    line=doc.field_line(key), code="key-misspelled",
                                    fix=Fix(_rename(guess), lambda d, k=key, g=guess: d.rename_field(k, g))))
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
