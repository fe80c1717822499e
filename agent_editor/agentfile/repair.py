"""Mending what Claude Code reads otherwise than the author meant: a description spread
over several lines that makes it ignore the file or cut the description short, and keys
written twice.

The typical broken header has a long description followed by ``<example>`` blocks whose
lines start at the left edge, or continue with indented lines holding ``: ``. Claude Code
then ignores the file, silently; or, where such a line reads as ``user: "..."``, it takes
it for a new setting and the description ends there. The mend decides where the author's
description ends (at the next key Claude Code knows, at a setting of the author's own
outside an example, or at the closing ``---``) and writes exactly those lines again as a
``description: |-`` block, every line indented. No other line changes (unless a line
only Claude Code's quoted retry can read must get quotes, as a block needs strict YAML).
A mend is offered only when, afterwards, PyYAML reads the header, Claude Code reads it
with the same name and the other settings, and the description holds every letter and
digit the author wrote, in order. Otherwise ``Mend.reason`` says why in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import DocumentError
from agent_editor.agentfile.header import KeySpan, quote_for_retry, read_header, read_strict
from agent_editor.agentfile.problem import WARNING, Fix, Problem
from agent_editor.agentfile.schema import Schema, load_schema
from agent_editor.agentfile.yamlwrite import double_quoted

KEY_LINE = re.compile(r"([A-Za-z0-9_-]+):(?=[ \t]|$)")
_OPENS = re.compile(r"<example>", re.IGNORECASE)
_CLOSES = re.compile(r"</example>", re.IGNORECASE)
_BLOCK_HEADER = re.compile(r"([|>])([+-]?)([1-9]?)([+-]?)(?:[ \t]+#.*)?[ \t]*")
MEND_LABEL = "Mend the description (write it as one indented block)"


@dataclass(frozen=True)
class Mend:
    """A mended header (``header_text``), or, when there is none, ``reason`` in plain words."""

    header_text: str | None
    reason: str = ""
    first: int = 0  # 0-based header lines of the description as the author meant it
    last: int = 0
    quoted_keys: tuple[str, ...] = ()  # other one-line values that had to be put in quotes


@dataclass(frozen=True)
class CutDescription:
    """A description Claude Code stops reading early: where it stops, and the lines it then takes for settings."""

    span: KeySpan
    last: int  # 0-based header line where the author's description really ends
    swallowed: list[KeySpan] = field(default_factory=list)


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def _example_depth(line: str) -> int:
    return len(_OPENS.findall(line)) - len(_CLOSES.findall(line))


def description_end(lines: list[str], first: int, schema: Schema) -> int:
    """The last header line of the description that starts on line ``first``, as its author meant it.

    It runs until a key Claude Code knows, or a ``key:`` of the author's own outside an
    ``<example>`` (a word such as ``user`` or ``Context`` starts a line of an example, not a
    setting), or the end of the header. Blank and ``#`` lines at its end are not part of it.
    """
    known = {rule.key for rule in schema.fields}
    depth = _example_depth(_bare(lines[first]))
    end = first
    for index in range(first + 1, len(lines)):
        line = _bare(lines[index])
        match = KEY_LINE.match(line)
        if match:
            key = match.group(1)
            if key in known or (depth <= 0 and key.lower() not in schema.example_words):
                break
        if line.strip() and not line.startswith("#"):
            end = index
        depth += _example_depth(line)
    return end


def error_in_description(doc: AgentDocument, schema: Schema | None = None) -> bool:
    """Whether the line Claude Code stumbles on is part of a description spread over several lines."""
    line, lines, schema = doc.reading.error_line, doc.header_lines(), schema or load_schema()
    return line is not None and any(first <= line <= description_end(lines, first, schema)
                                    for first in _description_starts(lines))


def _description_starts(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if (m := KEY_LINE.match(line)) and m.group(1) == "description"]


def _letters(text: str) -> list[str]:
    return [char for char in text if char.isalnum()]


def _content(lines: list[str], first: int, last: int) -> tuple[list[str], str, str, str]:
    """The description's lines without YAML's indentation, its block style (``|`` or ``>``),
    and the text whose letters and digits the mended description must keep."""
    head = _bare(lines[first])
    value = head[len("description:") :].strip()
    rest = [_bare(line) for line in lines[first + 1 : last + 1]]
    block = _BLOCK_HEADER.fullmatch(value)
    style = block.group(1) if block else "|"
    if block:
        value = ""
    indents = [len(line) - len(line.lstrip(" ")) for line in rest if line.strip()]
    base = indents[0] if block and indents else min(indents, default=0)
    if block and block.group(3):
        base = int(block.group(3))
    body = ["" if not line.strip() else line[min(base, len(line) - len(line.lstrip(" "))) :] for line in rest]
    content = ([value] if value else []) + body
    while content and not content[0].strip():
        content.pop(0)
    original = "\n".join(content)
    if content and content[0][:1] in "\"'" and len(original) > 1 and original.rstrip()[-1] == content[0][0]:
        quote = content[0][0]  # a quoted value spread over lines: the quotes were YAML's, not the author's words
        original = original.rstrip()[1:-1]
        original = original.replace('\\"', '"') if quote == '"' else original.replace("''", "'")
        content = original.split("\n")
    return content, style, original, value


def _block(content: list[str], style: str) -> list[str]:
    first_text = next((line for line in content if line.strip()), "")
    indicator = "2" if first_text[:1] in (" ", "\t") else ""
    return [f"description: {style}{indicator}-"] + [("  " + line).rstrip() if line.strip() else "" for line in content]


def mend_description(doc: AgentDocument, schema: Schema | None = None) -> Mend:
    """The header with its description written as a block, when that is safe; else why not."""
    schema = schema or load_schema()
    lines = doc.header_lines()
    starts = _description_starts(lines)
    if not starts:
        return Mend(None, "There is no “description:” line at the left edge of the header to mend.")
    reading = doc.reading
    first = starts[-1]
    if reading.ok and doc.span("description") is not None:
        first = doc.span("description").first
    elif reading.error_line is not None:
        first = next((s for s in starts if s <= reading.error_line <= description_end(lines, s, schema)), first)
    last = description_end(lines, first, schema)
    if doc.header_cut_mid_line and last == len(lines) - 1:
        return Mend(None, f"Line {last + 2} holds “---”, which ends the header in the middle of the description. "
                    "Write a dash (—) there first.")
    content, style, original, _ = _content(lines, first, last)
    if not any(line.strip() for line in content):
        return Mend(None, "The description is empty: write what the agent is for first.")
    newline = doc.newline
    block = _block(content, style)
    ending = lines[last][len(_bare(lines[last])) :]
    new_lines = lines[:first] + [line + newline for line in block[:-1]] + [block[-1] + ending] + lines[last + 1 :]
    quoted: list[str] = []
    expected = _expected_others(doc, first, last)
    header = "".join(new_lines)
    if not _strict_ok(header):
        header, quoted = _quote_others(new_lines, first, last, doc)
    problem = _check(header, original, expected, doc, first + len(block) - 1, len(block) - (last - first + 1))
    if problem:
        return Mend(None, problem, first, last)
    return Mend(header, "", first, last, tuple(quoted))


def _expected_others(doc: AgentDocument, first: int, last: int) -> dict | None:
    """What Claude Code reads now from the settings outside the description (None: it ignores the file)."""
    if not doc.reading.ok:
        return None
    outside = {s.key for s in doc.reading.spans if s.used and not first <= s.first <= last}
    return {k: v for k, v in doc.fields.items() if k in outside and k != "description"}


def _strict_ok(header: str) -> bool:
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError:
        return False
    reading = read_header(header)
    return isinstance(data, dict) and reading.ok and not reading.rescued_keys


def _quote_others(lines: list[str], first: int, last: int, doc: AgentDocument) -> tuple[str, list[str]]:
    """Put in quotes the one-line values outside the description that only Claude Code's retry reads.

    A block needs strict YAML: the retry would quote ``description: |-`` itself.
    """
    lines = list(lines)
    shift = len(lines) - len(doc.header_lines())
    quoted = []
    for index, line in enumerate(lines):
        if first <= index <= last + shift:
            continue
        bare = _bare(line)
        retry, changed = quote_for_retry(bare)
        if not changed:
            continue
        alone, wrapped = read_header(bare), read_header(retry)
        key = KEY_LINE.match(bare).group(1)
        value = wrapped.fields.get(key)
        if not wrapped.ok or not isinstance(value, str):
            continue
        if alone.ok and not alone.rescued_keys and (not doc.reading.ok or alone.fields.get(key, ...) == value):
            # Strict YAML reads the line alone, and as Claude Code reads it now (in a file it ignores,
            # nothing is read now: strict YAML's reading, `model: x # note` as "x", is the one meant).
            continue
        lines[index] = f"{key}: {double_quoted(value)}" + line[len(bare) :]
        quoted.append(key)
    return "".join(lines), quoted


def _check(header: str, original: str, expected: dict | None, doc: AgentDocument, block_end: int, shift: int) -> str:
    """Why the mended header is not safe, or "" when it is."""
    if not _strict_ok(header):
        reading = read_strict(header)
        if not reading.ok:
            error = reading.error
            if reading.error_line is not None and reading.error_line > block_end:
                # Said in the lines of the file as it is, not as it would be after the mend.
                error = error.replace(f"Line {reading.error_line + 2}", f"Line {reading.error_line - shift + 2}", 1)
            return "Even with the description mended, the header cannot be read: " + error
        return "Even with the description mended, other lines would need Claude Code's own rescue."
    reading = read_header(header)
    strict = yaml.safe_load(header)
    described = strict.get("description")
    if not isinstance(described, str) or _letters(described) != _letters(original):
        return "The description could not be written as a block without changing its words."
    if expected is not None:
        others = {k: v for k, v in reading.fields.items() if k != "description"}
        if others != expected:
            changed = sorted(set(others) ^ set(expected) | {k for k in others if others.get(k) != expected.get(k)})
            return "Mending the description would change how Claude Code reads " + ", ".join(changed) + "."
    else:
        for line in doc.header_lines():
            match = KEY_LINE.match(line)
            if match and match.group(1) == "name":
                alone = read_header(_bare(line))
                if alone.ok and "name" in alone.fields and reading.fields.get("name") != alone.fields["name"]:
                    return "Mending the description would change the name Claude Code reads."
    return ""


def apply_mend(doc: AgentDocument) -> None:
    """Mend ``doc``'s description in place, or raise ``DocumentError`` saying why it cannot be."""
    mend = mend_description(doc)
    if mend.header_text is None:
        raise DocumentError(mend.reason)
    text = doc.to_text()
    start = doc.header_end - len(doc.header_text)
    doc.set_text(text[:start] + mend.header_text + text[doc.header_end :])


