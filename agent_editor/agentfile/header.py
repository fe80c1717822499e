"""Reading a header's YAML text the way Claude Code reads it.

Claude Code parses the header as strict YAML 1.2 first. When that fails it makes one
more try: the value of each single-line ``key: value`` whose value holds ``: `` or a
YAML indicator is wrapped in double quotes (its own double quotes escaped, backslashes
not), except a value starting with ``[``, which stays YAML (a flow list stays a list);
then the text is parsed again. If that fails too, the agent is silently ignored.
A key written twice is no error for Claude Code: the last occurrence wins, in both tries.
Finally a literal ``\\n`` in the description becomes a line break.

This module reproduces exactly that, with a safe loader only (a header can never make
Python run anything), and keeps what the editor needs besides the values: on which
lines each top-level key and its value stand, which keys only the retry could read,
and why reading failed, in words and with a line number.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import yaml

from agent_editor.agentfile.aliases import CLAUDE_CODE_BUDGET, EDITOR_LIMIT, AliasExpansionError, check_aliases
from agent_editor.agentfile.wording import translate

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ClaudeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that resolves plain values as YAML 1.2 does, like Claude Code's parser.

    PyYAML follows YAML 1.1, where ``yes``, ``on`` and ``2024-01-01`` are not strings;
    Claude Code (YAML 1.2 core schema) reads them as strings, and so must we.

    Aliases are counted before anything is built: a header whose aliases stand for
    too many values raises ``AliasExpansionError`` (see ``aliases``).
    """

    def get_single_node(self):  # noqa: D102 - PyYAML's name
        node = super().get_single_node()
        if node is not None:
            check_aliases(node)
        return node


ClaudeLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    ClaudeLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_int_12(loader: yaml.SafeLoader, node: yaml.Node) -> int | float:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return _as_javascript_reads(int(text[2:], 8))
    if text.startswith("0x"):
        return _as_javascript_reads(int(text[2:], 16))
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > _DOUBLE_DIGITS:  # a number with thousands of digits: never built as a Python int
        return -math.inf if text.startswith("-") else math.inf
    number = int(digits or "0", 10)  # YAML 1.2: a leading zero is decimal, and there are no underscores
    return _as_javascript_reads(-number if text.startswith("-") else number)


# JavaScript numbers are doubles: past the largest one (about 1.8e308, 309 digits) a number
# reads as Infinity. Python would build the exact integer, and refuse to turn one of more than
# 4,300 digits into text (``sys.set_int_max_str_digits``) wherever it is shown.
_DOUBLE_DIGITS = 309
_LARGEST_DOUBLE = int(sys.float_info.max)


def _as_javascript_reads(number: int) -> int | float:
    if abs(number) > _LARGEST_DOUBLE:
        return -math.inf if number < 0 else math.inf
    return number


ClaudeLoader.add_constructor("tag:yaml.org,2002:int", _construct_int_12)


# Claude Code's retry: a single-line `key: value` at the start of a line. Like the
# JavaScript it mirrors, `.` does not match a carriage return, so CRLF lines never match.
_RETRY_LINE = re.compile(r"([A-Za-z0-9_-]+):[ \t]+([^\r\n\u2028\u2029]+)")
_RETRY_NEEDS_QUOTES = re.compile(r"[{}\[\]*&#!|>%@`]|: ")


@dataclass
class KeySpan:
    """Where a top-level key stands: ``first`` and ``last`` are 0-based header line indexes."""

    key: str
    first: int
    last: int
    style: str | None  # "plain", "'", '"', "|", ">", "flow", "block", "mapping"
    comment: str  # a trailing ` # ...` comment on a single-line value, else ""
    indent: int | None  # indentation of the value's continuation lines, None if it has none
    used: bool = True  # False when the key is written again further down: Claude Code takes the last
    rescued: bool = False  # only Claude Code's quoted retry reads this line


