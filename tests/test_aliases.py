"""YAML alias expansion bombs are refused as Claude Code refuses them, without ever expanding them.

Claude Code 2.1.328 reads headers with Bun's YAML reader, which charges every alias the
number of values it stands for against a budget of 16,777,216 per file ("Excessive
aliasing"). The editor counts the same on the composed graph, and keeps a much lower
limit of its own, past which it shows the header as text (Claude Code still reads it).
"""

from __future__ import annotations

import tracemalloc

import pytest

from agent_editor.agentfile.aliases import CLAUDE_CODE_BUDGET, EDITOR_LIMIT
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.header import COSTLY_ALIASES, REFUSED_ALIASES, read_header
from agent_editor.agentfile.validation import validate
from agent_editor.cli import main


def laughs(target: str, levels: int = 9, width: int = 9) -> str:
    """A "billion laughs": ``width ** levels`` values from a few lines, used as ``target``'s value.

    The anchors sit in an indented mapping, so Claude Code's quoted retry (which only
    quotes single-line top-level values) cannot turn them into text.
    """
    names = "abcdefghijklmnop"
    lines = ["name: bomb", "laughs:", f"  a: &a [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"  {names[level]}: &{names[level]} [{', '.join(['*' + names[level - 1]] * width)}]")
    if target == "description":
        lines.append(f"description:\n  - *{names[levels - 1]}")
    elif target == "tools":
        lines.append(f"tools:\n  - *{names[levels - 1]}\n  - Read")
    else:
        lines.append(f"{target}:\n  deep: *{names[levels - 1]}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("target", ["description", "tools", "category", "model"])
def test_a_bomb_is_refused_without_being_expanded(target):
    tracemalloc.start()
    try:
        reading = read_header(laughs(target))
        doc = AgentDocument.parse(f"---\n{laughs(target)}---\n\nBody.\n")
        problems = validate(doc)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not reading.ok and reading.kind == REFUSED_ALIASES
    assert reading.error.startswith("Claude Code ignores this file: ")
    assert f"{CLAUDE_CODE_BUDGET:,}" in reading.error
    assert reading.error_line == 1  # the key whose value stands for the most: "laughs"
    assert [(p.severity, p.code) for p in problems if p.code == REFUSED_ALIASES] == [("error", REFUSED_ALIASES)]
    assert doc.fields == {}
    assert peak < 5_000_000  # 9**9 = 387 million values would need gigabytes


def test_bombs_in_check_are_errors(tmp_path, capsys):
    for target in ("description", "tools", "other"):
        (tmp_path / f"{target}.md").write_text(f"---\n{laughs(target)}---\n\nBody.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("Claude Code ignores this file:") == 3


def test_an_anchor_reused_many_times_stays_fine():
    """150 uses of one short value: 150 values, far under any limit (Claude Code loads it too)."""
    text = "name: reuse\ndescription: &d Reviews code\nnotes: [" + ", ".join(["*d"] * 150) + "]\n"
    reading = read_header(text)
    assert reading.ok
    assert reading.fields["notes"] == ["Reviews code"] * 150


def test_anchors_reused_in_lists_and_mappings_stay_fine():
    text = ("name: shared\ndefaults: &base {model: sonnet, color: blue}\n"
            "one: *base\ntwo: *base\ntools: &t [Read, Grep]\nmore: [*t, *t, *t]\n")
    reading = read_header(text)
    assert reading.ok
    assert reading.fields["two"] == {"model": "sonnet", "color": "blue"}
    assert reading.fields["more"] == [["Read", "Grep"]] * 3


def reused_list(items: int, uses: int) -> str:
    return f"name: big\na: &a [{','.join(['x'] * items)}]\nb: [{','.join(['*a'] * uses)}]\n"


def test_the_budget_is_claude_codes_to_the_value():
    """A list of 1,023 values stands for 1,024 (the list and its items), as Bun counts.

    Used 16,384 times that is 16,777,216, exactly Bun's budget: Bun 1.4.4 reads it; one
    use more and it answers "Excessive aliasing" (both observed).
    """
    at_budget = read_header(reused_list(1023, 16384))
    over = read_header(reused_list(1023, 16385))
    assert at_budget.kind == COSTLY_ALIASES  # Claude Code reads it; the editor shows it as text
    assert "16,777,216 values" in at_budget.error
    assert over.kind == REFUSED_ALIASES


def test_costly_aliases_claude_code_reads_are_a_warning_and_shown_as_text():
    text = reused_list(1000, 100)  # 100 × 1,001 = 100,100 values
    doc = AgentDocument.parse(f"---\n{text}---\n\nBody.\n")
    assert not doc.reading.ok and doc.reading.kind == COSTLY_ALIASES
    assert "Claude Code reads this" in doc.reading.error and "100,100" in doc.reading.error
    problem = next(p for p in validate(doc) if p.code == COSTLY_ALIASES)
    assert problem.severity == "warning" and problem.line == 4  # the line of “b”
    assert EDITOR_LIMIT < 100_100


def test_a_flat_bomb_is_read_as_text_by_claude_codes_retry():
    """Written on single top-level lines, each value is quoted by Claude Code's retry: it then reads text."""
    lines = ["name: flat", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    names = "abcdefghi"
    for level in range(1, 9):
        lines.append(f"{names[level]}: &{names[level]} [{', '.join(['*' + names[level - 1]] * 9)}]")
    lines.append("description: *i")
    reading = read_header("\n".join(lines) + "\n")
    assert reading.ok
    assert reading.fields["description"] == "*i"
    assert reading.rescued_keys


def test_a_bomb_typed_into_a_yaml_field_is_not_applied(qtbot):
    from agent_editor.app.editor.form.other_keys import YamlEditor

    editor = YamlEditor()
    qtbot.addWidget(editor)
    sent: list = []
    editor.edited.connect(sent.append)
    editor.text.setPlainText(laughs("x").split("laughs:\n", 1)[1].replace("\n  ", "\n").lstrip())
    assert sent == []
    assert not editor.note.isHidden()


def test_the_form_and_the_comparison_show_a_bomb_as_a_refused_header(qtbot, tmp_path, dialogs):
    from PySide6.QtCore import QSettings

    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.dialogs import SaveChoice
    from agent_editor.app.editor.window import MainWindow
    from conftest import copy_seed

    bomb = tmp_path / "bomb.md"
    bomb.write_text(f"---\n{laughs('tools')}---\n\nBody.\n", encoding="utf-8")
    dialogs.save_choice = SaveChoice.DISCARD
    window = MainWindow(dialogs=dialogs, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_file(bomb)
    assert "Claude Code ignores this file:" in window.form.banner.text()
    assert any(p.code == REFUSED_ALIASES for p in window.problems.problems)
    compare = CompareWindow.from_paths([bomb, copy_seed(tmp_path, "001")], dialogs=dialogs)
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: compare.session.comparison is not None)
    assert "laughs" not in compare.fields.keys()  # a header Claude Code ignores has no fields to compare
    compare.close()
    window.close()
