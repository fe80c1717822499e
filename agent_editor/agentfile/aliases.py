"""How much a header's YAML aliases (``*name``) stand for, counted without expanding them.

An alias repeats the value of its anchor (``&name``). A few lines of aliases of aliases
(a "billion laughs") stand for billions of values: expanded, they exhaust memory, and
even walked once they take minutes. Claude Code's YAML reader (Bun's ``YAML.parse``, in
the 2.1.328 build) charges every alias the number of values it stands for (a text is
one, a list one plus its items, a mapping one plus its keys and values, counted through
nested aliases) against one budget per file, 16,777,216 (16 × 1024 × 1024); past it the
file is refused with "Excessive aliasing" and Claude Code ignores the file. Reusing an
anchor stays fine however often as long as the total stays under the budget: 150 uses of
a short text are 150.

The composed YAML graph already shares an anchor's node among its aliases, so what they
stand for is counted here on that graph, each node once: the expanded size of the
document less the nodes written out (each written node is written once; everything else
is an alias's copy). No value is ever expanded.

The editor keeps a far lower limit for itself: a header whose aliases stand for more
than ``EDITOR_LIMIT`` values is one Claude Code reads, but which the form and the
comparison could not show without walking every copy; it is shown as text instead.
"""

from __future__ import annotations

import yaml

CLAUDE_CODE_BUDGET = 16 * 1024 * 1024  # Bun's YAML reader in Claude Code 2.1.328
EDITOR_LIMIT = 10_000


class AliasExpansionError(yaml.YAMLError):
    """The aliases of a header stand for too many values.

    ``refused_by_claude_code``: over Claude Code's own budget (it ignores the file), else
    only over the editor's limit. ``key_node`` is the top-level key whose value stands for
    the most, when there is one.
    """

    def __init__(self, charged: int, refused_by_claude_code: bool, key_node: yaml.Node | None):
        self.charged = charged
        self.refused_by_claude_code = refused_by_claude_code
        self.key_node = key_node
        super().__init__(f"YAML aliases stand for more than {charged} values")


def aliased_values(root: yaml.Node, ceiling: int) -> int:
    """The number of values the aliases under ``root`` stand for (at most ``ceiling + 1``)."""
    written = _written(root)
    return max(0, _expanded_size(root, {}, ceiling + written) - written)


def check_aliases(root: yaml.Node, limit: int = EDITOR_LIMIT) -> None:
    """Raise ``AliasExpansionError`` when the aliases under ``root`` stand for more than ``limit`` values."""
    if not _has_shared_nodes(root):
        return
    charged = aliased_values(root, CLAUDE_CODE_BUDGET)
    if charged <= limit:
        return
    key_node = None
    if isinstance(root, yaml.MappingNode) and root.value:
        sizes: dict[int, int] = {}
        key_node = max(root.value, key=lambda pair: _expanded_size(pair[1], sizes, CLAUDE_CODE_BUDGET + 1))[0]
    raise AliasExpansionError(charged, charged > CLAUDE_CODE_BUDGET, key_node)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _has_shared_nodes(root: yaml.Node) -> bool:
    """True when some node is reached twice: only aliases (or merge keys) do that."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        stack.extend(_children(node))
    return False


def _written(root: yaml.Node) -> int:
    """How many distinct nodes the graph holds: the values written out in the text."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    return len(seen)


def _expanded_size(root: yaml.Node, sizes: dict[int, int], ceiling: int) -> int:
    """How many values ``root`` stands for with every alias copied out (saturating at ``ceiling + 1``)."""
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, leaving = stack.pop()
        key = id(node)
        if leaving:
            on_path.discard(key)
            sizes[key] = min(ceiling + 1, 1 + sum(sizes.get(id(child), 1) for child in _children(node)))
            continue
        if key in sizes or key in on_path:  # a node that holds itself is refused elsewhere
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes.get(id(root), 0)