@dataclass
class HeaderReading:
    """What Claude Code reads from a header's text."""

    fields: dict[str, Any] = field(default_factory=dict)
    spans: list[KeySpan] = field(default_factory=list)
    ok: bool = True
    error: str = ""  # plain words, when not ok
    details: str = ""  # the YAML reader's own words, for who wants them
    error_line: int | None = None  # 0-based header line, when known
    rescued_keys: list[str] = field(default_factory=list)  # only the retry could read these
    duplicate_keys: list[str] = field(default_factory=list)  # top-level keys written more than once
    nested_duplicates: list[tuple[str, int]] = field(default_factory=list)  # (key, 0-based line) inside values
    kind: str = ""  # when not ok: "" (not YAML Claude Code reads), REFUSED_ALIASES or COSTLY_ALIASES

    def span_of(self, key: str) -> KeySpan | None:
        """The lines Claude Code reads ``key`` from: the last, where the key is written twice."""
        return self._last_spans.get(key)

    @functools.cached_property
    def _last_spans(self) -> dict[str, KeySpan]:
        # One look-up per key, not a walk over every span: checks ask for each key in turn,
        # which on a header of thousands of keys would be quadratic.
        return {span.key: span for span in self.spans}


# Aliases standing for more values than Claude Code allows: it ignores the file.
REFUSED_ALIASES = "aliases-refused"
# Aliases Claude Code reads, standing for more values than the editor shows as fields.
COSTLY_ALIASES = "aliases-costly"


def quote_for_retry(text: str) -> tuple[str, list[int]]:
    """Claude Code's retry text, and the indexes of the lines it quoted."""
    lines = text.split("\n")
    quoted: list[int] = []
    for index, line in enumerate(lines):
        match = _RETRY_LINE.fullmatch(line)
        if not match:
            continue
        key, value = match.groups()
        if value.startswith("["):  # a flow list stays YAML (observed on 2.1.328)
            continue
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            continue
        if _RETRY_NEEDS_QUOTES.search(value):
            escaped = value.replace('"', '\\"')
            lines[index] = f'{key}: "{escaped}"'
            quoted.append(index)
    return "\n".join(lines), quoted


# The last few readings, by header text. One edit reads the same header several times
# (the document, the trial copy the edit is tried on, the undo step that installs it),
# and a header of thousands of keys takes a tenth of a second to read each time.
# Readings are values: once made, nothing changes one (documents replace theirs).
_RECENT: OrderedDict[str, HeaderReading] = OrderedDict()
_RECENT_SIZE = 8
_RECENT_LOCK = threading.Lock()  # documents are also read in worker threads


def read_header(text: str) -> HeaderReading:
    """Read header text as Claude Code does."""
    with _RECENT_LOCK:
        reading = _RECENT.get(text)
        if reading is not None:
            _RECENT.move_to_end(text)
            return reading
    reading = _read_header(text)
    with _RECENT_LOCK:
        _RECENT[text] = reading
        if len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)
    return reading


def _read_header(text: str) -> HeaderReading:
    reading = _read_strict(text)
    if reading.ok or reading.kind == COSTLY_ALIASES:  # Claude Code reads the latter strictly: no retry
        return reading
    retry_text, quoted_lines = quote_for_retry(text)
    if quoted_lines:
        retried = _read_strict(retry_text)
        if retried.ok:
            # The spans describe the author's text, whose lines are the same ones. A quoted
            # line is rescued only if strict YAML cannot read it alone, or reads it otherwise
            # (`k: []` is a list, `k: a # b` loses "# b"); the others, such as `k: a[b`,
            # every reader takes the same way, in their own style. (Each line is compared
            # with its own quoted form, so a key written twice is judged line by line.)
            lines = text.split("\n")
            quoted_text = retry_text.split("\n")
            for span in retried.spans:
                if span.first not in quoted_lines:
                    continue
                alone = _read_strict(lines[span.first].rstrip("\r"))
                wrapped = _read_strict(quoted_text[span.first])
                if alone.ok and alone.spans and alone.fields.get(span.key, ...) == wrapped.fields.get(span.key):
                    span.style, span.comment = alone.spans[0].style, alone.spans[0].comment
                else:
                    span.rescued = True
                    if span.key not in retried.rescued_keys:
                        retried.rescued_keys.append(span.key)
                    span.style, span.comment = "plain", ""
            return retried
        if retried.error_line is not None and retried.error_line not in quoted_lines:
            # The retry got past the first problem and met a later one: that one is
            # what keeps the file out of Claude Code now.
            reading.error, reading.error_line = retried.error, retried.error_line
    return reading


