"""The problems list: every problem of the open file, most serious first.

Activating a row (double-click or Enter) asks to go to the field or line it concerns;
the Fix button applies the selected problem's fix. The list shows problems; it does
not decide them.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_editor.agentfile.problem import Problem
from agent_editor.app.access.names import name
from agent_editor.app.plain_text import tip

_SEVERITY_TEXT = {
    "error": QT_TRANSLATE_NOOP("ProblemsPanel", "Error"),
    "warning": QT_TRANSLATE_NOOP("ProblemsPanel", "Warning"),
    "info": QT_TRANSLATE_NOOP("ProblemsPanel", "Note"),
}
# Drawn here, not asked of the desktop's style: the same on every desktop, no emoji glyph
# (not on every system), and nothing of QStyle to load before the window's first frame.
_SEVERITY_MARK = {  # colour, shape, mark
    "error": ("#e5484d", "circle", "×"),
    "warning": ("#f5a524", "triangle", "!"),
    "info": ("#3e63dd", "circle", "i"),
}


# The list shows this many problems at most: a stranger's header of thousands of keys
# has a note for each, and a row each would hold the window for seconds. The summary
# line counts them all, and the form shows each key's own.
ROWS_LISTED = 200

_icons: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    """The error / warning / information icon, at 16 and 32 pixels (drawn once)."""
    icon = _icons.get(severity)
    if icon is None:
        icon = _icons[severity] = QIcon()
        for size in (16, 32):
            icon.addPixmap(_draw_mark(severity, size))
    return icon


def _draw_mark(severity: str, size: int) -> QPixmap:
    colour, shape, mark = _SEVERITY_MARK[severity]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    side = float(size)
    if shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(side / 2, side * 0.04), QPointF(side * 0.98, side * 0.94),
                                       QPointF(side * 0.02, side * 0.94)]))
        mark_rect, mark_colour = QRectF(0, side * 0.18, side, side * 0.76), QColor("#1c1c1c")
    else:
        painter.drawEllipse(QRectF(side * 0.03, side * 0.03, side * 0.94, side * 0.94))
        mark_rect, mark_colour = QRectF(0, 0, side, side), QColor("#ffffff")
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(8, round(side * 0.68)))
    painter.setFont(font)
    painter.setPen(mark_colour)
    painter.drawText(mark_rect, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return pixmap


class ProblemsPanel(QWidget):
    problem_activated = Signal(object)
    fix_requested = Signal(object)
    problems_shown = Signal(int)  # how many: with none, only the summary line is shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        head = QHBoxLayout()
        head.setContentsMargins(10, 4, 6, 4)
        self.summary = QLabel(objectName="problemsSummary", textFormat=Qt.TextFormat.RichText)  # our words only
        head.addWidget(self.summary, 1)
        name(self.summary, self.tr("Problems summary"))
        self.fix_button = QPushButton(self.tr("Fix"), enabled=False, objectName="fixButton")
        self.fix_button.setToolTip(self.tr("Apply the suggested fix for the selected problem"))
        name(self.fix_button, self.tr("Fix the selected problem"),
             self.tr("Changes the file as the selected problem suggests; Undo takes it back"))
        self.fix_button.clicked.connect(self._on_fix_button_clicked)
        head.addWidget(self.fix_button)
        box.addLayout(head)
        self.tree = QTreeWidget(rootIsDecorated=False, uniformRowHeights=False, wordWrap=True)
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Line"), self.tr("Problem")])
        name(self.tree, self.tr("Problems"), self.tr("What Claude Code will do with this file, most serious first. "
                                          "Enter goes to the field or line; Tab then reaches the Fix button."))
        self.tree.setColumnWidth(0, 100)
        self.tree.setColumnWidth(1, 50)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        box.addWidget(self.tree)
        self._problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> None:
        selected = self.selected_problem()
        self._problems = list(problems)
        self.tree.clear()
        for problem in problems[:ROWS_LISTED]:
            text = problem.message + (self.tr("  — fix: {label}").format(label=problem.fix.label)
                                      if problem.fix else "")
            kind = QCoreApplication.translate("ProblemsPanel", _SEVERITY_TEXT[problem.severity])
            item = QTreeWidgetItem([kind, str(problem.line or ""), text])
            item.setIcon(0, severity_icon(problem.severity))
            item.setData(0, Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(2, tip(problem.message))
            self.tree.addTopLevelItem(item)
            if problem.details:  # the technical part, one click (or the Right key) away
                details = QTreeWidgetItem(["", "", self.tr("Details: {details}").format(details=problem.details)])
                details.setData(0, Qt.ItemDataRole.UserRole, problem)
                item.addChild(details)
        if len(problems) > ROWS_LISTED:
            more = QTreeWidgetItem(["", "", self.tr("… and {n} more, not listed here (each setting's own are shown "
                                                    "in the form)").format(n=len(problems) - ROWS_LISTED)])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(more)
        self.tree.setRootIsDecorated(any(problem.details for problem in problems[:ROWS_LISTED]))
        counts = Counter(problem.severity for problem in problems)  # one pass: a file may have thousands
        warnings = self.tr("1 warning") if counts["warning"] == 1 else \
            self.tr("{n} warnings").format(n=counts["warning"])
        notes = self.tr("1 note") if counts["info"] == 1 else self.tr("{n} notes").format(n=counts["info"])
        others = self.tr("{warnings}, {notes}.").format(warnings=warnings, notes=notes)
        codes = {problem.code for problem in problems}
        if "not-md" in codes:
            self.summary.setText(self.tr("<b>Claude Code never reads this file</b>: its name does not end in .md."))
        elif "name-overridden" in codes and not counts["error"]:
            self.summary.setText(self.tr("<b>Claude Code does not use this agent</b>: another file with the same name "
                                    "takes its place."))
        elif "name-shared" in codes and not counts["error"]:
            self.summary.setText(self.tr("<b>Claude Code may not use this agent</b>: another file in its folder has "
                                         "the same name, and only one of them loads."))
        elif not problems:
            self.summary.setText(self.tr("No problems: Claude Code will load this agent as written."))
        elif counts["error"]:
            errors = (self.tr("<b>Claude Code will ignore this file</b> until 1 error is fixed.") if counts["error"] == 1
                      else self.tr("<b>Claude Code will ignore this file</b> until {n} errors are fixed.")
                      .format(n=counts["error"]))
            self.summary.setText(f"{errors} {others}")
        else:
            self.summary.setText(self.tr("Claude Code will load this agent.") + " " + others)
        self.fix_button.setEnabled(False)
        self.tree.setVisible(bool(problems))
        self.fix_button.setVisible(bool(problems))
        if selected is not None:  # re-checking keeps the author's place in the list
            for index in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(index)
                if item.data(0, Qt.ItemDataRole.UserRole) == selected:
                    self.tree.setCurrentItem(item)
                    break
        self.problems_shown.emit(len(problems))

    @property
    def problems(self) -> list[Problem]:
        return self._problems

    def selected_problem(self) -> Problem | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        if problem is not None:  # the "… and more" line stands for no one problem
            self.problem_activated.emit(problem)

    def _on_tree_current_item_changed(self, item, _previous) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.fix_button.setEnabled(bool(problem and problem.fix))
        self.fix_button.setText(problem.fix.label if problem and problem.fix else self.tr("Fix"))

    def tab_order(self) -> list[QWidget]:
        """Choosing a problem comes before fixing it."""
        return [self.tree, self.fix_button]

    def _on_fix_button_clicked(self) -> None:
        problem = self.selected_problem()
        if problem and problem.fix:
            self.fix_requested.emit(problem.fix)

