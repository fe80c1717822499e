"""Mending descriptions that make Claude Code ignore a file or cut the description short.

The shared corpus has no such file, so each pattern is constructed here. After the mend:
PyYAML reads the header, Claude Code's reading gives the same name, the description holds
every letter and digit the author wrote, in order, the body is the same bytes, and no
header line outside the description changed."""

from __future__ import annotations

import re

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.repair import MEND_LABEL, mend_description
from agent_editor.agentfile.validation import ERROR, WARNING, validate
from conftest import changed_lines

BODY = "You are a helper.\n\n## Steps\n\n1. Read: the code\n---\nEnd.\n"

EXAMPLE_AT_COLUMN_0 = """\
Use this agent when the user needs help with a release. Examples:

<example>
Context: The user is about to ship version 2.0
user: "Can you check the release notes?"
assistant: "I'll use the release-helper agent to check them."
<commentary>
Release notes need a careful read, so use the helper.
</commentary>
</example>"""

INDENTED_WITH_COLONS = """\
Use this agent when reviewing code.
  Context: the user wrote a new module
  user: "Please review: src/app.py"
  assistant: I will use the reviewer: it knows the style guide."""

CONVERSATION_LINES = """\
Use this agent to design screens.
Context: A new app needs screens
user: "We need UI designs for the sign-up flow"
assistant: "I'll use the designer agent for that."
<commentary>
Design work goes to the designer.
</commentary>"""

BLOCK_NOT_INDENTED = """\
|
  Use this agent when planning a sprint.

  It reads the backlog and proposes 3 goals.
Examples:
<example>
user: "Plan sprint 14"
</example>"""

BACKSLASH_N = r"""Use this agent for tests.\n\nExamples:
<example>
user: "Add tests for parser.py"
</example>"""

CASES = {
    "example-at-column-0": EXAMPLE_AT_COLUMN_0,
    "indented-continuation-with-colons": INDENTED_WITH_COLONS,
    "context-user-assistant-commentary": CONVERSATION_LINES,
    "block-not-indented-enough": BLOCK_NOT_INDENTED,
    "backslash-n": BACKSLASH_N,
}


def build(description: str, newline: str = "\n", before: str = "name: release-helper\n",
          after: str = "tools: Read, Grep\nmodel: sonnet\ncategory: tooling\n") -> str:
    text = f"---\n{before}description: {description}\n{after}---\n{BODY}"
    return text.replace("\n", newline)


def letters(text: str) -> list[str]:
    return [char for char in text if char.isalnum()]


def mend_problem(doc: AgentDocument):
    return next(p for p in validate(doc) if p.fix is not None and p.fix.label.startswith(MEND_LABEL))


def assert_mended(text: str, description: str, newline: str = "\n") -> AgentDocument:
    doc = AgentDocument.parse(text)
    problem = mend_problem(doc)
    fixed = doc.copy()
    problem.fix.apply(fixed)
    new_text = fixed.to_text()
    # every YAML reader takes it now, and Claude Code reads it with the same name
    strict = yaml.safe_load(fixed.header_text)
    assert strict["name"] == "release-helper"
    assert fixed.reading.ok and not fixed.reading.rescued_keys
    assert fixed.fields["name"] == "release-helper"
    assert not [p for p in validate(fixed) if p.severity == ERROR]
    # the whole description, every letter and digit in order
    assert letters(strict["description"]) == letters(description.removeprefix("|"))
    # the body is the same bytes, and only the description's lines changed
    assert new_text.endswith(BODY.replace("\n", newline))
    start = text.split(newline).index(next(line for line in text.split(newline) if line.startswith("description:")))
    described = description.count("\n") + 1
    for old, new in changed_lines(text.encode(), new_text.encode()):
        assert all(line.decode().rstrip("\r\n") in text.split(newline)[start : start + described] for line in old)
    for key in ("tools", "model", "category"):
        assert fixed.fields[key] == yaml.safe_load(build("x").split("---\n")[1])[key]
    # nothing left to mend
    assert not [p for p in validate(fixed) if p.fix and p.fix.label.startswith(MEND_LABEL)]
    return fixed


@pytest.mark.parametrize("description", CASES.values(), ids=CASES.keys())
def test_claude_code_ignores_these_files_and_the_error_carries_the_mend(description):
    doc = AgentDocument.parse(build(description))
    error = next(p for p in validate(doc) if p.code == "header-unreadable")
    assert error.severity == ERROR
    assert error.fix is not None and error.fix.label.startswith(MEND_LABEL)
    assert_mended(build(description), description)


