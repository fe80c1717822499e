"""Huge inputs stay bounded work: the highlighter colours only the start of a block of megabytes."""

from __future__ import annotations

import pytest
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


def test_a_header_of_many_keys_builds_rows_for_the_first_ones_and_a_table_for_the_rest(qtbot, tmp_path, dialogs):
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
    qtbot.waitUntil(lambda: len([key for key in form.rows if key.startswith("key")]) == OTHER_ROWS_SHOWN)
    table = form.more_table
    assert not table.isHidden() and table.model.keys == [f"key{i}" for i in range(OTHER_ROWS_SHOWN, 400)]
    assert "350" in table.title.text()
    assert form.focus_field("key399")  # a problem or a search leads to one past the rows: its table row
    assert table.view.currentIndex().row() == 349
    assert table.model.data(table.view.currentIndex()) == "value 399"
    assert len([key for key in form.rows if key.startswith("key")]) == OTHER_ROWS_SHOWN  # no more widgets


@pytest.fixture
def window(main_window):
    return main_window


def test_other_keys_rows_come_a_slice_at_a_time_the_rest_in_a_table_and_edits_save(qtbot, window, tmp_path):
    from agent_editor.app.editor.form.header_form import OTHER_ROWS_AT_ONCE, OTHER_ROWS_SHOWN

    path = tmp_path / "many.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(400))
    path.write_text(f"---\nname: many\ndescription: d\n{keys}---\n\nBody.\n", encoding="utf-8")
    original = path.read_bytes()
    assert window.open_file(path)
    form = window.form

    def others() -> list[str]:
        return [key for key in form.rows if key.startswith("key")]

    assert others() == [f"key{i}" for i in range(OTHER_ROWS_AT_ONCE)]  # the first ones at once, in order
    with qtbot.waitSignal(form.rows_built):
        pass
    assert others() == [f"key{i}" for i in range(OTHER_ROWS_SHOWN)]
    assert form.rows["key49"].editor.line.text() == "value 49"
    assert form.rows["key49"].problem_box.count() == 1  # its note ("Claude Code does not use") came with it
    table = form.more_table
    index = table.model.index(table.model.keys.index("key399"), 1)
    assert table.model.setData(index, "changed")  # as the table's editor sets it
    assert table.model.data(index) == "changed"  # the document took it, and the table shows it
    remove = table.model.index(table.model.keys.index("key398"), 0)
    table.view.selectionModel().select(remove, table.view.selectionModel().SelectionFlag.Select
                                       | table.view.selectionModel().SelectionFlag.Rows)
    table.remove_button.click()
    assert "key398" not in window.current.fields and "key398" not in table.model.keys
    assert window.save()
    assert path.read_bytes() == original.replace(b"key398: value 398\n", b"").replace(b"key399: value 399",
                                                                                     b"key399: changed")


def test_a_large_file_is_read_in_a_worker_and_shown_and_saved_byte_for_byte(qtbot, window, tmp_path):
    from agent_editor.app import open_document

    path = tmp_path / "large.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(3000))
    path.write_bytes(f"---\r\nname: large\r\ndescription: d\r\n{keys}---\r\n\r\nBody.\r\n".encode())
    assert path.stat().st_size > open_document._READ_IN_WORKER_BYTES
    original = path.read_bytes()
    assert window.open_file(path)
    assert window.current.fields["key2999"] == "value 2999"
    assert sum(p.code == "key-extra" for p in window.current.problems) == 3000
    window.form.rows["name"].editor.line.setText("larger")
    window.form.rows["name"].editor.line.textEdited.emit("larger")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: large", b"name: larger")


def test_work_done_while_painting_gives_back_its_result_or_its_error(qtbot):
    from agent_editor.agentfile.fileio import DocumentError
    from agent_editor.app.painting import while_painting

    assert while_painting(lambda: sum(range(1000))) == 499500

    def fails():
        raise DocumentError("cannot be read")

    with pytest.raises(DocumentError, match="cannot be read"):
        while_painting(fails)


def test_the_problems_list_shows_the_first_problems_and_counts_the_rest(qtbot):
    from agent_editor.agentfile.problem import INFO, WARNING, Problem
    from agent_editor.app.editor.problems import ROWS_LISTED, ProblemsPanel

    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    problems = [Problem(WARNING, "first", field="tols")] + [Problem(INFO, f"note {i}", field=f"k{i}")
                                                             for i in range(ROWS_LISTED + 40)]
    panel.show_problems(problems)
    tree = panel.tree
    assert tree.topLevelItemCount() == ROWS_LISTED + 1
    assert "41 more" in tree.topLevelItem(ROWS_LISTED).text(2)
    assert f"{ROWS_LISTED + 40} notes" in panel.summary.text()  # the summary counts every one
    activated = []
    panel.problem_activated.connect(activated.append)
    tree.itemActivated.emit(tree.topLevelItem(ROWS_LISTED), 0)  # the "more" line goes nowhere
    tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert activated == [problems[0]]


