"""The Markdown sections that differ between two bodies, as a short list of notes.

``SectionNotes`` lists a ``Comparison``'s section matches that are not the same
("Security: only in B", "Purpose → Goals: renamed", "Examples: moved"). Choosing a
note asks the body view to show that section (``section_chosen``); the two buttons
ask to copy the chosen section across (``copy_requested(match, into)``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from agent_editor.app.access.names import name
from agent_editor.compare.model import Side
from agent_editor.compare.sections import SectionKind, SectionMatch
from agent_editor.app.compare.style import colours
from agent_editor.app.plain_text import tip

_MATCH_ROLE = Qt.ItemDataRole.UserRole


def describe(match: SectionMatch, letters: tuple[str, str]) -> str:
    """One line saying how a section differs, in the view's own letters."""
    a, b = letters
    kind = match.kind
    if kind is SectionKind.ONLY_IN_A:
        return f"{match.title}: only in {a}"
    if kind is SectionKind.ONLY_IN_B:
        return f"{match.title}: only in {b}"
    assert match.a is not None and match.b is not None
    notes = []
    if match.renamed:
        notes.append("renamed")
    if match.moved:
        notes.append("moved")
    if not match.same_text:
        notes.append(f"text changed ({round(match.similarity * 100)}% alike)")
    title = f"{match.a.title} → {match.b.title}" if match.renamed else match.title
    return f"{title}: {', '.join(notes) or 'same'}"


def _kind_icon(kind: SectionKind) -> QIcon:
    """A small square in the colour of the side that has the section, or of a change."""
    palette = colours()
    colour = {SectionKind.ONLY_IN_A: palette.removed_word,
              SectionKind.ONLY_IN_B: palette.added_word}.get(kind, palette.changed_mark)
    pixmap = QPixmap(24, 24)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(125))
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(1.5, 1.5, 9, 9), 2, 2)
    painter.end()
    return QIcon(pixmap)


class SectionNotes(QWidget):
    section_chosen = Signal(object)  # SectionMatch
    copy_requested = Signal(object, object)  # SectionMatch, the Side to copy into

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._letters = ("A", "B")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.title = QLabel("Sections", objectName="paneTitle")
        box.addWidget(self.title)
        self.list = QListWidget(objectName="sectionNotes")
        name(self.list, self.tr("Sections"), self.tr("The sections of the two bodies and how they differ"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        box.addWidget(self.list, 1)
        buttons = QVBoxLayout()  # stacked: the labels are long for a narrow pane
        buttons.setContentsMargins(8, 6, 8, 8)
        buttons.setSpacing(6)
        self.copy_into_b = QPushButton("Use A's Section in B", objectName="copySection")
        self.copy_into_a = QPushButton("Use B's Section in A", objectName="copySection")
        name(self.copy_into_a, self.tr("Use B's section in A"), self.tr("Copy the chosen section of B into A"))
        name(self.copy_into_b, self.tr("Use A's section in B"), self.tr("Copy the chosen section of A into B"))
        self.copy_into_a.clicked.connect(lambda: self._ask_copy(Side.A))
        self.copy_into_b.clicked.connect(lambda: self._ask_copy(Side.B))
        buttons.addWidget(self.copy_into_b)
        buttons.addWidget(self.copy_into_a)
        box.addLayout(buttons)
        self._update_buttons()

    def set_fixed_sides(self, sides: set) -> None:
        """Offer no copy into these sides (a version kept for comparison)."""
        self.copy_into_a.setVisible(Side.A not in sides)
        self.copy_into_b.setVisible(Side.B not in sides)

    def set_letters(self, letters: tuple[str, str]) -> None:
        self._letters = letters
        a, b = letters
        self.copy_into_b.setText(f"Use {a}'s Section in {b}")
        self.copy_into_a.setText(f"Use {b}'s Section in {a}")
        self._update_buttons()

    def show_matches(self, matches: tuple[SectionMatch, ...]) -> None:
        """List the sections that differ; the chosen one stays chosen when it still differs."""
        chosen = self.chosen()
        chosen_key = (chosen.a and chosen.a.key, chosen.b and chosen.b.key) if chosen else None
        differing = [m for m in matches if not m.same]
        total = len(matches)
        self.title.setText(f"Sections — {len(differing)} of {total} differ" if total else "Sections — none")
        self.list.blockSignals(True)
        self.list.clear()
        for match in differing:
            item = QListWidgetItem(_kind_icon(match.kind), describe(match, self._letters))
            item.setData(_MATCH_ROLE, match)
            item.setToolTip(tip(self._tooltip(match)))
            self.list.addItem(item)
            if chosen_key == (match.a and match.a.key, match.b and match.b.key):
                self.list.setCurrentItem(item)
        if not differing:
            item = QListWidgetItem("Every section matches." if total else "Neither body has Markdown headings.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def notes(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).data(_MATCH_ROLE) is not None]

    def chosen(self) -> SectionMatch | None:
        item = self.list.currentItem()
        return item.data(_MATCH_ROLE) if item is not None else None

    def choose(self, text_start: str) -> SectionMatch | None:
        """Choose the first note starting with ``text_start`` (for keyboard-free use and tests)."""
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.text().startswith(text_start) and item.data(_MATCH_ROLE) is not None:
                self.list.setCurrentItem(item)
                return item.data(_MATCH_ROLE)
        return None

    def _tooltip(self, match: SectionMatch) -> str:
        a, b = self._letters
        parts = []
        if match.a is not None:
            parts.append(f"{a}: line {match.a.start_line + 1}, {'#' * match.a.level} {match.a.title}")
        if match.b is not None:
            parts.append(f"{b}: line {match.b.start_line + 1}, {'#' * match.b.level} {match.b.title}")
        return "\n".join(parts)

    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self._update_buttons()
        match = current.data(_MATCH_ROLE) if current is not None else None
        if match is not None:
            self.section_chosen.emit(match)

    def _ask_copy(self, into: Side) -> None:
        match = self.chosen()
        if match is not None:
            self.copy_requested.emit(match, into)

    def _update_buttons(self) -> None:
        match = self.chosen()
        a, b = self._letters
        self.copy_into_b.setEnabled(match is not None and match.a is not None)
        self.copy_into_a.setEnabled(match is not None and match.b is not None)
        self.copy_into_b.setToolTip(f"Copy {a}'s version of this section into {b}")
        self.copy_into_a.setToolTip(f"Copy {b}'s version of this section into {a}")