def test_a_description_with_lines_like_settings_is_cut_short_and_gets_a_warning_with_the_mend():
    description = ('Use this agent for UI design. Example - Context: a new app\n'
                   'user: "We need UI designs for the app"\n'
                   'assistant: "I\'ll use the ui-designer agent to create them."')
    doc = AgentDocument.parse(build(description))
    assert doc.reading.ok  # Claude Code loads it...
    assert doc.fields["description"] == "Use this agent for UI design. Example - Context: a new app"  # ...cut short
    problem = next(p for p in validate(doc) if p.code == "description-cut")
    assert problem.severity == WARNING
    assert problem.message.startswith(
        "Claude Code stops reading the description at line 3: line 4 looks like a new setting “user”."
    )
    assert problem.fix.label.startswith(MEND_LABEL)
    assert "key-extra" not in [p.code for p in validate(doc) if p.field in ("user", "assistant")]
    fixed = assert_mended(build(description), description)
    assert "We need UI designs" in fixed.fields["description"]
    assert "user" not in fixed.fields


def test_conversation_lines_that_read_as_settings_are_cut_short_too():
    description = "Use this agent to design screens.\nContext: A new app\nuser: \"Design it\"\nuser: \"Now\""
    doc = AgentDocument.parse(build(description))
    assert doc.reading.ok and doc.fields["description"] == "Use this agent to design screens."
    assert "description-cut" in [p.code for p in validate(doc)]
    assert_mended(build(description), description)


def test_windows_line_endings_stay():
    fixed = assert_mended(build(EXAMPLE_AT_COLUMN_0, "\r\n"), EXAMPLE_AT_COLUMN_0, "\r\n")
    assert "\n" not in fixed.to_text().replace("\r\n", "")


def test_the_mend_writes_a_readable_block_and_keeps_backslash_n_as_written():
    doc = AgentDocument.parse(build(BACKSLASH_N))
    mend_problem(doc).fix.apply(doc)
    assert doc.header_text == (
        "name: release-helper\n"
        "description: |-\n"
        "  Use this agent for tests.\\n\\nExamples:\n"
        "  <example>\n"
        '  user: "Add tests for parser.py"\n'
        "  </example>\n"
        "tools: Read, Grep\nmodel: sonnet\ncategory: tooling\n"
    )
    assert doc.fields["description"].startswith("Use this agent for tests.\n\nExamples:\n<example>")


def test_a_block_keeps_its_own_indentation_inside():
    doc = AgentDocument.parse(build(BLOCK_NOT_INDENTED))
    mend_problem(doc).fix.apply(doc)
    assert doc.fields["description"] == (
        "Use this agent when planning a sprint.\n\nIt reads the backlog and proposes 3 goals.\n"
        'Examples:\n<example>\nuser: "Plan sprint 14"\n</example>'
    )


def test_the_description_ends_at_a_setting_of_the_authors_own_outside_an_example():
    doc = AgentDocument.parse(build(EXAMPLE_AT_COLUMN_0, after="category: tooling\ntools: Read, Grep\nmodel: sonnet\n"))
    mend_problem(doc).fix.apply(doc)
    assert doc.fields["category"] == "tooling"
    assert doc.fields["description"].endswith("</example>")


def test_where_no_safe_mend_exists_the_error_says_why():
    text = build(EXAMPLE_AT_COLUMN_0, after="tools: Read\n\tmodel: sonnet\n")  # a tab: another problem
    error = next(p for p in validate(AgentDocument.parse(text)) if p.code == "header-unreadable")
    assert error.fix is None
    mend = mend_description(AgentDocument.parse(text))
    assert mend.header_text is None
    assert mend.reason.startswith("Even with the description mended, the header cannot be read: Line 14 ")
    cut = build("Use this agent.\n<example>\nuser: a --- b\n</example>")
    error = next(p for p in validate(AgentDocument.parse(cut)) if p.code == "header-unreadable")
    assert error.fix is None
    assert "It cannot be mended automatically: Line 5 holds “---”" in error.message


def test_other_values_only_the_retry_reads_get_quotes_as_claude_code_reads_them():
    text = build(EXAMPLE_AT_COLUMN_0, after="tools: Read\nmodel: sonnet # fast\nx-note: a: b\n")
    doc = AgentDocument.parse(text)
    problem = mend_problem(doc)
    assert problem.fix.label == MEND_LABEL + " and put x-note in quotes"
    problem.fix.apply(doc)
    assert doc.fields["x-note"] == "a: b"
    assert yaml.safe_load(doc.header_text)["model"] == "sonnet"


def test_the_mend_is_offered_only_where_something_is_cut_or_ignored(seeds):
    for seed in seeds:
        doc = AgentDocument.load(seed)
        assert not [p for p in validate(doc) if p.fix and p.fix.label.startswith(MEND_LABEL)]


