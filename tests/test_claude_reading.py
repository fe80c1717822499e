"""Two rules of Claude Code's reading (recorded in ../shared/claude-code-format.md): a key
written twice counts once, the last occurrence winning, in strict YAML and in the quoted
retry alike; and in the retry, a value starting with "[" stays YAML."""

from __future__ import annotations

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.header import read_header
from agent_editor.agentfile.tools import tools_summary
from agent_editor.agentfile.validation import ERROR, WARNING, validate


def agent(header: str, newline: str = "\n") -> AgentDocument:
    return AgentDocument.parse(f"---\n{header}\n---\nYou are an agent.\n".replace("\n", newline))


def codes(doc: AgentDocument) -> list[str]:
    return [p.code for p in validate(doc)]


# ----- a key written twice: the last one counts -----------------------------------------


@pytest.mark.parametrize(
    "header, key, value",
    [
        ("name: first\ndescription: d\nname: second", "name", "second"),
        ("name: a\ndescription: first\ntools: Read\ndescription: second", "description", "second"),
        ("name: a\ndescription: d\ntools: Read\ntools: Grep, Bash", "tools", "Grep, Bash"),
        ("name: a\ndescription: d\ntools:\n  - Read\ntools: [Grep]", "tools", ["Grep"]),
        # in the quoted retry (the values hold ": "), the same rule
        ("name: a\ndescription: Use when: one\ndescription: Use when: two", "description", "Use when: two"),
        ("name: a\ndescription: d: e\ntools: Read # x\ntools: Grep # y", "tools", "Grep # y"),
    ],
    ids=["name", "description", "tools", "tools-list", "retry-description", "retry-tools"],
)
def test_the_last_occurrence_counts(header, key, value):
    doc = agent(header)
    assert doc.reading.ok
    assert doc.fields[key] == value
    assert doc.reading.duplicate_keys == [key]
    assert not [p for p in validate(doc) if p.severity == ERROR]
    problem = next(p for p in validate(doc) if p.code == "key-twice")
    assert problem.severity == WARNING
    lines = [i + 2 for i, line in enumerate(header.split("\n")) if line.startswith(key + ":")]
    assert problem.message.startswith(
        f"“{key}” is written twice; Claude Code uses line {lines[-1]} and ignores line {lines[0]}."
    )


def test_three_times_names_every_ignored_line():
    doc = agent("name: a\ndescription: d\nmodel: opus\nmodel: haiku\nmodel: sonnet")
    problem = next(p for p in validate(doc) if p.code == "key-twice")
    assert "written 3 times; Claude Code uses line 6 and ignores lines 4 and 5." in problem.message
    problem.fix.apply(doc)
    assert doc.to_text() == "---\nname: a\ndescription: d\nmodel: sonnet\n---\nYou are an agent.\n"


def test_the_tools_summary_is_the_last_tools_line():
    doc = agent("name: a\ndescription: d\ntools: Read\ndisallowedTools: Bash\ntools: Grep, Bash")
    assert tools_summary(doc.fields) == "Grep"


def test_fields_and_set_field_act_on_the_occurrence_claude_code_uses():
    text = "---\nname: a\nmodel: opus # old\ndescription: d\nmodel: haiku\n---\nbody\n"
    doc = AgentDocument.parse(text)
    assert doc.fields["model"] == "haiku"
    assert doc.field_line("model") == 5
    doc.set_field("model", "sonnet")
    assert doc.to_text() == text.replace("model: haiku", "model: sonnet")
    assert AgentDocument.parse(doc.to_text()).fields["model"] == "sonnet"


def test_a_save_that_touches_neither_line_keeps_both():
    text = "---\nname: a\nmodel: opus # old\ndescription: d\nmodel: haiku\n---\nbody\n"
    doc = AgentDocument.parse(text)
    doc.set_field("description", "new words")
    doc.set_body("other body\n")
    assert doc.to_text() == "---\nname: a\nmodel: opus # old\ndescription: new words\nmodel: haiku\n---\nother body\n"


def test_removing_a_key_written_twice_removes_every_occurrence():
    doc = agent("name: a\nmodel: opus\ndescription: d\nmodel: haiku")
    doc.remove_field("model")
    assert "model" not in doc.fields
    assert doc.header_text == "name: a\ndescription: d\n"


