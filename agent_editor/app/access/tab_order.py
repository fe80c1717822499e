"""The Tab order of a window: the order the controls stand on screen, top to bottom, left to right.

Qt chains controls in the order they were made, so a control made later (a field
shown on demand, a Fix button under a problem) would be reached only after
everything else. ``chain_in_layout_order`` walks the layouts the way a reader sees
them and chains the controls in that order; a widget may name the order of its own
controls with a ``tab_order()`` method (the problem list before its Fix button, so
that choosing a problem comes before fixing it). ``next_in_round`` is what Tab and
Shift+Tab follow in a window that keeps the chain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from shiboken6 import isValid
from PySide6.QtWidgets import QLayout, QMainWindow, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QToolBar, QWidget

from agent_editor.app.access.names import takes_tab_focus


_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def controls_in_layout_order(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` the Tab key can reach, in the order they stand on screen."""
    found: list[QWidget] = []
    seen: set[int] = set()
    _walk(root, found, seen)
    return found


def chain_in_layout_order(root: QWidget) -> list[QWidget]:
    """Set the Tab order under ``root`` to the on-screen order; returns the chain."""
    chain = controls_in_layout_order(root)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain


def next_in_round(chain: list[QWidget], current: QWidget | None, forward: bool = True) -> QWidget | None:
    """The control after (or before) the one holding ``current`` in ``chain`` that can take
    focus now, from the last round to the first; None when ``current`` is not in the chain.

    Qt's own focus list, which ``setTabOrder`` rearranges, can come apart into separate
    rounds when compound controls (a combo box and its pop-up) are moved in it; a window
    that walks its chain itself does not depend on it."""
    members = [w for w in chain if isValid(w) and w.isVisible() and w.isEnabled()]
    position = {id(w): i for i, w in enumerate(members)}
    holder = current
    while holder is not None and id(holder) not in position:  # a spin box's own line edit: the spin box
        holder = holder.parentWidget()
    if holder is None or len(members) < 2:
        return None
    return members[(position[id(holder)] + (1 if forward else -1)) % len(members)]


def _walk(widget: QWidget, found: list[QWidget], seen: set[int]) -> None:
    if id(widget) in seen:
        return
    seen.add(id(widget))
    own_order = getattr(widget, "tab_order", None)
    if callable(own_order):
        for each in own_order():
            _walk(each, found, seen)
        return
    if takes_tab_focus(widget):
        found.append(widget)
    for child in _children_in_order(widget):
        _walk(child, found, seen)


def _children_in_order(widget: QWidget) -> list[QWidget]:
    ordered: list[QWidget] = []
    children = widget.findChildren(QWidget, options=_DIRECT)
    if isinstance(widget, QMainWindow):
        ordered += widget.findChildren(QToolBar, options=_DIRECT)
        ordered += [w for w in (widget.centralWidget(), widget.statusBar()) if w is not None]
    elif isinstance(widget, QScrollArea) and widget.widget() is not None:
        ordered.append(widget.widget())
    elif isinstance(widget, QSplitter):
        ordered += [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QTabWidget):
        ordered += [widget.tabBar()] + [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QStackedWidget):
        ordered += [widget.widget(i) for i in range(widget.count())]
    elif widget.layout() is not None:
        _layout_widgets(widget.layout(), children, ordered)
    # Children no layout places (a viewport, a popup's parts) follow in the order they were made.
    placed = {id(w) for w in ordered}
    ordered += [c for c in children if id(c) not in placed and not c.isWindow()]
    return ordered


def _layout_widgets(layout: QLayout, children: list[QWidget], into: list[QWidget]) -> None:
    """``children`` that ``layout`` (or a layout in it) places, in its order.

    Asked by index of each child widget and each child layout, never by ``itemAt``: that
    hands Python the layout's own items, which Qt deletes without telling PySide6; a
    later object made at the same address then came back as one of them (a layout
    read as a QWidgetItem, and the walk failing now and then)."""
    entries: list[tuple[int, QWidget | QLayout]] = [(layout.indexOf(child), child) for child in children]
    entries += [(layout.indexOf(inner), inner) for inner in layout.findChildren(QLayout, options=_DIRECT)]
    for _index, entry in sorted((e for e in entries if e[0] >= 0), key=lambda e: e[0]):
        if isinstance(entry, QLayout):
            _layout_widgets(entry, children, into)
        else:
            into.append(entry)

