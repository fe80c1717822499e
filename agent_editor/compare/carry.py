"""Carrying one change, or a whole section, from one body into the other."""

from __future__ import annotations

from collections.abc import Sequence

from agent_editor.compare.bodies import Change
from agent_editor.compare.model import Side
from agent_editor.compare.sections import Section, core_range, pair_sections, parse_sections

def apply_change(target_body: str, source_body: str, change: Change, *, target_side: Side = Side.A) -> str:
    """``target_body`` with ``change``'s lines replaced by the source's version of them.

    ``target_side`` says which side of the comparison the target is: Side.A (default)
    takes B's lines into A, Side.B takes A's lines into B. Raises ValueError when either
    body no longer holds the lines the change was computed on (compare again after each
    edit: later changes' line numbers shift).
    """
    if target_side is Side.A:
        target_range, target_expected = (change.a_start, change.a_end), change.a_lines
        source_range, source_expected = (change.b_start, change.b_end), change.b_lines
    else:
        target_range, target_expected = (change.b_start, change.b_end), change.b_lines
        source_range, source_expected = (change.a_start, change.a_end), change.a_lines
    target_lines, source_lines = target_body.split("\n"), source_body.split("\n")
    if tuple(target_lines[slice(*target_range)]) != target_expected:
        raise ValueError("the target text has changed since it was compared; compare again")
    if tuple(source_lines[slice(*source_range)]) != source_expected:
        raise ValueError("the source text has changed since it was compared; compare again")
    start, end = target_range
    return "\n".join([*target_lines[:start], *source_expected, *target_lines[end:]])


def copy_section(target_body: str, source_body: str, section: Section) -> str:
    """``target_body`` with ``section`` (a section of ``source_body``) copied in.

    If the target has the matching section (by title, else by content) its text is
    replaced. Otherwise it lands where it stands in the source, relative to the sections
    both bodies share (see ``insertion_line``).
    """
    source_lines, target_lines = source_body.split("\n"), target_body.split("\n")
    sections_source, sections_target = parse_sections(source_body), parse_sections(target_body)
    if not (0 <= section.index < len(sections_source) and sections_source[section.index] == section):
        raise ValueError("the section is not one of the source body's sections; parse it again")
    pairs, _renamed = pair_sections(sections_source, sections_target, source_lines, target_lines)
    start, end = core_range(source_lines, section)
    copied = source_lines[start:end]
    if section.index in pairs:
        replaced = sections_target[pairs[section.index]]
        t_start, t_end = core_range(target_lines, replaced)
        return "\n".join([*target_lines[:t_start], *copied, *target_lines[t_end:]])
    position = insertion_line(section, sections_source, sections_target, target_lines, pairs)
    return "\n".join(_insert_block(target_lines, position, copied))


def insertion_line(
    section: Section,
    sections_source: Sequence[Section],
    sections_target: Sequence[Section],
    target_lines: Sequence[str],
    pairs: dict[int, int],
) -> int:
    """The target line a section missing from the target goes in front of.

    In order of preference: right after the nearest earlier sibling both share; right
    before the nearest later sibling both share; inside the shared parent (first if it
    comes first in the source, else last); after the nearest earlier shared section of
    any level; before the nearest later one. With nothing shared, at the end.

    "After" a shared section means after its own text and the subsections it has in
    the source too, but before subsections it has only in the target: a "Purpose" that
    holds every other section in the target still gets the copy right after its text.
    """
    siblings = [s for s in sections_source if s.parent == section.parent and s.index != section.index]
    before = [s for s in siblings if s.index < section.index and s.index in pairs]
    after = [s for s in siblings if s.index > section.index and s.index in pairs]
    if before:
        return _after(before[-1], sections_source, sections_target, pairs)
    if after:
        return sections_target[pairs[after[0].index]].start_line
    if section.parent is not None and section.parent in pairs:
        parent = sections_target[pairs[section.parent]]
        children = [s for s in sections_target if s.parent == parent.index]
        first_in_source = not any(s.index < section.index for s in siblings)
        return children[0].start_line if children and first_in_source else parent.end_line
    ancestors = _ancestors(section, sections_source)
    earlier = [s for s in sections_source[: section.index] if s.index in pairs and s.index not in ancestors]
    later = [s for s in sections_source if s.start_line >= section.end_line and s.index in pairs]
    if earlier:
        return _after(earlier[-1], sections_source, sections_target, pairs)
    if later:
        return sections_target[pairs[later[0].index]].start_line
    end = len(target_lines)
    while end > 0 and not target_lines[end - 1].strip():
        end -= 1
    return end


def _after(anchor: Section, sections_source: Sequence[Section], sections_target: Sequence[Section],
           pairs: dict[int, int]) -> int:
    """The target line after ``anchor``'s match and those of its subsections that are
    ``anchor``'s in the source too."""
    match = sections_target[pairs[anchor.index]]
    source_of = {target: source for source, target in pairs.items()}
    for child in (s for s in sections_target if s.parent == match.index):
        source = source_of.get(child.index)
        if source is None or anchor.index not in _ancestors(sections_source[source], sections_source):
            return child.start_line
    return match.end_line


def _ancestors(section: Section, sections: Sequence[Section]) -> set[int]:
    found: set[int] = set()
    parent = section.parent
    while parent is not None:
        found.add(parent)
        parent = sections[parent].parent
    return found


def _insert_block(lines: list[str], position: int, block: list[str]) -> list[str]:
    """Insert ``block`` at ``position`` with one blank line between it and any text around it."""
    before, after = lines[:position], lines[position:]
    # A section that ends the target keeps its own trailing blank lines; the block goes
    # after its text.
    while before and not before[-1].strip() and position == len(lines):
        after.insert(0, before.pop())
    padding_before = [""] if before and before[-1].strip() else []
    padding_after = [""] if after and after[0].strip() else []
    if not after:
        padding_after = []
    return [*before, *padding_before, *block, *padding_after, *after]
