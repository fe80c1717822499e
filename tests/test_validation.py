"""validate(): the seeds' known problems, fixes that really fix, plain words, right lines."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.validation import ERROR, INFO, WARNING, Problem, validate
from conftest import CORPUS, SEEDS, corpus_files, seed_files

SEED = {path.name[:3]: path for path in seed_files()}
FILES = [(SEEDS, p) for p in seed_files()] + [(CORPUS, p) for p in corpus_files()]
IDS = [f"{folder.name}/{path.relative_to(folder).as_posix()}" for folder, path in FILES]
PATHS = [path for _, path in FILES]


@functools.cache
def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def load_seed(number: str) -> AgentDocument:
    return AgentDocument.parse(text_of(SEED[number]))


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def one(problems: list[Problem], code: str, **where) -> Problem:
    found = [p for p in problems if p.code == code and all(getattr(p, k) == v for k, v in where.items())]
    assert len(found) == 1, f"expected one {code} {where}, got {[(p.code, p.message) for p in problems]}"
    return found[0]


def key(problem: Problem) -> tuple:
    return problem.code, problem.field, problem.message


def apply_fix(doc: AgentDocument, problem: Problem) -> AgentDocument:
    fixed = doc.copy()
    problem.fix.apply(fixed)
    return fixed


# ----- the seeds ------------------------------------------------------------------------


def test_seeds_load_without_errors():
    for number in SEED:
        errors = [p for p in validate(load_seed(number)) if p.severity == ERROR]
        assert not errors, (number, [p.message for p in errors])


def test_seed_002_color_case_fix_writes_lowercase():
    doc = load_seed("002")
    problem = one(validate(doc), "color-case", field="color")
    assert problem.severity == WARNING
    assert "Green" in problem.message
    fixed = apply_fix(doc, problem)
    assert fixed.fields["color"] == "green"
    assert "color-case" not in codes(validate(fixed))
    assert "color: green\n" in fixed.to_text()


def test_seed_003_hex_color_is_unknown_and_fix_gives_a_real_color():
    doc = load_seed("003")
    problem = one(validate(doc), "color-unknown", field="color")
    assert "#6366F1" in problem.message
    fixed = apply_fix(doc, problem)
    assert fixed.fields["color"] in ("red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan")
    assert not [p for p in validate(fixed) if p.field == "color"]


def test_seed_001_multiedit_is_renamed():
    doc = load_seed("001")
    problem = one(validate(doc), "tool-renamed", field="tools")
    assert "MultiEdit" in problem.message and "Edit" in problem.message
    assert problem.severity == WARNING
    fixed = apply_fix(doc, problem)
    assert fixed.fields["tools"] == "Write, Read, Edit, Bash, Grep"


def test_seed_003_unknown_tools():
    doc = load_seed("003")
    problems = [p for p in validate(doc) if p.code == "tool-unknown"]
    named = sorted(name for p in problems for name in ("supabase", "context7") if f"“{name}”" in p.message)
    assert named == ["context7", "supabase"]
    assert all(p.severity == WARNING and p.field == "tools" for p in problems)


def test_seed_003_extra_key_is_kept_and_noted():
    problem = one(validate(load_seed("003")), "key-extra", field="category")
    assert problem.severity == INFO


@pytest.mark.parametrize("number", ["001", "004"])
def test_needs_quotes_fix_makes_strict_yaml_and_keeps_claude_codes_reading(number):
    doc = load_seed(number)
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(doc.header_text)
    problem = one(validate(doc), "needs-quotes", field="description")
    assert problem.severity == WARNING
    fixed = apply_fix(doc, problem)
    strict = yaml.safe_load(fixed.header_text)  # now every YAML reader takes it
    assert fixed.fields == doc.fields  # and Claude Code reads exactly what it read before
    assert not fixed.reading.rescued_keys
    assert strict["name"] == doc.fields["name"]
    assert strict["description"].strip() == doc.fields["description"]
    assert fixed.body == doc.body
    assert "needs-quotes" not in codes(validate(fixed))


# ----- every fix, on every file -------------------------------------------------------


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_fix_removes_its_problem_and_adds_no_error(path):
    doc = AgentDocument.parse(text_of(path))
    problems = validate(doc)
    before_errors = {key(p) for p in problems if p.severity == ERROR}
    for problem in problems:
        if problem.fix is None:
            continue
        fixed = apply_fix(doc, problem)
        after = validate(fixed)
        assert key(problem) not in {key(p) for p in after}, f"fix “{problem.fix.label}” left: {problem.message}"
        new_errors = {key(p) for p in after if p.severity == ERROR} - before_errors
        assert not new_errors, f"fix “{problem.fix.label}” added errors: {new_errors}"
        assert fixed.body == doc.body


JARGON = re.compile(r"\b(None|NoneType|Traceback|str|dict|int|float|bool|list\[|True|False|Exception|Error:)\b|'\w+':|\[\s*'")


def assert_plain(problem: Problem) -> None:
    assert not JARGON.search(problem.message), f"Python words in: {problem.message}"
    if problem.fix:
        assert not JARGON.search(problem.fix.label), f"Python words in: {problem.fix.label}"


def assert_lines_point_at_keys(doc: AgentDocument, problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.severity in (ERROR, WARNING, INFO)
        assert problem.message.strip()
        if problem.field is None or problem.field not in doc.fields:
            continue
        assert problem.line is not None, problem.message
        span = doc.span(problem.field)
        if problem.code == "header-cut":  # points at the line holding the ---, inside the value
            assert span.first + 2 <= problem.line <= span.last + 2
        else:
            assert problem.line == doc.field_line(problem.field), problem.message
            line = doc.to_text().lstrip("\ufeff").splitlines()[problem.line - 1]
            assert problem.field in line


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_messages_are_plain_and_lines_point_at_the_key(path):
    doc = AgentDocument.parse(text_of(path))
    problems = validate(doc)
    for problem in problems:
        assert_plain(problem)
    assert_lines_point_at_keys(doc, problems)


# ----- hand-made files: messages and lines --------------------------------------------

ODD_VALUES = {
    "name-null": "name:\ndescription: d",
    "name-number": "name: 123\ndescription: d",
    "name-float": "name: 1.50\ndescription: d",
    "name-bool": "name: true\ndescription: d",
    "name-list": "name: [a, b]\ndescription: d",
    "name-mapping": "name: {a: b}\ndescription: d",
    "description-null": "name: a\ndescription:",
    "description-bool": "name: a\ndescription: false",
    "description-list": "name: a\ndescription: [x, y]",
    "description-mapping": "name: a\ndescription:\n  k: v",
    "model-null": "name: a\ndescription: d\nmodel:",
    "model-number": "name: a\ndescription: d\nmodel: 5",
    "color-null": "name: a\ndescription: d\ncolor:",
    "color-list": "name: a\ndescription: d\ncolor: [red]",
    "color-bool": "name: a\ndescription: d\ncolor: true",
    "tools-mapping": "name: a\ndescription: d\ntools: {Read: true}",
    "tools-numbers": "name: a\ndescription: d\ntools: [1, 2]",
    "maxTurns-null": "name: a\ndescription: d\nmaxTurns:",
    "maxTurns-bool": "name: a\ndescription: d\nmaxTurns: true",
    "maxTurns-text": "name: a\ndescription: d\nmaxTurns: '5'",
    "maxTurns-zero": "name: a\ndescription: d\nmaxTurns: 0",
    "background-null": "name: a\ndescription: d\nbackground:",
    "background-yes": "name: a\ndescription: d\nbackground: yes",
    "permissionMode-null": "name: a\ndescription: d\npermissionMode:",
    "permissionMode-list": "name: a\ndescription: d\npermissionMode: [plan]",
    "skills-text": "name: a\ndescription: d\nskills: one, two",
    "skills-null": "name: a\ndescription: d\nskills:",
    "mcpServers-text": "name: a\ndescription: d\nmcpServers: github",
    "hooks-list": "name: a\ndescription: d\nhooks: [x]",
    "misspelled": "name: a\ndescription: d\nTools: Read",
    "unknown": "name: a\ndescription: d\nauthor: {name: me}",
}


@pytest.mark.parametrize("header", ODD_VALUES.values(), ids=ODD_VALUES.keys())
def test_odd_values_are_explained_plainly_and_fixes_work(header):
    doc = AgentDocument.parse(f"---\n{header}\n---\nBody.\n")
    assert doc.reading.ok
    problems = validate(doc)
    assert problems
    for problem in problems:
        assert_plain(problem)
    assert_lines_point_at_keys(doc, problems)
    before_errors = {key(p) for p in problems if p.severity == ERROR}
    for problem in problems:
        if problem.fix:
            fixed = apply_fix(doc, problem)
            after = validate(fixed)
            assert key(problem) not in {key(p) for p in after}
            assert not {key(p) for p in after if p.severity == ERROR} - before_errors


@pytest.mark.parametrize("value", ["123", "true", "1.50", "0x1F", "[a, b]", "{a: b}"])
def test_a_name_that_is_not_text_is_shown_as_written(value):
    problem = one(validate(AgentDocument.parse(f"---\nname: {value}\ndescription: d\n---\nx\n")), "name-not-text")
    assert problem.severity == ERROR
    assert f"“{value}”" in problem.message


def test_quoting_a_numeric_name_keeps_what_was_written():
    doc = AgentDocument.parse("---\nname: 123\ndescription: d\n---\nx\n")
    problem = one(validate(doc), "name-not-text")
    fixed = apply_fix(doc, problem)
    assert fixed.fields["name"] == "123"
    doc = AgentDocument.parse("---\nname: true\ndescription: d\n---\nx\n")
    fixed = apply_fix(doc, one(validate(doc), "name-not-text"))
    assert fixed.fields["name"] == "true"


def test_description_fix_for_a_yes_no_value_writes_what_the_author_wrote():
    doc = AgentDocument.parse("---\nname: a\ndescription: false\n---\nx\n")
    problem = one(validate(doc), "description-not-text")
    assert problem.severity == ERROR
    assert apply_fix(doc, problem).fields["description"] == "false"


def test_unreadable_header_error_points_at_the_bad_line():
    doc = AgentDocument.parse("---\nname: a\ndescription: Use this\n<example>\nuser: hi\n</example>\n---\nx\n")
    problem = one(validate(doc), "header-unreadable")
    assert problem.severity == ERROR
    assert problem.line == 4  # the <example> line, which is not a “key: value” line
    assert_plain(problem)


def test_a_key_written_twice_is_a_warning_naming_both_lines():
    doc = AgentDocument.parse("---\nname: a\ndescription: d\nname: b\n---\nx\n")
    problem = one(validate(doc), "key-twice")
    assert problem.severity == WARNING
    assert problem.message.startswith("“name” is written twice; Claude Code uses line 4 and ignores line 2.")
    assert problem.line == 4
    assert problem.fix.label == "Keep the one Claude Code uses"
    fixed = apply_fix(doc, problem)
    assert fixed.to_text() == "---\ndescription: d\nname: b\n---\nx\n"
    assert "key-twice" not in codes(validate(fixed))


def test_crlf_with_colon_gets_a_fix_that_makes_claude_code_read_it():
    text = "---\r\nname: a\r\ndescription: Use when: X happens\r\n---\r\nbody\r\n"
    doc = AgentDocument.parse(text)
    problem = one(validate(doc), "header-unreadable")
    assert "Windows" in problem.message
    fixed = apply_fix(doc, problem)
    assert fixed.fields == {"name": "a", "description": "Use when: X happens"}
    assert "\r\n" in fixed.header_text and "\n" not in fixed.header_text.replace("\r\n", "")
    assert not [p for p in validate(fixed) if p.severity == ERROR]


def test_comment_cut_fix_keeps_the_whole_description():
    doc = AgentDocument.parse("---\nname: a\ndescription: C# expert #1\n---\nbody\n")
    problem = one(validate(doc), "comment-cut")
    assert "“C# expert”" in problem.message
    fixed = apply_fix(doc, problem)
    assert fixed.fields["description"] == "C# expert #1"


def test_header_cut_by_dashes_is_a_warning_with_a_working_fix():
    doc = AgentDocument.parse("---\nname: a\ndescription: has --- inside it\n---\nbody\n")
    problem = one(validate(doc), "header-cut")
    assert problem.severity == WARNING
    assert problem.line == 3
    fixed = apply_fix(doc, problem)
    assert fixed.fields["description"] == "has — inside it"
    assert fixed.body == "body\n"


def test_unusual_closing_line_fix():
    doc = AgentDocument.parse("---\nname: a\ndescription: d\n------\nbody\n")
    problem = one(validate(doc), "closing-unusual")
    assert problem.line == 4
    fixed = apply_fix(doc, problem)
    assert fixed.to_text() == "---\nname: a\ndescription: d\n---\nbody\n"


def test_missing_header_and_unclosed_header_are_errors_on_line_1():
    for text, code in (("Just text\n", "header-missing"), ("---\nname: a\ndescription: d\n", "header-unclosed")):
        problem = one(validate(AgentDocument.parse(text)), code)
        assert problem.severity == ERROR and problem.line == 1


def test_problems_come_most_serious_first():
    doc = AgentDocument.parse("---\nname: Upper Case\ndescription: d\ncolor: Green\nmaxTurns: 0\nfoo: 1\n---\n")
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    severities = [order[p.severity] for p in validate(doc)]
    assert severities == sorted(severities)


def test_dash_fix_is_not_offered_when_the_longer_header_would_not_load():
    doc = AgentDocument.parse("---\nname: a\ndescription: a --- b\n<example>\n---\nbody\n")
    problem = one(validate(doc), "header-cut")
    assert problem.fix is None  # the header would run on into <example> and Claude Code would drop the file
    assert not [p for p in validate(doc) if p.severity == ERROR]


def test_quote_fix_in_a_header_where_quoting_one_value_changes_another():
    # Only the retry reads this header, and it reads x as the text "a # b". Quoting the
    # description alone would make the header strict YAML, where " # b" is a comment.
    doc = AgentDocument.parse("---\nname: a\nx: a # b\ndescription: Use when: X\n---\nbody\n")
    assert doc.fields["x"] == "a # b"
    problem = one(validate(doc), "needs-quotes", field="description")
    fixed = apply_fix(doc, problem)
    assert fixed.fields == doc.fields
    assert yaml.safe_load(fixed.header_text) == {"name": "a", "x": "a # b", "description": "Use when: X"}


def test_a_flow_list_stays_a_list_in_the_retry():
    # Claude Code's retry leaves a value starting with "[" as YAML (observed on 2.1.328).
    doc = AgentDocument.parse("---\nname: a\nskills: []\ndescription: Use when: X\n---\nbody\n")
    assert doc.fields["skills"] == []
    problem = one(validate(doc), "needs-quotes", field="description")
    fixed = apply_fix(doc, problem)
    assert fixed.fields == doc.fields


def test_other_fixes_in_such_a_header_work_too():
    doc = AgentDocument.parse("---\nname: a\nx: a # b\ndescription: d\nmodel: Use: x\n---\nbody\n")
    problem = one(validate(doc), "model-unknown")
    fixed = apply_fix(doc, problem)
    assert "model" not in fixed.fields
    assert fixed.fields["x"] == "a # b"


def test_fix_that_cannot_work_is_not_offered():
    # The color's anchor is used by another key: changing the color alone would change it.
    doc = AgentDocument.parse("---\nname: a\ndescription: d\ncolor: &c Green\nx-color: *c\n---\nbody\n")
    problem = one(validate(doc), "color-case")
    assert problem.fix is None
