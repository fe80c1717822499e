"""The overview of any number of variants: fields, tool sets, sections (one row per
section, matched across variants) and a pairwise similarity matrix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agent_editor.compare.bodies import body_similarity
from agent_editor.compare.fields import compare_field, tool_set
from agent_editor.compare.model import Comparable
from agent_editor.compare.sections import Section, content_words, parse_sections, score_candidates

@dataclass(frozen=True)
class FieldRow:
    """One header key across the variants: ``values[i]`` is variant i's value (None when
    ``present[i]`` is False). ``uniform``: every variant means the same by it."""

    key: str
    values: tuple[Any, ...]
    present: tuple[bool, ...]
    uniform: bool


@dataclass(frozen=True)
class ToolRow:
    """One tool name across the variants: ``granted[i]`` is True when variant i lists it
    or grants every tool (see ``Overview.all_tools``)."""

    key: str  # "tools" or "disallowedTools"
    tool: str
    listed: tuple[bool, ...]
    granted: tuple[bool, ...]

    @property
    def uniform(self) -> bool:
        return all(self.granted) or not any(self.granted)


@dataclass(frozen=True)
class SectionRow:
    """One section across the variants: ``sections[i]`` is variant i's section (None when
    it has none). ``title`` is the first variant's title for it; a variant whose own title
    differs has it renamed."""

    title: str
    level: int
    sections: tuple[Section | None, ...]

    @property
    def present(self) -> tuple[bool, ...]:
        return tuple(section is not None for section in self.sections)

    @property
    def titles(self) -> tuple[str | None, ...]:
        return tuple(section.title if section else None for section in self.sections)


@dataclass(frozen=True)
class Overview:
    """Any number of variants side by side.

    ``tool_sets[i]`` is variant i's ``tools`` as a set (None: every tool);
    ``tools`` has a row per named tool (``tools`` first, then ``disallowedTools``);
    ``similarity[i][j]`` is the body similarity of variants i and j (symmetric, 1.0 on
    the diagonal).
    """

    count: int
    fields: tuple[FieldRow, ...]
    tool_sets: tuple[tuple[str, ...] | None, ...]
    disallowed_sets: tuple[tuple[str, ...] | None, ...]
    tools: tuple[ToolRow, ...]
    sections: tuple[SectionRow, ...]
    similarity: tuple[tuple[float, ...], ...]

    def field(self, key: str) -> FieldRow | None:
        return next((row for row in self.fields if row.key == key), None)

    def all_tools(self, key: str = "tools") -> tuple[bool, ...]:
        sets = self.tool_sets if key == "tools" else self.disallowed_sets
        return tuple(names is None for names in sets)


def overview(docs: Sequence[Comparable]) -> Overview:
    fields = [doc.fields for doc in docs]
    bodies = [doc.body for doc in docs]
    tool_sets = tuple(tool_set("tools", f) for f in fields)
    disallowed_sets = tuple(tool_set("disallowedTools", f) for f in fields)
    return Overview(
        count=len(docs),
        fields=_field_rows(fields),
        tool_sets=tool_sets,
        disallowed_sets=disallowed_sets,
        tools=_tool_rows("tools", tool_sets) + _tool_rows("disallowedTools", disallowed_sets),
        sections=_section_rows(bodies),
        similarity=_similarity_matrix(bodies),
    )


def _field_rows(fields: Sequence[Mapping[str, Any]]) -> tuple[FieldRow, ...]:
    keys = list(dict.fromkeys(key for f in fields for key in f))
    rows = []
    for key in keys:
        first = fields[0]
        uniform = all(compare_field(key, first, other).same for other in fields[1:])
        rows.append(FieldRow(key, tuple(f.get(key) for f in fields), tuple(key in f for f in fields), uniform))
    return tuple(rows)


def _tool_rows(key: str, sets: Sequence[tuple[str, ...] | None]) -> tuple[ToolRow, ...]:
    names = list(dict.fromkeys(name for names in sets if names for name in names))
    rows = []
    for name in names:
        listed = tuple(names_i is not None and name in names_i for names_i in sets)
        granted = tuple(names_i is None or name in names_i for names_i in sets)
        rows.append(ToolRow(key, name, listed, granted))
    return tuple(rows)


def _similarity_matrix(bodies: Sequence[str]) -> tuple[tuple[float, ...], ...]:
    n = len(bodies)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i][j] = matrix[j][i] = body_similarity(bodies[i], bodies[j])
    return tuple(tuple(row) for row in matrix)


def _section_rows(bodies: Sequence[str]) -> tuple[SectionRow, ...]:
    """One row per section across all variants, in reading order.

    Each variant is matched against the rows built so far, by title and then by content
    (the row's text from the first variant that has it); its unmatched sections become
    new rows (see ``_new_row_position``).
    """
    n = len(bodies)
    rows: list[list[Section | None]] = []
    row_text: list[list[str]] = []  # words of the row's first section, for content matching
    row_keys: list[set[str]] = []
    for variant, body in enumerate(bodies):
        lines = body.split("\n")
        sections = parse_sections(body)
        matched: dict[int, int] = {}  # section index -> row
        for section in sections:
            free = (r for r in range(len(rows)) if rows[r][variant] is None and r not in matched.values())
            row = next((r for r in free if section.key in row_keys[r]), None)
            if row is not None:
                matched[section.index] = row
        free_rows = [r for r in range(len(rows)) if r not in matched.values()]
        scored = score_candidates(
            [(s.index, content_words(lines, s)) for s in sections if s.index not in matched],
            [(r, row_text[r]) for r in free_rows],
        )
        for _score, section_index, row in sorted(scored, reverse=True):
            if section_index not in matched and row not in matched.values():
                matched[section_index] = row
        for section in sections:
            if section.index in matched:
                row = matched[section.index]
                rows[row][variant] = section
                row_keys[row].add(section.key)
                continue
            row = _new_row_position(section, sections, matched, len(rows))
            cells: list[Section | None] = [None] * n
            cells[variant] = section
            rows.insert(row, cells)
            row_text.insert(row, content_words(lines, section))
            row_keys.insert(row, {section.key})
            matched = {k: (r + 1 if r >= row else r) for k, r in matched.items()}
            matched[section.index] = row
    return tuple(_section_row(cells) for cells in rows)


def _new_row_position(section: Section, sections: Sequence[Section], matched: dict[int, int], row_count: int) -> int:
    """Where a variant's section without a row gets one: after the row of the variant's
    section before it, else before the row of its next placed section, else at the end."""
    before = [matched[s.index] for s in sections[: section.index] if s.index in matched]
    if before:
        return before[-1] + 1
    after = [matched[s.index] for s in sections[section.index + 1 :] if s.index in matched]
    return after[0] if after else row_count


def _section_row(cells: Sequence[Section | None]) -> SectionRow:
    first = next(section for section in cells if section is not None)
    return SectionRow(first.title, first.level, tuple(cells))
