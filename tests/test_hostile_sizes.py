"""Huge inputs stay bounded work: the highlighter colours only the start of a block of megabytes."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from agent_editor.app.editor.highlighter import INLINE_LIMIT, MarkdownHighlighter


def test_the_highlighter_looks_at_the_start_of_a_huge_line_only(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document(), dark=False)
    line = "**bold** " + "word *x* " * 50_000 + "**late**"
    editor.setPlainText(line)
    formats = editor.document().firstBlock().layout().formats()
    starts = sorted(r.start for r in formats)
    assert starts[0] == 0  # the first bold is coloured
    assert starts[-1] < INLINE_LIMIT < len(line)  # nothing past the limit: the late bold is not looked for
    editor.setPlainText("**bold** and `code` and [a link](https://example.com)")
    assert len(editor.document().firstBlock().layout().formats()) >= 4  # ordinary lines are coloured as before


def test_a_header_of_many_keys_builds_rows_for_the_first_ones_until_asked(qtbot, tmp_path, dialogs):
    from PySide6.QtCore import QSettings

    from agent_editor.app.editor.form.header_form import OTHER_ROWS_SHOWN
    from agent_editor.app.editor.window import MainWindow

    path = tmp_path / "many.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(400))
    path.write_text(f"---\nname: many\ndescription: d\n{keys}---\n\nBody.\n", encoding="utf-8")
    window = MainWindow(dialogs=dialogs, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_file(path)
    form = window.form
    others = [key for key in form.rows if key.startswith("key")]
    assert len(others) == OTHER_ROWS_SHOWN
    assert not form.more_others.isHidden() and "400" in form.more_others.text()
    assert form.focus_field("key399")  # a problem or a search leads to one not built yet: all are built
    assert len([key for key in form.rows if key.startswith("key")]) == 400
    assert form.more_others.isHidden()
    assert form.rows["key399"].editor.line.text() == "value 399"


def test_keys_sharing_a_line_found_in_one_pass_agree_with_every_pair():
    import random
    from types import SimpleNamespace

    from agent_editor.agentfile import validation

    rng = random.Random(3)
    for _ in range(300):
        spans = []
        for index in range(rng.randint(0, 8)):
            first = rng.randint(0, 10)
            spans.append(SimpleNamespace(key=f"k{index}", first=first, last=first + rng.choice([0, 0, 0, 1, 3])))
        doc = SimpleNamespace(reading=SimpleNamespace(spans=spans))
        every_pair = {a.key for a in spans for b in spans if a is not b and a.first <= b.last and b.first <= a.last}
        assert validation._keys_sharing_a_line(doc) == every_pair


def test_check_of_10000_keys_reads_each_key_once():
    from agent_editor.agentfile.document import AgentDocument
    from agent_editor.agentfile.validation import validate

    keys = "".join(f"key{i}: value {i}\n" for i in range(10_000))
    doc = AgentDocument.parse(f"---\nname: many\ndescription: d\n{keys}---\n\nBody.\n")
    problems = validate(doc)
    assert sum(p.code == "key-extra" for p in problems) == 10_000
    assert doc.field_line("key9999") == 10_003
