"""Reading a header as Claude Code does: YAML 1.2 values, the quoted retry, the description's
\\n rule and trimming, and which files it ignores (each must get an error from validate)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.header import claude_description, quote_for_retry, read_header
from agent_editor.agentfile.validation import ERROR, validate


def agent(header: str, newline: str = "\n") -> AgentDocument:
    text = f"---\n{header}\n---\nYou are an agent.\n"
    return AgentDocument.parse(text.replace("\n", newline))


def errors(doc: AgentDocument) -> list[str]:
    return [p.message for p in validate(doc) if p.severity == ERROR]


# ----- YAML 1.2, as Claude Code's parser resolves plain values ------------------------


@pytest.mark.parametrize(
    "written, value",
    [
        ("yes", "yes"),  # YAML 1.1 booleans are text in YAML 1.2
        ("no", "no"),
        ("on", "on"),
        ("Off", "Off"),
        ("y", "y"),
        ("2024-01-01", "2024-01-01"),  # no timestamps in the core schema
        ("1_000", "1_000"),  # no digit separators
        ("0b101", "0b101"),
        ("1:30", "1:30"),  # no sexagesimal numbers
        ("=", "="),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("017", 17),  # a leading zero is still decimal
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("'42'", "42"),
        ('"true"', "true"),
    ],
)
def test_plain_values_resolve_as_yaml_1_2(written, value):
    reading = read_header(f"name: a\nmaxTurns: {written}\n")
    assert reading.ok
    assert reading.fields["maxTurns"] == value
    assert type(reading.fields["maxTurns"]) is type(value)


def test_nan_is_a_float():
    value = read_header("k: .nan\n").fields["k"]
    assert value != value


def test_fields_keep_file_order_and_unknown_keys():
    reading = read_header("zeta: 1\nname: a\ncategory: engineering\ndescription: d\n")
    assert list(reading.fields) == ["zeta", "name", "category", "description"]


# ----- the description: \n rule and trimming ------------------------------------------


@pytest.mark.parametrize(
    "written, read",
    [
        (r"description: one\ntwo", "one\ntwo"),  # a plain value keeps \n as two characters; Claude Code turns it
        (r"description: 'one\ntwo'", "one\ntwo"),
        (r'description: "one\\ntwo"', "one\ntwo"),  # YAML's \\ is one backslash, then n
        (r'description: "one\ntwo"', "one\ntwo"),  # YAML's own escape
        ('description: "  padded  "', "padded"),
        ("description: |\n  block\n\n", "block"),
        ("description: >\n  folded\n  text\n", "folded text"),
        ("description: C# expert #1", "C# expert"),  # a plain value loses ` #...`
        ("description: 'C# expert #1'", "C# expert #1"),
    ],
)
def test_description_as_claude_code_reads_it(written, read):
    doc = agent("name: a\n" + written)
    assert doc.fields["description"] == read
    assert not errors(doc)


def test_the_backslash_n_rule_is_only_for_the_description():
    reading = read_header(r"name: a\nb" + "\n" + r"description: c\nd" + "\n" + r"initialPrompt: e\nf")
    assert reading.fields == {"name": r"a\nb", "description": "c\nd", "initialPrompt": r"e\nf"}


def test_claude_description():
    assert claude_description("  a\\nb \n") == "a\nb"
    assert claude_description("plain") == "plain"


# ----- Claude Code's quoted retry ------------------------------------------------------


def test_use_when_colon_loads_through_the_retry():
    text = "name: a\ndescription: Use when: X happens\n"
    with pytest.raises(yaml.YAMLError, match="mapping values are not allowed"):
        yaml.safe_load(text)
    reading = read_header(text)
    assert reading.ok
    assert reading.fields == {"name": "a", "description": "Use when: X happens"}
    assert reading.rescued_keys == ["description"]


def test_the_retry_quotes_only_lines_that_need_it():
    text = 'name: plain\ndescription: a: b "c"\ntools: "Read"\nmodel: x # y\n  indented: z\n'
    retried, quoted = quote_for_retry(text)
    assert quoted == [1, 3]
    assert retried.split("\n")[1] == r'description: "a: b \"c\""'
    assert retried.split("\n")[2] == 'tools: "Read"'  # already quoted
    assert retried.split("\n")[4] == "  indented: z"  # not a top-level line


def test_only_lines_strict_yaml_cannot_read_alone_count_as_rescued():
    reading = read_header("name: a\ndescription: Use when: X\ntools: Bash(x)[y]\nskills: []\nmodel: opus # c\n")
    assert reading.ok
    # The retry quotes every one-line value holding a sign, except one starting with "[":
    # tools reads the same either way, skills stays a list, but model reads otherwise in
    # strict YAML ("# c" is a comment there).
    assert reading.fields["tools"] == "Bash(x)[y]"
    assert reading.fields["skills"] == []
    assert reading.fields["model"] == "opus # c"
    assert reading.rescued_keys == ["description", "model"]
    assert {s.key: s.style for s in reading.spans}["tools"] == "plain"


def test_keys_are_text_as_claude_code_sees_them():
    reading = read_header("true: 1\nnull: 2\n3: 3\n1.0: 4\n0x10: 5\n")
    assert list(reading.fields) == ["true", "null", "3", "1", "16"]
    assert [s.key for s in reading.spans] == list(reading.fields)


@pytest.mark.parametrize("header, key", [("1: a\n'1': b", "1"), ("0: a\n00: b", "0"), ("null: a\n~: b", "null")])
def test_keys_written_differently_but_read_the_same_are_duplicates(header, key):
    reading = read_header(header)
    assert reading.ok  # as for any key written twice, the last one counts
    assert reading.fields == {key: "b"}
    assert reading.duplicate_keys == [key]
    assert [span.used for span in reading.spans] == [False, True]


def test_a_rescued_value_reads_backslash_n_as_a_line_break():
    doc = agent(r"name: a" + "\n" + r"description: Use when: one\n\nExamples: two")
    assert doc.fields["description"] == "Use when: one\n\nExamples: two"
    assert not errors(doc)


def test_a_rescued_value_with_a_comment_sign_keeps_it():
    doc = agent("name: a\ndescription: Use when: X # not a comment")
    assert doc.fields["description"] == "Use when: X # not a comment"


def test_the_retry_does_not_apply_to_windows_line_endings():
    doc = agent("name: a\ndescription: Use when: X happens", newline="\r\n")
    assert not doc.reading.ok
    assert errors(doc)


def test_lf_file_with_a_stray_cr_line_is_not_rescued_on_that_line():
    reading = read_header("name: a\ndescription: Use when: X\r\n")
    assert not reading.ok


# ----- what Claude Code ignores: each must be an error --------------------------------

IGNORED = {
    "no-name": "description: Does things.",
    "no-description": "name: a",
    "empty-description": 'name: a\ndescription: ""',
    "blank-description": "name: a\ndescription: '   '",
    "null-description": "name: a\ndescription:",
    "null-name": "name:\ndescription: d",
    "empty-name": "name: ''\ndescription: d",
    "name-number": "name: 123\ndescription: d",
    "name-true": "name: true\ndescription: d",
    "name-colon": "name: a:b\ndescription: d",
    "name-leading-hyphen": "name: -lead\ndescription: d",
    "name-list": "name: [a]\ndescription: d",
    "description-list": "name: a\ndescription: [x]",
    "description-number": "name: a\ndescription: 12",
    "example-at-column-0": "name: a\ndescription: Use this agent.\n<example>\nuser: hi\n</example>",
    "indented-line-with-colon": "name: a\ndescription: Use this agent\n  when: the user asks",
    "unclosed-quote": 'name: "a\ndescription: d',
    "tab-indent": "name: a\n\tdescription: d",
    "header-is-a-list": "- name: a\n- description: d",
    "header-is-text": "just some words",
}


@pytest.mark.parametrize("header", IGNORED.values(), ids=IGNORED.keys())
def test_files_claude_code_ignores_get_an_error(header):
    doc = agent(header)
    assert errors(doc), f"no error for: {header!r}"


def test_crlf_with_unquoted_colon_is_an_error():
    assert errors(agent("name: a\ndescription: Use when: X happens", newline="\r\n"))


def test_no_header_and_unclosed_header_are_errors():
    assert errors(AgentDocument.parse("You are an agent.\n"))
    assert errors(AgentDocument.parse("---\nname: a\ndescription: d\nYou are an agent.\n"))
    assert errors(AgentDocument.parse(" ---\nname: a\ndescription: d\n---\n"))  # not at byte 0


ACCEPTED = {
    "Backend Architect": ("name: Backend Architect\ndescription: d", {"name": "Backend Architect", "description": "d"}),
    "Upper": ("name: Upper\ndescription: d", {"name": "Upper", "description": "d"}),
    "backend_arch": ("name: backend_arch\ndescription: d", {"name": "backend_arch", "description": "d"}),
    "use-when": ("name: a\ndescription: Use when: X happens", {"name": "a", "description": "Use when: X happens"}),
    "dashes": ("name: a\ndescription: has --- inside it", {"name": "a", "description": "has"}),
    "hash": ("name: a\ndescription: C# expert #1", {"name": "a", "description": "C# expert"}),
    "bom": ("name: a\ndescription: d", {"name": "a", "description": "d"}),
    "crlf": ("name: a\ndescription: d", {"name": "a", "description": "d"}),
    "yes-description": ("name: a\ndescription: yes", {"name": "a", "description": "yes"}),
    # `*` starts an alias, so strict YAML fails; the retry quotes the value.
    "alias-sign": ("name: a\ndescription: *starred*", {"name": "a", "description": "*starred*"}),
    "unknown-model": ("name: a\ndescription: d\nmodel: gpt-9", {"name": "a", "description": "d", "model": "gpt-9"}),
}


@pytest.mark.parametrize("case", ACCEPTED, ids=ACCEPTED.keys())
def test_odd_files_claude_code_loads_get_no_error(case):
    header, expected = ACCEPTED[case]
    text = f"---\n{header}\n---\nYou are an agent.\n"
    if case == "bom":
        text = "\ufeff" + text
    if case == "crlf":
        text = text.replace("\n", "\r\n")
    doc = AgentDocument.parse(text)
    assert doc.fields == expected
    assert not errors(doc)


# ----- safe YAML ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        'name: a\ndescription: !!python/object/apply:os.system ["touch {marker}"]',
        "name: a\ndescription: d\ntools: !!python/object/apply:os.system\n  - touch {marker}",
        "name: a\ndescription: d\nhooks: !!python/object/apply:subprocess.call [[touch, {marker}]]",
        "name: a\ndescription: d\nx: !!python/name:os.system",
        "name: a\ndescription: d\nx: !!python/object/new:os.system [touch {marker}]",
    ],
    ids=["apply-one-line", "apply-block", "subprocess", "name", "new"],
)
def test_python_tags_never_run(header, tmp_path):
    marker = tmp_path / "pwned"
    text = f"---\n{header.format(marker=marker)}\n---\nbody\n"
    path = tmp_path / "evil.md"
    path.write_text(text, encoding="utf-8")
    doc = AgentDocument.load(path)  # must not raise
    problems = validate(doc)  # must not raise
    assert not marker.exists()
    assert not any(callable(v) for v in doc.fields.values())
    assert problems, "a header with a Python tag must not pass silently"
    if doc.reading.ok:
        # Only Claude Code's retry reads it, as plain text: nothing was constructed from the tag.
        assert all(isinstance(v, (str, list, dict)) for v in doc.fields.values())
    else:
        assert errors(doc)


def test_yaml_bombs_are_harmless():
    header = "name: a\ndescription: d\n" + "\n".join(
        [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" if i else "a0: &a0 [x]" for i in range(8)]
    )
    started = time.perf_counter()
    doc = agent(header)  # 9**7 items if every alias were followed: this must not walk them all
    problems = validate(doc)
    assert time.perf_counter() - started < 1.0
    # 9**7 is under Claude Code's own budget (16,777,216): it reads this header, the editor shows it as text
    assert doc.reading.kind == "aliases-costly"
    assert [p.severity for p in problems if p.code == "aliases-costly"] == ["warning"]


@pytest.mark.parametrize(
    "header",
    ["x: &a [*a]", "x: &a {k: *a}", "x: &a\n  - *a", "x: &a\n  k:\n    - *a"],
    ids=["flow-list", "flow-mapping", "block-list", "nested"],
)
def test_a_value_that_contains_itself_neither_crashes_nor_hangs(header):
    doc = agent("name: a\ndescription: d\n" + header)
    problems = validate(doc)
    if doc.reading.ok:
        # Like any unknown *alias, the retry reads a one-line value as text.
        assert isinstance(doc.fields["x"], str)
        doc.set_field("name", "b")
        assert doc.fields["name"] == "b"
    else:
        assert any(p.severity == ERROR for p in problems)


def test_a_shared_alias_is_not_a_loop():
    doc = agent("name: a\ndescription: d\nx: &a [1]\ny: [*a, *a]")
    assert doc.fields["y"] == [[1], [1]]


# ----- where problems are -----------------------------------------------------------------


@pytest.mark.parametrize(
    "header, line, words",
    [
        ("name: a\ndescription: Use this\n<example>\nuser: hi", 4, "not a “name: value” line"),
        ("name: a\nfoo\nbar: b", 3, "not a “name: value” line"),
        ("name: a\ndescription: Use this\n  user: hi", 4, "“: ”"),
        ('name: "a\ndescription: d', 2, "quote"),
        ("name: a\n\tdescription: d", 3, "tab"),
    ],
)
def test_unreadable_header_says_where_and_why(header, line, words):
    doc = agent(header)
    assert not doc.reading.ok
    problem = next(p for p in validate(doc) if p.code == "header-unreadable")
    assert problem.line == line
    assert words in problem.message
    file_lines = doc.to_text().split("\n")
    assert file_lines[line - 1] == header.split("\n")[line - 2]


def test_spans_cover_each_keys_lines():
    text = "# c\nname: a  # n\ndescription: |\n  one\n\n  two\n\ntools:\n  - Read\n  - Grep\n# x\nmodel: 'o'\n"
    spans = {s.key: s for s in read_header(text).spans}
    assert (spans["name"].first, spans["name"].last, spans["name"].comment) == (1, 1, "  # n")
    assert (spans["description"].first, spans["description"].last, spans["description"].style) == (2, 5, "|")
    assert (spans["tools"].first, spans["tools"].last, spans["tools"].style) == (7, 9, "block")
    assert (spans["model"].first, spans["model"].last, spans["model"].style) == (11, 11, "'")


def test_corpus_and_seeds_read_without_touching_the_file_system(tmp_path):
    # Reading is pure: parsing a header never creates or changes files, whatever it holds.
    before = set(os.listdir(tmp_path))
    for name in ("001_e8af0677f75d917f.txt", "004_934511cd12f79669.txt"):
        from conftest import SEEDS

        doc = AgentDocument.parse(Path(SEEDS / name).read_text(encoding="utf-8"))
        assert doc.reading.rescued_keys == ["description"]
    assert set(os.listdir(tmp_path)) == before
