"""Properties that must hold for any input: nothing is lost, values read back as set, and no
value can move the end of the header Claude Code sees."""

from __future__ import annotations

import functools
import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent_editor.agentfile.document import AgentDocument, DocumentError
from agent_editor.agentfile.header import claude_description, read_header
from agent_editor.agentfile.tools import parse_tools, split_tool_string, tools_value_in_style
from agent_editor.agentfile.validation import validate
from conftest import seed_files

# 200 examples each keeps the suite fast; AGENT_EDITOR_EXAMPLES=5000 hunts harder.
SETTINGS = settings(
    max_examples=int(os.environ.get("AGENT_EDITOR_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_OPENING = re.compile(r"\ufeff?---[ \t]*\r?\n")


def claude_header_end(text: str) -> int:
    """Where Claude Code ends the header: the first --- after the opening line (-1: no header)."""
    opening = _OPENING.match(text)
    return text.find("---", opening.end()) if opening else -1


@functools.cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in seed_files())


# ----- texts of every shape ----------------------------------------------------------------

LINE_PIECES = st.sampled_from(
    ["---", "--- ", "------", "name: a", "description: x: y", "tools: [Read", "  - Grep", "# c", "", "key: 'q",
     "description: has --- in it", "\t", "model: opus # c", "<example>", "\ufeff", "a: &x [*x]", "k: !!str v",
     "description: a\u2028b", "k: '\x85'", "base: &b [Read]", "tools: *b"]
)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r", ""])


@st.composite
def agent_like_texts(draw) -> str:
    start = draw(st.sampled_from(["", "---\n", "---\r\n", "\ufeff---\n", "\ufeff---\r\n", "--- \n", "---"]))
    parts = [start]
    for _ in range(draw(st.integers(0, 12))):
        parts.append(draw(st.one_of(LINE_PIECES, st.text(max_size=20))))
        parts.append(draw(NEWLINES))
    return "".join(parts)


HEADER_KEYS = st.sampled_from(["name", "description", "model", "tools", "color", "x", "base", "Tools", "'q k'"])
HEADER_VALUES = st.sampled_from([
    " a", " Use when: X", " 'quoted'", ' "dq \\n"', " [Read, Grep]", "\n  - Read\n  - Grep", " |\n  one\n\n  two",
    " >-\n  folded\n  text", " a # note", " &b [Read]", " *b", "", " 12", " true", " has --- inside", " C# x #1",
    " a\u2028b", " a\rb: c", "\n  k: v", " {a: b}", " x\n  continued",
])


@st.composite
def headers(draw) -> str:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "# comment", "  "])))
        lines.append(draw(HEADER_KEYS) + ":" + draw(HEADER_VALUES))
    start = draw(st.sampled_from(["", "\ufeff"]))
    closing = draw(st.sampled_from(["---", "--- ", "------"]))
    text = start + "---\n" + "\n".join(lines) + "\n" + closing + "\nBody.\n"
    return text.replace("\n", newline)


ANY_TEXT = st.one_of(st.text(), agent_like_texts(), headers())


@SETTINGS
@given(ANY_TEXT)
@example("---\n---")
@example("\ufeff---\r\nname: a\r\n---")
@example("---\nname: a --- b\n")
def test_parse_to_text_is_lossless(text):
    doc = AgentDocument.parse(text)
    assert doc.to_text() == text
    assert AgentDocument.parse(doc.to_text()).fields == doc.fields


@SETTINGS
@given(ANY_TEXT)
def test_reading_and_validating_never_raise(text):
    doc = AgentDocument.parse(text)
    validate(doc)
    read_header(text)


@SETTINGS
@given(ANY_TEXT)
def test_header_ends_at_the_first_dashes(text):
    doc = AgentDocument.parse(text)
    if doc.has_header:
        assert claude_header_end(text) == doc.header_end
    else:
        assert claude_header_end(text) == -1


# ----- set_field on the seeds ---------------------------------------------------------------

PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60)
INTERESTING = st.lists(
    st.sampled_from(list("ab -:#'\"\\[]{}*&!|>%@`,?~=\t\n\r\x85\u2028") + ["---", "\\n", ": ", " #", "é", "🚀"]), max_size=25
).map("".join)
STRINGS = st.one_of(PRINTABLE, INTERESTING)
SCALARS = st.one_of(STRINGS, st.integers(-10**12, 10**12), st.booleans())
VALUES = st.one_of(SCALARS, st.lists(STRINGS, max_size=5))
KEYS = st.sampled_from(["name", "description", "model", "tools", "color", "category", "x-note"])


def expected(key, value):
    return claude_description(value) if key == "description" and isinstance(value, str) else value


def check_set(text: str, key: str, value, may_refuse: bool = False) -> None:
    doc = AgentDocument.parse(text)
    before, body = doc.fields, doc.body
    try:
        doc.set_field(key, value)
    except DocumentError:
        # In an odd header (say, cut mid-line by --- in a CRLF file whose last line only
        # Claude Code's retry reads) an edit may be refused, but then nothing changes.
        assert may_refuse, f"refused {value!r}"
        assert doc.to_text() == text
        return
    new_text = doc.to_text()
    again = AgentDocument.parse(new_text)
    assert again.reading.ok, again.reading.error
    assert again.fields[key] == expected(key, value)
    assert type(again.fields[key]) is type(expected(key, value))
    for other, old in before.items():
        if other != key:
            assert again.fields[other] == old, other
    assert list(again.fields) == (list(before) if key in before else [*before, key])
    assert again.body == body
    # No value moves the end of the header: Claude Code's first --- is still the closing line.
    assert claude_header_end(new_text) == again.header_end
    assert again.closing_line == doc.closing_line


@SETTINGS
@given(st.sampled_from(range(5)), KEYS, VALUES)
@example(0, "description", "has --- inside it")
@example(0, "name", "---")
@example(1, "description", "a\\nb: c")
@example(4, "tools", ["Read", "Bash(npm run *)"])
@example(3, "x-note", "line\nline: two\n<example>")
@example(2, "description", "  spaced  \n")
@example(0, "name", "a\tb")
@example(1, "tools", [])
@example(4, "x-note", [])
def test_set_field_reads_back_as_set(seed, key, value):
    check_set(seed_texts()[seed], key, value)


@SETTINGS
@given(ANY_TEXT.filter(lambda t: AgentDocument.parse(t).reading.ok), KEYS, VALUES)
@example("---\n0:\rdescription:---", "description", "")
@example("---\nname:---", "name", "0-")  # a value ending in "-" before a closing --- mid-line
@example("---\nname: a\rdescription: x\nmodel: opus\ncolor: red\n---\n", "model", "haiku")
def test_set_field_on_any_readable_text(text, key, value):
    check_set(text, key, value, may_refuse=True)


READABLE = headers().filter(lambda t: AgentDocument.parse(t).reading.ok and AgentDocument.parse(t).fields)


@SETTINGS
@given(READABLE, st.data())
def test_remove_field_removes_exactly_that_key_or_changes_nothing(text, data):
    doc = AgentDocument.parse(text)
    before = doc.fields
    key = data.draw(st.sampled_from(sorted(before)))
    try:
        doc.remove_field(key)
    except DocumentError:
        assert doc.to_text() == text
        assert doc.fields == before
        return
    expected = dict(before)
    del expected[key]
    assert AgentDocument.parse(doc.to_text()).fields == expected


@SETTINGS
@given(READABLE, st.data())
def test_rename_field_keeps_value_and_place_or_changes_nothing(text, data):
    doc = AgentDocument.parse(text)
    before = doc.fields
    key = data.draw(st.sampled_from(sorted(before)))
    try:
        doc.rename_field(key, "renamed-key")
    except DocumentError:
        assert doc.to_text() == text
        return
    again = AgentDocument.parse(doc.to_text()).fields
    assert list(again) == [k if k != key else "renamed-key" for k in before]
    if key == "description" and isinstance(before[key], str):  # only it gets the \n rule and trimming
        assert claude_description(again["renamed-key"]) == before[key]
    else:
        assert again["renamed-key"] == before[key]


@SETTINGS
@given(st.one_of(st.sampled_from(seed_texts()), ANY_TEXT.filter(lambda t: AgentDocument.parse(t).has_header)),
       st.text(max_size=200))