def mend_fix(doc: AgentDocument, schema: Schema | None = None) -> tuple[Fix | None, str]:
    """The mend as a ``Fix``, or None and the reason there is none."""
    mend = mend_description(doc, schema)
    if mend.header_text is None:
        return None, mend.reason
    label = MEND_LABEL
    if mend.quoted_keys:
        label += " and put " + ", ".join(mend.quoted_keys) + " in quotes"
    return Fix(label, apply_mend), ""


# ----- problems Claude Code does not show: a cut description, keys written twice ------------


def cut_description(doc: AgentDocument, schema: Schema | None = None) -> CutDescription | None:
    """Where Claude Code stops reading the description because a line of it looks like a setting."""
    schema = schema or load_schema()
    span = doc.span("description")
    if not doc.reading.ok or span is None:
        return None
    lines = doc.header_lines()
    if not KEY_LINE.match(lines[span.first]):
        return None
    last = description_end(lines, span.first, schema)
    swallowed = [s for s in doc.reading.spans if span.last < s.first <= last]
    if not swallowed:
        return None
    return CutDescription(span, last, swallowed)


def cut_problems(doc: AgentDocument, schema: Schema | None = None) -> list[Problem]:
    cut = cut_description(doc, schema)
    if cut is None:
        return []
    fix, reason = mend_fix(doc, schema)
    setting = cut.swallowed[0]
    message = (f"Claude Code stops reading the description at line {cut.span.last + 2}: line "
               f"{setting.first + 2} looks like a new setting “{setting.key}”. Lines {cut.span.last + 3} to "
               f"{cut.last + 2} belong to the description but Claude Code never shows them.")
    if fix is None:
        message += " It cannot be mended here: " + reason
    return [Problem(WARNING, message, field="description", line=cut.span.first + 2, fix=fix,
                    code="description-cut")]


