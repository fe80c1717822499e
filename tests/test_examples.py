"""The examples of a description: split into rows and written back, on every shared file
whose description holds <example> blocks, and in the form."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.validation import ERROR, validate
from agent_editor.claudeview.examples import Example, split
from conftest import copy_seed, corpus_files, seed_files


@functools.cache
def with_examples() -> tuple[Path, ...]:
    found = []
    for path in seed_files() + corpus_files():
        description = AgentDocument.parse(path.read_text(encoding="utf-8")).fields.get("description")
        if isinstance(description, str) and "<example>" in description:
            found.append(path)
    return tuple(found)


def description_of(path: Path) -> str:
    return AgentDocument.parse(path.read_text(encoding="utf-8")).fields["description"]


def test_the_shared_files_hold_descriptions_with_examples():
    assert len(with_examples()) >= 3  # two seeds and at least one corpus file


@pytest.mark.parametrize("path", with_examples(), ids=lambda p: p.name)
def test_unedited_examples_give_back_the_same_text(path):
    description = description_of(path)
    parts = split(description)
    assert parts is not None and parts.examples
    assert parts.compose() == description
    for example in parts.examples:  # even written from its parts, each block is the same text
        assert Example(example.context, example.user, example.assistant, example.commentary,
                       example.layout).text() == example.raw


@pytest.mark.parametrize("path", with_examples(), ids=lambda p: p.name)
def test_an_edited_example_reads_back_as_edited_and_claude_code_loads_it(path):
    doc = AgentDocument.parse(path.read_text(encoding="utf-8"))
    parts = split(doc.fields["description"])
    before = list(parts.examples)
    parts.replace_example(1, before[1].edited(user="Design the billing API: plans, invoices and refunds",
                                              commentary="Billing APIs need care.\nTwo lines of it."))
    doc.set_field("description", parts.compose())
    again = AgentDocument.parse(doc.to_text())
    assert again.reading.ok
    assert not [p for p in validate(again) if p.severity == ERROR]
    reread = split(again.fields["description"])
    assert reread.examples[1].user == "Design the billing API: plans, invoices and refunds"
    assert reread.examples[1].commentary == "Billing APIs need care.\nTwo lines of it."
    assert reread.examples[1].context == before[1].context
    for index in (0, 2):
        assert reread.examples[index].raw == before[index].raw


def test_add_move_and_remove():
    text = "Use it.\n\n<example>\nuser: \"a\"\nassistant: \"b\"\n</example>"
    parts = split(text)
    index = parts.add()
    parts.replace_example(index, parts.examples[index].edited(context="Later", user="c", assistant="d"))
    assert parts.compose() == text + '\n<example>\nContext: Later\nuser: "c"\nassistant: "d"\n</example>'
    parts.move(1, 0)
    assert [e.user for e in split(parts.compose()).examples] == ["c", "a"]
    parts.remove(0)
    assert parts.compose() == text
    parts.remove(0)
    assert parts.compose() == "Use it."
    parts.add()
    assert parts.compose().startswith("Use it.\n\n<example>\n")


@pytest.mark.parametrize(
    "text",
    ["<example>user: a assistant: b user: c assistant: d</example>",  # two turns
     "<example>Note: x user: a assistant: b</example>",  # words outside the parts
     "Use it. <example>user: a assistant: b"],  # never closed
)
def test_other_shapes_stay_plain_text(text):
    assert split(text) is None


# ----- in the form -------------------------------------------------------------------------


@pytest.fixture
def window(request, tmp_path, monkeypatch):
    """The shared editor window (conftest's ``main_window``), made once Claude Code's own
    folder is the test's."""
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(tmp_path / "config"))
    return request.getfixturevalue("main_window")


def test_the_form_edits_an_example_in_one_undo_step_per_edit(qtbot, window, tmp_path):
    path = copy_seed(tmp_path, "004")
    original = path.read_bytes()
    assert window.open_file(path)
    editor = window.form.rows["description"].editor
    assert [row.inputs["context"].text() for row in editor.rows] == [
        "User needs help designing a new backend system", "User wants to review their API design",
        "User needs help with database architecture"]
    assert not window.current.is_modified  # shown, not written
    editor.rows[2].inputs["user"].setPlainText("Which database for 10 million orders?")
    description = window.current.document.fields["description"]
    assert split(description).examples[2].user == "Which database for 10 million orders?"
    assert window.current.document.reading.ok
    window.current.undo_stack.undo()
    assert window.current.document.to_text().encode() == original


def test_the_form_moves_removes_and_adds_examples(qtbot, window, tmp_path):
    assert window.open_file(copy_seed(tmp_path, "001"))
    editor = window.form.rows["description"].editor
    first = editor.rows[0].inputs["context"].text()
    editor.rows[0].move_requested.emit(0, 1)
    examples = split(window.current.document.fields["description"]).examples
    assert examples[1].context == first
    assert editor.rows[1].inputs["context"].text() == first
    editor.rows[2].remove_requested.emit(2)
    assert len(split(window.current.document.fields["description"]).examples) == 2
    editor.add_button.click()
    assert len(editor.rows) == 3
    editor.rows[2].inputs["context"].setText("A new case")
    editor.rows[2].inputs["context"].textEdited.emit("A new case")
    assert split(window.current.document.fields["description"]).examples[2].context == "A new case"
    assert window.current.document.reading.ok


def test_a_description_of_another_shape_stays_plain_text(qtbot, window, tmp_path):
    path = tmp_path / "turns.md"
    path.write_text('---\nname: a\ndescription: "<example>user: a assistant: b user: c assistant: d</example>"\n'
                    "---\nBody.\n", encoding="utf-8")
    assert window.open_file(path)
    editor = window.form.rows["description"].editor
    assert editor.rows == []
    assert "stay plain text" in editor.note.text()
