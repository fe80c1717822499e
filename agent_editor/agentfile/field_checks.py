"""The checks of each header field Claude Code knows, in plain words: one per kind of field.

``field_problems`` checks one value against its rule from the schema and returns
``Problem`` records (with a ``Fix`` where one is safe); ``missing_problem`` is the
problem of a required field that is not there. Every message goes through
``translate`` so the app can show it in the author's language. ``validation`` runs
these for each field a file has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.problem import ERROR, INFO, WARNING, Fix, Problem
from agent_editor.agentfile.schema import FieldRule, Schema
from agent_editor.agentfile.tools import parse_tools, split_tool_string, tools_value_in_style
from agent_editor.agentfile.wording import translate

_NAME_STYLE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def field_label(schema: Schema, key: str) -> str:
    rule = schema.rule(key)
    return _in_sentence(rule) if rule else f"“{key}”"


def _in_sentence(rule: FieldRule) -> str:
    """A field's label inside a sentence ("the description", "the connected services (MCP servers)")."""
    label = translate("schema", rule.label)
    english = translate("schema", "Description") == "Description"  # other languages keep their own capitals
    return label[:1].lower() + label[1:] if english else label


def _help(rule: FieldRule) -> str:
    return translate("schema", rule.help)


def missing_problem(doc: AgentDocument, rule: FieldRule) -> Problem:
    return Problem(ERROR, translate("validation", "The {label} is missing, so Claude Code ignores this file. {help}")
                   .format(label=_in_sentence(rule), help=_help(rule)),
                   field=rule.key, line=1, code=f"{rule.key}-missing")


def field_problems(doc: AgentDocument, rule: FieldRule, value: Any, schema: Schema) -> list[Problem]:
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


def rename_label(value: str) -> str:
    return translate("validation", "Rename to “{value}”").format(value=value)


def _shown(doc: AgentDocument, key: str, value: Any) -> str:
    """A value as the author wrote it (``1.50``, ``yes``, ``[red]``), never in Python's spelling.

    A long one is cut (a message quoting a 100,000-digit number stays a sentence).
    """
    if isinstance(value, str):
        return _cut(value)
    source = doc.value_source(key)
    if source is not None:
        return _cut(source)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return _cut(dumped.strip().removesuffix("...").strip())


_SHOWN_CHARACTERS = 80


def _cut(text: str) -> str:
    if len(text) <= _SHOWN_CHARACTERS:
        return text
    return translate("validation", "{start}… ({count} characters)").format(
        start=text[:_SHOWN_CHARACTERS], count=f"{len(text):,}")


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
                         _set(rename_label(fixed), "name", fixed) if fixed else None)]
    problems = []
    if not _NAME_STYLE.fullmatch(name):
        problems.append(_problem(doc, INFO, rule, translate("validation", "Names are meant to be lowercase letters "
                                                            "and hyphens. Claude Code accepts “{name}”, but "
                                                            "“{fixed}” is the usual form.")
                                 .format(name=name, fixed=fixed), "name-style",
                                 _set(rename_label(fixed), "name", fixed) if fixed else None))
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
