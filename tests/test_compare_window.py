"""The compare window driven as an author would: read the differences, step through them,
carry changes across, undo, save, pick pairs among many, and stay responsive on big files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from agent_editor.compare.fields import FieldStatus
from agent_editor.compare.model import Side
from agent_editor.app.compare.window import CompareWindow
from agent_editor.app.dialogs import SaveChoice
from agent_editor.app.compare.body import align_rows
from conftest import CORPUS, FakeDialogs, changed_lines, copy_seed, seed_files


SEED = {path.name[:3]: path for path in seed_files()}


@pytest.fixture
def dialogs() -> FakeDialogs:
    fake = FakeDialogs()
    fake.save_choice = SaveChoice.DISCARD  # windows closed at teardown drop their edits
    return fake


@pytest.fixture
def open_compare(qtbot, dialogs):
    windows: list[CompareWindow] = []

    def opener(*paths: Path) -> CompareWindow:
        window = CompareWindow.from_paths(list(paths), dialogs=dialogs)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        windows.append(window)
        return window

    yield opener
    dialogs.save_choice = SaveChoice.DISCARD
    for window in windows:
        window.close()


@pytest.fixture
def pair(tmp_path, open_compare):
    """001 (A) against 003 (B), copied into a temporary folder."""
    return open_compare(copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003"))


def pane_text(window: CompareWindow, side: Side) -> list[str]:
    return window.body.panes[side].row_texts()


# ----- two variants: what differs ----------------------------------------------------------


def test_field_table_marks_what_differs(pair):
    table = pair.fields
    assert pair.windowTitle() == "Compare: 001_e8af0677f75d917f.md ↔ 003_07c591a51ef07c38.md[*] — Agent Editor"
    assert table.keys() == ["name", "description", "color", "tools", "category"]
    assert table.only_here("tools", Side.A) == ("MultiEdit",)
    assert table.only_here("tools", Side.B) == ("Glob", "supabase", "context7")
    assert table.status("category") is FieldStatus.ONLY_IN_B
    assert table.text("category", Side.A) == "not set"
    assert table.status("color") is FieldStatus.CHANGED and table.is_marked("color")
    assert (table.text("color", Side.A), table.text("color", Side.B)) == ("purple", "#6366F1")
    assert table.status("name") is FieldStatus.SAME and not table.is_marked("name")
    assert table.copy_button("name", Side.B) is None
    assert table.copy_button("color", Side.B).toolTip() == "Use A's color in B"


def test_panes_are_aligned_row_for_row_with_fillers(pair):
    comparison = pair.session.comparison
    rows, ranges = align_rows(comparison.body)
    left, right = pane_text(pair, Side.A), pane_text(pair, Side.B)
    assert len(left) == len(right) == len(rows)
    assert len(ranges) == len(comparison.changes) == 11
    fillers = 0
    for index, row in enumerate(rows):
        assert left[index] == (comparison.body.a_lines[row.a_line] if row.a_line is not None else "")
        assert right[index] == (comparison.body.b_lines[row.b_line] if row.b_line is not None else "")
        fillers += row.a_line is None or row.b_line is None
    assert fillers > 0
    # Every line of both bodies is shown once, in order.
    assert [r.a_line for r in rows if r.a_line is not None] == list(range(len(comparison.body.a_lines)))
    assert [r.b_line for r in rows if r.b_line is not None] == list(range(len(comparison.body.b_lines)))


def _row_tops(pane, rows) -> list[float]:
    """Where rows stand on screen (viewport y of each row's first line)."""
    offset = pane.contentOffset()
    return [pane.blockBoundingGeometry(pane.document().findBlockByNumber(r)).translated(offset).top() for r in rows]


def test_wrapped_by_default_and_both_sides_stay_level(qtbot, pair):
    body = pair.body
    a, b = body.panes[Side.A], body.panes[Side.B]
    assert body.wrapped and pair.wrap_action.isChecked()  # prose wraps by default
    qtbot.waitUntil(lambda: not body.levelling)
    # Long lines wrap to more screen lines on one side; the other side's row is padded.
    assert any(a.padding) and any(b.padding)
    assert len(a.row_texts()) == len(body.rows)  # padding is not text
    rows = range(len(body.rows))
    assert _row_tops(a, rows) == _row_tops(b, rows)  # level all the way down
    b.verticalScrollBar().setValue(30)
    assert a.verticalScrollBar().value() == 30
    a.scroll_to_position(60)
    assert b.top_position()[0] == a.top_position()[0] == 60
    assert _row_tops(a, range(60, 90)) == _row_tops(b, range(60, 90))
    # A narrower window wraps again, and the rows are levelled again.
    pair.resize(1000, 850)
    qtbot.waitUntil(lambda: not body.levelling)
    assert _row_tops(a, rows) == _row_tops(b, rows)
    # Unwrapped: no padding, one screen line per row, scrolled sideways together.
    pair.wrap_action.trigger()
    assert not body.wrapped and not any(a.padding) and not any(b.padding)
    b.verticalScrollBar().setValue(40)
    assert a.verticalScrollBar().value() == 40
    a.horizontalScrollBar().setValue(0)
    b.horizontalScrollBar().setValue(40)
    assert a.horizontalScrollBar().value() == 40


def test_section_notes(pair):
    notes = pair.sections.notes()
    assert "MCP Tools: only in B" in notes
    assert pair.sections.title.text() == "Sections — 9 of 9 differ"


# ----- stepping through the changes ------------------------------------------------------


def test_next_and_previous_change_move_the_highlight(pair):
    body = pair.body
    assert pair.change_label.text().strip() == "Change 1 of 11"
    assert not pair.previous_change_action.isEnabled()
    first = body.current_rows()
    assert body.panes[Side.A].current == body.panes[Side.B].current == first
    pair.next_change_action.trigger()
    pair.next_change_action.trigger()
    assert pair.change_label.text().strip() == "Change 3 of 11"
    third = body.current_rows()
    assert third[0] > first[0] and body.panes[Side.B].current == third
    pair.previous_change_action.trigger()
    assert pair.change_label.text().strip() == "Change 2 of 11"
    for _ in range(20):  # it stops at the last change
        pair.next_change_action.trigger()
    assert pair.change_label.text().strip() == "Change 11 of 11"
    assert not pair.next_change_action.isEnabled()
    assert body.next_change() is False
    last = body.current_rows()
    pane = body.panes[Side.A]
    top_row = pane.top_position()[0]
    assert top_row <= last[0] <= top_row + pane.visible_lines()  # scrolled into view


def test_clicking_a_changed_line_makes_its_change_current(pair):
    body = pair.body
    start, _end = body.change_rows[4]
    cursor = body.panes[Side.B].textCursor()
    cursor.setPosition(body.panes[Side.B].document().findBlockByNumber(start).position())
    body.panes[Side.B].setTextCursor(cursor)
    assert body.current_change == 4
    assert pair.change_label.text().strip() == "Change 5 of 11"


# ----- carrying changes across -------------------------------------------------------------


def test_copy_a_field_across_then_undo_and_redo(qtbot, pair):
    right = pair.session.right
    with qtbot.waitSignal(pair.comparison_updated):
        pair.fields.copy_button("color", Side.B).click()
    assert right.fields["color"] == "purple"
    assert pair.fields.status("color") is FieldStatus.SAME and not pair.fields.is_marked("color")
    assert pair.isWindowModified() and "unsaved" in pair.headers[Side.B].modified.text()
    assert pair.undo_action.text() == "&Undo Use A's color"
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    assert right.fields["color"] == "#6366F1"
    assert pair.fields.status("color") is FieldStatus.CHANGED
    assert not pair.isWindowModified()
    with qtbot.waitSignal(pair.comparison_updated):
        pair.redo_action.trigger()
    assert right.fields["color"] == "purple"


def test_the_unsaved_mark_sits_on_the_unsaved_side(qtbot, pair):
    a, b = "001_e8af0677f75d917f.md", "003_07c591a51ef07c38.md"
    with qtbot.waitSignal(pair.comparison_updated):
        pair.copy_field("color", Side.A)
    assert pair.windowTitle() == f"Compare: {a}[*] ↔ {b} — Agent Editor" and pair.isWindowModified()
    with qtbot.waitSignal(pair.comparison_updated):
        pair.copy_field("tools", Side.B)
    assert pair.windowTitle() == f"Compare: {a}[*] ↔ {b}* — Agent Editor"
    with qtbot.waitSignal(pair.comparison_updated):
        pair.session.left.undo_stack.undo()
    assert pair.windowTitle() == f"Compare: {a} ↔ {b}[*] — Agent Editor"


def test_copied_tools_keep_the_target_files_style(qtbot, tmp_path, open_compare):
    listed = tmp_path / "listed.md"
    listed.write_text("---\nname: listed\ndescription: Lists its tools.\ntools:\n  - Read\n  - Glob\n---\n\nBody.\n",
                      encoding="utf-8")
    window = open_compare(copy_seed(tmp_path, "001"), listed)
    with qtbot.waitSignal(window.comparison_updated):
        assert window.copy_field("tools", Side.B)
    assert window.session.right.fields["tools"] == ["Write", "Read", "MultiEdit", "Bash", "Grep"]
    assert "tools:\n  - Write\n  - Read\n" in window.session.right.document.to_text()
    assert window.fields.status("tools") is FieldStatus.SAME
    with qtbot.waitSignal(window.comparison_updated):
        window.undo_action.trigger()
    with qtbot.waitSignal(window.comparison_updated):
        assert window.copy_field("tools", Side.A)
    assert window.session.left.fields["tools"] == "Read, Glob"


def test_copying_an_absent_field_removes_it(qtbot, pair):
    with qtbot.waitSignal(pair.comparison_updated):
        assert pair.copy_field("category", Side.B)
    assert "category" not in pair.session.right.fields
    assert "category" not in pair.fields.keys()


def test_copy_a_section_across(qtbot, pair):
    left = pair.session.left
    before = left.body
    match = pair.sections.choose("MCP Tools")
    assert match is not None and pair.sections.copy_into_a.isEnabled()
    assert not pair.sections.copy_into_b.isEnabled()  # A has no such section to give
    with qtbot.waitSignal(pair.comparison_updated):
        pair.sections.copy_into_a.click()
    assert "## MCP Tools" in left.body
    assert "MCP Tools: only in B" not in pair.sections.notes()
    assert left.undo_stack.count() == 1
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    assert left.body == before


def test_a_copied_section_lands_where_it_stands_in_the_source(qtbot, tmp_path, open_compare):
    # 000 and 002 share "Purpose"; in 002 it holds every other section.
    window = open_compare(copy_seed(tmp_path, "000"), copy_seed(tmp_path, "002"))
    right = window.session.right
    assert window.sections.choose("Core Philosophy") is not None
    with qtbot.waitSignal(window.comparison_updated):
        window.sections.copy_into_b.click()
    headings = [line for line in right.body.split("\n") if line.startswith("#")]
    assert headings[:3] == ["# Purpose", "## Core Philosophy", "## Core Methodology"]
    assert "Core Philosophy: only in A" not in window.sections.notes()


def test_undo_keeps_the_view_and_the_change_where_they_were(qtbot, pair):
    body = pair.body
    qtbot.waitUntil(lambda: not body.levelling)
    for _ in range(5):
        pair.next_change_action.trigger()
    assert pair.change_label.text().strip() == "Change 6 of 11"
    pane = body.panes[Side.A]
    top, rows = pane.top_position(), body.current_rows()
    with qtbot.waitSignal(pair.comparison_updated):
        pair.take_into_b_action.trigger()
    # The change is gone; the next one takes its place, and the view has not moved.
    assert pair.change_label.text().strip() == "Change 6 of 10"
    assert pane.top_position() == top
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    # Undo brings the change back as the current one, where it was.
    assert pair.change_label.text().strip() == "Change 6 of 11"
    assert body.current_rows() == rows and pane.top_position() == top
    with qtbot.waitSignal(pair.comparison_updated):
        pair.redo_action.trigger()
    assert pair.change_label.text().strip() == "Change 6 of 10" and pane.top_position() == top
    # Undone from the variant's own button after scrolling away: the restored change is
    # current and brought into view.
    pane.scroll_to_position(0)
    with qtbot.waitSignal(pair.comparison_updated):
        pair.headers[Side.B].undo_button.click()
    assert pair.change_label.text().strip() == "Change 6 of 11"
    first, last = body.current_rows()
    visible_top = pane.top_position()[0]
    assert visible_top <= first and pane.row_rect(first, last - 1).top() < pane.viewport().height()


def test_take_the_current_change_across_one_step_each(qtbot, pair):
    left, right = pair.session.left, pair.session.right
    original = right.body
    count = pair.body.change_count
    first = pair.session.comparison.changes[0]
    with qtbot.waitSignal(pair.comparison_updated):
        pair.take_into_b_action.trigger()
    lines = right.body.split("\n")
    assert lines[first.b_start:first.b_start + len(first.a_lines)] == list(first.a_lines)
    assert pair.body.change_count == count - 1
    assert pair.body.current_change == 0  # the next change takes its place
    # A second change taken at once is a second undo step, not merged into the first.
    with qtbot.waitSignal(pair.comparison_updated):
        pair.take_into_b_action.trigger()
    assert right.undo_stack.count() == 2
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    assert right.body == original
    assert left.undo_stack.count() == 0
    # The other way round: A takes B's lines.
    pair.body.go_to_change(0)
    with qtbot.waitSignal(pair.comparison_updated):
        assert pair.take_change(Side.A)
    assert left.body.split("\n")[first.a_start:first.a_start + len(first.b_lines)] == list(first.b_lines)


# ----- saving and closing ---------------------------------------------------------------------


def test_save_writes_only_the_changed_line(qtbot, pair):
    right_path, left_path = pair.session.right.path, pair.session.left.path
    right_before, left_before = right_path.read_bytes(), left_path.read_bytes()
    with qtbot.waitSignal(pair.comparison_updated):
        pair.copy_field("color", Side.B)
    assert pair.save_all_action.isEnabled()
    pair.save_all_action.trigger()
    assert changed_lines(right_before, right_path.read_bytes()) == [([b'color: "#6366F1"\n'], [b'color: "purple"\n'])]
    assert left_path.read_bytes() == left_before
    assert not pair.isWindowModified() and not pair.save_all_action.isEnabled()
    assert not pair.headers[Side.B].modified.isVisible()
    assert not pair.dialogs.calls


def test_a_refused_save_is_shown_and_writes_nothing(qtbot, tmp_path, open_compare, dialogs):
    nameless = tmp_path / "nameless.md"
    nameless.write_text("---\ndescription: An agent without a name.\n---\n\nBody.\n", encoding="utf-8")
    window = open_compare(nameless, copy_seed(tmp_path, "003"))
    target = window.session.right.path
    before = target.read_bytes()
    with qtbot.waitSignal(window.comparison_updated):
        assert window.copy_field("name", Side.B)  # B loses its name, as A has none
    assert window.save_variant(1) is False  # "Save anyway?" answered "Cancel"
    [(_, name, reason)] = dialogs.asked("ask_save_anyway")
    assert name == target.name and "name" in reason
    assert target.read_bytes() == before


def test_closing_asks_about_each_modified_variant(qtbot, pair, dialogs):
    with qtbot.waitSignal(pair.comparison_updated):
        pair.copy_field("color", Side.B)
    dialogs.save_choice = SaveChoice.CANCEL
    assert not pair.close()
    assert dialogs.asked("ask_save_changes") == [("ask_save_changes", "003_07c591a51ef07c38.md")]
    assert pair.isVisible()
    dialogs.save_choice = SaveChoice.SAVE
    assert pair.close()
    assert pair.session.right.path.read_text(encoding="utf-8").count('color: "purple"') == 1


# ----- many variants ----------------------------------------------------------------------------


def test_overview_of_five_seeds_and_picking_a_pair(qtbot, tmp_path, open_compare):
    paths = [copy_seed(tmp_path, prefix) for prefix in sorted(SEED)]
    window = open_compare(*paths)
    view = window.overview
    assert window.tabs.count() == 2 and window.tabs.currentWidget() is view
    assert view.fields.columnCount() == 6  # the field, then one column per variant
    assert [view.fields.horizontalHeaderItem(c).text() for c in range(1, 6)] == [p.name for p in paths]
    model_row = [view.fields.item(r, 0).text() for r in range(view.fields.rowCount())].index("model")
    assert view.fields.item(model_row, 1).text() == "opus"
    assert view.fields.item(model_row, 5).text() == "sonnet"
    assert view.fields.item(model_row, 5).data(0x0100) is True  # differs from the first: tinted
    matrix = view.similarity
    assert matrix.rowCount() == matrix.columnCount() == 5
    values = [[matrix.item(i, j).data(0x0100) for j in range(5)] for i in range(5)]
    for i in range(5):
        assert values[i][i] == 1.0
        for j in range(5):
            assert values[i][j] == values[j][i] and 0.0 <= values[i][j] <= 1.0
    # The overview's toolbar and status line speak of all five, in the table's units.
    assert window.change_label.text().strip() == "Overview of 5 variants"
    assert not window.take_into_b_action.isVisible() and not window.next_change_action.isVisible()
    shares = [values[i][j] for i in range(5) for j in range(i + 1, 5)]
    assert matrix.item(0, 1).text() == f"{values[0][1]:.0%}"
    assert f"Body similarity {min(shares):.0%} to {max(shares):.0%}" in window.summary.text()
    assert window.summary.text().startswith("5 variants")
    tools = [view.tools.verticalHeaderItem(r).text() for r in range(view.tools.rowCount())]
    assert tools[0] == "every tool" and "MultiEdit" in tools and "context7" in tools
    # Double-clicking a similarity cell opens that pair side by side.
    with qtbot.waitSignal(window.comparison_updated):
        matrix.cellDoubleClicked.emit(1, 3)
    assert window.session.pair == (1, 3)
    assert window.tabs.currentWidget() is window.pair_page
    assert window.take_into_b_action.isVisible() and window.change_label.text().strip().startswith("Change 1 of")
    assert window.summary.text().startswith(f"Body similarity {values[1][3]:.0%}")
    assert window.fields.only_here("tools", Side.A) == ("MultiEdit",)
    assert window.fields.horizontalHeaderItem(1).text() == "B · 001_e8af0677f75d917f.md"
    assert window.windowTitle().startswith("Compare: 001_e8af0677f75d917f.md ↔ 003_07c591a51ef07c38.md (of 5)")
    # So do the two combo boxes.
    view.first_combo.setCurrentIndex(0)
    view.second_combo.setCurrentIndex(4)
    with qtbot.waitSignal(window.comparison_updated):
        view.compare_button.click()
    assert window.session.pair == (0, 4)
    assert window.take_into_b_action.text() == "Use A's Value in E"
    assert window.take_into_b_action.iconText() == "Use A's value in E"
    # A change carried across in the pair shows in the overview too.
    with qtbot.waitSignal(window.overview_updated):
        window.copy_field("model", Side.B)
    assert view.fields.item(model_row, 5).text() == "opus"


# ----- large files ------------------------------------------------------------------------------


def _large_pair(folder: Path) -> tuple[Path, Path]:
    """About 64 KB of body each, the second with about 5% of its lines edited."""
    corpus = sorted(CORPUS.rglob("*.md"), key=lambda p: p.stat().st_size, reverse=True) if CORPUS.is_dir() else []
    if corpus:
        text = corpus[0].read_text(encoding="utf-8")
    else:
        seed = SEED["000"].read_text(encoding="utf-8")
        head, body = seed.split("\n---\n", 1)
        text = head + "\n---\n" + "\n".join(f"{line} [{k}]" if line.strip() else line
                                            for k in range(12) for line in body.split("\n"))
    first = folder / "large-a.md"
    first.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    rng = random.Random(7)
    for index in rng.sample(range(20, len(lines)), len(lines) // 20):
        lines[index] = lines[index] + " (edited)"
    second = folder / "large-b.md"
    second.write_text("\n".join(lines), encoding="utf-8")
    return first, second


def test_a_large_pair_compares_in_the_background(qtbot, tmp_path, open_compare):
    first, second = _large_pair(tmp_path)
    assert len(first.read_bytes()) > 60_000
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    window = open_compare(first, second)
    assert window.session.comparison is None and window.session.is_busy
    assert window.busy.isVisible()
    with qtbot.waitSignal(window.comparison_updated, timeout=20000):
        pass
    timer.stop()
    assert len(ticks) >= 3  # the event loop kept running while it compared
    qtbot.waitUntil(lambda: not window.busy.isVisible())
    assert window.body.change_count > 10

    # Two requests in a row: the first one's result is out of date when it arrives and is dropped.
    shown = []
    window.session.comparison_updated.connect(shown.append)
    right = window.session.right
    window.session.refresh()
    right.set_body(right.body + "\nA closing line.")
    window.session.refresh()
    with qtbot.waitSignal(window.comparison_updated, timeout=20000):
        pass
    qtbot.wait(50)
    assert len(shown) == 1
    assert shown[0].body.b_lines[-1] == "A closing line."
    assert window.session.is_current and not window.session.is_busy


# ----- from the editor window -------------------------------------------------------------------


def test_main_window_opens_the_compare_view(qtbot, tmp_path, dialogs):
    from agent_editor.app.editor.window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(main)
    action = next(a for m in main.menuBar().actions() for a in m.menu().actions() if a.text() == "&Compare Variants…")
    # With fewer than two agents chosen it first says how to choose them; Cancel stops there.
    dialogs.choose_variant_files = False
    action.trigger()
    assert dialogs.asked("ask_choose_variants") == [("ask_choose_variants", False, 0)]
    assert not dialogs.asked("ask_open_paths")
    dialogs.choose_variant_files = True
    dialogs.open_answer = [copy_seed(tmp_path, "000")]
    action.trigger()
    assert dialogs.asked("show_error") and not main.findChildren(CompareWindow)
    dialogs.open_answer = [copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")]
    action.trigger()
    [window] = main.findChildren(CompareWindow)
    assert [d.display_name for d in window.session.documents] == ["001_e8af0677f75d917f.md", "003_07c591a51ef07c38.md"]
    assert window.isVisible() and window.isWindow()
    window.close()


def test_copying_from_the_keyboard_keeps_focus_in_the_table_and_undo_on_that_variant(qtbot, pair):
    """The focused copy button goes when its row becomes the same: the focus moves to the next
    row's button, not to a body pane (which would make Undo act on the pane's variant)."""
    qtbot.waitExposed(pair)
    pair.activateWindow()
    pair.body.panes[Side.B].setFocus()  # Undo follows B for now
    qtbot.waitUntil(lambda: pair.undo_group.activeStack() is pair.session.right.undo_stack)
    keys = [key for key in pair.fields.keys() if pair.fields.copy_button(key, Side.A) is not None]
    assert len(keys) >= 2
    first = pair.fields.copy_button(keys[0], Side.A)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    with qtbot.waitSignal(pair.comparison_updated):
        qtbot.keyClick(first, Qt.Key.Key_Space)
    focused = QApplication.focusWidget()
    assert focused is pair.fields.copy_button(keys[1], Side.A)
    assert pair.undo_group.activeStack() is pair.session.left.undo_stack
    assert pair.undo_action.text().startswith("&Undo Use B's")
    with qtbot.waitSignal(pair.comparison_updated):
        pair.undo_action.trigger()
    assert pair.fields.copy_button(keys[0], Side.A) is not None  # undone in A, where it was copied
