"""The input for a key whose value has structure (a list, a mapping): edited as YAML text.

A value of thousands of items is not written out as YAML here (PyYAML takes seconds for
50,000 items, at every refresh): the field shows its first items, read-only, and says
where the whole value can be edited (the header as text).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import yaml
from PySide6.QtWidgets import QLabel

from agent_editor.agentfile.header import ClaudeLoader
from agent_editor.app.editor.body_editor import exact_text
from agent_editor.app.editor.form.editors import MISSING, TextEditor, monospace_font


# A value of more items than this (counting nested ones) is shown only in part, read-only.
ITEMS_SHOWN = 2_000
_SAMPLE = 50


def _items(value: Any, limit: int) -> int:
    """How many values ``value`` holds, counted up to just past ``limit``."""
    count, stack = 0, [value]
    while stack and count <= limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(islice(item.keys(), limit))
            stack.extend(islice(item.values(), limit))
        elif isinstance(item, list):
            stack.extend(islice(item, limit))
    return count


def _sample(value: Any, room: list[int]) -> Any:
    """The first values of ``value``, at most ``room[0]`` of them, nested ones included."""
    if isinstance(value, list):
        items = []
        for item in value:
            if room[0] <= 0:
                break
            room[0] -= 1
            items.append(_sample(item, room))
        return items
    if isinstance(value, dict):
        pairs = {}
        for key, item in value.items():
            if room[0] <= 0:
                break
            room[0] -= 1
            pairs[key] = _sample(item, room)
        return pairs
    return value


class YamlEditor(TextEditor):
    """A value with structure (a list, a mapping) edited as YAML text; applied once it reads."""

    def __init__(self):
        super().__init__(placeholder=self.tr("One item a line, for example:\n- name: value"), lines=4)
        self.text.setFont(monospace_font())
        self.note = QLabel(objectName="fieldNote")
        self.layout().addWidget(self.note)
        self.note.hide()
        self._too_big = False

    def show_value(self, value: Any) -> None:
        self._too_big = value is not MISSING and _items(value, ITEMS_SHOWN) > ITEMS_SHOWN
        if self._too_big:
            text = yaml.safe_dump(_sample(value, [_SAMPLE]), default_flow_style=False, sort_keys=False,
                                  allow_unicode=True)
            super().show_value(text.removesuffix("...\n").rstrip("\n") + "\n…")
            self.text.setReadOnly(True)
            self.note.setText(self.tr("This value holds more than {count} items, too many to edit here: the first "
                                      "ones are shown. Edit it with “Show the header as text”.")
                              .format(count=f"{ITEMS_SHOWN:,}"))
            self.note.show()
            return
        text = "" if value is MISSING or value is None else yaml.safe_dump(
            value, default_flow_style=False, sort_keys=False, allow_unicode=True).rstrip("\n")
        if text.endswith("\n..."):
            text = text[:-4]
        try:
            current = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            current = MISSING
        if current != (None if value is MISSING else value):
            super().show_value(text)
        self.text.setReadOnly(self.cut_short)
        self.note.hide()

    def _on_text_text_changed(self) -> None:
        if self._showing or self.cut_short or self._too_big:
            return
        try:
            value = yaml.load(exact_text(self.text), Loader=ClaudeLoader)
        except yaml.YAMLError:
            self.note.setText(self.tr("Not applied yet: Claude Code could not read this. Check the colons, "
                                      "quotes and indentation."))
            self.note.show()
            return
        self.note.hide()
        self.edited.emit(value)