def read_strict(text: str) -> HeaderReading:
    """Read header text as strict YAML only, without Claude Code's quoted retry."""
    return _read_strict(text)


# YAML 1.1 (PyYAML, libyaml) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR;
# YAML 1.2, which Claude Code's parser follows, takes them as ordinary characters.
_YAML11_ONLY_BREAKS = "\x85\u2028\u2029"


def _stand_ins(text: str) -> dict[str, str]:
    """Private-use characters, absent from ``text``, to stand for the YAML 1.1-only line breaks in it."""
    present = [char for char in _YAML11_ONLY_BREAKS if char in text]
    if not present:
        return {}
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    return {char: next(free) for char in present}


def _restore(value: Any, back: dict[int, str], memo: dict[int, Any]) -> Any:
    """``value`` with the stand-ins turned back into the characters they stood for."""
    if isinstance(value, str):
        return value.translate(back)
    if id(value) in memo:  # shared through an alias: restore once, keep it shared
        return memo[id(value)]
    if isinstance(value, list):
        memo[id(value)] = result = []
        result.extend(_restore(item, back, memo) for item in value)
        return result
    if isinstance(value, dict):
        memo[id(value)] = result = {}
        result.update((_restore(k, back, memo), _restore(v, back, memo)) for k, v in value.items())
        return result
    return value


def _line_map(text: str) -> list[int] | None:
    """For each line as YAML counts lines, the index of the line in ``text.split("\\n")``.

    They differ only where a lone carriage return (not followed by a line feed), which ends
    a line for YAML, stands inside a line of the document; None when there is none.
    """
    if "\r" not in text.replace("\r\n", ""):
        return None
    mapping: list[int] = []
    pieces = text.split("\n")
    for index, piece in enumerate(pieces):
        inner = piece[:-1] if index < len(pieces) - 1 and piece.endswith("\r") else piece
        mapping.extend([index] * (1 + inner.count("\r")))
    return mapping


def _text_line(yaml_line: int, text: str) -> int:
    mapping = _line_map(text)
    if mapping is None:
        return yaml_line
    return mapping[min(yaml_line, len(mapping) - 1)]


def _read_strict(text: str) -> HeaderReading:
    stand_ins = _stand_ins(text)
    loader = ClaudeLoader(text.translate(str.maketrans(stand_ins)) if stand_ins else text)
    back = {ord(stand_in): char for char, stand_in in stand_ins.items()}
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return HeaderReading()
            nested = [(k.translate(back), _text_line(line, text)) for k, line in _duplicate_keys(node, top=False)]
            looped = _self_containing(node)
            if looped is not None:
                line = _text_line(looped.start_mark.line, text)
                return HeaderReading(
                    ok=False,
                    error=translate("header", "Line {line} holds a value that contains itself (an “*” name used "
                                    "inside its own “&” value). Put the value in double quotes.").format(line=line + 2),
                    error_line=line,
                )
            data = loader.construct_document(node)
            names = _key_names(loader, node, back)
            if isinstance(data, dict) and (len(data) != len(names) or len(set(names)) != len(names)):
                # Python takes true, 1 and 1.0 for one key, Claude Code's JavaScript does not; and
                # `1:` and `"1":` are one key for JavaScript, not for Python. Either way, as in
                # JavaScript, a key written again keeps its first place and takes the last value.
                data = {}
                for name, (_, value) in zip(names, node.value):
                    data[name] = loader.construct_object(value, deep=True)
        finally:
            loader.dispose()
    except AliasExpansionError as error:
        return _too_many_aliased_values(error, text)
    except yaml.MarkedYAMLError as error:
        return HeaderReading(
            ok=False, error=explain_yaml_error(error, text).translate(back), error_line=_error_line(error, text),
            details=str(error).translate(back),
        )
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        return HeaderReading(ok=False, error=translate("header", "Claude Code cannot read the header's settings "
                                                                 "as they are written."),
                             details=str(error).translate(back))
    if back:
        data = _restore(data, back, {})
    if not isinstance(data, dict):
        return HeaderReading(
            ok=False,
            error=translate("header", "The header must be a list of “name: value” lines (for example "
                                      "“name: my-agent”)."),
            error_line=0,
        )
    fields: dict[str, Any] = {}
    for key, value in data.items():
        fields[key_text(key)] = value
    if isinstance(fields.get("description"), str):
        fields["description"] = claude_description(fields["description"])
    spans = _spans(node, text, back)
    last: dict[str, KeySpan] = {}
    for span, name in zip(spans, names):
        span.key = name
        if name in last:
            last[name].used = False
        last[name] = span
    duplicates = sorted({span.key for span in spans if not span.used}, key=names.index)
    return HeaderReading(fields=fields, spans=spans, duplicate_keys=duplicates, nested_duplicates=nested)