@example("---\nname: a\ndescription: d\n---", "Hello\n")
@example("---\nname: a\ndescription: has --- inside it", "Hello")
def test_set_body_reads_back(text, body):
    body = body.replace("\r", "")  # the body is given with \n line breaks
    doc = AgentDocument.parse(text)
    before, header = doc.fields, doc.header_text
    doc.set_body(body)
    again = AgentDocument.parse(doc.to_text())
    assert again.has_header
    assert again.header_text == header
    assert again.fields == before
    assert again.body == body


# ----- tools in the file's own style -----------------------------------------------------------

WORD = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", min_size=1, max_size=10)
TOOL_NAME = st.one_of(
    st.sampled_from(["Read", "Grep", "Bash", "WebFetch", "Task", "MultiEdit", "*"]),
    WORD.filter(lambda w: w[0].isalpha()),
    st.builds(lambda a, b: f"mcp__{a}__{b}", WORD, st.one_of(WORD, st.just("*"))),
    st.builds(lambda arg: f"Bash({arg})", st.text("abc :*,-", min_size=1, max_size=12)),
)


@SETTINGS
@given(
    st.lists(TOOL_NAME, min_size=1, max_size=6, unique=True).filter(lambda names: names != ["*"]),  # * = all
    st.sampled_from(["Read, Grep", "Read Grep", "Read", ["Read"], None, ""]),
)
def test_tools_keep_their_style_and_names(names, existing):
    value = tools_value_in_style(names, existing)
    assert parse_tools(value) == names
    if isinstance(existing, list):
        assert value == names
    elif existing == "Read Grep":  # a space-separated string stays space-separated
        assert value == " ".join(names)
    else:
        assert value == ", ".join(names)
    doc = AgentDocument.parse(seed_texts()[3])  # has a tools string
    doc.set_field("tools", tools_value_in_style(names, doc.fields["tools"]))
    assert parse_tools(AgentDocument.parse(doc.to_text()).fields["tools"]) == names


@SETTINGS
@given(st.lists(TOOL_NAME, max_size=6))
def test_split_tool_string_inverts_joining(names):
    assert split_tool_string(", ".join(names)) == names
    assert split_tool_string(" ".join(names)) == names
    assert split_tool_string(",".join(names)) == names


# ----- fixes -----------------------------------------------------------------------------------


def problem_key(problem) -> tuple:
    return problem.code, problem.field, problem.message


@SETTINGS
@given(ANY_TEXT)
@example("---\nname: a\ndescription: a --- b\n<example>\n---\nbody\n")
@example("---\r\nname: a\r\ndescription: Use when: x # y\r\n---\r\n")
def test_every_offered_fix_works(text):
    doc = AgentDocument.parse(text)
    problems = validate(doc)
    # What an error is about: its field, else its kind. An error about something already in
    # error (description missing -> description empty) is not a new error.
    errors_before = {p.field or p.code for p in problems if p.severity == "error"}
    for problem in problems:
        if problem.fix is None:
            continue
        fixed = doc.copy()
        problem.fix.apply(fixed)  # an offered fix must not fail
        after = validate(fixed)
        assert problem_key(problem) not in {problem_key(p) for p in after}, problem.fix.label
        if problem.code == "header-unreadable":
            assert fixed.reading.ok
        if not doc.reading.ok:  # the checks of single fields only start once the header reads
            continue
        new_errors = {p.field or p.code for p in after if p.severity == "error"} - errors_before
        assert not new_errors, (problem.fix.label, new_errors, [p.message for p in after])


@SETTINGS
@given(ANY_TEXT)
@example("---\n0: str---")
def test_problems_point_at_their_key_in_plain_words(text):
    doc = AgentDocument.parse(text)
    lines = doc.to_text().lstrip("\ufeff").split("\n")
    for problem in validate(doc):
        ours = re.sub(r"“[^”]*”", "", problem.message)  # the author's own words, quoted, may say anything
        assert not re.search(r"\b(None|NoneType|Traceback|str|dict|True|False)\b", ours), problem.message
        if problem.field in doc.fields and problem.code != "header-cut":
            assert problem.line == doc.field_line(problem.field)
            assert problem.field in lines[problem.line - 1] or "\r" in lines[problem.line - 1]
