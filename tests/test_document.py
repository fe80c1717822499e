"""AgentDocument on small, hand-made files: nothing is lost, and edits touch only what they edit."""

from __future__ import annotations

import difflib

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument, DocumentError
from agent_editor.agentfile.header import claude_description

BASIC = "---\nname: my-agent\ndescription: Does things.\n---\n\nYou are an agent.\n"


def roundtrip(text: str, tmp_path) -> AgentDocument:
    """Assert the text survives parse/to_text and load/save unchanged; return the parsed document."""
    doc = AgentDocument.parse(text)
    assert doc.to_text() == text
    path = tmp_path / "agent.md"
    data = text.encode("utf-8")
    path.write_bytes(data)
    AgentDocument.load(path).save(path)
    assert path.read_bytes() == data
    return doc


def changed_old_lines(old: str, new: str) -> set[int]:
    """0-based indexes of the old text's lines that a line diff replaces or deletes, and insert points."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    touched: set[int] = set()
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        touched.update(range(i1, i2) if i2 > i1 else [i1])
    return touched


# ----- lossless reading of unusual files ---------------------------------------------

LOSSLESS = {
    "plain": BASIC,
    "bom": "\ufeff" + BASIC,
    "crlf": BASIC.replace("\n", "\r\n"),
    "mixed-newlines": "---\r\nname: a\ndescription: b\r\n---\nbody\r\nmore\n",
    "no-final-newline": BASIC.rstrip("\n"),
    "no-final-newline-closing": "---\nname: a\ndescription: b\n---",
    "trailing-spaces": "---  \nname: a   \ndescription: b\t\n---   \n\nbody   \n",
    "comments": "---\n# who\nname: a  # the name\n# between\ndescription: b\n#end\n---\nbody\n",
    "blank-lines": "---\n\nname: a\n\n\ndescription: b\n\n---\n\n\nbody\n",
    "quoting": "---\nname: 'a'\ndescription: \"b \\\"q\\\" \\u00e9\"\nmodel: 'it''s'\n---\nbody\n",
    "block-scalars": "---\nname: a\ndescription: |\n  one\n  two\nnotes: >-\n  folded\n  text\n---\nbody\n",
    "key-order": "---\nmodel: opus\ntools: Read\ndescription: b\nname: a\n---\nbody\n",
    "lists": "---\nname: a\ndescription: b\ntools: [Read, Grep]\nskills:\n  - one\n  - two\n---\n",
    "closing-six-dashes": "---\nname: a\ndescription: b\n------\nbody\n",
    "closing-trailing-space": "---\nname: a\ndescription: b\n--- \nbody\n",
    "dashes-mid-line": "---\nname: a\ndescription: has --- inside it\n---\nbody\n",
    "invalid-yaml": "---\nname: a\ndescription: [unclosed\n  x: y: z\n---\nbody\n",
    "no-header": "# Just Markdown\n\nNo header here.\n",
    "never-closed": "---\nname: a\ndescription: b\n\nbody\n",
    "empty-header": "---\n---\nbody\n",
    "blank-header": "---\n\n---\nbody\n",
    "only-opening": "---\n",
    "lone-cr": "---\nname: a\rb\ndescription: c\n---\nx\r",
    "unicode": "---\nname: agent-é\ndescription: ünïcödé — “quotes” 🚀\n---\n日本語\n",
    "tabs": "---\nname:\ta\ndescription: b\n---\n\tcode\n",
    "header-not-at-start": "\n---\nname: a\ndescription: b\n---\n",
}


@pytest.mark.parametrize("text", LOSSLESS.values(), ids=LOSSLESS.keys())
def test_unusual_files_come_back_byte_identical(text, tmp_path):
    roundtrip(text, tmp_path)


def test_empty_text_parses_to_an_empty_document():
    doc = AgentDocument.parse("")
    assert doc.to_text() == "" and not doc.has_header and doc.body == ""


def test_bom_is_kept_and_not_part_of_the_header(tmp_path):
    doc = roundtrip("\ufeff" + BASIC, tmp_path)
    assert doc.has_header
    assert doc.fields == {"name": "my-agent", "description": "Does things."}


def test_crlf_header_is_read_and_newline_detected(tmp_path):
    doc = roundtrip(BASIC.replace("\n", "\r\n"), tmp_path)
    assert doc.newline == "\r\n"
    assert doc.fields == {"name": "my-agent", "description": "Does things."}
    assert doc.body == "\nYou are an agent.\n"


def test_comment_and_order_are_read_as_yaml_does(tmp_path):
    doc = roundtrip(LOSSLESS["comments"], tmp_path)
    assert doc.fields == {"name": "a", "description": "b"}
    doc = roundtrip(LOSSLESS["key-order"], tmp_path)
    assert list(doc.fields) == ["model", "tools", "description", "name"]


def test_odd_closing_lines_end_the_header(tmp_path):
    for key in ("closing-six-dashes", "closing-trailing-space"):
        doc = roundtrip(LOSSLESS[key], tmp_path)
        assert doc.fields == {"name": "a", "description": "b"}
        assert doc.body == "body\n"


def test_dashes_mid_line_end_the_header_there(tmp_path):
    doc = roundtrip(LOSSLESS["dashes-mid-line"], tmp_path)
    assert doc.fields["description"] == "has"
    assert doc.header_cut_mid_line


def test_invalid_yaml_is_kept_and_reported_not_raised(tmp_path):
    doc = roundtrip(LOSSLESS["invalid-yaml"], tmp_path)
    assert doc.has_header
    assert not doc.reading.ok
    assert doc.reading.error
    assert doc.fields == {}


def test_no_header_and_unclosed_header(tmp_path):
    doc = roundtrip(LOSSLESS["no-header"], tmp_path)
    assert not doc.has_header and not doc.opens_header_without_closing
    assert doc.body == LOSSLESS["no-header"]
    doc = roundtrip(LOSSLESS["never-closed"], tmp_path)
    assert not doc.has_header and doc.opens_header_without_closing
    assert doc.fields == {}


def test_empty_header(tmp_path):
    doc = roundtrip(LOSSLESS["empty-header"], tmp_path)
    assert doc.has_header and doc.reading.ok and doc.fields == {}
    assert doc.body == "body\n"


# ----- editing ------------------------------------------------------------------------


def test_set_field_changes_only_that_line():
    text = "---\nname: a  # keep me\ndescription: b\nmodel: opus\n---\nbody\n"
    doc = AgentDocument.parse(text)
    doc.set_field("description", "new words")
    assert doc.to_text() == "---\nname: a  # keep me\ndescription: new words\nmodel: opus\n---\nbody\n"


def test_set_field_keeps_comment_and_quote_style():
    doc = AgentDocument.parse("---\nname: 'a'  # note\ndescription: b\n---\n")
    doc.set_field("name", "b-agent")
    assert doc.header_lines()[0] == "name: 'b-agent'  # note\n"
    doc.set_field("name", "c", keep_comment=False)
    assert doc.header_lines()[0] == "name: 'c'\n"


def test_new_key_goes_last_in_the_header():
    doc = AgentDocument.parse(BASIC)
    doc.set_field("model", "haiku")
    assert doc.header_lines()[-1] == "model: haiku\n"
    assert list(doc.fields) == ["name", "description", "model"]


def test_new_key_after_a_header_without_final_newline_in_crlf_file():
    doc = AgentDocument.parse("---\r\nname: a\r\ndescription: b\r\n---\r\nbody\r\n")
    doc.set_field("color", "red")
    assert doc.to_text() == "---\r\nname: a\r\ndescription: b\r\ncolor: red\r\n---\r\nbody\r\n"


def test_set_field_on_a_file_without_header_creates_one():
    doc = AgentDocument.parse("Just a body.\n")
    doc.set_field("name", "x")
    assert doc.has_header
    assert doc.fields == {"name": "x"}
    assert doc.body == "Just a body.\n"
    assert doc.to_text().startswith("---\nname: x\n---\n")


def test_set_field_on_empty_header():
    doc = AgentDocument.parse("---\n---\nbody\n")
    doc.set_field("name", "x")
    assert doc.to_text() == "---\nname: x\n---\nbody\n"


def test_set_field_refuses_an_unreadable_header_and_changes_nothing():
    text = LOSSLESS["invalid-yaml"]
    doc = AgentDocument.parse(text)
    with pytest.raises(DocumentError):
        doc.set_field("name", "b")
    assert doc.to_text() == text


def test_multiline_description_reads_back_as_claude_code_reads_it():
    doc = AgentDocument.parse(BASIC)
    value = "First line.\n\n<example>\nuser: hi: there\n</example>\n"
    doc.set_field("description", value)
    assert doc.fields["description"] == claude_description(value)
    assert AgentDocument.parse(doc.to_text()).fields["description"] == claude_description(value)
    assert yaml.safe_load(doc.header_text)["description"].strip() == value.strip()


def test_value_with_dashes_does_not_end_the_header():
    doc = AgentDocument.parse(BASIC)
    doc.set_field("description", "before --- after")
    again = AgentDocument.parse(doc.to_text())
    assert again.fields["description"] == "before --- after"
    assert again.body == "\nYou are an agent.\n"
    assert not again.header_cut_mid_line


def test_set_field_in_a_header_cut_mid_line():
    text = LOSSLESS["dashes-mid-line"]
    doc = AgentDocument.parse(text)
    doc.set_field("name", "b")
    assert doc.fields == {"name": "b", "description": "has"}
    assert doc.to_text() == text.replace("name: a", "name: b")


def test_set_field_in_a_header_only_the_retry_reads_keeps_it_readable():
    text = "---\nname: a\ndescription: Use when: X happens\n---\nbody\n"
    doc = AgentDocument.parse(text)
    assert doc.reading.rescued_keys == ["description"]
    doc.set_field("tools", ["Read", "Grep"])
    assert doc.fields["tools"] == ["Read", "Grep"]
    assert doc.fields["description"] == "Use when: X happens"
    assert doc.to_text().startswith("---\nname: a\ndescription: Use when: X happens\n")


def test_remove_field_removes_only_its_lines():
    text = "---\nname: a\ntools:\n  - Read\n  - Grep\n# kept\ndescription: b\n---\nbody\n"
    doc = AgentDocument.parse(text)
    doc.remove_field("tools")
    assert doc.to_text() == "---\nname: a\n# kept\ndescription: b\n---\nbody\n"
    doc.remove_field("missing")  # nothing to do
    assert doc.fields == {"name": "a", "description": "b"}


def test_rename_field_keeps_the_value_lines():
    text = "---\nname: a\nTools: [Read,  Grep]  # mine\ndescription: b\n---\n"
    doc = AgentDocument.parse(text)
    doc.rename_field("Tools", "tools")
    assert doc.to_text() == text.replace("Tools:", "tools:")
    assert list(doc.fields) == ["name", "tools", "description"]


def test_rename_to_an_existing_key_is_refused():
    text = "---\nname: a\ndescription: b\nmodel: opus\n---\n"
    doc = AgentDocument.parse(text)
    with pytest.raises(DocumentError):
        doc.rename_field("model", "name")
    assert doc.to_text() == text


def test_set_body_changes_only_the_body_and_keeps_crlf():
    text = BASIC.replace("\n", "\r\n")
    doc = AgentDocument.parse(text)
    doc.set_body("New body.\nSecond line.\n")
    assert doc.to_text() == "---\r\nname: my-agent\r\ndescription: Does things.\r\n---\r\nNew body.\r\nSecond line.\r\n"
    assert doc.body == "New body.\nSecond line.\n"


def test_set_body_keeps_lf():
    doc = AgentDocument.parse(BASIC)
    doc.set_body("x\ny")
    assert doc.to_text() == "---\nname: my-agent\ndescription: Does things.\n---\nx\ny"


def test_copy_is_independent():
    doc = AgentDocument.parse(BASIC)
    other = doc.copy()
    other.set_field("name", "other")
    assert doc.fields["name"] == "my-agent"


def test_field_line_counts_from_the_top_of_the_file():
    doc = AgentDocument.parse("\ufeff---\n# c\nname: a\n\ndescription: b\n---\n")
    text = doc.to_text().lstrip("\ufeff").split("\n")
    for key in ("name", "description"):
        line = doc.field_line(key)
        assert text[line - 1].startswith(key + ":")


def test_body_first_line():
    doc = AgentDocument.parse("---\nname: a\ndescription: b\n---\nbody\n")
    assert doc.to_text().split("\n")[doc.body_first_line - 1] == "body"
    assert AgentDocument.parse("body\n").body_first_line == 1


def test_save_without_path_asks_for_one():
    with pytest.raises(DocumentError):
        AgentDocument.parse(BASIC).save()


def test_changed_lines_helper_sees_edits():
    assert changed_old_lines("a\nb\nc\n", "a\nB\nc\n") == {1}


def test_remove_field_that_would_change_other_fields_changes_nothing():
    text = "---\nname: a\ndescription: d\nbase: &x [Read]\ntools: *x\n---\nbody\n"
    doc = AgentDocument.parse(text)
    with pytest.raises(DocumentError):
        doc.remove_field("base")  # tools would lose the list it points at
    assert doc.to_text() == text
    assert doc.fields["tools"] == ["Read"]


def test_line_separator_in_a_value_is_an_ordinary_character():
    # YAML 1.2 (Claude Code's parser) does not end a line at U+2028, U+2029 or U+0085.
    text = "---\nname: a\ndescription: one\u2028two\x85three\u2029four\nmodel: opus\n---\nbody\n"
    doc = AgentDocument.parse(text)
    assert doc.reading.ok
    assert doc.fields["description"] == "one\u2028two\x85three\u2029four"
    doc.set_field("model", "haiku")
    assert doc.to_text() == text.replace("opus", "haiku")


def test_lone_carriage_return_does_not_shift_edits_to_other_lines():
    # A lone CR ends a line for YAML, not for the document: edits must still land on the right line.
    text = "---\nname: a\rdescription: x\nmodel: opus\ncolor: red\n---\nbody\n"
    doc = AgentDocument.parse(text)
    assert doc.fields == {"name": "a", "description": "x", "model": "opus", "color": "red"}
    doc.set_field("color", "blue")
    assert doc.to_text() == text.replace("red", "blue")
    assert doc.field_line("model") == 3
    with pytest.raises(DocumentError):  # name and description share one line: no edit of one alone
        doc.set_field("description", "y")
    assert doc.to_text() == text.replace("red", "blue")


@pytest.mark.parametrize(
    "text",
    ["---\nname: a\ndescription: d\n---", "---\r\nname: a\r\ndescription: d\r\n---", "---\nname: a\ndescription: x --- y"],
    ids=["lf", "crlf", "cut-mid-line"],
)
def test_set_body_after_a_closing_line_without_line_break(text):
    doc = AgentDocument.parse(text)
    doc.set_body("Hello\n")
    again = AgentDocument.parse(doc.to_text())
    assert again.body == "Hello\n"
    assert again.fields == doc.fields
    assert doc.to_text().startswith(text)


@pytest.mark.parametrize(
    "old, new, line",
    [("summary", "description", r"summary: ' two\nlines '"), ("description", "summary", r"description: ' two\nlines '")],
)
def test_rename_to_and_from_description(old, new, line):
    # Only the description gets Claude Code's \n rule and trimming; renaming keeps the text as written.
    text = f"---\nname: a\n{line}\n---\nbody\n"
    doc = AgentDocument.parse(text)
    doc.rename_field(old, new)
    assert doc.to_text() == text.replace(f"{old}:", f"{new}:")
    expected = "two\nlines" if new == "description" else r" two\nlines "
    assert doc.fields[new] == expected