ARRANGEMENTS = {
    "settings-after": ("name: release-helper\n", "tools: Read, Grep\nmodel: sonnet\ncategory: tooling\n"),
    "settings-before": ("name: release-helper\ntools: Read, Grep\nmodel: sonnet\n", ""),
    "comment-and-blank-after": ("# mine\nname: release-helper\n", "\n# tools below\ntools: Read, Grep\n"),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("arrangement", ARRANGEMENTS, ids=ARRANGEMENTS.keys())
@pytest.mark.parametrize("description", CASES.values(), ids=CASES.keys())
def test_every_pattern_in_every_arrangement_is_mended(description, arrangement, newline):
    before, after = ARRANGEMENTS[arrangement]
    text = build(description, newline, before, after)
    doc = AgentDocument.parse(text)
    assert not doc.reading.ok  # Claude Code ignores each of these
    fixed = doc.copy()
    mend_problem(doc).fix.apply(fixed)
    strict = yaml.safe_load(fixed.header_text)
    assert strict["name"] == fixed.fields["name"] == "release-helper"
    assert letters(strict["description"]) == letters(description.removeprefix("|"))
    assert fixed.to_text().endswith(BODY.replace("\n", newline))
    old_lines, new_lines = text.split(newline), fixed.to_text().split(newline)
    described = [line for line in old_lines if line.startswith("description:")] + description.split("\n")[1:]
    for old, _ in changed_lines(text.encode(), fixed.to_text().encode()):
        assert all(line.decode().rstrip("\r\n") in described for line in old)
    kept = [line for line in old_lines if line not in described]
    assert [line for line in new_lines if line in kept] == kept  # every other line, in order


# ----- any description: when a mend is offered, nothing is lost --------------------------

from hypothesis import HealthCheck, event, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

DESCRIPTION_LINES = st.sampled_from([
    "<example>", "</example>", "Context: the user asks", 'user: "Review this: now"', "assistant: I will: yes",
    "<commentary>", "</commentary>", "  indented: with colon", "  plain indented", "", "# heading", "plain words",
    "Examples:", "- item: z", r"a literal \n here", "note: x # y", "\ttabbed", "tools: Read", "  - list item",
    "user: 'single'", "x" * 3, "[bracket] words", "{brace}", "|", ">",
])


@settings(max_examples=int(__import__("os").environ.get("AGENT_EDITOR_EXAMPLES", "200")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(first=st.one_of(DESCRIPTION_LINES, st.text(max_size=15).filter(lambda t: "\n" not in t and "\r" not in t)),
       rest=st.lists(st.one_of(DESCRIPTION_LINES, st.text(max_size=15).filter(
           lambda t: "\n" not in t and "\r" not in t and "---" not in t)), max_size=8),
       newline=st.sampled_from(["\n", "\r\n"]))
@example(first="<example>", rest=["<example>", "tools: Read", "assistant: I will: yes"], newline="\n")  # quotes a key
def test_a_mend_offered_on_any_description_loses_nothing(first, rest, newline):
    if "---" in first:
        return
    text = build("\n".join([first, *rest]), newline)
    doc = AgentDocument.parse(text)
    offered = [p for p in validate(doc) if p.fix and p.fix.label.startswith(MEND_LABEL)]
    event("mend offered" if offered else "no mend offered")
    if not offered:
        return
    mend = mend_description(doc)
    fixed = doc.copy()
    offered[0].fix.apply(fixed)
    strict = yaml.safe_load(fixed.header_text)
    assert fixed.reading.ok and not fixed.reading.rescued_keys
    assert strict["name"] == fixed.fields["name"] == "release-helper"
    old_lines = doc.header_lines()
    region = "".join(old_lines[mend.first: mend.last + 1])
    written = region.split(":", 1)[1]
    # A block's header (| or >, with an indentation indicator 1-9 and chomping in either order)
    # is not its words; anything else after the colon, such as ">0", is the author's text.
    if re.fullmatch(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?", written.strip().split("\n", 1)[0].strip()):
        written = written.split("\n", 1)[1] if "\n" in written else ""
    assert letters(strict["description"]) == letters(written) or letters(strict["description"]) == letters(
        written.replace('\\"', '"'))
    assert fixed.to_text().endswith(BODY.replace("\n", newline))
    new_lines = fixed.header_lines()
    shift = len(new_lines) - len(old_lines)
    assert new_lines[: mend.first] == old_lines[: mend.first]
    # After the description, lines stay as they were, but for the one-line values the
    # mend's label says it puts in quotes: the same words, in double quotes.
    for old_line, new_line in zip(old_lines[mend.last + 1:], new_lines[mend.last + 1 + shift:], strict=True):
        if new_line != old_line:
            key, _, old_value = old_line.partition(":")
            assert key in mend.quoted_keys, (old_line, new_line)
            assert new_line.startswith(key + ': "') and letters(strict[key]) == letters(old_value)
