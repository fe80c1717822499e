"""Three or more variants at a glance: fields, tools, sections and how alike the bodies are.

``OverviewView`` shows an ``Overview``: one column per variant in each table (header
fields with the values that differ from the first variant tinted; a row per tool with
a tick where the variant grants it; a row per section with a tick, or the variant's
own title where it renamed it) and the pairwise body similarity as a shaded matrix.
Double-clicking a similarity cell, or choosing two variants and "Compare These Two",
asks for that pair side by side (``pair_chosen``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_editor.app.access.names import name
from agent_editor.compare.fields import format_value, same_value, tool_set, TOOL_SET_KEYS
from agent_editor.compare.overview import Overview
from agent_editor.look.contrast import contrast, mix, readable
from agent_editor.app.compare.style import (
    HTML_ROLE,
    RichTextDelegate,
    colour_dot,
    colours,
    e,
    letter_icon,
    muted,
    variant_tag,
)
from agent_editor.app.plain_text import tip as plain_tip

# Long values (descriptions) are cut to this many characters in the overview; the
# side-by-side view shows them whole.
VALUE_PREVIEW_CHARS = 260


@dataclass(frozen=True)
class VariantLabel:
    """How a variant is named on screen."""

    letter: str
    file_name: str
    agent_name: str


class _GridTable(QTableWidget):
    """A read-only table as tall as its rows (the overview page scrolls, not the table)."""

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent, objectName=object_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Reached by Tab and read cell by cell with the arrow keys; Tab then moves on.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit_height(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        scroll = self.horizontalScrollBar()
        extra = scroll.sizeHint().height() if scroll.isVisible() else 0
        self.setFixedHeight(height + 2 * self.frameWidth() + extra)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_height()


class OverviewView(QScrollArea):
    pair_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="overview")
        self.setWidgetResizable(True)
        page = QWidget(objectName="overviewPage")
        self.setWidget(page)
        grid = QGridLayout(page)
        grid.setContentsMargins(16, 14, 16, 16)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self._labels: list[VariantLabel] = []

        self.variants = QLabel(objectName="overviewVariants")
        self.variants.setTextFormat(Qt.TextFormat.RichText)
        self.variants.setWordWrap(True)
        picker = QHBoxLayout()
        picker.setSpacing(8)
        self.first_combo, self.second_combo = QComboBox(), QComboBox()
        self.compare_button = QPushButton("Compare These Two", objectName="comparePair")
        self.compare_button.setDefault(True)
        name(self, self.tr("Overview"), self.tr("Every variant at once: fields, tools, sections and similarity"))
        name(self.first_combo, self.tr("First variant to compare"))
        name(self.second_combo, self.tr("Second variant to compare"))
        name(self.compare_button, self.tr("Compare these two side by side"))
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        picker.addWidget(QLabel("Side by side:"))
        picker.addWidget(self.first_combo)
        picker.addWidget(QLabel("↔"))
        picker.addWidget(self.second_combo)
        picker.addWidget(self.compare_button)
        picker.addStretch(1)
        grid.addWidget(self.variants, 0, 0, 1, 3)
        grid.addLayout(picker, 1, 0, 1, 3)

        self.fields = _GridTable("overviewFields")
        self.fields.setItemDelegate(RichTextDelegate(self.fields, max_lines=6))
        self.tools = _GridTable("overviewTools")
        self.sections = _GridTable("overviewSections")
        self.sections.setItemDelegate(RichTextDelegate(self.sections))
        self.similarity = _GridTable("similarityMatrix")
        self.similarity.cellDoubleClicked.connect(self._on_similarity_cell_double_clicked)
        self.similarity.setToolTip("Double-click a cell to compare those two side by side")
        self.fields_note = QLabel(objectName="overviewNote", wordWrap=True)
        self.tools_note = QLabel(objectName="overviewNote", wordWrap=True)
        self.sections_note = QLabel(objectName="overviewNote", wordWrap=True)
        self.similarity_note = QLabel("How much of each pair's body text is the same (100% = identical). "
                                      "Double-click a cell to open that pair.", objectName="overviewNote",
                                      wordWrap=True)
        grid.addWidget(self._card("Header fields", self.fields_note, self.fields), 2, 0, 1, 3)
        grid.addWidget(self._card("Body similarity", self.similarity_note, self.similarity), 3, 0)
        grid.addWidget(self._card("Tools", self.tools_note, self.tools), 3, 1)
        grid.addWidget(self._card("Sections", self.sections_note, self.sections), 3, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 4)
        grid.setRowStretch(4, 1)
        for column in range(3):
            grid.itemAtPosition(3, column).setAlignment(Qt.AlignmentFlag.AlignTop)

    @staticmethod
    def _card(title: str, note: QLabel, table: QTableWidget) -> QWidget:
        card = QFrame(objectName="overviewCard")
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 10, 12, 12)
        box.setSpacing(6)
        box.addWidget(QLabel(title, objectName="overviewTitle"))
        box.addWidget(note)
        name(table, title, note.text())
        box.addWidget(table)
        return card

    # ----- showing --------------------------------------------------------------------

    def set_variants(self, labels: Sequence[VariantLabel]) -> None:
        self._labels = list(labels)
        items = []
        for index, label in enumerate(labels):
            agent = f" — <b>{e(label.agent_name)}</b>" if label.agent_name else ""
            items.append(f"{variant_tag(label.letter, index)}&nbsp; {e(label.file_name)}{agent}")
        self.variants.setText(f'<span style="font-size:large; font-weight:600">{len(labels)} variants</span>'
                              f"<br>{'<br>'.join(items)}")
        for combo, chosen in ((self.first_combo, 0), (self.second_combo, 1)):
            combo.clear()
            for index, label in enumerate(labels):
                combo.addItem(letter_icon(label.letter, index), f"{label.letter}  {label.file_name}")
            combo.setCurrentIndex(chosen)

    def set_pair(self, first: int, second: int) -> None:
        self.first_combo.setCurrentIndex(first)
        self.second_combo.setCurrentIndex(second)

    def show_overview(self, overview: Overview) -> None:
        self._show_fields(overview)
        self._show_tools(overview)
        self._show_sections(overview)
        self._show_similarity(overview)

    def _column_heads(self, table: QTableWidget, first: str | None, short: bool) -> None:
        columns = len(self._labels) + (1 if first is not None else 0)
        table.setColumnCount(columns)
        offset = 0
        if first is not None:
            table.setHorizontalHeaderItem(0, QTableWidgetItem(first))
            offset = 1
        for index, label in enumerate(self._labels):
            item = QTableWidgetItem(letter_icon(label.letter, index), "" if short else label.file_name)
            agent = f" — {label.agent_name}" if label.agent_name else ""
            item.setToolTip(plain_tip(f"{label.letter}: {label.file_name}{agent}"))
            table.setHorizontalHeaderItem(index + offset, item)

    def _show_fields(self, overview: Overview) -> None:
        table = self.fields
        table.clear()
        self._column_heads(table, "Field", short=False)
        table.setRowCount(len(overview.fields))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(0, 120)
        for column in range(1, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        differing = 0
        for row, field in enumerate(overview.fields):
            differing += not field.uniform
            key_item = QTableWidgetItem(field.key)
            key_item.setData(HTML_ROLE, f"<b>{e(field.key)}</b>" + (
                "" if field.uniform else f'<br><span style="color:{colours().changed_text.name()}">differs</span>'))
            table.setItem(row, 0, key_item)
            first_present, first_value = field.present[0], field.values[0]
            for index, (present, value) in enumerate(zip(field.present, field.values)):
                item = QTableWidgetItem()
                if not present:
                    item.setText("not set")
                    item.setData(HTML_ROLE, muted("not set"))
                else:
                    text = format_value(value)
                    shown = text if len(text) <= VALUE_PREVIEW_CHARS else text[:VALUE_PREVIEW_CHARS].rstrip() + "…"
                    item.setText(text)
                    item.setToolTip(plain_tip(text if len(text) < 2000 else text[:2000] + "…"))
                    item.setData(HTML_ROLE, colour_dot(field.key, value) + e(shown))
                differs = index > 0 and _differs_from_first(field.key, first_present, first_value, present, value)
                if differs:
                    item.setBackground(QBrush(colours().changed_row))
                item.setData(Qt.ItemDataRole.UserRole, differs)
                table.setItem(row, index + 1, item)
        self.fields_note.setText(
            f"{differing} of {len(overview.fields)} fields differ. Cells that differ from "
            f"{self._labels[0].letter if self._labels else 'the first'} are tinted; tools are compared as sets."
            if differing else "Every field means the same in every variant.")
        table.fit_height()

    def _show_tools(self, overview: Overview) -> None:
        table = self.tools
        table.clear()
        self._column_heads(table, None, short=True)
        rows = list(overview.tools)
        table.setRowCount(len(rows) + 1)
        heads = ["every tool"] + [row.tool if row.key == "tools" else f"{row.tool} (denied)" for row in rows]
        table.setVerticalHeaderLabels(heads)
        table.verticalHeader().show()
        for index, grants_all in enumerate(overview.all_tools("tools")):
            table.setItem(0, index, _mark_item("✓" if grants_all else "", colours().present_text))
        for row_index, row in enumerate(rows, start=1):
            for index, (listed, granted) in enumerate(zip(row.listed, row.granted)):
                if listed:
                    item = _mark_item("✓", colours().present_text)
                elif granted:
                    item = _mark_item("all", colours().muted_text, "granted as every tool")
                else:
                    item = _mark_item("", colours().muted_text)
                if not row.uniform:
                    item.setBackground(QBrush(colours().changed_row))
                table.setItem(row_index, index, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        mixed = sum(1 for row in rows if not row.uniform)
        self.tools_note.setText(f"{len(rows)} tools named; {mixed} not granted by every variant." if rows
                                else "No variant lists tools: every variant grants every tool.")
        table.fit_height()

    def _show_sections(self, overview: Overview) -> None:
        table = self.sections
        table.clear()
        self._column_heads(table, "Section", short=True)
        table.setRowCount(len(overview.sections))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, section_row in enumerate(overview.sections):
            indent = "&nbsp;&nbsp;&nbsp;" * max(0, section_row.level - 1)
            title = QTableWidgetItem(section_row.title)
            title.setData(HTML_ROLE, f"{indent}{e(section_row.title)}")
            title.setToolTip(plain_tip("#" * section_row.level + " " + section_row.title))
            table.setItem(row, 0, title)
            uniform = all(section_row.present)
            for index, section in enumerate(section_row.sections):
                if section is None:
                    item = _mark_item("", colours().muted_text)
                elif section.title != section_row.title:
                    item = QTableWidgetItem(section.title)
                    item.setData(HTML_ROLE, f'<span style="color:{colours().changed_text.name()}">{e(section.title)}</span>')
                    item.setToolTip(plain_tip(f"Renamed: “{section.title}”"))
                    uniform = False
                else:
                    item = _mark_item("✓", colours().present_text)
                table.setItem(row, index + 1, item)
            if not uniform:
                for column in range(table.columnCount()):
                    table.item(row, column).setBackground(QBrush(colours().changed_row))
        shared = sum(1 for row in overview.sections if all(row.present))
        self.sections_note.setText(f"{len(overview.sections)} sections; {shared} in every variant. "
                                   "A title in a cell is that variant's name for the section.")
        table.fit_height()

    def _show_similarity(self, overview: Overview) -> None:
        table = self.similarity
        table.clear()
        count = overview.count
        table.setRowCount(count)
        table.setColumnCount(count)
        for index, label in enumerate(self._labels[:count]):
            table.setHorizontalHeaderItem(index, QTableWidgetItem(letter_icon(label.letter, index), ""))
            table.setVerticalHeaderItem(index, QTableWidgetItem(letter_icon(label.letter, index), ""))
        table.verticalHeader().show()
        for i in range(count):
            for j in range(count):
                value = overview.similarity[i][j]
                item = QTableWidgetItem(percent(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, value)
                if i == j:
                    item.setForeground(QBrush(colours().muted_text))
                else:
                    background, text = _shade(value)
                    item.setBackground(QBrush(background))
                    item.setForeground(QBrush(text))
                    names = (self._labels[i].letter, self._labels[j].letter) if self._labels else (str(i), str(j))
                    item.setToolTip(f"{names[0]} and {names[1]}: {percent(value)} of the body text is the same.\n"
                                    "Double-click to compare them side by side.")
                table.setItem(i, j, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.fit_height()

    # ----- choosing a pair ------------------------------------------------------------

    def _on_similarity_cell_double_clicked(self, row: int, column: int) -> None:
        if row != column:
            self.pair_chosen.emit(row, column)

    def _on_compare_button_clicked(self) -> None:
        first, second = self.first_combo.currentIndex(), self.second_combo.currentIndex()
        if first != second and first >= 0 and second >= 0:
            self.pair_chosen.emit(first, second)


def _mark_item(text: str, colour: QColor, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    item.setForeground(QBrush(colour))
    if tip:
        item.setToolTip(tip)
    return item


def percent(share: float) -> str:
    """A share as the overview and the status line both say it: "4%", "100%"."""
    return f"{share:.0%}"


def overview_summary(overview: Overview) -> str:
    """The status line for the overview, in the units of its tables."""
    count = overview.count
    shares = [overview.similarity[i][j] for i in range(count) for j in range(i + 1, count)]
    low, high = (percent(min(shares)), percent(max(shares))) if shares else ("", "")
    alike = f"Body similarity {low} to {high}" if low != high else f"Body similarity {low}"
    differing = sum(1 for field in overview.fields if not field.uniform)
    return (f"{count} variants  ·  {alike}  ·  "
            f"{differing} of {len(overview.fields)} field{'s' if len(overview.fields) != 1 else ''} differ")


def _shade(value: float) -> tuple[QColor, QColor]:
    """A similarity cell's background (the page's base for nothing alike, the accent for
    identical) and a text colour that reads on it."""
    palette = colours()
    background = mix(palette.base.name(), palette.current_change.name(), max(0.0, min(1.0, value)))
    candidates = (palette.text.name(), palette.base.name())
    text = max(candidates, key=lambda colour: contrast(colour, background))
    return QColor(background), QColor(readable(text, background))


def _differs_from_first(key: str, first_present: bool, first_value, present: bool, value) -> bool:
    """Means something else than the first variant's value (tools as sets, absence included)."""
    if key in TOOL_SET_KEYS:
        first = tool_set(key, {key: first_value} if first_present else {})
        this = tool_set(key, {key: value} if present else {})
        return (first is None) != (this is None) or (first is not None and set(first) != set(this or ()))
    return present != first_present or (present and not same_value(first_value, value))