def _too_many_aliased_values(error: AliasExpansionError, text: str) -> HeaderReading:
    key = error.key_node
    line = _text_line(key.start_mark.line, text) if key is not None else None
    where = f"“{key.value}”" if isinstance(key, yaml.ScalarNode) else translate("header", "the header")
    if error.refused_by_claude_code:
        message = translate(
            "header", "Claude Code ignores this file: the “*” names (YAML aliases) in {where} repeat other values "
            "so many times that they stand for more than {budget} values, which its YAML reader refuses as an "
            "attack. Write the values out, or repeat them fewer times.").format(where=where, budget=f"{CLAUDE_CODE_BUDGET:,}")
        return HeaderReading(ok=False, error=message, error_line=line, kind=REFUSED_ALIASES)
    message = translate(
        "header", "The “*” names (YAML aliases) in {where} repeat other values so many times that they stand for "
        "{count} values. Claude Code reads this, but the editor shows a header that stands for more than {limit} "
        "repeated values only as text. Write the values out, or repeat them fewer times."
    ).format(where=where, count=f"{error.charged:,}", limit=f"{EDITOR_LIMIT:,}")
    return HeaderReading(ok=False, error=message, error_line=line, kind=COSTLY_ALIASES)


def key_text(key: Any) -> str:
    """A key as text, the way a JavaScript object key reads (``true``, ``null``, ``1``), never Python's."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        if key != key:
            return "NaN"
        if key in (float("inf"), float("-inf")):
            return "Infinity" if key > 0 else "-Infinity"
        if key.is_integer():
            return str(int(key))
    return str(key)


def _key_names(loader: yaml.SafeLoader, node: yaml.Node, back: dict[int, str]) -> list[str]:
    """The top-level keys, in file order, as text."""
    if not isinstance(node, yaml.MappingNode):
        return []
    names = []
    for key_node, _ in node.value:
        try:
            key = loader.construct_object(key_node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError):
            key = key_node.value
        names.append(_restore(key_text(key), back, {}) if back else key_text(key))
    return names


def claude_description(text: str) -> str:
    """A description as Claude Code uses it: each literal ``\\n`` a line break, ends trimmed."""
    return text.replace("\\n", "\n").strip()


def _duplicate_keys(root: yaml.Node, top: bool = True) -> list[tuple[str, int]]:
    """Keys written twice in one mapping, anywhere in the header (or only below the top level).

    Each node is looked at once: an alias (``*name``) shares its anchor's node, and
    following every alias again would take exponential time on a "billion laughs" header.
    """
    found: list[tuple[str, int]] = []
    visited: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and (top or node is not root):
                    if key_node.value in seen:
                        found.append((key_node.value, key_node.start_mark.line))
                    seen.add(key_node.value)
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    found.sort(key=lambda item: item[1])
    return found


def _self_containing(root: yaml.Node) -> yaml.Node | None:
    """A list or mapping that holds itself through an alias (``&a [*a]``), if the header has one.

    Python can build such a value, but it cannot be compared or written back; Claude Code's
    JavaScript reader does not know an anchor until its value is complete, so for it the
    alias is undefined, which fails the same way as any unknown ``*name``.
    """
    on_path: set[int] = set()
    done: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            done.add(id(node))
            continue
        if id(node) in on_path:
            return node
        if id(node) in done or isinstance(node, yaml.ScalarNode):
            continue
        on_path.add(id(node))
        stack.append((node, True))
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        stack.extend((child, False) for child in reversed(children))
    return None


def _spans(node: yaml.Node, text: str, back: dict[int, str]) -> list[KeySpan]:
    """Where each top-level key stands, in lines of ``text.split("\\n")`` (as the document counts)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    lines = re.split(r"\r\n|\r|\n", text)  # as YAML counts lines (the stand-ins break none)
    mapping = _line_map(text)
    spans: list[KeySpan] = []
    for key_node, value_node in node.value:
        first = key_node.start_mark.line
        end = value_node.end_mark
        last = end.line if end.column > 0 or end.line == first else end.line - 1
        # Block scalars and block lists end at the start of the next line; blank lines
        # and comments before the next key belong to the file, not to this value.
        last = min(last, len(lines) - 1)
        while last > first and (not lines[last].strip() or lines[last].startswith("#")):
            last -= 1
        style, comment = _style(value_node), ""
        if last == first and isinstance(value_node, yaml.ScalarNode) and value_node.style not in ("|", ">"):
            rest = lines[first][end.column :] if end.line == first else ""
            if rest.strip().startswith("#"):
                comment = rest.rstrip("\r")
        indent = None
        if last > first:
            continuation = [l for l in lines[first + 1 : last + 1] if l.strip()]
            if continuation:
                indent = min(len(l) - len(l.lstrip(" ")) for l in continuation)
        if mapping is not None:
            first, last = mapping[first], mapping[last]
        spans.append(KeySpan(str(key_node.value).translate(back), first, last, style, comment, indent))
    return spans


