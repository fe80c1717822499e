"""Every real agent file: read and written back byte for byte, edited one key at a time,
and read the way Claude Code 2.1.328 read it."""

from __future__ import annotations

import difflib
import functools
import shutil
from pathlib import Path

import pytest
import yaml

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.header import claude_description
from agent_editor.agentfile.tools import parse_tools, tools_summary, tools_value_in_style
from agent_editor.agentfile.validation import ERROR, validate
from conftest import CORPUS, SEEDS, claude_code_record, corpus_files, seed_files

FILES = [(SEEDS, p) for p in seed_files()] + [(CORPUS, p) for p in corpus_files()]
IDS = [f"{folder.name}/{path.relative_to(folder).as_posix()}" for folder, path in FILES]
PATHS = [path for _, path in FILES]


@functools.cache
def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_the_files_are_there():
    assert len(seed_files()) == 5
    assert len(corpus_files()) == 586
    assert all(path.is_file() for path in PATHS)


# ----- byte-identical round trip ----------------------------------------------------


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_load_save_is_byte_identical(path, tmp_path, monkeypatch):
    # Only the bytes matter here (test_fileio covers durability); skipping the flush to
    # disk keeps 591 saves fast on a busy machine.
    monkeypatch.setattr("os.fsync", lambda fd: None)
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    original = copy.read_bytes()
    AgentDocument.load(copy).save(copy)
    assert copy.read_bytes() == original
    assert AgentDocument.parse(text_of(path)).to_text() == text_of(path)


# ----- minimal change -----------------------------------------------------------------


def file_line_span(doc: AgentDocument, key: str) -> tuple[int, int]:
    """0-based indexes, in the whole file's lines, of the first and last line of ``key``."""
    span = doc.span(key)
    assert span is not None
    return span.first + 1, span.last + 1  # line 0 is the opening ---