def test_the_misspelling_guess_filters_candidates_exactly_as_difflib_would():
    import difflib
    import random
    import string

    from agent_editor.agentfile import validation
    from agent_editor.agentfile.schema import load_schema

    known = tuple(rule.key for rule in load_schema().fields)
    rng = random.Random(7)
    words = []
    for key in known:
        for _ in range(200):
            letters = list(key)
            for _ in range(rng.randint(0, 4)):
                at = rng.randrange(len(letters) + 1)
                roll = rng.random()
                if roll < 0.33 and letters:
                    letters.pop(min(at, len(letters) - 1))
                elif roll < 0.66:
                    letters.insert(at, rng.choice(string.ascii_letters + "_-"))
                elif letters:
                    letters[min(at, len(letters) - 1)] = rng.choice(string.ascii_letters)
            words.append("".join(letters))
    words += ["".join(rng.choice("abcdeilmnorstuy_") for _ in range(rng.randint(1, 16))) for _ in range(2000)]
    guessed = 0
    for word in words:
        expected = difflib.get_close_matches(word, known, n=1, cutoff=0.8)
        assert validation._close_known.__wrapped__(word, known) == (expected[0] if expected else None), word
        guessed += bool(expected)
    assert guessed > 1000  # the words tried include many real near misses


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


def test_the_table_of_more_settings_reads_an_edit_as_the_rows_do(qtbot, window, tmp_path):
    from agent_editor.app.editor.form.header_form import OTHER_ROWS_SHOWN

    path = tmp_path / "typed.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(OTHER_ROWS_SHOWN))
    path.write_text(f"---\nname: typed\ndescription: d\n{keys}count: 5\nlist: [a, b]\nnote: 'x: y'\n---\n\nBody.\n",
                    encoding="utf-8")
    assert window.open_file(path)
    model = window.form.more_table.model
    assert model.keys == ["count", "list", "note"]
    shown = {key: model.data(model.index(row, 1)) for row, key in enumerate(model.keys)}
    assert shown == {"count": "5", "list": "[a, b]", "note": "x: y"}
    assert model.setData(model.index(0, 1), "7")
    assert window.current.fields["count"] == 7  # a number stays a number
    assert model.setData(model.index(1, 1), "[a, c]")
    assert window.current.fields["list"] == ["a", "c"]  # a list written as YAML stays a list
    assert model.setData(model.index(2, 1), "[not a list]")
    assert window.current.fields["note"] == "[not a list]"  # text stays text
    assert window.form.focus_field("note") and window.form.more_table.view.hasFocus() or \
        window.form.more_table.view.currentIndex().row() == 2


def test_a_value_of_thousands_of_items_is_shown_in_part_read_only_and_kept(qtbot, window, tmp_path):
    from agent_editor.app.editor.body_editor import exact_text
    from agent_editor.app.editor.form.other_keys import ITEMS_SHOWN

    items = [f"item{i}" for i in range(ITEMS_SHOWN + 500)]
    path = tmp_path / "items.md"
    path.write_text(f"---\nname: items\ndescription: d\nlisty: [{', '.join(items)}]\nsmall: [a, b]\n---\n\nBody.\n",
                    encoding="utf-8")
    original = path.read_bytes()
    assert window.open_file(path)
    editor = window.form.rows["listy"].editor
    assert editor.text.isReadOnly() and not editor.note.isHidden()
    shown = exact_text(editor.text)
    assert shown.startswith("- item0\n- item1\n") and shown.endswith("…") and "item100" not in shown
    editor.text.setPlainText("- typed")  # sends nothing: only part of the value is shown
    assert window.current.fields["listy"] == items and not window.current.is_modified
    small = window.form.rows["small"].editor
    assert not small.text.isReadOnly() and exact_text(small.text) == "- a\n- b"
    window.form.rows["name"].editor.line.setText("items-x")
    window.form.rows["name"].editor.line.textEdited.emit("items-x")
    assert window.save()
    assert path.read_bytes() == original.replace(b"name: items\n", b"name: items-x\n")


