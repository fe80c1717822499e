"""Writing one header value as YAML, in the style the file already uses.

Every text produced here is checked by reading it back with both the YAML 1.2 reader
Claude Code mirrors and PyYAML's own YAML 1.1 reader, so a value is written plain only
when every reader agrees on it; otherwise it is quoted. Nothing written ever holds
``---``, which would end Claude Code's header early.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from agent_editor.agentfile.header import ClaudeLoader

_Yaml11Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |:$")
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _reads_as(snippet: str, expected: Any) -> bool:
    for loader in (ClaudeLoader, _Yaml11Loader):
        try:
            if yaml.load(snippet, Loader=loader) != {"k": expected}:
                return False
        except yaml.YAMLError:
            return False
    return True


def key_text(key: str) -> str:
    """How to write a new key: plain when every reader takes it as that text, else double-quoted."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", key):
        plain_reads = [yaml.load(f"{key}: x", Loader=loader) for loader in (ClaudeLoader, _Yaml11Loader)]
        if all(reading == {key: "x"} for reading in plain_reads):
            return key
    return double_quoted(key)


def double_quoted(text: str) -> str:
    """A double-quoted YAML scalar that every reader turns back into ``text``."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif _NON_PRINTABLE.match(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(char)
    # "--\x2d" reads as "---" but is not the three dashes that end Claude Code's header.
    return '"' + "".join(out).replace("---", "--\\x2d") + '"'


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or "---" in text or _NON_PRINTABLE.search(text):
        return False
    return _reads_as(f"k: {text}", text)


def _flow_item(text: str) -> str:
    if text and not _FLOW_UNSAFE.search(text) and _plain_ok(text):
        return text
    return double_quoted(text)


def _block_literal(text: str, indent: int) -> str | None:
    """A ``|`` block for multi-line text, or None when one cannot hold it exactly."""
    if "---" in text or _NON_PRINTABLE.search(text) or "\r" in text:
        return None
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = body.split("\n")
    if any(line != line.rstrip(" ") and not line.strip() for line in lines):
        return None  # lines of only spaces do not survive a block scalar
    indicator = str(indent) if lines[0].startswith(" ") else ""
    pad = " " * indent
    rendered = [pad + line if line else "" for line in lines]
    rendered += [""] * (trailing - 1 if trailing > 1 else 0)
    return f" |{indicator}{chomp}\n" + "\n".join(rendered)


def value_text(value: Any, style: str | None = None, indent: int | None = None, comment: str = "") -> str:
    """What follows ``key:`` for ``value``: either `` text`` on the same line or ``\\n`` and indented lines.

    ``style`` is the style the value had before ("plain", "'", '"', "|", ">", "flow",
    "block"), followed where it can hold the new value exactly.
    """
    if isinstance(value, str):
        candidates: list[str | None] = []
        if "\n" in value:
            if style in ("|", ">", "plain", None):
                candidates.append(_block_literal(value, indent or 2))
        else:
            if style == "'" and "\n" not in value:
                candidates.append(" " + single_quoted(value))
            if style in ("plain", None, "|", ">", "flow", "block", "mapping") and _plain_ok(value):
                candidates.append(" " + value)
        candidates.append(" " + double_quoted(value))
        for candidate in candidates:
            if candidate is not None and _reads_as("k:" + candidate, value):
                if comment and "\n" not in candidate:
                    candidate += comment
                return candidate
        raise ValueError(f"cannot write {value!r} as YAML")
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        if style == "block":
            pad = " " * (2 if indent is None else indent)
            if not value:
                # YAML has no empty block list. "[]" alone on an indented line reads the same and,
                # unlike "key: []", is left alone by Claude Code's retry, which quotes any
                # one-line value holding "[" (so in a header only the retry reads, [] became "[]").
                return f"\n{pad}[]"
            return "\n" + "\n".join(f"{pad}- {_flow_item(item)}" for item in value)
        if not value:
            return " []"
        return " [" + ", ".join(_flow_item(item) for item in value) + "]"
    if value is None:
        return ""
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, (int, float)):
        return " " + repr(value)
    dumped = yaml.safe_dump(value, default_flow_style=False, sort_keys=False, allow_unicode=True, width=10**6)
    if "---" in dumped:
        raise ValueError("a value holding --- would end the header early")
    if isinstance(value, (dict, list, tuple)) and value:
        return "\n" + "\n".join("  " + line if line else line for line in dumped.rstrip("\n").split("\n"))
    return " " + dumped.split("\n", 1)[0]