def _style(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return node.style or "plain"
    if isinstance(node, yaml.SequenceNode):
        return "flow" if node.flow_style else "block"
    return "mapping"


def _error_line(error: yaml.MarkedYAMLError, text: str) -> int | None:
    context = error.context or ""
    if error.context_mark is not None and (
        context.startswith("while scanning a simple key")  # the line without a colon, not the one after it
        or (context.startswith("while scanning a quoted scalar") and "end of stream" in (error.problem or ""))
    ):  # the line where the quote was opened, not the end of the header
        return _text_line(error.context_mark.line, text)
    mark = error.problem_mark or error.context_mark
    return _text_line(mark.line, text) if mark is not None else None


def explain_yaml_error(error: yaml.MarkedYAMLError, text: str) -> str:
    """A YAML error in words an author can act on (the reader's own words go behind "Details")."""
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    line = _error_line(error, text)
    # +1 for 1-based, +1 for the opening ---: the file's own line number.
    where = translate("header", "Line {line}").format(line=line + 2) if line is not None else \
        translate("header", "The header")
    if "mapping values are not allowed" in problem:
        message = translate("header", "{where} has “: ” inside a value that is spread over several lines. Put the "
                            "whole value in double quotes, or remove the colon.")
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        message = translate("header", "{where} is not a “name: value” line. If it continues the value above, "
                            "indent it with two spaces; otherwise add the missing colon.")
    elif "'\\t'" in problem or "tab" in problem:
        message = translate("header", "{where} is indented with a tab. Indent header lines with spaces only.")
    elif "found undefined alias" in problem or "alias" in problem:
        message = translate("header", "{where} has a value starting with “*”. Put the value in double quotes.")
    elif "found undefined tag" in problem or "tag" in problem and "!" in text:
        message = translate("header", "{where} has a value starting with “!”. Put the value in double quotes.")
    elif "unknown escape" in problem or "expected escape" in problem:
        message = translate("header", "{where} has a backslash (\\) inside double quotes that Claude Code cannot "
                            "read. Write it as two backslashes (\\\\), or use single quotes.")
    elif "end of stream" in problem and "quoted" in context:
        message = translate("header", "{where}: a quote is opened but never closed. Add the closing quote.")
    elif "found unexpected end of stream" in problem:
        message = translate("header", "{where}: the header ends in the middle of a value. Check the quotes and "
                            "brackets.")
    elif "character that cannot start any token" in problem:
        message = translate("header", "{where} starts a value with a sign that cannot start a value there (such "
                            "as @ or `). Put the value in double quotes.")
    elif "did not find expected key" in problem or "while parsing a block mapping" in context:
        message = translate("header", "{where} is not lined up with the lines around it. Every field starts at the "
                            "left edge; lines that belong to a value are indented with spaces.")
    else:
        message = translate("header", "{where} cannot be read. Check its quotes, colons and indentation.")
    return message.format(where=where)