def test_the_table_of_more_settings_goes_with_its_file(qtbot, window, tmp_path):
    from conftest import copy_seed

    from agent_editor.app.editor.form.header_form import OTHER_ROWS_SHOWN

    path = tmp_path / "many.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(OTHER_ROWS_SHOWN + 5))
    path.write_text(f"---\nname: many\ndescription: d\n{keys}---\n\nBody.\n", encoding="utf-8")
    assert window.open_file(path)
    assert window.form.more_table.model.keys == [f"key{i}" for i in range(OTHER_ROWS_SHOWN, OTHER_ROWS_SHOWN + 5)]
    assert window.open_file(copy_seed(tmp_path, "000"))
    assert window.form.more_table.isHidden() and window.form.more_table.model.keys == []
    assert window.open_file(path)
    assert not window.form.more_table.isHidden()
    window.close_document()
    assert window.form.more_table.isHidden() and window.form.more_table.model.keys == []


# ----- editing a header of thousands of keys ------------------------------------------------

def _many_keys(tmp_path, count: int = 3000):
    from agent_editor.app.open_document import OpenDocument

    path = tmp_path / "many.md"
    keys = "".join(f"key{i}: value {i}\n" for i in range(count))
    path.write_bytes(f"---\nname: many\ndescription: Reviews code\n{keys}---\n\nBody.\n".encode())
    return OpenDocument.open(path), path


def test_an_edit_of_a_header_of_thousands_of_keys_is_tried_in_a_worker_and_undoes(qtbot, tmp_path, monkeypatch):
    import agent_editor.app.open_document as open_document

    doc, path = _many_keys(tmp_path)
    original = path.read_text(encoding="utf-8")
    used = []
    real = open_document.while_painting
    monkeypatch.setattr(open_document, "while_painting", lambda work: (used.append(work), real(work))[1])
    with qtbot.waitSignal(doc.problems_changed, timeout=5000):
        doc.set_field("name", "Not A Valid Name")  # the check after it runs in the worker too
    assert len(used) == 2
    assert doc.fields["name"] == "Not A Valid Name"
    assert doc.document.to_text() == original.replace("name: many\n", "name: Not A Valid Name\n")
    assert any(p.field == "name" for p in doc.problems)
    doc.undo_stack.undo()
    assert doc.document.to_text() == original


def test_an_edit_made_while_another_is_tried_in_the_worker_is_kept(qtbot, tmp_path, monkeypatch):
    """A timer may change the document while the window paints during a long edit: the long
    edit is then tried again on the changed document, so neither change is lost."""
    import agent_editor.app.open_document as open_document

    doc, _path = _many_keys(tmp_path)
    real = open_document.while_painting
    meanwhile = []

    def painting(work):
        if not meanwhile:
            meanwhile.append(True)
            doc.set_field("key2", "set meanwhile")  # as a timer's edit would land
        return real(work)

    monkeypatch.setattr(open_document, "while_painting", painting)
    doc.set_field("key9", "the long edit")
    assert doc.fields["key2"] == "set meanwhile"
    assert doc.fields["key9"] == "the long edit"
    assert doc.undo_stack.count() == 2


def test_a_check_of_a_document_changed_meanwhile_is_dropped(qtbot, tmp_path, monkeypatch):
    import agent_editor.app.open_document as open_document
    from agent_editor.agentfile.validation import validate

    doc, _path = _many_keys(tmp_path)
    real = open_document.while_painting
    edited = []

    def painting(work):
        result = real(work)
        if not edited:  # the check is under way when the document changes
            edited.append(True)
            doc.set_field("name", "Not A Valid Name")
        return result

    doc.set_field("key1", "first")  # its check waits on the timer
    monkeypatch.setattr(open_document, "while_painting", painting)
    shown = []
    doc.problems_changed.connect(shown.append)
    with qtbot.waitSignal(doc.problems_changed, timeout=5000,
                          check_params_cb=lambda problems: any(p.field == "name" for p in problems)):
        pass
    assert edited
    assert all(any(p.field == "name" for p in problems) for problems in shown)  # none from before the change
    assert doc.problems == validate(doc.document)


def test_a_large_file_changed_on_disk_is_read_again_in_a_worker(qtbot, tmp_path, monkeypatch):
    import agent_editor.app.open_document as open_document

    doc, path = _many_keys(tmp_path)
    used = []
    real = open_document.while_painting
    monkeypatch.setattr(open_document, "while_painting", lambda work: (used.append(work), real(work))[1])
    changed = path.read_text(encoding="utf-8").replace("key5: value 5\n", "key5: from another program\n")
    path.write_text(changed, encoding="utf-8")
    doc.reload()
    assert used
    assert doc.fields["key5"] == "from another program"
    assert doc.document.to_text() == changed and not doc.is_modified
    doc.undo_stack.undo()  # the reload is one step back, as for a small file
    assert doc.fields["key5"] == "value 5"
