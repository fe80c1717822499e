"""Stand-ins: what keeps a pane's place in the editor window until the pane is built.

The header form is built after the window's first frame, the agent list when a folder
is first listed. Until then an empty widget holds the place, as wide as the pane will
need, so the window arranges its panes (``fit``) as they will be; then the pane takes
the stand-in's place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from agent_editor.app.editor.form.width import narrowest as narrowest_form


def form_stand_in() -> QScrollArea:
    """The form's place until it is built: an empty scroll area as wide as the form's rows
    need, so the panes are arranged (``fit``) as they will be with the form."""
    slot = QScrollArea(objectName="formSlot", widgetResizable=True)
    slot.setFrameShape(QFrame.Shape.NoFrame)
    slot.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    slot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing in it to reach
    slot.setWidget(QWidget(objectName="formHost", minimumWidth=narrowest_form()))
    return slot


def put_in_place(stand_in: QWidget, widget: QWidget) -> None:
    """``widget`` where ``stand_in`` stood, and the stand-in gone: in a splitter, keeping its
    sizes and shown or hidden as the stand-in was; in a layout, shown with it (in the next
    turn of the event loop, so that building and showing a large pane are two turns)."""
    holder = stand_in.parentWidget()
    if isinstance(holder, QSplitter):  # which also takes the stand-in out of the window
        sizes = holder.sizes()
        holder.replaceWidget(holder.indexOf(stand_in), widget)
        holder.setSizes(sizes)
        widget.setVisible(not stand_in.isHidden())
    else:
        holder.layout().replaceWidget(stand_in, widget)
        stand_in.hide()  # still the holder's child until deleted
    stand_in.deleteLater()