def _line_list(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def duplicate_problems(doc: AgentDocument, schema: Schema | None = None) -> list[Problem]:
    """A warning for each key written more than once: Claude Code uses the last, other tools may refuse."""
    reading = doc.reading
    if not reading.ok or not (reading.duplicate_keys or reading.nested_duplicates):
        return []
    cut = cut_description(doc, schema)
    inside = range(cut.span.first, cut.last + 1) if cut else range(0)
    problems = []
    for key in reading.duplicate_keys:
        spans = [s for s in reading.spans if s.key == key]
        used, ignored = spans[-1], [s for s in spans if not s.used]
        times = "twice" if len(spans) == 2 else f"{len(spans)} times"
        message = (f"“{key}” is written {times}; Claude Code uses line {used.first + 2} and ignores "
                   f"line{'s' if len(ignored) > 1 else ''} {_line_list([s.first + 2 for s in ignored])}.")
        fix = None
        if all(s.first in inside for s in spans):
            message += " These lines are part of the description (see the warning about it)."
            fix, _ = mend_fix(doc, schema)
        elif not any(s.first in inside for s in spans):
            message += " Other tools may refuse a key written twice."
            fix = Fix("Keep the one Claude Code uses", lambda d, k=key: d.remove_ignored_occurrences(k))
            try:
                fix.apply(doc.copy())
            except DocumentError:
                fix = None
        problems.append(Problem(WARNING, message, field=key, line=used.first + 2, fix=fix, code="key-twice"))
    for key, line in reading.nested_duplicates:
        owner = next((s.key for s in reading.spans if s.first <= line <= s.last), None)
        where = f" inside “{owner}”" if owner else ""
        problems.append(Problem(WARNING, f"“{key}” is written more than once{where} (line {line + 2}); Claude Code "
                                "uses the last one and ignores the others. Other tools may refuse it.",
                                line=line + 2, code="key-twice-inside"))
    return problems