def test_renaming_onto_a_key_already_there_is_refused():
    from agent_editor.agentfile.fileio import DocumentError

    doc = agent("name: a\ndescription: d\nmodle: opus\nmodel: haiku")
    with pytest.raises(DocumentError):
        doc.rename_field("modle", "model")


def test_keys_of_the_description_written_twice_get_the_description_mend():
    doc = agent('name: a\ndescription: Use it. Example - Context: x\nuser: "one"\nuser: "two"\ntools: Read')
    twice = next(p for p in validate(doc) if p.code == "key-twice")
    assert "part of the description" in twice.message
    assert twice.fix.label.startswith("Mend the description")


def test_a_key_written_twice_inside_a_value_is_a_warning():
    doc = agent("name: a\ndescription: d\nhooks:\n  Stop: []\n  Stop: [x]")
    assert doc.reading.ok
    assert doc.fields["hooks"] == {"Stop": ["x"]}
    problem = next(p for p in validate(doc) if p.code == "key-twice-inside")
    assert "“Stop”" in problem.message and "“hooks”" in problem.message
    assert problem.line == 6


# ----- in the retry, a value starting with "[" stays YAML --------------------------------

RETRY = "description: Use when: X\n"  # makes strict YAML fail, so Claude Code's retry reads the header


@pytest.mark.parametrize(
    "line, key, value, summary",
    [
        ("tools: [Read, Grep]", "tools", ["Read", "Grep"], "Read, Grep"),
        ('tools: ["Read", "Bash(npm run: *)"]', "tools", ["Read", "Bash(npm run: *)"], "Read, Bash(npm run: *)"),
        ("disallowedTools: [Bash, Write]", "disallowedTools", ["Bash", "Write"], "All tools except Bash, Write"),
        ("tools: Read, Grep # note", "tools", "Read, Grep # note", "Read, Grep, #, note"),
        ('tools: {Read: 1}', "tools", "{Read: 1}", "{Read:, 1}"),
    ],
)
def test_flow_lists_stay_lists_in_the_retry(line, key, value, summary):
    doc = agent("name: a\n" + RETRY + line)
    assert doc.reading.ok
    assert doc.fields[key] == value
    assert tools_summary(doc.fields) == summary


def test_a_quoted_start_is_wrapped_whole():
    doc = agent('name: a\ndescription: "Use it": now')
    assert doc.fields["description"] == '"Use it": now'


def test_a_description_that_is_a_list_is_ignored_in_the_retry_too():
    doc = agent("name: a\ndescription: [a, b]\nmodel: x: y")
    assert doc.reading.ok
    assert doc.fields["description"] == ["a", "b"]
    assert [p for p in validate(doc) if p.severity == ERROR]


def test_no_fix_would_change_what_a_working_agent_can_do():
    doc = agent("name: a\n" + RETRY + 'tools: ["Read", "Grep"]')
    problems = validate(doc)
    assert "tool-unknown" not in [p.code for p in problems]
    for problem in problems:
        if problem.fix is None:
            continue
        fixed = doc.copy()
        problem.fix.apply(fixed)
        assert tools_summary(fixed.fields) == "Read, Grep", problem.fix.label


def test_an_odd_tool_name_gets_no_guessed_mcp_fix():
    doc = agent("name: a\ndescription: d\ntools: Read, [Grep")
    problem = next(p for p in validate(doc) if p.code == "tool-unknown")
    assert problem.fix is None


def test_a_flow_list_that_is_not_yaml_keeps_the_file_out():
    doc = agent("name: a\n" + RETRY + "description: [Deprecated] Use when: X")
    assert not doc.reading.ok


def test_strict_yaml_agrees_where_no_retry_is_needed():
    header = "name: a\ndescription: d\ntools: [Read, Grep]\nname: b\n"
    assert read_header(header).fields == {k: v for k, v in yaml.safe_load(header).items()}


def test_the_dash_fix_is_not_offered_where_the_longer_header_writes_a_key_again():
    # Without the early end, the header would run on to a second `name:`, which would then count.
    doc = AgentDocument.parse("---\nname: a\ndescription: d\nx: ---\nname:\n---\nBody.\n")
    assert doc.fields["name"] == "a"
    cut = next(p for p in validate(doc) if p.code == "header-cut")
    assert cut.fix is None