def assert_only_key_lines_changed(old: str, new: str, allowed: set[int]) -> None:
    """Every line the diff touches in ``old`` is in ``allowed``; insertions happen at an allowed index."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    # Lines equal at both ends are unchanged; diffing only the middle keeps this fast on long bodies.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    matcher = difflib.SequenceMatcher(a=a[start : len(a) - end], b=b[start : len(b) - end], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + start, i2 + start, j1 + start, j2 + start
        touched = set(range(i1, i2)) if i2 > i1 else {i1}
        outside = touched - allowed
        assert not outside, (
            f"{tag} changed lines {sorted(outside)} outside the key's lines {sorted(allowed)}:\n"
            f"old: {a[i1:i2]!r}\nnew: {b[j1:j2]!r}"
        )


def expected_reading(key: str, value):
    return claude_description(value) if key == "description" and isinstance(value, str) else value


def new_tools_value(doc: AgentDocument):
    current = doc.fields.get("tools")
    names = parse_tools(current) or ["Read"]
    extra = "WebSearch" if "WebSearch" not in names else "Glob"
    return tools_value_in_style([*names, extra], current)


EDITS = {
    "name": lambda doc: "renamed-agent",
    "description-colon-hash": lambda doc: "Use when: the user asks # for help, with \\n and 'quotes' and \"more\"",
    "description-multiline": lambda doc: "First line.\n\n<example>\nuser: \"hi: there\"\n</example>",
    "description-dashes": lambda doc: "Has --- in the middle",
    "model": lambda doc: "sonnet",
    "tools": new_tools_value,
    "new-key": lambda doc: "engineering: backend",
}


def key_of(edit: str) -> str:
    return {"new-key": "x-category"}.get(edit, edit.split("-")[0])


def check_set_field(text: str, edit: str) -> None:
    doc = AgentDocument.parse(text)
    key = key_of(edit)
    value = EDITS[edit](doc)
    before = doc.fields
    existed = key in before
    if existed:
        first, last = file_line_span(doc, key)
        allowed = set(range(first, last + 1))
    else:
        closing = 1 + len(doc.header_lines())
        # A new key goes at the end of the header: right before the closing line (or, when
        # the header was cut mid-line, the cut line gets its line break).
        allowed = {closing} | ({closing - 1} if doc.header_cut_mid_line else set())

    doc.set_field(key, value)
    new_text = doc.to_text()
    assert_only_key_lines_changed(text, new_text, allowed)

    again = AgentDocument.parse(new_text)
    assert again.reading.ok
    assert again.fields[key] == expected_reading(key, value)
    expected_keys = list(before) if existed else [*before, key]
    assert list(again.fields) == expected_keys, "keys were added, lost or moved"
    for other in before:
        if other != key:
            assert again.fields[other] == before[other], f"{other} changed"
    assert again.body == AgentDocument.parse(text).body
    if not existed:
        assert again.span(key).first == max(s.last for s in again.reading.spans), "new key is not last"


# One test per file (with every edit inside) keeps the corpus run fast; the assertion
# message names the edit that failed.
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_set_field_changes_only_that_key(path):
    text = text_of(path)
    for edit in EDITS:
        try:
            check_set_field(text, edit)
        except AssertionError as failure:
            raise AssertionError(f"set_field edit {edit!r}: {failure}") from None


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_remove_field_removes_only_its_lines(path):
    text = text_of(path)
    original = AgentDocument.parse(text)
    lines = text.splitlines(keepends=True)
    for key in original.fields:
        doc = AgentDocument.parse(text)
        first, last = file_line_span(doc, key)
        doc.remove_field(key)
        if doc.header_cut_mid_line and last == len(doc.header_lines()):
            continue  # the cut line also holds the closing dashes; checked in test_document
        assert doc.to_text() == "".join(lines[:first] + lines[last + 1 :]), key
        expected = original.fields
        del expected[key]
        assert AgentDocument.parse(doc.to_text()).fields == expected


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_rename_field_changes_only_the_key_line(path):
    text = text_of(path)
    doc = AgentDocument.parse(text)
    before = doc.fields
    key = list(before)[-1]
    first, _ = file_line_span(doc, key)
    doc.rename_field(key, "renamed-key")
    assert_only_key_lines_changed(text, doc.to_text(), {first})
    again = AgentDocument.parse(doc.to_text())
    assert list(again.fields) == [k if k != key else "renamed-key" for k in before]
    assert again.fields["renamed-key"] == before[key]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_set_body_changes_only_the_body(path):
    text = text_of(path)
    doc = AgentDocument.parse(text)
    head = text[: len(text) - len(doc._body)] if doc._body else text  # noqa: SLF001 - the raw split point
    new_body = "# Rewritten\n\nFirst paragraph.\nSecond line.\n"
    doc.set_body(new_body)
    new_text = doc.to_text()
    assert new_text.startswith(head)
    assert doc.body == new_body
    again = AgentDocument.parse(new_text)
    assert again.fields == AgentDocument.parse(text).fields
    assert again.body == new_body
    written_body = new_text[len(head):]
    if "\r\n" in text:
        assert written_body == new_body.replace("\n", "\r\n"), "a CRLF file must keep CRLF in its body"
    else:
        assert "\r" not in written_body


# ----- agreement with Claude Code -----------------------------------------------------

RECORDS = [
    (folder, rel, entry)
    for folder in (SEEDS, CORPUS)
    for rel, entry in sorted(claude_code_record(folder).items())
]


@pytest.mark.parametrize(
    "folder, rel, entry", RECORDS, ids=[f"{folder.name}/{rel}" for folder, rel, _ in RECORDS]
)
def test_reads_what_claude_code_read(folder, rel, entry):
    doc = AgentDocument.parse(text_of(folder / rel))
    problems = validate(doc)
    errors = [p for p in problems if p.severity == ERROR]
    if entry is None:
        assert errors, "Claude Code ignored this file, so the editor must report an error"
        return
    assert doc.fields.get("name") == entry["name"]
    assert doc.fields.get("description") == entry["description"]
    assert tools_summary(doc.fields) == entry["tools"]
    assert not errors, f"Claude Code loads this file, yet: {[p.message for p in errors]}"


def _strict_yaml_refuses(header: str) -> bool:
    try:
        yaml.safe_load(header)
    except yaml.YAMLError:
        return True
    return False


def test_the_fallback_is_needed_exactly_where_strict_yaml_fails():
    rescued, refused = [], []
    for path in corpus_files():
        doc = AgentDocument.parse(text_of(path))
        if doc.reading.rescued_keys:
            rescued.append(path)
        if doc.has_header and _strict_yaml_refuses(doc.header_text):
            refused.append(path)
    print(f"\n{len(rescued)} of {len(corpus_files())} corpus files needed Claude Code's quoted retry")
    assert rescued == refused
    assert rescued, "the corpus is known to hold files only the retry can read"
