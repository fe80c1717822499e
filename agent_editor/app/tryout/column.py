"""One variant's column in the Try window: its name, what the run did (time, tokens, cost,
or a problem in plain words), the answer rendered as Markdown as it streams in, and the
tool calls it made. The answer is the model's text, a stranger's input: it goes through
the preview's safe renderer (raw HTML shown as text, nothing loaded)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from agent_editor.agentfile.rendering import render_markdown
from agent_editor.app.access.names import name
from agent_editor.app.compare.style import e, variant_tag
from agent_editor.app.editor.preview import PreviewView
from agent_editor.tryout.events import RunResult

RENDER_DELAY_MS = 80  # streamed text is rendered at most this often


def _plain_label(object_name: str) -> QLabel:
    label = QLabel(objectName=object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def result_summary(result: RunResult) -> str:
    """Time, tokens and cost of a finished run, in one line."""
    finished = result.finished
    if finished is None:
        return f"{result.seconds:.1f} s"
    return (f"{result.seconds:.1f} s · {finished.input_tokens:,} tokens in · {finished.output_tokens:,} out · "
            f"${finished.cost_usd:.4f}" + (f" · {finished.turns} turns" if finished.turns > 1 else ""))


class VariantColumn(QWidget):
    def __init__(self, index: int, letter: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.label = f"{letter} {label}"
        self.result: RunResult | None = None
        title = QLabel(objectName="tryColumnTitle")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setText(f"{variant_tag(letter, index)}&nbsp;&nbsp;<b>{e(label)}</b>")  # the label escaped
        self.status = _plain_label("tryStatus")
        self.status.setText("Not run yet.")
        self.answer = PreviewView()
        self.answer.setObjectName("tryAnswer")
        self.tools_title = QLabel("Tool calls", objectName="paneTitle")
        self.tools = QListWidget(objectName="tryTools")
        self.tools.setWordWrap(True)
        tools_box = QWidget()
        tools_layout = QVBoxLayout(tools_box)
        tools_layout.setContentsMargins(0, 0, 0, 0)
        tools_layout.setSpacing(0)
        tools_layout.addWidget(self.tools_title)
        tools_layout.addWidget(self.tools)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.answer)
        split.addWidget(tools_box)
        split.setSizes([500, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._render_timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render)
        self._shown_text = None
        self._shown_tools = -1

    def name_controls(self) -> None:
        name(self.answer, f"Answer of {self.label}", "")
        name(self.tools, f"Tool calls of {self.label}", "")

    # what the window calls

    def start(self, result: RunResult) -> None:
        self.result = result
        self.status.setText("Running…")
        self._shown_text, self._shown_tools = None, -1
        self.tools.clear()
        self.answer.show_html("", keep_position=False)

    def update_soon(self) -> None:
        if not self._render_timer.isActive():
            self._render_timer.start()

    def finish(self) -> None:
        self._render_timer.stop()
        self._render()
        result = self.result
        if result is None:
            return
        if result.problem:
            self.status.setText(result.problem)
        elif result.stopped:
            self.status.setText(f"Stopped after {result.seconds:.1f} s.")
        else:
            self.status.setText(result_summary(result))

    def show_kept(self, record: dict) -> None:
        """A result kept from an earlier run of this same version and request."""
        self.result = None
        cost = record.get("cost_usd")
        cost_text = f" · ${cost:.4f}" if isinstance(cost, (int, float)) else ""
        self.status.setText(f"Last run {record.get('saved_at', '')}{cost_text} (kept; press Run to run again).")
        answer = record.get("answer")
        self.answer.show_html(render_markdown(answer if isinstance(answer, str) else ""), keep_position=False)
        self.tools.clear()
        for call in record.get("tool_calls") or []:
            if isinstance(call, dict):
                self.tools.addItem(f"{call.get('name', '')}  {str(call.get('input', ''))[:80]}")
        self.tools_title.setText(f"Tool calls ({self.tools.count()})")

    def clear(self) -> None:
        self.result = None
        self.status.setText("Not run yet.")
        self.answer.show_html("", keep_position=False)
        self.tools.clear()
        self.tools_title.setText("Tool calls")

    @property
    def answer_text(self) -> str:
        return self.result.answer if self.result else ""

    # drawing

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        text = result.shown_text
        if text != self._shown_text:
            self._shown_text = text
            self.answer.show_html(render_markdown(text))
        calls = [call for call in result.tool_calls if not call.subagent]
        if len(calls) != self._shown_tools:
            self._shown_tools = len(calls)
            self.tools.clear()
            for call in calls:
                failed = "  (refused or failed)" if call.id in result.tool_errors else ""
                self.tools.addItem(f"{call.name}  {call.short_input()}{failed}")
            self.tools_title.setText(f"Tool calls ({len(calls)})")
        if not result.done and result.finished is None:
            self.status.setText("Running…")
